# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GovSupervisionNoticeLine(models.Model):
    """One department and kind of item in a notice (通报)."""

    _name = 'gov.supervision.notice.line'
    _description = 'Supervision Notice Line'
    _order = 'on_time_rate, department_id'

    notice_id = fields.Many2one('gov.supervision.notice', required=True, ondelete='cascade',
                                index=True)
    date_from = fields.Date(related='notice_id.date_from', store=True)
    state = fields.Selection(related='notice_id.state', store=True)
    department_id = fields.Many2one('gov.department', required=True,
                                    ondelete='cascade', index=True)
    res_model = fields.Char('Model', required=True)
    model_label = fields.Char('Kind')
    total_count = fields.Integer('Due')
    on_time_count = fields.Integer('On Time')
    overdue_count = fields.Integer('Late or Unanswered')
    on_time_rate = fields.Float('On-Time Rate (%)', compute='_compute_on_time_rate', store=True,
                                digits=(5, 1), group_operator='avg')
    overdue_items = fields.Text('Late Items')

    @api.depends('on_time_count', 'overdue_count')
    def _compute_on_time_rate(self):
        for line in self:
            decided = line.on_time_count + line.overdue_count
            line.on_time_rate = 100.0 * line.on_time_count / decided if decided else 100.0
