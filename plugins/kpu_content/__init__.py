"""The site's content rules, as Pelican glue.

Titles are plain text written by editors; Pelican treats them as HTML (it runs
typogrify over them and the theme prints them). Escaping them as they are read
makes "A & B <x>" show as written, and lets the theme's autoescaping Jinja
print a title without `|safe`. The reader's Markdown and typogrify are in
`reading.py`, so that a build can run them on every core (site_build).
`invoke check` lives in `check.py`.
"""

import logging
import re
from typing import ClassVar

from markupsafe import Markup
from pelican import signals
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import SafeDatetime, pelican_open

from .reading import prepare

logger = logging.getLogger(__name__)

# A date as `invoke check` asks for it, with no zone: the datetime Pelican's
# dateutil would make, without its guessing (0.2 ms a post on Pelican's one core).
PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?")
DATE_FIELDS = {"date", "modified"}  # never formatted: a list of what was written


class SiteMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with the title escaped as text and typogrify applied.

    The HTML comes from reading.prepare(), or from `prepared`, where a build
    that read the files ahead on every core left it (site_build).
    """

    # Path -> reading.Prepared; anything with dict's pop() (site_build's ReadAhead).
    prepared: ClassVar[dict] = {}

    def read(self, source_path):
        self._source_path = source_path
        prepared = self.prepared.pop(source_path, None)
        if prepared is None:
            with pelican_open(source_path) as text:
                prepared = prepare(text, self.settings)
        return prepared.content, self._parse_fields(prepared.fields)

    def _parse_fields(self, fields):
        """Pelican's _parse_metadata, for fields already made HTML where they are formatted."""
        output = {}
        for name, value in fields.items():
            if name in DATE_FIELDS and len(value) == 1 and PLAIN_DATE.fullmatch(value[0]):
                output[name] = SafeDatetime.fromisoformat(value[0])
            elif isinstance(value, str):
                output[name] = self.process_metadata(name, value)
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    logger.warning(
                        "Duplicate definition of `%s` for %s. Using first one.",
                        name,
                        self._source_path,
                    )
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output


def use_site_reader(readers):
    for extension in SiteMarkdownReader.file_extensions:
        readers.reader_classes[extension] = SiteMarkdownReader


def mark_title_safe(content):
    # Escaped when read, then typogrified: HTML that autoescape must not escape again.
    if getattr(content, "title", None) is not None:
        content.title = Markup(content.title)


def register():
    signals.readers_init.connect(use_site_reader)
    signals.content_object_init.connect(mark_title_safe)
