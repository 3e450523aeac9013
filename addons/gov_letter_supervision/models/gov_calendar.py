# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class GovCalendar(models.Model):
    _inherit = 'gov.calendar'

    @api.multi
    def write(self, vals):
        """The national calendar's time zone decides the statistics'
        months: ``gov_letter.received_month`` is computed again in the new
        one (5.3.7)."""
        result = super(GovCalendar, self).write(vals)
        if 'tz' in vals and any(calendar.is_national for calendar in self):
            self.env['gov.letter.statistics'].init()
        return result
