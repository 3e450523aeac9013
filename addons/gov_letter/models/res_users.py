# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def _gov_home_actions(self):
        """Clerks land on the letters to accept, handlers on their
        departments' open letters by deadline, managers on the replies to
        review (issue 16)."""
        queues = super(ResUsers, self)._gov_home_actions()
        queues.update({
            'clerk': 'gov_letter.action_gov_letter_queue_accept',
            'handler': 'gov_letter.action_gov_letter_queue_open',
            'dept_manager': 'gov_letter.action_gov_letter_queue_review',
        })
        return queues
