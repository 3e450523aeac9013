# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class IrActionsServer(models.Model):
    """Server actions offered to some groups only, as Odoo 12 has them:
    the list view's Action menu (``get_bindings``) already leaves out an
    action whose ``groups_id`` the user lacks, and running it is refused.
    Our bulk decisions on letters are such actions (clerks only)."""

    _inherit = 'ir.actions.server'

    groups_id = fields.Many2many('res.groups', 'gov_ir_act_server_group_rel', 'act_id', 'gid')

    @api.multi
    def run(self):
        user_groups = self.env.user.groups_id
        for action in self.sudo():
            if action.groups_id and not action.groups_id & user_groups:
                raise AccessError(_("You are not allowed to run the action %s.") % action.name)
        return super(IrActionsServer, self).run()
