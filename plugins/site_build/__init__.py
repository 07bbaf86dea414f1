"""Pelican glue: a build that uses every core and does each thing once.

Pelican reads and renders one file at a time on one core. Here:

- Reading: as Pelican starts on the articles, worker processes run every
  article file's Markdown and typogrify (kpu_content/reading.py) while
  Pelican takes each result in turn. Results are kept under
  CACHE_PATH/prepared, keyed by the file's text and by a fingerprint of the
  settings, plugin code and lock file (reading.py).
- Addresses: Pelican works out an article's URL again at every use, 17 times
  a page; once the articles are settled each keeps its URL.
- Period archives: Pelican finds each year's and month's articles by
  scanning the period's list for every article of the site, 4 s at 10,000
  posts on the one core; here that is a set lookup (archives_in_linear_time).
  Tag, category and author pages: the same scan, 6 s more; their lists of
  articles answer `in` from a set (Members).
- Rendering: pages are rendered in worker processes, in batches, while
  Pelican's generators go on making the next ones (rendering.py). Each page
  is finished there too, while it is in memory (minified, its
  Content-Security-Policy, compressed copies), which site_output would
  otherwise do by reading every page again.

BUILD_WORKERS sets the number of processes (default: one per core; 1 does
everything in this process, the way Pelican alone would).
"""

import os
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from kpu_content import SiteMarkdownReader
from site_output import finished_pages, page_finisher

from .reading import ReadAhead, fingerprint
from .rendering import DeferredRendering


def workers_of(settings) -> int:
    workers = settings.get("BUILD_WORKERS")
    if workers is not None and (type(workers) is not int or workers < 1):
        raise ValueError(
            f"BUILD_WORKERS = {workers!r}: it is the number of processes a build uses, "
            "a whole number from 1 up; leave it out to use every core"
        )
    return workers or os.cpu_count() or 1


def check_settings(pelican):
    # Fails at start-up, not in the middle of a build.
    workers_of(pelican.settings)


def read_ahead(generator):
    if not isinstance(generator, ArticlesGenerator):
        return
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    # The very path Pelican's read_file() will ask the reader for.
    paths = [os.path.abspath(os.path.join(generator.path, name)) for name in files]  # noqa: PTH100, PTH118
    cache = Path(settings["CACHE_PATH"]) / "prepared" / fingerprint(settings)
    SiteMarkdownReader.prepared = ReadAhead(
        paths, settings, cache=cache, workers=workers_of(settings)
    )


def archives_in_linear_time(build_period_archives):
    """Pelican's _build_period_archives(dates, articles, settings), without its quadratic step.

    Pelican keeps, for each period, `[a for a in articles if a in dates]`:
    a scan of the period's list for every article. Here Pelican builds the
    periods from no articles, and each period's articles are then picked with
    a set of its dates. Articles compare by identity, so the lists are the same.
    """

    def build(dates, articles, settings):
        archives = build_period_archives(dates, [], settings)
        for periods in archives.values():
            for period in periods:
                members = set(period["dates"])
                period["articles"] = [article for article in articles if article in members]
        return archives

    return build


def speed_up_archives(generator):
    if isinstance(generator, ArticlesGenerator):
        generator._build_period_archives = archives_in_linear_time(generator._build_period_archives)


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
    for tag, articles in generator.tags.items():
        generator.tags[tag] = Members(articles)
    for groups in (generator.categories, generator.authors):
        groups[:] = [(name, Members(articles)) for name, articles in groups]


def stop_reading_ahead(generator):
    SiteMarkdownReader.prepared.close()
    SiteMarkdownReader.prepared = {}


def settle_addresses(generators):
    """Each article and page keeps the URL Pelican works out for it now."""
    for content in generators[0].context["generated_content"].values():
        # Pelican's own override (a post's "URL:" field): returned as it is.
        content.override_url = content.url


deferred = DeferredRendering()


def defer_templates(generator):
    # site_output's work on a page, done while the page is in memory.
    deferred.attach(generator, workers_of(generator.settings), page_finisher(generator.settings))


def render_pages(pelican=None):
    """Write every page kept (render_all) and note them as finished for site_output."""
    notes = deferred.render_all()
    finished_pages.update({Path(path): hashes for path, hashes in notes.items()})


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(read_ahead)
    signals.generator_init.connect(defer_templates)
    signals.generator_init.connect(speed_up_archives)
    signals.article_generator_pretaxonomy.connect(stop_reading_ahead)
    signals.article_generator_finalized.connect(taxonomies_in_linear_time)
    signals.all_generators_finalized.connect(settle_addresses)
    # Before every other `finalized` receiver (search, site_output), which read the pages.
    signals.finalized.connect(render_pages)
