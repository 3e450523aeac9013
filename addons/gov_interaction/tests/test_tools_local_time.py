# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Local time for people follows the working-day calendar's time zone:
the national calendar's (Asia/Shanghai by default), or a department's
calendar when the caller passes it."""
import datetime

import pytz

from odoo.tests.common import TransactionCase

from ..tools import (
    local_date,
    local_moment,
    local_time,
    local_today,
    local_tz,
    utc_day_start,
    utc_of_local,
    utc_year_bounds,
)

UTC_EVENING = '2026-03-01 16:30:00'


class TestToolsLocalTime(TransactionCase):

    def setUp(self):
        super().setUp()
        self.national = self.env.ref('gov_interaction.calendar_national')
        # A changed time zone must not outlive the test in the registry's caches.
        self.addCleanup(self.registry.clear_caches)

    def test_national_calendar_time_zone_by_default(self):
        self.assertEqual(self.national.tz, 'Asia/Shanghai')
        self.assertEqual(local_tz(self.env).zone, 'Asia/Shanghai')
        self.assertEqual(local_time(self.env, UTC_EVENING), '2026-03-02 00:30')
        self.assertEqual(local_time(self.env, datetime.datetime(2026, 3, 1, 16, 30), '%H:%M'), '00:30')
        self.assertEqual(local_date(self.env, UTC_EVENING), '2026-03-02')
        self.assertEqual(local_moment(self.env, UTC_EVENING).utcoffset(), datetime.timedelta(hours=8))
        self.assertEqual((local_time(self.env, False), local_date(self.env, None)), ('', ''))

    def test_local_days_and_years_as_utc_bounds(self):
        self.assertEqual(utc_day_start(self.env, '2026-03-02'), datetime.datetime(2026, 3, 1, 16, 0))
        self.assertEqual(utc_year_bounds(self.env, 2026), (
            datetime.datetime(2025, 12, 31, 16, 0), datetime.datetime(2026, 12, 31, 16, 0)))
        self.assertEqual(utc_of_local(self.env, datetime.datetime(2026, 3, 2, 9, 0)),
                         datetime.datetime(2026, 3, 2, 1, 0))

    def test_the_result_moves_with_the_national_calendar_time_zone(self):
        self.national.tz = 'Asia/Urumqi'  # UTC+6
        self.assertEqual(local_time(self.env, UTC_EVENING), '2026-03-01 22:30')
        self.assertEqual(local_date(self.env, UTC_EVENING), '2026-03-01')
        self.assertEqual(utc_day_start(self.env, '2026-03-02'), datetime.datetime(2026, 3, 1, 18, 0))
        self.assertEqual(utc_year_bounds(self.env, 2026)[0], datetime.datetime(2025, 12, 31, 18, 0))
        before = datetime.datetime.now(pytz.timezone('Asia/Urumqi')).date()
        today = local_today(self.env)
        self.assertIn(today, (before, datetime.datetime.now(pytz.timezone('Asia/Urumqi')).date()))

    def test_a_department_calendar_time_zone_when_given(self):
        local = self.env['gov.calendar'].create({
            'name': 'Xinjiang', 'base_calendar_id': self.national.id, 'tz': 'Asia/Urumqi'})
        self.assertEqual(local_time(self.env, UTC_EVENING, calendar=local), '2026-03-01 22:30')
        self.assertEqual(local_time(self.env, UTC_EVENING), '2026-03-02 00:30')
        # The public user (website pages) reads it too.
        public = self.env(user=self.env.ref('base.public_user'))
        self.assertEqual(local_time(public, UTC_EVENING), '2026-03-02 00:30')
