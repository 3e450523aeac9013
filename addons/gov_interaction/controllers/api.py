# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""JSON API for mobile and new-media clients (clause 4.1.4).

Every endpoint lives under ``/api/v1`` and is declared with :func:`api_route`;
``static/api/openapi.json`` documents each one.  Other addons document their
routes in their own ``static/api/openapi.json`` (``tags``, ``paths`` and
``components`` only); :func:`openapi_document` merges the fragments of the
installed addons, and a test checks that the result covers every route.  Conventions:

* Bodies are JSON objects.  POST, PUT and PATCH requests, and any request
  that carries a body, must say ``Content-Type: application/json`` (else 415).
  This is also the CSRF defence for cookie sessions: a browser sends that
  content type cross-site only after a CORS preflight, which fails because
  the API sends no CORS headers; Odoo's own CSRF token check is therefore off.
* Authentication: ``Authorization: Bearer gov_...`` (a personal token,
  ``gov.api.token``) or else the Odoo session cookie, the same one the
  website uses (4.1.3).  ``auth`` levels: ``public`` (anyone), ``citizen``
  (any signed-in account), ``user`` (back-office users only).
* Language: ``?lang=``, then ``Accept-Language``, then zh_CN; en_US and the
  installed languages (zh_CN) are supported, and another ``lang`` is a 400.
* Hostile input: a body that is not UTF-8, not JSON or nested deeper than
  :data:`MAX_JSON_DEPTH` is invalid_json (400); a NUL character or an
  unpaired surrogate in any string of the body, query or path is a
  validation_error (422), since PostgreSQL cannot store it.
* Errors: ``{"error": {"code", "message", "details"?}}`` with the HTTP status
  of :data:`ERROR_STATUS`.  Any error rolls the whole transaction back, so bad
  input never changes anything.  Authenticated answers are ``no-store``.
