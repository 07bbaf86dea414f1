"""Pelican glue: index the written site with Pagefind, for /cari/.

Pagefind (PyPI `pagefind[bin]`, which ships its binary) reads the built HTML
and writes /pagefind/: an index split in small chunks, so a query downloads
only what it needs. Only articles and pages are indexed (the theme marks their
text with data-pagefind-body; navigation, the share row and the footer are
outside it or marked data-pagefind-ignore). The `lang="id"` of every page
selects Pagefind's Indonesian stemming. canonical.py then makes the index
byte-reproducible and removes Pagefind's stock interfaces, which the site
does not use.

Settings: SEARCH_INDEX (on; off leaves /cari/ with only its plain form) and
SEARCH_CHUNK_SIZE, passed to Pagefind as PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE:
"unstable" means Pagefind may rename it, so the version is pinned in the lock
file and tests/test_search_index.py fails if the setting stops working.
"""

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from pelican import signals

import progress
from translations import _

from .canonical import PagefindFormatError, canonicalise

logger = logging.getLogger(__name__)


def indexed_files(settings) -> str:
    """A glob of where articles and pages are written: only they have text to index.

    Pagefind would otherwise parse every list page as well, a third of the
    site's files, only to find no data-pagefind-body in them.
    """
    patterns = [
        re.sub(r"\{[^}]*\}", "*", settings[name])
        for name in ("ARTICLE_SAVE_AS", "PAGE_SAVE_AS")
        if settings.get(name)
    ]
    return "{" + ",".join(patterns) + "}"


def run_pagefind(settings) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            settings["OUTPUT_PATH"],
            "--glob",
            indexed_files(settings),
            "--silent",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(settings["SEARCH_CHUNK_SIZE"])},
    )


def index_site(pelican):
    if not pelican.settings.get("SEARCH_INDEX"):
        return
    with progress.step(_("Search index")):
        result = run_pagefind(pelican.settings)
    if result.returncode != 0:
        logger.error(
            # Translators: %s is Pagefind's own message, in English.
            _("Pagefind could not index the site: %s"),
            (result.stderr or result.stdout).strip(),
        )
        return
    try:
        canonicalise(Path(pelican.settings["OUTPUT_PATH"]) / "pagefind")
    except (PagefindFormatError, OSError, ValueError) as error:
        logger.error(_("Pagefind's index could not be made reproducible: %s"), error)


def register():
    signals.finalized.connect(index_site)
