# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GovLetterExtensionDecisionWizard(models.TransientModel):
    """A supervisor approves or refuses an extension (5.3.5)."""

    _name = 'gov.letter.extension.decision.wizard'
    _description = 'Decide an Extension'

    letter_id = fields.Many2one('gov.letter', required=True, ondelete='cascade', readonly=True)
    extension_reason = fields.Text(related='letter_id.extension_reason', readonly=True)
    current_deadline = fields.Datetime(related='letter_id.deadline_reply', readonly=True)
    extension_deadline = fields.Datetime(related='letter_id.extension_deadline', readonly=True)
    comment = fields.Text(help="Required to refuse: the department is told why.")

    @api.multi
    def action_approve(self):
        self.ensure_one()
        self.letter_id._decide_extension(True, self.comment)
        return {'type': 'ir.actions.act_window_close'}

    @api.multi
    def action_refuse(self):
        self.ensure_one()
        self.letter_id._decide_extension(False, self.comment)
        return {'type': 'ir.actions.act_window_close'}
