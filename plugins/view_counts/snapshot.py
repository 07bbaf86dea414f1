"""The view-count snapshot: one reviewed JSON file, changed only by whole imports.

    {"version": 1,
     "baseline_date": "2026-11-28",
     "baseline": {"/berita/2021/11/...-se-ntt/": 395},
     "imports": [{"source": "matomo", "format": "matomo", "file": "...",
                  "fingerprint": "sha256:...", "start": "2026-01-01", "end": "2026-01-31",
                  "rows": 120, "matched_views": 5400, "unmatched_views": 310,
                  "views": {"/berita/...": 123}}]}

An article's count is its baseline plus its views in every import. Importing
a file twice changes nothing (same fingerprint). For one source, periods may
not overlap: an import whose period covers earlier ones of the same source
replaces them (a year's export after twelve monthly ones), a partial overlap
is refused. Writing is atomic: a failed import leaves the file as it was.
"""

import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from translations import _

from .exports import Export
from .paths import normalise

VERSION = 1


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
    return {"version": VERSION, "baseline_date": None, "baseline": {}, "imports": []}


def load(path: Path) -> dict:
    if not path.exists():
        return empty()
    try:
        snapshot = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        message = _("the snapshot is not valid JSON ({error})").format(error=error.msg)
        raise SnapshotError(f"{path}:{error.lineno}: {message}") from None
    if snapshot.get("version") != VERSION:
        message = _("snapshot version {found} is not {expected}")
        found = snapshot.get("version")
        raise SnapshotError(f"{path}: {message.format(found=found, expected=VERSION)}")
    return snapshot


def save(snapshot: dict, path: Path) -> None:
    """Write the whole file or nothing: a temporary file, then one rename."""
    text = json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
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


def totals(snapshot: dict) -> dict[str, int]:
    """Views per article URL: baseline plus every import."""
    counts = Counter(snapshot["baseline"])
    for entry in snapshot["imports"]:
        counts.update(entry["views"])
    return dict(counts)


def as_of(snapshot: dict) -> date | None:
    """The last day counted: the end of the newest period, or the baseline's date."""
    days = [entry["end"] for entry in snapshot["imports"]]
    if snapshot.get("baseline_date"):
        days.append(snapshot["baseline_date"])
    return date.fromisoformat(max(days)) if days else None


def match(export: Export, addresses: dict[str, str]) -> tuple[Counter, Counter]:
    """(views per article URL, views per unmatched path): variants of one article are summed."""
    matched, unmatched = Counter(), Counter()
    for raw, views in export.views.items():
        path = normalise(raw)
        if path in addresses:
            matched[addresses[path]] += views
        elif path is not None:
            unmatched[path] += views
    return matched, unmatched


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
    """Add EXPORT to SNAPSHOT (in place) and say what happened; raise SnapshotError to refuse."""
    for entry in snapshot["imports"]:
        if entry["fingerprint"] == fingerprint:
            message = _("{file} was already imported; nothing changed").format(file=file_name)
            return Report(False, message=message)
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
        if entry["source"] != source:
            continue
        old_start, old_end = date.fromisoformat(entry["start"]), date.fromisoformat(entry["end"])
        if end < old_start or start > old_end:
            continue
        if start <= old_start and old_end <= end:
            replaced.append(entry)
            continue
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
            )
        )
    matched, unmatched = match(export, addresses)
    for entry in replaced:
        snapshot["imports"].remove(entry)
    snapshot["imports"].append(
        {
            "source": source,
            "format": export.format,
            "metric": export.metric,
            "file": file_name,
            "fingerprint": fingerprint,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "rows": len(export.views),
            "matched_views": sum(matched.values()),
            "unmatched_views": sum(unmatched.values()),
            "views": dict(sorted(matched.items())),
        }
    )
    snapshot["imports"].sort(key=lambda entry: (entry["source"], entry["start"]))
    return Report(True, [entry["file"] for entry in replaced], sum(matched.values()), unmatched)


def merged(kept: dict, other: dict) -> dict:
    """KEPT with what OTHER has that it lacks: the baseline, and imports of days it has not.

    The nightly pull keeps its snapshot on a branch of its own (the main
    branch may be protected); a maintainer may still import by hand on main.
    Both are combined the same way before a pull and before a build: an
    import of OTHER is added unless KEPT holds it or one of its days.
    """
    result = json.loads(json.dumps(kept))
    if not result.get("baseline_date") and other.get("baseline_date"):
        result["baseline_date"], result["baseline"] = other["baseline_date"], other["baseline"]
    fingerprints = {entry["fingerprint"] for entry in result["imports"]}
    for entry in other["imports"]:
        if entry["fingerprint"] in fingerprints:
            continue
        start, end = date.fromisoformat(entry["start"]), date.fromisoformat(entry["end"])
        overlaps = any(
            held["source"] == entry["source"]
            and date.fromisoformat(held["start"]) <= end
            and start <= date.fromisoformat(held["end"])
            for held in result["imports"]
        )
        if not overlaps:
            result["imports"].append(entry)
    result["imports"].sort(key=lambda entry: (entry["source"], entry["start"]))
    return result


def last_day(snapshot: dict, source: str) -> date | None:
    """The last day SOURCE's imports count, or None if it has none."""
    days = [entry["end"] for entry in snapshot["imports"] if entry["source"] == source]
    return date.fromisoformat(max(days)) if days else None
