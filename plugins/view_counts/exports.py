"""Read an analytics export into page views per path, whatever tool wrote it.

One reader per format (docs/analytics-formats.md describes each), all
returning an `Export`: the views per raw path, the period it covers when the
file says, and what was skipped and why. Each reader takes the column that
means page views in its tool, in the language of the account that exported
it (by name, or for Google's by what the columns hold), or the one a person
names; Umami's pages.csv has only visitors, and says so. Access logs count
people only (agents.py).
Errors carry the line: `ExportError(line, message)`.
"""

import contextlib
import csv
import gzip
import io
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import progress
from translations import N_, _, ngettext

from . import agents
from .agents import Agents
from .matomo_columns import COLUMNS as MATOMO_COLUMNS
from .paths import normalise

NON_PAGES = {"(not set)", "(other)", "others", "lainnya", "page url not defined", "(entrance)"}
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
    # A log's hits by day, and its last line counted (others give their totals only).
    days: dict[date, Counter] = field(default_factory=dict)
    last_line: datetime | None = None

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


@dataclass(frozen=True)
class Columns:
    """The columns a person named (--path-column, --views-column): a name, or a number from 1."""

    path: str | None = None
    views: str | None = None


NONE_CHOSEN = Columns()


def listed(header: list[str]) -> str:
    return ", ".join(f"'{cell.strip()}'" for cell in header if cell.strip())


def named(header: list[str], names) -> int | None:
    lowered = [cell.strip().lower() for cell in header]
    for name in names:
        if name.lower() in lowered:
            return lowered.index(name.lower())
    return None


def chosen(header: list[str], name: str, line: int, option: str) -> int:
    """The column NAME (or number NAME, from 1) of HEADER, as a person gave it with OPTION."""
    found = named(header, (name.strip(),))
    if found is not None:
        return found
    if name.strip().isdigit() and 1 <= int(name) <= len(header):
        return int(name) - 1
    message = _("there is no column '{name}' (given with {option}); the columns are: {columns}")
    raise ExportError(line, message.format(name=name, option=option, columns=listed(header)))


def is_count(text: str) -> bool:
    try:
        parse_count(text, 0)
    except ExportError:
        return False
    return True


def path_by_values(body: list[tuple[int, list[str]]], width: int) -> int | None:
    """The first column whose values are mostly addresses ('/berita/...' or 'https://...')."""
    for at in range(width):
        values = [
            cells[at].strip() for _number, cells in body if len(cells) > at and cells[at].strip()
        ]
        addresses = sum(value.startswith("/") or "://" in value for value in values)
        if addresses and addresses * 2 > len(values):
            return at
    return None


def first_count_after(body: list[tuple[int, list[str]]], width: int, after: int) -> int | None:
    """The first column after AFTER whose every value is a whole number: Google's first metric,
    page views (docs/analytics-formats.md: "the views column as the first integer metric")."""
    for at in range(after + 1, width):
        values = [cells[at] for _number, cells in body if len(cells) > at and cells[at].strip()]
        if values and all(is_count(value) for value in values):
            return at
    return None


def table(
    export: Export,
    text: str,
    start: int,
    path_names,
    count_names,
    *,
    columns: Columns = NONE_CHOSEN,
    by_values: bool = False,
) -> None:
    """Read a header and its rows, up to the first blank line (UA's "Day Index" follows one).

    Columns are found by name (in each language their tool writes), by the person's
    choice, or, for Google's exports whose labels follow the exporting account's
    language (BY_VALUES), by what they hold: addresses, then the first whole number.
    """
    found = rows(text, start)
    header_line, header = next(found)
    body = []
    for number, cells in found:
        if not any(cell.strip() for cell in cells):
            break
        body.append((number, cells))
    if columns.path:
        path_at = chosen(header, columns.path, header_line, "--path-column")
    else:
        path_at = named(header, path_names)
        if path_at is None and by_values:
            path_at = path_by_values(body, len(header))
    if path_at is None:
        message = _(
            "no column of page addresses (paths such as /berita/...) among the columns "
            "{columns}; name it with --path-column"
        )
        raise ExportError(header_line, message.format(columns=listed(header)))
    if columns.views:
        count_at = chosen(header, columns.views, header_line, "--views-column")
    else:
        count_at = named(header, count_names)
        if count_at is None and by_values:
            count_at = first_count_after(body, len(header), path_at)
    if count_at is None:
        others = [cell for at, cell in enumerate(header) if at != path_at and cell.strip()]
        message = _(
            "cannot tell which column counts page views among the columns {columns}; name it "
            'with --views-column, e.g. --views-column "{example}"'
        )
        example = others[0].strip() if others else "2"
        raise ExportError(header_line, message.format(columns=listed(header), example=example))
    export.metric = header[count_at].strip()
    for number, cells in body:
        if len(cells) <= max(path_at, count_at):
            message = ngettext(
                "this row has {cells} cell; the header has {header}",
                "this row has {cells} cells; the header has {header}",
                len(cells),
            )
            raise ExportError(number, message.format(cells=len(cells), header=len(header)))
        if not cells[path_at].strip():
            export.skipped[_("totals row")] += 1
            continue
        export.add(cells[path_at], parse_count(cells[count_at], number))


