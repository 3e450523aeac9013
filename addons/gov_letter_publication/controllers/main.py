# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.gov_letter.controllers.main import LetterWebsite

PAGE_SIZE = 10


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def published_copy(number):
    return request.env['gov.letter.publication'].sudo().search(
        [('number', '=', (number or '').strip()), ('website_published', '=', True)], limit=1)


class LetterPublicationWebsite(LetterWebsite):
    """Published letters (5.3.8): the list with search and the page of each
    letter show the checked public copy only, never the original."""

    @http.route(['/interaction/letters', '/interaction/letters/page/<int:page>'], type='http',
                auth='public', website=True, methods=['GET'])
    def letters_published(self, page=1, q='', department='', category='', **kwargs):
        Publication = request.env['gov.letter.publication'].sudo()
        department_id, category_id = _int(department), _int(category)
        domain = Publication._website_search(q, department_id, category_id)
        total = Publication.search_count(domain)
        url_args = {key: value for key, value in
                    (('q', q), ('department', department_id), ('category', category_id)) if value}
        pager = request.website.pager(url='/interaction/letters', total=total, page=page,
                                      step=PAGE_SIZE, url_args=url_args)
        copies = Publication.search(domain, limit=PAGE_SIZE, offset=pager['offset'])
        published = Publication.search([('website_published', '=', True)])
        return request.render('gov_letter_publication.letters_published', {
            'column': self._column(),
            'letters': [copy._website_data() for copy in copies],
            'pager': pager, 'total': total, 'q': q or '',
            'department_id': department_id, 'category_id': category_id,
            'departments': published.mapped('department_id').sorted('name'),
            'categories': published.mapped('category_id').sorted('code'),
        })

    @http.route('/interaction/letters/<string:number>', type='http', auth='public', website=True)
    def letter_published(self, number, **kwargs):
        copy = published_copy(number)
        if not copy:
            raise NotFound()
        return request.render('gov_letter_publication.letter_published', {
            'column': self._column(), 'letter': copy._website_data()})
