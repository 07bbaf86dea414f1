"""Work for the moments a core would otherwise wait: processes at the lowest priority.

A build keeps both cores busy most of the time, but not all of it: Pelican
sorts its lists on one core, and the search indexer leaves part of a core
free. A photo takes about half a second to encode, nothing else waits for it,
so photos are encoded into their caches from the start by processes at nice
19. Those get a core only when nothing else wants it, and the writers of
the copies, which run last, find them done (or encode what is left).

Warming a cache is best effort: a job that fails leaves its entry missing,
and the writer then encodes that photo itself and reports what is wrong.
"""

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


class IdleWork:
    def __init__(self):
        self.pool = None

    def submit(self, function, *args) -> None:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                os.cpu_count(), mp_context=get_context("fork"), initializer=os.nice, initargs=(19,)
            )
        self.pool.submit(function, *args)

    def wait(self) -> None:
        """Until every job is done; their failures are left to the writers."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        self.pool = None


idle_work = IdleWork()
