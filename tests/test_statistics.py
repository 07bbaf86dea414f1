"""/statistik/, "Terpopuler" and the CSV files, in a production build of the site with
fourteen months of nightly counts: every bar and every number against the snapshot."""

import csv
import gzip
import io
import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from conftest import BUDGET, SEED_URL, copy_site, read_html, serve_build

from view_counts import snapshot as snapshots
from view_counts.exports import Export

AS_OF = date(2026, 12, 10)  # the last night counted: December only in part
FIRST_NIGHT = date(2025, 10, 1)
BULAN = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
BULAN = BULAN.split()
PLACES = ["Sikka", "Ende", "Sumba Timur", "Alor", "Kota Kupang", "NTT", "Sikka, Ende"]
CATEGORIES = ["Berita", "Pengumuman", "Siaran Pers"]
POSTS = 60
SEED = "/" + SEED_URL


@dataclass
class Post:
    url: str
    title: str
    category: str
    places: tuple[str, ...]


@dataclass
class Site:
    base: str
    folder: object
    posts: dict[str, Post]
    views: dict[date, Counter]  # the views each night, by URL


WORDS = (
    "rapat koordinasi pemutakhiran data pemilih berkelanjutan pendidikan sosialisasi "
    "bimbingan teknis badan ad hoc logistik rekapitulasi penghitungan suara kampanye "
    "pemilihan serentak gubernur bupati wali kota desa peduli pemilu pemula disabilitas "
    "sekolah kampus gereja masjid pasar pelabuhan pulau kecamatan kelurahan tahapan jadwal "
    "pengumuman hasil verifikasi partai politik calon perseorangan dukungan saksi pengawas"
).split()


def write_posts(content) -> dict[str, Post]:
    """POSTS posts with long titles of their own words, and slugs made of them: the page's
    lists as long, and as hard to compress, as they get."""
    rng = random.Random(60)
    posts = {}
    for number in range(POSTS):
        day = date(2025, 1, 1) + timedelta(days=4 * number)
        place = PLACES[number % len(PLACES)]
        words = rng.sample(WORDS, 13)
        title = " ".join(words).capitalize() + f" {number}"
        slug = "-".join(words) + f"-{number}"
        category = CATEGORIES[number % 3]
        path = content / "berita" / "2025" / f"{day}-{slug}.md"
        path.write_text(
            f"Title: {title}\nDate: {day} 09:00\nCategory: {category}\nTags: Daftar Pemilih\n"
            f"Wilayah: {place}\nSlug: {slug}\nSummary: Ringkasan berita nomor {number}.\n\n"
            f"Isi berita nomor {number}.\n",
            encoding="utf-8",
        )
        url = f"/berita/{day:%Y/%m}/{slug}/"
        places = ("Se-NTT",) if place == "NTT" else tuple(place.split(", "))
        posts[url] = Post(url, title, category, places)
    return posts


def nights(posts: dict[str, Post]) -> dict[date, Counter]:
    """A few views a night for most posts, and three posts read on one day each: 40 days
    before the last night, 30 days before (the day before the window), 29 (its first)."""
    rng = random.Random(22)
    urls = sorted(posts)
    views = {}
    day = FIRST_NIGHT
    while day <= AS_OF:
        views[day] = Counter({url: rng.randint(1, 3) for url in rng.sample(urls[3:], 12)})
        day += timedelta(days=1)
    views[AS_OF - timedelta(days=40)][urls[0]] += 5000
    views[AS_OF - timedelta(days=30)][urls[1]] += 600
    views[AS_OF - timedelta(days=29)][urls[2]] += 500
    return views


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_site(tmp_path_factory.mktemp("statistik") / "site")
    posts = write_posts(project / "content")
    views = nights(posts)
    path = project / "data" / "view-counts.json"
    snapshot = snapshots.load(path)
    addresses = {url: url for url in posts}
    for day, counted in views.items():
        name = f"matomo-{day}-{day}.csv"
        snapshots.add_import(
            snapshot,
            Export("matomo-report", "nb_hits", Counter(counted), day, day),
            addresses,
            source="matomo",
            file_name=name,
            fingerprint=f"sha256:{name}",
        )
    snapshots.save(snapshot, path)
    folder = tmp_path_factory.mktemp("statistik-out")
    server, base = serve_build(folder, project=project)
    yield Site(base, folder, posts, views)
    server.shutdown()


def between(site: Site, first: date, last: date) -> Counter:
    found = Counter()
    for day, counted in site.views.items():
        if first <= day <= last:
            found.update(counted)
    return found


def months() -> list[tuple[date, date]]:
    """The twelve months the page shows, oldest first: January to December 2026."""
    return [
        (date(2026, month, 1), snapshots.month_end(date(2026, month, 1)) if month < 12 else AS_OF)
        for month in range(1, 13)
    ]


def number(text: str) -> int:
    return int(text.replace(".", ""))