def comment(line: str) -> str | None:
    """A '#' line of Google's preamble, also as Excel saves it again (quoted, ';;;' after)."""
    text = line.strip().strip('"').rstrip(",;\t ")
    return text if text.startswith("#") else None


def preamble(text: str) -> tuple[int, list[str]]:
    """Google's exports open with '#' lines: the header's line number, and those lines."""
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines, 1) if line.strip() and comment(line) is None)
    return header, [comment(line) or "" for line in lines[: header - 1]]


RANGE_LINE = re.compile(r"#\s*(\d{8})\s*-\s*(\d{8})")
DATE_LINE = re.compile(r"#[^:]*:\s*(\d{8})")  # '# Start date: 20260101', '# Tanggal mulai: ...'


def google_dates(export: Export, comments: list[str]) -> None:
    """The days a Google export covers, from its preamble in any language: a
    '# 20260101-20260131' line, or lines that end in ': YYYYMMDD' (start, then end)."""
    for line in comments:
        found = RANGE_LINE.fullmatch(line) or DATE_LINE.fullmatch(line)
        for day in found.groups() if found else ():
            try:
                export.see_date(datetime.strptime(day, "%Y%m%d").date())
            except ValueError:
                continue  # eight digits that are not a date: an account number


GA4_PATHS = ("Page path and screen class", "Jalur halaman dan kelas layar")
GA4_VIEWS = ("Views", "Tampilan", "Tayangan")
GA4_TITLES = ("page title", "judul halaman", "content group", "grup konten")


def ga4_csv(text: str, columns: Columns = NONE_CHOSEN) -> Export:
    export = Export("ga4-csv", "Views")
    header, comments = preamble(text)
    google_dates(export, comments)
    first = text.splitlines()[header - 1].strip().strip('"').lower()
    if first.startswith(GA4_TITLES) and not columns.path:
        raise ExportError(
            header,
            _(
                "this Google Analytics export lists page titles, not paths; choose the dimension "
                "'Page path and screen class' before downloading"
            ),
        )
    table(export, text, header, GA4_PATHS, GA4_VIEWS, columns=columns, by_values=True)
    return export


def ua_csv(text: str, columns: Columns = NONE_CHOSEN) -> Export:
    export = Export("ua-csv", "Pageviews")
    header, comments = preamble(text)
    google_dates(export, comments)
    # The table ends at the blank line before the "Day Index" section.
    names = ("Pageviews", "Tampilan Halaman")
    table(export, text, header, ("Page", "Halaman"), names, columns=columns, by_values=True)
    return export


def ga4_json(text: str, columns: Columns = NONE_CHOSEN) -> Export:
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


MATOMO_PATHS = ("label", *sorted({names[0] for names in MATOMO_COLUMNS.values()}), "Libellé")
MATOMO_VIEWS = ("nb_hits", *sorted({names[1] for names in MATOMO_COLUMNS.values()}), "Pages vues")


def matomo(text: str, columns: Columns = NONE_CHOSEN) -> Export:
    export = Export("matomo", "nb_hits")
    if text.strip() == "No data available":
        return export
    lines = text.splitlines()
    start = 1
    if "Page URLs" in lines:  # a scheduled report: many sections, one of them ours
        start = lines.index("Page URLs") + 2
        export.format = "matomo-report"
    try:
        table(export, text, start, MATOMO_PATHS, MATOMO_VIEWS, columns=columns)
    except ExportError as error:
        # Translators: ERROR is what was wrong with the file, already translated.
        message = _("{error}; export Matomo's Actions > Page URLs report (flat, all rows)")
        raise ExportError(error.line, message.format(error=error)) from None
    return export


def plausible_pages(text: str, columns: Columns = NONE_CHOSEN) -> Export:
    export = Export("plausible-pages", "pageviews")
    table(export, text, 1, ("name",), ("pageviews",), columns=columns)
    return export


