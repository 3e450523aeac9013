# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrAutovacuum(models.AbstractModel):
    _inherit = 'ir.autovacuum'

    @api.model
    def power_on(self, *args, **kwargs):
        """The daily autovacuum also forgets old letter submission keys."""
        result = super(IrAutovacuum, self).power_on(*args, **kwargs)
        self.env['gov.letter.idempotency'].sudo()._gc_expired()
        return result
