"""How many processes a build uses, and how they start."""

import multiprocessing
import os
import sys


def workers_of(settings) -> int:
    """BUILD_WORKERS, checked: a whole number from 1 up, or one per core when unset."""
    workers = settings.get("BUILD_WORKERS")
    if workers is not None and (type(workers) is not int or workers < 1):
        raise ValueError(
            f"BUILD_WORKERS = {workers!r}: it is the number of processes a build uses, "
            "a whole number from 1 up; leave it out to use every core"
        )
    return workers or os.cpu_count() or 1


def fork():
    """The fork start method, or None where there is none or it is not the safe default.

    Workers see Pelican's contexts as they are, without pickling them, only
    when forked. Windows has no fork; macOS's default is spawn, as forking
    there is unsafe once system frameworks are loaded.
    """
    if sys.platform in ("win32", "darwin") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")
