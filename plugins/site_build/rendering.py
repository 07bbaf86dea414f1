"""Pages rendered on every core, while Pelican's generators are still running.

Pelican's writer renders a template and writes the file in one step, one page
after another. Here each generator's templates are wrapped: Pelican's writer
goes through all its checks (a file written twice, an address outside the
output) and writes an empty file, and the template and its page context are
kept. Every BATCH pages, a forked worker process renders them and writes each
through a finishing function (site_output's: minified, its
Content-Security-Policy, compressed copies) while Pelican goes on;
render_all() shares out the rest among the cores and waits for all. Forked
workers see the contexts as they are, without copying or pickling them. A
failure in a worker fails the build, naming the page.
"""

import traceback
from multiprocessing import get_context
from pathlib import Path

from pelican.utils import sanitised_join

BATCH = 1000
SMALL = 100
FORK = get_context("fork")


class DeferredTemplate:
    def __init__(self, template, rendering: "DeferredRendering", output_path: str):
        self.template = template
        self.rendering = rendering
        self.output_path = output_path

    def render(self, context) -> str:
        path = sanitised_join(self.output_path, context["output_file"])
        self.rendering.keep((path, self.template, context))
        return ""


class DeferredRendering:
    def __init__(self):
        self.workers = 1
        self.jobs = []
        self.started = 0
        self.running = []
        self.failures = []
        self.finish = None
        self.notes = {}

    def attach(self, generator, workers: int, finish=None) -> None:
        """Defer GENERATOR's templates; FINISH(path, text) -> notes writes each page."""
        self.workers = workers
        self.finish = finish
        get_template = generator.get_template

        def deferred(name):
            return DeferredTemplate(get_template(name), self, generator.output_path)

        generator.get_template = deferred

    def keep(self, job) -> None:
        self.jobs.append(job)
        if self.workers == 1:
            return
        self.reap()
        # One core stays with Pelican, which is still making pages.
        if len(self.jobs) - self.started >= BATCH and len(self.running) < self.workers - 1:
            # No more than BATCH: what Pelican makes meanwhile waits for
            # render_all(), which shares it out among every core.
            self.start(self.started + BATCH)

    def start(self, last: int) -> None:
        receiver, sender = FORK.Pipe(duplex=False)
        worker = FORK.Process(
            target=_render_batch, args=(self.jobs[self.started : last], self.finish, sender)
        )
        worker.start()
        sender.close()
        self.running.append((worker, receiver))
        self.started = last

    def reap(self, wait: bool = False) -> None:
        """Take the results of the workers that are done (all of them if WAIT)."""
        for worker, receiver in list(self.running):
            # A worker is done when its results come: it stays alive until
            # they are read, as they are larger than the pipe holds.
            if wait or receiver.poll():
                try:
                    failures, notes = receiver.recv()
                except EOFError:
                    failures, notes = [f"a worker stopped (exit code {worker.exitcode})"], {}
                self.failures += failures
                self.notes |= notes
                worker.join()
                self.running.remove((worker, receiver))

    def render_all(self) -> dict[str, object]:
        """Render and write every page still kept; return FINISH's notes by page."""
        rest = len(self.jobs) - self.started
        # Forking is worth it for many pages, not for the preview's one.
        if self.workers == 1 or rest < SMALL:
            failures, notes = _render(self.jobs[self.started :], self.finish)
            self.failures += failures
            self.notes |= notes
        else:
            share = -(-rest // self.workers)
            while self.started < len(self.jobs):
                self.start(min(self.started + share, len(self.jobs)))
        self.reap(wait=True)
        failures, notes = self.failures, self.notes
        self.jobs, self.started, self.failures, self.notes = [], 0, [], {}
        if failures:
            raise RuntimeError("could not render " + "\n".join(failures))
        return notes


def _render(jobs, finish) -> tuple[list[str], dict[str, object]]:
    failures, notes = [], {}
    for path, template, context in jobs:
        try:
            text = template.render(context)
            if finish is None:
                Path(path).write_text(text, encoding="utf-8")
            else:
                notes[path] = finish(Path(path), text)
        except Exception:  # reported with the page's path; the build then fails
            failures.append(f"{path}:\n{traceback.format_exc()}")
    return failures, notes


def _render_batch(jobs, finish, sender) -> None:
    sender.send(_render(jobs, finish))
    sender.close()
