"""The last step of a production build: minified HTML and precompressed copies.

Hosts that serve precompressed files (nginx `gzip_static`, `brotli_static`,
and most static hosts) send `page.html.br` or `page.html.gz` instead of
compressing on every request. Both are byte-for-byte reproducible: gzip with
no name and no time in its header, brotli at quality 11 for the scripts a
reader's browser keeps and 5 for pages (FAST_QUALITY, below).

Files other than pages are the same from one build to the next, so their
compressed copies are kept in a cache folder named by the SHA-256 of the
input.
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


def brotli_bytes(data: bytes, quality: int = 11) -> bytes:
    return brotli.compress(data, quality=quality)


# Pages are as many as the posts, and brotli's quality 11 takes 13 ms for a
# page where quality 5 takes 0.3 ms and makes it 7% larger (about 190 bytes
# of 2,600). Every page fits the first 14 KB round trip either way, so pages
# get quality 5, as do the web editor's files (editors only; its 5 MB script
# takes 12 s at quality 11). The files every reader's browser loads once and
# keeps (Pagefind's runtime and index entry) get 11.
PAGE_SUFFIXES = {".html", ".xml", ".txt"}
FAST_QUALITY = 5

COMPRESSORS = {".gz": gzip_bytes, ".br": brotli_bytes}


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


def finish(
    output: Path,
    minify_pages: bool,
    precompress: bool,
    *,
    cache: Path | None = None,
    policy_for: Callable[[set[str], set[str]], str] | None = None,
    skip: tuple[str, ...] = (),
    workers: int | None = None,
    minified: dict[Path, tuple[set[str], set[str]]] | None = None,
) -> str | None:
    """Minify the pages, give them a Content-Security-Policy, precompress every text file.

    policy_for(script hashes, style hashes) makes the site's policy from the
    hashes found in all pages; pages under a top folder named in skip (the
    web editor's) are left as they are. workers: processes that compress
    (default: one per core). minified: pages already minified as they were
    rendered (site_build), with their hashes. Returns the policy.
    """
    minified = minified or {}
    pages = {
        path for path in output.rglob("*.html") if path.relative_to(output).parts[0] not in skip
    }
    scripts, styles = set(), set()
    site_policy = None
    # Every core works: brotli, minify-html and the hashing are most of a
    # production build's last step.
    with ProcessPoolExecutor(workers) as pool:
        # One pass minifies and collects the hashes of the final inline code;
        # the policy needs all of them before it goes into any page.
        if minify_pages or policy_for:
            work = partial(minify_page, minify_pages=minify_pages)
            rest = sorted(pages - minified.keys())
            for found_scripts, found_styles in [
                *pool.map(work, rest, chunksize=64),
                *(minified[path] for path in pages & minified.keys()),
            ]:
                scripts |= found_scripts
                styles |= found_styles
        if policy_for is not None:
            site_policy = policy_for(scripts, styles)
        files = [
            path
            for path in (output.rglob("*") if precompress else pages)
            if path in pages or (path.suffix in TEXT_SUFFIXES and path.is_file())
        ]
        # Largest first: the web editor's 5 MB script takes seconds at quality
        # 11, and started last it would keep one core busy after the rest.
        files.sort(key=lambda path: (-path.stat().st_size, path))
        fast = [
            path.suffix in PAGE_SUFFIXES or path.relative_to(output).parts[0] in skip
            for path in files
        ]
        work = partial(finish_file, policy=site_policy, precompress=precompress, cache=cache)
        list(pool.map(work, files, [path in pages for path in files], fast, chunksize=8))
    return site_policy


def minify_page(path: Path, minify_pages: bool) -> tuple[set[str], set[str]]:
    """Minify one page in place; return the hashes of its inline scripts and styles."""
    html, hashes = finished_html(path.read_text(encoding="utf-8"), minify_pages)
    if minify_pages:
        path.write_text(html, encoding="utf-8")
    return hashes


def finished_html(html: str, minify_pages: bool) -> tuple[str, tuple[set[str], set[str]]]:
    """A page as this step leaves it before the policy, and the hashes of its inline code."""
    html = minify(html) if minify_pages else html
    return html, inline_hashes(html)


def finish_file(
    path: Path,
    is_page: bool,
    fast: bool,
    *,
    policy: str | None,
    precompress: bool,
    cache: Path | None,
) -> None:
    """Put the policy into a page, then write the file's compressed copies (FAST_QUALITY if fast)."""
    data = path.read_bytes()
    if policy and is_page:
        data = with_policy(data.decode("utf-8"), policy).encode("utf-8")
        path.write_bytes(data)
    if precompress:
        # A page compresses faster than the cache could look it up.
        cache = None if path.suffix in PAGE_SUFFIXES else cache
        for suffix in COMPRESSORS:
            path.with_name(path.name + suffix).write_bytes(compressed(data, suffix, cache, fast))
