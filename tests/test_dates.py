"""Indonesian dates from Babel, whatever the system locale."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from indonesian_dates.dates import clock_time, long_date, month_year, short_date

WITA = ZoneInfo("Asia/Makassar")


def test_seed_date_and_time():
    moment = datetime(2021, 11, 3, 9, 0, tzinfo=WITA)
    assert long_date(moment) == "Rabu, 3 November 2021"
    assert clock_time(moment) == "09.00 WITA"


@pytest.mark.parametrize(
    ("month", "day", "expected"),
    [
        (1, 5, "Senin, 5 Januari 2026"),
        (2, 14, "Sabtu, 14 Februari 2026"),
        (3, 1, "Minggu, 1 Maret 2026"),
        (4, 1, "Rabu, 1 April 2026"),
        (5, 1, "Jumat, 1 Mei 2026"),
        (6, 4, "Kamis, 4 Juni 2026"),
        (7, 7, "Selasa, 7 Juli 2026"),
        (8, 17, "Senin, 17 Agustus 2026"),
        (9, 1, "Selasa, 1 September 2026"),
        (10, 1, "Kamis, 1 Oktober 2026"),
        (11, 28, "Sabtu, 28 November 2026"),
        (12, 25, "Jumat, 25 Desember 2026"),
    ],
)
def test_every_month_and_day_name_is_indonesian(month, day, expected):
    assert long_date(datetime(2026, month, day, 12, tzinfo=WITA)) == expected


def test_short_forms():
    moment = datetime(2024, 8, 17, 23, 5, tzinfo=WITA)
    assert short_date(moment) == "17 Agu 2024"
    assert month_year(moment) == "Agustus 2024"
    assert clock_time(moment) == "23.05 WITA"


def test_time_zone_is_named_for_the_zone_of_the_date():
    # A date in another Indonesian zone says so rather than claiming WITA.
    assert clock_time(datetime(2024, 2, 14, 7, tzinfo=ZoneInfo("Asia/Jakarta"))) == "07.00 WIB"


def test_no_dependence_on_the_process_locale(monkeypatch):
    import locale

    monkeypatch.setenv("LC_ALL", "C")
    # Restored afterwards: the C locale would make this worker decode every later
    # subprocess's output as ASCII.
    saved = locale.setlocale(locale.LC_ALL)
    locale.setlocale(locale.LC_ALL, "C")
    try:
        assert long_date(datetime(2021, 11, 3, 9, tzinfo=WITA)) == "Rabu, 3 November 2021"
    finally:
        locale.setlocale(locale.LC_ALL, saved)