"""
import functools
import inspect
import json
import logging
from collections import OrderedDict
from datetime import date, datetime, timezone

import psycopg2
import werkzeug.exceptions

from odoo import SUPERUSER_ID, _, api, fields, http
from odoo.exceptions import AccessDenied, AccessError, MissingError, except_orm
from odoo.http import request
from odoo.modules.module import get_module_resource
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY
from odoo.tools import html2plaintext

_logger = logging.getLogger(__name__)

API_PREFIX = '/api/'
API_ROOT = '/api/v1'
DEFAULT_LANG = 'zh_CN'
AUTH_LEVELS = ('public', 'citizen', 'user')
BODY_METHODS = ('POST', 'PUT', 'PATCH')
JSON_TYPE = 'application/json'
MAX_RECORD_ID = 2 ** 31 - 1  # PostgreSQL integer
MAX_JSON_DEPTH = 32  # of a request body; the API's bodies need 3

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


def _as_api_error(exception):
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


def _is_api_path(path):
    return path == API_PREFIX.rstrip('/') or path.startswith(API_PREFIX)


def is_api_request():
    return _is_api_path(request.httprequest.path)


def error_response(exception):
    """Answer ``exception`` as a JSON error.

    Called by ``ir.http`` for every failure under /api/.  The transaction is
    rolled back and marked failed, so nothing the request wrote is committed.
    """
    request._failed = exception
    if request._cr:
        request._cr.rollback()  # also makes the cursor usable after an SQL error
        request.env.clear()
    _set_request_lang()
    error = _as_api_error(exception)
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


def _json_default(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(repr(value))


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


def openapi_document(modules):
    """The OpenAPI document of the API as installed: this addon's document
    with the fragments of the other ``modules`` merged in, in name order."""
    document = _read_openapi('gov_interaction')
    for module in sorted(set(modules) - {'gov_interaction'}):
        fragment = _read_openapi(module)
        if fragment is None:
            continue
        document['tags'].extend(fragment.get('tags', []))
        document['paths'].update(fragment.get('paths', {}))
        for section, items in fragment.get('components', {}).items():
            document['components'].setdefault(section, {}).update(items)
    return document


def _read_openapi(module):
    path = get_module_resource(module, 'static', 'api', 'openapi.json')
    if not path:
        return None
    with open(path, encoding='utf-8') as file:
        return json.load(file, object_pairs_hook=OrderedDict)


def _is_authenticated():
    return bool(request.uid) and not request.env.user._is_public()


# Languages ----------------------------------------------------------------

def _negotiate_lang():
    """The installed language asked for by ``?lang=``, else by
    ``Accept-Language``; zh_CN by default."""
    env = api.Environment(request.cr, SUPERUSER_ID, {})
    # en_US, the source language, needs no installed translations.
    installed = [code for code, _name in env['res.lang'].get_installed()] + ['en_US']
    wanted = [request.httprequest.args.get('lang')]
    wanted += [value for value, _quality in request.httprequest.accept_languages]
    for value in filter(None, wanted):
        lang = _match_lang(value, installed)
        if lang:
            return lang
    return DEFAULT_LANG


def _match_lang(value, installed):
    """``value`` (zh-CN, zh_cn, zh, ...) as one of the ``installed`` codes."""
    value = value.strip().replace('-', '_').lower()
    for code in installed:
        if code.lower() == value:
            return code
    for code in installed:
        if code.lower().split('_')[0] == value.split('_')[0]:
            return code
    return None


def _set_request_lang():
    request.context = dict(request.context, lang=_negotiate_lang())


def _supported_langs():
    env = api.Environment(request.cr, SUPERUSER_ID, {})
    return sorted({code for code, _name in env['res.lang'].get_installed()} | {'en_US'})


def _check_parameters(params):
    """Refuse a ``lang`` that is not a supported code as documented (400),
    and a query or path parameter that PostgreSQL cannot store (422)."""
    lang = request.httprequest.args.get('lang')
    if lang is not None and lang not in _supported_langs():
        raise ApiError('bad_request', details={'fields': {
            'lang': _("Use one of: %s.") % ', '.join(_supported_langs())}})
    errors = {}
    for name, value in params.items():
        if isinstance(value, str):
            errors.update(_string_error(name, value))
    if errors:
        raise ApiError('validation_error', details={'fields': errors})


# Authentication -----------------------------------------------------------

def bearer_token():
    """The token of an ``Authorization: Bearer`` header; None without one."""
    header = request.httprequest.headers.get('Authorization')
    if not header:
        return None
    scheme, _sep, token = header.partition(' ')
    if scheme.lower() != 'bearer' or not token.strip():
        raise ApiError('unauthorized', _("Use an 'Authorization: Bearer <token>' header."))
    return token.strip()


def _authenticate(level):
    """Switch the request to the bearer token's user (the session's user is
    already set by Odoo), then require ``level``."""
    token = bearer_token()
    if token:
        user = request.env['gov.api.token'].sudo()._authenticate(token)
        if not user:
            raise ApiError('unauthorized', _("The token is invalid, expired or revoked."))
        request.uid = user.id
    check_auth_level(request.env.user, level)


def check_auth_level(user, level):
    """Raise unless ``user`` may call an endpoint of auth ``level``."""
    if level == 'public':
        return
    if user._is_public():
        raise ApiError('unauthorized')
    if level == 'user' and not user.has_group('base.group_user'):
        raise ApiError('forbidden')


# Request data -------------------------------------------------------------

def _read_payload():
    """The request's JSON object ({} without a body)."""
    httprequest = request.httprequest
    if httprequest.method not in BODY_METHODS + ('DELETE',):
        return {}
    data = httprequest.get_data()
    if (httprequest.method in BODY_METHODS or data) and httprequest.mimetype != JSON_TYPE:
        raise ApiError('unsupported_media_type')
    if not data.strip():
        return {}
    payload = _parse_json(data)
    if not isinstance(payload, dict):
        raise ApiError('invalid_json', _("The request body must be a JSON object."))
    _check_strings(payload)
    return payload


def _reject_constant(name):
    raise ValueError(name)  # NaN and Infinity are not JSON


def _parse_json(data):
    """``data`` as JSON: invalid UTF-8, invalid JSON and nesting too deep
    for the parser (a RecursionError) are invalid_json (400), never a 500."""
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        raise ApiError('invalid_json', _("The request body is not valid UTF-8."))
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise ApiError('invalid_json', _("The request body is nested too deeply."))
    except ValueError:
        raise ApiError('invalid_json')


def _check_strings(payload):
    """Refuse (422) what PostgreSQL cannot store: a NUL character or an
    unpaired surrogate in any string of the body, keys included; and
    nesting deeper than :data:`MAX_JSON_DEPTH` (400)."""
    errors = {}
    for field, value in payload.items():
        stack = [(field, 1), (value, 1)]
        while stack and field not in errors:
            item, depth = stack.pop()
            if depth > MAX_JSON_DEPTH:
                raise ApiError('invalid_json', _("The request body is nested too deeply."))
            if isinstance(item, dict):
                stack.extend((child, depth + 1) for pair in item.items() for child in pair)
            elif isinstance(item, list):
                stack.extend((child, depth + 1) for child in item)
            elif isinstance(item, str):
                errors.update(_string_error(field, item))
    if errors:
        raise ApiError('validation_error', details={'fields': errors})


def _string_error(name, value):
    """{name: message} if ``value`` cannot be stored as text, else {}."""
    if '\x00' in value:
        return {name: _("Must not contain the NUL character (U+0000).")}
    try:
        value.encode('utf-8')
    except UnicodeEncodeError:
        return {name: _("Must be valid Unicode text (no unpaired surrogates).")}
    return {}


