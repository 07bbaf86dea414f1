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
from pathlib import Path

import brotli
import minify_html

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


def finish(output: Path, minify_pages: bool, precompress: bool, cache: Path | None = None) -> None:
    for path in sorted(output.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        if minify_pages and path.suffix == ".html":
            data = minify(data.decode("utf-8")).encode("utf-8")
            path.write_bytes(data)
        if precompress:
            for suffix in COMPRESSORS:
                path.with_name(path.name + suffix).write_bytes(compressed(data, suffix, cache))
