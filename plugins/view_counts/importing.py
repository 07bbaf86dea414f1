"""`invoke views-import`: export files into the snapshot, all of them or, with a clear refusal,
none."""

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kpu_content.check import read_sources, url_of
from old_urls.redirects import old_url_list
from translations import _, ngettext

from . import snapshot as snapshots
from .exports import NONE_CHOSEN, Columns, Export, ExportError, open_maybe_gzip, read_export
from .paths import normalise


@dataclass
class ImportFailure(Exception):
    where: str  # "path:line"
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}"


def addresses(settings: dict) -> dict[str, str]:
    """Every canonical path an article has or had, to its URL: '/berita/2021/11/x/' -> itself."""
    sources = read_sources(settings)[0]
    found = {}
    for source in sources:
        if source.kind != "article":
            continue
        url = url_of(source, settings)
        if not url:
            continue
        url = "/" + url
        found[normalise(url)] = url
        old = source.header.get("old_urls")
        for address in old_url_list(old.value if old else ""):
            path = normalise(address)
            if path:
                found[path] = url
    return found


def fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def parse_period(text: str | None) -> tuple[date, date] | None:
    if not text:
        return None
    try:
        start, end = (date.fromisoformat(part) for part in text.split(".."))
    except ValueError:
        message = _("'{text}' is not START..END, e.g. 2026-01-01..2026-01-31")
        raise ImportFailure("--period", message.format(text=text)) from None
    return start, end


SOURCES = {
    "access-log": "access-log",
    "ga4-csv": "ga4",
    "ga4-json": "ga4",
    "matomo-report": "matomo",
    "plausible-pages": "plausible",
    "plausible-imported": "plausible",
}


def export_files(path: Path) -> list[Path]:
    """PATH, the files of the folder PATH (hidden ones aside), or the files a pattern matches."""
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    elif any(char in str(path) for char in "*?["):
        root = Path(path.anchor) if path.is_absolute() else Path()
        files = sorted(p for p in root.glob(str(path.relative_to(root))) if p.is_file())
    else:
        raise ImportFailure(str(path), _("no such file"))
    if not files:
        raise ImportFailure(str(path), _("no export file here"))
    return files


@dataclass
class Part:
    """One file of an import, read."""

    path: Path
    export: Export
    source: str
    start: date | None
    end: date | None
    fingerprint: str  # of the bytes, as stored
    content: str  # of what the bytes hold, uncompressed: a copy of the same export


@dataclass
class Imported:
    """One import of the snapshot, from one file or several parts of one export."""

    files: list[str]
    export: Export
    report: snapshots.Report


def content_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open_maybe_gzip(path) as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def combined(parts: list[Part]) -> Export:
    """The parts of one export as one: the same tool, the same days.

    What is not counted twice: a file whose content another holds (an export
    and its copy re-saved, a log and its .gz), and a row that two parts both
    hold with the same views (rows 1-5000 and 4990-10000 of one report). The
    same page with other views in two parts of the same days is refused: they
    are not parts of one export. Logs' lines are all hits: they are summed.
    """
    first = parts[0].export
    whole = Export(first.format, first.metric)
    seen_content: dict[str, Path] = {}
    seen_rows: dict[str, tuple[int, Path]] = {}
    is_log = first.format == "access-log"
    for part in parts:
        if part.content in seen_content:
            message = _("{file} holds the same as {other}: counted once")
            whole.notes.append(
                message.format(file=part.path.name, other=seen_content[part.content].name)
            )
            continue
        seen_content[part.content] = part.path
        for raw, views in part.export.views.items():
            if raw in seen_rows and not is_log:
                count, other = seen_rows[raw]
                if count != views:
                    message = _(
                        "'{page}' has {views} views here and {count} in {other}, for the same "
                        "days from the same tool: these are not parts of one export; import "
                        "them one at a time"
                    )
                    raise ImportFailure(
                        str(part.path),
                        message.format(page=raw, views=views, count=count, other=other.name),
                    )
                whole.skipped[_("rows another part of the same export holds too")] += 1
                continue
            seen_rows.setdefault(raw, (views, part.path))
            whole.views[raw] += views
        for day, views in part.export.days.items():
            whole.days.setdefault(day, Counter()).update(views)
        if part.export.last_line and (
            whole.last_line is None or part.export.last_line > whole.last_line
        ):
            whole.last_line = part.export.last_line
        whole.skipped.update(part.export.skipped)
        whole.notes.extend(part.export.notes)
        for day in (part.export.start, part.export.end):
            if day:
                whole.see_date(day)
    return whole


