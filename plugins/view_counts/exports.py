"""Read an analytics export into page views per path, whatever tool wrote it.

One reader per format (docs/analytics-formats.md describes each), all
returning an `Export`: the views per raw path, the period it covers when the
file says, and what was skipped and why. Each reader takes the column that
means page views in its tool; Umami's pages.csv has only visitors, and says so.
Errors carry the line: `ExportError(line, message)`.
"""

import csv
import gzip
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import progress
from translations import N_, _, ngettext

from .paths import normalise

NON_PAGES = {"(not set)", "(other)", "others", "page url not defined", "(entrance)"}
SPIKE = 1_000_000


class ExportError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass
class Export:
    format: str
    metric: str  # the column read, in the tool's words, or in ours when it has none
    views: Counter = field(default_factory=Counter)  # raw path -> views
    start: date | None = None
    end: date | None = None
    skipped: Counter = field(default_factory=Counter)  # reason -> rows
    notes: list[str] = field(default_factory=list)

    def add(self, path: str, count: int) -> None:
        label = path.strip()
        if label.lower() in NON_PAGES or label.endswith(" - Others") or not label:
            # Translators: why rows of an export were skipped: "skipped 3 rows: REASON".
            self.skipped[_("not a page (totals, others, not set)")] += 1
        elif normalise(label) is None:
            self.skipped[_("not a page address (asset, feed or event)")] += 1
        else:
            self.views[label] += count

    def see_date(self, day: date) -> None:
        self.start = min(self.start or day, day)
        self.end = max(self.end or day, day)


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def decode_text(data: bytes) -> str:
    """UTF-16 (Matomo), UTF-8 with or without BOM, else cp1252 (Excel)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if b"\x00" in data[:4096]:
        raise ExportError(1, _("this is a binary file, not an analytics export"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def parse_count(text: str, line: int) -> int:
    """'1,234', '1.234', '1 234', '"1234"', '12.0': page views are whole numbers."""
    value = text.strip().strip("'\"").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}([.,']\d{3})+", value):
        value = re.sub(r"[.,']", "", value)
    elif re.fullmatch(r"-?\d+[.,]0+", value):
        value = re.split(r"[.,]", value)[0]
    if not re.fullmatch(r"-?\d+", value):
        raise ExportError(line, _("'{text}' is not a number of views").format(text=text))
    count = int(value)
    if count < 0:
        raise ExportError(line, _("a negative number of views ({count})").format(count=count))
    return count


def delimiter_of(header: str) -> str:
    return max(",\t;", key=header.count)


def rows(text: str, start_line: int = 1):
    """(line number, cells) of a CSV/TSV table starting at START_LINE (1-based)."""
    lines = text.splitlines(keepends=True)[start_line - 1 :]
    reader = csv.reader(
        io.StringIO("".join(lines)), delimiter=delimiter_of(lines[0] if lines else ",")
    )
    for cells in reader:
        yield start_line - 1 + reader.line_num, cells


def column(header: list[str], names: tuple[str, ...], line: int, what: str) -> int:
    lowered = [cell.strip().lower() for cell in header]
    for name in names:
        if name.lower() in lowered:
            return lowered.index(name.lower())
    # Translators: WHAT is "page", "page views" or a column's own name (date, Path...).
    message = _("no {what} column (looked for {names})")
    raise ExportError(line, message.format(what=what, names=", ".join(names)))


def table(export: Export, text: str, start: int, path_names, count_names) -> None:
    """Read a header and its rows, up to the first blank line (UA's "Day Index" follows one)."""
    found = rows(text, start)
    header_line, header = next(found)
    # Translators: the column of an export that holds the page's address.
    path_at = column(header, path_names, header_line, _("page"))
    count_at = column(header, count_names, header_line, _("page views"))
    export.metric = header[count_at].strip()
    for number, cells in found:
        if not any(cell.strip() for cell in cells):
            break
        if len(cells) <= max(path_at, count_at):
            message = ngettext(
                "this row has {cells} cell; the header has {header}",
                "this row has {cells} cells; the header has {header}",
                len(cells),
            )
            raise ExportError(number, message.format(cells=len(cells), header=len(header)))
        if not cells[path_at].strip() and number > header_line:
            export.skipped[_("totals row")] += 1
            continue
        export.add(cells[path_at], parse_count(cells[count_at], number))


def preamble(text: str) -> tuple[int, list[str]]:
    """Google's exports open with '#' lines: the header's line number, and those lines."""
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines, 1) if line.strip() and not line.startswith("#"))
    return header, lines[: header - 1]


