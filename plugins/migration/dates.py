"""Dates as old sites print them, read into the site's time zone (WITA).

"Rabu, 3 November 2021" with "09.00 Wita", "3 Nov 2021 pukul 10.00 WIB",
"November 3, 2021 2:00 PM" (an English theme), "2021-11-12 13:45:00" and ISO
8601 from meta tags. Month names come from Babel's Indonesian and English
locale data. A time given in
WIB or WIT is moved to WITA; a time without a zone is taken as WITA, the
province's own. A page that gives the day only gives 00:00 WITA, with
Moment.timed False: the import reports it ("jam tidak tertulis").
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale

WITA = ZoneInfo("Asia/Makassar")
ZONES = {"wib": 7, "wita": 8, "wit": 9}
# Abbreviations Babel does not list but pages use.
EXTRA_MONTHS = {"agt": 8, "ags": 8, "agust": 8, "sept": 9, "peb": 2, "pebruari": 2, "nop": 11}


@dataclass(frozen=True)
class Moment:
    when: datetime  # aware, in WITA
    timed: bool  # False when the page gave the day only (the time is then 00:00)


@cache
def month_names() -> dict[str, int]:
    names = dict(EXTRA_MONTHS)
    for code in ("id", "en"):
        months = Locale.parse(code).months["format"]
        for width in ("wide", "abbreviated"):
            names.update(
                {name.lower().rstrip("."): number for number, name in months[width].items()}
            )
    return names


@cache
def date_words() -> frozenset[str]:
    """The words a date line is made of besides numbers: months, days, zones, "pukul"."""
    days = [
        name.lower()
        for code in ("id", "en")
        for width in ("wide", "abbreviated")
        for name in Locale.parse(code).days["format"][width].values()
    ]
    extra = {"pukul", "pkl", "jam", "at", "am", "pm", "on", "pada", "oleh", "by", "diposting"}
    return frozenset(month_names()) | set(days) | set(ZONES) | extra


@cache
def patterns() -> tuple[re.Pattern, re.Pattern]:
    months = "|".join(sorted(map(re.escape, month_names()), key=len, reverse=True))
    day_first = re.compile(rf"\b(\d{{1,2}})\s+({months})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
    month_first = re.compile(rf"\b({months})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
    return day_first, month_first


NUMERIC = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)|\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")
# "09.00 Wita", "pukul 14:00", "13:45:00" (ISO's seconds), "2:00 PM": hours, minutes, AM/PM, zone.
TIME = re.compile(
    r"^[\s,|·•\-–—T]*(?:pukul|pkl\.?|jam|at)?\s*([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d)"
    r"(?:[.:][0-5]\d(?!\d))?(?![.:]\d)\s*([ap]\.?m\b\.?)?\s*(WITA|WIB|WIT)?\b",
    re.IGNORECASE,
)
# How far after a date its time may be written ("Rabu, 3 November 2021 | 09.00 Wita").
TIME_REACH = 60


def in_wita(moment: datetime, zone: str | None) -> datetime:
    if zone:
        moment = moment.replace(tzinfo=timezone(timedelta(hours=ZONES[zone.lower()])))
        return moment.astimezone(WITA)
    return moment.replace(tzinfo=WITA)


def first_date(text: str) -> tuple[int, int, int, int, int] | None:
    """(start, end, year, month, day) of the first date written in TEXT, or None."""
    found = []
    day_first, month_first = patterns()
    for match in day_first.finditer(text):
        day, month, year = int(match[1]), month_names()[match[2].lower()], int(match[3])
        found.append((match.start(), match.end(), year, month, day))
    for match in month_first.finditer(text):
        month, day, year = month_names()[match[1].lower()], int(match[2]), int(match[3])
        found.append((match.start(), match.end(), year, month, day))
    for match in NUMERIC.finditer(text):
        if match[1]:
            year, month, day = int(match[1]), int(match[2]), int(match[3])
        else:  # day/month/year, as Indonesia writes it
            day, month, year = int(match[4]), int(match[5]), int(match[6])
        found.append((match.start(), match.end(), year, month, day))
    for start, end, year, month, day in sorted(found):
        try:
            datetime(year, month, day)
        except ValueError:
            continue
        return start, end, year, month, day
    return None


def hour_of(hour: int, meridiem: str | None) -> int:
    """HOUR on a 24-hour clock: "2:00 PM" is 14, "12:30 AM" is 0."""
    if not meridiem or hour > 12:
        return hour
    return hour % 12 + (12 if meridiem.lower().startswith("p") else 0)


def find_moment(text: str) -> Moment | None:
    """The first date written in TEXT, with the time written right after it, in WITA."""
    date = first_date(text)
    if date is None:
        return None
    _start, end, year, month, day = date
    time = TIME.match(text[end : end + TIME_REACH])
    if time:
        moment = datetime(year, month, day, hour_of(int(time[1]), time[3]), int(time[2]))
        return Moment(in_wita(moment, time[4]), True)
    return Moment(datetime(year, month, day, tzinfo=WITA), False)


def parse_iso(value: str) -> Moment | None:
    """An ISO 8601 date or moment (meta tags, <time datetime>); without a zone, WITA."""
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    timed = "T" in text or " " in text
    if moment.tzinfo is None:
        return Moment(moment.replace(tzinfo=WITA), timed)
    return Moment(moment.astimezone(WITA), timed)
