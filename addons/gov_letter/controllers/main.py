# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import secrets

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.gov_interaction.api import ApiError
from odoo.addons.gov_interaction.controllers.main import citizen_login_redirect, signed_in_partner
from odoo.addons.gov_interaction.models.ir_http_outage import unavailable_response

from ..models.gov_letter_idempotency import KeyInUse
from .api import find_letter

RECEIPT_COOKIE, RECEIPT_PATH = 'gov_letter_receipt', '/interaction/letters/received/'


def _receipt_signature(number, code):
    """HMAC of the receipt for this session, with the database secret."""
    secret = request.env['ir.config_parameter'].sudo().get_param('database.secret')
    message = '%s:%s:%s' % (request.session.sid, number, code)
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def receipt_cookie(number, code):
    """The receipt page's cookie: the letter's number and query code,
    signed for the writer's session."""
    return '%s.%s.%s' % (number, code, _receipt_signature(number, code))


def receipt_code(cookie, number):
    """The query code a receipt cookie carries for letter ``number``, if
    this session's signature holds; None otherwise."""
    parts = (cookie or '').split('.')
    if len(parts) != 3 or parts[0] != number:
        return None
    signed = hmac.compare_digest(parts[2], _receipt_signature(parts[0], parts[1]))
    return parts[1] if signed else None


