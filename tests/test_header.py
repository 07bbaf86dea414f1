"""The header reader of `check` and the build: Markdown's meta rules, with line numbers."""

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown, util
from markdown.extensions import meta

from kpu_content import header
from kpu_content.header import HeaderError, read_header


def test_fields_lines_and_body_start():
    header = read_header("Title: Rapat\nDate: 2021-11-03 09:00\n\nIsi berita.\n")
    assert header.get("title").value == "Rapat"
    assert header.get("TITLE").line == 1
    assert header.get("date").line == 2
    assert header.body_line == 4


def test_continuation_lines_join_the_value():
    header = read_header("Summary: Satu\n    dua\n    tiga\nTags: A\n\nIsi\n")
    assert header.get("summary").value == "Satu dua tiga"
    assert header.get("summary").line == 1
    assert header.get("tags").line == 4


def test_fenced_header():
    header = read_header("---\nTitle: Rapat\n---\nIsi\n")
    assert header.get("title").line == 2
    assert header.body_line == 4


def test_empty_value_counts_as_missing_but_keeps_its_line():
    header = read_header("Title: Rapat\nTags:\n\nIsi\n")
    assert header.get("tags") is None
    assert header.fields["tags"].line == 2


def test_no_header():
    header = read_header("Isi berita tanpa kepala.\n")
    assert header.fields == {}
    assert header.body_line == 1


def test_field_given_twice():
    header = read_header("Title: A\nDate: 2021-01-01\ntitle: B\n\nIsi\n")
    [error] = header.problems
    assert isinstance(error, HeaderError)
    assert error.line == 3
    assert "first on line 1" in str(error)
    # As Markdown reads it, for the build: both values, under the lower-case name.
    assert header.meta["title"] == ["A", "B"]
    assert header.get("title").value == "A"


def test_a_stray_line_starts_the_body_as_markdown_has_it():
    header = read_header("Title: A\nKategori Berita\nIsi\n")
    assert [(error.line, str(error)[:30]) for error in header.problems] == [
        (2, "this line is neither 'Field: v")
    ]
    assert header.body_line == 2
    assert header.body == "Kategori Berita\nIsi\n"


def test_only_a_new_line_ends_a_line():
    # str.splitlines() would end the title at U+2028 and read a second field.
    header = read_header("Title: Judul\u2028Status: draft\x0cx\nDate: 2026-01-01\n\nIsi\n")
    assert header.get("title").value == "Judul\u2028Status: draft\x0cx"
    assert header.get("status") is None
    assert header.get("date").line == 2
    crlf = read_header("Title: A\r\nSummary: B\r    C\r\n\r\nIsi\r\n")
    assert crlf.get("summary").line == 2
    assert crlf.get("summary").value == "B C"
    assert crlf.get("summary").lines == 2
    assert crlf.body_line == 5


def test_the_rules_are_markdowns():
    assert header.META_RE.pattern == meta.META_RE.pattern
    assert header.META_MORE_RE.pattern == meta.META_MORE_RE.pattern
    assert header.BEGIN_RE.pattern == meta.BEGIN_RE.pattern
    assert header.END_RE.pattern == meta.END_RE.pattern
    assert (header.STX, header.ETX) == (util.STX, util.ETX)


MARKDOWN = {
    "extensions": ["markdown.extensions.extra", "markdown.extensions.meta"],
    "output_format": "html5",
}
# Lines of headers, bodies and what lies between: fences, continuations, every
# line end Python knows, characters Markdown removes, markup.
PIECES = [
    *("Title: Rapat", "title: Kedua", "Tags: Pemilu; Pilkada, 2024", "Summary: Satu"),
    *("    lanjutan", "\t lanjutan", "  Key: v", "Status: draft", "Key:", ":"),
    *("---", "...", "--- x", "----", "", " ", "\n", "\r", "\r\n", "\t"),
    *("\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1e", "\x02", "\x03"),
    *("\ufeff", "\xa0", "Isi *berita*", "<div>", "</div>", "    kode", "```", "~~~"),
    *("- a", "# H", "[x]: /y", "*[KPU]: Komisi"),
]

WHOLE = Markdown(**MARKDOWN)
BODY = Markdown(**MARKDOWN)
BODY.preprocessors.deregister("meta")


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=14))
def test_the_build_reads_what_markdowns_meta_reads(parts):
    """read_header() then the body alone through Markdown (the site's reader) is
    Markdown with its meta extension over the whole file (Pelican's reader)."""
    text = "".join(part if index % 2 else part + "\n" for index, part in enumerate(parts))
    html = WHOLE.reset().convert(text)
    read = read_header(text)
    assert read.meta == WHOLE.Meta
    assert BODY.reset().convert(read.body) == html
    for name, found in read.fields.items():
        assert found.value == " ".join(read.meta[name][: found.lines]).strip()
