# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The writer's satisfaction in the JSON API (documented in this addon's
static/api/openapi.json)."""
from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.gov_interaction.api import API_ROOT, ApiError, Payload, api_route

from ..models.gov_letter import RATINGS
from .main import writer_letter


class LetterRatingApi(http.Controller):

    @api_route(API_ROOT + '/letters/<string:number>/rating', methods=['POST'], auth='public')
    def rate_letter(self, number, payload):
        """The writer rates the reply: with the query code, or signed in."""
        data = Payload(payload, ('code', 'rating', 'comment', 'reopen'))
        code = data.string('code', max_length=32)
        rating = data.string('rating', required=True)
        comment = data.string('comment', max_length=2000)
        reopen = payload.get('reopen', False)
        if rating and rating not in dict(RATINGS):
            data.errors['rating'] = _("Use satisfied, basic or unsatisfied.")
        if not isinstance(reopen, bool):
            data.errors['reopen'] = _("Must be true or false.")
        data.validate()
        if not code and request.env.user._is_public():
            raise ApiError('unauthorized', _("Give the query code or sign in."))
        letter = writer_letter(number, code)
        if not letter:
            raise ApiError('not_found', _("No letter matches this number and query code."))
        try:
            letter._rate(rating, comment, reopen=reopen)
        except UserError as exc:
            raise ApiError('conflict', exc.name)
        return letter._public_data()
