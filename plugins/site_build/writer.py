"""BuildWriter: Pelican's Writer, with its pages rendered on every core and finished in memory.

Pelican's Writer.write_file() works out each page's context (pagination,
relative URLs), checks the overwrite rules, renders the template and writes
the file. BuildWriter lets Pelican's own write_file() do all of it, except
that, where the build has cores to spare and fork, the rendering is kept for
later:

- the template's render() notes the page's context and the shared context's
  `localsiteurl` as Pelican sets them for that page, and returns nothing;
- Pelican's overwrite rules decide in _open_w(), as they would: a file kept
  by an earlier write with override_output is skipped; before a page is
  written where one is kept already, every page kept is written first;
- every BUILD_BATCH_PAGES pages, a forked worker renders them while Pelican
  goes on; finish_writing() shares out the rest among the cores and waits.

Each page goes through the page transforms (finishing.py) on its way to the
file, and `content_written` is sent, in the order Pelican wrote the pages,
once the real bytes are on disk. Without fork (Windows, macOS) or with
BUILD_WORKERS = 1, every page is rendered at once, as Pelican does.
"""

import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.writers import Writer

from translations import _

from . import finishing
from .processes import fork, workers_of

BATCH = 1000
SMALL = 100
MISSING = object()
# Every writer made in this process: finish_writing() runs for each when Pelican finishes.
writers = []


@dataclass
class Page:
    """A page whose rendering is kept: what Pelican's write_file() had for it."""

    template: Any
    context: dict  # the page's own (Pelican's localcontext)
    shared: dict  # the context Pelican sets `localsiteurl` in
    localsiteurl: Any
    path: str = ""


class _Kept:
    """A template whose render() keeps the page for later and returns nothing."""

    def __init__(self, template, shared: dict, writer: "BuildWriter"):
        self.template = template
        self.shared = shared
        self.writer = writer

    def render(self, context) -> str:
        # Pelican has just set the shared localsiteurl for this page, as it renders it.
        self.writer.kept = Page(
            self.template, context, self.shared, self.shared.get("localsiteurl", MISSING)
        )
        return ""


class _Finishing:
    """A file that is given a page whole and writes it finished."""

    def __init__(self, file, path: str, settings):
        self.file, self.path, self.settings = file, path, settings

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.file.close()

    def write(self, html: str) -> None:
        html, notes = finishing.finish(self.path, html, self.settings)
        self.file.write(html)
        finishing.collect(self.path, notes)


class BuildWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.workers = workers_of(self.settings)
        self.batch = self.settings.get("BUILD_BATCH_PAGES") or BATCH
        self.fork = fork()
        self.deferring = self.workers > 1 and self.fork is not None
        self.kept = None  # the page _Kept.render() noted, until _open_w() files it
        self.writing_page = False
        self.pages: list[Page] = []  # kept, in the order Pelican wrote them
        self.started = 0  # pages[:started] are with a worker or done
        self.running = []  # (process, pipe)
        self.unwritten: set[str] = set()  # the paths of the pages kept, until written
        self.written: list[tuple[str, dict]] = []  # content_written, in Pelican's order
        self.sent = 0  # written[:sent] have had their content_written
        self.failures: list[str] = []
        writers.append(self)

    def write_file(self, name, template, context, *args, **kwargs):
        self.writing_page = True
        try:
            if not self.deferring:
                return super().write_file(name, template, context, *args, **kwargs)
            # Sent by finish_writing(), once each page is on disk.
            with signals.content_written.muted():
                return super().write_file(
                    name, _Kept(template, context, self), context, *args, **kwargs
                )
        finally:
            self.writing_page = False
            self.kept = None

    def _open_w(self, filename, encoding, override=False):
        if not self.writing_page:  # a feed: Pelican writes it as it is
            return super()._open_w(filename, encoding, override)
        if filename in self.unwritten:
            # A page written again (an override): everything before it is
            # written first, with its content_written, as Pelican would have.
            muted = signals.content_written.is_muted
            signals.content_written.is_muted = False
            try:
                self.finish_writing()
            finally:
                signals.content_written.is_muted = muted
        file = super()._open_w(filename, encoding, override)
        skipped = file.name == os.devnull
        if not self.deferring:
            return file if skipped else _Finishing(file, filename, self.settings)
        page, self.kept = self.kept, None
        self.written.append((filename, page.context))
        if not skipped:
            page.path = filename
            self.pages.append(page)
            self.unwritten.add(filename)
            if self.workers > 1 and len(self.pages) - self.started >= self.batch:
                self._reap()
                # One core stays with Pelican, which is still making pages.
                if len(self.running) < self.workers - 1:
                    self._start(self.started + self.batch)
        return file

    def finish_writing(self) -> None:
        """Render and write every page still kept, then send their `content_written`."""
        rest = len(self.pages) - self.started
        if rest < min(SMALL, self.batch):
            pages = self.pages[self.started :]
            # Rendering here moves the shared localsiteurl: it is put back after.
            left = {
                id(page.shared): (page.shared, page.shared.get("localsiteurl", MISSING))
                for page in pages
            }
            failures, results = _render(pages, self.settings)
            for shared, localsiteurl in left.values():
                _set_localsiteurl(shared, localsiteurl)
            self.started = len(self.pages)
            self._take(failures, results)
        else:
            share = -(-rest // self.workers)
            while self.started < len(self.pages):
                self._start(min(self.started + share, len(self.pages)))
        self._reap(wait=True)
        failures = self.failures
        if not failures:
            self._send_written()
        self.pages, self.started, self.failures, self.written, self.sent = [], 0, [], [], 0
        self.unwritten = set()
        if failures:
            # Translators: {pages} is each page's path and the error that stopped it.
            raise RuntimeError(_("could not render {pages}").format(pages="\n".join(failures)))

    def _start(self, last: int) -> None:
        batch = self.pages[self.started : last]
        receiver, sender = self.fork.Pipe(duplex=False)
        worker = self.fork.Process(target=_render_batch, args=(batch, self.settings, sender))
        worker.start()
        sender.close()
        self.running.append((worker, receiver))
        self.started = last

    def _reap(self, wait: bool = False) -> None:
        """Take the results of the workers that are done (of all of them if WAIT)."""
        for worker, receiver in list(self.running):
            # A worker is done when its results come: it stays alive until
            # they are read, as they are larger than the pipe holds.
            if wait or receiver.poll():
                try:
                    failures, results = receiver.recv()
                except EOFError:
                    stopped = _("a worker stopped (exit code {code})").format(code=worker.exitcode)
                    failures, results = [stopped], []
                worker.join()
                self.running.remove((worker, receiver))
                self._take(failures, results)

    def _take(self, failures, results) -> None:
        self.failures += failures
        for path, notes in results:
            finishing.collect(path, notes)
            self.unwritten.discard(path)
        self._send_written()

    def _send_written(self) -> None:
        """content_written for the pages on disk, in Pelican's order: up to the first that is not."""
        # Sent while Pelican is still making pages, as Pelican itself sends it.
        muted = signals.content_written.is_muted
        signals.content_written.is_muted = False
        try:
            while (
                self.sent < len(self.written) and self.written[self.sent][0] not in self.unwritten
            ):
                path, context = self.written[self.sent]
                self.sent += 1
                signals.content_written.send(path, context=context)
        finally:
            signals.content_written.is_muted = muted


def _set_localsiteurl(shared: dict, localsiteurl) -> None:
    if localsiteurl is MISSING:
        shared.pop("localsiteurl", None)
    else:
        shared["localsiteurl"] = localsiteurl


def _render(pages: list[Page], settings) -> tuple[list[str], list[tuple[str, list]]]:
    failures, results = [], []
    for page in pages:
        # As Pelican's write_file() left it when it rendered this page.
        _set_localsiteurl(page.shared, page.localsiteurl)
        try:
            html, notes = finishing.finish(page.path, page.template.render(page.context), settings)
            Path(page.path).write_text(html, encoding="utf-8")
            results.append((page.path, notes))
        except Exception:  # reported with the page's path; the build then fails
            failures.append(f"{page.path}:\n{traceback.format_exc()}")
    return failures, results


def _render_batch(pages, settings, sender) -> None:
    sender.send(_render(pages, settings))
    sender.close()
