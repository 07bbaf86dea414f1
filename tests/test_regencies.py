"""Regencies: the gazetteer, `Wilayah:` resolution, suggestions, and the built pages."""

import json
import re

import feedparser
import pytest
from conftest import BUDGET, ROOT, SEED_URL, SITE_URL, read_html, run_task

from regencies import map_svg, placement
from regencies.gazetteer import RegencyError, load_gazetteer, normal
from regencies.mentions import MentionFinder, suggestions

GAZETTEER = load_gazetteer(str(ROOT / "data" / "regencies.toml"))
BY_CODE = {regency.code: regency for regency in GAZETTEER.regencies}


def test_twenty_one_kabupaten_and_one_kota():
    kinds = [regency.type for regency in GAZETTEER.regencies]
    assert kinds.count("kabupaten") == 21
    assert kinds.count("kota") == 1
    assert len({r.code for r in GAZETTEER.regencies}) == 22
    assert len({r.bps for r in GAZETTEER.regencies}) == 22
    assert len({r.slug for r in GAZETTEER.regencies}) == 22
    assert all(re.fullmatch(r"53\.(0[1-9]|1\d|2[01]|71)", code) for code in BY_CODE)


def test_the_two_code_systems_are_not_confused():
    assert BY_CODE["53.01"].name == "Kabupaten Kupang"
    assert BY_CODE["53.01"].bps == "5303"
    assert BY_CODE["53.12"].name == "Kabupaten Sumba Barat"
    assert BY_CODE["53.12"].bps == "5301"
    assert BY_CODE["53.71"].name == "Kota Kupang"
    assert BY_CODE["53.71"].bps == "5371"
    assert BY_CODE["53.21"].name == "Kabupaten Malaka"


def test_gazetteer_and_map_cover_the_same_regencies():
    features = json.loads((ROOT / "data" / "ntt-regencies.geojson").read_text())["features"]
    assert {f["properties"]["code_kemendagri"]: f["properties"]["name"] for f in features} == {
        r.code: r.name for r in GAZETTEER.regencies
    }


def spellings_of(regency):
    short = regency.name.removeprefix("Kabupaten ")
    written = {regency.name, regency.code, *regency.aliases}
    if regency.type == "kabupaten":
        written |= {f"Kab. {short}", f"kab {short}", f"KABUPATEN {short.upper()}"}
        if short != "Kupang":
            written |= {short, short.lower(), f"  {short.upper()}  "}
    return sorted(written)


@pytest.mark.parametrize(
    ("regency", "written"),
    [(r, w) for r in GAZETTEER.regencies for w in spellings_of(r)],
    ids=lambda value: getattr(value, "code", value),
)
def test_every_name_alias_and_code_resolves(regency, written):
    assert GAZETTEER.resolve(written) == regency


@pytest.mark.parametrize("written", ["Kupang", "kupang", " KUPANG "])
def test_bare_kupang_is_never_guessed(written):
    with pytest.raises(RegencyError) as error:
        GAZETTEER.resolve(written)
    assert "write 'Kota Kupang' or 'Kabupaten Kupang'" in str(error.value)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("Sika", "unknown regency 'Sika'; did you mean 'Sikka'?"),
        ("Sumba Barat Dya", "unknown regency 'Sumba Barat Dya'; did you mean 'Sumba Barat Daya'?"),
        ("Manggarai Tengah", "unknown regency 'Manggarai Tengah'; did you mean 'Manggarai"),
        ("Jakarta", "unknown regency 'Jakarta'; see data/regencies.toml"),
        ("5301", "'5301' looks like a BPS code"),
    ],
)
def test_unknown_names_say_what_to_write(written, message):
    with pytest.raises(RegencyError) as error:
        GAZETTEER.resolve(written)
    assert str(error.value).startswith(message)


def test_a_field_with_several_regencies_or_the_province():
    placement = GAZETTEER.place("Sikka,  kota kupang; SBD, Sikka")
    assert [r.code for r in placement.regencies] == ["53.07", "53.71", "53.18"]
    assert not placement.province_wide
    for province in ("NTT", "se-ntt", "Nusa Tenggara Timur"):
        assert GAZETTEER.place(province).province_wide
    with pytest.raises(RegencyError, match="either NTT or a list"):
        GAZETTEER.place("NTT, Sikka")
    with pytest.raises(RegencyError) as error:
        GAZETTEER.place("Sika, Kupang")
    assert len(error.value.problems) == 2


