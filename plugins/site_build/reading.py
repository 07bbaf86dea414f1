"""Reading ahead: a reader's costly, pure part run for every file on every core, and kept.

Pelican reads one file after another. A reader class may split its read()
in two (the read-ahead protocol; duck-typed, nothing to import):

    prepare(text) -> JSON-ready data        # costly, pure: the text and settings only
    read_prepared(source_path, data) -> (content, metadata)
    prepared_key() -> str                   # what else decides prepare()'s result

ReadAhead runs prepare() for the files of a generator in forked worker
processes while Pelican reads them in turn, and keeps the results in
CACHE_PATH/prepared/<prepared_key()>.json, keyed by the SHA-256 of the
file's text. A reader without the protocol is left as Pelican made it.
"""

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pelican.utils import pelican_open

PROTOCOL = ("prepare", "read_prepared", "prepared_key")


def reads_ahead(reader) -> bool:
    return all(callable(getattr(reader, name, None)) for name in PROTOCOL)


def text_of(path: str) -> str:
    with pelican_open(path) as text:
        return text


# (reader, text) of this build's files, for its worker processes, which inherit them by fork.
_work = []


def _prepare(index: int):
    reader, text = _work[index]
    try:
        return reader.prepare(text)
    except Exception:  # read again by Pelican, which reports it for this file alone
        return None


class ReadAhead:
    """Prepared files, handed out as Pelican reads them while workers prepare the rest.

    Files the cache knows are ready at once; the others are prepared by
    worker processes in the order Pelican reads them, so that Pelican's own
    work on each file overlaps theirs. close() saves the cache with exactly
    the files of this build.
    """

    def __init__(self, files: list[tuple[str, object]], cache: Path, *, workers: int, fork):
        """FILES: (path, reader) in the order Pelican reads them."""
        global _work  # noqa: PLW0603 - handed to forked workers, never pickled
        texts = {path: text_of(path) for path, _ in files}
        readers = dict(files)
        self.caches = {}  # prepared_key -> {text hash: data}
        self.keys = {}  # path -> (prepared_key, text hash)
        prepared_keys = {}  # one call a reader: it may hash code and list libraries
        for path, reader in files:
            if id(reader) not in prepared_keys:
                prepared_keys[id(reader)] = reader.prepared_key()
            key = prepared_keys[id(reader)]
            if key not in self.caches:
                self.caches[key] = load(cache / f"{key}.json")
            self.keys[path] = (key, hashlib.sha256(texts[path].encode()).hexdigest())
        self.cache = cache
        self.ready = {}
        for path, (key, digest) in self.keys.items():
            if digest in self.caches[key]:
                self.ready[path] = self.caches[key][digest]
        missing = [path for path, _ in files if path not in self.ready]
        # Also rewritten when a cache holds files this build no longer has.
        kept = sum(len(entries) for entries in self.caches.values())
        self.changed = bool(missing) or kept != len(set(self.keys.values()))
        _work = [(readers[path], texts[path]) for path in missing]
        self.pool = None
        if workers > 1 and fork is not None and len(missing) > 1:
            self.pool = ProcessPoolExecutor(workers, mp_context=fork)
            made = self.pool.map(_prepare, range(len(missing)), chunksize=16)
        else:
            made = map(_prepare, range(len(missing)))
        self.pending = zip(missing, made, strict=True)
        self.exhausted = False
        self.failed = set()  # paths whose prepare() raised: read by the reader itself

    def pop(self, path: str):
        """The prepared data of the file at PATH, or None if it is not one of this build's."""
        while path not in self.ready and path not in self.failed and not self.exhausted:
            arrived = next(self.pending, None)
            if arrived is None:
                self.close()
            else:
                self._keep(*arrived)
        return self.ready.pop(path, None)

    def _keep(self, path: str, data) -> None:
        if data is None:
            self.failed.add(path)
            return
        key, digest = self.keys[path]
        self.ready[path] = self.caches[key][digest] = data

    def close(self) -> None:
        """Take what the workers still make, stop them and save the cache."""
        global _work  # noqa: PLW0603
        for path, data in self.pending:
            if data is not None:
                key, digest = self.keys[path]
                self.caches[key][digest] = data
        self.exhausted = True
        if self.changed:
            used = {}
            for key, digest in self.keys.values():
                if digest in self.caches[key]:  # not a file that failed
                    used.setdefault(key, {})[digest] = self.caches[key][digest]
            save(self.cache, used)
            self.changed = False
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
        _work = []


def load(path: Path) -> dict:
    """The cache's entries; none if it is missing or damaged (it is then rebuilt).

    Its first line is the SHA-256 of the rest, so that a torn or edited file
    is never handed to a reader as if prepare() had made it.
    """
    try:
        digest, _, text = path.read_text(encoding="utf-8").partition("\n")
        if hashlib.sha256(text.encode()).hexdigest() != digest:
            return {}
        entries = json.loads(text)
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def save(folder: Path, caches: dict[str, dict]) -> None:
    """One file for each prepared_key of this build; the others are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        if old.stem not in caches:
            old.unlink()
    for key, entries in caches.items():
        target = folder / f"{key}.json"
        text = json.dumps(entries, ensure_ascii=False)
        # Written aside then renamed: a build stopped halfway leaves no torn cache.
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        digest = hashlib.sha256(text.encode()).hexdigest()
        partial.write_text(f"{digest}\n{text}", encoding="utf-8")
        partial.replace(target)


def reading_ahead(reader, ahead: ReadAhead):
    """A copy of READER whose read() takes what AHEAD prepared.

    Of the reader's own class, by name too: Pelican puts the class's name in
    each file's metadata ("reader").
    """
    base = type(reader)

    def read(self, source_path):
        data = ahead.pop(source_path)
        if data is None:
            return base.read(self, source_path)
        return self.read_prepared(source_path, data)

    kind = type(base.__name__, (base,), {"read": read, "__qualname__": base.__qualname__})
    kind.__module__ = base.__module__
    copy = object.__new__(kind)
    copy.__dict__.update(reader.__dict__)
    return copy
