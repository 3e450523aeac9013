# Run by scripts/bench.sh through `bin/odoo shell` (where `env` is predefined)
# on a throwaway database; the transaction is rolled back at the end.
"""Working-day deadlines: our engine (gov.calendar._deadline) against the
baseline of Odoo itself, resource.calendar.plan_days with the same holidays
entered as global leaves, on the same start dates in the same run."""
import datetime
import random
import time

import pytz

from odoo import fields

N_STARTS = 2000
DAYS = 5
OUR_RUNS = 3  # ours takes milliseconds: best of a few runs
TZ = 'Asia/Shanghai'
SHANGHAI = pytz.timezone(TZ)


def start_dates():
    """The same 2,000 UTC start times every run, spread over 2025-2026 (up
    to Dec 24, so that five working days stay within the schedule)."""
    rng = random.Random(20250101)
    first = datetime.datetime(2024, 12, 31, 16)  # 2025-01-01 00:00 local
    span = int((datetime.datetime(2026, 12, 24, 16) - first).total_seconds())
    return [first + datetime.timedelta(seconds=rng.randrange(span)) for _n in range(N_STARTS)]


def local_date(utc_dt):
    return pytz.utc.localize(utc_dt).astimezone(SHANGHAI).date()


def local_midnight_utc(day):
    local = SHANGHAI.localize(datetime.datetime.combine(day, datetime.time()))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def odoo_calendar(env, national):
    """Mon-Fri 9:00-17:00, every holiday of the national schedule a global
    leave (a whole local day).  Make-up days cannot be entered: attendances
    are weekly."""
    calendar = env['resource.calendar'].create({
        'name': 'Benchmark: Mon-Fri 9-17',
        'attendance_ids': [(0, 0, {'name': 'Day %d' % weekday, 'dayofweek': str(weekday),
                                   'hour_from': 9, 'hour_to': 17}) for weekday in range(5)],
    })
    for day in national.day_ids.filtered(lambda day: day.kind == 'holiday'):
        date = fields.Date.from_string(day.date)
        env['resource.calendar.leaves'].create({
            'name': day.name, 'calendar_id': calendar.id, 'tz': TZ,
            'date_from': local_midnight_utc(date),
            'date_to': local_midnight_utc(date + datetime.timedelta(days=1)) - datetime.timedelta(seconds=1),
        })
    return calendar


def rate(seconds):
    return N_STARTS / seconds if seconds else float('inf')


def main(env):
    env = env(context=dict(env.context, tz=TZ))  # plan_days works in the user's time zone
    national = env.ref('gov_interaction.calendar_national')
    starts = start_dates()

    national._deadline(starts[0], DAYS)  # the one schedule load
    ours_seconds = float('inf')
    for _run in range(OUR_RUNS):
        began = time.perf_counter()
        ours = [national._deadline(start, DAYS)[0] for start in starts]
        ours_seconds = min(ours_seconds, time.perf_counter() - began)

    resource_calendar = odoo_calendar(env, national)
    resource_calendar.plan_days(DAYS, starts[0], compute_leaves=True)  # warm the ORM cache
    began = time.perf_counter()
    theirs = [resource_calendar.plan_days(DAYS, start, compute_leaves=True) for start in starts]
    theirs_seconds = time.perf_counter() - began

    # Compare on the local date: plan_days ends at 17:00, ours at 23:59:59.
    causes = {}  # (agree, start day counted, make-up day skipped) -> number of answers
    for start, our, their in zip(starts, ours, theirs, strict=True):
        key = (local_date(our) == local_date(their),) + _causes(national, start, our)
        causes[key] = causes.get(key, 0) + 1
    differ = sum(n for (agree, _counted, _skipped), n in causes.items() if not agree)

    rows = [
        ('ours  gov.calendar._deadline (best of %d)' % OUR_RUNS, '%.0f deadlines/s' % rate(ours_seconds)),
        ('Odoo  resource.calendar.plan_days(compute_leaves)', '%.0f deadlines/s' % rate(theirs_seconds)),
        ('ratio ours / Odoo', '%.0fx' % (rate(ours_seconds) / rate(theirs_seconds))),
        ('answers that differ (local date)', '%d of %d' % (differ, N_STARTS)),
        ('  plan_days counted the start day as day 1', causes.get((False, True, False), 0)),
        ('  plan_days skipped a make-up working day (调休上班)', causes.get((False, False, True), 0)),
        ('  both', causes.get((False, True, True), 0)),
        ('  neither (unexplained)', causes.get((False, False, False), 0)),
        ('answers that agree only because both cancel out', causes.get((True, True, True), 0)),
    ]
    print('Working-day deadlines: %d start dates over 2025-2026, %d working days each' % (N_STARTS, DAYS))
    for label, value in rows:
        print('  %s%s %s' % (label, ' ' * (52 - _width(label)), value))
    print("""
Why they differ.  The provincial standard counts N working days AFTER the day
of receipt, so ours never counts the start day; plan_days counts the start day
as day 1 whenever it is a weekday at work, and ends one working day early.
plan_days knows only weekly attendances and leaves, so it has no make-up
working days: a Saturday or Sunday worked in exchange for a holiday (调休上班)
is not counted, and it ends one working day late.  When both happen they
cancel out, unless the make-up day is our deadline itself.  Compared on the
local date only (plan_days ends at 17:00 local, ours at 23:59:59 local).""")


def _causes(national, start, our_deadline):
    """(plan_days counts the start day, a make-up day lies in our period)"""
    first, last = local_date(start), local_date(our_deadline)
    counted = first.weekday() < 5 and national.is_working_day(first)
    period = (first + datetime.timedelta(days=n) for n in range(1, (last - first).days + 1))
    skipped = any(day.weekday() >= 5 and national.is_working_day(day) for day in period)
    return counted, skipped


def _width(text):
    """Terminal columns: CJK characters take two."""
    return sum(2 if ord(char) > 0x2e80 else 1 for char in text)


if __name__ == '__main__':
    main(env)