def test_normal_ignores_case_dots_and_spaces():
    assert normal("  Kab.   TTS ") == "kab tts"


FINDER = MentionFinder(GAZETTEER)


def found(text, tagged=()):
    return [(m.regency.short_name, m.words) for m in suggestions(FINDER, text, set(tagged))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KPU Sumba Barat Daya menggelar rapat.", [("Sumba Barat Daya", "Sumba Barat Daya")]),
        (
            "Rapat di Sumba Barat dan Sumba Barat Daya.",
            [("Sumba Barat", "Sumba Barat"), ("Sumba Barat Daya", "Sumba Barat Daya")],
        ),
        ("Data belum lengkap dan masih dibelum-belumkan.", []),
        ("Kapal tanker melintasi Selat Malaka menuju Singapura.", []),
        ("Petugas naik kereta dari Stasiun Manggarai di Jakarta.", []),
        ("Lomba TTS kepemiluan diikuti pelajar.", []),
        ("Pelajar mengisi teka-teki silang (TTS) tentang pemilu.", []),
        (
            "KPU TTS dan KPU TTU rapat bersama.",
            [("Timor Tengah Selatan", "TTS"), ("Timor Tengah Utara", "TTU")],
        ),
        ("Kata tts dan sbd dalam huruf kecil bukan singkatan.", []),
        ("Warga Belu dan Malaka menghadiri sosialisasi.", [("Belu", "Belu"), ("Malaka", "Malaka")]),
        ("PEMILIH DI KABUPATEN SIKKA", [("Sikka", "KABUPATEN SIKKA")]),
        ("Pegawai Endeavour dan Ngadang tidak ada.", []),
        ("Rapat di Kupang, lalu di Kota Kupang.", [("Kota Kupang", "Kota Kupang")]),
        ("Kupang, 3 Mei 2026 -- Rapat digelar.", []),
        ("Soe, 3 Mei 2026 -- Rapat digelar.", [("Timor Tengah Selatan", "Soe")]),
        ("Borong, 3 Mei 2026 -- Rapat digelar.", [("Manggarai Timur", "Borong")]),
        ("Labuan Bajo -- Rapat digelar di Manggarai Barat.", [("Manggarai Barat", "Labuan Bajo")]),
        ("Sikka dan Sikka lagi, juga Ende.", [("Sikka", "Sikka"), ("Ende", "Ende")]),
    ],
)
def test_suggestions(text, expected):
    assert found(text) == expected


def test_regencies_already_tagged_are_not_suggested():
    assert found("Rapat di Sikka dan Ende.", tagged={"53.07"}) == [("Ende", "Ende")]


def write_post(site, name, header, body="Isi berita."):
    path = site / "content" / "berita" / "2026" / name
    path.write_text(
        f"Title: {name}\nDate: 2026-05-04 10:00\nCategory: Berita\n{header}Summary: R.\n\n{body}\n",
        encoding="utf-8",
    )


def test_check_reports_unknown_and_ambiguous_with_file_and_line(site_copy):
    write_post(site_copy, "rakor-dp3.md", "Wilayah: Sika, Kupang\n")
    write_post(site_copy, "tanpa-wilayah.md", "")
    result = run_task(site_copy, "check", check=False)
    assert result.returncode != 0
    assert result.stderr.splitlines()[:3] == [
        "content/berita/2026/rakor-dp3.md:4: unknown regency 'Sika'; did you mean 'Sikka'?",
        "content/berita/2026/rakor-dp3.md:4: 'Kupang' is two places: write 'Kota Kupang' or 'Kabupaten Kupang'",
        "content/berita/2026/tanpa-wilayah.md:1: missing 'Wilayah:'; name the regencies the post "
        "concerns (e.g. 'Wilayah: Sikka, Kota Kupang'), or 'Wilayah: NTT' for the whole province",
    ]


def test_check_suggests_without_failing(site_copy):
    write_post(
        site_copy,
        "bimtek.md",
        "Wilayah: Sikka\n",
        "Soe, 4 Mei 2026 -- Bimtek KPPS.\n\nPeserta datang dari Sikka, Ende dan Stasiun Manggarai.",
    )
    result = run_task(site_copy, "check")
    assert result.stderr.splitlines() == [
        "content/berita/2026/bimtek.md:7: suggestion: the dateline 'Soe' is in Timor Tengah Selatan; "
        "add 'Timor Tengah Selatan' to 'Wilayah:' if the post concerns it",
        "content/berita/2026/bimtek.md:9: suggestion: the text names 'Ende'; add 'Ende' to "
        "'Wilayah:' if the post concerns it",
    ]
    assert "no problems, 2 suggestions" in result.stdout


