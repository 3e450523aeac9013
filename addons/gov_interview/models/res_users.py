# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def _gov_home_actions(self):
        """The general office lands on the interview plans to approve, with
        Interview Compliance beside them (issue 16)."""
        queues = super(ResUsers, self)._gov_home_actions()
        queues['office'] = 'gov_interview.action_gov_interview_plan_queue'
        return queues
