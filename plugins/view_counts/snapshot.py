"""The view-count snapshot: one reviewed JSON file, changed only by whole imports.

    {"version": 2,
     "baseline_date": "2026-11-28",
     "baseline": {"/berita/2021/11/...-se-ntt/": 395},
     "imports": [{"source": "matomo", "period": "2027-01-05",
                  "start": "2027-01-05", "end": "2027-01-05",
                  "format": "matomo-report", "metric": "nb_hits", "file": "...",
                  "fingerprint": "sha256:...", "rows": 120,
                  "matched_views": 5400, "unmatched_views": 310}],
     "views": {"matomo": {"/berita/...": {"2026": 880, "2027-01": 31, "2027-01-05": 2}}}}

An article's count is its baseline plus its views in every period. Each
source's periods are listed once in `imports`; `views` has one line per
article and source, keyed by period, so that a night's import changes one
line per post it counted. Importing a file twice changes nothing (same
fingerprint). For one source, periods may not overlap: an import whose
period covers earlier ones of the same source replaces them (a year's export
after twelve monthly ones), a partial overlap is refused. A log is imported a
day at a time, each day with the time of the last line counted (`last_line`):
the next log's lines up to it are skipped (exports.access_log), and the day
the two share is added to.

Every import compacts the file (compact()): days older than KEEP_DAYS merge
into their month, months older than KEEP_MONTHS into their year. No total
changes, and a merged period still refuses any of its days again. Writing is
atomic: a failed import leaves the file as it was.
"""

import calendar
import json
import os
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

from translations import _

from .exports import Export
from .paths import normalise

VERSION = 2
# Days stay days for the "Terpopuler" window (VIEW_COUNTS_POPULAR_DAYS, 30 by
# default, with room for a month of 31), months stay months for the
# statistics page's months; what is older is kept by month, then by year.
KEEP_DAYS = 35
KEEP_MONTHS = 12
ONE_DAY = timedelta(days=1)


class SnapshotError(ValueError):
    pass


@dataclass
class Report:
    """What an import did, for the person running it."""

    added: bool
    replaced: list[str] = field(default_factory=list)
    matched_views: int = 0
    unmatched: Counter = field(default_factory=Counter)
    message: str = ""


def empty() -> dict:
    return {"version": VERSION, "baseline_date": None, "baseline": {}, "imports": [], "views": {}}


def period_label(start: date, end: date) -> str:
    """'2027-01-05' for a day, '2027-01' for a calendar month, '2027' for a year, else START..END."""
    if start == end:
        return start.isoformat()
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    if start.day == 1 and end == month_end(start):
        return f"{start:%Y-%m}"
    return f"{start}..{end}"


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def upgrade(snapshot: dict) -> dict:
    """A version 1 snapshot (each import with its own views) in today's layout, in place."""
    if snapshot.get("version") == 1:
        views = snapshot["views"] = {}
        for entry in snapshot["imports"]:
            start, end = date.fromisoformat(entry["start"]), date.fromisoformat(entry["end"])
            entry["period"] = period_label(start, end)
            for url, count in entry.pop("views").items():
                cells = views.setdefault(entry["source"], {}).setdefault(url, {})
                cells[entry["period"]] = count
        snapshot["version"] = VERSION
    return snapshot


def load(path: Path) -> dict:
    if not path.exists():
        return empty()
    text = path.read_text(encoding="utf-8")
    try:
        snapshot = json.loads(text)
    except json.JSONDecodeError as error:
        message = _("the snapshot is not valid JSON ({error})").format(error=error.msg)
        raise SnapshotError(f"{path}:{error.lineno}: {message}") from None
    if snapshot.get("version") not in (1, VERSION):
        message = _("snapshot version {found} is not {expected}")
        found = snapshot.get("version")
        raise SnapshotError(f"{path}: {message.format(found=found, expected=VERSION)}")
    upgrade(snapshot)
    periods = {(entry["source"], entry["period"]) for entry in snapshot["imports"]}
    for source, articles in snapshot["views"].items():
        for url, cells in articles.items():
            for period in cells:
                if (source, period) not in periods:
                    # A hand edit or a merge conflict resolved by halves.
                    at = text.find(json.dumps(url, ensure_ascii=False), text.find('"views"'))
                    line = text[:at].count("\n") + 1
                    message = _(
                        "{source}'s views of {url} for {period} belong to no import; "
                        "restore the file from git"
                    )
                    message = message.format(source=source, url=url, period=period)
                    raise SnapshotError(f"{path}:{line}: {message}")
    return snapshot


