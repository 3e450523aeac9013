# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GovCalendar(models.Model):
    """A working-day calendar: China's national schedule of statutory
    holidays and make-up working days (调休上班), or a local one based on it."""

    _name = 'gov.calendar'
    _description = 'Working-Day Calendar'
    _order = 'is_national desc, name'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    is_national = fields.Boolean(
        'National Schedule', readonly=True,
        help="The State Council's schedule, the default of every department.")
    base_calendar_id = fields.Many2one(
        'gov.calendar', 'Based On', ondelete='restrict',
        help="Days of this calendar are added to (and override) those of "
             "the base calendar, e.g. a local holiday.")
    tz = fields.Char('Time Zone', required=True, default='Asia/Shanghai',
                     help="Days start and end in this time zone.")
    year_ids = fields.One2many('gov.calendar.year', 'calendar_id', 'Years')
    day_ids = fields.One2many('gov.calendar.day', 'calendar_id', 'Days')
    note = fields.Text()

    @api.model
    def _get_national(self):
        return self.env.ref('gov_interaction.calendar_national', raise_if_not_found=False) \
            or self.search([('is_national', '=', True)], limit=1)
