# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The JSON API's own endpoints (4.1.3, 4.1.4): sign-in, personal tokens and
the 互动交流 channel.  The framework (routes, errors, authentication, input
checks) is the package ``gov_interaction.api``; ``static/api/openapi.json``
documents each endpoint."""
from odoo import _, fields, http
from odoo.http import request

from ..api import (
    API_ROOT,
    ApiError,
    Payload,
    api_route,
    bearer_token,
    check_throttle,
    json_response,
    openapi_document,
    query_int,
    record_id,
)
from ..tools import html_text

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
    return {'html': html or '', 'text': html_text(html)}


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
