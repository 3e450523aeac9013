# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovCalendarDay(models.Model):
    """A day that breaks the weekly rule: a statutory holiday on a weekday, or a
    make-up working day (调休上班) on a Saturday or Sunday."""

    _name = 'gov.calendar.day'
    _inherit = ['gov.calendar.schedule.mixin']
    _description = 'Holiday or Make-up Working Day'
    _order = 'date'

    calendar_id = fields.Many2one('gov.calendar', required=True, ondelete='cascade', index=True)
    date = fields.Date(required=True, index=True)
    kind = fields.Selection([
        ('holiday', 'Holiday'),
        ('workday', 'Make-up Working Day'),
    ], required=True, default='holiday')
    name = fields.Char('Occasion', translate=True, help="e.g. Spring Festival")

    _sql_constraints = [
        ('date_unique', 'unique(calendar_id, date)', 'This day is already in the calendar.'),
    ]
