"""Page finishing: an ordered list of transforms applied to each page in memory.

A plugin adds its transform in its register(), and BuildWriter applies every
transform, in the order they were added, to each page it writes, between the
template's rendering and the file: a page is transformed once and never read
back.

    add_page_transform(apply, collect=None)

apply(path, html, settings) -> (html, note) runs where the page is rendered,
which may be a worker process: it must depend on nothing but its arguments
(and what its module held when the build started). The note, anything
picklable or None, is handed to collect(path, note) in Pelican's own
process, before the page's `content_written`, for what a plugin keeps of
every page (site_output: the hashes that make the site's
Content-Security-Policy).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageTransform:
    apply: Callable[[str, str, Any], tuple[str, Any]]
    collect: Callable[[str, Any], None] | None = None


transforms: list[PageTransform] = []


def add_page_transform(apply, collect=None) -> None:
    """Add a step at the end of every page's finishing (once, however often it is asked)."""
    step = PageTransform(apply, collect)
    if step not in transforms:
        transforms.append(step)


def finish(path: str, html: str, settings) -> tuple[str, list]:
    """HTML after every transform, and each transform's note."""
    notes = []
    for step in transforms:
        html, note = step.apply(path, html, settings)
        notes.append(note)
    return html, notes


def collect(path: str, notes: list) -> None:
    for step, note in zip(transforms, notes, strict=True):
        if step.collect is not None:
            step.collect(path, note)