def test_pelican_alone_refuses_an_unknown_regency(site_copy, tmp_path):
    # Even a build that skips `invoke check` cannot publish a misplaced post.
    import subprocess
    import sys

    write_post(site_copy, "salah.md", "Wilayah: Sika\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-s",
            "pelicanconf.py",
            "-o",
            str(tmp_path / "o"),
            "--fatal",
            "warnings",
        ],
        cwd=site_copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "unknown regency 'Sika'" in result.stdout + result.stderr


def articles_by_regency(site):
    counts = {}
    for path in (site / "berita").glob("*/*/*/index.html"):
        page = read_html(path)
        line = page.find("p", string=re.compile("^Wilayah:")) or page.find(
            lambda tag: tag.name == "p" and tag.get_text().startswith("Wilayah:")
        )
        for link in line.find_all("a"):
            counts[link["href"]] = counts.get(link["href"], 0) + 1
    return counts


def test_regency_pages_counts_and_map(built_site):
    index = read_html(built_site / "wilayah" / "index.html")
    assert index.h1.get_text() == "Wilayah"
    items = index.select("main ul:not(.legenda) li")
    assert len(items) == 22
    assert [h2.get_text() for h2 in index.select("main h2")] == [
        "Timor",
        "Flores",
        "Sumba",
        "Alor",
        "Lembata",
        "Rote",
        "Sabu",
    ]
    counts = articles_by_regency(built_site)
    for item in items:
        href = item.a["href"]
        number = int(re.search(r": (\d+) berita", item.get_text())[1])
        assert number == counts.get(href, 0), href
        page = read_html(built_site / href.strip("/") / "index.html")
        assert len(page.select("ol.list > li")) == number
    assert counts["/wilayah/sikka/"] == 2
    assert counts["/wilayah/kota-kupang/"] == 1
    assert counts["/wilayah/kabupaten-kupang/"] == 1
    svg_links = index.select("svg a")
    assert len(svg_links) == 22
    assert {a["href"] for a in svg_links} == {item.a["href"] for item in items}
    listed = {item.a["href"]: item.get_text().split(",")[0] for item in items}
    for link in svg_links:
        assert (built_site / link["href"].strip("/") / "index.html").is_file()
        # Named by the list's own words: "Sikka: 2 berita".
        assert link["aria-label"] == link.find("title").get_text() == listed[link["href"]]
        assert link.path["class"] == [map_svg.shade(counts.get(link["href"], 0))]
    assert [li.get_text(strip=True) for li in index.select(".legenda li")] == [
        meaning for _, meaning in map_svg.legend()
    ]
    assert not index.select("[style]")
    credit = index.find("a", href="/sumber-data-peta/").parent.get_text()
    assert "data terbuka Cahya DSN" in credit and "lisensi MIT" in credit
    notice = read_html(built_site / "sumber-data-peta" / "index.html")
    assert "Permission is hereby granted" in notice.get_text()


def test_regency_page_header(built_site):
    page = read_html(built_site / "wilayah" / "sumba-barat-daya" / "index.html")
    assert page.h1.get_text() == "Kabupaten Sumba Barat Daya"
    header = page.find("p", class_="meta").get_text()
    assert "Ibu kota Tambolaka" in header
    assert "kode wilayah 53.18" in header
    assert page.find("a", href="https://kab-sumbabaratdaya.kpu.go.id/")
    empty = read_html(built_site / "wilayah" / "malaka" / "index.html")
    assert "Belum ada berita untuk wilayah ini." in empty.get_text()


def test_articles_show_their_regencies(built_site):
    seed = read_html(built_site / SEED_URL / "index.html")
    assert any(p.get_text() == "Wilayah: Se-NTT" for p in seed.find("article").find_all("p"))
    page = read_html(
        built_site
        / "berita/2025/10/rakor-daftar-pemilih-berkelanjutan-kota-kupang-dan-kabupaten-kupang"
        / "index.html"
    )
    line = page.find(lambda tag: tag.name == "p" and tag.get_text().startswith("Wilayah:"))
    assert [(a.get_text(), a["href"]) for a in line.find_all("a")] == [
        ("Kota Kupang", "/wilayah/kota-kupang/"),
        ("Kabupaten Kupang", "/wilayah/kabupaten-kupang/"),
    ]
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["contentLocation"] == [
        {"@type": "AdministrativeArea", "identifier": "53.71", "name": "Kota Kupang"},
        {"@type": "AdministrativeArea", "identifier": "53.01", "name": "Kabupaten Kupang"},
    ]
    seed_data = json.loads(seed.find("script", type="application/ld+json").string)
    assert seed_data["contentLocation"][0]["name"] == "Provinsi Nusa Tenggara Timur"


