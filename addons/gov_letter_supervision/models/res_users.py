# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def _gov_home_actions(self):
        """Supervisors land on the service-level board (issue 16)."""
        queues = super(ResUsers, self)._gov_home_actions()
        queues['supervisor'] = 'gov_letter_supervision.action_gov_letter_sla'
        return queues
