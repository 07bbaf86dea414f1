"""Work that nothing waits for, done while cores would otherwise be idle.

A small library for the site's features, not a Pelican plugin: photos and
share_links hand it the encoding of each photo's copies into their caches
from the start of a build, and write the copies the pages need at the end,
finding most of them done. Jobs run in processes at the lowest priority
(where the system has one), so that they take a core only when nothing
else wants it. It works without the build accelerator; BUILD_WORKERS = 1
(every step in Pelican's own process) turns it off, and then whoever needs
a result makes it, more slowly.

Jobs are module-level functions with picklable arguments, so that they run
under any start method (fork, spawn on Windows and macOS).
"""

import os
from concurrent.futures import ProcessPoolExecutor


def workers(settings) -> int:
    """The processes a build may use: BUILD_WORKERS (checked by site_build), or one per core."""
    return settings.get("BUILD_WORKERS") or os.cpu_count() or 1


def _lowest_priority() -> None:
    if hasattr(os, "nice"):
        os.nice(19)


class IdleWork:
    def __init__(self):
        self.pool = None

    def submit(self, settings, function, *args) -> None:
        """Run FUNCTION(*ARGS) at the lowest priority, if this build has more than one process."""
        if workers(settings) == 1:
            return
        if self.pool is None:
            self.pool = ProcessPoolExecutor(workers(settings), initializer=_lowest_priority)
        self.pool.submit(function, *args)

    def wait(self) -> None:
        """Until every job is done; their failures are left to whoever needs the result."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        self.pool = None


idle_work = IdleWork()