# An article's periods: {"2026":880,"2027-01":31}, sorted, no spaces (a tenth of the file).
CELLS = {"sort_keys": True, "separators": (",", ":")}


def dumps(snapshot: dict) -> str:
    """Sorted keys, an article's periods on one line: a night changes a line per post it counted."""
    rest = {key: value for key, value in snapshot.items() if key != "views"}
    head = json.dumps(rest, ensure_ascii=False, indent=1, sort_keys=True)
    sources = []
    for source, articles in sorted(snapshot["views"].items()):
        lines = [
            f"   {json.dumps(url, ensure_ascii=False)}: {json.dumps(cells, **CELLS)}"
            for url, cells in sorted(articles.items())
        ]
        sources.append(f"  {json.dumps(source)}: {{\n" + ",\n".join(lines) + "\n  }")
    views = "{\n" + ",\n".join(sources) + "\n }" if sources else "{}"
    # "views" sorts last: after "version".
    return f'{head.removesuffix("}").rstrip()},\n "views": {views}\n}}\n'


def save(snapshot: dict, path: Path) -> None:
    """Write the whole file or nothing: a temporary file, then one rename."""
    text = dumps(snapshot)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".view-counts-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def raise_baseline(snapshot: dict, counts: dict[str, int], day: date) -> int:
    """Old-site counters as baselines (in place): each URL keeps the higher of its two counts.

    An old counter only grows, so a later copy of the old site raises it and an
    earlier one changes nothing. The baseline's date is set when it has none.
    Returns how many URLs changed (migration/importing.py).
    """
    changed = 0
    for url, count in sorted(counts.items()):
        if count > snapshot["baseline"].get(url, 0):
            snapshot["baseline"][url] = count
            changed += 1
    if changed and not snapshot.get("baseline_date"):
        snapshot["baseline_date"] = day.isoformat()
    return changed


def totals(snapshot: dict) -> dict[str, int]:
    """Views per article URL: baseline plus every period."""
    counts = Counter(snapshot["baseline"])
    for articles in snapshot["views"].values():
        for url, cells in articles.items():
            counts[url] += sum(cells.values())
    return dict(counts)


def views_of(snapshot: dict, entry: dict) -> dict[str, int]:
    """The views per article URL of one import (or merged period)."""
    articles = snapshot["views"].get(entry["source"], {})
    found = {url: cells.get(entry["period"]) for url, cells in articles.items()}
    return {url: count for url, count in sorted(found.items()) if count}


def as_of(snapshot: dict) -> date | None:
    """The last day counted: the end of the newest period, or the baseline's date."""
    days = [entry["end"] for entry in snapshot["imports"]]
    if snapshot.get("baseline_date"):
        days.append(snapshot["baseline_date"])
    return date.fromisoformat(max(days)) if days else None


def ranges(entry: dict) -> list[tuple[date, date]]:
    """The days an import counts: its period, less the gaps a merge left inside it."""
    start, end = date.fromisoformat(entry["start"]), date.fromisoformat(entry["end"])
    found = []
    for gap_start, gap_end in entry.get("gaps", []):
        found.append((start, date.fromisoformat(gap_start) - ONE_DAY))
        start = date.fromisoformat(gap_end) + ONE_DAY
    return [*found, (start, end)]


def days_within(entry: dict, first: date, last: date) -> int:
    return sum(
        max(0, (min(end, last) - max(start, first)).days + 1) for start, end in ranges(entry)
    )


def day_count(entry: dict) -> int:
    return sum((end - start).days + 1 for start, end in ranges(entry))


def overlaps(entry: dict, start: date, end: date) -> bool:
    return days_within(entry, start, end) > 0


def last_line(snapshot: dict, source: str) -> datetime | None:
    """The time of the last log line SOURCE's imports counted (exports.access_log's AFTER)."""
    found = [
        datetime.fromisoformat(entry["last_line"])
        for entry in snapshot["imports"]
        if entry["source"] == source and entry.get("last_line")
    ]
    return max(found) if found else None


