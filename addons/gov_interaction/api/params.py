# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query and path parameters of the API (4.1.4): a ``lang`` that is not a
supported code is a bad_request (400); a NUL character or an unpaired
surrogate in any of them is a validation_error (422), since PostgreSQL
cannot store it; record ids and numbers are kept within their bounds."""
from odoo import _
from odoo.http import request

from .errors import ApiError
from .lang import supported_langs
from .payload import string_error

MAX_RECORD_ID = 2 ** 31 - 1  # PostgreSQL integer


def check_parameters(params):
    """Refuse a ``lang`` that is not a supported code as documented (400),
    and a query or path parameter that PostgreSQL cannot store (422)."""
    lang = request.httprequest.args.get('lang')
    if lang is not None and lang not in supported_langs():
        raise ApiError('bad_request', details={'fields': {
            'lang': _("Use one of: %s.") % ', '.join(supported_langs())}})
    errors = {}
    for name, value in params.items():
        if isinstance(value, str):
            errors.update(string_error(name, value))
    if errors:
        raise ApiError('validation_error', details={'fields': errors})


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
