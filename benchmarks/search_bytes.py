"""What a search costs a reader: bytes and requests of typical queries on a
site of N generated posts, measured in headless Chromium.

    .venv/bin/python benchmarks/search_bytes.py [--posts 2000]

Builds the site with N posts (benchmarks/corpus.py) and the production
settings, serves it from 127.0.0.1 with gzip as a host would, and runs each
query in a fresh browser context: the bytes the query itself needs (index
chunks, filters, result fragments) apart from Pagefind's runtime, which a
visit pays once. Then, as the reference, indexes the same pages again with
Pagefind's own default chunk size and measures the same queries.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from first_paint import CHROMIUM_ARGS, serve
from playwright.sync_api import sync_playwright
from regency_cost import build, make_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from search.canonical import canonicalise  # noqa: E402

QUERIES = ["DPT", "jadwal pemungutan suara", "Sumba Barat Daya", "pemilih pemula", "logistik"]


def measure(base: str) -> list[dict]:
    """Bytes of /cari/'s first view, then of each query from a cold cache, in Chromium.

    Each query runs in a fresh browser context, as a reader who opens the
    search page and asks one question: the runtime (Pagefind's script,
    WebAssembly and metadata) is counted apart from what the query itself
    needs (index chunks, filters, result fragments).
    """
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for query in ["", *QUERIES]:
            # wait_for_function evaluates with eval(), which the site's CSP forbids;
            # the policy changes no byte, and the tests run search under it.
            context = browser.new_context(bypass_csp=True)
            page = context.new_page()
            sizes = []

            def finished(request, sizes=sizes):
                # Body as sent (compressed) plus headers; worker requests count too.
                size = request.sizes()
                sizes.append((request.url, size["responseBodySize"] + size["responseHeadersSize"]))

            context.on("requestfinished", finished)
            page.goto(f"{base}/cari/")
            page.wait_for_load_state("networkidle")
            if not query:
                rows.append({"query": "", "all": sum(s for _, s in sizes), "requests": len(sizes)})
                context.close()
                continue
            sizes.clear()
            page.fill("#q", query)
            page.click("#cari button")
            page.wait_for_function(
                "!document.getElementById('hasil').textContent.startsWith('Mencari')"
            )
            # Every result's fragment was fetched before it was shown; wait until
            # each one's "finished" event has reached this side too.
            shown = page.locator("#hasil li").count()
            for _attempt in range(100):
                if sum("/fragment/" in url for url, _ in sizes) >= shown:
                    break
                page.wait_for_timeout(50)
            page.wait_for_load_state("networkidle")
            row = {"query": query, "all": sum(s for _, s in sizes), "requests": len(sizes)}
            for kind in ("index", "fragment", "filter"):
                row[kind] = sum(s for url, s in sizes if f"/pagefind/{kind}/" in url)
            row["runtime"] = row["all"] - row["index"] - row["fragment"] - row["filter"]
            row["results"] = page.locator("#hasil li").count()
            rows.append(row)
            context.close()
        browser.close()
    return rows


def report(rows: list[dict]) -> None:
    first, queries = rows[0], rows[1:]
    print(f"/cari/ first view: {first['all']} bytes in {first['requests']} request(s)")
    print("Each query from a cold cache; 'query bytes' = index chunks + filters + fragments.")
    print(
        f"{'query':<26}{'query bytes':>12}{'index':>8}{'fragments':>10}{'filters':>8}"
        f"{'runtime':>9}{'requests':>9}{'results':>8}"
    )
    for row in queries:
        needed = row["index"] + row["fragment"] + row["filter"]
        print(
            f"{row['query']:<26}{needed:>12}{row['index']:>8}{row['fragment']:>10}"
            f"{row['filter']:>8}{row['runtime']:>9}{row['requests']:>9}{row['results']:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = make_site(Path(temporary) / "site", arguments.posts)
        output = Path(temporary) / "out"
        output.mkdir()
        server, base = serve(output)
        build(site, output, [], "publishconf.py", {"SITEURL": base, "PATH": "/usr/bin:/bin"})
        pages = len(list((output / "pagefind" / "fragment").iterdir()))
        print(f"{arguments.posts} posts, {pages} pages indexed")
        print("\nThe site's index (SEARCH_CHUNK_SIZE):")
        report(measure(base))
        # The reference: the same pages, indexed with Pagefind's default chunks.
        shutil.rmtree(output / "pagefind")
        environment = {k: v for k, v in os.environ.items() if "PAGEFIND" not in k}
        subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(output), "--silent"],
            check=True,
            env=environment,
        )
        canonicalise(output / "pagefind")
        print("\nReference, Pagefind's default chunk size:")
        report(measure(base))
        server.shutdown()


if __name__ == "__main__":
    main()
