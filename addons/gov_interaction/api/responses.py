# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""JSON answers of the API (4.1.4): UTF-8, in the negotiated language
(``Content-Language``), ``no-store`` when authenticated."""
import json
from datetime import date, datetime

from odoo import http
from odoo.http import request

from .lang import DEFAULT_LANG

JSON_TYPE = 'application/json'


def _json_default(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(repr(value))


def _is_authenticated():
    return bool(request.uid) and not request.env.user._is_public()


def json_response(data, status=200, headers=None):
    """A JSON response (an empty 204 for ``None``)."""
    headers = dict(headers or {})
    headers['Content-Language'] = request.context.get('lang', DEFAULT_LANG).replace('_', '-')
    if _is_authenticated():
        headers['Cache-Control'] = 'no-store'
    if data is None:
        response = http.Response(status=204, headers=headers)
        del response.headers['Content-Type']
        return response
    body = json.dumps(data, ensure_ascii=False, default=_json_default)
    return http.Response(body, status=status, headers=headers, content_type=JSON_TYPE + '; charset=utf-8')
