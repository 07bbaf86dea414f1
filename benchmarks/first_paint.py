"""First visit on 2G: bytes, requests and first contentful paint, side by side.

    .venv/bin/python benchmarks/first_paint.py [--runs 3]

Builds this site (production settings) and the same content with bare Pelican
and its default theme (notmyidea, no plugins), writes a bare 2 KB page with
inline CSS (the network's floor), serves each from 127.0.0.1 with gzip -9 as a
host would, and loads each page type in headless Chromium under an emulated 2G
link (280 kbit/s down, 256 kbit/s up, 800 ms round trip), cache empty.
Prints the median of RUNS loads per page type.
"""

import argparse
import functools
import gzip
import html
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TWO_G = {
    "offline": False,
    "latency": 800,
    "downloadThroughput": 280_000 / 8,
    "uploadThroughput": 256_000 / 8,
}
SEED_SLUG = (
    "kpu-provinsi-ntt-selenggarakan-rakor-rencana-pelaksanaan-dp3-pada-22-kpu-kabupaten-kota-se-ntt"
)
PHOTO_SLUG = "pemungutan-suara-pemilu-2024-berlangsung-di-seluruh-tps-se-ntt"
# Page type: (this site's address, the default theme's address).
PAGE_TYPES = {
    "home": ("", ""),
    # Pelican's default slug drops the "/" of "Kabupaten/Kota": "kabupatenkota".
    "article": (
        f"berita/2021/11/{SEED_SLUG}/",
        f"2021/{SEED_SLUG.replace('kabupaten-kota', 'kabupatenkota')}.html",
    ),
    "article with photo": (f"berita/2024/02/{PHOTO_SLUG}/", f"2024/{PHOTO_SLUG}.html"),
    "category": ("kategori/pengumuman/", "category/pengumuman.html"),
    "tag": ("topik/dp3/", "tag/dp3.html"),
    "archives": ("berita/", "archives.html"),
    "page": ("profil/", "pages/profil.html"),
    "regencies": ("wilayah/", None),
}
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".xml", ".txt", ".json", ""}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text compressed with gzip -9 as a well-set host sends them."""

    def log_message(self, *arguments):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def pelican(settings: str, output: Path, siteurl: str, extra: list[str]) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(ROOT / "content"),
            "-s",
            settings,
            "-o",
            str(output),
            "-q",
            "-e",
            f'SITEURL="{siteurl}"',
            *extra,
        ],
        cwd=ROOT,
        check=True,
        env={"SITEURL": siteurl, "PATH": "/usr/bin:/bin"},
    )


def bare_page(folder: Path) -> None:
    """The floor: the seed article's text in about 2 KB of HTML with inline CSS."""
    text = (ROOT / "content/berita/2021/2021-11-03-rakor-rencana-pelaksanaan-dp3.md").read_text()
    body = text.split("\n\n", 1)[1].split("\n\n")[0]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        '<!doctype html><html lang="id"><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>KPU Provinsi NTT</title><style>body{max-width:40em;margin:auto;font:1em/1.5 sans-serif}</style>"
        f"<h1>KPU Provinsi NTT Selenggarakan Rakor DP3</h1><p>{html.escape(body)}</p>",
        encoding="utf-8",
    )


def load(browser, url: str) -> tuple[float, int, int]:
    """(first contentful paint in ms, bytes over the wire, requests) of one cold load."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", TWO_G)
    transferred, requests = [], []
    cdp.on("Network.requestWillBeSent", lambda event: requests.append(event["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
    response = page.goto(url, wait_until="load", timeout=120_000)
    if response.status != 200:
        raise SystemExit(
            f"{url} answered {response.status}: the benchmark's addresses are out of date"
        )
    page.wait_for_load_state("networkidle")  # web fonts and late requests count too
    paint = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
    )
    context.close()
    return paint, sum(transferred), len(requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        servers = {name: serve(folder / name) for name in ("site", "default", "bare")}
        (folder / "site").mkdir()
        (folder / "default").mkdir()
        pelican(str(ROOT / "publishconf.py"), folder / "site", servers["site"][1], [])
        pelican(
            str(ROOT / "benchmarks" / "bare_pelicanconf.py"),
            folder / "default",
            servers["default"][1],
            [],
        )
        bare_page(folder / "bare")
        results = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            floor = [load(browser, servers["bare"][1] + "/") for _ in range(arguments.runs)]
            for name, (ours, theirs) in PAGE_TYPES.items():
                row = [name]
                for server, address in (("site", ours), ("default", theirs)):
                    if address is None:
                        row.append(None)
                        continue
                    runs = [
                        load(browser, f"{servers[server][1]}/{address}")
                        for _ in range(arguments.runs)
                    ]
                    row.append(tuple(statistics.median(r[i] for r in runs) for i in range(3)))
                results.append(row)
            browser.close()
        bare = tuple(statistics.median(r[i] for r in floor) for i in range(3))
        print(
            f"First visit on emulated 2G (280/256 kbit/s, 800 ms RTT), median of {arguments.runs} cold loads"
        )
        print(
            f"bare 2 KB page with inline CSS: FCP {bare[0]:6.0f} ms, {bare[1]:6.0f} B, {bare[2]} request(s)"
        )
        print(
            f"{'page type':<20}{'this site: FCP':>16}{'bytes':>9}{'req':>5}   {'default theme: FCP':>19}{'bytes':>9}{'req':>5}   {'vs bare':>8}{'speed-up':>9}"
        )
        for name, ours, theirs in results:
            left = f"{ours[0]:13.0f} ms{ours[1]:9.0f}{ours[2]:5d}"
            right = (
                f"{theirs[0]:16.0f} ms{theirs[1]:9.0f}{theirs[2]:5d}"
                if theirs
                else f"{'n/a':>19}{'':14}"
            )
            ratio = f"{100 * (ours[0] / bare[0] - 1):+7.0f}%"
            speed = f"{theirs[0] / ours[0]:8.1f}x" if theirs else f"{'':>9}"
            print(f"{name:<20}{left}   {right}   {ratio}{speed}")
        for server, _ in servers.values():
            server.shutdown()


if __name__ == "__main__":
    main()
