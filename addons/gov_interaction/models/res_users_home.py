# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# Whose queue a user with several roles lands on: the first role it has
# (the general office is also supervisor and clerk, a manager a handler).
HOME_ROLES = ('office', 'supervisor', 'clerk', 'dept_manager', 'handler')
HOME_ACTION = 'gov_interaction.action_gov_home'


class ResUsers(models.Model):
    """Work first (issue 16): every staff member lands on its role's queue.
    Its home action (``action_id``) is the server action "My Work", which
    opens the queue of the user's first role in HOME_ROLES; the features
    name their queues in ``_gov_home_actions``."""

    _inherit = 'res.users'  # pylint: disable=consider-merging-classes-inherited

    action_id = fields.Many2one(default=lambda self: self.env.ref(HOME_ACTION, raise_if_not_found=False))

    @api.model
    def _gov_home_actions(self):
        """{role code: xml id of the window action of its queue}."""
        return {}

    @api.model
    def action_gov_home(self):
        """The window action of the current user's queue; Discuss, Odoo's
        own first screen, for a user without one."""
        queues = self._gov_home_actions()
        roles = self.env.user._gov_role_codes()
        for role in HOME_ROLES:
            if role in roles and queues.get(role):
                return self.env.ref(queues[role]).read()[0]
        return self.env.ref('mail.mail_channel_action_client_chat').read()[0]

    @api.model
    def _gov_set_home_action(self):
        """At installation: existing staff without a home action get it."""
        home = self.env.ref(HOME_ACTION)
        users = self.with_context(active_test=False).search([
            ('action_id', '=', False), ('share', '=', False)])
        users.write({'action_id': home.id})