class LetterWebsite(http.Controller):
    """The website pages of the 咨询投诉 column (4.4, 5.3.1)."""

    def _column(self):
        return request.env['gov.interaction.column']._get('gov_interaction.column_letter')

    def _form_values(self, values=None, errors=None):
        Letter = request.env['gov.letter']
        return {
            'column': self._column(),
            'categories': request.env['gov.letter.category'].sudo().search([]),
            'letter_types': Letter._fields['letter_type']._description_selection(request.env),
            'values': values or {},
            'errors': errors or {},
            # One per form: a retry with it returns the letter it created.
            'submission_token': (values or {}).get('submission_token') or secrets.token_urlsafe(24),
        }

    @http.route('/interaction/letters/new', type='http', auth='public', website=True,
                methods=['GET'])
    def letter_form(self, **kwargs):
        redirect = citizen_login_redirect(self._column())
        if redirect:
            return redirect
        return request.render('gov_letter.letter_form', self._form_values())

    @http.route('/interaction/letters/new', type='http', auth='public', website=True,
                methods=['POST'])
    def letter_submit(self, **post):
        redirect = citizen_login_redirect(self._column())
        if redirect:
            return redirect
        partner = signed_in_partner()
        Keys = request.env['gov.letter.idempotency'].sudo()
        key = post.get('submission_token')
        key = key if Keys.valid_key(key) else None
        done = key and Keys._find(partner, key)
        if done:
            return self._received(done.letter_id, done._unseal(key))
        uploads = request.httprequest.files.getlist('attachments')
        values = {key: value for key, value in post.items() if key != 'attachments'}
        Letter = request.env['gov.letter'].sudo()
        vals, errors = Letter._submission_values(values, partner)
        if not errors:
            # Checked by _intake, as the API's: a refused one is a ValidationError.
            files = [(upload.filename, upload.read()) for upload in uploads if upload.filename]
            try:
                claim = key and Keys._claim(partner, key)
                letter, code = Letter._intake(vals, files)
            except KeyInUse:
                # The same form is being sent right now (a double click):
                # once that is done, a retry gets its letter.
                return unavailable_response(request.httprequest)
            except ValidationError as error:
                request.env.cr.rollback()
                errors['attachments'] = error.name
            else:
                if claim:
                    claim._remember(letter, code, key)
                return self._received(letter, code)
        # Nothing is lost: the form comes back with what was typed.
        values.setdefault('publish_wish', '')
        return request.render('gov_letter.letter_form', self._form_values(values, errors))

    def _received(self, letter, code):
        """Post/Redirect/Get: the receipt is a page of its own, so that
        going back or reloading never sends the form again; its query code
        travels to that page (shown once) in a cookie only that page gets,
        signed for this session (:func:`receipt_cookie`): writing the
        session in the database at every letter cost more."""
        response = request.redirect('/interaction/letters/received/%s' % letter.number, code=303)
        response.set_cookie(RECEIPT_COOKIE, receipt_cookie(letter.number, code), max_age=600,
                            path=RECEIPT_PATH, httponly=True, samesite='Strict',
                            secure=request.httprequest.scheme == 'https')
        return response

    @http.route('/interaction/letters/received/<string:number>', type='http', auth='public',
                website=True, methods=['GET'])
    def letter_received(self, number, **kwargs):
        """The receipt of the signed-in writer's letter ``number``; anyone
        else's answers 404."""
        redirect = citizen_login_redirect(self._column())
        if redirect:
            return redirect
        letter = request.env['gov.letter'].sudo().search([
            ('number', '=', number), ('partner_id', '=', request.env.user.partner_id.id)], limit=1)
        if not letter:
            raise NotFound()
        code = receipt_code(request.httprequest.cookies.get(RECEIPT_COOKIE), letter.number)
        response = request.render('gov_letter.letter_received', {
            'column': self._column(), 'letter': letter, 'code': code})
        response.delete_cookie(RECEIPT_COOKIE, path=RECEIPT_PATH)
        return response

    @http.route('/interaction/letters/query', type='http', auth='public', website=True,
                methods=['GET'])
    def letter_query_form(self, number=None, code=None, **kwargs):
        """The lookup form; a signed-in writer's own letter by its number.
        The query code is never taken from an address (it would stay in
        logs, histories and Referer headers): only from the form (POST)."""
        letter, error = request.env['gov.letter'], None
        user = request.env.user
        if code:
            error = _("Enter the query code in the form below, not in the address.")
        elif number and not user._is_public():
            letter = letter.sudo().search([('number', '=', number.strip().upper()),
                                           ('partner_id', '=', user.partner_id.id)], limit=1)
            if not letter:
                error = _("No letter matches this number and query code.")
        return self._query_page(number, letter, error)

    @http.route('/interaction/letters/query', type='http', auth='public', website=True,
                methods=['POST'])
    def letter_query(self, number=None, code=None, **kwargs):
        letter, error = request.env['gov.letter'], None
        if number and code:
            try:
                letter = find_letter(number, code)
            except ApiError:
                error = _("Too many wrong query codes for this letter; please wait and try again.")
        if not letter and not error:
            error = _("No letter matches this number and query code.")
        return self._query_page(number, letter, error)

    def _query_page(self, number, letter, error):
        return request.render('gov_letter.letter_query', dict(
            letter._public_page_values(), column=self._column(), number=number or '', error=error))

    # ------------------------------------------------------------------
    # 答复函: the reply letter as PDF, for its writer only
    # ------------------------------------------------------------------

    @http.route('/interaction/letters/reply.pdf', type='http', auth='public', website=True,
                methods=['POST'])
    def reply_pdf_by_code(self, number=None, code=None, **kwargs):
        """From the lookup page: the number and query code (POST, CSRF)."""
        try:
            letter = find_letter(number, code) if number and code else request.env['gov.letter']
        except ApiError:
            letter = request.env['gov.letter']
        return self._reply_pdf(letter)

    @http.route('/my/interaction/letters/<string:number>/reply.pdf', type='http', auth='user',
                website=True, methods=['GET'])
    def reply_pdf_mine(self, number, **kwargs):
        """From /my: the signed-in writer's own letter."""
        letter = request.env['gov.letter'].sudo().search([
            ('number', '=', number.strip().upper()),
            ('partner_id', '=', request.env.user.partner_id.id)], limit=1)
        return self._reply_pdf(letter)

    def _reply_pdf(self, letter):
        if not letter or letter.state != 'replied':
            raise NotFound()
        report = request.env.ref('gov_letter.action_report_letter_reply').sudo()
        pdf, _format = report.render_qweb_pdf(letter.ids)
        return request.make_response(pdf, headers=[
            ('Content-Type', 'application/pdf'),
            ('Content-Disposition', 'attachment; filename="%s.pdf"' % letter.number)])
