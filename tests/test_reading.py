"""The site's reader gives what Pelican's own Markdown reader and TYPOGRIFY give, cleaned.

kpu_content/reading.py reuses one Markdown instance, runs typogrify itself
and cleans the HTML (safe_html), so that a build can read on every core: here
every post of the site, generated posts and posts written to leak state from
one document into the next are read both ways, in one order, and must come
out equal.
"""

import json
import sys
from html import escape
from pathlib import Path

import pytest
from pelican.readers import MarkdownReader, Readers
from pelican.settings import read_settings

from kpu_content import SiteMarkdownReader
from kpu_content.reading import kept_together
from safe_html.sanitize import clean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_posts  # noqa: E402

# Each would leak into the next file if the Markdown instance kept state.
STATEFUL = {
    "catatan.md": "Title: Catatan kaki\nDate: 2024-01-02 10:00\nWilayah: Sikka\n"
    'Summary: Ringkasan dengan *tekanan* & "kutipan"\n\n'
    "Teks[^1] dengan KPU.\n\n[^1]: Catatan pertama.\n\n*[KPU]: Komisi Pemilihan Umum\n",
    "sesudah.md": "Title: Sesudah -- catatan\nDate: 2024-01-03 10:00\nWilayah: Ende\n\n"
    "Teks lain[^1] tentang KPU dan DPT --- \"kutipan\" 'tunggal'.\n\n"
    "[^1]: Catatan kedua.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    # Dates with a zone, or written otherwise, go to Pelican's own parser.
    "zona.md": "Title: Zona\nDate: 2024-01-05T10:00:00+08:00\nModified: 2024-01-06\n\nTeks.\n",
    "garis.md": "Title: Garis\nDate: 2024-01-05_10:00\nModified: 2024-01-06 11:30:15\n\nTeks.\n",
    "judul.md": 'Title: A & B <x> "kutip"\nDate: 2024-01-04 10:00\nTags: X, Y\n\n'
    '<pre>"tetap" -- sama</pre>\n\n`kode "ini"`\n',
}


class EscapedTitleReader(MarkdownReader):
    """Pelican's reader as the site used it before: only the title escaped."""

    def _parse_metadata(self, meta):
        metadata = super()._parse_metadata(meta)
        if "title" in metadata:
            metadata["title"] = escape(metadata["title"], quote=False)
        return metadata


def cleaned(content):
    """The content and summary as safe_html cleaned them once a post was read, with their
    dates, times and "Se-NTT" kept on one line (reading.kept_together)."""
    content._content = kept_together(clean(content._content))
    if "summary" in content.metadata:
        content.metadata["summary"] = kept_together(clean(content.metadata["summary"]))
    return content


def readers(settings, reader_class) -> Readers:
    readers = Readers(settings)
    readers.readers["md"] = reader_class(settings)
    return readers


def fields(content) -> dict[str, str]:
    # "reader" is the reader class's name, which differs by design.
    return {name: str(value) for name, value in content.metadata.items() if name != "reader"}


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("posts")
    write_posts(folder / "dibuat", 40)
    for name, text in STATEFUL.items():
        (folder / name).write_text(text, encoding="utf-8")
    site = sorted((ROOT / "content").rglob("*.md"))
    return [*site, *sorted(folder.rglob("*.md"))]


def test_site_reader_equals_pelicans_reader_with_typogrify(sources):
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert settings["TYPOGRIFY"] is False  # else typogrify would run twice
    site = readers(settings, SiteMarkdownReader)
    pelican = readers({**settings, "TYPOGRIFY": True}, EscapedTitleReader)
    for path in sources:
        ours = site.read_file(str(path.parent), path.name)
        theirs = cleaned(pelican.read_file(str(path.parent), path.name))
        assert ours._content == theirs._content, path
        assert fields(ours) == fields(theirs), path
        if path.name == "judul.md":
            assert ours.title.startswith("A &amp; B &lt;x&gt;")


def test_the_read_ahead_protocol_gives_what_read_gives(tmp_path):
    """prepare() then read_prepared() (site_build's read-ahead) is read(), through JSON and back."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    reader = SiteMarkdownReader(settings)
    for path in sorted((ROOT / "content").rglob("*.md")):
        data = json.loads(json.dumps(reader.prepare(path.read_text(encoding="utf-8"))))
        assert reader.read_prepared(str(path), data) == reader.read(str(path)), path
    key = reader.prepared_key()
    assert key == SiteMarkdownReader(settings).prepared_key()
    assert key != SiteMarkdownReader({**settings, "TYPOGRIFY_DASHES": "default"}).prepared_key()


class FlakyReader:
    """The read-ahead protocol, with a prepare() that fails on one file's text."""

    def prepare(self, text):
        if "RUSAK" in text:
            raise ValueError("tidak dapat dibaca")
        return {"text": text}

    def read_prepared(self, source_path, data):
        return data["text"], {}

    def prepared_key(self):
        return "flaky"


def test_a_file_whose_prepare_fails_is_left_to_its_reader_and_the_rest_is_kept(tmp_path):
    import multiprocessing

    from site_build.reading import ReadAhead, load

    files = []
    for number in range(6):
        path = tmp_path / f"{number}.md"
        path.write_text("RUSAK" if number == 2 else f"berita {number}", encoding="utf-8")
        files.append((str(path), FlakyReader()))
    cache = tmp_path / "prepared"
    ahead = ReadAhead(files, cache, workers=2, fork=multiprocessing.get_context("fork"))
    got = [ahead.pop(path) for path, _ in files]
    ahead.close()
    # None: the reader's own read() runs, in Pelican's process, and Pelican reports its error.
    assert got == [{"text": f"berita {n}"} if n != 2 else None for n in range(6)]
    assert sorted(entry["text"] for entry in load(cache / "flaky.json").values()) == [
        f"berita {n}" for n in (0, 1, 3, 4, 5)
    ]
