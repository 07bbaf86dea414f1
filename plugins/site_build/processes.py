"""How many processes a build uses, and how they start."""

import multiprocessing
import os
import sys


def count_setting(settings, name: str, meaning: str, unset: str):
    """The setting NAME, checked: a whole number from 1 up, or None when unset."""
    value = settings.get(name)
    if value is not None and (type(value) is not int or value < 1):
        raise ValueError(
            f"{name} = {value!r}: it is {meaning}, a whole number from 1 up; leave it out {unset}"
        )
    return value


def workers_of(settings) -> int:
    """BUILD_WORKERS, checked, or one per core when unset."""
    meaning = "the number of processes a build uses"
    workers = count_setting(settings, "BUILD_WORKERS", meaning, "to use every core")
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
