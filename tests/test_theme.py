"""The 2G theme in the real production build: budgets, photos, compression."""

import gzip
import re
from itertools import pairwise

import brotli
from conftest import BUDGET, ROOT, SEED_URL, SITE_URL, read_html, run_task
from PIL import Image

SEED_BUDGET = 5_000  # "well under": a long article with its share row and JSON-LD


def pages(site):
    """Every reader page: all HTML but the web editor's (/admin/, tests/test_web_editor.py)."""
    return sorted(p for p in site.rglob("*.html") if "admin" not in p.relative_to(site).parts)


def test_every_page_fits_the_first_window(published_site):
    sizes = {
        str(path.relative_to(published_site)): len(gzip.compress(path.read_bytes(), 9))
        for path in pages(published_site)
    }
    assert len(sizes) > 100
    over = {name: size for name, size in sizes.items() if size > BUDGET}
    assert over == {}
    assert sizes[SEED_URL + "index.html"] <= SEED_BUDGET


def test_nothing_blocks_rendering_and_nothing_comes_from_elsewhere(published_site):
    for path in pages(published_site):
        page = read_html(path)
        # No stylesheet, font or script file: CSS is inline, the one script is inline.
        assert page.find("link", rel="stylesheet") is None, path
        assert all(not tag.get("src") for tag in page.find_all("script")), path
        assert "@font-face" not in str(page.find("style")), path
        # Nothing loads from another host (links to other sites are fine).
        for tag in page.find_all(["img", "source", "script", "iframe", "link", "video", "audio"]):
            for attribute in ("src", "srcset"):
                value = tag.get(attribute, "")
                for url in re.findall(r"https?://\S+", value):
                    assert url.startswith(SITE_URL + "/"), f"{path}: {url}"
            if tag.name == "link" and tag.get("rel") in (["icon"], ["preload"], ["stylesheet"]):
                assert tag["href"].startswith(("data:", SITE_URL)), path


# search.js is larger: it pages through every result, five at a time, and keeps
# the search in the address (theme/templates/search.html). Only /cari/ carries it.
SEARCH_SCRIPT = (ROOT / "theme" / "templates" / "search.js").read_text(encoding="utf-8")
SEARCH_SCRIPT_LIMIT = 2_048


def test_scripts_are_optional_and_small(published_site):
    searches = 0
    for path in pages(published_site):
        for script in read_html(path).find_all("script"):
            if script.get("type") == "application/ld+json":
                continue
            if script.string == SEARCH_SCRIPT.rstrip("\n"):
                searches += 1
                assert len(script.string.encode()) < SEARCH_SCRIPT_LIMIT, path
            else:
                assert len(script.string.encode()) < 1024, path
    assert searches == 1


def test_precompressed_copies_beside_every_text_file_but_pages(published_site):
    pages = [p for p in published_site.rglob("*") if p.suffix in {".html", ".xml", ".txt"}]
    others = [p for p in published_site.rglob("*") if p.suffix in {".css", ".js", ".svg", ".json"}]
    assert len(pages) > 100 and len(others) > 5
    for path in others:
        data = path.read_bytes()
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
    # Pages are compressed by the host (deploy/nginx, tests/test_nginx.py).
    copies = [p.with_name(p.name + suffix) for p in pages for suffix in (".gz", ".br")]
    assert not [copy for copy in copies if copy.exists()]


def test_html_is_minified(published_site):
    html = (published_site / SEED_URL / "index.html").read_text(encoding="utf-8")
    assert "\n\n" not in html
    assert "<html lang=id>" in html


def test_accessible_structure(published_site):
    for path in pages(published_site):
        page = read_html(path)
        assert page.html["lang"] == "id"
        assert page.find("a", class_="skip")["href"] == "#isi"
        assert page.find("main", id="isi")
        assert page.find("header") and page.find("footer")
        levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
        assert levels and levels[0] == 1 and levels.count(1) == 1, path
        assert all(b - a <= 1 for a, b in pairwise(levels)), path
        for image in page.find_all("img"):
            assert image.has_attr("alt"), path


def test_article_page_has_everything(published_site):
    url = "berita/2024/02/pemungutan-suara-pemilu-2024-berlangsung-di-seluruh-tps-se-ntt/"
    page = read_html(published_site / url / "index.html")
    article = page.find("article")
    assert article.h1
    assert article.find("time").get_text() == "Rabu, 14 Februari 2024"
    assert "Rabu, 14 Februari 2024, 07.00 WITA" in article.find("p", class_="meta").get_text()
    assert article.find("a", href=f"{SITE_URL}/kategori/berita/")
    assert any(p.get_text() == "Wilayah: Se-NTT" for p in article.find_all("p"))
    assert article.find("figure").find("picture")
    assert article.find("figcaption")
    assert article.find(string=re.compile("Topik:"))
    assert article.find(id="bagikan")
    neighbours = page.find("nav", attrs={"aria-label": "Berita sebelum dan sesudah"})
    assert neighbours.find("a", rel="next") and neighbours.find("a", rel="prev")
    sikka = read_html(
        published_site
        / "berita/2026/05/desa-peduli-pemilu-dan-pemilihan-berlanjut-di-sikka-dan-ende/index.html"
    )
    related = sikka.find(id="lain-wilayah")
    assert related.get_text() == "Berita lain dari Sikka"


