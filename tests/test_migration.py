"""Moving the old site: saved pages and a WordPress export into posts, safely and repeatably.

The old sites are made from the seed's text (tests/migration_mirror.py): the
provincial PHP CMS and a regency office's WordPress theme, as wget saves
them. Each test imports into a copy of this site, in the test's process.
"""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, SEED_URL, copy_site
from migration_mirror import (
    CMS_HOST,
    SEED_OLD,
    SEED_SECOND_OLD,
    WP_HOST,
    WP_SEED_OLD,
    cms_mirror,
    many_posts,
    photo,
    wordpress_mirror,
)
from pelican.settings import read_settings

from kpu_content.check import check_site
from kpu_content.header import read_header
from migration import MigrationError, import_export, import_mirror, record_path
from migration.dates import find_moment
from migration.importing import RecordError
from migration.markdown import tidy
from migration.pages import Mirror, count_of, read_page
from migration.regions import guess_wilayah
from migration.report import report_lines
from regencies.gazetteer import load_gazetteer
from view_counts import snapshot as snapshots

SEED_FILE = Path("content/berita/2021/2021-11-03-rakor-rencana-pelaksanaan-dp3.md")
EXPORT = Path(__file__).parent / "fixtures" / "migration" / "wordpress"
WXR = EXPORT / "kab-sikka.WordPress.2021-12-01.xml"
TODAY = date(2026, 12, 1)
PLENO = "rapat-pleno-terbuka-rekapitulasi-daftar-pemilih-berkelanjutan-kabupaten-sikka"


def site_without_seed(tmp_path: Path) -> tuple[Path, dict]:
    """A copy of the site without the hand-typed seed post and without view counts."""
    site = copy_site(tmp_path / "site")
    (site / SEED_FILE).unlink()
    snapshots.save(snapshots.empty(), site / "data" / "view-counts.json")
    return site, read_settings(str(site / "pelicanconf.py"))


def posts_of(site: Path) -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted((site / "content" / "berita").rglob("*.md"))
    }


def imported(site: Path, name_part: str) -> tuple[Path, object]:
    # The old sites' posts are of 2021; content/ has posts of other years with like names.
    found = [p for p in (site / "content" / "berita" / "2021").glob("*.md") if name_part in p.name]
    assert len(found) == 1, found
    return found[0], read_header(found[0].read_text(encoding="utf-8"))


def field(header, name: str) -> str | None:
    found = header.get(name)
    return found.value if found else None


