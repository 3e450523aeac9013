# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovInterviewGuest(models.Model):
    """A guest of an interview, shown on its pages with name and title."""

    _name = 'gov.interview.guest'
    _description = 'Interview Guest'
    _order = 'interview_id, sequence, id'

    interview_id = fields.Many2one('gov.interview', required=True, ondelete='cascade', index=True)
    department_id = fields.Many2one(related='interview_id.department_id', store=True, readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    title = fields.Char(required=True, help="Position, e.g. 省教育厅副厅长.")
    organisation = fields.Char()
    photo = fields.Binary(attachment=True)
