# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GovLetterExtensionWizard(models.TransientModel):
    """The department asks for more time for a complex matter (5.3.5):
    a number of working days or a new date, and why."""

    _name = 'gov.letter.extension.wizard'
    _description = 'Request an Extension'

    letter_id = fields.Many2one('gov.letter', required=True, ondelete='cascade', readonly=True)
    current_deadline = fields.Datetime(related='letter_id.deadline_reply', readonly=True)
    mode = fields.Selection([
        ('days', 'Working Days'),
        ('date', 'New Date'),
    ], 'Extend by', required=True, default='days')
    extra_days = fields.Integer('Extra Working Days', default=5)
    new_date = fields.Date('New Reply Date')
    new_deadline = fields.Datetime('New Reply Deadline', compute='_compute_new_deadline')
    reason = fields.Text('Reason for the Writer', required=True,
                         help="Why the matter takes longer: the writer is told (5.3.5).")

    @api.depends('letter_id', 'mode', 'extra_days', 'new_date')
    def _compute_new_deadline(self):
        for wizard in self:
            if not wizard.letter_id:
                continue
            letter = wizard.letter_id.sudo()
            if wizard.mode == 'date':
                wizard.new_deadline = wizard.new_date and letter._extension_deadline(
                    new_date=wizard.new_date)
            else:
                wizard.new_deadline = letter._extension_deadline(extra_days=wizard.extra_days)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.letter_id._request_extension(self.reason, self.new_deadline)
        return {'type': 'ir.actions.act_window_close'}
