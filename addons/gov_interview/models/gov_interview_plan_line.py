# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MONTHS = [(str(month), str(month)) for month in range(1, 13)]


class GovInterviewPlanLine(models.Model):
    """One planned interview of a yearly plan: topic, month and guests."""

    _name = 'gov.interview.plan.line'
    _description = 'Planned Interview'
    _order = 'plan_id, month_number, id'

    plan_id = fields.Many2one('gov.interview.plan', required=True, ondelete='cascade', index=True)
    department_id = fields.Many2one(related='plan_id.department_id', store=True, readonly=True)
    topic = fields.Char(required=True)
    month = fields.Selection(MONTHS, required=True, default='1')
    month_number = fields.Integer(compute='_compute_month_number', store=True)
    guests = fields.Char(help="Who is expected to take part: names and titles.")
    interview_format = fields.Selection([
        ('video', 'Video'), ('text', 'Image and Text'), ('both', 'Video and Image-Text'),
    ], 'Format', default='both')
    interview_ids = fields.One2many('gov.interview', 'plan_line_id', 'Interviews')

    @api.depends('month')
    def _compute_month_number(self):
        for line in self:
            line.month_number = int(line.month or 0)

    @api.constrains('topic')
    def _check_topic(self):
        for line in self:
            if not (line.topic or '').strip():
                raise ValidationError(_("A planned interview needs a topic."))
