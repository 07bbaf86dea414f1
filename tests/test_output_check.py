"""verify-output (plugins/kpu_content/output_check.py): the built site checked in seconds."""

import html
import os

import pytest
from conftest import ROOT, SITE_URL
from pelican.settings import read_settings

from kpu_content.check import read_sources, site_posts
from kpu_content.output_check import check_output
from kpu_content.written import site_files
from site_output.compress import minify

PAGE = "<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


def test_the_published_site_passes(published_site):
    assert check_output(published_site, SITE_URL) == []


def test_each_kind_of_problem_is_named_with_its_page(tmp_path, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")  # as the office reads them
    (tmp_path / "berita").mkdir()
    (tmp_path / "gambar.webp").write_bytes(b"webp")
    links = (
        '<a href="/berita/">ada</a><a href=/hilang/>hilang</a>'
        f'<img src="{SITE_URL}/gambar.webp" srcset="/gambar.webp 1x, /kecil.webp 2x">'
        '<a href="https://contoh.test/luar/">luar</a><a href="#isi">isi</a>'
    )
    (tmp_path / "berita" / "index.html").write_text(PAGE.format(title="Berita", body=links))
    (tmp_path / "terpotong.html").write_text("<!doctype html><html><title>T</title><body>")
    noise = os.urandom(20_000).hex()  # does not compress below the budget
    (tmp_path / "besar.html").write_text(PAGE.format(title="Besar", body=noise))
    (tmp_path / "index.html").write_bytes(PAGE.format(title="Rusak", body="\xff").encode("latin-1"))
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text("<p>bukan halaman pembaca</p>")
    problems = check_output(tmp_path, SITE_URL, workers=1)
    assert sorted(problems) == sorted(
        [
            "berita/index.html: tautan ke /hilang/ tidak menemukan berkasnya",
            "berita/index.html: tautan ke /kecil.webp tidak menemukan berkasnya",
            "terpotong.html: halaman terpotong atau tanpa <title>",
            f"besar.html: {problems_size(problems)} bita setelah gzip -9, lebih dari 14000",
            "index.html: bukan UTF-8 (bita ke-60)",
        ]
    )


def problems_size(problems: list[str]) -> str:
    line = next(problem for problem in problems if problem.startswith("besar.html"))
    size = line.split(": ", 1)[1].split()[0]
    assert int(size) > 14_000
    return size


@pytest.mark.parametrize(
    "title",
    ["Belajar tag <b> dan <i> di HTML", "Suara 1 < 2 > 0 dan <3", "<svg><style>x</style></svg>"],
)
def test_a_title_with_markup_written_as_text_passes(tmp_path, title):
    # The production build escapes the title, and the minifier writes '<' back as it is.
    page = minify(PAGE.format(title=html.escape(title) + " | KPU", body="<p>Isi</p>"))
    assert f"<title>{title} | KPU</title>" in page
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert check_output(tmp_path, SITE_URL, workers=1) == []


@pytest.mark.parametrize(
    "head",
    ["<title></title>", "<title> &nbsp; </title>", "<title>", "<meta charset=utf-8>"],
)
def test_an_empty_or_missing_title_is_refused(tmp_path, head):
    (tmp_path / "index.html").write_text(f"<!doctype html><html><head>{head}</head></html>")
    assert check_output(tmp_path, SITE_URL, workers=1) == [
        "index.html: the page is cut short or has no <title>"
    ]


def test_check_knows_every_file_the_published_site_has(published_site):
    # written.site_files() is what `check` holds old addresses and links to:
    # the files the production build writes, but those of folders it owns whole.
    settings = read_settings(str(ROOT / "publishconf.py"))
    sources, _problems = read_sources(settings, ROOT)
    written = site_files(settings, list(site_posts(sources, settings).values()))
    files = {path.relative_to(published_site).as_posix() for path in published_site.rglob("*")}
    files = {path for path in files if (published_site / path).is_file()}
    owned = {path for path in files if (written.clash(path) or "").endswith("/")}
    assert {"admin", "pagefind", "nginx", "theme", "feeds"} <= written.folders
    assert owned and all(path.split("/")[0] in written.folders for path in owned)
    # The feeds are listed too, though their folder is owned: old addresses may not go there.
    assert files - owned == {path for path in written.files if path.split("/")[0] != "feeds"}
    assert {path for path in written.files if path.startswith("feeds/")} <= files