def read_parts(
    files: list[Path], *, format, source, period, ignore_agents, columns, after=None
) -> list[Part]:
    """Each file read; --period (PERIOD) only for a file that does not say its days."""
    parts = []
    for path in files:
        try:
            export = read_export(path, format, ignore_agents, columns, after)
        except ExportError as error:
            raise ImportFailure(f"{path}:{error.line}", str(error)) from None
        if period and export.start and period != (export.start, export.end):
            message = _(
                "the file says it counts {start}..{end}; --period is for a file that does not "
                "say its days: leave it out"
            )
            raise ImportFailure(str(path), message.format(start=export.start, end=export.end))
        if period:
            export.start, export.end = period
        start, end = export.start, export.end
        parts.append(
            Part(
                path,
                export,
                source or SOURCES.get(export.format, export.format),
                start,
                end,
                fingerprint(path),
                content_of(path),
            )
        )
    return parts


def grouped(parts: list[Part]) -> list[list[Part]]:
    """Parts of one export together: one tool's files of the same days, or one site's logs."""
    groups: dict[tuple, list[Part]] = {}
    for part in parts:
        if part.export.format == "access-log":
            key = (part.source, "log")
        else:
            key = (part.source, part.start, part.end)
        groups.setdefault(key, []).append(part)
    return sorted(groups.values(), key=lambda group: (group[0].source, str(group[0].start)))


def import_files(
    path: Path,
    snapshot_path: Path,
    settings: dict,
    *,
    format: str | None = None,
    source: str | None = None,
    period: str | None = None,
    ignore_agents: tuple[str, ...] = (),
    columns: Columns = NONE_CHOSEN,
    pulled: str = "",
) -> list[Imported]:
    """Import PATH (a file, a folder, or a pattern) into the snapshot: all of it, or nothing.

    Files of the same tool and the same days are parts of one export, summed
    as combined() says; each other period is an import of its own, under the
    snapshot's rules (no overlapping days of one tool). The snapshot is written
    once, after every import is accepted. PULLED names a pull ("matomo
    2026-11-30..2026-12-02"): two quiet days may get the same answer, which is
    not the same import, so the name is part of its fingerprint.
    """
    files = export_files(path)
    try:
        snapshot = snapshots.load(snapshot_path)
    except snapshots.SnapshotError as error:
        raise ImportFailure(str(snapshot_path), str(error)) from None
    parts = read_parts(
        files,
        format=format,
        source=source,
        period=parse_period(period),
        ignore_agents=ignore_agents,
        columns=columns,
        after=snapshots.last_line(snapshot, source or SOURCES["access-log"]),
    )
    known = addresses(settings)
    done = []
    groups = grouped(parts)
    held_before = list(snapshot["imports"])  # the other groups' days are compared below
    for group in groups:
        export = combined(group) if len(group) > 1 else group[0].export
        names = [part.path.name for part in group]
        if len(group) > 1:
            digest = hashlib.sha256(" ".join(sorted(p.fingerprint for p in group)).encode())
            print_as, mark = " + ".join(names), "sha256:" + digest.hexdigest()
        else:
            print_as, mark = names[0], group[0].fingerprint
        if pulled:
            mark = "sha256:" + hashlib.sha256(f"{mark} {pulled}".encode()).hexdigest()
        twice = _(
            "{file} ({source}) and {other} ({other_source}) count the same days: "
            "readers counted by both tools are counted twice"
        )
        for other in groups:
            if other[0].source != group[0].source and overlap(group, other):
                export.notes.append(
                    twice.format(
                        file=print_as,
                        source=group[0].source,
                        other=other[0].path.name,
                        other_source=other[0].source,
                    )
                )
        start, end = export.start, export.end
        # An analytics tool may have counted the old site too: its counter holds those views.
        # A log is the new server's own.
        baseline = snapshot.get("baseline_date")
        if (
            export.format != "access-log"
            and start
            and baseline
            and start <= date.fromisoformat(baseline)
            and snapshot["baseline"].keys() & snapshots.match(export.views, known)[0].keys()
        ):
            in_old_counts = _(
                "{file} counts days from {start}, on or before {day}, the day the old site's "
                "counts were read: if the tool counted the old site too, those days' views of "
                "its posts are in them already"
            )
            export.notes.append(in_old_counts.format(file=print_as, start=start, day=baseline))
        for held in held_before:
            if held["source"] != group[0].source and start and snapshots.overlaps(held, start, end):
                note = twice.format(
                    file=print_as,
                    source=group[0].source,
                    other=held["file"],
                    other_source=held["source"],
                )
                if note not in export.notes:  # a log's days are imports of one file each
                    export.notes.append(note)
        try:
            report = snapshots.add_import(
                snapshot,
                export,
                known,
                source=group[0].source,
                file_name=print_as,
                fingerprint=mark,
                period=parse_period(period),
            )
        except snapshots.SnapshotError as error:
            where = group[0].path if len(group) == 1 else path
            raise ImportFailure(str(where), str(error)) from None
        done.append(Imported(names, export, report))
    if any(imported.report.added for imported in done):
        snapshots.save(snapshot, snapshot_path)
    return done


