"""Pelican glue: index the written site with Pagefind, for /cari/.

Pagefind (PyPI `pagefind[bin]`, which ships its binary) reads the built HTML
and writes /pagefind/: an index split in small chunks, so a query downloads
only what it needs. Only articles and pages are indexed (the theme marks their
text with data-pagefind-body; navigation, the share row and the footer are
outside it or marked data-pagefind-ignore). The `lang="id"` of every page
selects Pagefind's Indonesian stemming.

Setting: SEARCH_INDEX (see pelicanconf.py: off unless KPU_SEARCH=1, since
Pagefind's filter files are not yet byte-reproducible).
"""

import logging
import subprocess
import sys

from pelican import signals

logger = logging.getLogger(__name__)


def index_site(pelican):
    if not pelican.settings.get("SEARCH_INDEX"):
        return
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", pelican.settings["OUTPUT_PATH"], "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        logger.error(
            "Pagefind could not index the site: %s", (result.stderr or result.stdout).strip()
        )


def register():
    signals.finalized.connect(index_site)
