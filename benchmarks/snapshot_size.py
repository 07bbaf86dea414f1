"""The view-count snapshot after years of nightly pulls: compacted, beside the file uncompacted.

    .venv/bin/python benchmarks/snapshot_size.py [--posts 10000] [--years 5]

Simulates one import a night (as `views-nightly` does) for a site of POSTS
posts, 40% of them older than the first night and the rest published over
the years: each night about 600 views of articles (fewer at weekends, three
to four times as many around the 2029 elections), half of them of the news
of the last days, half spread over every older post by a long-tailed
popularity (log-normal), so most posts get a view or two a month and a few
get hundreds. Every night goes through `snapshot.add_import`, which
compacts; the reference is the same nights written as the snapshot was
before compaction (version 1: every import with its own views). Prints both
sizes at the end of each year, the largest compacted file at any week's end,
and the lines `git diff` shows for each of the last nights.
"""

import argparse
import bisect
import json
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import ACTIVITIES, REGENCIES, TOPICS  # noqa: E402

from view_counts import snapshot as snapshots  # noqa: E402
from view_counts.exports import Export  # noqa: E402

FIRST_NIGHT = date(2027, 1, 1)
DIFF_NIGHTS = 35
ELECTIONS = [(date(2029, 2, 14), 4.0), (date(2029, 11, 27), 3.0)]


def slug(text: str) -> str:
    return "-".join(text.lower().split())


@dataclass
class Site:
    published: list[date]  # oldest first
    urls: list[str]
    cumulative: list[float]  # popularity, summed: the weights random.choices takes


def site(count: int, years: int, rng: random.Random) -> Site:
    """COUNT posts, 40% published before the first night, the rest over YEARS."""
    old = count * 2 // 5
    days = sorted(
        [FIRST_NIGHT - timedelta(days=rng.randint(1, 6 * 365)) for _ in range(old)]
        + [FIRST_NIGHT + timedelta(days=rng.randint(0, years * 365)) for _ in range(count - old)]
    )
    urls = []
    for number, day in enumerate(days, start=1):
        title = f"{rng.choice(ACTIVITIES)} {rng.choice(TOPICS)} {rng.choice(REGENCIES)} {number}"
        urls.append(f"/berita/{day:%Y/%m}/{slug(title)}/")
    cumulative, running = [], 0.0
    for _ in days:
        running += rng.lognormvariate(0, 1.5)
        cumulative.append(running)
    return Site(days, urls, cumulative)


def night_views(day: date, posts: Site, rng: random.Random) -> Counter:
    """The article views of DAY, by URL."""
    published, urls, cumulative = posts.published, posts.urls, posts.cumulative
    known = bisect.bisect_right(published, day)
    factor = 0.6 if day.weekday() >= 5 else 1.0
    for election, peak in ELECTIONS:
        if -30 <= (day - election).days <= 30:
            factor *= peak
    total = max(50, int(rng.gauss(600, 120) * factor))
    views = Counter()
    fresh = range(bisect.bisect_left(published, day - timedelta(days=10)), known)
    news = total // 2 if fresh else 0
    if fresh:
        weights = [
            (cumulative[i] - (cumulative[i - 1] if i else 0.0))
            * math.exp(-(day - published[i]).days / 2)
            for i in fresh
        ]
        views.update(urls[i] for i in rng.choices(fresh, weights=weights, k=news))
    picks = rng.choices(range(known), cum_weights=cumulative[:known], k=total - news)
    views.update(urls[i] for i in picks)
    return views


def v1_entry(entry: dict, views: dict) -> dict:
    """ENTRY as the snapshot wrote it before compaction: its own views inside."""
    old = {key: value for key, value in entry.items() if key != "period"}
    return old | {"views": dict(sorted(views.items()))}