def match(views_by_path: dict[str, int], addresses: dict[str, str]) -> tuple[Counter, Counter]:
    """(views per article URL, views per unmatched path): variants of one article are summed."""
    matched, unmatched = Counter(), Counter()
    for raw, views in views_by_path.items():
        path = normalise(raw)
        if path in addresses:
            matched[addresses[path]] += views
        elif path is not None:
            unmatched[path] += views
    return matched, unmatched


def _remove(snapshot: dict, entry: dict) -> None:
    snapshot["imports"].remove(entry)
    articles = snapshot["views"].get(entry["source"], {})
    for url in list(articles):
        articles[url].pop(entry["period"], None)
        if not articles[url]:
            del articles[url]
    if not articles:
        snapshot["views"].pop(entry["source"], None)


def _add(snapshot: dict, entry: dict, views: dict[str, int]) -> None:
    """ENTRY and its VIEWS into SNAPSHOT; into the period of the same name if there is one."""
    same = [
        held
        for held in snapshot["imports"]
        if (held["source"], held["period"]) == (entry["source"], entry["period"])
    ]
    if same:
        # Two parts of one month or year, compacted on two branches (merged()).
        snapshot["imports"].remove(same[0])
        entry = _combined([same[0], entry], entry["period"])
    snapshot["imports"].append(entry)
    snapshot["imports"].sort(key=lambda held: (held["source"], held["start"]))
    for url, count in views.items():
        if count:
            cells = snapshot["views"].setdefault(entry["source"], {}).setdefault(url, {})
            cells[entry["period"]] = cells.get(entry["period"], 0) + count


def add_import(
    snapshot: dict,
    export: Export,
    addresses: dict[str, str],
    *,
    source: str,
    file_name: str,
    fingerprint: str,
    period: tuple[date, date] | None = None,
) -> Report:
    """Add EXPORT to SNAPSHOT (in place), compact it, say what happened; SnapshotError to refuse."""
    for entry in snapshot["imports"]:
        if entry.get("fingerprint") == fingerprint:
            message = _("{file} was already imported; nothing changed").format(file=file_name)
            return Report(False, message=message)
    if export.format == "access-log":
        return add_log(snapshot, export, addresses, source, file_name, fingerprint)
    start, end = period or (export.start, export.end)
    if start is None or end is None:
        message = _(
            "{file} does not say which days it covers; give them: --period 2026-01-01..2026-01-31"
        )
        raise SnapshotError(message.format(file=file_name))
    if start > end:
        message = _("the period {start}..{end} ends before it starts")
        raise SnapshotError(message.format(start=start, end=end))
    replaced = []
    for entry in snapshot["imports"]:
        if entry["source"] != source or not overlaps(entry, start, end):
            continue
        old_start, old_end = date.fromisoformat(entry["start"]), date.fromisoformat(entry["end"])
        if start <= old_start and old_end <= end:
            replaced.append(entry)
            continue
        if entry.get("imports", 1) > 1:
            message = _(
                "{file} ({start}..{end}) repeats days already counted from {source}, merged "
                "into the period {period} ({other_start}..{other_end}); only an export of that "
                "whole period can replace it"
            )
        else:
            message = _(
                "{file} ({start}..{end}) overlaps {other} ({other_start}..{other_end}) from "
                "{source}; export periods that do not overlap, or one that covers both"
            )
        raise SnapshotError(
            message.format(
                file=file_name,
                start=start,
                end=end,
                other=entry["file"],
                other_start=old_start,
                other_end=old_end,
                source=source,
                period=entry["period"],
            )
        )
    matched, unmatched = match(export.views, addresses)
    for entry in replaced:
        _remove(snapshot, entry)
    entry = {
        "source": source,
        "period": period_label(start, end),
        "format": export.format,
        "metric": export.metric,
        "file": file_name,
        "fingerprint": fingerprint,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "rows": len(export.views),
        "matched_views": sum(matched.values()),
        "unmatched_views": sum(unmatched.values()),
    }
    _add(snapshot, entry, matched)
    compact(snapshot)
    return Report(True, [entry["file"] for entry in replaced], sum(matched.values()), unmatched)


