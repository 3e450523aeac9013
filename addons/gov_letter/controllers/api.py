# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Letters in the JSON API (4.1.4); documented in this addon's
static/api/openapi.json, merged into the served document."""
from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.api import (
    API_ROOT,
    ApiError,
    Payload,
    api_route,
    check_throttle,
    json_response,
)
from odoo.addons.gov_interaction.controllers.main import signed_in_partner

from ..models.gov_letter_idempotency import KeyInUse

SUBMISSION_FIELDS = ('title', 'content', 'category', 'letter_type', 'writer_name', 'writer_phone',
                     'writer_email', 'writer_address', 'publish_wish', 'attachments')


def idempotency_key():
    """The request's ``Idempotency-Key`` header; None without one."""
    key = request.httprequest.headers.get('Idempotency-Key')
    if key is None:
        return None
    if not request.env['gov.letter.idempotency'].valid_key(key):
        raise ApiError('validation_error', _("The Idempotency-Key header must be 16 to 128 letters, "
                                             "digits or ._:~+/=- (a UUID, for example)."))
    return key


def claim_key(partner, key, digest=None):
    """Reserve ``key`` for a new letter; 409 while another request holds it."""
    try:
        return request.env['gov.letter.idempotency'].sudo()._claim(partner, key, digest)
    except KeyInUse:
        raise ApiError('conflict', _("A request with this Idempotency-Key is still being processed; "
                                     "please try again."), headers={'Retry-After': '1'})


def find_letter(number, code):
    """The letter with ``number`` and query ``code`` (sudo), or an empty
    recordset; raises rate_limited after too many wrong codes for the
    letter or from the address (gov.throttle, shared by every worker)."""
    keys = [('letter_query', (number or '').strip()),
            ('letter_query_address', request.httprequest.remote_addr)]
    check_throttle(keys)
    letter = request.env['gov.letter']._find_by_query(number, code)
    request.env['gov.throttle'].sudo().record(keys, bool(letter))
    return letter


class LetterApi(http.Controller):

    @api_route(API_ROOT + '/letters', methods=['POST'])
    def create_letter(self, payload):
        """A citizen writes a letter; the answer is the only time the query
        code is shown, and the same again (200) to a retry with the same
        ``Idempotency-Key`` (gov.letter.idempotency)."""
        key = idempotency_key()
        Keys = request.env['gov.letter.idempotency'].sudo()
        partner = signed_in_partner()
        digest = key and Keys.request_digest_of(payload)
        done = key and Keys._find(partner, key, digest)
        if done:
            return json_response(dict(done.letter_id._public_data(), query_code=done._unseal(key)),
                                 headers={'Idempotent-Replayed': 'true'})
        unknown = {name: _("Unknown field.") for name in payload if name not in SUBMISSION_FIELDS}
        Letter = request.env['gov.letter'].sudo()
        vals, errors = Letter._submission_values(payload, partner, channel='api')
        files, file_errors = Letter._decode_attachments(payload.get('attachments'))
        errors.update(unknown)
        if not isinstance(payload.get('publish_wish', False), bool):
            errors['publish_wish'] = _("Must be true or false.")
        errors.update(file_errors)
        if errors:
            raise ApiError('validation_error', details={'fields': errors})
        # Any error from here on rolls the whole request back: nothing is kept.
        claim = key and claim_key(partner, key, digest)
        letter, code = Letter._intake(vals, files)
        if claim:
            claim._remember(letter, code, key)
        return json_response(dict(letter._public_data(), query_code=code), status=201)

    @api_route(API_ROOT + '/letters/query', methods=['POST'], auth='public')
    def query_letter(self, payload):
        """The query code travels in the body, never in a URL (logs,
        Referer headers)."""
        data = Payload(payload, ('number', 'code'))
        number = data.string('number', required=True, max_length=32)
        code = data.string('code', required=True, max_length=32)
        data.validate()
        letter = find_letter(number, code)
        if not letter:
            raise ApiError('not_found', _("No letter matches this number and query code."))
        return letter._public_data()

    @api_route(API_ROOT + '/letters/mine')
    def my_letters(self):
        letters = request.env['gov.letter'].sudo().search(
            [('partner_id', '=', request.env.user.partner_id.id)])
        return {'items': [letter._public_data() for letter in letters]}