def record_id(value):
    """``value`` (from an <int:...> route argument) if it can be a record id;
    else not found, rather than an SQL error for an out-of-range integer."""
    if not 0 < value <= MAX_RECORD_ID:
        raise ApiError('not_found')
    return value


def query_int(name, default, minimum, maximum):
    """The integer query parameter ``name``, within [minimum, maximum]."""
    value = request.httprequest.args.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not minimum <= number <= maximum:
        message = _("Must be a whole number from %(minimum)s to %(maximum)s.")
        raise ApiError('validation_error', details={'fields': {
            name: message % {'minimum': minimum, 'maximum': maximum}}})
    return number


class Payload:
    """Reads the fields of a request body, collecting every error so that
    the client learns about all of them in one validation_error."""

    def __init__(self, data, allowed):
        self.data = data
        self.errors = {key: _("Unknown field.") for key in data if key not in allowed}

    def string(self, name, required=False, max_length=None):
        value = self.data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.errors[name] = _("This field is required.")
            return None
        if not isinstance(value, str):
            self.errors[name] = _("Must be a string.")
            return None  # the caller may compare or hash it: a list is neither
        if max_length and len(value) > max_length:
            self.errors[name] = _("At most %s characters.") % max_length
        return value

    def utc_datetime(self, name):
        """An ISO 8601 date-time (UTC unless it has an offset) or date (until
        its end, UTC), as an Odoo datetime string; False if absent."""
        value = self.string(name)
        if value is None or name in self.errors:
            return False
        text = value.strip()
        try:
            if len(text) <= 10:
                moment = datetime.combine(date.fromisoformat(text), datetime.max.time())
            else:
                moment = datetime.fromisoformat(text)
        except ValueError:
            self.errors[name] = _("Must be a date (2026-12-31) or a date-time (2026-12-31T18:00:00Z).")
            return False
        if moment.tzinfo:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        return fields.Datetime.to_string(moment)

    def validate(self):
        if self.errors:
            raise ApiError('validation_error', details={'fields': self.errors})


# The decorator --------------------------------------------------------------

def api_route(route, methods=('GET',), auth='citizen'):
    """Declare a JSON API endpoint.

    The handler receives the route's arguments, and ``payload`` (the JSON
    body) if it has such a parameter.  It returns JSON data (200), ``None``
    (204) or a response from :func:`json_response`, and raises
    :class:`ApiError` or the ORM's exceptions for errors.
    """
    assert auth in AUTH_LEVELS, auth

    def decorator(func):
        wants_payload = 'payload' in inspect.signature(func).parameters

        # Odoo's auth='public' only loads the session's user; ours is checked here.
        @http.route(route, type='http', auth='public', methods=list(methods), csrf=False)
        @functools.wraps(func)
        def endpoint(self, /, **params):  # positional: a query parameter may be called "self"
            _set_request_lang()
            _check_parameters(params)
            _authenticate(auth)
            payload = _read_payload()
            arguments = {key: params[key] for key in request.endpoint_arguments or ()}
            if wants_payload:
                arguments['payload'] = payload
            result = func(self, **arguments)
            return result if isinstance(result, http.Response) else json_response(result)
        return endpoint
    return decorator


def _get_request(self, httprequest):
    # Odoo treats any application/json request as JSON-RPC; the API's
    # bodies are plain JSON, read by _read_payload.
    if _is_api_path(httprequest.path):
        return http.HttpRequest(httprequest)
    return _get_request.odoo_get_request(self, httprequest)


if not hasattr(http.Root.get_request, 'odoo_get_request'):
    _get_request.odoo_get_request = http.Root.get_request
    http.Root.get_request = _get_request


# Throttles ----------------------------------------------------------------

def check_throttle(keys):
    """Raise rate_limited (429 with Retry-After) while any of ``keys``
    (``[(scope, key)]`` of gov.throttle) is over its limit."""
    wait = request.env['gov.throttle'].sudo().retry_after(keys)
    if wait:
        raise ApiError('rate_limited', details={'retry_after': wait},
                       headers={'Retry-After': str(wait)})


# Representations ------------------------------------------------------------

def _utc(value):
    """An Odoo UTC datetime string as ISO 8601, or None."""
    return fields.Datetime.from_string(value).isoformat() + 'Z' if value else None


def _profile(user):
    user = user.sudo()
    return {
        'id': user.id,
        'name': user.name,
        'login': user.login,
        'email': user.email or None,
        'lang': user.lang,
        'roles': user._gov_role_codes(),
    }


def _token_data(token):
    return {
        'id': token.id,
        'name': token.name,
        'hint': token.hint,
        'created': _utc(token.create_date),
        'last_used': _utc(token.last_used),
        'expires': _utc(token.expires),
    }


def _html_text(html):
    return {'html': html or '', 'text': html2plaintext(html).strip() if html else ''}