def test_every_regency_feed_is_valid_atom(published_site):
    feeds = sorted((published_site / "feeds" / "wilayah").glob("*.atom.xml"))
    with_posts = {
        path.parent.name
        for path in (published_site / "wilayah").glob("*/index.html")
        if read_html(path).select("ol.list > li")
    }
    assert {path.name.removesuffix(".atom.xml") for path in feeds} == with_posts
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo and feed.version == "atom10" and feed.entries, path


def test_map_page_fits_the_byte_budget(published_site):
    import gzip

    size = len(gzip.compress((published_site / "wilayah" / "index.html").read_bytes(), 9))
    assert size <= BUDGET, f"/wilayah/ is {size} bytes gzip -9"


def test_regency_feeds_are_valid_atom_with_regency_categories(published_site):
    feed_path = published_site / "feeds" / "wilayah" / "sikka.atom.xml"
    feed = feedparser.parse(feed_path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title.replace("\xa0", " ") for entry in feed.entries] == [
        "Desa Peduli Pemilu dan Pemilihan Berlanjut di Sikka dan Ende",
        "Sosialisasi Hak Pilih bagi Pemilih Penyandang Disabilitas di Sikka",
    ]
    assert {"Sikka", "Ende"} <= {tag.term for tag in feed.entries[0].tags}
    page = read_html(published_site / "wilayah" / "sikka" / "index.html")
    assert page.find("a", href=f"{SITE_URL}/feeds/wilayah/sikka.atom.xml")
    everything = feedparser.parse((published_site / "feeds" / "semua.atom.xml").read_bytes())
    seed = next(e for e in everything.entries if e.link == f"{SITE_URL}/{SEED_URL}")
    assert "Se-NTT" in {tag.term for tag in seed.tags}
    # No empty feeds: they would carry the build time and break reproducible builds.
    assert not (published_site / "feeds" / "wilayah" / "malaka.atom.xml").exists()


def test_sitemap_lists_regency_pages(published_site):
    sitemap = (published_site / "sitemap.xml").read_text()
    assert f"<loc>{SITE_URL}/wilayah/</loc>" in sitemap
    assert f"<loc>{SITE_URL}/wilayah/sikka/</loc>" in sitemap


# The map of /wilayah/ (regencies/map_svg.py, regencies/placement.py), in process.


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "n0"), (1, "n1"), (2, "n1"), (3, "n2"), (9, "n2"), (10, "n3"), (400, "n3")],
)
def test_a_regency_is_shaded_by_its_number_of_posts(count, expected):
    assert map_svg.shade(count) == expected


def test_the_legend_says_in_words_what_each_shade_means():
    assert map_svg.legend() == [
        ("n0", "belum ada berita"),
        ("n1", "1\u20132 berita"),
        ("n2", "3\u20139 berita"),
        ("n3", "10 berita atau lebih"),
    ]
    # Every number of posts has its shade in the legend, and every shade its numbers.
    assert {map_svg.shade(count) for count in range(50)} == {s for s, _ in map_svg.legend()}


def test_a_label_is_the_name_or_the_shortest_one_word_alias():
    labels = {r.code: map_svg.map_labels(r.short_name, r.aliases) for r in GAZETTEER.regencies}
    assert labels["53.02"] == ("Timor Tengah Selatan", "TTS")
    assert labels["53.15"] == ("Manggarai Barat", "Mabar")
    assert labels["53.20"] == ("Sabu Raijua", "Sabu")
    # "Kab. Kupang" is two words: the two Kupangs are only ever named in full.
    assert labels["53.01"] == ("Kabupaten Kupang",)
    assert labels["53.71"] == ("Kota Kupang",)


def test_two_line_labels_split_at_a_space():
    assert placement.text_lines("Sumba Barat Daya") == [
        ["Sumba Barat Daya"],
        ["Sumba", "Barat Daya"],
        ["Sumba Barat", "Daya"],
    ]
    assert placement.text_lines("Ende") == [["Ende"]]


