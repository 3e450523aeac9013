# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.urls import url_encode

from odoo import fields, models

PAGE_SIZE = 10


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _latest_items(self, limit=5):
        """The 咨询投诉 column lists checked public copies only (5.3.8):
        the original titles never show."""
        items = super(GovInteractionColumn, self)._latest_items(limit)
        if self.code != 'letter':
            return items
        items = [item for item in items
                 if not str(item.get('url', '')).startswith('/interaction/letters/')]
        copies = self.env['gov.letter.publication'].sudo().search(
            [('website_published', '=', True)], order='date_replied desc', limit=limit)
        return items + [{
            'title': copy.title,
            'url': '/interaction/letters/%s' % copy.number,
            'date': fields.Datetime.from_string(copy.date_replied).date().isoformat(),
        } for copy in copies]

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