def ga4_csv(text: str) -> Export:
    export = Export("ga4-csv", "Views")
    header, comments = preamble(text)
    for line in comments:
        found = re.match(r"#\s*(Start|End) date:\s*(\d{8})", line)
        if found:
            export.see_date(datetime.strptime(found[2], "%Y%m%d").date())
    first = text.splitlines()[header - 1].lower()
    if first.startswith(("page title", "judul halaman", "content group")):
        raise ExportError(
            header,
            _(
                "this Google Analytics export lists page titles, not paths; choose the dimension "
                "'Page path and screen class' before downloading"
            ),
        )
    table(
        export,
        text,
        header,
        ("Page path and screen class", "Jalur halaman dan kelas layar"),
        ("Views", "Tayangan"),
    )
    return export


def ua_csv(text: str) -> Export:
    export = Export("ua-csv", "Pageviews")
    header, comments = preamble(text)
    for line in comments:
        found = re.match(r"#\s*(\d{8})-(\d{8})\s*$", line)
        if found:
            export.see_date(datetime.strptime(found[1], "%Y%m%d").date())
            export.see_date(datetime.strptime(found[2], "%Y%m%d").date())
    # The table ends at the blank line before the "Day Index" section.
    table(export, text, header, ("Page",), ("Pageviews", "Tampilan Halaman"))
    return export


def ga4_json(text: str) -> Export:
    export = Export("ga4-json", "screenPageViews")
    data = json.loads(text)
    for report in data.get("reports", [data]):
        dimensions = [h["name"] for h in report.get("dimensionHeaders", [])]
        metrics = [h["name"] for h in report.get("metricHeaders", [])]
        if "pagePath" not in dimensions and "pageLocation" not in dimensions:
            raise ExportError(1, _("this GA4 report has no pagePath dimension; ask for pagePath"))
        if "screenPageViews" not in metrics:
            raise ExportError(1, _("this GA4 report has no screenPageViews metric"))
        path_at = dimensions.index("pagePath" if "pagePath" in dimensions else "pageLocation")
        views_at = metrics.index("screenPageViews")
        for row in report.get("rows", []):
            values = [v["value"] for v in row["dimensionValues"]]
            if "date" in dimensions:
                export.see_date(
                    datetime.strptime(values[dimensions.index("date")], "%Y%m%d").date()
                )
            export.add(values[path_at], parse_count(row["metricValues"][views_at]["value"], 1))
    return export


MATOMO_PATHS = ("label", "Label", "Bezeichnung", "Libellé", "Etiqueta")
MATOMO_VIEWS = (
    "nb_hits",
    "Pageviews",
    "Seitenansichten",
    "Pages vues",
    "Tampilan Halaman",
    "Kunjungan halaman",
)


def matomo(text: str) -> Export:
    export = Export("matomo", "nb_hits")
    if text.strip() == "No data available":
        return export
    lines = text.splitlines()
    start = 1
    if "Page URLs" in lines:  # a scheduled report: many sections, one of them ours
        start = lines.index("Page URLs") + 2
        export.format = "matomo-report"
    try:
        table(export, text, start, MATOMO_PATHS, MATOMO_VIEWS)
    except ExportError as error:
        # Translators: ERROR is what was wrong with the file, already translated.
        message = _("{error}; export Matomo's Actions > Page URLs report (flat, all rows)")
        raise ExportError(error.line, message.format(error=error)) from None
    return export


def plausible_pages(text: str) -> Export:
    export = Export("plausible-pages", "pageviews")
    table(export, text, 1, ("name",), ("pageviews",))
    return export


def plausible_imported(text: str) -> Export:
    export = Export("plausible-imported", "pageviews")
    found = rows(text, 1)
    header_line, header = next(found)
    at = {
        name: column(header, (name,), header_line, name) for name in ("date", "page", "pageviews")
    }
    for number, cells in found:
        if not any(cells):
            continue
        export.see_date(date.fromisoformat(cells[at["date"]]))
        export.add(cells[at["page"]], parse_count(cells[at["pageviews"]], number))
    return export


