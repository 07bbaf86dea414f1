"""What a long build or import is doing, and how far it is.

On a terminal, a progress bar drawn with rich on Pelican's own console, so
that Pelican's log lines print above it. Anywhere else (a CI log, a pipe), a
plain line when a step starts, every LINE_SECONDS while it runs, and when it
ends, on stderr. KPU_PROGRESS=0 turns both off.

As a Pelican plugin it shows the posts read and the pages written; other
features report their own long steps with `step()`.
"""

import os
import re
import sys
import time

from rich.console import RenderHook
from rich.text import Text

from translations import _, decimal, language

LINE_SECONDS = 10.0


def _console():
    from pelican.log import console  # noqa: PLC0415

    return console


class Step:
    """One long piece of work: COUNT of TOTAL (if known) done, in things or in bytes."""

    def __init__(
        self, label: str, total: int | None = None, *, in_bytes=False, console=None, stream=None
    ):
        self.label, self.total, self.count, self.in_bytes = label, total, 0, in_bytes
        self.started = self.shown = time.monotonic()
        self.stream = stream or sys.stderr
        self.bar = None
        if os.environ.get("KPU_PROGRESS", "1") == "0":
            self.stream = None
            return
        console = console or _console()
        if console.is_terminal:
            from rich.progress import (  # noqa: PLC0415
                BarColumn,
                DownloadColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn() if in_bytes else MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self.task = self.bar.add_task(label, total=total)
            self.bar.start()
        else:
            self._line()

    def advance(self, amount: int = 1) -> None:
        self.count += amount
        if self.bar is not None:
            self.bar.update(self.task, completed=self.count)
        elif self.stream is not None and time.monotonic() - self.shown >= LINE_SECONDS:
            self._line()

    def close(self, finished: bool = True) -> None:
        """End the step; the last line says it is done only if it FINISHED."""
        seconds = time.monotonic() - self.started if finished else None
        if self.bar is not None:
            self.bar.stop()
            # What was done stays on the screen when the bar goes.
            self.bar.console.print(self._text(seconds), markup=False, highlight=False)
            self.bar = None
        elif self.stream is not None:
            print(self._text(seconds), file=self.stream, flush=True)
        self.stream = None

    def _line(self) -> None:
        self.shown = time.monotonic()
        print(self._text(), file=self.stream, flush=True)

    def _text(self, seconds: float | None = None) -> str:
        parts = []
        count, total = (
            (f"{decimal(self.count / 1e6)} MB", f"{decimal((self.total or 0) / 1e6)} MB")
            if self.in_bytes
            else (str(self.count), str(self.total))
        )
        if self.total is not None:
            parts.append(_("{count} of {total}").format(count=count, total=total))
        elif self.count:
            parts.append(count)
        if seconds is not None:
            # Translators: the end of a step; s is seconds (detik).
            parts.append(_("done in {seconds} s").format(seconds=decimal(seconds)))
        return f"{self.label}: {', '.join(parts) or '...'}"

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        self.close(finished=kind is None)


def step(label: str, total: int | None = None, *, in_bytes=False) -> Step:
    return Step(label, total, in_bytes=in_bytes)


# The plugin: posts read, then pages written, in Pelican's process.
steps: dict[str, Step] = {}


def start_reading(generator):
    settings = generator.settings
    found = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    steps["reading"] = step(_("Reading posts"), len(found))


def post_read(generator, metadata):
    if "reading" in steps:
        steps["reading"].advance()


def finish(name):
    if name in steps:
        steps.pop(name).close()


def start_writing(generators):
    finish("reading")
    steps["writing"] = step(_("Writing pages"))


def page_written(path, context):
    if "writing" in steps:
        steps["writing"].advance()


def finish_writing(pelican):
    finish("writing")
    _console().push_render_hook(DoneSaid())


# Pelican's last line (pelican/__init__.py), printed on its console after `finalized`.
DONE = re.compile(
    r"Done: Processed (\d+) articles?, (\d+) drafts?, (\d+) hidden articles?, (\d+) pages?, "
    r"(\d+) hidden pages? and (\d+) draft pages? in ([\d.]+) seconds\."
)


class DoneSaid(RenderHook):
    """Pelican's "Done: Processed 25 articles, ..." in the editor's words; any other line
    passes unchanged."""

    def process_renderables(self, renderables):
        return [self.said(renderable) for renderable in renderables]

    @staticmethod
    def said(renderable):
        found = DONE.fullmatch(str(renderable).strip()) if isinstance(renderable, Text) else None
        if not found or language() == "en":  # a developer's English: Pelican's own line
            return renderable
        articles, drafts, hidden, pages, hidden_pages, draft_pages, seconds = found.groups()
        message = _(
            "Done: {articles} posts, {drafts} drafts, {hidden} hidden posts, {pages} "
            "pages, {hidden_pages} hidden pages and {draft_pages} draft pages, in "
            "{seconds} seconds"
        ).format(
            articles=articles,
            drafts=drafts,
            hidden=hidden,
            pages=pages,
            hidden_pages=hidden_pages,
            draft_pages=draft_pages,
            seconds=decimal(float(seconds)),
        )
        return Text(message)


def register():
    from pelican import signals  # noqa: PLC0415

    signals.article_generator_init.connect(start_reading)
    signals.article_generator_context.connect(post_read)
    signals.all_generators_finalized.connect(start_writing)
    signals.content_written.connect(page_written)
    signals.finalized.connect(finish_writing)
