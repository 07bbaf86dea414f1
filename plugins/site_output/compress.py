"""Minified pages, and the compressed copies of the other text files.

minify() is applied to each page in memory, as it is written;
precompress() writes the compressed copies of every other text file, once
the site is written.

Hosts that serve precompressed files (nginx `brotli_static`, `gzip_static`)
send `script.js.br` or `script.js.gz` instead of compressing on every
request. Both are byte-for-byte reproducible: gzip -9 with no name and no
time in its header, brotli at quality 11, which no host spends on every
request. Pages (.html, .xml, .txt) get no copies: a host compresses them as
it sends them, at the quality a build would use for so many files, to about
the same bytes (PAGE_ENCODINGS, below).

Files other than pages are the same from one build to the next, so their
compressed copies are kept in a cache folder named by the SHA-256 of the
input.
"""

import gzip
import hashlib
import io
import os
import re
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import brotli
import minify_html

TEXT_SUFFIXES = {".html", ".css", ".js", ".xml", ".txt", ".svg", ".json", ".webmanifest"}


def minify(html: str) -> str:
    # Scripts are left byte for byte: a Content-Security-Policy allows them by
    # hash. The stylesheet comes minified (minified_css): minifying it again
    # in every page would take two thirds of the time.
    return minify_html.minify(html, minify_css=False, minify_js=False, keep_closing_tags=True)


def minified_css(css: str) -> str:
    """The stylesheet without the line breaks between its rules.

    It is written minified, one rule a line. A CSS minifier would save a few
    dozen bytes and rewrite for new browsers only: minify-html's
    (lightningcss) turns `@media (max-width:30em)` into `(width<=30em)`,
    which KaiOS 2.5 (Firefox 48) and Chrome before 104 skip.
    """
    return re.sub(r"\}\s*\n\s*", "}", css).strip()


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as file:
        file.write(data)
    return buffer.getvalue()


def brotli_bytes(data: bytes, quality: int = 11) -> bytes:
    return brotli.compress(data, quality=quality)


# Pages are as many as the posts, and get no copies. Their copies were
# brotli at quality 5 (quality 11 took 13 ms a page for 7% fewer bytes),
# which is what a host's brotli makes on the fly (deploy/nginx sets 5), as
# its gzip at level 6 comes within 0.1% of gzip -9 (3,985 against 3,982
# bytes, averaged over 800 pages). The reader gets about the same bytes;
# the build saves a millisecond and a file per page, two thirds of
# finishing it, and GitHub Pages, which ignores such copies, is not sent
# them. The web editor's files get quality 5 (editors only; its 5 MB
# script takes 12 s at quality 11).
PAGE_SUFFIXES = {".html", ".xml", ".txt"}
PAGE_ENCODINGS = ()
FAST_QUALITY = 5

COMPRESSORS = {".gz": gzip_bytes, ".br": brotli_bytes}


def encodings_of(path: Path) -> tuple[str, ...]:
    """The compressed copies a file gets: none for pages, .gz and .br for the rest."""
    return PAGE_ENCODINGS if path.suffix in PAGE_SUFFIXES else tuple(COMPRESSORS)


def compressed(data: bytes, suffix: str, cache: Path | None, fast: bool = False) -> bytes:
    """data compressed for SUFFIX (.gz or .br), through the cache when there is one."""
    make, kind = COMPRESSORS[suffix], suffix
    if suffix == ".br" and fast:
        make, kind = partial(brotli_bytes, quality=FAST_QUALITY), f".br{FAST_QUALITY}"
    if cache is None:
        return make(data)
    cached = cache / (hashlib.sha256(data).hexdigest() + kind)
    if cached.exists():
        return cached.read_bytes()
    result = make(data)
    cache.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: a build stopped halfway leaves no torn entry.
    aside = cached.with_name(f"{cached.name}.{os.getpid()}.partial")
    aside.write_bytes(result)
    aside.replace(cached)
    return result


def precompress(
    output: Path,
    *,
    cache: Path | None = None,
    fast: tuple[str, ...] = (),
    workers: int | None = None,
    fork=None,
) -> None:
    """The compressed copies of every text file in OUTPUT that is not a page.

    Files under a top folder named in FAST get brotli at FAST_QUALITY.
    workers: processes (default: one per core); fork: their start method's
    context (default: the platform's).
    """
    files = [
        path
        for path in output.rglob("*")
        if path.suffix in TEXT_SUFFIXES and encodings_of(path) and path.is_file()
    ]
    # Largest first: the web editor's 5 MB script takes seconds, and
    # started last it would keep one core busy after the rest.
    files.sort(key=lambda path: (-path.stat().st_size, path))
    quick = [path.relative_to(output).parts[0] in fast for path in files]
    write = partial(write_copies, cache=cache)
    if workers == 1 or len(files) < 2:
        list(map(write, files, quick))
        return
    # Every core works: brotli at quality 11 is most of it.
    with ProcessPoolExecutor(workers, mp_context=fork) as pool:
        list(pool.map(write, files, quick, chunksize=8))


def write_copies(path: Path, fast: bool, *, cache: Path | None) -> None:
    """The file's compressed copies (FAST_QUALITY if fast)."""
    data = path.read_bytes()
    for suffix in encodings_of(path):
        path.with_name(path.name + suffix).write_bytes(compressed(data, suffix, cache, fast))
