# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.gov_letter.controllers.main import LetterWebsite


def published_copy(number):
    return request.env['gov.letter.publication'].sudo().search(
        [('number', '=', (number or '').strip()), ('website_published', '=', True)], limit=1)


class LetterPublicationWebsite(LetterWebsite):
    """Published letters (5.3.8): the page of each letter shows the checked
    public copy only, never the original.  The list with its search is on
    the column page (gov.interaction.column._published_letters)."""

    @http.route('/interaction/letters/<string:number>', type='http', auth='public', website=True)
    def letter_published(self, number, **kwargs):
        copy = published_copy(number)
        if not copy:
            raise NotFound()
        return request.render('gov_letter_publication.letter_published', {
            'column': self._column(), 'letter': copy._website_data()})
