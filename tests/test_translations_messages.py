"""What editors and office maintainers read, as they read it: in Indonesian.

conftest.py sets KPU_LANG=en for the rest of the suite; each test here asks
for Indonesian (KPU_LANG=id) and compares whole lines, so that a message that
is not in the catalog, or whose placeholders are lost, fails.
"""

import io
import subprocess
import sys
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOT, run_task
from pelican.settings import DEFAULT_CONFIG

from kpu_content.new_post import new_post_file
from kpu_content.output_check import check_output
from photos import plan_photos
from photos.variants import photo_problem
from regencies.gazetteer import RegencyError, load_gazetteer
from safe_html.findings import findings
from site_build import preview

PAGE = "<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


@pytest.fixture
def indonesian(monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")


def test_dev_py_refuses_an_old_python_in_indonesian(tmp_path):
    run = (
        "import runpy, sys\n"
        "sys.version_info = (3, 10, 12, 'final', 0)\n"
        "sys.argv = ['dev.py', 'check']\n"
        f"runpy.run_path({str(ROOT / 'dev.py')!r}, run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", run],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "KPU_VENV": str(tmp_path / "venv"), "KPU_LANG": "id"},
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "dev.py: Python 3.10.12 tidak didukung; jalankan dengan Python 3.11 sampai 3.13\n"
    )


def new_post_settings(tmp_path) -> dict:
    return {
        "CATEGORIES": ["Berita", "Pengumuman", "Siaran Pers"],
        "SLUG_REGEX_SUBSTITUTIONS": DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"],
        "PATH": str(tmp_path / "content"),
        "ARTICLE_PATHS": ["berita"],
    }


def test_new_post_errors(tmp_path, indonesian):
    settings = new_post_settings(tmp_path)
    now = datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("Asia/Makassar"))
    with pytest.raises(ValueError) as empty:
        new_post_file(settings, "  ", "Berita", now)
    assert str(empty.value) == (
        'judul kosong; tulis judul di antara tanda petik: python3 dev.py new-post "Judul berita"'
    )
    with pytest.raises(ValueError) as category:
        new_post_file(settings, "Rapat Pleno", "Opini", now)
    assert str(category.value) == (
        "kategori 'Opini' bukan salah satu kategori situs (Berita, Pengumuman, Siaran Pers)"
    )
    path = new_post_file(settings, "Rapat Pleno", "Berita", now)
    with pytest.raises(FileExistsError) as again:
        new_post_file(settings, "Rapat Pleno", "Berita", now)
    assert str(again.value) == f"{path} sudah ada; beri berita baru judul lain"


def test_new_post_task_says_it_in_indonesian(site_copy):
    result = run_task(
        site_copy,
        "new-post",
        "Judul Lain",
        "--category",
        "Opini",
        check=False,
        env={"KPU_LANG": "id"},
    )
    assert result.returncode == 1
    assert (
        "kategori 'Opini' bukan salah satu kategori situs (Berita, Pengumuman, Siaran Pers)"
        in result.stderr.splitlines()
    )


def test_an_unknown_regency_with_a_suggestion(indonesian):
    gazetteer = load_gazetteer(str(ROOT / "data" / "regencies.toml"))
    with pytest.raises(RegencyError) as unknown:
        gazetteer.resolve("Sika")
    assert str(unknown.value) == "kabupaten/kota 'Sika' tidak dikenal; maksudnya 'Sikka'?"
    with pytest.raises(RegencyError) as ambiguous:
        gazetteer.place("Sikka, Kupang")
    assert ambiguous.value.problems == (
        "'Kupang' adalah dua daerah: tulis 'Kota Kupang' atau 'Kabupaten Kupang'",
    )


def test_a_findings_warning(indonesian):
    found = findings("Teks.\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>")
    assert [(finding.line, finding.message, finding.error) for finding in found] == [
        (1, "<script> dihapus dari berita saat situs dibangun", False),
        (
            2,
            "atribut 'onerror=' (penangan peristiwa) dihapus dari berita saat situs dibangun",
            False,
        ),
    ]


def test_a_photo_that_is_not_a_photo(tmp_path, indonesian):
    photo = tmp_path / "rusak.jpg"
    photo.write_bytes(b"bukan foto")
    assert photo_problem(photo) == (
        "tidak dapat dibaca sebagai foto JPEG, PNG, atau WebP; "
        "ekspor ulang dari kamera atau aplikasi penyunting foto"
    )


def test_a_missing_photo_stops_its_post_with_a_message(tmp_path, indonesian):
    post = SimpleNamespace(
        settings={"PATH": str(tmp_path), "SITEURL": ""}, image="images/hilang.jpg", _content=""
    )
    with pytest.raises(ValueError) as missing:
        plan_photos(post)
    assert str(missing.value) == (
        "foto 'images/hilang.jpg' tidak ada di content/ atau tidak dapat dibaca sebagai foto; "
        "python3 dev.py check menjelaskan apa yang perlu diperbaiki"
    )


def test_output_check_messages(tmp_path, indonesian):
    (tmp_path / "terpotong.html").write_text("<!doctype html><html><title>T</title><body>")
    (tmp_path / "index.html").write_text(PAGE.format(title="Beranda", body='<a href="/x/">x</a>'))
    assert sorted(check_output(tmp_path, "", workers=1)) == [
        "index.html: tautan ke /x/ tidak menemukan berkasnya",
        "terpotong.html: halaman terpotong atau tanpa <title>",
    ]


def test_verify_output_counts_in_indonesian(site_copy, tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text(PAGE.format(title="Beranda", body=""))
    passed = run_task(site_copy, "verify-output", "--output", str(output), env={"KPU_LANG": "id"})
    assert passed.stdout == "verify-output: 1 halaman diperiksa, tanpa masalah\n"
    (output / "rusak.html").write_text("<html><body>")
    failed = run_task(
        site_copy, "verify-output", "--output", str(output), check=False, env={"KPU_LANG": "id"}
    )
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [
        "rusak.html: halaman terpotong atau tanpa <title>",
        "verify-output: 1 masalah; situs tidak diterbitkan",
    ]


class FailingPreview:
    def __init__(self, settings):
        pass

    def update(self, path):
        raise RuntimeError("rusak")


def test_the_preview_says_in_indonesian_that_an_update_failed(
    monkeypatch, capsys, caplog, indonesian
):
    monkeypatch.setattr(preview, "read_settings", lambda *arguments, **options: {})
    monkeypatch.setattr(preview, "init_logging", lambda **options: None)
    monkeypatch.setattr(preview, "Preview", FailingPreview)
    monkeypatch.setattr(sys, "stdin", io.StringIO("content/berita/a.md\n"))
    assert preview.main("pelicanconf.py", "output") == 0
    assert [record.getMessage() for record in caplog.records] == ["pratinjau gagal diperbarui"]
    # The answers tasks.py reads stay as they are.
    assert capsys.readouterr().out == "@preview ready\n@preview rebuild\n"