def grouped(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def top(counted: Counter, count: int) -> list[tuple[str, int]]:
    return sorted(counted.items(), key=lambda pair: (-pair[1], pair[0]))[:count]


def page_of(site: Site, path: str):
    return read_html(site.folder / path / "index.html")


def charts(site: Site) -> list:
    return page_of(site, "statistik").find_all("svg", class_="grafik")


def test_each_month_s_column_is_its_views(site):
    expected = [sum(between(site, first, last).values()) for first, last in months()]
    chart = charts(site)[0]
    assert chart["role"] == "img" and "Januari 2026 – Desember 2026" in chart["aria-label"]
    columns = chart.find_all("rect")
    titles = [rect.title.get_text() for rect in columns]
    names = [f"{BULAN[first.month - 1]} {first.year}" for first, _ in months()]
    assert titles == [
        f"{name}: {grouped(views)} tayangan" for name, views in zip(names, expected, strict=True)
    ]
    for rect, views in zip(columns, expected, strict=True):
        assert float(rect["height"]) == pytest.approx(100 * views / max(expected), abs=0.051)
    assert [text.get_text() for text in chart.find_all("text")] == [name[:3] for name in names]
    items = [li.get_text() for li in page_of(site, "statistik").find(id="per-bulan").find_all("li")]
    names[-1] += " (s.d. 10 Desember 2026)"
    assert items == [
        f"{name}: {grouped(views)}" for name, views in zip(names, expected, strict=True)
    ]


def shares(site: Site) -> tuple[Counter, Counter]:
    """Views of the twelve months by place and by category, from the nights themselves."""
    counted = between(site, months()[0][0], AS_OF)
    by_place, by_category = Counter(), Counter()
    for url, views in counted.items():
        post = site.posts[url]
        by_category[post.category] += views
        for place in post.places:
            by_place[place] += views
    return by_place, by_category


@pytest.mark.parametrize(("index", "list_id"), [(1, "menurut-wilayah"), (2, "menurut-kategori")])
def test_bars_by_regency_and_category_are_their_views(site, index, list_id):
    expected = shares(site)[index - 1]
    chart = charts(site)[index]
    bars = chart.find_all("rect")
    found = {}
    for rect in bars:
        name, views = re.fullmatch(r"(.+): ([\d.]+) tayangan", rect.title.get_text()).groups()
        found[name] = number(views)
        assert float(rect["width"]) == pytest.approx(
            150 * found[name] / max(expected.values()), abs=0.051
        )
    # Every regency and category is a bar, those without views too, most viewed first.
    assert {name: views for name, views in found.items() if views} == dict(expected)
    assert list(found.values()) == sorted(found.values(), reverse=True)
    if index == 1:
        assert len(found) == 23 and found["Belu"] == 0 and "Se-NTT" in found
        # A post about Sikka and Ende counts for both.
        assert found["Sikka"] > 0 and found["Ende"] > 0
    else:
        assert set(found) == set(CATEGORIES)
    items = page_of(site, "statistik").find(id=list_id).find_all("li")
    assert [li.get_text() for li in items] == [f"{n}: {grouped(v)}" for n, v in found.items()]


def listed(section_list) -> list[tuple[str, int]]:
    """(URL path, views) of each post in a list of the page."""
    found = []
    for item in section_list.find_all("li"):
        views = re.search(r"\(([\d.]+) kali", item.get_text()).group(1)
        found.append((urlsplit(item.a["href"]).path, number(views)))
    return found


def test_the_most_read_of_each_month_and_of_all_time(site):
    page = page_of(site, "statistik")
    heading = page.find("h2", string="Terpopuler bulan ini")
    december = between(site, date(2026, 12, 1), AS_OF)
    assert heading.find_next("p").get_text() == "Desember 2026, s.d. 10 Desember 2026"
    assert listed(heading.find_next("ol")) == top(december, 5)
    for first, last in months()[:-1]:
        month = page.find("h3", string=f"{BULAN[first.month - 1]} {first.year}")
        assert listed(month.find_next("ol")) == top(between(site, first, last), 3)
    everything = between(site, FIRST_NIGHT, AS_OF)
    everything[SEED] += 395  # the old site's count (the baseline)
    ever = page.find("h2", string="Terpopuler sepanjang masa").find_next("ol")
    assert listed(ever) == top(everything, 10)
    assert listed(ever)[0][0] == sorted(site.posts)[0]  # read 5,000 times, forty days ago


def rows(site: Site, name: str) -> list[list[str]]:
    data = (site.folder / "statistik" / name).read_bytes()
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with it
    assert data.count(b"\r\n") == data.count(b"\n")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_csv_files_hold_the_page_s_numbers(site):
    page = page_of(site, "statistik")
    monthly = rows(site, "tayangan-per-bulan.csv")
    assert monthly[0] == ["Bulan", "Nama bulan", "Tayangan"]
    shown = [li.get_text() for li in page.find(id="per-bulan").find_all("li")]
    assert [
        f"{r[1]}{' (s.d. 10 Desember 2026)' if r[0] == '2026-12' else ''}: {grouped(int(r[2]))}"
        for r in monthly[1:]
    ] == shown
    assert [r[0] for r in monthly[1:]] == [f"2026-{m:02d}" for m in range(1, 13)]
    for name, list_id, header in [
        ("tayangan-menurut-wilayah.csv", "menurut-wilayah", "Wilayah"),
        ("tayangan-menurut-kategori.csv", "menurut-kategori", "Kategori"),
    ]:
        table = rows(site, name)
        assert table[0] == [header, "Tayangan"]
        shown = [li.get_text() for li in page.find(id=list_id).find_all("li")]
        assert [f"{r[0]}: {grouped(int(r[1]))}" for r in table[1:]] == shown
    ranked = rows(site, "terpopuler-per-bulan.csv")
    assert ranked[0] == ["Bulan", "Peringkat", "Judul", "Alamat", "Tayangan"]
    december = [r for r in ranked[1:] if r[0] == "2026-12"]
    heading = page.find("h2", string="Terpopuler bulan ini")
    assert [(urlsplit(r[3]).path, int(r[4])) for r in december] == listed(heading.find_next("ol"))
    assert [r[1] for r in december] == ["1", "2", "3", "4", "5"]
    assert len(ranked) == 1 + 5 + 11 * 3
    # Titles as text, not HTML: no entity, no non-breaking space from the typography.
    assert all("&" not in r[2] and "\xa0" not in r[2] for r in ranked[1:])
    assert ranked[1][2] == site.posts[urlsplit(ranked[1][3]).path].title
    # The site's public address (CANONICAL_SITEURL), which this build was given.
    assert ranked[1][3].startswith(site.base + "/berita/")
    ever = rows(site, "terpopuler-sepanjang-masa.csv")
    shown = listed(page.find("h2", string="Terpopuler sepanjang masa").find_next("ol"))
    assert [(urlsplit(r[2]).path, int(r[3])) for r in ever[1:]] == shown


def test_terpopuler_is_the_last_thirty_days(site):
    window = between(site, AS_OF - timedelta(days=29), AS_OF)
    home = page_of(site, "")
    section = home.find(id="terpopuler").find_parent("section")
    assert section.find("span").get_text() == "30 hari terakhir, hingga 10 Desember 2026"
    popular = listed(section.find("ol"))
    assert popular == top(window, 5)
    urls = sorted(site.posts)
    # Read 29 days ago: the window's first day. Read 30 or 40 days ago: not in it.
    assert popular[0] == (urls[2], window[urls[2]]) and window[urls[2]] >= 500
    assert urls[1] not in dict(popular) and urls[0] not in dict(popular)
    link = section.find("a", string="Statistik tayangan")
    assert urlsplit(link["href"]).path == "/statistik/"
    # A regency page: its own posts of the same days, three at most.
    sikka = page_of(site, "wilayah/sikka").find(id="terpopuler").find_parent("section")
    of_sikka = Counter({u: v for u, v in window.items() if "Sikka" in site.posts[u].places})
    assert listed(sikka.find("ol")) == top(of_sikka, 3)
    assert sikka.find("a", string="Statistik tayangan") is None
    # An article still shows its count of all time.
    article = page_of(site, urls[0].strip("/"))
    everything = between(site, FIRST_NIGHT, AS_OF)[urls[0]]
    assert f"Telah dilihat {grouped(everything)} kali (per 10 Desember 2026)" in (
        article.find("article").get_text()
    )


def test_the_page_fits_the_first_window(site):
    data = (site.folder / "statistik" / "index.html").read_bytes()
    assert len(gzip.compress(data, 9)) <= BUDGET
    page = read_html(site.folder / "statistik" / "index.html")
    assert len(page.find_all("h1")) == 1
    # 48 of the 60 posts' long titles are listed: as long as the page gets.
    posts = page.find("main").find_all("a", href=re.compile(r"/berita/\d{4}/"))
    assert len(posts) == 5 + 11 * 3 + 10
    assert not page.find(attrs={"style": True})


def luminance(rgb: str) -> float:
    channels = [int(n) / 255 for n in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    high, low = sorted([luminance(one), luminance(two)], reverse=True)
    return (high + 0.05) / (low + 0.05)


COLOURS = """() => {
  const bar = document.querySelector('svg.grafik rect');
  const label = document.querySelector('svg.grafik text');
  return [getComputedStyle(bar).fill, getComputedStyle(label).fill,
          getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color];
}"""


def test_the_charts_read_in_light_and_dark_and_pass_axe(browser, site, axe_script):
    fills = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 240, "height": 320})
        page = context.new_page()
        page.goto(f"{site.base}/statistik/")
        bar, text, background, colour = page.evaluate(COLOURS)
        fills[scheme] = bar
        assert contrast(bar, background) >= 3  # WCAG 1.4.11, graphics
        assert text == colour and contrast(text, background) >= 4.5
        # The charts shrink to a feature phone's screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 240
        page.evaluate(axe_script.read_text(encoding="utf-8"))
        results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in results["violations"]] == []
        context.close()
    assert fills["light"] != fills["dark"]
