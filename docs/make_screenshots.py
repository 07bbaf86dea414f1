"""Retake the screenshots of docs/panduan-penulis.md: the built site, 360 px wide, in Chromium.

    .venv/bin/python docs/make_screenshots.py [--site /tmp/guide-site] [--no-build]

Builds the site with the local settings into SITE (`invoke build --output`),
serves it on 127.0.0.1 and saves each shot under docs/images/ as a palette PNG
of a few tens of KB. The web editor's screenshots (docs/editor/) are taken by
tests/test_web_editor.py. "Terpopuler" and /statistik/ need counts of dated
days, which the repository's snapshot may not have: without them those shots
are kept as they are; take them from a site built with some nights imported
(`--site DIR --no-build`).
"""

import argparse
import functools
import io
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
WIDTH = 360
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHOTO_POST = "berita/2024/02/pemungutan-suara-pemilu-2024-berlangsung-di-seluruh-tps-se-ntt/"
COUNTED_POST = (
    "berita/2021/11/kpu-provinsi-ntt-selenggarakan-rakor-rencana-pelaksanaan-dp3-pada-22-"
    "kpu-kabupaten-kota-se-ntt/"
)

# name: (address, what to wait for, the first and the last element shown)
SHOTS = {
    "berita-foto.png": (PHOTO_POST, "figure img", "body", "figcaption"),
    "berita-dilihat-bagikan.png": (
        COUNTED_POST,
        ".share",
        "article p.meta:has-text('Topik:')",
        ".share",
    ),
    "beranda-terpopuler.png": ("", "#terpopuler", "#terpopuler", "section:has(#terpopuler)"),
    "statistik.png": ("statistik/", "svg.grafik", "h1", "#per-bulan"),
    "cari.png": ("cari/?q=pemilih%20pemula", "#hasil li", "h1", "#hasil li"),
    "wilayah.png": ("wilayah/", "svg", "h1", "svg"),
}
MARGIN = 8


def serve(folder: Path) -> ThreadingHTTPServer:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *arguments):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def clip(page, first: str, last: str) -> dict:
    top = page.locator(first).first.bounding_box()["y"]
    box = page.locator(last).first.bounding_box()
    bottom = box["y"] + box["height"]
    top = max(0, top - MARGIN)
    return {"x": 0, "y": top, "width": WIDTH, "height": bottom + MARGIN - top}


def small_png(png: bytes, path: Path) -> None:
    """A 64-colour palette PNG: text and flat colours stay sharp, photos stay recognisable."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=64, dither=Image.Dither.NONE).save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("/tmp/guide-site"))
    parser.add_argument("--no-build", action="store_true", help="use SITE as it is")
    options = parser.parse_args()
    if not options.no_build:
        subprocess.run(
            [sys.executable, "-m", "invoke", "build", "--output", str(options.site)],
            cwd=ROOT,
            check=True,
        )
    IMAGES.mkdir(exist_ok=True)
    server = serve(options.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            viewport={"width": WIDTH, "height": 740},
            locale="id-ID",
            timezone_id="Asia/Makassar",
        )
        page = context.new_page()
        for name, (address, ready, first, last) in SHOTS.items():
            page.goto(base + address)
            try:
                page.locator(ready).first.wait_for(timeout=10_000)
            except PlaywrightTimeout:
                print(f"{name}: no {ready} on /{address}; kept as it was")
                continue
            page.evaluate("document.fonts.ready")
            shot = page.screenshot(clip=clip(page, first, last), full_page=True)
            small_png(shot, IMAGES / name)
            print(f"{IMAGES.relative_to(ROOT) / name}: {(IMAGES / name).stat().st_size:,} bytes")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
