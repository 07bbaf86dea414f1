"""Babel's side of the translations: extract the messages, merge them into the catalog, compile.

`python3 dev.py translations` runs all three; tests/test_translations.py checks
that nothing is left to do.
"""

import io
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from . import DOMAIN, LOCALE

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
# A fixed date, so that extracting twice gives the same file.
CREATED = datetime(2026, 12, 1, tzinfo=UTC)


def sources(root: Path) -> list[Path]:
    """Every Python file whose messages an editor or a maintainer can read."""
    return sorted([root / "dev.py", root / "tasks.py", *(root / "plugins").rglob("*.py")])


def extract(root: Path) -> Catalog:
    template = Catalog(project="kpu-ntt-site", creation_date=CREATED, fuzzy=False)
    for path in sources(root):
        for line, message, comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            template.add(
                message,
                locations=[(path.relative_to(root).as_posix(), line)],
                auto_comments=comments,
                context=context,
            )
    return template


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language: str) -> Catalog:
    with po_path(language).open("rb") as file:
        return read_po(file, locale=language)


def updated(catalog: Catalog, template: Catalog) -> Catalog:
    """The catalog with the template's messages; translations of removed ones are dropped."""
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=True)
    catalog.obsolete.clear()
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    output = io.BytesIO()
    # File names without line numbers: moving a message within a file changes nothing here.
    write_po(output, catalog, width=100, include_previous=False, include_lineno=False)
    return output.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    output = io.BytesIO()
    write_mo(output, catalog, use_fuzzy=False)
    return output.getvalue()
