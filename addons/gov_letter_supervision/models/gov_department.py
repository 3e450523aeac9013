# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class GovDepartment(models.Model):
    _inherit = 'gov.department'

    @api.multi
    def action_open_sla_letters(self):
        """The department's open letters on the kanban by service level."""
        self.ensure_one()
        action = self.env.ref('gov_letter_supervision.action_gov_letter_sla').read()[0]
        action['domain'] = [('department_id', '=', self.id), ('sla_level', '!=', False)]
        action['display_name'] = action['name'] = self.name
        return action
