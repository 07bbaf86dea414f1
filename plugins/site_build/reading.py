"""Every article's Markdown and typogrify on every core, and kept between builds.

ReadAhead hands out kpu_content.reading.prepare() of each file. Results are
kept in CACHE_PATH/prepared/<fingerprint>.json, keyed by the SHA-256 of the
file's text. The fingerprint covers what else decides the HTML: the
settings prepare() reads, the site's plugin code and the lock file (the
versions of Markdown and typogrify). Any change to them starts a new cache,
and the build removes the old one.
"""

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from pelican.utils import pelican_open

from kpu_content.reading import Prepared, prepare

PLUGINS = Path(__file__).resolve().parent.parent
# The settings prepare() reads; the others cannot change its result.
PREPARE_SETTINGS = (
    "MARKDOWN",
    "FORMATTED_FIELDS",
    "TYPOGRIFY_DASHES",
    "TYPOGRIFY_IGNORE_TAGS",
    "TYPOGRIFY_OMIT_FILTERS",
)


def fingerprint(settings) -> str:
    digest = hashlib.sha256()
    digest.update(repr([(name, settings.get(name)) for name in PREPARE_SETTINGS]).encode())
    lock = PLUGINS.parent / "requirements.lock"
    for path in [*sorted(PLUGINS.rglob("*.py")), lock]:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_of(path: str) -> str:
    with pelican_open(path) as text:
        return text


# The settings of a build, for its worker processes, which inherit them by fork.
_settings = None


def _prepare(text: str) -> Prepared:
    return prepare(text, _settings)


class ReadAhead:
    """Prepared files, handed out as Pelican reads them while workers prepare the rest.

    Files the cache knows are ready at once; the others are prepared by
    worker processes in the order Pelican reads them, so Pelican's own work
    on each article overlaps theirs. When the last is handed out, the cache
    is saved with exactly the files of this build.
    """

    def __init__(self, paths: list[str], settings, *, cache: Path, workers: int):
        global _settings  # noqa: PLW0603 - handed to forked workers, never pickled
        _settings = settings
        texts = {path: text_of(path) for path in paths}
        self.keys = {
            path: hashlib.sha256(text.encode()).hexdigest() for path, text in texts.items()
        }
        self.cache = cache
        self.known = load(cache)
        self.ready = {path: self.known[key] for path, key in self.keys.items() if key in self.known}
        missing = [path for path in paths if path not in self.ready]
        self.pool = None
        if workers > 1 and len(missing) > 1:
            self.pool = ProcessPoolExecutor(workers, mp_context=get_context("fork"))
            made = self.pool.map(_prepare, [texts[path] for path in missing], chunksize=16)
        else:
            made = map(_prepare, [texts[path] for path in missing])
        self.pending = zip(missing, made, strict=True)
        self.exhausted = False
        # Also rewritten when it holds files this build no longer has.
        self.changed = bool(missing) or len(self.known) != len(set(self.keys.values()))

    def pop(self, path: str, default=None):
        while path not in self.ready and not self.exhausted:
            arrived = next(self.pending, None)
            if arrived is None:
                self.close()
            else:
                self.ready[arrived[0]] = self.known[self.keys[arrived[0]]] = arrived[1]
        return self.ready.pop(path, default)

    def close(self) -> None:
        """Take what the workers still make, stop them and save the cache."""
        for path, prepared in self.pending:
            self.known[self.keys[path]] = prepared
        self.exhausted = True
        if self.changed:
            save(self.cache, {key: self.known[key] for key in self.keys.values()})
            self.changed = False
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def load(cache: Path) -> dict[str, Prepared]:
    """The cache's entries; none if it is missing or not as save() writes it (it is rebuilt)."""
    try:
        entries = json.loads(cache.with_suffix(".json").read_text(encoding="utf-8"))
        return {key: Prepared(content, dict(fields)) for key, (content, fields) in entries.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def save(cache: Path, entries: dict[str, Prepared]) -> None:
    target = cache.with_suffix(".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    for old in target.parent.glob("*.json"):
        if old != target:
            old.unlink()
    # Written aside then renamed: a build stopped halfway leaves no torn cache.
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    data = {key: [entry.content, entry.fields] for key, entry in entries.items()}
    partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    partial.replace(target)