def goatcounter(text: str) -> Export:
    # Translators: what is counted, shown as "reading 'METRIC'"; "pageviews" is GoatCounter's word.
    export = Export("goatcounter", N_("pageviews (rows that are not events or bots)"))
    found = rows(text, 1)
    header_line, header = next(found)
    if not header[0].startswith("2"):
        message = _("GoatCounter export format '{version}' is not version 2")
        raise ExportError(header_line, message.format(version=header[0][:1]))
    header[0] = header[0][1:]
    at = {
        name: column(header, (name,), header_line, name)
        for name in ("Path", "Event", "Bot", "Date")
    }
    for number, cells in found:
        if not any(cells):
            continue
        if cells[at["Event"]] in ("1", "true") or cells[at["Bot"]] not in ("0", ""):
            export.skipped[_("event or bot")] += 1
            continue
        export.see_date(datetime.fromisoformat(cells[at["Date"]].replace("Z", "+00:00")).date())
        export.add(cells[at["Path"]], 1)
        del number
    return export


def umami(text: str) -> Export:
    # Translators: "y" is the column's name in Umami's pages.csv.
    export = Export("umami", N_("y (visitors)"))
    export.notes.append(
        _("Umami's pages.csv counts visitors, not page views: the counts are visitors")
    )
    table(export, text, 1, ("x",), ("y",))
    return export


COMBINED = re.compile(
    r'^(?:\S+ )?\S+ \S+ .*?\[(?P<time>[^\]]+)\] "(?P<method>\S+) (?P<target>\S+)[^"]*" '
    r'(?P<status>\d{3}) \S+(?: "(?:[^"\\]|\\.)*" "(?P<agent>(?:[^"\\]|\\.)*)")?'
)
BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|facebookexternalhit|whatsapp|telegrambot|preview|uptime|monitor|"
    r"pingdom|statuscake|curl/|wget/|python-requests|go-http-client|headless|lighthouse",
    re.IGNORECASE,
)


def access_log(lines, ignore_agents: tuple[str, ...] = ()) -> Export:
    """Successful GETs of pages in an nginx/Apache combined log, streamed line by line.

    A million lines must take seconds: each line is cut at its quotes and
    brackets as bytes (no regular expression), and what a path or a user agent
    means is worked out once per distinct value, not once per line.
    """
    export = Export("access-log", N_("successful GET requests of pages"))
    views, skipped = export.views, export.skipped
    pages: dict[bytes, str | None] = {}  # target -> raw path to count, or None
    robots: dict[bytes, bool] = {}  # user agent -> is a robot or monitor
    days = set()
    # Translated once, not once per line.
    not_a_line, not_a_get = _("not a log line"), _("not a GET")
    not_a_success, robot = _("not a success (404, redirect, error)"), _("bot or monitor")
    asset = _("asset or feed")
    for line in lines:  # bytes: a log may hold any bytes at all
        opening = line.find(b' "')
        closing = line.find(b'" ', opening + 2)
        bracket = line.find(b"[")
        if opening < 0 or closing < 0 or bracket < 0 or bracket > opening:
            if line.strip() and not line.startswith(b"#"):
                skipped[not_a_line] += 1
            continue
        request = line[opening + 2 : closing].split(b" ")
        status = line[closing + 2 : closing + 5]
        if len(request) < 2:
            skipped[not_a_line] += 1
        elif request[0] != b"GET":
            skipped[not_a_get] += 1
        elif status not in (b"200", b"304"):
            skipped[not_a_success] += 1
        else:
            target = request[1]
            if target not in pages:
                raw = target.decode("utf-8", "surrogateescape")
                pages[target] = raw if normalise(raw) is not None else None
            path = pages[target]
            agent = line.rstrip().rsplit(b'"', 2)[-2] if line.rstrip().endswith(b'"') else b""
            if agent not in robots:
                text = agent.decode("utf-8", "replace")
                robots[agent] = bool(BOTS.search(text)) or any(a in text for a in ignore_agents)
            if robots[agent]:
                skipped[robot] += 1
            elif path is None:
                skipped[asset] += 1
            else:
                views[path] += 1
                days.add(line[bracket + 1 : bracket + 12])
    for day in days:
        try:
            export.see_date(datetime.strptime(day.decode("ascii"), "%d/%b/%Y").date())
        except ValueError:
            skipped[_("unreadable date")] += 1
    return export


FORMATS = {
    "ga4-csv": ga4_csv,
    "ga4-json": ga4_json,
    "ua-csv": ua_csv,
    "matomo": matomo,
    "plausible-pages": plausible_pages,
    "plausible-imported": plausible_imported,
    "goatcounter": goatcounter,
    "umami": umami,
    "access-log": None,  # streamed, see read_export
}


