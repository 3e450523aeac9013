# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Throttles of the API (4.1.4): the counts live in PostgreSQL
(``gov.throttle``), so every worker sees the same ones."""
from odoo.http import request

from .errors import ApiError


def check_throttle(keys):
    """Raise rate_limited (429 with Retry-After) while any of ``keys``
    (``[(scope, key)]`` of gov.throttle) is over its limit."""
    wait = request.env['gov.throttle'].sudo().retry_after(keys)
    if wait:
        raise ApiError('rate_limited', details={'retry_after': wait},
                       headers={'Retry-After': str(wait)})
