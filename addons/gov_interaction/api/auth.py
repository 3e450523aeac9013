# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who calls the API (4.1.3, 4.1.4): ``Authorization: Bearer gov_...`` (a
personal token, ``gov.api.token``) or else the Odoo session cookie, the same
one the website uses.  ``auth`` levels: ``public`` (anyone), ``citizen``
(any signed-in account), ``user`` (back-office users only)."""
from odoo import _
from odoo.http import request

from .errors import ApiError

AUTH_LEVELS = ('public', 'citizen', 'user')


def bearer_token():
    """The token of an ``Authorization: Bearer`` header; None without one."""
    header = request.httprequest.headers.get('Authorization')
    if not header:
        return None
    scheme, _sep, token = header.partition(' ')
    if scheme.lower() != 'bearer' or not token.strip():
        raise ApiError('unauthorized', _("Use an 'Authorization: Bearer <token>' header."))
    return token.strip()


def authenticate(level):
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
