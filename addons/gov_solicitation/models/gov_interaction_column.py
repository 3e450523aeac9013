# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class GovInteractionColumn(models.Model):
    _inherit = 'gov.interaction.column'

    def _solicitation_sections(self):
        """The column page's lists: open solicitations first, then past ones."""
        Solicitation = self.env['gov.solicitation'].sudo()
        return {
            'open': Solicitation.search([('state', '=', 'open')], order='date_end, id'),
            'past': Solicitation.search([('state', 'in', ('closed', 'published'))],
                                        order='date_end desc, id desc', limit=50),
        }