def detect(text: str) -> str:  # noqa: PLR0911 - one answer per format
    """The format, from the content itself."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "ga4-json"
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ExportError(1, _("the file is empty"))
    content = [line for line in lines if not line.startswith("#")]
    if content and COMBINED.match(content[0]):
        return "access-log"
    first = content[0] if content else ""
    header = [cell.strip().strip('"').lower() for cell in first.split(delimiter_of(first))]
    matomo_columns = {"label", "bezeichnung", "nb_visits", "nb_uniq_visitors", "unique visitors"}
    if "Page URLs" in lines or "nb_hits" in header or matomo_columns & set(header):
        return "matomo"
    if header[0].startswith("2path") or header[0].startswith("1path"):
        return "goatcounter"
    if header[:2] == ["x", "y"]:
        return "umami"
    if {"date", "hostname", "page", "pageviews"} <= set(header):
        return "plausible-imported"
    if header[0] == "name" and "pageviews" in header:
        return "plausible-pages"
    if header[0] == "page" and "pageviews" in header:
        return "ua-csv"
    if header[0].startswith(
        ("page path", "page title", "content group", "jalur halaman", "judul halaman")
    ):
        return "ga4-csv"
    if text.startswith("No data available"):
        return "matomo"
    raise ExportError(
        1,
        _(
            "not an export this site reads (GA4, Universal Analytics, Matomo, Plausible, "
            "GoatCounter, Umami or an access log); name the format with --format if it is one "
            "of them"
        ),
    )


def open_maybe_gzip(path: Path):
    with path.open("rb") as file:
        compressed = file.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if compressed else path.open("rb")


def lines_shown(path: Path, file, every: int = 10_000):
    """The lines of FILE, with the bytes of PATH read so far shown as progress."""
    raw = file.fileobj if isinstance(file, gzip.GzipFile) else file
    with progress.step(path.name, path.stat().st_size, in_bytes=True) as shown:
        for number, line in enumerate(file):
            if number % every == 0:
                shown.advance(raw.tell() - shown.count)
            yield line
        shown.advance(raw.tell() - shown.count)


def read_export(path: Path, format: str | None = None, ignore_agents=()) -> Export:
    """Read PATH (plain or .gz) as FORMAT, or as the format its content shows.

    Logs are streamed line by line: a million-line log is never in memory.
    """
    try:
        with open_maybe_gzip(path) as file:
            is_log = format == "access-log" or (format is None and looks_like_log(file.read(65536)))
    except (OSError, EOFError) as error:
        damaged = _("the file is damaged or cut short ({error})")
        raise ExportError(1, damaged.format(error=error)) from None
    if is_log:
        with open_maybe_gzip(path) as file:
            try:
                return access_log(lines_shown(path, file), ignore_agents)
            except (OSError, EOFError) as error:
                message = _("the log is damaged or cut short ({error})")
                raise ExportError(1, message.format(error=error)) from None
    try:
        data = read_bytes(path)
    except (OSError, EOFError) as error:
        damaged = _("the file is damaged or cut short ({error})")
        raise ExportError(1, damaged.format(error=error)) from None
    text = decode_text(data)
    format = format or detect(text)
    if format not in FORMATS:
        message = _("unknown format '{format}'; choose from {formats}")
        raise ExportError(1, message.format(format=format, formats=", ".join(FORMATS)))
    try:
        export = FORMATS[format](text)
    except (StopIteration, json.JSONDecodeError, KeyError, IndexError) as error:
        message = _("this is not a complete {format} export ({error})")
        raise ExportError(
            getattr(error, "lineno", 1), message.format(format=format, error=error)
        ) from None
    spikes(export)
    return export


def looks_like_log(data: bytes) -> bool:
    for line in data[:65536].splitlines():
        if line.strip() and not line.startswith(b"#"):
            return bool(COMBINED.match(line.decode("utf-8", "replace")))
    return False


def spikes(export: Export) -> None:
    counts = sorted(export.views.values())
    if len(counts) < 3:
        return
    median = counts[len(counts) // 2] or 1
    for path, count in export.views.items():
        if count >= SPIKE * median:
            message = _("'{path}' has {count} views, a million times the usual; check the export")
            export.notes.append(message.format(path=path, count=count))
