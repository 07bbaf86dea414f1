"""The site's content rules, as Pelican glue.

Titles are plain text written by editors; Pelican treats them as HTML (it runs
typogrify over them and the theme prints them). Escaping them as they are read
makes "A & B <x>" show as written, and lets the theme's autoescaping Jinja
print a title without `|safe`. `invoke check` lives in `check.py`.
"""

from html import escape

from markupsafe import Markup
from pelican import signals
from pelican.readers import MarkdownReader


class PlainTitleMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with the title escaped as text."""

    def _parse_metadata(self, meta):
        metadata = super()._parse_metadata(meta)
        if "title" in metadata:
            metadata["title"] = escape(metadata["title"], quote=False)
        return metadata


def use_plain_titles(readers):
    for extension in PlainTitleMarkdownReader.file_extensions:
        readers.reader_classes[extension] = PlainTitleMarkdownReader


def mark_title_safe(content):
    # Escaped when read, then typogrified: HTML that autoescape must not escape again.
    if getattr(content, "title", None) is not None:
        content.title = Markup(content.title)


def register():
    signals.readers_init.connect(use_plain_titles)
    signals.content_object_init.connect(mark_title_safe)
