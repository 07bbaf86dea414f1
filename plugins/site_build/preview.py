"""The live preview: the whole site built once, then a post's page rebuilt alone.

An editor who saves a post mostly changes its text. What other pages show of
a post (title, date, summary, category, tags, regencies, photos, address) is
then unchanged, so its own page is the only page that changes (the search
index keeps the text of the last full build). Preview keeps Pelican's
generators and context in memory after a full build; update() reads the
saved post again, and when nothing but its text changed, puts the new text
into the article every list already holds and renders that one page through
Pelican's own generate_articles() and the site's writer, finished as every
page is. Anything else (a new post, a changed title, the theme, a plugin,
settings, data) asks for a full build: update() returns None.

Run as `python -m site_build.preview SETTINGS OUTPUT [--check MODULE:FUNCTION]`
(tasks.py livereload does): it checks the site with FUNCTION(settings), a
list of problems whose `fatal` ones stop it, builds it, answers "ready",
then reads one changed path per line and answers "page <file> <seconds>" or
"rebuild", each line after "@preview".
"""

import importlib
import logging
import os
import sys
import time
from functools import partial
from pathlib import Path

from pelican import Pelican, signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import init as init_logging
from pelican.settings import read_settings

from translations import _

from . import finish_writing, internals

logger = logging.getLogger(__name__)
# Starts each answer on stdout, where Pelican prints too.
ANSWER = "@preview"


def shown_elsewhere(content) -> tuple:
    """What other pages show of a post: if it changes, they change too."""
    photos = [photo.source for photo in getattr(content, "photos", [])]
    return (dict(content.metadata), str(content.summary), content.status, photos)


class Preview:
    def __init__(self, settings: dict):
        self.settings = settings
        self.generators = []
        signals.all_generators_finalized.connect(self.keep_generators, weak=False)
        self.pelican = Pelican(settings)
        self.pelican.run()

    def keep_generators(self, generators):
        self.generators = generators

    def generator_of(self, kind):
        return next(g for g in self.generators if isinstance(g, kind))

    def update(self, path: Path) -> Path | None:
        """Write the page of the post at PATH again if only its text changed.

        Returns the page written, or None when the change needs a full build.
        """
        source = os.path.abspath(path)  # noqa: PTH100 - as Pelican keeps source_path
        contents = self.generators[0].context["generated_content"].values()
        old = next((c for c in contents if c.source_path == source), None)
        if type(old) not in (Article, Page):
            return None
        kind = "article" if isinstance(old, Article) else "page"
        generator = self.generator_of(ArticlesGenerator if kind == "article" else PagesGenerator)
        try:
            new = generator.readers.read_file(
                base_path=generator.path,
                path=os.path.relpath(source, generator.path),
                content_class=type(old),
                context=generator.context,
                preread_signal=getattr(signals, f"{kind}_generator_preread"),
                preread_sender=generator,
                context_signal=getattr(signals, f"{kind}_generator_context"),
                context_sender=generator,
            )
        except Exception:  # the full build reports it, with its file and line
            return None
        if not new.is_valid() or shown_elsewhere(new) != shown_elsewhere(old):
            return None
        # The lists, neighbours and feeds hold `old`: it takes the new text and
        # keeps what the generators added to it (neighbours, share links, URL).
        old.__dict__.update(new.__dict__)
        old.refresh_metadata_intersite_links()
        forget_rendered_text(old)
        self.write(generator, old.save_as)
        return Path(self.settings["OUTPUT_PATH"]) / old.save_as

    def write(self, generator, name: str) -> None:
        """Pelican's own writing of the generator's contents, for the one file NAME."""
        one = _OneFile(self.pelican._get_writer().write_file, name)
        if isinstance(generator, ArticlesGenerator):
            # As ArticlesGenerator.generate_pages() calls them.
            write = partial(one.write_file, relative_urls=self.settings["RELATIVE_URLS"])
            generator.generate_articles(write)
            generator.generate_drafts(write)
        else:
            generator.generate_output(one)
        finish_writing()


def forget_rendered_text(content) -> None:
    """Drop what Pelican memoized of CONTENT's text and summary when a page rendered it.

    Pelican keeps get_content() and get_summary() by (content, siteurl) for
    the whole process: a page rendered here, not in a worker, would show the
    old text again.
    """
    for cache in internals.memoized_text(type(content)):
        for key in [key for key in cache if key[0] is content]:
            del cache[key]


class _OneFile:
    """A writer that writes the one file NAME and nothing else."""

    def __init__(self, write_file, name):
        self._write_file = write_file
        self._name = name

    def write_file(self, name, *args, **kwargs):
        if name == self._name:
            self._write_file(name, *args, **kwargs)

    def write_feed(self, *args, **kwargs):
        pass


def checker(name: str | None):
    """The function MODULE:FUNCTION names, or one that finds no problem."""
    if name is None:
        return lambda settings: []
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)


def main(settings_file: str, output: str, *options: str) -> int:
    settings = read_settings(settings_file, override={"OUTPUT_PATH": output})
    check = checker(options[1] if options[:1] == ("--check",) else None)
    problems = check(settings)
    for problem in problems:
        print(problem, file=sys.stderr)
    if any(problem.fatal for problem in problems):
        print(f"{ANSWER} failed", flush=True)
        return 1
    init_logging(fatal="warnings")
    try:
        preview = Preview(settings)
    except Exception as error:
        print(f"{error}", file=sys.stderr)
        print(f"{ANSWER} failed", flush=True)
        return 1
    print(f"{ANSWER} ready", flush=True)
    for line in sys.stdin:
        started = time.perf_counter()
        try:
            page = preview.update(Path(line.strip()))
        except Exception:  # anything unforeseen: a full build decides
            # Translators: the preview then builds the whole site again.
            logger.exception(_("preview update failed"))
            page = None
        if page is None:
            print(f"{ANSWER} rebuild", flush=True)
            return 0
        print(f"{ANSWER} page {page} {time.perf_counter() - started:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(*sys.argv[1:]))
    except KeyboardInterrupt:  # Ctrl+C in the terminal of `livereload`: it stops too
        sys.exit(130)
