"""A post's Markdown made into HTML: the costly, pure part of reading it.

`prepare(text, settings)` does what Pelican's Markdown reader and its
TYPOGRIFY step do to one file: the body through Markdown, the formatted header
fields (the summary) through Markdown too, the title escaped as text, and
typogrify over the body, the title and the summary. Then the body and the
summary are cleaned of whatever HTML a post may not contain
(safe_html/sanitize.py), before any plugin adds its own markup. It depends on
nothing but the text and the settings, so a build can run it for many files
on every core (site_build) and keep its results between builds.

Three things differ from Pelican, and the output does not: the header is read
by header.py, the reader `check` uses, and Markdown converts the body alone
(tests/test_header.py holds this to Markdown's meta extension); one Markdown
instance per process, reset between documents, instead of a new one per file
(building it costs as much as converting a post); and typogrify runs here, so
Pelican's own TYPOGRIFY is off (pelicanconf.py). tests/test_reading.py holds
this to Pelican's result on every post.
"""

import re
from dataclasses import dataclass
from html import escape

import smartypants
from markdown import Markdown
from typogrify.filters import typogrify

from safe_html.sanitize import clean

from .header import read_header

DASHES = {
    "oldschool": smartypants.Attr.set2,
    "oldschool_inverted": smartypants.Attr.set3,
}


@dataclass(frozen=True)
class Prepared:
    """A file's HTML and its header: formatted fields as HTML, others as written."""

    content: str
    fields: dict[str, str | list[str]]


class _Converters:
    """The Markdown instances of this process, made once per settings."""

    key = None
    document = field = None


def markdown_options(settings) -> dict:
    """MARKDOWN with every configured extension and meta on, as Pelican's reader makes it."""
    options = dict(settings["MARKDOWN"])
    extensions = list(options.get("extensions", []))
    for extension in [*options.get("extension_configs", {}), "markdown.extensions.meta"]:
        if extension not in extensions:
            extensions.append(extension)
    return options | {"extensions": extensions}


def _converters(settings) -> _Converters:
    options = markdown_options(settings)
    key = repr(options)
    if _Converters.key != key:
        # The header is read by header.py, which `check` reads it with; the body is
        # converted alone. Header fields are converted without meta, as Pelican does.
        _Converters.document = Markdown(**options)
        _Converters.document.preprocessors.deregister("meta")
        _Converters.field = Markdown(**options)
        _Converters.field.preprocessors.deregister("meta")
        _Converters.key = key
    return _Converters


def typographer(settings):
    """Pelican's TYPOGRIFY step with the site's TYPOGRIFY_* settings."""
    # smartypants keeps its options in a class attribute, as Pelican sets them.
    smartypants.Attr.default = (
        DASHES.get(settings["TYPOGRIFY_DASHES"], smartypants.Attr.set1) | smartypants.Attr.w
    )
    ignore = settings["TYPOGRIFY_IGNORE_TAGS"]
    omit = dict.fromkeys(settings["TYPOGRIFY_OMIT_FILTERS"], False)
    return lambda html: typogrify(html, ignore, **omit)


def title_html(title: str, settings, typo=None) -> str:
    """A title as the site has it (and makes its address of): escaped, then typeset."""
    # Titles are plain text an editor wrote: "A & B <x>" shows as written.
    # smartypants reads backslashes as escapes ("\\-" becomes "-"): they are
    # given to it as the character reference it leaves alone.
    return (typo or typographer(settings))(escape(title, quote=False).replace("\\", "&#92;"))


# "Se-NTT" (province-wide) breaks at its hyphen on a narrow screen.
UNBROKEN = re.compile(r"\b[Ss]e-NTT\b")


def unbroken(title: str) -> str:
    """A title's HTML with "Se-NTT" kept on one line (the theme's `nw` class)."""
    return UNBROKEN.sub(lambda match: f'<span class="nw">{match[0]}</span>', title)


MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
DAYS = "Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu"
# A date ("Rabu, 3 November 2021"), a time or a span of times ("09.00 Wita",
# "08.00 to 16.00 WITA" with a dash) and "Se-NTT", as an editor writes them in the text.
TOGETHER = re.compile(
    rf"(?:(?:{DAYS}),? )?\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b"
    r"|\b\d{1,2}[.:]\d{2}(?: ?(?:–|&#8211;|-) ?\d{1,2}[.:]\d{2})? (?:WITA|Wita|wita|WIB|WIT)\b"
    r"|(?<![\w/.-])[Ss]e-NTT\b"
)


def kept_together(html: str) -> str:
    """HTML whose dates, times and "Se-NTT" do not break across lines.

    No-break spaces, and a word joiner after a dash: characters, not markup,
    so they are safe inside an attribute and need no CSS.
    """
    return TOGETHER.sub(
        lambda match: re.sub("(–|&#8211;|-)", "\\1\u2060", match[0].replace(" ", "\u00a0")),
        html,
    )


def prepare(text: str, settings) -> Prepared:
    converters = _converters(settings)
    typo = typographer(settings)
    document = converters.document
    document.reset()
    header = read_header(text, document.tab_length)
    content = document.convert(header.body)
    fields = {}
    for name, values in header.meta.items():
        if name in settings["FORMATTED_FIELDS"]:
            converters.field.reset()
            fields[name] = kept_together(clean(typo(converters.field.convert("\n".join(values)))))
        elif name == "title" and len(values) == 1:
            fields[name] = [title_html(values[0], settings, typo)]
        else:
            fields[name] = values
    return Prepared(kept_together(clean(typo(content))) if content else content, fields)
