# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Answers while PostgreSQL is briefly unreachable (restart, failover, a
full connection pool): ``503 Service Unavailable`` with ``Retry-After``,
a JSON error under /api/ (and for JSON-RPC), a plain page elsewhere.

Without this, Odoo 11 answered an outage in three misleading ways: the
Werkzeug HTML page "500 Internal Server Error" (an error escaping
``Root.dispatch``), an HTML 404 (``Root.dispatch`` took the failed registry
check for a missing database and fell back to the database-less routes),
and 401 "please sign in" (that same branch logged the session out for
good, and ``ir.http._authenticate`` turns any error into AccessDenied).
Nothing here reads the database: the messages are in this file.
"""
import json
import logging

import psycopg2
import werkzeug.wrappers

from odoo import http, models
from odoo.modules.registry import Registry
from odoo.sql_db import PoolError

from ..api import DEFAULT_LANG, JSON_TYPE, UNAVAILABLE_MESSAGES, is_api_path
from .ir_http_security import add_security_headers, is_tls

_logger = logging.getLogger(__name__)

RETRY_AFTER = 5  # seconds: a PostgreSQL restart takes a few
# SQLSTATE classes of a lost connection: 08 connection exception, 57P01
# admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.  Other
# OperationalErrors (serialization failures, lock or statement timeouts)
# are the request's own problem.
UNAVAILABLE_SQLSTATES = ('08', '57P01', '57P02', '57P03')
PAGE = """<!DOCTYPE html>
<html lang="%(lang)s"><head><meta charset="utf-8"><title>503</title></head>
<body><h1>%(title)s</h1><p>%(message)s</p></body></html>
"""
TITLES = {'zh_CN': '服务暂时不可用', 'en_US': 'Service briefly unavailable'}


class DatabaseUnavailable(psycopg2.InterfaceError):
    """The database could not be reached.  An InterfaceError, so that
    ``Root.dispatch`` does not take it for a missing database (it catches
    OperationalError and logs the session out)."""


def is_database_unavailable(exception):
    """Whether ``exception``, or an exception it was raised from (Odoo
    re-raises errors as AccessDenied), means the database is unreachable."""
    seen = 0
    while exception is not None and seen < 10:
        if isinstance(exception, (psycopg2.InterfaceError, PoolError)):
            return True
        if isinstance(exception, psycopg2.OperationalError):
            code = exception.pgcode
            return code is None or code.startswith(UNAVAILABLE_SQLSTATES)
        exception = exception.__cause__ or exception.__context__
        seen += 1
    return False


def _wants_json(httprequest):
    return is_api_path(httprequest.path) \
        or httprequest.mimetype in ('application/json', 'application/json-rpc')


def _lang(httprequest):
    """en_US when ``?lang=`` or the browser's first language is English,
    else zh_CN; without the database (res.lang) at hand."""
    wanted = httprequest.args.get('lang') or httprequest.accept_languages.best or ''
    return 'en_US' if wanted.lower().startswith('en') else DEFAULT_LANG


def unavailable_response(httprequest):
    """The 503 answer to ``httprequest``, built without the database."""
    lang = _lang(httprequest)
    message = UNAVAILABLE_MESSAGES[lang]
    if _wants_json(httprequest):
        body = json.dumps({'error': {'code': 'unavailable', 'message': message,
                                     'details': {'retry_after': RETRY_AFTER}}}, ensure_ascii=False)
        content_type = JSON_TYPE + '; charset=utf-8'
    else:
        body = PAGE % {'lang': lang.replace('_', '-'), 'title': TITLES[lang], 'message': message}
        content_type = 'text/html; charset=utf-8'
    response = werkzeug.wrappers.Response(body, status=503, content_type=content_type)
    response.headers['Retry-After'] = str(RETRY_AFTER)
    response.headers['Cache-Control'] = 'no-store'
    response.headers['Content-Language'] = lang.replace('_', '-')
    add_security_headers(response.headers, is_tls(httprequest))
    return response


class IrHttp(models.AbstractModel):
    # Apart from ir_http.py on purpose: one concern a file.
    _inherit = 'ir.http'  # pylint: disable=consider-merging-classes-inherited

    @classmethod
    def _authenticate(cls, auth_method='user'):
        # Odoo turns any error of the session check into AccessDenied (401,
        # "please sign in", or the login page): not for an outage.
        try:
            return super(IrHttp, cls)._authenticate(auth_method)
        except Exception as error:
            if is_database_unavailable(error):
                raise DatabaseUnavailable(str(error)) from error
            raise

    @classmethod
    def _handle_exception(cls, exception):
        # Up to Root.dispatch (guard_database_outages answers 503): neither
        # the API's error_response nor the website's error pages can work
        # without the database.
        if is_database_unavailable(exception):
            raise exception
        return super(IrHttp, cls)._handle_exception(exception)


def _guarded_dispatch(original):
    def dispatch(self, environ, start_response):
        try:
            return original(self, environ, start_response)
        except Exception as error:
            if not is_database_unavailable(error):
                raise
            httprequest = werkzeug.wrappers.Request(environ)
            _logger.warning("Database unavailable, answered 503: %s %s (%s)",
                            httprequest.method, httprequest.path, error)
            return unavailable_response(httprequest)(environ, start_response)
    dispatch._gov_outage_guard = True
    return dispatch


def _guarded_check_signaling(original):
    def check_signaling(self):
        try:
            return original(self)
        except psycopg2.OperationalError as error:
            if is_database_unavailable(error):
                raise DatabaseUnavailable(str(error)) from error
            raise
    check_signaling._gov_outage_guard = True
    return check_signaling


def guard_database_outages():
    """post_load hook (__init__.py): wrap ``odoo.http.Root.dispatch`` and
    ``Registry.check_signaling``.

    Symptom without it, during a PostgreSQL restart: Werkzeug's HTML 500
    page, HTML 404s, and signed-in citizens logged out for good (see the
    module docstring).  ``check_signaling`` now raises
    :class:`DatabaseUnavailable` for a lost connection, so ``Root.dispatch``
    no longer logs the session out; any error that escapes ``Root.dispatch``
    and means an outage is answered by :func:`unavailable_response`.
    Idempotent: the hook runs once per process and registry load."""
    if not getattr(http.Root.dispatch, '_gov_outage_guard', False):
        http.Root.dispatch = _guarded_dispatch(http.Root.dispatch)
    if not getattr(Registry.check_signaling, '_gov_outage_guard', False):
        Registry.check_signaling = _guarded_check_signaling(Registry.check_signaling)
