# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Errors of the API (4.1.4): ``{"error": {"code", "message", "details"?}}``
with the HTTP status of :data:`ERROR_STATUS`.  Any error rolls the whole
transaction back, so bad input never changes anything."""
import logging

import psycopg2
import werkzeug.exceptions

from odoo import _, http
from odoo.exceptions import AccessDenied, AccessError, MissingError, except_orm
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from .lang import DEFAULT_LANG, set_request_lang
from .responses import json_response

_logger = logging.getLogger(__name__)

ERROR_STATUS = {
    'bad_request': 400,
    'invalid_json': 400,
    'unauthorized': 401,
    'forbidden': 403,
    'not_found': 404,
    'method_not_allowed': 405,
    'conflict': 409,
    'unsupported_media_type': 415,
    'validation_error': 422,
    'rate_limited': 429,
    'internal_error': 500,
    'unavailable': 503,
}
# Answered while PostgreSQL is unreachable (models/ir_http_outage.py), when
# the translations (in the database) cannot be read: both texts are here.
UNAVAILABLE_MESSAGES = {
    'en_US': "The service is briefly unavailable; please try again in a few seconds.",
    'zh_CN': "服务暂时不可用，请稍候几秒再试。",
}


def _default_message(code):
    """The human-readable message of an error code, in the request's language."""
    messages = {
        'bad_request': _("The request is not valid."),
        'invalid_json': _("The request body is not valid JSON."),
        'unauthorized': _("Please sign in first."),
        'forbidden': _("You are not allowed to do this."),
        'not_found': _("Nothing was found at this address."),
        'method_not_allowed': _("This address does not accept this method."),
        'conflict': _("Someone else changed the same data at the same time; please try again."),
        'unsupported_media_type': _("The request body must be JSON (Content-Type: application/json)."),
        'validation_error': _("Some of the data is not valid."),
        'rate_limited': _("Too many attempts; please wait and try again."),
        'internal_error': _("The server could not complete the request; please try again later."),
        'unavailable': UNAVAILABLE_MESSAGES.get(request.context.get('lang'),
                                                UNAVAILABLE_MESSAGES[DEFAULT_LANG]),
    }
    return messages[code]


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message", "details"}}``.

    ``message`` defaults to the code's standard message; ``details`` is any
    JSON object, e.g. ``{"fields": {"name": "..."}}`` for validation errors.
    """

    def __init__(self, code, message=None, details=None, headers=None):
        assert code in ERROR_STATUS, code
        super(ApiError, self).__init__(message or code)
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers or {}

    @property
    def status(self):
        return ERROR_STATUS[self.code]


def as_api_error(exception):
    """The :class:`ApiError` that answers ``exception``; None for an
    unexpected one (an internal error)."""
    if isinstance(exception, ApiError):
        return exception
    if isinstance(exception, werkzeug.exceptions.MethodNotAllowed):
        return ApiError('method_not_allowed', headers={'Allow': ', '.join(exception.valid_methods or ())})
    if isinstance(exception, (werkzeug.exceptions.NotFound, MissingError)):
        return ApiError('not_found')
    if isinstance(exception, (AccessDenied, http.SessionExpiredException)):
        return ApiError('unauthorized')
    if isinstance(exception, AccessError):
        # The ORM's text names models and groups: keep it in the log.
        return ApiError('forbidden')
    if isinstance(exception, except_orm):  # UserError, ValidationError, ...
        return ApiError('validation_error', exception.name)
    if isinstance(exception, psycopg2.OperationalError) \
            and exception.pgcode in PG_CONCURRENCY_ERRORS_TO_RETRY:
        return ApiError('conflict')  # still failing after Odoo's retries
    if isinstance(exception, werkzeug.exceptions.HTTPException) and exception.code < 500:
        return ApiError('bad_request')
    return None


def error_response(exception):
    """Answer ``exception`` as a JSON error.

    Called by ``ir.http`` for every failure under /api/.  The transaction is
    rolled back and marked failed, so nothing the request wrote is committed.
    """
    request._failed = exception
    if request._cr:
        request._cr.rollback()  # also makes the cursor usable after an SQL error
        request.env.clear()
    set_request_lang()
    error = as_api_error(exception)
    if error is None:
        _logger.error("API internal error on %s %s", request.httprequest.method, request.httprequest.path,
                      exc_info=(type(exception), exception, exception.__traceback__))
        error = ApiError('internal_error')
    body = {'code': error.code, 'message': error.message or _default_message(error.code)}
    if error.details:
        body['details'] = error.details
    headers = dict(error.headers)
    if error.code == 'unauthorized':
        headers['WWW-Authenticate'] = 'Bearer'
    return json_response({'error': body}, status=error.status, headers=headers)
