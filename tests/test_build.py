"""The real site, built into a temporary folder and read back with BeautifulSoup."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
from conftest import (
    ARTICLE_COUNT,
    ROOT,
    SEED_URL,
    SITE_URL,
    assert_same_files,
    read_html,
    run_task,
)

ENGLISH_DATE_WORDS = re.compile(
    r"\b(January|February|March|May|June|July|August|October|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def html_pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_seed_post_renders_with_its_indonesian_date(built_site):
    page = read_html(built_site / SEED_URL / "index.html")
    assert page.html["lang"] == "id"
    assert page.h1.get_text() == (
        "KPU Provinsi NTT Selenggarakan Rakor Rencana Pelaksanaan DP3 Pada 22 KPU "
        "Kabupaten/Kota\xa0Se-NTT"
    )
    time = page.find("article").find("time")
    assert time.get_text() == "Rabu, 3 November 2021"
    assert time.parent.get_text().startswith("Rabu, 3 November 2021, 09.00 WITA ")
    assert time["datetime"] == "2021-11-03T09:00:00+08:00"
    assert page.find("article").find("a", href="/kategori/berita/").get_text() == "Berita"
    paragraphs = page.find("article").find_all("p", class_=False)
    assert len(paragraphs) == 4
    assert paragraphs[0].get_text().startswith("Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur")
    # Share row and view count belong to plugins, never to the post's text.
    source = (ROOT / "content/berita/2021/2021-11-03-rakor-rencana-pelaksanaan-dp3.md").read_text()
    for words in ("whatapps", "Bagikan", "Telah dilihat"):
        assert words not in source
        assert all(words not in paragraph.get_text() for paragraph in paragraphs)


def test_every_page_is_indonesian_and_has_no_english_dates(built_site):
    for path in html_pages(built_site):
        page = read_html(path)
        assert page.html["lang"] == "id", path
        assert not ENGLISH_DATE_WORDS.search(page.get_text()), path


def test_addresses(built_site):
    expected = [
        "index.html",
        "page/2/index.html",
        SEED_URL + "index.html",
        "berita/index.html",
        "berita/2021/index.html",
        "berita/2021/11/index.html",
        "kategori/index.html",
        "kategori/berita/index.html",
        "kategori/pengumuman/index.html",
        "kategori/siaran-pers/index.html",
        "topik/index.html",
        "topik/dp3/index.html",
        "profil/index.html",
        "kontak/index.html",
        "ppid/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
    ]
    missing = [name for name in expected if not (built_site / name).is_file()]
    assert missing == []
    # Nothing at Pelican's default addresses.
    assert sorted(p.name for p in built_site.glob("*.html")) == ["404.html", "index.html"]
    assert not (built_site / "author").exists()
    assert not (built_site / "category").exists()


def test_pagination_links_are_clean(built_site):
    first = read_html(built_site / "index.html")
    assert first.find("a", rel="next")["href"] == "/page/2/"
    second = read_html(built_site / "page" / "2" / "index.html")
    assert second.find("a", rel="prev")["href"] == "/"
    titles = [a.get_text() for a in first.select("ol.list h2 a")]
    assert len(titles) == 10
    # Newest first.
    assert titles[0].startswith("Sosialisasi Pendidikan Pemilih")


def test_every_internal_link_resolves(built_site):
    broken = []
    for path in html_pages(built_site):
        for tag in read_html(path).find_all(["a", "img", "link"]):
            target = tag.get("href") or tag.get("src")
            if not target or not target.startswith("/"):
                continue
            local = built_site / target.lstrip("/").split("#")[0]
            if not (local.is_file() or (local / "index.html").is_file()):
                broken.append(f"{path.relative_to(built_site)} -> {target}")
    assert broken == []


def test_two_posts_with_one_title_get_two_addresses(built_site):
    title = "Rekapitulasi Daftar Pemilih Berkelanjutan Semester I"
    found = sorted(
        str(path.relative_to(built_site))
        for path in (built_site / "berita").rglob("index.html")
        if (h1 := read_html(path).h1) and h1.get_text().replace("\xa0", " ") == title
    )
    assert found == [
        "berita/2025/07/rekapitulasi-daftar-pemilih-berkelanjutan-semester-i/index.html",
        "berita/2026/01/rekapitulasi-daftar-pemilih-berkelanjutan-semester-i/index.html",
    ]


def test_photos_have_alt_text_and_exist(built_site):
    page = read_html(
        built_site
        / "berita/2024/02/pemungutan-suara-pemilu-2024-berlangsung-di-seluruh-tps-se-ntt"
        / "index.html"
    )
    figure = page.find("article").find("figure")
    assert figure.img["alt"] == "Ilustrasi bilik suara dan kotak suara di sebuah TPS"
    assert (built_site / figure.img["src"].lstrip("/")).is_file()
    assert figure.figcaption.get_text().startswith("Ilustrasi:")


def test_archives_are_in_indonesian(built_site):
    month = read_html(built_site / "berita" / "2024" / "02" / "index.html")
    assert month.h1.get_text() == "Arsip Februari 2024"
    year = read_html(built_site / "berita" / "2024" / "index.html")
    assert year.h1.get_text() == "Arsip 2024"


def test_404_page_links_work_from_any_depth(built_site):
    page = read_html(built_site / "404.html")
    assert page.h1.get_text() == "Halaman tidak ditemukan"
    assert all(
        a["href"].startswith("/")
        for a in page.find_all("a", href=True)
        if a["href"] not in ("#isi", "#menu")
    )


def test_production_feeds_sitemap_and_robots(published_site):
    site = SITE_URL
    feed = feedparser.parse((published_site / "feeds" / "semua.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "KPU Provinsi Nusa Tenggara Timur"
    assert len(feed.entries) == ARTICLE_COUNT
    assert all(entry.link.startswith(site + "/berita/") for entry in feed.entries)
    assert any(entry.link == f"{site}/{SEED_URL}" for entry in feed.entries)
    for name in ("semua.rss.xml", "kategori/berita.atom.xml", "kategori/pengumuman.rss.xml"):
        parsed = feedparser.parse((published_site / "feeds" / name).read_bytes())
        assert not parsed.bozo and parsed.entries, name
    sitemap = ET.parse(published_site / "sitemap.xml").getroot()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in sitemap.findall("s:url/s:loc", namespace)]
    assert f"{site}/{SEED_URL}" in locations
    assert f"{site}/profil/" in locations
    assert all(location.startswith(site + "/") for location in locations)
    seed = next(u for u in sitemap.findall("s:url", namespace) if u[0].text == f"{site}/{SEED_URL}")
    assert seed.find("s:lastmod", namespace).text == "2021-11-03T09:00:00+08:00"
    assert f"Sitemap: {site}/sitemap.xml" in (published_site / "robots.txt").read_text()
    page = read_html(published_site / SEED_URL / "index.html")
    assert page.find("link", rel="canonical")["href"] == f"{site}/{SEED_URL}"
    assert page.find("link", type="application/atom+xml")["href"] == f"{site}/feeds/semua.atom.xml"


def test_drafts_and_future_posts_never_reach_production(site_copy, tmp_path):
    folder = site_copy / "content" / "berita" / "2026"
    (folder / "draf.md").write_text(
        "Title: Draf Rahasia\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nStatus: draft\n\nIsi.\n",
        encoding="utf-8",
    )
    (folder / "masa-depan.md").write_text(
        "Title: Berita Masa Depan\nDate: 2099-01-01 10:00\nCategory: Berita\nWilayah: NTT\nSummary: R.\n\nIsi.\n",
        encoding="utf-8",
    )
    local, production = tmp_path / "local", tmp_path / "production"
    run_task(site_copy, "build", "--output", str(local))
    run_task(site_copy, "publish", "--output", str(production))
    assert (local / "draf" / "draf-rahasia" / "index.html").is_file()
    for output, expected in ((local, False), (production, False)):
        listed = (output / "index.html").read_text(encoding="utf-8")
        assert ("Draf Rahasia" in listed) is expected
    everything = "".join(p.read_text(encoding="utf-8") for p in production.rglob("*.*ml"))
    assert "Draf Rahasia" not in everything
    assert "Berita Masa Depan" not in everything


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    run_task(ROOT, "publish", "--output", str(first))
    run_task(ROOT, "publish", "--output", str(second))
    assert_same_files(first, second)