def tree(site: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of content/ and data/ with its modification time."""
    return {
        str(path.relative_to(site)): (path.read_bytes(), path.stat().st_mtime_ns)
        for folder in ("content", "data")
        for path in sorted((site / folder).rglob("*"))
        if path.is_file()
    }


def baseline(site: Path) -> dict[str, int]:
    return snapshots.load(site / "data" / "view-counts.json")["baseline"]


@pytest.fixture
def cms(tmp_path):
    return cms_mirror(tmp_path / "mirror")


@pytest.fixture
def wordpress(tmp_path):
    return wordpress_mirror(tmp_path / "wp-mirror")


@pytest.fixture
def uploads(tmp_path):
    folder = tmp_path / "uploads"
    photo(folder / "2021/11/bimtek-pantarlih.jpg", size=(1600, 1067))
    photo(folder / "2021/11/bimtek-pantarlih-1024x683.jpg", size=(1024, 683))
    photo(folder / "2021/11/rakor-daring.jpg", colour=(30, 30, 30))
    return folder


# -- the seed, in both layouts -----------------------------------------------------------


@pytest.mark.parametrize(("layout", "old"), [("cms", SEED_OLD), ("wordpress", WP_SEED_OLD)])
def test_the_seed_page_imports_as_the_post_typed_from_it(tmp_path, layout, old, request):
    mirror = request.getfixturevalue(layout)
    site, settings = site_without_seed(tmp_path)
    import_mirror(mirror, settings, site, TODAY)
    seed = read_header((ROOT / SEED_FILE).read_text(encoding="utf-8"))
    path, header = imported(site, "kpu-provinsi-ntt-selenggarakan-rakor")
    assert field(header, "title") == field(seed, "title")
    assert field(header, "date") == field(seed, "date") == "2021-11-03 09:00"
    assert header.body.strip() == seed.body.strip()
    assert field(header, "category") == field(seed, "category") == "Berita"
    assert field(header, "wilayah") == field(seed, "wilayah") == "NTT"
    assert field(header, "status") is None
    assert old in field(header, "old_urls").split(", ")
    kept = snapshots.load(ROOT / "data" / "view-counts.json")["baseline"]["/" + SEED_URL]
    assert baseline(site) == {"/" + SEED_URL: 395} | {
        url: count for url, count in baseline(site).items() if url != "/" + SEED_URL
    }
    assert baseline(site)["/" + SEED_URL] == kept == 395
    # Nothing of the page around the post: menus, sidebar, share block, counter, comments.
    for left_out in ("Bagikan", "Telah dilihat", "Berita Terkini", "Post Views", "Maria Goreti"):
        assert left_out not in path.read_text(encoding="utf-8")


def test_photos_tables_lists_and_links_survive(tmp_path, cms):
    site, settings = site_without_seed(tmp_path)
    import_mirror(cms, settings, site, TODAY)
    _path, header = imported(site, f"2021-11-12-{PLENO}")
    body = header.body
    assert field(header, "date") == "2021-11-12 14:30"
    assert field(header, "wilayah") == "Sikka"
    assert field(header, "status") is None
    assert (
        "![Peserta rapat pleno di aula KPU Kabupaten Sikka]({static}/images/2021/pleno-sikka.jpg)"
        in body
    )
    copied = site / "content/images/2021/pleno-sikka.jpg"
    assert (
        copied.read_bytes()
        == (cms / CMS_HOST / "assets/images/berita/pleno-sikka.jpg").read_bytes()
    )
    assert "| Jenis kelamin | Jumlah pemilih |\n| --- | --- |\n| Laki-laki | 119.204 |" in body
    assert "| **Jumlah** | **247.084** |" in body
    assert (
        "- memeriksa namanya di [cekdptonline.kpu.go.id](https://cekdptonline.kpu.go.id/);" in body
    )
    assert "**Maumere, KPU Kabupaten Sikka** – KPU" in body
    assert "*Dinas Kependudukan dan Pencatatan Sipil*" in body
    seed_post = next((site / "content/berita/2021").glob("2021-11-03-*.md")).name
    assert f"[rapat koordinasi DP3]({{filename}}/berita/2021/{seed_post})" in body
    assert baseline(site)[f"/berita/2021/11/{PLENO}/"] == 1204  # "Telah dilihat 1.204 kali"
    assert not [problem for problem in check_site(settings, site) if problem.fatal]


def test_what_an_editor_must_decide_is_a_draft_with_the_reasons(tmp_path, cms):
    site, settings = site_without_seed(tmp_path)
    report = import_mirror(cms, settings, site, TODAY)
    path, header = imported(site, "jadwal-bimbingan-teknis")
    assert field(header, "status") == "draft"
    assert field(header, "wilayah") is None
    assert field(header, "category") == "Pengumuman"
    assert field(header, "date") == "2021-11-18 11:00"  # 10.00 WIB
    # No alt text on the old site: linked for the editor to describe, never invented.
    assert (
        "[Foto tanpa teks alternatif: bimtek.jpg]({static}/images/2021/bimtek.jpg)" in header.body
    )
    assert "1. Kabupaten Ende: 22–23 November 2021.\n2. Kabupaten Nagekeo" in header.body
    review = {outcome.path: outcome.reasons for outcome in report.review}
    reasons = " ".join(review[str(path.relative_to(site))])
    assert "Ende, Nagekeo" in reasons and "bimtek.jpg has no alt text" in reasons
    _path, missing = imported(site, "pendaftaran-calon-anggota-ppk")
    assert field(missing, "status") == "draft" and field(missing, "category") == "Siaran Pers"
    reasons = " ".join(r for o in report.review if "pendaftaran" in o.path for r in o.reasons)
    assert "https://ntt.kpu.go.id/assets/images/berita/seleksi-ppk.jpg" in reasons
    assert "names no regency" in reasons
    for outcome in report.review:
        assert outcome.sources[0].startswith(f"{CMS_HOST}/index.php/blog/read/")
    # Nothing imported stops the build: `check` passes on the site as it is now.
    assert not [problem for problem in check_site(settings, site) if problem.fatal]
    assert report.fatal == 0


def test_lists_tags_and_the_home_page_are_skipped(tmp_path, cms, wordpress):
    site, settings = site_without_seed(tmp_path)
    report = import_mirror(cms, settings, site, TODAY)
    skipped = {s.source: s.reason for s in report.skipped}
    assert skipped == {
        f"{CMS_HOST}/index.html": "the home page",
        f"{CMS_HOST}/index.php/blog/category/104.html": "a list of posts",
        f"{CMS_HOST}/index.php/blog/category/104?page=2.html": "a list of posts",
        f"{CMS_HOST}/index.php/blog/tag/DP3.html": "a tag page",
    }
    site, settings = site_without_seed(tmp_path / "wp")
    report = import_mirror(wordpress, settings, site, TODAY)
    skipped = {s.source: s.reason for s in report.skipped}
    assert skipped == {
        f"{WP_HOST}/index.html": "the home page",
        f"{WP_HOST}/page/2/index.html": "the home page",
        f"{WP_HOST}/category/berita/index.html": "a list of posts",
        f"{WP_HOST}/tag/dp3/index.html": "a tag page",
        f"{WP_HOST}/profil/index.html": "a page of the old site, not a news post",
    }
    assert {o.sources[0] for o in report.written} == {
        f"{WP_HOST}{WP_SEED_OLD}index.html",
        f"{WP_HOST}/2021/11/05/bimtek-pantarlih/index.html",
    }


def test_old_pages_that_become_one_address_are_both_reported(tmp_path, cms):
    site, settings = site_without_seed(tmp_path)
    report = import_mirror(cms, settings, site, TODAY)
    # The same post at two old addresses: one post, both addresses redirect to it.
    (merged,) = report.merged
    assert merged.sources == [
        f"{CMS_HOST}{SEED_OLD}.html",
        f"{CMS_HOST}{SEED_SECOND_OLD}.html",
    ]
    _path, header = imported(site, "kpu-provinsi-ntt-selenggarakan-rakor")
    assert field(header, "old_urls") == f"{SEED_OLD}, {SEED_SECOND_OLD}"
    # Two posts with one title in one month: the later one gets its own address, as a draft.
    (renamed,) = report.renamed
    assert renamed.path.endswith(f"2021-11-29-{PLENO}-2.md")
    _path, second = imported(site, f"{PLENO}-2")
    assert field(second, "slug") == f"{PLENO}-2" and field(second, "status") == "draft"
    reasons = next(o.reasons for o in report.review if o.path == renamed.path)
    assert f"{CMS_HOST}/index.php/blog/read/1235.html" in reasons[0]
    lines = "\n".join(report_lines(report))
    assert f"{CMS_HOST}/index.php/blog/read/1238.html" in lines
    assert f"{CMS_HOST}{SEED_SECOND_OLD}.html" in lines


# -- safe to repeat ----------------------------------------------------------------------


def test_a_second_import_changes_nothing(tmp_path, cms):
    site, settings = site_without_seed(tmp_path)
    first = import_mirror(cms, settings, site, TODAY)
    before = tree(site)
    again = import_mirror(cms, settings, site, TODAY)
    assert tree(site) == before  # byte for byte, and not even written again
    assert again.written == [] and again.photos == 0 and again.views == 0
    assert len(again.unchanged) == len(first.written) == 5


def test_an_edited_post_is_kept_and_a_deleted_one_stays_deleted(tmp_path, cms):
    site, settings = site_without_seed(tmp_path)
    import_mirror(cms, settings, site, TODAY)
    edited, _header = imported(site, f"2021-11-12-{PLENO}")
    text = edited.read_text(encoding="utf-8").replace("Wilayah: Sikka", "Wilayah: Sikka, Ende")
    edited.write_text(text, encoding="utf-8")
    deleted, _header = imported(site, "pendaftaran-calon-anggota-ppk")
    deleted.unlink()
    report = import_mirror(cms, settings, site, TODAY)
    assert edited.read_text(encoding="utf-8") == text
    assert not deleted.exists()
    kept = {outcome.path: outcome.reasons[0] for outcome in report.kept}
    assert "was edited after the import" in kept[str(edited.relative_to(site))]
    assert "was deleted by an editor" in kept[str(deleted.relative_to(site))]


def test_a_post_already_typed_by_hand_is_kept_and_its_count_stays(tmp_path, cms):
    site = copy_site(tmp_path / "site")
    settings = read_settings(str(site / "pelicanconf.py"))
    before = (site / SEED_FILE).read_bytes()
    report = import_mirror(cms, settings, site, TODAY)
    assert (site / SEED_FILE).read_bytes() == before
    (kept,) = [outcome for outcome in report.kept if outcome.path == str(SEED_FILE)]
    assert f"add 'Old_Urls: {SEED_OLD}, {SEED_SECOND_OLD}' to it" in kept.reasons[0]
    assert baseline(site)["/" + SEED_URL] == 395
    # Links to it from the other imported posts lead to the editor's file.
    _path, header = imported(site, f"2021-11-12-{PLENO}")
    assert f"({{filename}}/berita/2021/{SEED_FILE.name})" in header.body


def test_an_import_stopped_by_a_failing_write_leaves_the_site_valid(tmp_path, cms):
    site, settings = site_without_seed(tmp_path)
    snapshot_before = (site / "data" / "view-counts.json").read_bytes()
    # A folder where a post's file goes: the rename onto it fails, as a full disk would.
    blocked = (
        site
        / "content/berita/2021"
        / "2021-11-18-jadwal-bimbingan-teknis-ppk-di-ende-dan-nagekeo.md"
    )
    blocked.mkdir(parents=True)
    with pytest.raises(OSError):
        import_mirror(cms, settings, site, TODAY)
    assert (site / "data" / "view-counts.json").read_bytes() == snapshot_before
    assert not record_path(site).exists()
    written = [p for p in (site / "content").rglob("*") if p.is_file() and "2021-11" in p.name]
    assert written, "some posts were written before the failure"
    assert not list((site / "content").rglob("*.tmp"))
    assert not [problem for problem in check_site(settings, site) if problem.fatal]
    blocked.rmdir()
    report = import_mirror(cms, settings, site, TODAY)
    assert report.kept == []  # the posts of the stopped import are recognised as its own
    clean_site, clean_settings = site_without_seed(tmp_path / "clean")
    import_mirror(cms, clean_settings, clean_site, TODAY)
    assert posts_of(site) == posts_of(clean_site)
    assert baseline(site) == baseline(clean_site)


def test_an_import_killed_halfway_leaves_the_site_valid(tmp_path):
    mirror = many_posts(tmp_path / "mirror", 40)
    site, settings = site_without_seed(tmp_path)
    snapshot_before = (site / "data" / "view-counts.json").read_bytes()
    images = site / "content" / "images" / "2021"
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "import-old-site", str(mirror)],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ | {"KPU_NOW": "2026-12-01T09:00:00+08:00"},
    )
    deadline = time.monotonic() + 120
    while not (images.is_dir() and any(images.iterdir())) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # Whatever was written is whole: the site checks, the snapshot reads.
    assert not [problem for problem in check_site(settings, site) if problem.fatal]
    snapshots.load(site / "data" / "view-counts.json")
    if not record_path(site).exists():
        assert (site / "data" / "view-counts.json").read_bytes() == snapshot_before
    for photo_file in images.iterdir():
        assert photo_file.suffix == ".jpg" and photo_file.stat().st_size > 0
    report = import_mirror(mirror, settings, site, TODAY)
    assert report.kept == [] and report.fatal == 0
    clean_site, clean_settings = site_without_seed(tmp_path / "clean")
    import_mirror(mirror, clean_settings, clean_site, TODAY)
    assert posts_of(site) == posts_of(clean_site)
    assert len(posts_of(site)) == len(posts_of(ROOT)) - 1 + 40
    assert baseline(site) == baseline(clean_site)


# -- WordPress ---------------------------------------------------------------------------


def test_a_wordpress_export_with_its_uploads_and_counters(tmp_path, uploads):
    site, settings = site_without_seed(tmp_path)
    report = import_export(WXR, uploads, settings, site, TODAY)
    _path, seed = imported(site, "kpu-provinsi-ntt-selenggarakan-rakor")
    typed = read_header((ROOT / SEED_FILE).read_text(encoding="utf-8"))
    assert field(seed, "title") == field(typed, "title")
    assert field(seed, "date") == "2021-11-03 09:00"  # post_date_gmt 01:00 UTC
    assert seed.body.strip() == typed.body.strip()
    assert field(seed, "tags") == "DP3, Rapat Koordinasi, Sosialisasi"
    assert (
        field(seed, "old_urls")
        == "/2021/11/03/kpu-provinsi-ntt-selenggarakan-rakor-rencana-pelaksanaan-dp3/"
    )
    assert baseline(site)["/" + SEED_URL] == 395  # 'views' 395 beside post_views_count 390
    _path, bimtek = imported(site, "bimbingan-teknis-pantarlih")
    assert field(bimtek, "image") == "images/2021/bimtek-pantarlih.jpg"  # _thumbnail_id
    assert field(bimtek, "image_alt") == "Petugas pemutakhiran data mengikuti bimbingan teknis"
    # The full-size photo, not WordPress's 1024 px copy; the caption under it.
    assert (site / "content/images/2021/bimtek-pantarlih.jpg").read_bytes() == (
        uploads / "2021/11/bimtek-pantarlih.jpg"
    ).read_bytes()
    assert "({static}/images/2021/bimtek-pantarlih.jpg)\n\n*Bimbingan teknis di aula" in bimtek.body
    assert "| Kecamatan | Petugas |" in bimtek.body
    seed_name = next((site / "content/berita/2021").glob("2021-11-03-*.md")).name
    assert f"[rapat koordinasi DP3]({{filename}}/berita/2021/{seed_name})" in bimtek.body
    assert "<https://www.youtube.com/watch?v=abc123>" in bimtek.body
    assert baseline(site)["/berita/2021/11/bimbingan-teknis-pantarlih-kabupaten-sikka/"] == 212
    _path, draft = imported(site, "jadwal-coklit")
    assert field(draft, "status") == "draft" and field(draft, "category") == "Pengumuman"
    assert "[Foto tanpa teks alternatif: rakor-daring.jpg]" in draft.body  # from [gallery]
    skipped = {s.source.split(" ", 1)[1]: s.reason for s in report.skipped}
    assert skipped == {
        "(Berita Lama yang Dibuang)": "in WordPress's trash or an unsaved draft",
        "(Profil)": "a WordPress page, not a post",
    }
    # ?p=ID: no static host can redirect it; kept in the record, named in the report.
    assert ("kab-sikka.WordPress.2021-12-01.xml:150", "/?p=1240") in report.unredirected
    record = json.loads(record_path(site).read_text(encoding="utf-8"))
    assert "/?p=1234" in next(e["addresses"] for e in record["posts"].values() if "rakor" in str(e))
    before = tree(site)
    again = import_export(WXR, uploads, settings, site, TODAY)
    assert tree(site) == before and again.written == []


# -- what an editor or an export can get wrong -------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("<rss version='2.0'><channel><item><title>x</title>", 1, "is not a whole WordPress export"),
        ("<html><body>Tidak ada</body></html>", 1, "this is not a WordPress export (WXR)"),
        ("<?xml version='1.0'?>\n<rss version='2.0'>\n<channel>\n<title>a &nbsp; b</title>", 4, "is not a whole WordPress export"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_an_export_is_named_with_its_line(tmp_path, text, line, message):
    site, settings = site_without_seed(tmp_path)
    export = tmp_path / "ekspor.xml"
    export.write_text(text, encoding="utf-8")
    before = tree(site)
    with pytest.raises(MigrationError) as error:
        import_export(export, None, settings, site, TODAY)
    assert str(error.value).startswith(f"{export}:{line}: ")
    assert message in str(error.value)
    assert tree(site) == before


def test_a_folder_without_saved_pages_is_refused(tmp_path):
    site, settings = site_without_seed(tmp_path)
    (tmp_path / "kosong").mkdir()
    with pytest.raises(MigrationError, match="has no saved pages"):
        import_mirror(tmp_path / "kosong", settings, site, TODAY)
    with pytest.raises(MigrationError, match="is not a folder"):
        import_mirror(tmp_path / "tidak-ada", settings, site, TODAY)


def test_a_damaged_record_is_named_and_nothing_is_written(tmp_path, cms):
    site, settings = site_without_seed(tmp_path)
    record_path(site).write_text('{"version": 1,\n "posts": {\n', encoding="utf-8")
    before = tree(site)
    with pytest.raises(RecordError) as error:
        import_mirror(cms, settings, site, TODAY)
    assert str(error.value).startswith(f"{record_path(site)}:3: ")
    assert tree(site) == before


def test_errors_and_the_report_are_in_indonesian(tmp_path, cms, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    site, settings = site_without_seed(tmp_path)
    export = tmp_path / "ekspor.xml"
    export.write_text("<html></html>", encoding="utf-8")
    with pytest.raises(MigrationError) as error:
        import_export(export, None, settings, site, TODAY)
    assert "bukan ekspor WordPress" in str(error.value)
    lines = "\n".join(report_lines(import_mirror(cms, settings, site, TODAY)))
    assert "Perlu ditinjau" in lines and "halaman daftar berita" in lines
    assert "teks menyebut beberapa kabupaten/kota (Ende, Nagekeo)" in lines


# -- the pure parts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rabu, 3 November 2021 09.00 Wita", "2021-11-03 09:00"),
        ("Kamis, 18 November 2021 | 10.00 WIB", "2021-11-18 11:00"),
        ("Jumat, 31 Desember 2021 pukul 23.30 WIT", "2021-12-31 22:30"),
        ("3 Agu 2021", "2021-08-03 00:00"),
        ("November 3, 2021 at 9:00", "2021-11-03 09:00"),
        ("03/11/2021 09:00", "2021-11-03 09:00"),
        ("30 Februari 2021, lalu 1 Maret 2021", "2021-03-01 00:00"),
    ],
)
def test_indonesian_dates_in_wita(text, expected):
    assert f"{find_moment(text).when:%Y-%m-%d %H:%M}" == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Telah dilihat 395 kali", 395),
        ("Telah dilihat 1.204 kali", 1204),
        ("Dibaca: 87 kali", 87),
        ("Post Views: 212", 212),
        ("Bagikan: facebook twitter", None),
    ],
)
def test_counters(text, count):
    assert count_of(text) == count


@pytest.mark.parametrize(
    ("text", "wilayah"),
    [
        ("Rapat koordinasi bersama 22 KPU Kabupaten/Kota se-NTT.", ("NTT", None)),
        ("Maumere, KPU Kabupaten Sikka menggelar rapat pleno.", ("Sikka", None)),
        ("Bimtek di Kabupaten Ende dan Kabupaten Nagekeo.", None),
        ("Rakor se-NTT dibuka di Ende.", None),
        ("Pendaftaran dibuka di kantor KPU kabupaten/kota.", None),
    ],
)
def test_wilayah_only_when_the_text_is_clear(text, wilayah):
    found = guess_wilayah(text, load_gazetteer(str(ROOT / "data" / "regencies.toml")))
    if wilayah is None:
        assert found[0] is None and found[1]
    else:
        assert found == wilayah


def test_tidy_markdown():
    assert tidy("a  b , c\xa0\n\n\n\nd ;\n") == "a b, c\n\nd;\n"


def test_a_saved_page_names_its_old_address(tmp_path, cms):
    mirror = Mirror(cms)
    post = read_page(cms / CMS_HOST / "index.php/blog/read/1235.html", mirror)
    assert post.addresses == ["/index.php/blog/read/1235"]
    assert post.base == f"https://{CMS_HOST}/index.php/blog/read/1235"
    # Without a host folder or og:url (wget -nH): the file's place, wget's .html undone.
    page = tmp_path / "nh" / "index.php" / "blog" / "read" / "77.html"
    page.parent.mkdir(parents=True)
    html = (cms / CMS_HOST / "index.php/blog/read/1235.html").read_text(encoding="utf-8")
    page.write_text(html.replace('<meta property="og:url"', '<meta property="x"'), encoding="utf-8")
    assert read_page(page, Mirror(tmp_path / "nh")).addresses == ["/index.php/blog/read/77"]


def test_dev_py_says_what_each_import_needs():
    import importlib.util

    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    assert dev.refusal(["import-old-site"]) == (
        "'import-old-site' needs FOLDER, e.g. python3 dev.py import-old-site ~/situs-lama"
    )
    assert "python3 dev.py import-wordpress ekspor-wordpress.xml" in dev.refusal(
        ["import-wordpress"]
    )
    assert dev.refusal(["import-wordpress", "a.xml", "--uploads", "u"]) is None


def test_old_counters_raise_the_baseline_and_never_lower_it():
    snapshot = snapshots.empty()
    assert snapshots.raise_baseline(snapshot, {"/a/": 395, "/b/": 10}, TODAY) == 2
    assert snapshot["baseline_date"] == "2026-12-01"
    # A later copy of the old site raises a count; an earlier one changes nothing.
    assert snapshots.raise_baseline(snapshot, {"/a/": 400, "/b/": 3}, date(2027, 1, 1)) == 1
    assert snapshot["baseline"] == {"/a/": 400, "/b/": 10}
    assert snapshot["baseline_date"] == "2026-12-01"