def _column_data(column, limit):
    return {
        'code': column.code,
        'name': column.name,
        'url': column.url,
        'icon': column.icon,
        'special': column.special,
        'unified_login': column.unified_login,
        'purpose': _html_text(column.purpose),
        'aim': _html_text(column.aim),
        'usage': _html_text(column.usage),
        'latest_items': column._latest_items(limit),
    }


def _renew_session_id():
    """Sign in under a new session id, against session fixation.  Before
    authenticating: Odoo 11 derives the session token from the id (and its
    ``rotate`` flag would not recompute it)."""
    store = http.root.session_store
    store.delete(request.session)
    request.session.sid = store.generate_key()
    request.session.modified = True


def _second_factor(login, code):
    """Finish the sign-in of staff whose password was right with the code
    of their authenticator app (models/res_users_security.py): the API does
    not skip the second factor.  None if the password was wrong."""
    Users = request.env['res.users'].sudo()
    pending = Users._gov_second_factor_pending(login)
    if not pending:
        return None
    if pending['setup']:
        raise ApiError('forbidden', _("Staff accounts sign in with a code: set up an authenticator "
                                      "app by signing in once on the website."))
    if not code:
        raise ApiError('unauthorized', _("This account also needs the code of its authenticator app: "
                                         "send it as \"code\"."), details={'second_factor': 'totp'})
    if not Users._gov_accept_code(code):
        raise ApiError('unauthorized', _("The code is wrong or too many codes were tried; "
                                         "wait a moment and use the newest code."))
    return request.session.authenticate(request.db, login, None)


# Endpoints ----------------------------------------------------------------

class InteractionApi(http.Controller):
    """Sign-in, personal tokens and the 互动交流 channel (4.1.3, 4.1.4)."""

    @api_route(API_ROOT + '/auth/login', methods=['POST'], auth='public')
    def login(self, payload):
        """Open a session (cookie) with the site's account; the profile."""
        data = Payload(payload, ('login', 'password', 'code'))
        login = data.string('login', required=True, max_length=256)
        password = data.string('password', required=True, max_length=256)
        code = data.string('code', max_length=16)
        data.validate()
        # res.users._login counts the failures (gov.throttle, in PostgreSQL):
        # here the client is only told how long to wait.
        check_throttle(request.env['res.users']._gov_login_keys(login))
        _renew_session_id()
        if not request.session.authenticate(request.db, login, password) and not _second_factor(login, code):
            raise ApiError('unauthorized', _("Wrong login or password."))
        return _profile(request.env.user)

    @api_route(API_ROOT + '/auth/logout', methods=['POST'], auth='public')
    def logout(self, payload):
        Payload(payload, ()).validate()  # an empty object, as documented
        request.session.logout(keep_db=True)

    @api_route(API_ROOT + '/me')
    def me(self):
        return _profile(request.env.user)

    @api_route(API_ROOT + '/tokens')
    def tokens(self):
        tokens = request.env['gov.api.token'].search([('user_id', '=', request.uid)])
        return {'items': [_token_data(token) for token in tokens]}

    @api_route(API_ROOT + '/tokens', methods=['POST'])
    def create_token(self, payload):
        """A new personal token; the only answer that contains it."""
        if bearer_token():
            # A leaked token must not be able to mint lasting siblings.
            raise ApiError('forbidden', _("Create tokens from a signed-in session, not with a token."))
        data = Payload(payload, ('name', 'expires'))
        name = data.string('name', required=True, max_length=64)
        expires = data.utc_datetime('expires')
        data.validate()
        record, token = request.env['gov.api.token'].generate(name.strip(), expires)
        return json_response(dict(_token_data(record), token=token), status=201)

    @api_route(API_ROOT + '/tokens/<int:token_id>', methods=['DELETE'])
    def revoke_token(self, token_id):
        token = request.env['gov.api.token'].search([('id', '=', record_id(token_id)),
                                                     ('user_id', '=', request.uid)])
        if not token:
            raise ApiError('not_found', _("You have no such token."))
        token.revoke()

    @api_route(API_ROOT + '/channel', auth='public')
    def channel(self):
        columns = request.env['gov.interaction.column'].search([])
        return {
            'name': _("Interaction"),
            'url': '/interaction',
            'columns': [_column_data(column, 5) for column in columns],
        }

    @api_route(API_ROOT + '/columns/<string:code>', auth='public')
    def column(self, code):
        limit = query_int('limit', 10, 1, 50)
        column = request.env['gov.interaction.column'].search([('code', '=', code)], limit=1)
        if not column:
            raise ApiError('not_found', _("There is no column with this code."))
        return _column_data(column, limit)

    @api_route(API_ROOT + '/openapi.json', auth='public')
    def openapi(self):
        return json_response(openapi_document(request.env.registry._init_modules))
