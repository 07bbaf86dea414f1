"""The last step of a production build: minified HTML and precompressed copies.

Hosts that serve precompressed files (nginx `gzip_static`, `brotli_static`,
and most static hosts) send `page.html.br` or `page.html.gz` instead of
compressing on every request. Both are byte-for-byte reproducible: gzip with
no name and no time in its header, brotli at its highest quality.
"""

import gzip
import io
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


def finish(output: Path, minify_pages: bool, precompress: bool) -> None:
    for path in sorted(output.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        if minify_pages and path.suffix == ".html":
            data = minify(data.decode("utf-8")).encode("utf-8")
            path.write_bytes(data)
        if precompress:
            path.with_name(path.name + ".gz").write_bytes(gzip_bytes(data))
            path.with_name(path.name + ".br").write_bytes(brotli_bytes(data))
