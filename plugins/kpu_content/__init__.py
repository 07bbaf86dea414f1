"""The site's content rules, as Pelican glue.

Titles are plain text written by editors; Pelican treats them as HTML (it runs
typogrify over them and the theme prints them). Escaping them as they are read
makes "A & B <x>" show as written, and lets the theme's autoescaping Jinja
print a title without `|safe`. The reader's Markdown and typogrify are in
`reading.py`: the reader's prepare() and read_prepared() split its read() in
a costly, pure part and the rest, which a build accelerator can use to read
ahead on every core (site_build's read-ahead protocol). `invoke check` lives
in `check.py`.
"""

import hashlib
import logging
import re
from importlib import metadata
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import SafeDatetime, pelican_open

import safe_html
from translations import _

from .reading import prepare, unbroken

logger = logging.getLogger(__name__)

# A date as `invoke check` asks for it, with no zone: the datetime Pelican's
# dateutil would make, without its guessing (0.2 ms a post on Pelican's one core).
PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?")
DATE_FIELDS = {"date", "modified"}  # never formatted: a list of what was written


# The settings prepare() reads; no other setting can change its result.
PREPARE_SETTINGS = (
    "MARKDOWN",
    "FORMATTED_FIELDS",
    "TYPOGRIFY_DASHES",
    "TYPOGRIFY_IGNORE_TAGS",
    "TYPOGRIFY_OMIT_FILTERS",
)
# The code of prepare(): this package's and the sanitizer's.
PREPARE_CODE = (Path(__file__).parent, Path(safe_html.__file__).parent)


class SiteMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with the title escaped as text and typogrify applied.

    read() is prepare() of the file's text, the costly part that depends on
    nothing else, then read_prepared(). A build may run prepare() ahead, in
    other processes, and keep its results under prepared_key().
    """

    def read(self, source_path):
        with pelican_open(source_path) as text:
            return self.read_prepared(source_path, self.prepare(text))

    def prepare(self, text: str) -> list:
        """The file's HTML and header fields, as JSON-ready data."""
        prepared = prepare(text, self.settings)
        return [prepared.content, prepared.fields]

    def prepared_key(self) -> str:
        """What else decides prepare()'s result: its settings, its code, the libraries."""
        digest = hashlib.sha256()
        digest.update(repr([(name, self.settings.get(name)) for name in PREPARE_SETTINGS]).encode())
        for folder in PREPARE_CODE:
            for path in sorted(folder.glob("*.py")):
                digest.update(path.read_bytes())
        installed = sorted(
            f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()
        )
        digest.update("\n".join(installed).encode())
        return digest.hexdigest()[:16]

    def read_prepared(self, source_path, prepared):
        content, fields = prepared
        self._source_path = source_path
        return content, self._parse_fields(fields)

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
                        # Translators: Pelican's warning; the first %s is a field, the second a file.
                        _("Duplicate definition of `%s` for %s. Using first one."),
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


def add_filters(generator):
    generator.env.filters["unbroken"] = lambda title: Markup(unbroken(str(title)))


def register():
    signals.generator_init.connect(add_filters)
    signals.readers_init.connect(use_site_reader)
    signals.content_object_init.connect(mark_title_safe)