def test_home_lists_title_date_category_regencies_summary_and_thumbnail(published_site):
    home = read_html(published_site / "index.html")
    assert home.h1.get_text() == "Berita Terkini"
    items = home.select("ol.list > li")
    assert len(items) == 10
    first = items[0]
    assert first.h2.a and first.find("time")
    assert "Berita" in first.find("p", class_="meta").get_text()
    with_photo = [item for item in items if item.find("picture")]
    assert with_photo
    for item in with_photo:
        image = item.find("img")
        assert image["width"] == "80" and image["height"] == "60" and image["alt"] == ""
        thumbnail = published_site / image["src"].removeprefix(SITE_URL + "/")
        assert thumbnail.stat().st_size < 10_000


def write_large_photo(site):
    """A 4000 x 3000 camera JPEG with a maker, a GPS position and a rotation."""
    photo = site / "content" / "images" / "2026" / "rapat-besar.jpg"
    exif = Image.Exif()
    exif[0x010F] = "KameraPonsel"
    exif[0x8825] = {1: "S", 2: (10.0, 9.0, 30.0), 3: "E", 4: (123.0, 36.0, 0.0)}
    picture = Image.new("RGB", (4000, 3000))
    picture.putdata(
        [((x * 7) % 256, (y * 5) % 256, 90) for y in range(3000) for x in range(4000)][:12_000_000]
    )
    picture.save(photo, "JPEG", quality=92, exif=exif)
    return photo


def test_a_large_photo_becomes_sized_copies_and_is_never_sent(site_copy, tmp_path):
    photo = write_large_photo(site_copy)
    assert photo.stat().st_size > 1_000_000
    post = site_copy / "content" / "berita" / "2026" / "rapat-besar.md"
    post.write_text(
        "Title: Rapat Besar\nSlug: rapat-besar\nDate: 2026-06-01 10:00\nCategory: Berita\n"
        "Wilayah: NTT\nSummary: R.\nImage: images/2026/rapat-besar.jpg\nImage_Alt: Ruang rapat\n\n"
        "Paragraf pertama.\n\n![Peserta rapat di ruang besar]({static}/images/2026/rapat-besar.jpg)\n",
        encoding="utf-8",
    )
    output = tmp_path / "out"
    run_task(site_copy, "publish", "--output", str(output))
    page = read_html(output / "berita/2026/06/rapat-besar/index.html")
    pictures = page.find("article").find_all("picture")
    assert len(pictures) == 2
    top, inline = pictures
    for picture, lazy in ((top, False), (inline, True)):
        source, image = picture.source, picture.img
        assert source["type"] == "image/webp"
        widths = [int(part.split()[1][:-1]) for part in source["srcset"].split(", ")]
        assert widths == [320, 640, 960, 1280]
        assert image["srcset"].count(".jpg") == 4
        assert image["sizes"] == source["sizes"]
        assert (image["width"], image["height"]) == ("1280", "960")
        assert (image.get("loading") == "lazy") is lazy
        urls = [part.split()[0] for part in source["srcset"].split(", ")] + [image["src"]]
        for url in urls:
            copy = output / url.removeprefix(SITE_URL + "/")
            with Image.open(copy) as opened:
                assert not opened.getexif(), copy
                assert opened.width in (320, 640, 960, 1280)
    assert inline.img["alt"] == "Peserta rapat di ruang besar"
    # No page refers to the original.
    for path in output.rglob("*.html"):
        assert "rapat-besar.jpg" not in path.read_text(encoding="utf-8"), path


def test_the_stylesheet_keeps_the_media_queries_old_phones_read(published_site):
    # `(width<=30em)`, the range syntax a CSS minifier writes, is skipped by
    # KaiOS 2.5 (Firefox 48) and Chrome before 104: the narrow header with it.
    written = (ROOT / "theme" / "templates" / "style.css").read_text(encoding="utf-8")
    queries = re.findall(r"@media[^{]+", written)
    assert "@media (max-width:30em)" in queries
    for path in (published_site / "index.html", published_site / SEED_URL / "index.html"):
        style = read_html(path).find("style").string
        assert re.findall(r"@media[^{]+", style) == queries, path
        assert "<=" not in style and ">=" not in style
