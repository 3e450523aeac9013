# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The language of the API's answers (4.1.4): ``?lang=``, then
``Accept-Language``, then zh_CN; en_US and the installed languages."""
from odoo import SUPERUSER_ID, api
from odoo.http import request

DEFAULT_LANG = 'zh_CN'


def _negotiate_lang():
    """The installed language asked for by ``?lang=``, else by
    ``Accept-Language``; zh_CN by default."""
    env = api.Environment(request.cr, SUPERUSER_ID, {})
    # en_US, the source language, needs no installed translations.
    installed = [code for code, _name in env['res.lang'].get_installed()] + ['en_US']
    wanted = [request.httprequest.args.get('lang')]
    wanted += [value for value, _quality in request.httprequest.accept_languages]
    for value in filter(None, wanted):
        lang = match_lang(value, installed)
        if lang:
            return lang
    return DEFAULT_LANG


def match_lang(value, installed):
    """``value`` (zh-CN, zh_cn, zh, ...) as one of the ``installed`` codes."""
    value = value.strip().replace('-', '_').lower()
    for code in installed:
        if code.lower() == value:
            return code
    for code in installed:
        if code.lower().split('_')[0] == value.split('_')[0]:
            return code
    return None


def set_request_lang():
    """Answer the request in the language it negotiates."""
    request.context = dict(request.context, lang=_negotiate_lang())


def supported_langs():
    """The codes a ``?lang=`` may name: the installed ones and en_US."""
    env = api.Environment(request.cr, SUPERUSER_ID, {})
    return sorted({code for code, _name in env['res.lang'].get_installed()} | {'en_US'})