def plausible_imported(text: str, columns: Columns = NONE_CHOSEN) -> Export:
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


def goatcounter(text: str, columns: Columns = NONE_CHOSEN) -> Export:
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


def umami(text: str, columns: Columns = NONE_CHOSEN) -> Export:
    # Translators: "y" is the column's name in Umami's pages.csv.
    export = Export("umami", N_("y (visitors)"))
    export.notes.append(
        _("Umami's pages.csv counts visitors, not page views: the counts are visitors")
    )
    table(export, text, 1, ("x",), ("y",), columns=columns)
    return export


COMBINED = re.compile(
    r'^(?:\S+ )?\S+ \S+ .*?\[(?P<time>[^\]]+)\] "(?P<method>\S+) (?P<target>\S+)[^"]*" '
    r'(?P<status>\d{3}) \S+(?: "(?:[^"\\]|\\.)*" "(?P<agent>(?:[^"\\]|\\.)*)")?'
)
UNSEEN = object()
UNREADABLE, COUNTED, BOUNDARY = object(), object(), object()  # what a log's day is


class RequestMeaning:
    """What a request line and its status mean for the count: (raw path, None) or (None, why
    not). REQUEST is 'GET /x HTTP/1.1', STATUS the bytes after it (' 200 5120 ')."""

    def __init__(self):
        self.not_a_line, self.not_a_get = _("not a log line"), _("not a GET")
        self.not_a_success = _("not a success (404, redirect, error)")
        self.asset = _("asset or feed")
        self.pages: dict[bytes, str | None] = {}  # a target -> it, if it is a page's

    def __call__(self, request: bytes, status: bytes) -> tuple[str | None, str | None]:
        parts = request.split(b" ")
        if len(parts) < 2 or not status[1:4].isdigit() or status[:1] != b" ":
            return None, self.not_a_line
        if parts[0] != b"GET":
            return None, self.not_a_get
        if status[1:4] not in (b"200", b"304"):
            return None, self.not_a_success
        target = parts[1]
        if target not in self.pages:
            raw = target.decode("utf-8", "surrogateescape")
            self.pages[target] = raw if normalise(raw) is not None else None
        page = self.pages[target]
        return (page, None) if page is not None else (None, self.asset)


def closing_quote(line: bytes, text: bytes, start: int) -> int:
    """Where TEXT, which starts with a quote, is found from START with its quote not escaped:
    Apache writes a quote inside a field as \\" (and a backslash as \\\\)."""
    at = line.find(text, start)
    while at > 0:
        backslashes = at - len(line[:at].rstrip(b"\\"))
        if backslashes % 2 == 0:
            return at
        at = line.find(text, at + 1)
    return at


def log_date(stamp: bytes) -> date | None:
    """b"03/Nov/2026" as a date; None if it is not one."""
    try:
        return datetime.strptime(stamp.decode("ascii"), "%d/%b/%Y").date()
    except (UnicodeDecodeError, ValueError):
        return None


def fields(line: bytes) -> tuple[bytes, bytes, bytes | None, bytes] | None:
    """(request, status, user agent, what comes before the request) of any log line, or None.

    The user agent is the second quoted field after the request (referrer, then agent), so
    that nginx's "main" format, which adds the forwarded-for address after it, is read too.
    It is None when the line has no such field (the common log format)."""
    opening = line.find(b' "')
    closing = closing_quote(line, b'" ', opening + 2) if opening >= 0 else -1
    if closing < 0:
        return None
    request, status = line[opening + 2 : closing], line[closing + 1 : closing + 5]
    referrer = line.find(b'"', closing + 2)
    start = closing_quote(line, b'" "', referrer + 1) if referrer >= 0 else -1
    end = closing_quote(line, b'"', start + 3) if start >= 0 else -1
    agent = line[start + 3 : end] if end > 0 else None
    return request, status, agent, line[:opening]


