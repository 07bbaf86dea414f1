"""What a search costs a reader: bytes and requests of typical queries on a
site of N generated posts, measured in headless Chromium.

    .venv/bin/python benchmarks/search_bytes.py [--posts 2000]

Builds the site with N posts (benchmarks/corpus.py) and the production
settings, serves it from 127.0.0.1 with gzip as a host would, opens /cari/
and counts what each query downloads after the page itself: Pagefind's
script, its WebAssembly, the index chunks and the result fragments. The first
query pays for the script and WebAssembly; the next ones only for index and
fragments.
"""

import argparse
import tempfile
from pathlib import Path

from first_paint import CHROMIUM_ARGS, serve
from playwright.sync_api import sync_playwright
from regency_cost import build, make_site

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["DPT", "jadwal pemungutan suara", "Sumba Barat Daya", "pemilih pemula", "logistik"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = make_site(Path(temporary) / "site", arguments.posts)
        output = Path(temporary) / "out"
        output.mkdir()
        server, base = serve(output)
        build(
            site,
            output,
            [],
            "publishconf.py",
            {"SITEURL": base, "KPU_SEARCH": "1", "PATH": "/usr/bin:/bin"},
        )
        pages = len(list((output / "pagefind" / "fragment").iterdir()))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            context = browser.new_context()
            page = context.new_page()
            sizes = []

            def finished(request):
                # Body as sent (compressed) plus headers; worker requests count too.
                size = request.sizes()
                sizes.append((request.url, size["responseBodySize"] + size["responseHeadersSize"]))

            context.on("requestfinished", finished)
            page.goto(f"{base}/cari/")
            page.wait_for_load_state("networkidle")
            first_view = sum(size for _, size in sizes)
            print(
                f"{arguments.posts} posts, {pages} pages indexed; /cari/ first view: {first_view} bytes"
            )
            print(
                f"{'query':<26}{'all bytes':>10}{'requests':>9}{'index+fragments':>16}"
                f"{'script+wasm+meta':>17}{'results':>8}"
            )
            for query in QUERIES:
                sizes.clear()
                page.fill("#q", query)
                page.click("#cari button")
                page.wait_for_function(
                    "!document.getElementById('hasil').textContent.startsWith('Mencari')"
                )
                page.wait_for_load_state("networkidle")
                found = page.locator("#hasil li").count()
                data = sum(
                    s
                    for url, s in sizes
                    if "/index/" in url or "/fragment/" in url or "/filter/" in url
                )
                total = sum(s for _, s in sizes)
                print(
                    f"{query:<26}{total:>10}{len(sizes):>9}{data:>16}{total - data:>17}{found:>8}"
                )
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
