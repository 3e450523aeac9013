# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Working-day deadlines (clauses 5.2.6, 5.3.3, 5.3.6) on China's national
schedule.  Times are UTC as Odoo stores them; Shanghai is UTC+8, so a
deadline at the end of a local day is 15:59:59 UTC of that day."""
import datetime
import json
import xmlrpc.client

import pytz

from odoo.api import call_kw
from odoo.exceptions import UserError, ValidationError
from odoo.modules.module import get_module_resource
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.models.gov_calendar import WorkingDaySchedule

ONE_DAY = datetime.timedelta(days=1)


class TestWorkingDays(TransactionCase):

    def setUp(self):
        super().setUp()
        # Messages in the source language (the demo users work in zh_CN).
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Calendar = self.env['gov.calendar']
        self.national = self.env.ref('gov_interaction.calendar_national')

    def deadline(self, start, days, calendar=None):
        return (calendar or self.Calendar).add_working_days(start, days)['deadline']

    def warnings(self, year, calendar=None):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'gov.calendar'), ('res_id', '=', (calendar or self.national).id),
            ('summary', 'like', str(year))])

    def brute_force_count(self, first, last):
        """Working days d with first < d <= last, one day at a time."""
        count, day = 0, first + ONE_DAY
        while day <= last:
            count += self.national.is_working_day(day)
            day += ONE_DAY
        return count

    # ------------------------------------------------------------------
    # The notices
    # ------------------------------------------------------------------

    def test_is_working_day_follows_the_notices(self):
        kinds = {day.date: day.kind for day in self.national.day_ids}
        day = datetime.date(2025, 1, 1)
        while day.year < 2027:
            kind = kinds.get(str(day))
            expected = kind == 'workday' if day.weekday() >= 5 else kind != 'holiday'
            self.assertEqual(self.national.is_working_day(day), expected, day)
            day += ONE_DAY
        self.assertFalse(self.national.is_working_day('2026-02-16'))  # Spring Festival, Monday
        self.assertTrue(self.national.is_working_day('2026-02-14'))  # make-up Saturday
        self.assertFalse(self.national.is_working_day('2026-02-21'))  # ordinary Saturday (in the break)

    def test_working_days_per_year_match_official_totals(self):
        # 365 days - 104 weekend days - 13 statutory holidays = 248 in both years
        between = self.Calendar.working_days_between
        self.assertEqual(between('2024-12-31 12:00:00', '2025-12-31 12:00:00'), 248)
        self.assertEqual(between('2025-12-31 12:00:00', '2026-12-31 12:00:00'), 248)
        self.assertEqual(self.national.year_ids.mapped('year'), [2026, 2025])
        self.assertEqual(len(self.national.day_ids.filtered(lambda day: day.kind == 'workday')), 11)

    # ------------------------------------------------------------------
    # Deadlines of the standard
    # ------------------------------------------------------------------

    def test_5_3_3_reply_deadline_five_working_days(self):
        # Received Monday 2026-03-09 10:00 local: Mar 10 =1, 11 =2, 12 =3,
        # 13 (Fri) =4, 16 (Mon) =5 -> 2026-03-16 23:59:59 +08:00
        self.assertEqual(self.Calendar.add_working_days('2026-03-09 02:00:00', 5), {
            'deadline': '2026-03-16 15:59:59', 'schedule_missing': False, 'missing_years': []})

    def test_5_3_3_deadline_across_spring_festival(self):
        # Received Friday 2026-02-13 09:00 local: Feb 14 (Sat, make-up) =1,
        # Feb 15-23 Spring Festival, Feb 24 =2, 25 =3, 26 =4, 27 =5
        self.assertEqual(self.deadline('2026-02-13 01:00:00', 5), '2026-02-27 15:59:59')
        # 2025: received Monday Jan 27: Jan 28-Feb 4 holiday, Feb 5 (Wed) =1,
        # 6 =2, 7 =3, 8 (Sat, make-up) =4, 10 (Mon) =5
        self.assertEqual(self.deadline('2025-01-27 02:00:00', 5), '2025-02-10 15:59:59')

    def test_5_3_6_transfer_two_working_days_makeup_saturday_counts(self):
        # Friday 2026-05-08 16:00 local: May 9 (Sat, make-up) =1, May 11 (Mon) =2
        self.assertEqual(self.deadline('2026-05-08 08:00:00', 2), '2026-05-11 15:59:59')
        # Friday 2025-09-26: Sep 27 (Sat) rests, Sep 28 (Sun, make-up) =1, Sep 29 =2
        self.assertEqual(self.deadline('2025-09-26 08:00:00', 2), '2025-09-29 15:59:59')

    def test_5_2_6_seven_working_days_across_national_day(self):
        # Thursday 2025-09-25: Sep 26 =1, Sep 28 (Sun, make-up) =2, 29 =3, 30 =4,
        # Oct 1-8 holiday, Oct 9 =5, 10 =6, Oct 11 (Sat, make-up) =7
        self.assertEqual(self.deadline('2025-09-25 02:00:00', 7), '2025-10-11 15:59:59')
        # Thursday 2026-09-24: Sep 25-27 Mid-Autumn, Sep 28 =1, 29 =2, 30 =3,
        # Oct 1-7 National Day, Oct 8 =4, 9 =5, Oct 10 (Sat, make-up) =6, Oct 12 =7
        self.assertEqual(self.deadline('2026-09-24 02:00:00', 7), '2026-10-12 15:59:59')

    def test_working_days_year_boundary_2025_2026(self):
        # Tuesday 2025-12-30: Dec 31 =1, Jan 1-3 holiday, Jan 4 (Sun, make-up) =2,
        # Jan 5 =3, 6 =4, 7 =5
        self.assertEqual(self.Calendar.add_working_days('2025-12-30 02:00:00', 5), {
            'deadline': '2026-01-07 15:59:59', 'schedule_missing': False, 'missing_years': []})
        # From 2024-12-31 only 2025 days count, so 2024 is not missing:
        # Jan 1 holiday, Jan 2 =1, 3 =2, 6 (Mon) =3
        self.assertEqual(self.Calendar.add_working_days('2024-12-31 02:00:00', 3), {
            'deadline': '2025-01-06 15:59:59', 'schedule_missing': False, 'missing_years': []})

    def test_working_days_missing_year_2027_flagged_and_admin_warned(self):
        self.warnings(2027).unlink()  # in case the cron has run on this database
        # Wednesday 2026-12-30: Dec 31 =1, then 2027 without a schedule, weekends
        # only: Jan 1 (Fri) =2, Jan 4 =3, 5 =4, 6 =5
        result = self.Calendar.add_working_days('2026-12-30 02:00:00', 5)
        self.assertEqual(result, {
            'deadline': '2027-01-06 15:59:59', 'schedule_missing': True, 'missing_years': [2027]})
        self.assertEqual(self.national._deadline(datetime.datetime(2026, 12, 30, 2), 5),
                         (datetime.datetime(2027, 1, 6, 15, 59, 59), [2027]))
        self.assertEqual(self.Calendar.working_days_between('2026-12-30 02:00:00', '2027-01-06 15:59:59'), 5)
        self.assertEqual(self.Calendar._missing_years('2026-12-30 02:00:00', '2027-03-01 00:00:00'), [2027])
        self.assertEqual(self.Calendar._missing_years('2026-12-30 02:00:00', '2026-12-31 00:00:00'), [])
        # forgetting what this process checked still makes no duplicate
        self.Calendar.clear_caches()
        self.Calendar.add_working_days('2026-12-29 02:00:00', 10)
        activity = self.warnings(2027)
        self.assertEqual(len(activity), 1)
        # Written in the administrator's language: the demo's is zh_CN.
        self.assertEqual(activity.summary, '请录入 2027 年的工作日安排')
        self.assertEqual(activity.activity_type_id, self.env.ref('mail.mail_activity_data_todo'))
        self.assertIn(self.env.ref('gov_interaction.group_gov_admin'), activity.user_id.groups_id)
        # the warning is looked for once per process, not on every call
        queries = self.cr.sql_log_count
        self.Calendar.add_working_days('2026-12-28 02:00:00', 5)
        self.national.working_days_between('2026-12-28 02:00:00', '2027-02-01 00:00:00')
        self.assertEqual(self.cr.sql_log_count, queries)

    def test_working_days_missing_year_warns_whoever_computes(self):
        self.warnings(2027).unlink()
        handler = self.env['res.users'].create({
            'name': 'Handler', 'login': 'handler_wd',
            'groups_id': [(6, 0, [self.env.ref('gov_interaction.group_gov_handler').id])]})
        result = self.Calendar.sudo(handler).add_working_days('2026-12-30 02:00:00', 5)
        self.assertTrue(result['schedule_missing'])
        self.assertEqual(len(self.warnings(2027)), 1)

    def test_cron_warns_about_next_year_from_november(self):
        self.warnings(2027).unlink()
        self.Calendar._cron_check_next_year(today=datetime.date(2026, 10, 31))
        self.assertFalse(self.warnings(2027))
        self.Calendar._cron_check_next_year(today=datetime.date(2026, 11, 1))
        self.Calendar._cron_check_next_year(today=datetime.date(2026, 11, 2))
        self.assertEqual(len(self.warnings(2027)), 1)
        self.Calendar._cron_check_next_year(today=datetime.date(2025, 12, 1))  # 2026 is entered
        self.assertFalse(self.warnings(2026))
        cron = self.env.ref('gov_interaction.ir_cron_gov_calendar_check_next_year')
        self.assertEqual((cron.model_id.model, cron.interval_type), ('gov.calendar', 'days'))

    # ------------------------------------------------------------------
    # Counting
    # ------------------------------------------------------------------

    def test_working_days_between_inverse(self):
        start = datetime.datetime(2024, 12, 25, 1)
        while start.year < 2027:
            for hour in (1, 20):  # 20:00 UTC is 04:00 local on the next day
                moment = start.replace(hour=hour)
                for days in (1, 2, 5, 7, 15, 20):
                    deadline = self.deadline(moment, days)
                    self.assertEqual(self.Calendar.working_days_between(moment, deadline), days,
                                     (moment, days))
                    self.assertEqual(deadline[11:], '15:59:59')
            start += 3 * ONE_DAY
        self.assertEqual(self.Calendar.working_days_between('2026-03-16 15:59:59', '2026-03-09 02:00:00'), 0)
        self.assertEqual(self.Calendar.working_days_between('2026-03-09 02:00:00', '2026-03-09 15:00:00'), 0)

    def test_working_days_between_matches_day_by_day_count(self):
        first, last = datetime.date(2024, 12, 20), datetime.date(2027, 1, 10)
        for after in (first, datetime.date(2025, 9, 27), datetime.date(2026, 2, 14)):
            for through in (datetime.date(2025, 10, 11), datetime.date(2026, 2, 28), last):
                self.assertEqual(
                    self.Calendar.working_days_between('%s 04:00:00' % after, '%s 04:00:00' % through),
                    self.brute_force_count(after, through), (after, through))
        # a century is counted by arithmetic, not by walking through it
        queries = self.cr.sql_log_count
        self.assertEqual(self.national._schedule().count(first.toordinal(), first.toordinal() + 36524),
                         self.brute_force_count(first, first + 36524 * ONE_DAY))
        self.assertEqual(self.cr.sql_log_count, queries)

    def test_start_on_holiday(self):
        # Saturday 2026-10-03, in the National Day break: Oct 4-7 holiday, Oct 8 =1
        self.assertEqual(self.deadline('2026-10-03 02:00:00', 1), '2026-10-08 15:59:59')
        # Tuesday 2026-02-17, Spring Festival: Feb 24 =1, 25 =2, 26 =3
        self.assertEqual(self.deadline('2026-02-17 02:00:00', 3), '2026-02-26 15:59:59')
        # zero days: the end of the start day
        self.assertEqual(self.deadline('2026-02-17 02:00:00', 0), '2026-02-17 15:59:59')
        with self.assertRaises(UserError):
            self.deadline('2026-02-17 02:00:00', -1)

    def test_start_time_late_evening_local(self):
        # 2026-04-30 23:30 Shanghai = 15:30 UTC: the start day is Thursday Apr 30;
        # May 1-5 holiday, May 6 =1, 7 =2, 8 =3, 9 (Sat, make-up) =4, 11 =5
        self.assertEqual(self.deadline('2026-04-30 15:30:00', 5), '2026-05-11 15:59:59')
        # 2026-04-29 23:30 local starts on Apr 29: Apr 30 =1, May 6 =2, 7 =3, 8 =4, 9 =5
        self.assertEqual(self.deadline('2026-04-29 15:30:00', 5), '2026-05-09 15:59:59')
        # 2026-04-29 16:30 UTC is already Apr 30 00:30 local
        self.assertEqual(self.deadline('2026-04-29 16:30:00', 5), '2026-05-11 15:59:59')
        # Friday 2026-05-08 23:30 local: May 9 (Sat, make-up) =1; 30 minutes
        # later the start day is that Saturday and Monday May 11 is day 1
        self.assertEqual(self.deadline('2026-05-08 15:30:00', 1), '2026-05-09 15:59:59')
        self.assertEqual(self.deadline('2026-05-08 16:30:00', 1), '2026-05-11 15:59:59')
        # aware datetimes are converted
        shanghai = datetime.timezone(datetime.timedelta(hours=8))
        self.assertEqual(self.deadline(datetime.datetime(2026, 4, 30, 23, 30, tzinfo=shanghai), 5),
                         '2026-05-11 15:59:59')

    # ------------------------------------------------------------------
    # Local calendars, RPC, cache
    # ------------------------------------------------------------------

    def test_local_calendar_override(self):
        city = self.Calendar.create({
            'name': 'Harbin', 'base_calendar_id': self.national.id,
            'day_ids': [(0, 0, {'date': '2026-03-10', 'kind': 'holiday', 'name': 'City Day'}),
                        # overrides the national make-up Saturday
                        (0, 0, {'date': '2026-02-28', 'kind': 'holiday', 'name': 'Local rest'})]})
        # Monday 2026-03-09, 5 days: nationally Mar 10 .. 16; in the city Mar 10
        # rests: Mar 11 =1, 12 =2, 13 =3, 16 =4, 17 =5
        self.assertEqual(self.deadline('2026-03-09 02:00:00', 5), '2026-03-16 15:59:59')
        self.assertEqual(self.deadline('2026-03-09 02:00:00', 5, city), '2026-03-17 15:59:59')
        # Friday 2026-02-27, 1 day: the make-up Saturday nationally, Monday in the city
        self.assertEqual(self.deadline('2026-02-27 02:00:00', 1), '2026-02-28 15:59:59')
        self.assertEqual(self.deadline('2026-02-27 02:00:00', 1, city), '2026-03-02 15:59:59')
        # the national holidays and years hold in the city
        self.assertFalse(city.is_working_day('2026-10-01'))
        self.assertTrue(city.is_working_day('2026-10-10'))
        self.assertFalse(city.add_working_days('2026-09-24 02:00:00', 7)['schedule_missing'])
        self.assertEqual(city.working_days_between('2026-03-09 02:00:00', '2026-03-17 15:59:59'), 5)
        with self.assertRaises(ValidationError):
            self.national.base_calendar_id = city

    def test_rpc_call_from_json(self):
        # what /web/dataset/call_kw (JSON-RPC) and execute_kw (XML-RPC) do:
        # on no record the national calendar, on a record that calendar
        for ids in ([], [self.national.id]):
            result = call_kw(self.Calendar, 'add_working_days', [ids, '2026-02-13 01:00:00', 5], {})
            self.assertEqual(result, {
                'deadline': '2026-02-27 15:59:59', 'schedule_missing': False, 'missing_years': []})
            self.assertEqual(json.loads(json.dumps(result)), result)
            xmlrpc.client.dumps((result,), methodresponse=True)
            self.assertEqual(call_kw(self.Calendar, 'working_days_between',
                                     [ids, '2026-02-13 01:00:00', '2026-02-27 15:59:59'], {}), 5)
            self.assertIs(call_kw(self.Calendar, 'is_working_day', [ids, '2026-02-14'], {}), True)
        result = call_kw(self.Calendar, 'add_working_days', [[], '2026-12-30 02:00:00', 5], {})
        self.assertEqual(json.loads(json.dumps(result))['missing_years'], [2027])

    def test_cache_invalidated_on_new_holiday(self):
        start = '2026-03-09 02:00:00'  # Monday; 5 days: Mar 16
        self.assertEqual(self.deadline(start, 5), '2026-03-16 15:59:59')
        holiday = self.env['gov.calendar.day'].create({
            'calendar_id': self.national.id, 'date': '2026-03-12', 'kind': 'holiday'})
        self.assertEqual(self.deadline(start, 5), '2026-03-17 15:59:59')
        holiday.write({'date': '2026-03-20'})  # Friday after the deadline
        self.assertEqual(self.deadline(start, 5), '2026-03-16 15:59:59')
        holiday.write({'date': '2026-03-14', 'kind': 'workday'})  # a make-up Saturday: =5
        self.assertEqual(self.deadline(start, 5), '2026-03-14 15:59:59')
        holiday.unlink()
        self.assertEqual(self.deadline(start, 5), '2026-03-16 15:59:59')
        # years too
        self.assertTrue(self.Calendar.add_working_days('2026-12-30 02:00:00', 5)['schedule_missing'])
        year = self.env['gov.calendar.year'].create({'calendar_id': self.national.id, 'year': 2027})
        self.assertFalse(self.Calendar.add_working_days('2026-12-30 02:00:00', 5)['schedule_missing'])
        year.unlink()
        self.assertTrue(self.Calendar.add_working_days('2026-12-30 02:00:00', 5)['schedule_missing'])
        # and bases
        city = self.Calendar.create({'name': 'Harbin'})
        self.assertTrue(city.add_working_days('2026-02-13 01:00:00', 5)['schedule_missing'])
        city.base_calendar_id = self.national
        self.assertEqual(city.add_working_days('2026-02-13 01:00:00', 5), {
            'deadline': '2026-02-27 15:59:59', 'schedule_missing': False, 'missing_years': []})

    def test_engine_runs_without_queries_once_loaded(self):
        self.national._deadline(datetime.datetime(2026, 1, 5), 5)
        queries = self.cr.sql_log_count
        start = datetime.datetime(2025, 1, 1, 3)
        for n in range(700):
            self.national._deadline(start + n * ONE_DAY, 5)
            self.national.working_days_between(start, start + n * ONE_DAY)
            self.Calendar.add_working_days(start + n * ONE_DAY, 5)  # RPC style, no record
            self.Calendar.is_working_day(start.date() + n * ONE_DAY)
        self.assertEqual(self.cr.sql_log_count, queries)

    def test_local_day_of_a_utc_moment(self):
        """The day a moment falls on in Beijing, not in UTC: 16:30 UTC on
        31 December is already New Year's Day there; no query once the
        schedule is loaded."""
        self.assertEqual(self.national.local_day('2026-12-31 15:59:59'), datetime.date(2026, 12, 31))
        self.Calendar.local_day('2026-12-31 15:59:59')  # the national calendar's id, cached
        queries = self.cr.sql_log_count
        self.assertEqual(self.Calendar.local_day(datetime.datetime(2026, 12, 31, 16, 30)),
                         datetime.date(2027, 1, 1))
        self.assertEqual(self.cr.sql_log_count, queries)

    def test_schedule_kept_as_long_as_the_registry_cache(self):
        start = '2026-03-09 02:00:00'  # Monday; 5 days: Mar 16
        self.assertEqual(self.deadline(start, 5), '2026-03-16 15:59:59')
        self.assertIs(self.national.with_context(lang='zh_CN')._schedule(), self.national._schedule())
        # a holiday behind the ORM's back, as another worker commits it: the
        # schedule kept holds until the registry cache is cleared, by any
        # model (as the other worker's signal does in this one)
        self.addCleanup(self.registry.clear_caches)  # not to keep it past the rollback
        self.cr.execute("INSERT INTO gov_calendar_day (calendar_id, date, kind) "
                        "VALUES (%s, '2026-03-12', 'holiday')", [self.national.id])
        self.assertEqual(self.deadline(start, 5), '2026-03-16 15:59:59')
        self.env['res.partner'].clear_caches()
        self.assertEqual(self.deadline(start, 5), '2026-03-17 15:59:59')

    def test_deadlines_in_the_window_agree_with_counting(self):
        """Clauses 5.2.6, 5.3.3, 5.3.6: the deadlines read from the working
        days of the window are those found by counting, inside it, at its
        edges and beyond, with a year missing between two scheduled ones."""
        kinds = {day.date(): kind for day, kind in (
            (datetime.datetime(2025, 10, 1), 'holiday'), (datetime.datetime(2025, 9, 28), 'workday'),
            (datetime.datetime(2027, 2, 8), 'holiday'), (datetime.datetime(2027, 2, 20), 'workday'))}
        schedule = WorkingDaySchedule.build('Asia/Shanghai', kinds, [2025, 2027])
        high = schedule.low + len(schedule.covered) - 1
        self.assertEqual(len(schedule.working), schedule.count(schedule.low - 1, high))
        for after in range(schedule.low - 400, high + 400, 3):
            start = schedule.end_of_day(after) - datetime.timedelta(hours=1)
            for days in (0, 1, 2, 5, 7, 15, 20, 250):
                end = schedule.nth_after(after, days)
                self.assertEqual(schedule.deadline(start, days),
                                 (schedule.end_of_day(end), schedule.missing_years(after, end)),
                                 (datetime.date.fromordinal(after), days))

    def test_local_day_as_pytz_gives_it(self):
        """Days start and end at the local midnights pytz gives, also across
        daylight saving time (Shanghai's of 1986-1991 among others)."""
        zones = {'Asia/Shanghai': 1986, 'Europe/Paris': 2024, 'America/Santiago': 2024,
                 'Australia/Lord_Howe': 2024, 'Etc/GMT-8': 2024, 'UTC': 2024}
        step = datetime.timedelta(minutes=47, seconds=13)
        for name, year in zones.items():
            schedule, tz = WorkingDaySchedule.build(name, {}, []), pytz.timezone(name)
            moments = [datetime.datetime(year, 1, 1) + n * step for n in range(3 * 365 * 24 * 60 // 47)]
            for shift in getattr(tz, '_utc_transition_times', []):
                if year <= shift.year < year + 6:
                    moments += [shift - datetime.timedelta(microseconds=1), shift]
            for moment in moments:
                self.assertEqual(schedule.day_of(moment),
                                 pytz.utc.localize(moment).astimezone(tz).toordinal(), (name, moment))

    # ------------------------------------------------------------------
    # Administration
    # ------------------------------------------------------------------

    def enter_year(self, calendar, year, lines):
        """Fill the "Enter a Year" wizard like its form does; lines are
        (occasion, first rest day, last rest day, make-up days)."""
        action = calendar.action_enter_year()
        self.assertEqual(action['res_model'], 'gov.calendar.holiday.wizard')
        wizard = self.env['gov.calendar.holiday.wizard'].with_context(**action['context']).create({
            'year': year, 'notice': 'Notice of %s' % year,
            'line_ids': [(0, 0, {'name': name, 'date_from': first, 'date_to': last, 'makeup_dates': makeup})
                         for name, first, last, makeup in lines]})
        return wizard.action_confirm()

    def assert_wizard_error(self, calendar, year, lines, message):
        with self.assertRaises(UserError) as error:
            self.enter_year(calendar, year, lines)
        self.assertEqual(error.exception.name, message)

    def test_wizard_enter_year_and_errors(self):
        # a hypothetical 2027: Spring Festival from Friday Feb 5 to Saturday
        # Feb 13, made up on Sunday Jan 31 and Saturday Feb 20 (Chinese comma)
        self.enter_year(self.national, 2027, [
            ("New Year's Day", '2027-01-01', '2027-01-03', ''),
            ('Spring Festival', '2027-02-05', '2027-02-13', '2027-01-31， 2027-02-20'),
        ])
        year = self.national.year_ids.filtered(lambda y: y.year == 2027)
        self.assertEqual(year.notice, 'Notice of 2027')
        days = self.national.day_ids.filtered(lambda day: day.date.startswith('2027'))
        self.assertEqual(len(days), 3 + 9 + 2)
        self.assertEqual(days.filtered(lambda day: day.kind == 'workday').mapped('date'),
                         ['2027-01-31', '2027-02-20'])
        # Thursday 2027-02-04: Feb 5-13 rest, Feb 15 (Mon) =1 .. Feb 19 =5
        self.assertEqual(self.Calendar.add_working_days('2027-02-04 02:00:00', 5), {
            'deadline': '2027-02-19 15:59:59', 'schedule_missing': False, 'missing_years': []})

        city = self.Calendar.create({'name': 'Harbin', 'day_ids': [
            (0, 0, {'date': '2028-03-01', 'kind': 'holiday', 'name': 'City Day'})]})
        ok = ('Labour Day', '2028-05-01', '2028-05-05', '2028-04-29')
        self.assert_wizard_error(self.national, 2026, [ok], (
            'National Schedule already has a schedule for 2026: edit its days instead.'))
        self.assert_wizard_error(city, 2028, [], 'Enter at least one holiday.')
        self.assert_wizard_error(city, 2028, [ok, ('Qingming', '2028-04-04', '2028-04-02', '')], (
            'Qingming: the first rest day 2028-04-04 is after the last one 2028-04-02.'))
        self.assert_wizard_error(city, 2028, [('New Year', '2027-12-31', '2028-01-01', '')], (
            'New Year: 2027-12-31 is not in 2028.'))
        self.assert_wizard_error(city, 2028, [('Labour Day', '2028-05-01', '2028-05-05', '2028/04/29')], (
            'Labour Day: "2028/04/29" is not a date like 2027-02-06.'))
        self.assert_wizard_error(city, 2028, [('Labour Day', '2028-05-01', '2028-05-05', '2028-04-28')], (
            'Labour Day: the make-up working day 2028-04-28 is not a Saturday or a Sunday.'))
        self.assert_wizard_error(city, 2028, [ok, ('Extra', '2028-05-05', '2028-05-06', '')], (
            '2028-05-05 is entered twice (Labour Day and Extra).'))
        self.assert_wizard_error(city, 2028, [ok, ('Spring', '2028-02-26', '2028-03-02', '')], (
            '2028-03-01 is already in the calendar (City Day).'))
        self.assertFalse(city.year_ids)
        self.enter_year(city, 2028, [ok])
        self.assertEqual(len(city.day_ids), 1 + 5 + 1)

    def test_csv_import_template(self):
        """The sample file imports with the standard Import button (the 2026
        national schedule, so it reproduces the data it was made from)."""
        def days_2026():
            return self.env['gov.calendar.day'].search([
                ('calendar_id', '=', self.national.id), ('date', 'like', '2026-%')])

        def schedule_2026():
            return [(day.date, day.kind, day.name) for day in days_2026()]
        expected = schedule_2026()
        self.assertEqual(len(expected), 39)
        days_2026().unlink()
        self.assertNotEqual(self.deadline('2026-02-13 01:00:00', 5), '2026-02-27 15:59:59')

        path = get_module_resource('gov_interaction', 'static', 'samples', 'holidays_template.csv')
        with open(path, 'rb') as sample:
            content = sample.read()
        wizard = self.env['base_import.import'].create({
            'res_model': 'gov.calendar.day', 'file': content, 'file_name': 'holidays_template.csv',
            'file_type': 'text/csv'})
        options = {'quoting': '"', 'separator': ',', 'headers': True, 'encoding': 'utf-8'}
        preview = wizard.parse_preview(options)
        self.assertNotIn('error', preview)
        fields = ['/'.join(preview['matches'][column]) for column in range(len(preview['headers']))]
        self.assertEqual(fields, ['calendar_id/id', 'date', 'kind', 'name'])
        self.assertEqual(wizard.do(fields, options), [])

        self.assertEqual(schedule_2026(), expected)
        self.assertEqual(self.deadline('2026-02-13 01:00:00', 5), '2026-02-27 15:59:59')