def access_log(lines, ignore_agents: tuple[str, ...] = (), after: datetime | None = None) -> Export:
    """Successful GETs of pages by people in an nginx/Apache combined log, streamed, by day.

    A million lines must take seconds: a combined-format line is cut at its quotes in one
    bytes.split (no regular expression; fields() reads any other), and what a request or a
    user agent means is worked out once per distinct value, not once per line. A hit not
    counted is counted under the first rule that removed it, in this order: not a log line,
    not a GET, not a success, not a page, then the agent's (agents.Agents), then its time.

    AFTER is the last line counted by the import before (AWStats' rule for its LastLine): a
    rotated log repeats part of the day before, and those lines are skipped, not refused.
    The time is compared as the log writes it: one server, one time zone.
    """
    export = Export("access-log", N_("successful GET requests of pages by people"))
    skipped = export.skipped
    # (b"GET /x HTTP/1.1", b" 200") -> (raw path to count, None) or (None, why not).
    requests: dict[tuple[bytes, bytes], tuple[str | None, str | None]] = {}
    kinds: dict[bytes | None, str | None] = {}  # user agent -> None for a person, or why not
    who = Agents(ignore_agents)
    # b"03/Nov/2026" -> (its hits by raw path, None), (None, UNREADABLE or COUNTED: skip its
    # lines), or (its hits, BOUNDARY: the day of AFTER, whose lines are compared with it).
    by_stamp: dict[bytes, tuple[Counter | None, object]] = {}
    last_day, last_time = (
        (after.date(), after.strftime("%H:%M:%S").encode()) if after else (None, b"")
    )

    def day_of(stamp: bytes) -> tuple[Counter | None, object]:
        day = log_date(stamp)
        if day is None:
            return None, UNREADABLE
        if last_day and day < last_day:
            return None, COUNTED
        return Counter(), BOUNDARY if day == last_day else None

    latest = b""  # the prefix of the last line counted, with its time
    # Translated once, not once per line.
    not_a_line = _("not a log line")
    unreadable = _("unreadable date")
    counted_before = _("counted by an earlier import: up to the last line it counted")
    reasons = {
        agents.NO_AGENT: _("no user agent (a script)"),
        agents.MONITOR: _("the site's own monitors (VIEW_COUNTS_IGNORE_AGENTS)"),
        agents.PREVIEW: _("link previews (WhatsApp, Facebook, Telegram...)"),
        agents.CRAWLER: _("crawlers and scripts (CrawlerDetect's list)"),
    }
    meaning = RequestMeaning()
    for line in lines:  # bytes: a log may hold any bytes at all
        parts = line.split(b'"')
        # The combined format, no backslash (no escaped quote). find(), not `in`: for bytes,
        # `in` first tries its operand as a number, and raises and clears a TypeError.
        if len(parts) == 7 and line.find(b"\\") < 0:
            key, agent, before = (parts[1], parts[2][:4]), parts[5], parts[0]
        else:
            found = fields(line)
            if found is None:
                if line.strip() and not line.startswith(b"#"):
                    skipped[not_a_line] += 1
                continue
            key, agent, before = found[:2], found[2], found[3]
        outcome = requests.get(key)
        if outcome is None:
            outcome = requests[key] = meaning(*key)
        path, reason = outcome
        if reason:
            skipped[reason] += 1
            continue
        kind = kinds.get(agent, UNSEEN)
        if kind is UNSEEN:
            kind = kinds[agent] = (
                None if agent is None else who.kind(agent.decode("utf-8", "replace"))
            )
        if kind:
            skipped[reasons[kind]] += 1
            continue
        bracket = before.find(b"[")
        if bracket < 0:
            skipped[not_a_line] += 1
            continue
        stamp = before[bracket + 1 : bracket + 12]
        found = by_stamp.get(stamp)
        if found is None:
            found = by_stamp[stamp] = day_of(stamp)
        day_hits, rule = found
        if rule is not None:
            if rule is UNREADABLE:
                skipped[unreadable] += 1
                continue
            if rule is COUNTED or before[bracket + 13 : bracket + 21] <= last_time:
                skipped[counted_before] += 1
                continue
        day_hits[path] += 1
        latest = before
    for stamp, (day_hits, _rule) in by_stamp.items():
        if day_hits:
            day = log_date(stamp)
            export.days.setdefault(day, Counter()).update(day_hits)
            export.views.update(day_hits)
            export.see_date(day)
    export.last_line = after  # unless a later line is counted
    if latest:
        stamp = latest[latest.find(b"[") + 1 :].split(b"]")[0].decode("ascii", "replace")
        with contextlib.suppress(ValueError):  # else no line is known to be counted
            export.last_line = datetime.strptime(stamp, "%d/%b/%Y:%H:%M:%S %z")
    if None in kinds:
        export.notes.append(
            _(
                "some lines have no user agent field (the common log format): robots cannot be "
                "told from people in them, and they were counted; log in the combined format"
            )
        )
    return export


