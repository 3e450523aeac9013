# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import bisect
import datetime
import functools
import itertools

import pytz

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

END_OF_DAY = datetime.time(23, 59, 59)


def _weekdays_through(ordinal):
    """Mondays to Fridays among the date ordinals 1..ordinal (1 is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


def _local_end_of_day(tz, ordinal):
    """The last second of a local day in UTC."""
    local = tz.localize(datetime.datetime.combine(datetime.date.fromordinal(ordinal), END_OF_DAY))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


@functools.lru_cache(maxsize=4096)
def _end_of_day(tz, ordinal):
    """:func:`_local_end_of_day`, memoized: pytz's localize() would
    otherwise take most of the time of a deadline."""
    return _local_end_of_day(tz, ordinal)


def _utc_offsets(tz):
    """pytz's own table of a time zone: the UTC instants at which its offset
    changes and the offset from each (one offset if it never changes), so
    that ``utc + offsets[bisect_right(shifts, utc)]`` is exactly the local
    time astimezone() gives, without its cost."""
    times = getattr(tz, '_utc_transition_times', None)
    if not times:  # UTC or a fixed offset
        return (), (tz.utcoffset(datetime.datetime(2000, 1, 1)),)
    return tuple(times[1:]), tuple(offset for offset, _dst, _name in tz._transition_info)


def _year_ordinals(year):
    """Ordinals of January 1 and December 31 of a year."""
    return datetime.date(year, 1, 1).toordinal(), datetime.date(year, 12, 31).toordinal()


def _to_utc_datetime(value):
    """An Odoo UTC datetime string, or a naive UTC / aware datetime."""
    if not isinstance(value, datetime.datetime):
        return fields.Datetime.from_string(value)
    if value.tzinfo:
        return value.astimezone(pytz.utc).replace(tzinfo=None)
    return value


class WorkingDaySchedule:
    """The working days of a calendar, in pure Python.

    Monday to Friday are working days except on the *flips*: a holiday on a
    weekday (-1) or a make-up working day (调休上班) on a weekend (+1); holidays
    on weekends and make-up days on weekdays change nothing and are left out.
    ``flips`` holds their sorted date ordinals and ``balance[i]`` the sum of
    the first i changes, so counting the working days of any range is week
    arithmetic plus two bisections.  ``years`` are those with a schedule;
    other years follow the weekly rule only.  Days are ordinals in ``tz``.

    Deadlines (clauses 5.2.6, 5.3.3, 5.3.6) starting in a window of years
    around the schedule are read from ``working``, the sorted ordinals of
    its working days from ``low`` on, with ``ends`` their last seconds in
    UTC: one bisection and an index (:meth:`deadline`).
    """

    __slots__ = ('tz', 'flips', 'balance', 'years', 'shifts', 'offsets',
                 'low', 'working', 'ends', 'covered')

    WINDOW_YEARS = 40  # of ``working`` at most, up to two years after the last known

    def __init__(self, tz, flips, balance, years, window=(1, 0)):
        """:param tuple window: first and last year of ``working``"""
        self.tz, self.flips, self.balance, self.years = tz, flips, balance, frozenset(years)
        self.shifts, self.offsets = _utc_offsets(tz)
        self.low, high = _year_ordinals(window[0])[0], _year_ordinals(window[1])[1]
        self.working = tuple(ordinal for ordinal in range(self.low, high + 1)
                             if self.is_working_day(datetime.date.fromordinal(ordinal)))
        self.ends = tuple(_local_end_of_day(tz, ordinal) for ordinal in self.working)
        self.covered = self._covered(*window)

    @classmethod
    def build(cls, tz_name, kinds, years):
        """:param dict kinds: ``{date: 'holiday' or 'workday'}``"""
        flips = sorted(
            (day.toordinal(), 1 if kind == 'workday' else -1)
            for day, kind in kinds.items()
            if (day.weekday() >= 5) == (kind == 'workday'))
        known = set(years) | {day.year for day in kinds} | {datetime.date.today().year}
        last = max(known) + 2
        return cls(
            pytz.timezone(tz_name),
            tuple(ordinal for ordinal, _change in flips),
            tuple(itertools.accumulate([0] + [change for _ordinal, change in flips])),
            years, (max(min(known) - 1, last - cls.WINDOW_YEARS), last))

    def _covered(self, first_year, last_year):
        """For each day of the window from ``low`` on, the last day of the
        run of scheduled years it lies in (the day before if its year has no
        schedule): no year is missing from a period after < d <= through
        if through <= covered[after + 1 - low]."""
        covered = []
        for year in range(first_year, last_year + 1):
            first, last = _year_ordinals(year)
            if year not in self.years:
                covered.extend(range(first - 1, last))
                continue
            run = year
            while run + 1 in self.years:
                run += 1
            covered.extend([_year_ordinals(run)[1]] * (last - first + 1))
        return tuple(covered)

    def deadline(self, utc_dt, days):
        """(End of the ``days``-th working day after the local day of the
        naive UTC ``utc_dt``, [years without a schedule among the days
        counted]): in the window, the ``days``-th working day after that
        day in ``working``; elsewhere :meth:`nth_after`."""
        after = self.day_of(utc_dt)
        index = bisect.bisect_right(self.working, after) + days - 1
        if (days > 0 and after >= self.low and index < len(self.working)
                and self.working[index] <= self.covered[after + 1 - self.low]):
            return self.ends[index], []
        end = self.nth_after(after, days)
        return self.end_of_day(end), self.missing_years(after, end)

    def day_of(self, utc_dt):
        """Ordinal of the local day of a naive UTC datetime."""
        return (utc_dt + self.offsets[bisect.bisect_right(self.shifts, utc_dt)]).toordinal()

    def today(self):
        return datetime.date.fromordinal(self.day_of(datetime.datetime.utcnow()))

    def end_of_day(self, ordinal):
        """The last second of a local day, as a naive UTC datetime."""
        return _end_of_day(self.tz, ordinal)

    def is_working_day(self, day):
        ordinal = day.toordinal()
        index = bisect.bisect_left(self.flips, ordinal)
        flipped = index < len(self.flips) and self.flips[index] == ordinal
        return (day.weekday() < 5) != flipped

    def count(self, after, through):
        """Working days d with after < d <= through (ordinals)."""
        if through <= after:
            return 0
        return (_weekdays_through(through) - _weekdays_through(after)
                + self.balance[bisect.bisect_right(self.flips, through)]
                - self.balance[bisect.bisect_right(self.flips, after)])

    def nth_after(self, after, days):
        """Ordinal of the ``days``-th working day after the day ``after``:
        the first day whose count reaches ``days``, by doubling then bisecting
        on count(), so it is its exact inverse."""
        if days <= 0:
            return after
        low, span = after, days + 7
        while self.count(after, after + span) < days:
            low, span = after + span, span * 2
        high = after + span
        while high - low > 1:  # count(after, low) < days <= count(after, high)
            middle = (low + high) // 2
            if self.count(after, middle) < days:
                low = middle
            else:
                high = middle
        return high

    def missing_years(self, after, through):
        """Years without a schedule among the days after < d <= through."""
        if through <= after:
            return []
        first = datetime.date.fromordinal(after + 1).year
        last = datetime.date.fromordinal(through).year
        return [year for year in range(first, last + 1) if year not in self.years]


class GovCalendarScheduleMixin(models.AbstractModel):
    """Records a schedule is built from: changing them drops the cached
    schedules (the registry cache, in every worker once committed)."""

    _name = 'gov.calendar.schedule.mixin'
    _inherit = 'gov.process.cache.mixin'
    _description = 'Part of a Working-Day Schedule'


class GovCalendar(models.Model):
    """A working-day calendar: China's national schedule of statutory
    holidays and make-up working days (调休上班), or a local one based on it.

    Deadlines (clauses 5.2.6, 5.3.3, 5.3.6) are computed by
    :meth:`add_working_days` / :meth:`_deadline` and measured by
    :meth:`working_days_between`, on a cached :class:`WorkingDaySchedule`.
    """

    _name = 'gov.calendar'
    _description = 'Working-Day Calendar'
    # Any change may alter the schedule (base, time zone): rare, admin-only.
    _inherit = ['mail.thread', 'mail.activity.mixin', 'gov.calendar.schedule.mixin']
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

    @api.constrains('base_calendar_id')
    def _check_base_calendar_id(self):
        if not self._check_recursion('base_calendar_id'):
            raise ValidationError(_('A calendar cannot be based on itself, even indirectly.'))

    @api.constrains('tz')
    def _check_tz(self):
        for calendar in self:
            if calendar.tz not in pytz.all_timezones_set:
                raise ValidationError(_('Unknown time zone: %s') % calendar.tz)

    @api.model
    def _get_national(self):
        # the cached external id, without env.ref()'s query, as RPC clients
        # reach the national calendar on every call
        national_id = self.env['ir.model.data'].xmlid_to_res_id('gov_interaction.calendar_national')
        return self.browse(national_id) if national_id else self.search([('is_national', '=', True)], limit=1)

    @api.multi
    def _or_national(self):
        """RPC clients call the engine on no record to mean the national calendar."""
        if not self:
            return self._get_national()
        self.ensure_one()
        return self

    # ------------------------------------------------------------------
    # Schedule: one load per calendar, then pure Python
    # ------------------------------------------------------------------

    @api.multi
    def _base_chain(self):
        """Ids of this calendar and of its bases, nearest first."""
        chain, calendar = [], self.sudo()
        while calendar:
            chain.append(calendar.id)
            calendar = calendar.base_calendar_id
        return chain

    # Per registry (each has its own model classes): the registry cache's
    # dict and {calendar id: schedule}, see _schedule().
    _schedule_memo = (None, None)

    @api.multi
    def _schedule(self):
        """The :class:`WorkingDaySchedule` of this calendar, for as long as
        the registry cache lives, at the cost of a dict lookup (an ormcache
        lookup would cost more than the deadline itself).

        Odoo 11's LRU.clear() gives the registry cache a new dict; tagged
        with it, the schedules are dropped whenever the registry cache is:
        by clear_caches() (which the schedule models call when they change),
        by another worker's signal, by the reset_changes() of a transaction
        rolled back."""
        token = self.pool.cache.d
        memo_token, memo = self._schedule_memo
        if memo_token is not token:
            memo = {}
            type(self)._schedule_memo = (token, memo)
        schedule = memo.get(self._ids)  # only a singleton's is built (_base_chain)
        if schedule is None:
            schedule = memo[self._ids] = self._build_schedule()
        return schedule

    @api.multi
    def _build_schedule(self):
        """This calendar's schedule, its own days overriding those of its
        bases."""
        chain = self._base_chain()
        self.env.cr.execute(
            "SELECT calendar_id, date, kind FROM gov_calendar_day WHERE calendar_id IN %s",
            [tuple(chain)])
        # farthest base first, so that nearer calendars overwrite its days
        rows = sorted(self.env.cr.fetchall(), key=lambda row: chain.index(row[0]), reverse=True)
        kinds = {fields.Date.from_string(day): kind for _calendar_id, day, kind in rows}
        self.env.cr.execute("SELECT year FROM gov_calendar_year WHERE calendar_id IN %s", [tuple(chain)])
        years = [year for year, in self.env.cr.fetchall()]
        return WorkingDaySchedule.build(self.sudo().tz, kinds, years)

    # ------------------------------------------------------------------
    # Engine, callable over RPC on a calendar or on no record (national)
    # ------------------------------------------------------------------

    @api.multi
    def is_working_day(self, day):
        """Whether the local date ``day`` (a date or 'YYYY-MM-DD') is a
        working day: Monday to Friday unless a holiday, Saturday and Sunday
        only as make-up working days.  Years without a schedule are not
        flagged here; see :meth:`_missing_years`."""
        if isinstance(day, str):
            day = fields.Date.from_string(day)
        return self._or_national()._schedule().is_working_day(day)

    @api.multi
    def add_working_days(self, start, days):
        """Deadline of ``days`` working days from ``start``.

        :param start: UTC datetime (Odoo string or datetime); its day in the
            calendar's time zone never counts, even if it is a working day.
        :param int days: working days to add (0: the end of the start day)
        :return: dict with ``deadline``: 'YYYY-MM-DD HH:MM:SS' in UTC, the end
            (23:59:59 local) of the last working day; ``missing_years``: the
            years counted without a schedule (weekends only), about which the
            administrators are warned; ``schedule_missing``: whether any.
        """
        deadline, missing_years = self._deadline(_to_utc_datetime(start), days)
        return {
            'deadline': fields.Datetime.to_string(deadline),
            'schedule_missing': bool(missing_years),
            'missing_years': missing_years,
        }

    @api.multi
    def _deadline(self, start_dt, days):
        """:meth:`add_working_days` for Python callers (computed fields).

        :param datetime start_dt: naive UTC
        :return: (naive UTC datetime, [years without a schedule])
        """
        if days < 0:
            raise UserError(_('The number of working days cannot be negative.'))
        calendar = self._or_national()
        deadline, missing_years = calendar._schedule().deadline(start_dt, days)
        calendar._warn_missing_years(missing_years)
        return deadline, missing_years

    @api.multi
    def working_days_between(self, start, end):
        """Number of working days d with local day of ``start`` < d <= local
        day of ``end`` (UTC datetimes, strings or datetimes); 0 if ``end`` is
        not on a later day.  The inverse of :meth:`add_working_days`.

        Returns the count only, to stay a plain number for RPC clients;
        years without a schedule are flagged (and the administrators warned)
        by :meth:`_missing_years` with the same arguments, which this calls.
        """
        calendar = self._or_national()
        calendar._missing_years(start, end)
        schedule = calendar._schedule()
        return schedule.count(schedule.day_of(_to_utc_datetime(start)),
                              schedule.day_of(_to_utc_datetime(end)))

    @api.multi
    def local_day(self, moment):
        """The day (a date) of the UTC ``moment`` (string or datetime) in
        the calendar's time zone, the national calendar's on no record:
        from the schedule, without a query (as deadlines count days)."""
        schedule = self._or_national()._schedule()
        return datetime.date.fromordinal(schedule.day_of(_to_utc_datetime(moment)))

    @api.multi
    def _missing_years(self, start, end):
        """Years without a schedule among the days counted by
        :meth:`working_days_between`; warns the administrators about them."""
        calendar = self._or_national()
        schedule = calendar._schedule()
        missing_years = schedule.missing_years(schedule.day_of(_to_utc_datetime(start)),
                                               schedule.day_of(_to_utc_datetime(end)))
        calendar._warn_missing_years(missing_years)
        return missing_years

    # ------------------------------------------------------------------
    # Years without a schedule: a To Do for the administrators
    # ------------------------------------------------------------------

    @tools.ormcache('self.id')
    def _checked_missing_years(self):
        """Years of this calendar already checked for a warning by this
        process.  A mutable set kept in the registry cache: it is forgotten
        with the schedules, so entering or deleting a year re-arms it."""
        return set()

    @api.multi
    def _warn_missing_years(self, years):
        if not years:
            return
        self.ensure_one()
        checked = self._checked_missing_years()
        for year in sorted(set(years) - checked):
            self._ensure_missing_year_activity(year)
            checked.add(year)

    @api.multi
    def _ensure_missing_year_activity(self, year):
        """One open To Do on the calendar for an administrator, whoever
        computed the deadline (hence sudo), in the administrator's language."""
        self.ensure_one()
        admin = self.env['res.users'].sudo().search(
            [('groups_id', 'in', self.env.ref('gov_interaction.group_gov_admin').id)],
            order='id', limit=1)
        if admin:
            self.sudo().with_context(lang=admin.lang)._create_missing_year_activity(year, admin)

    @api.multi
    def _create_missing_year_activity(self, year, admin):
        summary = _('Enter the working-day schedule for %s') % year
        activities = self.env['mail.activity']
        if activities.search_count([('res_model', '=', self._name), ('res_id', '=', self.id),
                                    ('summary', '=', summary)]):
            return
        self.activity_schedule(
            'mail.mail_activity_data_todo', summary=summary, user_id=admin.id,
            note='<p>%s</p>' % (_('Deadlines reaching into %s are computed with weekends only '
                                  'until the schedule of that year is entered (button "Enter a Year" '
                                  'on the calendar).') % year))

    @api.model
    def _cron_check_next_year(self, today=None):
        """Daily: from November 1 on, warn if next year's national schedule
        is still missing (the State Council publishes it in the autumn)."""
        national = self._get_national()
        schedule = national._schedule()
        today = today or schedule.today()
        next_year = today.year + 1
        if today.month >= 11 and next_year not in schedule.years:
            national._ensure_missing_year_activity(next_year)

    @api.multi
    def action_enter_year(self):
        """Open the wizard entering a year's holidays and make-up days."""
        self.ensure_one()
        action = self.env.ref('gov_interaction.gov_calendar_holiday_wizard_action').read()[0]
        action['context'] = {'default_calendar_id': self.id}
        return action
