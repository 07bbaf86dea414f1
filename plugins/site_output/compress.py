"""The last step of a production build: minified HTML and precompressed copies.

Hosts that serve precompressed files (nginx `gzip_static`, `brotli_static`,
and most static hosts) send `page.html.br` or `page.html.gz` instead of
compressing on every request. Both are byte-for-byte reproducible: gzip with
no name and no time in its header, brotli at its highest quality.

Brotli at quality 11 is slow (seconds for the web editor's 5 MB bundle), and
most files are the same from one build to the next, so compressed copies are
kept in a cache folder named by the SHA-256 of the input.
"""

import gzip
import hashlib
import io
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import brotli
import minify_html

from .csp import inline_hashes, with_policy

TEXT_SUFFIXES = {".html", ".css", ".js", ".xml", ".txt", ".svg", ".json", ".webmanifest"}


def minify(html: str) -> str:
    # Scripts are left byte for byte: a Content-Security-Policy allows them by hash.
    return minify_html.minify(html, minify_css=True, minify_js=False, keep_closing_tags=True)


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as file:
        file.write(data)
    return buffer.getvalue()


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, quality=11)


COMPRESSORS = {".gz": gzip_bytes, ".br": brotli_bytes}


def compressed(data: bytes, suffix: str, cache: Path | None) -> bytes:
    """data compressed by COMPRESSORS[suffix], through the cache when there is one."""
    if cache is None:
        return COMPRESSORS[suffix](data)
    cached = cache / (hashlib.sha256(data).hexdigest() + suffix)
    if cached.exists():
        return cached.read_bytes()
    result = COMPRESSORS[suffix](data)
    cache.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: a build stopped halfway leaves no torn entry.
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.partial")
    partial.write_bytes(result)
    partial.replace(cached)
    return result


def finish(
    output: Path,
    minify_pages: bool,
    precompress: bool,
    *,
    cache: Path | None = None,
    policy_for: Callable[[set[str], set[str]], str] | None = None,
    skip: tuple[str, ...] = (),
    workers: int | None = None,
) -> str | None:
    """Minify the pages, give them a Content-Security-Policy, precompress every text file.

    policy_for(script hashes, style hashes) makes the site's policy from the
    hashes found in all pages; pages under a top folder named in skip (the
    web editor's) are left as they are. workers: processes that compress
    (default: one per core). Returns the policy.
    """
    pages = [
        path
        for path in sorted(output.rglob("*.html"))
        if path.relative_to(output).parts[0] not in skip
    ]
    # One pass minifies and collects the hashes of the final inline code;
    # the policy needs all of them before it goes into any page.
    scripts, styles = set(), set()
    for path in pages if minify_pages or policy_for else []:
        html = path.read_text(encoding="utf-8")
        if minify_pages:
            html = minify(html)
            path.write_text(html, encoding="utf-8")
        found = inline_hashes(html)
        scripts |= found[0]
        styles |= found[1]
    site_policy = None
    if policy_for is not None:
        site_policy = policy_for(scripts, styles)
        for path in pages:
            html = path.read_text(encoding="utf-8")
            path.write_text(with_policy(html, site_policy), encoding="utf-8")
    if precompress:
        texts = [p for p in sorted(output.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES]
        # Brotli at quality 11 is most of a cold build's time: every core works.
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(partial(precompress_file, cache=cache), texts, chunksize=16))
    return site_policy


def precompress_file(path: Path, cache: Path | None) -> None:
    data = path.read_bytes()
    for suffix in COMPRESSORS:
        path.with_name(path.name + suffix).write_bytes(compressed(data, suffix, cache))