def any_table(text: str, columns: Columns = NONE_CHOSEN) -> Export:
    """Another tool's table, whose page-views column a person named (--views-column)."""
    export = Export("table", columns.views or "")
    header, _comments = preamble(text)
    table(export, text, header, (), (), columns=columns, by_values=True)
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
    "table": any_table,
    "access-log": None,  # streamed, see read_export
}


def google(text: str, comments: list[str]) -> str | None:
    """GA4 or Universal Analytics, told apart by their preamble when the labels are in a
    language not known here: UA has only a range line, and rates with '%' in its rows."""
    if any(DATE_LINE.fullmatch(line) for line in comments):
        return "ga4-csv"
    if any(RANGE_LINE.fullmatch(line) for line in comments):
        return "ua-csv" if "%" in text else "ga4-csv"
    return None


def detect(text: str, columns: Columns = NONE_CHOSEN) -> str:  # noqa: PLR0911
    """The format, from the content itself: one answer per format."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "ga4-json"
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ExportError(1, _("the file is empty"))
    content = [line for line in lines if comment(line) is None]
    if content and COMBINED.match(content[0]):
        return "access-log"
    first = content[0] if content else ""
    header = [cell.strip().strip('"').lower() for cell in first.split(delimiter_of(first))]
    if header[0] == "page" and "pageviews" in header:
        return "ua-csv"
    if header[0].startswith(("page path", "jalur halaman", *GA4_TITLES)):
        return "ga4-csv"
    kind = google(text, [comment(line) for line in lines if comment(line) is not None])
    if kind:
        return kind
    paths = {name.lower() for name in MATOMO_PATHS}
    views = {name.lower() for name in MATOMO_VIEWS}
    matomo_columns = {"label", "bezeichnung", "nb_visits", "nb_uniq_visitors", "unique visitors"}
    if "Page URLs" in lines or matomo_columns & set(header):
        return "matomo"
    if paths & set(header) and views & set(header):  # Matomo in another language
        return "matomo"
    if header[0].startswith("2path") or header[0].startswith("1path"):
        return "goatcounter"
    if header[:2] == ["x", "y"]:
        return "umami"
    if {"date", "hostname", "page", "pageviews"} <= set(header):
        return "plausible-imported"
    if header[0] == "name" and "pageviews" in header:
        return "plausible-pages"
    if text.startswith("No data available"):
        return "matomo"
    if columns.views:
        return "table"
    found = [cell.strip().strip('"') for cell in first.split(delimiter_of(first))]
    raise ExportError(
        1,
        _(
            "not an export this site reads (GA4, Universal Analytics, Matomo, Plausible, "
            "GoatCounter, Umami or an access log); name the format with --format if it is one "
            "of them, or the column that counts page views with --views-column (the columns "
            "are: {columns})"
        ).format(columns=listed(found)),
    )


def open_maybe_gzip(path: Path):
    with path.open("rb") as file:
        compressed = file.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if compressed else path.open("rb")


def lines_shown(path: Path, file, block: int = 1 << 20):
    """The lines of FILE, with the bytes of PATH read so far shown as progress.

    Read a megabyte of lines at a time and chained in C: no Python step per line."""
    raw = file.fileobj if isinstance(file, gzip.GzipFile) else file

    def blocks():
        with progress.step(path.name, path.stat().st_size, in_bytes=True) as shown:
            while lines := file.readlines(block):
                shown.advance(raw.tell() - shown.count)
                yield lines

    return itertools.chain.from_iterable(blocks())


def read_export(
    path: Path,
    format: str | None = None,
    ignore_agents=(),
    columns: Columns = NONE_CHOSEN,
    after: datetime | None = None,
) -> Export:
    """Read PATH (plain or .gz) as FORMAT, or as the format its content shows.

    Logs are streamed line by line: a million-line log is never in memory. AFTER: see
    access_log.
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
                return access_log(lines_shown(path, file), ignore_agents, after)
            except (OSError, EOFError) as error:
                message = _("the log is damaged or cut short ({error})")
                raise ExportError(1, message.format(error=error)) from None
    try:
        data = read_bytes(path)
    except (OSError, EOFError) as error:
        damaged = _("the file is damaged or cut short ({error})")
        raise ExportError(1, damaged.format(error=error)) from None
    text = decode_text(data)
    format = format or detect(text, columns)
    if format not in FORMATS:
        message = _("unknown format '{format}'; choose from {formats}")
        raise ExportError(1, message.format(format=format, formats=", ".join(FORMATS)))
    try:
        export = FORMATS[format](text, columns)
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