def add_log(  # noqa: PLR0917
    snapshot: dict,
    export: Export,
    addresses: dict[str, str],
    source: str,
    file_name: str,
    fingerprint: str,
) -> Report:
    """A log's hits as one import a day, the day it shares with the import before (a rotated
    log's) added to that day's: the log was read after that import's last line."""
    if not export.days:
        message = _(
            "{file} holds nothing new: a person's every line in it is from {time} or before, "
            "which the last import of this log counted"
        )
        if export.last_line is None:
            message = _("{file} has no line of a person reading a page: nothing is counted")
        return Report(False, message=message.format(file=file_name, time=export.last_line))
    for day in sorted(export.days):
        for entry in snapshot["imports"]:
            same_day = entry["period"] == day.isoformat() and entry.get("last_line")
            if entry["source"] == source and overlaps(entry, day, day) and not same_day:
                message = _(
                    "{file} counts {day}, already counted from {source} by {other} "
                    "({other_start}..{other_end}), an import of whole days: import the log "
                    "without that day"
                )
                raise SnapshotError(
                    message.format(
                        file=file_name,
                        day=day,
                        source=source,
                        other=entry["file"],
                        other_start=entry["start"],
                        other_end=entry["end"],
                    )
                )
    total, missed = 0, Counter()
    for day, views in sorted(export.days.items()):
        matched, unmatched = match(views, addresses)
        entry = {
            "source": source,
            "period": day.isoformat(),
            "format": export.format,
            "metric": export.metric,
            "file": file_name,
            "fingerprint": fingerprint,
            "start": day.isoformat(),
            "end": day.isoformat(),
            "rows": len(views),
            "matched_views": sum(matched.values()),
            "unmatched_views": sum(unmatched.values()),
        }
        if export.last_line:  # else a time the log does not write the usual way
            entry["last_line"] = export.last_line.isoformat()
        _add(snapshot, entry, matched)
        total += sum(matched.values())
        missed.update(unmatched)
    compact(snapshot)
    return Report(True, [], total, missed)


def _combined(entries: list[dict], period: str) -> dict:
    """One import for ENTRIES (of one source, none overlapping): their sums, days and gaps."""
    entries = sorted(entries, key=lambda entry: entry["start"])
    days = sorted(span for entry in entries for span in ranges(entry))
    joined = [list(days[0])]
    for start, end in days[1:]:
        if start <= joined[-1][1] + ONE_DAY:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    gaps = [
        [(before[1] + ONE_DAY).isoformat(), (after[0] - ONE_DAY).isoformat()]
        for before, after in pairwise(joined)
    ]
    first, last = entries[0], entries[-1]
    result = {
        "source": first["source"],
        "period": period,
        "format": ", ".join(sorted({entry["format"] for entry in entries})),
        "metric": ", ".join(sorted({entry["metric"] for entry in entries})),
        # The first file and the last, as the office would look for them.
        "file": first["file"]
        if len(entries) == 1
        else first["file"].split(" … ")[0] + " … " + last["file"].split(" … ")[-1],
        "imports": sum(entry.get("imports", 1) for entry in entries),
        "start": joined[0][0].isoformat(),
        "end": joined[-1][1].isoformat(),
        "rows": sum(entry["rows"] for entry in entries),
        "matched_views": sum(entry["matched_views"] for entry in entries),
        "unmatched_views": sum(entry["unmatched_views"] for entry in entries),
    }
    if gaps:
        result["gaps"] = gaps
    lines = [entry["last_line"] for entry in entries if entry.get("last_line")]
    if lines:
        result["last_line"] = max(lines, key=datetime.fromisoformat)
    if len(entries) == 1 and "fingerprint" in first:
        result["fingerprint"] = first["fingerprint"]  # one import, renamed: still itself
    return result