def overlap(group: list[Part], other: list[Part]) -> bool:
    starts = [p.export.start or p.start for p in (group[0], other[0])]
    ends = [p.export.end or p.end for p in (group[0], other[0])]
    if None in starts or None in ends:
        return False
    return starts[0] <= ends[1] and starts[1] <= ends[0]


def report_lines(imported: Imported, shown_as: str) -> list[str]:
    """What an import did, for the person running it: what was read, what was not counted and
    why, what matched no article."""
    export, report = imported.export, imported.report
    if not report.added:
        return [report.message]
    # Translators: METRIC is the export's column read, in the analytics tool's own words.
    read = _("{format}, reading '{metric}', {start}..{end}").format(
        format=export.format, metric=_(export.metric), start=export.start, end=export.end
    )
    lines = [f"{shown_as}: {read}"]
    lines += ["  " + _("note: {note}").format(note=note) for note in export.notes]
    for reason, count in sorted(export.skipped.items(), key=lambda item: (-item[1], item[0])):
        skipped = ngettext("skipped {count} row: {reason}", "skipped {count} rows: {reason}", count)
        lines.append("  " + skipped.format(count=count, reason=reason))
    matched = ngettext(
        "{count} view matched to articles",
        "{count} views matched to articles",
        report.matched_views,
    )
    lines.append("  " + matched.format(count=report.matched_views))
    if report.replaced:
        replaces = ngettext(
            "replaces the earlier import it covers: {files}",
            "replaces the earlier imports it covers: {files}",
            len(report.replaced),
        )
        lines.append("  " + replaces.format(files=", ".join(report.replaced)))
    if report.unmatched:
        unmatched_views = sum(report.unmatched.values())
        no_article = ngettext(
            "{count} view matched no article; the most viewed:",
            "{count} views matched no article; the most viewed:",
            unmatched_views,
        )
        lines.append("  " + no_article.format(count=unmatched_views))
        for unmatched, views in report.unmatched.most_common(10):
            lines.append(f"    {views:>8}  {unmatched}")
    return lines
