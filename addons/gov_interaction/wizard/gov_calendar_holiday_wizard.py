# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Separators typed between make-up dates, Chinese punctuation included.
DATE_SEPARATORS = re.compile(r'[\s,;，；、]+')


class GovCalendarHolidayWizard(models.TransientModel):
    """Enter a year of the State Council's notice at once: one line per
    holiday (its rest days and make-up working days)."""

    _name = 'gov.calendar.holiday.wizard'
    _description = 'Enter the Working-Day Schedule of a Year'

    calendar_id = fields.Many2one('gov.calendar', required=True, ondelete='cascade')
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.from_string(fields.Date.context_today(self)).year + 1)
    notice = fields.Char(
        'Official Notice', help="e.g. 国务院办公厅关于2027年部分节假日安排的通知")
    line_ids = fields.One2many('gov.calendar.holiday.wizard.line', 'wizard_id', 'Holidays')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        if self.year in self.calendar_id.year_ids.mapped('year'):
            raise UserError(_('%(calendar)s already has a schedule for %(year)s: edit its days instead.')
                            % {'calendar': self.calendar_id.display_name, 'year': self.year})
        if not self.line_ids:
            raise UserError(_('Enter at least one holiday.'))
        days = self._collect_days()
        self._check_not_in_calendar(days)
        self.calendar_id.write({
            'year_ids': [(0, 0, {'year': self.year, 'notice': self.notice})],
            'day_ids': [(0, 0, {'date': fields.Date.to_string(day), 'kind': kind, 'name': name})
                        for day, (kind, name) in sorted(days.items())],
        })
        return {'type': 'ir.actions.act_window_close'}

    @api.multi
    def _collect_days(self):
        """``{date: (kind, occasion)}`` of all lines, each date once."""
        days = {}
        for line in self.line_ids:
            for day, kind in line._days():
                if day.year != self.year:
                    raise UserError(_('%(occasion)s: %(day)s is not in %(year)s.')
                                    % {'occasion': line.name, 'day': day, 'year': self.year})
                if day in days:
                    raise UserError(_('%(day)s is entered twice (%(first)s and %(second)s).')
                                    % {'day': day, 'first': days[day][1], 'second': line.name})
                days[day] = (kind, line.name)
        return days

    @api.multi
    def _check_not_in_calendar(self, days):
        existing = self.calendar_id.day_ids.filtered(
            lambda calendar_day: fields.Date.from_string(calendar_day.date) in days)
        if existing:
            raise UserError(_('%(day)s is already in the calendar (%(occasion)s).')
                            % {'day': existing[0].date, 'occasion': existing[0].name or existing[0].kind})


class GovCalendarHolidayWizardLine(models.TransientModel):
    _name = 'gov.calendar.holiday.wizard.line'
    _description = 'Holiday of the Year'
    _order = 'date_from'

    wizard_id = fields.Many2one('gov.calendar.holiday.wizard', required=True, ondelete='cascade')
    name = fields.Char('Occasion', required=True, help="e.g. Spring Festival")
    date_from = fields.Date('First Rest Day', required=True)
    date_to = fields.Date('Last Rest Day', required=True)
    makeup_dates = fields.Char(
        'Make-up Working Days',
        help="Saturdays or Sundays worked for this holiday, separated by commas, "
             "e.g. 2027-02-06, 2027-02-20")

    @api.multi
    def _days(self):
        """(date, kind) of the line: every rest day, then the make-up days."""
        self.ensure_one()
        first, last = fields.Date.from_string(self.date_from), fields.Date.from_string(self.date_to)
        if first > last:
            raise UserError(_('%(occasion)s: the first rest day %(first)s is after the last one %(last)s.')
                            % {'occasion': self.name, 'first': first, 'last': last})
        rest_days = [(first + datetime.timedelta(days=n), 'holiday') for n in range((last - first).days + 1)]
        return rest_days + [(day, 'workday') for day in self._makeup_days()]

    @api.multi
    def _makeup_days(self):
        days = []
        for text in DATE_SEPARATORS.split(self.makeup_dates or ''):
            if not text:
                continue
            try:
                day = datetime.datetime.strptime(text, '%Y-%m-%d').date()
            except ValueError:
                raise UserError(_('%(occasion)s: "%(text)s" is not a date like 2027-02-06.')
                                % {'occasion': self.name, 'text': text})
            if day.weekday() < 5:
                raise UserError(_('%(occasion)s: the make-up working day %(day)s is not a Saturday '
                                  'or a Sunday.') % {'occasion': self.name, 'day': day})
            days.append(day)
        return days
