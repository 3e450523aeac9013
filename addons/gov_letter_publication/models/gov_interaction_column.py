# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.urls import url_encode

from odoo import models

PAGE_SIZE = 10


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _published_letters(self, params):
        """The published letters of the column page (5.3.8, 4.2 b): search
        by keyword, replying unit and category, ten a page (``params``: the
        page's query parameters q, department, category, page)."""
        self.ensure_one()
        Publication = self.env['gov.letter.publication'].sudo()
        keyword = (params.get('q') or '').strip()[:100]
        department_id, category_id = _int(params.get('department')), _int(params.get('category'))
        domain = Publication._website_search(keyword, department_id, category_id)
        total = Publication.search_count(domain)
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(_int(params.get('page')) or 1, 1), pages)
        copies = Publication.search(domain, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        published = Publication.search([('website_published', '=', True)])
        args = {key: value for key, value in
                (('q', keyword), ('department', department_id), ('category', category_id)) if value}

        def url(number):
            return '%s?%s' % (self.url, url_encode(dict(args, page=number)))

        return {
            'letters': [copy._website_data() for copy in copies],
            'total': total, 'page': page, 'pages': pages,
            'previous_url': url(page - 1) if page > 1 else None,
            'next_url': url(page + 1) if page < pages else None,
            'q': keyword, 'department_id': department_id, 'category_id': category_id,
            'departments': published.mapped('department_id').sorted('name'),
            'categories': published.mapped('category_id').sorted('code'),
        }
