# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.gov_solicitation_opinion import DECISIONS


class GovSolicitationDecideWizard(models.TransientModel):
    """Classify and decide many opinions at once (5.1.4)."""

    _name = 'gov.solicitation.decide.wizard'
    _description = 'Classify and Decide Opinions'

    opinion_ids = fields.Many2many('gov.solicitation.opinion', string='Opinions',
                                   default=lambda self: self._default_opinions())
    solicitation_id = fields.Many2one('gov.solicitation', compute='_compute_solicitation')
    category_id = fields.Many2one('gov.solicitation.category', 'Classification',
                                  domain="[('solicitation_id', '=', solicitation_id)]")
    decision = fields.Selection(DECISIONS, 'Adoption')
    decision_reason = fields.Text('Reason')
    reply = fields.Text()

    @api.model
    def _default_opinions(self):
        if self.env.context.get('active_model') == 'gov.solicitation.opinion':
            return [(6, 0, self.env.context.get('active_ids') or [])]
        return []

    @api.depends('opinion_ids')
    def _compute_solicitation(self):
        for wizard in self:
            wizard.solicitation_id = wizard.opinion_ids[:1].solicitation_id

    @api.multi
    def action_apply(self):
        self.ensure_one()
        if len(self.opinion_ids.mapped('solicitation_id')) > 1:
            raise UserError(_("Choose opinions of one solicitation at a time."))
        if not (self.category_id or self.decision or self.reply):
            raise UserError(_("Choose a classification, an adoption decision or a reply."))
        vals = {}
        if self.category_id:
            vals['category_id'] = self.category_id.id
        if self.decision:
            vals['decision'] = self.decision
            vals['decision_reason'] = self.decision_reason
        if self.reply:
            vals['reply'] = self.reply
        self.opinion_ids.write(vals)
        return {'type': 'ir.actions.act_window_close'}
