"""verify-output (plugins/kpu_content/output_check.py): the built site checked in seconds."""

import os

from conftest import SITE_URL

from kpu_content.output_check import check_output

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
