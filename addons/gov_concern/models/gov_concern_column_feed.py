# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Published concerns feed the 回应关切 column (4.1.1, 5.4)."""
from odoo import api, fields, models


class GovConcern(models.Model):
    _name = 'gov.concern'
    _inherit = ['gov.concern', 'gov.column.feed']

    @api.model
    def _column_latest_items(self, column, limit=5):
        items = super(GovConcern, self)._column_latest_items(column, limit)
        concerns = self.sudo().search(self._public_domain(), limit=limit)
        return items + [{
            'title': concern.title,
            'url': concern.url,
            'date': fields.Datetime.from_string(concern.date_published).date().isoformat(),
        } for concern in concerns]
