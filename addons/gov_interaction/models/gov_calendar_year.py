# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GovCalendarYear(models.Model):
    """A year whose schedule has been entered (from the State Council's
    yearly notice).  Deadlines reaching into a year without one are flagged."""

    _name = 'gov.calendar.year'
    _inherit = ['gov.calendar.schedule.mixin']
    _description = 'Working-Day Schedule of a Year'
    _order = 'calendar_id, year desc'

    calendar_id = fields.Many2one('gov.calendar', required=True, ondelete='cascade', index=True)
    year = fields.Integer(required=True)
    notice = fields.Char('Official Notice', help="Title and number of the notice the schedule comes from.")

    _sql_constraints = [
        ('year_unique', 'unique(calendar_id, year)', 'This year already has a schedule in this calendar.'),
    ]
