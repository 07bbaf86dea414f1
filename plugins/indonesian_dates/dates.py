"""Indonesian dates and times, formatted with Babel's CLDR data.

Pelican formats dates with strftime, which follows the system locale; Debian
has no id_ID locale by default and then prints English month names without a
word of warning. Babel carries its own locale data, so "Rabu, 3 November 2021"
comes out the same on every machine.

Each is cached: a date is printed on its post, its neighbours and every list
that holds it, and Babel takes 0.1 ms each time.
"""

from datetime import date, datetime
from functools import cache

from babel.dates import format_date, format_datetime

LOCALE = "id"


@cache
def _formatted(moment: datetime, zone, pattern: str) -> str:
    # Keyed on the zone too: equal instants in two zones print differently.
    return format_datetime(moment, pattern, tzinfo=zone, locale=LOCALE)


def long_date(moment: datetime) -> str:
    """'Rabu, 3 November 2021'."""
    return _formatted(moment, moment.tzinfo, "EEEE, d MMMM y")


def short_date(moment: datetime) -> str:
    """'3 Nov 2021', for lists where space is short."""
    return _formatted(moment, moment.tzinfo, "d MMM y")


def clock_time(moment: datetime) -> str:
    """'09.00 WITA': Indonesian writes a dot between hours and minutes."""
    return _formatted(moment, moment.tzinfo, "HH.mm zzz")


def month_year(moment: datetime) -> str:
    """'November 2021', the heading of a month's archive."""
    return _formatted(moment, moment.tzinfo, "MMMM y")


@cache
def day_month_year(day: date) -> str:
    """'28 November 2026', for a day without a time (when counts were taken)."""
    return format_date(day, "d MMMM y", locale=LOCALE)