def month_start(day: date, back: int = 0) -> date:
    """The first day of DAY's month, or of the month BACK months before it."""
    months = day.year * 12 + day.month - 1 - back
    return date(months // 12, months % 12 + 1, 1)


def bucket(entry: dict, newest: date, keep_days: int, keep_months: int) -> str | None:
    """The period ENTRY is kept in once it is old: its year, its month, or None (as it is)."""
    start, end = date.fromisoformat(entry["start"]), date.fromisoformat(entry["end"])
    if end < month_start(newest, keep_months - 1) and start.year == end.year:
        return str(end.year)
    if end <= newest - timedelta(days=keep_days) and month_start(start) == month_start(end):
        return f"{end:%Y-%m}"
    return None


def compact(snapshot: dict, keep_days: int = KEEP_DAYS, keep_months: int = KEEP_MONTHS) -> int:
    """Merge each source's old periods into months and years (in place); how many were merged.

    Counted from the snapshot's own last day, not the clock: the same file
    compacts the same way on every machine, and again changes nothing.
    """
    newest = as_of(snapshot)
    if newest is None:
        return 0
    groups = defaultdict(list)
    for entry in snapshot["imports"]:
        target = bucket(entry, newest, keep_days, keep_months)
        if target is not None:
            groups[entry["source"], target].append(entry)
    merging = {
        key: entries
        for key, entries in groups.items()
        if [entry["period"] for entry in entries] != [key[1]]
    }
    if not merging:
        return 0
    for (source, period), entries in merging.items():
        articles = snapshot["views"].get(source, {})
        old = {entry["period"] for entry in entries}
        for cells in articles.values():
            if old.isdisjoint(cells):
                continue
            total = sum(cells.pop(label) for label in old & cells.keys())
            cells[period] = total
        for entry in entries:
            snapshot["imports"].remove(entry)
        snapshot["imports"].append(_combined(entries, period))
    snapshot["imports"].sort(key=lambda entry: (entry["source"], entry["start"]))
    return sum(len(entries) for entries in merging.values())


def views_in(snapshot: dict, windows: list[tuple[date, date]]) -> list[Counter]:
    """Views per article URL in each window FIRST..LAST, in whole views.

    A period partly inside a window (an export of a month, cut by a 30-day
    window) counts for the share of its days inside; nightly pulls and logs are
    whole days, so their counts are exact. WINDOWS are in order and do not
    overlap: each article's shares are rounded cumulatively, so that its
    windows add up to the views they hold (3 views, half in each month: 2 and 1).
    """
    shares = defaultdict(list)  # (source, period) -> [(window, share)]
    for entry in snapshot["imports"]:
        for index, (first, last) in enumerate(windows):
            inside = days_within(entry, first, last)
            if inside:
                share = Fraction(inside, day_count(entry))
                shares[entry["source"], entry["period"]].append((index, share))
    exact = [defaultdict(int) for _ in windows]
    for source, articles in snapshot["views"].items():
        for url, cells in articles.items():
            for period, count in cells.items():
                for index, share in shares.get((source, period), ()):
                    exact[index][url] += count if share == 1 else count * share
    rounded = [Counter() for _ in windows]
    cumulative: dict[str, Fraction] = defaultdict(Fraction)
    for found, whole in zip(exact, rounded, strict=True):
        for url, count in found.items():
            before = round(cumulative[url])
            cumulative[url] += count
            if round(cumulative[url]) - before:
                whole[url] = round(cumulative[url]) - before
    return rounded


def merged(kept: dict, other: dict) -> dict:
    """KEPT with what OTHER has that it lacks: baselines, and imports of days it has not.

    The nightly pull keeps its snapshot on a branch of its own (the main
    branch may be protected); a maintainer may still import by hand on main.
    Both are combined the same way before a pull and before a build: an
    import of OTHER is added unless KEPT holds it or one of its days.
    """
    result = upgrade(json.loads(json.dumps(kept)))
    other = upgrade(json.loads(json.dumps(other)))
    # Old-site counters only grow (raise_baseline): a URL keeps the higher of
    # its two, so counts imported on either branch survive the other.
    for url, count in other["baseline"].items():
        if count > result["baseline"].get(url, 0):
            result["baseline"][url] = count
    if not result.get("baseline_date"):
        result["baseline_date"] = other.get("baseline_date")
    fingerprints = {entry.get("fingerprint") for entry in result["imports"]} - {None}
    for entry in other["imports"]:
        if entry.get("fingerprint") in fingerprints:
            continue
        held = any(
            kept_entry["source"] == entry["source"]
            and any(overlaps(kept_entry, start, end) for start, end in ranges(entry))
            for kept_entry in result["imports"]
        )
        if not held:
            _add(result, entry, views_of(other, entry))
    return result


def last_day(snapshot: dict, source: str) -> date | None:
    """The last day SOURCE's imports count, or None if it has none."""
    days = [entry["end"] for entry in snapshot["imports"] if entry["source"] == source]
    return date.fromisoformat(max(days)) if days else None
