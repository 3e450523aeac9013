# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Request bodies of the API (4.1.4): JSON objects, sent as
``Content-Type: application/json`` with POST, PUT and PATCH and with any
request that carries a body (else 415).  This is also the CSRF defence for
cookie sessions: a browser sends that content type cross-site only after a
CORS preflight, which fails because the API sends no CORS headers.

Hostile input: a body that is not UTF-8, not JSON or nested deeper than
:data:`MAX_JSON_DEPTH` is invalid_json (400); a NUL character or an unpaired
surrogate in any string of it is a validation_error (422), since PostgreSQL
cannot store it."""
import json
from datetime import date, datetime, timezone

from odoo import _, fields
from odoo.http import request

from .errors import ApiError
from .responses import JSON_TYPE

BODY_METHODS = ('POST', 'PUT', 'PATCH')
MAX_JSON_DEPTH = 32  # of a request body; the API's bodies need 3


def read_payload():
    """The request's JSON object ({} without a body)."""
    httprequest = request.httprequest
    if httprequest.method not in BODY_METHODS + ('DELETE',):
        return {}
    data = httprequest.get_data()
    if (httprequest.method in BODY_METHODS or data) and httprequest.mimetype != JSON_TYPE:
        raise ApiError('unsupported_media_type')
    if not data.strip():
        return {}
    payload = parse_json(data)
    if not isinstance(payload, dict):
        raise ApiError('invalid_json', _("The request body must be a JSON object."))
    check_strings(payload)
    return payload


def _reject_constant(name):
    raise ValueError(name)  # NaN and Infinity are not JSON


def parse_json(data):
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


def check_strings(payload):
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
                errors.update(string_error(field, item))
    if errors:
        raise ApiError('validation_error', details={'fields': errors})


def string_error(name, value):
    """{name: message} if ``value`` cannot be stored as text, else {}."""
    if '\x00' in value:
        return {name: _("Must not contain the NUL character (U+0000).")}
    try:
        value.encode('utf-8')
    except UnicodeEncodeError:
        return {name: _("Must be valid Unicode text (no unpaired surrogates).")}
    return {}


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
