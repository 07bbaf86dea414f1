"""The numbers of /statistik/: views by month, by regency and by category, and the most read.

Worked out from the snapshot and the site's posts alone, so that the page,
its CSV files and a test all read the same numbers. Months are calendar
months, the last KEEP_MONTHS up to the snapshot's last day (the newest one
partly); regencies and categories count the same months together. A post
about two regencies counts in both.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from babel.numbers import format_decimal
from markupsafe import Markup

from . import snapshot as snapshots

PROVINCE = "Se-NTT"
THIS_MONTH = 5  # "Terpopuler bulan ini"
EACH_MONTH = 3  # the months before it
ALL_TIME = 10


def grouped(count: int) -> str:
    """'1.234': Indonesian digit grouping."""
    return format_decimal(count, locale="id")


@dataclass(frozen=True)
class Post:
    url: str  # "/berita/2021/11/.../", as the snapshot has it
    title: str
    category: str
    places: tuple[str, ...]  # regencies' short names, or (PROVINCE,)


@dataclass
class Statistics:
    as_of: date | None
    months: list[datetime] = field(default_factory=list)  # each month's first day, oldest first
    monthly: list[int] = field(default_factory=list)  # the site's views in each
    by_place: list[tuple[str, int]] = field(default_factory=list)  # most viewed first
    by_category: list[tuple[str, int]] = field(default_factory=list)
    # Newest month first, its most read posts with their views in it.
    top_by_month: list[tuple[datetime, list[tuple[Post, int]]]] = field(default_factory=list)
    all_time: list[tuple[Post, int]] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        """Whether the newest month is counted only in part."""
        return self.as_of is not None and self.as_of != snapshots.month_end(self.as_of)


def ranked(counts: dict[str, int], posts: dict[str, Post], count: int) -> list[tuple[Post, int]]:
    found = [(posts[url], views) for url, views in counts.items() if url in posts and views]
    return sorted(found, key=lambda pair: (-pair[1], pair[0].url))[:count]


def statistics(
    snapshot: dict,
    posts: dict[str, Post],
    places: list[str],
    categories: list[str],
    months: int = snapshots.KEEP_MONTHS,
) -> Statistics:
    """The page's numbers. PLACES and CATEGORIES are every row to show, even at 0."""
    day = snapshots.as_of(snapshot)
    result = Statistics(day, all_time=ranked(snapshots.totals(snapshot), posts, ALL_TIME))
    if day is None or not snapshot["imports"]:
        return result
    first_counted = min(date.fromisoformat(entry["start"]) for entry in snapshot["imports"])
    firsts = [snapshots.month_start(day, back) for back in reversed(range(months))]
    firsts = [first for first in firsts if snapshots.month_end(first) >= first_counted]
    windows = [(first, min(snapshots.month_end(first), day)) for first in firsts]
    counted = snapshots.views_in(snapshot, windows)
    result.months = [datetime(first.year, first.month, 1) for first in firsts]
    result.monthly = [
        sum(views for url, views in found.items() if url in posts) for found in counted
    ]
    by_place, by_category = dict.fromkeys(places, 0), dict.fromkeys(categories, 0)
    for found in counted:
        for url, views in found.items():
            post = posts.get(url)
            if post is None:
                continue  # no longer on the site
            by_category[post.category] = by_category.get(post.category, 0) + views
            for place in post.places:
                by_place[place] = by_place.get(place, 0) + views
    result.by_place = sorted(by_place.items(), key=lambda pair: (-pair[1], pair[0]))
    result.by_category = sorted(by_category.items(), key=lambda pair: (-pair[1], pair[0]))
    result.top_by_month = [
        (month, ranked(found, posts, THIS_MONTH if index == 0 else EACH_MONTH))
        for index, (month, found) in enumerate(zip(result.months[::-1], counted[::-1], strict=True))
    ]
    return result


def plain(title: str) -> str:
    """A title as text: Pelican's titles are HTML (typogrify's entities and spans)."""
    return Markup(title).striptags().replace("\xa0", " ")


def table(rows: list[list]) -> str:
    """CSV as spreadsheets open it: UTF-8 with a byte order mark (Excel reads
    it as UTF-8 only then), CRLF line ends, commas, plain integers."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return "\ufeff" + text.getvalue()


def csv_files(numbers: Statistics, site: str, month_name) -> dict[str, str]:
    """Each table of the page as a file of its own: {file name: text}. MONTH_NAME(datetime)."""
    files = {
        "tayangan-per-bulan.csv": [
            ["Bulan", "Nama bulan", "Tayangan"],
            *(
                [f"{month:%Y-%m}", month_name(month), views]
                for month, views in zip(numbers.months, numbers.monthly, strict=True)
            ),
        ],
        "tayangan-menurut-wilayah.csv": [["Wilayah", "Tayangan"], *map(list, numbers.by_place)],
        "tayangan-menurut-kategori.csv": [
            ["Kategori", "Tayangan"],
            *map(list, numbers.by_category),
        ],
        "terpopuler-per-bulan.csv": [
            ["Bulan", "Peringkat", "Judul", "Alamat", "Tayangan"],
            *(
                [f"{month:%Y-%m}", rank, plain(post.title), site + post.url, views]
                for month, top in numbers.top_by_month
                for rank, (post, views) in enumerate(top, start=1)
            ),
        ],
        "terpopuler-sepanjang-masa.csv": [
            ["Peringkat", "Judul", "Alamat", "Tayangan"],
            *(
                [rank, plain(post.title), site + post.url, views]
                for rank, (post, views) in enumerate(numbers.all_time, start=1)
            ),
        ],
    }
    return {name: table(rows) for name, rows in files.items()}
