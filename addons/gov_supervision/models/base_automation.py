# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class BaseAutomation(models.Model):
    """A trigger for service-level changes: the SLA job moves levels with
    one SQL statement (no ORM write, so no 'On Update' rule would see it)
    and then runs these rules on the records whose level changed."""

    _inherit = 'base.automation'

    trigger = fields.Selection(selection_add=[('on_sla_change', 'On Service Level Change')])

    # The models' caches of these rules (gov.sla.mixin._sla_automation_ids).
    @api.model
    def create(self, vals):
        automation = super(BaseAutomation, self).create(vals)
        self.clear_caches()
        return automation

    @api.multi
    def write(self, vals):
        result = super(BaseAutomation, self).write(vals)
        self.clear_caches()
        return result

    @api.multi
    def unlink(self):
        result = super(BaseAutomation, self).unlink()
        self.clear_caches()
        return result
