"""Pelican glue: a build accelerator that writes exactly what Pelican writes, on every core.

Add it to any Pelican site (PLUGIN_PATHS to this folder's parent, "site_build"
first in PLUGINS):

- Writing: Pelican's writer is BuildWriter (writer.py), which renders the
  pages in forked worker processes, in batches, while Pelican's generators go
  on, and finishes each page in memory with the page transforms that plugins
  add (finishing.py).
- Reading: readers that offer the read-ahead protocol (reading.py) have their
  costly part run for every article on every core, ahead of Pelican, and kept
  between builds in CACHE_PATH/prepared.
- Addresses: Pelican works out an article's URL again at every use; once the
  articles are settled each keeps its URL.
- Tag, category and author pages: Pelican finds each one's articles with
  `article in articles` over a list; here those lists answer `in` from a set
  (Members).

Settings: BUILD_WORKERS (processes; default one per core, 1 renders every
page at once in Pelican's process, as Pelican does) and BUILD_BATCH_PAGES
(pages a worker renders while Pelican goes on; default 1000). Where there is
no fork (Windows, macOS) the build is serial.
"""

import os
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from . import internals
from .processes import count_setting, fork, workers_of
from .reading import ReadAhead, reading_ahead, reads_ahead
from .writer import BuildWriter, writers


def check_settings(pelican):
    # Fails at start-up, not in the middle of a build.
    workers_of(pelican.settings)
    meaning = "the number of pages a worker process renders at a time"
    count_setting(pelican.settings, "BUILD_BATCH_PAGES", meaning, "for 1000")


def use_build_writer(pelican):
    return BuildWriter


# The articles generator's readers while it reads ahead, to put back when it is done.
_reading = {}


def read_ahead(generator):
    if not isinstance(generator, ArticlesGenerator):
        return
    settings = generator.settings
    readers = internals.readers_of(generator)
    files = []
    for name in generator.get_files(
        settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]
    ):
        reader = readers.get(os.path.splitext(name)[1][1:])  # noqa: PTH122 - as Pelican does
        if reader is not None and reads_ahead(reader):
            # The very path Pelican's read_file() will ask the reader for.
            files.append((os.path.abspath(os.path.join(generator.path, name)), reader))  # noqa: PTH100, PTH118
    if not files:
        return
    cache = Path(settings["CACHE_PATH"]) / "prepared"
    ahead = ReadAhead(files, cache, workers=workers_of(settings), fork=fork())
    _reading[generator] = (ahead, dict(readers))
    for kind, reader in readers.items():
        if reader is not None and reads_ahead(reader):
            readers[kind] = reading_ahead(reader, ahead)


def stop_reading_ahead(generator):
    ahead, readers = _reading.pop(generator, (None, None))
    if ahead is not None:
        ahead.close()
        internals.readers_of(generator).update(readers)


class Members(list):
    """A tag's, category's or author's articles, whose `in` is a set lookup.

    Pelican writes each of their pages with `[a for a in self.dates if a in
    articles]`, a scan of the list for every article of the site. Articles
    compare by identity, so a set of their ids gives the same answer. The
    lists are complete when they are made (article_generator_finalized).
    """

    def __init__(self, articles):
        super().__init__(articles)
        self.ids = {id(article) for article in self}

    def __contains__(self, article) -> bool:
        return id(article) in self.ids

    def __reduce__(self):
        # A copy or an unpickled list holds other objects: their ids anew.
        return Members, (list(self),)


def taxonomies_in_linear_time(generator):
    """Each tag's, category's and author's list of articles made Members, in place."""
    tags, categories, authors = internals.taxonomies_of(generator)
    for tag, articles in tags.items():
        tags[tag] = Members(articles)
    for groups in (categories, authors):
        groups[:] = [(name, Members(articles)) for name, articles in groups]


def settle_addresses(generators):
    """Each article and page keeps the URL Pelican works out for it now."""
    for content in internals.generated_content(generators[0].context):
        internals.keep_url(content)


def finish_writing(pelican=None):
    """Every page kept by this run's writers written, with its `content_written`."""
    while writers:
        writers.pop(0).finish_writing()


def register():
    signals.initialized.connect(check_settings)
    signals.get_writer.connect(use_build_writer)
    signals.generator_init.connect(read_ahead)
    signals.article_generator_pretaxonomy.connect(stop_reading_ahead)
    signals.article_generator_finalized.connect(taxonomies_in_linear_time)
    signals.all_generators_finalized.connect(settle_addresses)
    # Before the `finalized` receivers of the plugins after it, which may read the pages.
    signals.finalized.connect(finish_writing)