def test_a_box_knows_the_lines_that_cross_it():
    box = placement.Box(0, 0, 10, 10)
    assert box.crossed_by((-20, 0), (20, 0))
    assert box.crossed_by((0, 0), (30, 30))
    assert not box.crossed_by((-20, 8), (20, 8))
    assert not box.crossed_by((-20, -20), (-6, 0))
    assert box.overlaps(placement.Box(8, 0, 10, 10))
    # Two units apart: clear of each other, but not GAP apart.
    assert not box.overlaps(placement.Box(12, 0, 10, 10))
    assert box.overlaps(placement.Box(12, 0, 10, 10), gap=4)


def test_the_pole_of_a_bent_shape_is_inside_it():
    ell = [(0, 0), (100, 0), (100, 20), (20, 20), (20, 100), (0, 100)]
    x, y = placement.pole(ell)
    assert placement.contains(ell, x, y)
    assert placement.edge_distance(ell, x, y) >= 8


@pytest.fixture(scope="module")
def layout():
    rings = map_svg.read_rings(ROOT / "data" / "ntt-regencies.geojson")
    to_pixels, height = map_svg.project(rings)
    pixels = {code: map_svg.pixel_rings(rings[code], to_pixels) for code in rings}
    regions = {
        r.code: map_svg.Region(
            f"/wilayah/{r.slug}/",
            r.short_name,
            0,
            map_svg.map_labels(r.short_name, r.aliases),
            inset=r.type == "kota",
        )
        for r in GAZETTEER.regencies
    }
    labels, insets = placement.place_labels(
        {code: region.labels for code, region in regions.items()},
        {code for code, region in regions.items() if region.inset},
        pixels,
        (map_svg.WIDTH, height),
    )
    return regions, labels, insets, placement.Land(pixels, (map_svg.WIDTH, height)), height


def test_every_regency_is_named_on_the_map_and_no_name_on_another(layout):
    regions, labels, insets, land, height = layout
    assert set(insets) == {"53.71"}
    assert set(labels) | set(insets) == set(regions)
    boxes = [(code, box, line) for code, (_, box, line) in labels.items()]
    boxes += [(code, box, line) for code, (box, line) in insets.items()]
    for code, box, line in boxes:
        assert box.within(map_svg.WIDTH, height), code
        # On its own regency or in the sea, never on a neighbour.
        assert land.codes_in(box) <= {code, None}, code
        if line is not None:
            assert land.at(*line[1]) == code, code
    for i, (code, box, line) in enumerate(boxes):
        for other, other_box, other_line in boxes[i + 1 :]:
            assert not box.overlaps(other_box), (code, other)
            assert line is None or not other_box.crossed_by(*line), (code, other)
            assert other_line is None or not box.crossed_by(*other_line), (other, code)
    for code, (lines, _, _) in labels.items():
        assert " ".join(lines) in regions[code].labels, code


def test_kota_kupang_has_a_box_in_the_sea_large_enough_to_tap(layout):
    _, _, insets, land, _ = layout
    box, (_, city) = insets["53.71"]
    assert land.codes_in(box) == {None}
    assert box.width >= placement.TARGET and box.height >= placement.TARGET
    assert land.at(*city) == "53.71"


def test_the_map_names_each_region_and_shades_it_by_class(layout):
    regions, *_ = layout
    counts = {"53.07": 2, "53.71": 1, "53.01": 12}
    regions = {
        code: map_svg.Region(r.href, r.name, counts.get(code, 0), r.labels, r.inset)
        for code, r in regions.items()
    }
    from bs4 import BeautifulSoup

    svg = BeautifulSoup(
        map_svg.regency_map(ROOT / "data" / "ntt-regencies.geojson", regions), "html.parser"
    )
    links = {a["href"]: a for a in svg.select("svg > a")}
    assert len(links) == 22
    assert links["/wilayah/sikka/"]["aria-label"] == "Sikka: 2 berita"
    assert links["/wilayah/sikka/"].title.get_text() == "Sikka: 2 berita"
    assert links["/wilayah/kabupaten-kupang/"]["aria-label"] == "Kabupaten Kupang: 12 berita"
    assert [p["class"] for p in links["/wilayah/kota-kupang/"].find_all("path")] == [["n1"], ["n1"]]
    assert links["/wilayah/kabupaten-kupang/"].path["class"] == ["n3"]
    assert links["/wilayah/malaka/"].path["class"] == ["n0"]
    # Colours come from style.css by class: the page's policy allows no style attribute.
    assert not svg.select("[style], [fill^='#']")
    labels = svg.select("g[aria-hidden=true] text")
    assert len(labels) == 22
    assert svg.find("g")["font-size"] == str(placement.LABEL_SIZE)