def v1_text(entries: list[dict]) -> str:
    old = {"version": 1, "baseline_date": None, "baseline": {}, "imports": entries}
    return json.dumps(old, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def diff_lines(before: str, after: str, folder: Path) -> int:
    """Lines added plus lines removed, as `git diff` counts them."""
    (folder / "before.json").write_text(before, encoding="utf-8")
    (folder / "after.json").write_text(after, encoding="utf-8")
    result = subprocess.run(
        ["git", "diff", "--no-index", "--numstat", "before.json", "after.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    added, removed, _ = result.stdout.split("\t", 2) if result.stdout else ("0", "0", "")
    return int(added) + int(removed)


def size(text: str) -> str:
    return f"{len(text.encode()) / 1e6:.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=5)
    arguments = parser.parse_args()
    rng = random.Random(22)
    posts = site(arguments.posts, arguments.years, rng)
    addresses = {url: url for url in posts.urls}
    snapshot, reference = snapshots.empty(), []
    nights = (date(FIRST_NIGHT.year + arguments.years, 1, 1) - FIRST_NIGHT).days
    seconds, diffs, expected, largest = [], [], Counter(), (0, None)
    print(f"{arguments.posts:,} posts, {nights:,} nightly pulls from {FIRST_NIGHT}")
    print(f"{'end of':>10} {'compacted':>10} {'lines':>7} {'uncompacted':>12} {'lines':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for number in range(nights):
            day = FIRST_NIGHT + timedelta(days=number)
            views = night_views(day, posts, rng)
            export = Export("matomo-report", "nb_hits", Counter(views), day, day)
            export.views["/"] = 300  # the home page: not an article
            before = snapshots.dumps(snapshot) if number >= nights - DIFF_NIGHTS else None
            started = time.perf_counter()
            snapshots.add_import(
                snapshot,
                export,
                addresses,
                source="matomo",
                file_name=f"matomo-{day}-{day}.csv",
                fingerprint=f"sha256:{number:064x}",
            )
            seconds.append(time.perf_counter() - started)
            expected.update(views)
            entry = next(e for e in snapshot["imports"] if e["end"] == day.isoformat())
            reference.append(v1_entry(entry, views))
            if before is not None:
                changed = diff_lines(before, snapshots.dumps(snapshot), Path(folder))
                diffs.append((changed, len(views), day))
            if day.weekday() == 6:
                largest = max(largest, (len(snapshots.dumps(snapshot).encode()), day))
            if (day + timedelta(days=1)).year != day.year:
                text, old = snapshots.dumps(snapshot), v1_text(reference)
                print(
                    f"{day.year:>10} {size(text):>10} {text.count(chr(10)):>7,} "
                    f"{size(old):>12} {old.count(chr(10)):>9,}"
                )
    assert snapshots.totals(snapshot) == dict(expected), "compaction changed a total"
    text = snapshots.dumps(snapshot)
    cells = sum(len(c) for articles in snapshot["views"].values() for c in articles.values())
    articles = sum(len(articles) for articles in snapshot["views"].values())
    print(
        f"\ncompacted: {len(snapshot['imports'])} periods, {articles:,} articles, "
        f"{cells:,} article-periods ({cells / articles:.1f} each)"
    )
    print(f"largest at a week's end: {largest[0] / 1e6:.2f} MB on {largest[1]}")
    print(f"an import with its compaction: {statistics.median(seconds) * 1000:.0f} ms median")
    per_post = [changed / viewed for changed, viewed, _ in diffs]
    print(f"git diff of each of the last {len(diffs)} nights, lines added + removed:")
    print(
        f"  median {statistics.median(c for c, _, _ in diffs):,.0f} "
        f"({statistics.median(per_post):.1f} per post viewed that night), "
        f"max {max(c for c, _, _ in diffs):,} on {max(diffs)[2]} "
        f"({max(per_post):.1f} per post viewed)"
    )
    added = json.dumps(reference[-1], indent=1).count("\n") + 1
    print(f"  uncompacted: {added:,} lines added on the last night")


if __name__ == "__main__":
    main()
