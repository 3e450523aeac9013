# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _latest_items(self, limit=5):
        items = super(GovInteractionColumn, self)._latest_items(limit)
        if self.code != 'concern':
            return items
        Concern = self.env['gov.concern']
        concerns = Concern.sudo().search(Concern._public_domain(), limit=limit)
        return items + [{
            'title': concern.title,
            'url': concern.url,
            'date': fields.Datetime.from_string(concern.date_published).date().isoformat(),
        } for concern in concerns]
