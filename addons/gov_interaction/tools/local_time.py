# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Local time for people: Odoo stores UTC, pages, messages and exports
show the time of the working-day calendar's time zone (``gov.calendar``
``tz``): the national calendar's, or a department's calendar where the
caller has one.  Deadlines end at 23:59:59 in the same time zone (5.3.4)."""
import datetime

import pytz

from odoo import fields


def local_tz(env, calendar=None):
    """The pytz time zone of ``calendar`` (a ``gov.calendar``), by default
    the national calendar's."""
    calendar = (calendar or env['gov.calendar']._get_national()).sudo()
    name = calendar.tz if calendar else env['gov.calendar'].default_get(['tz'])['tz']
    return pytz.timezone(name)


def local_moment(env, value, calendar=None):
    """A UTC datetime (Odoo string or naive datetime) as an aware local
    datetime."""
    if isinstance(value, str):
        value = fields.Datetime.from_string(value)
    return pytz.utc.localize(value).astimezone(local_tz(env, calendar))


def local_time(env, value, fmt='%Y-%m-%d %H:%M', calendar=None):
    """A UTC datetime (Odoo string or naive datetime) as local time text;
    '' for no value."""
    return local_moment(env, value, calendar).strftime(fmt) if value else ''


def local_date(env, value, calendar=None):
    """The local date of a UTC datetime as 'YYYY-MM-DD'; '' for no value."""
    return local_time(env, value, '%Y-%m-%d', calendar)


def local_today(env, calendar=None):
    """Today's date in the local time zone."""
    return datetime.datetime.now(local_tz(env, calendar)).date()


def utc_of_local(env, value, calendar=None):
    """A naive local datetime as a naive UTC datetime."""
    local = local_tz(env, calendar).localize(value)
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def utc_day_start(env, day, calendar=None):
    """The start (local midnight) of ``day`` (a date or 'YYYY-MM-DD') as a
    naive UTC datetime: local days as UTC bounds [start of day, start of
    the next day)."""
    if isinstance(day, str):
        day = fields.Date.from_string(day)
    return utc_of_local(env, datetime.datetime.combine(day, datetime.time()), calendar)


def utc_year_bounds(env, year, calendar=None):
    """The local year ``year`` as naive UTC datetimes [start, end)."""
    return (utc_day_start(env, datetime.date(year, 1, 1), calendar),
            utc_day_start(env, datetime.date(year + 1, 1, 1), calendar))
