# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
