# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.gov_letter_routing import REJECT_REASONS


class GovLetterRejectWizard(models.TransientModel):
    """Not accepting a letter needs one of the reasons of 5.3.2."""

    _name = 'gov.letter.reject.wizard'
    _description = 'Do Not Accept a Letter'

    letter_id = fields.Many2one('gov.letter', required=True, ondelete='cascade')
    reject_reason = fields.Selection(REJECT_REASONS, 'Reason')
    reject_note = fields.Text('Explanation for the Writer')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.letter_id._reject(self.reject_reason, self.reject_note)
        return {'type': 'ir.actions.act_window_close'}
