"""The share row and the link preview (Open Graph) in the real production build."""

import gzip
import re
from urllib.parse import urlsplit

from conftest import ARTICLE_COUNT, SEED_URL, SITE_URL, read_html, run_task
from PIL import Image

SHARE_HOSTS = {
    "whatsapp": "wa.me",
    "facebook": "www.facebook.com",
    "x": "twitter.com",
    "telegram": "t.me",
}


def articles(site):
    return sorted(
        path for path in (site / "berita").glob("*/*/*/index.html") if path.parent.name != "page"
    )


def share_row(page):
    heading = page.find(id="bagikan")
    return heading.find_parent("section") if heading else None


def test_every_article_has_the_row_whatsapp_first(published_site):
    found = articles(published_site)
    assert len(found) == ARTICLE_COUNT
    for path in found:
        page = read_html(path)
        canonical = page.find("link", rel="canonical")["href"]
        row = share_row(page)
        assert row is not None, path
        assert row.h2.get_text() == "Bagikan:"
        links = row.find("ul").find_all("a")
        assert [a.get_text() for a in links] == [
            "WhatsApp",
            "Facebook",
            "X",
            "Telegram",
            "Email",
            "Salin tautan",
        ]
        for link, host in zip(links, SHARE_HOSTS.values(), strict=False):
            assert urlsplit(link["href"]).netloc == host
        for link in links:
            assert link["rel"] == ["noopener", "noreferrer"]
            assert not link.has_attr("target")
            assert link["aria-label"]
        # The shared address is the canonical one, absolute, never localhost.
        assert canonical.startswith(SITE_URL + "/berita/")
        assert links[-1]["href"] == canonical
        assert "localhost" not in str(row) and "127.0.0.1" not in str(row)


def test_pages_and_lists_have_no_row(published_site):
    for path in [published_site / "index.html", published_site / "profil" / "index.html"]:
        assert share_row(read_html(path)) is None


def test_row_costs_a_few_hundred_bytes(published_site):
    for path in articles(published_site):
        html = path.read_text(encoding="utf-8")
        # Minified HTML drops quotes and may reorder attributes: match either way.
        row = re.compile(r"<section[^>]*\bclass=\"?share\"?[^>]*>.*?</section>", re.S)
        without, found = row.subn("", html)
        assert found == 1, f"{path}: no share row found"
        cost = len(gzip.compress(html.encode(), 9)) - len(gzip.compress(without.encode(), 9))
        assert 200 < cost <= 700, f"{path}: the share row adds {cost} bytes (gzip -9)"


def test_open_graph_tags(published_site):
    for path in articles(published_site):
        page = read_html(path)
        og = {
            tag["property"]: tag["content"]
            for tag in page.find_all("meta", property=re.compile("^og:"))
        }
        assert og["og:locale"] == "id_ID"
        assert og["og:title"]
        assert og["og:description"]
        assert og["og:url"] == page.find("link", rel="canonical")["href"]
        assert og["og:image"].startswith(SITE_URL + "/")
        image = published_site / og["og:image"].removeprefix(SITE_URL + "/")
        assert image.is_file(), og["og:image"]
        assert image.stat().st_size < 300_000
        with Image.open(image) as picture:
            assert picture.format in {"JPEG", "PNG"}
            assert picture.size == (1200, 630)
            assert not picture.getexif()
        assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_article_photo_becomes_its_preview(published_site):
    url = "berita/2024/02/pemungutan-suara-pemilu-2024-berlangsung-di-seluruh-tps-se-ntt/"
    page = read_html(published_site / url / "index.html")
    assert page.find("meta", property="og:image")["content"] == f"{SITE_URL}/{url}og.jpg"
    seed = read_html(published_site / SEED_URL / "index.html")
    assert seed.find("meta", property="og:image")["content"] == f"{SITE_URL}/theme/og-default.jpg"


def test_photo_exif_and_gps_are_stripped_from_the_preview(site_copy, tmp_path):
    photo = site_copy / "content" / "images" / "2026" / "dengan-gps.jpg"
    exif = Image.Exif()
    exif[0x010F] = "KameraPonsel"  # Make
    exif[0x8825] = {1: "S", 2: (10.0, 10.0, 0.0)}  # GPSInfo
    Image.new("RGB", (2000, 1500), (120, 30, 30)).save(photo, "JPEG", exif=exif)
    with Image.open(photo) as original:
        assert original.getexif()
    post = site_copy / "content" / "berita" / "2026" / "foto-gps.md"
    post.write_text(
        "Title: Foto GPS\nSlug: foto-gps\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: R.\n"
        "Image: images/2026/dengan-gps.jpg\nImage_Alt: Ruang rapat\n\nIsi.\n",
        encoding="utf-8",
    )
    output = tmp_path / "out"
    run_task(site_copy, "publish", "--output", str(output))
    with Image.open(output / "berita/2026/05/foto-gps/og.jpg") as preview:
        assert preview.size == (1200, 630)
        assert not preview.getexif()
        assert "exif" not in preview.info


def test_share_off_hides_the_row(site_copy, tmp_path):
    post = site_copy / "content" / "berita" / "2026" / "tanpa-bagikan.md"
    post.write_text(
        "Title: Tanpa Bagikan\nSlug: tanpa-bagikan\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\n"
        "Summary: R.\nShare: off\n\nIsi.\n",
        encoding="utf-8",
    )
    output = tmp_path / "out"
    run_task(site_copy, "build", "--output", str(output))
    page = read_html(output / "berita/2026/05/tanpa-bagikan/index.html")
    assert share_row(page) is None
    assert page.find("script", type=None) is None


def test_share_value_is_checked(site_copy):
    post = site_copy / "content" / "berita" / "2026" / "bagikan-salah.md"
    post.write_text(
        "Title: Bagikan Salah\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: R.\n"
        "Share: tidak\n\nIsi.\n",
        encoding="utf-8",
    )
    result = run_task(site_copy, "check", check=False)
    assert result.returncode != 0
    assert (
        "content/berita/2026/bagikan-salah.md:6: 'Share: tidak' must be 'on' or 'off'"
        in result.stderr
    )


def test_unknown_network_stops_the_build(site_copy, tmp_path):
    settings = site_copy / "pelicanconf.py"
    settings.write_text(
        settings.read_text().replace('"networks": ["whatsapp",', '"networks": ["whatsap",')
    )
    output = tmp_path / "out"
    result = run_task(site_copy, "build", "--output", str(output), check=False)
    assert result.returncode != 0
    assert "SHARE_LINKS: unknown network 'whatsap'" in result.stdout + result.stderr
    assert not (output / "index.html").exists()
