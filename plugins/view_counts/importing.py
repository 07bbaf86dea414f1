"""`invoke views-import`: one export file into the snapshot, or a clear refusal."""

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kpu_content.check import read_sources, url_of
from old_urls.redirects import old_url_list
from translations import _

from . import snapshot as snapshots
from .exports import Export, ExportError, read_export
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
    "ga4-csv": "ga4",
    "ga4-json": "ga4",
    "matomo-report": "matomo",
    "plausible-pages": "plausible",
    "plausible-imported": "plausible",
}


def import_file(
    path: Path,
    snapshot_path: Path,
    settings: dict,
    *,
    format: str | None = None,
    source: str | None = None,
    period: str | None = None,
    ignore_agents: tuple[str, ...] = (),
) -> tuple[snapshots.Report, Export]:
    if not path.is_file():
        raise ImportFailure(str(path), _("no such file"))
    try:
        export = read_export(path, format, ignore_agents)
    except ExportError as error:
        raise ImportFailure(f"{path}:{error.line}", str(error)) from None
    try:
        snapshot = snapshots.load(snapshot_path)
        report = snapshots.add_import(
            snapshot,
            export,
            addresses(settings),
            source=source or SOURCES.get(export.format, export.format),
            file_name=path.name,
            fingerprint=fingerprint(path),
            period=parse_period(period),
        )
    except snapshots.SnapshotError as error:
        raise ImportFailure(str(path), str(error)) from None
    if report.added:
        snapshots.save(snapshot, snapshot_path)
    return report, export
