"""Indonesian dates and times, formatted with Babel's CLDR data.

Pelican formats dates with strftime, which follows the system locale; Debian
has no id_ID locale by default and then prints English month names without a
word of warning. Babel carries its own locale data, so "Rabu, 3 November 2021"
comes out the same on every machine.
"""

from datetime import date, datetime

from babel.dates import format_date, format_datetime

LOCALE = "id"


def long_date(moment: datetime) -> str:
    """'Rabu, 3 November 2021'."""
    return format_datetime(moment, "EEEE, d MMMM y", tzinfo=moment.tzinfo, locale=LOCALE)


def short_date(moment: datetime) -> str:
    """'3 Nov 2021', for lists where space is short."""
    return format_datetime(moment, "d MMM y", tzinfo=moment.tzinfo, locale=LOCALE)


def clock_time(moment: datetime) -> str:
    """'09.00 WITA': Indonesian writes a dot between hours and minutes."""
    return format_datetime(moment, "HH.mm zzz", tzinfo=moment.tzinfo, locale=LOCALE)


def month_year(moment: datetime) -> str:
    """'November 2021', the heading of a month's archive."""
    return format_datetime(moment, "MMMM y", tzinfo=moment.tzinfo, locale=LOCALE)


def day_month_year(day: date) -> str:
    """'28 November 2026', for a day without a time (when counts were taken)."""
    return format_date(day, "d MMMM y", locale=LOCALE)
