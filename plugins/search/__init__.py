"""Pelican glue: index the written site with Pagefind, for /cari/.

Pagefind (PyPI `pagefind[bin]`, which ships its binary) reads the built HTML
and writes /pagefind/: an index split in small chunks, so a query downloads
only what it needs. It starts as soon as site_build has written the
articles' and pages' own pages and runs while the lists are rendered; the
build waits for it once the site is written. Only articles and pages are
indexed (the theme marks their text with data-pagefind-body; navigation,
the share row and the footer are outside it or marked data-pagefind-ignore).
The `lang="id"` of every page selects Pagefind's Indonesian stemming.
canonical.py then makes the index byte-reproducible and removes Pagefind's
stock interfaces, which the site does not use.

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

from site_build import own_pages_written

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


class Indexing:
    """Pagefind running in the background, for one build at a time."""

    def __init__(self):
        self.process = None
        self.build = None

    def start(self, pelican) -> None:
        if not pelican.settings.get("SEARCH_INDEX") or self.build is pelican:
            return
        self.stop()  # left running by a build in this process that failed
        settings = pelican.settings
        self.build = pelican
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "pagefind", "--site", settings["OUTPUT_PATH"]),
                *("--glob", indexed_files(settings), "--silent"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ
            | {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(settings["SEARCH_CHUNK_SIZE"])},
        )

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
        self.process = self.build = None

    def finish(self, pelican) -> None:
        """Wait for Pagefind (started now if it was not) and make its index reproducible."""
        self.start(pelican)
        if self.process is None:
            return
        output, errors = self.process.communicate()
        failed = self.process.returncode != 0
        self.process = self.build = None
        if failed:
            logger.error("Pagefind could not index the site: %s", (errors or output).strip())
            return
        try:
            canonicalise(Path(pelican.settings["OUTPUT_PATH"]) / "pagefind")
        except (PagefindFormatError, OSError, ValueError) as error:
            logger.error("Pagefind's index could not be made reproducible: %s", error)


indexing = Indexing()


def register():
    # site_build sends it once the pages Pagefind reads are written: Pagefind
    # indexes them while the list pages are rendered.
    own_pages_written.connect(indexing.start)
    signals.finalized.connect(indexing.finish)
