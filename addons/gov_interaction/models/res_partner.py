# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    @api.multi
    def _notify_by_chat(self, message):
        """Odoo formats every message for the bus even when nobody is to be
        told (a note on a record nobody follows yet, such as a letter just
        received, 5.3.1): not then."""
        if not self:
            return None
        return super(ResPartner, self)._notify_by_chat(message)
