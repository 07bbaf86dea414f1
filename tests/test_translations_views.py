"""What an office maintainer reads, in Indonesian, when importing or pulling view counts."""

import json

from conftest import SEED_URL, run_task

from view_counts.exports import read_export
from view_counts.importing import ImportFailure, import_files

INDONESIAN = {"KPU_LANG": "id"}
SEED = "/" + SEED_URL
LINE = (
    '10.0.0.1 - - [03/Nov/2026:09:00:00 +0800] "GET {path} HTTP/1.1" {status} 5000 "-" "{agent}"\n'
)
PERSON = "Mozilla/5.0 (Linux; Android 10) Chrome/120"


def log_line(path, status=200, agent=PERSON):
    return LINE.format(path=path, status=status, agent=agent)


def test_a_refused_export_says_why_and_that_nothing_changed(site_copy, tmp_path):
    snapshot = site_copy / "data" / "view-counts.json"
    before = snapshot.read_bytes()
    bad = tmp_path / "laporan.csv"
    bad.write_text("hello,world\n1,2\n", encoding="utf-8")
    result = run_task(site_copy, "views-import", str(bad), check=False, env=INDONESIAN)
    assert result.returncode == 1
    assert result.stderr == (
        f"{bad}:1: bukan ekspor yang dapat dibaca situs ini (GA4, Universal Analytics, Matomo, "
        "Plausible, GoatCounter, Umami, atau log akses); jika berkas ini salah satunya, sebutkan "
        "formatnya dengan --format, atau sebutkan kolom yang menghitung tayangan dengan "
        "--views-column (kolom yang ada: 'hello', 'world')\n"
        "Berkas jumlah tayangan tidak diubah.\n"
    )
    assert snapshot.read_bytes() == before


def test_an_import_report_counts_skipped_rows_and_matched_views(site_copy, tmp_path):
    log = tmp_path / "access.log"
    log.write_text(
        log_line(SEED) * 3
        + log_line(SEED, agent="Mozilla/5.0 (compatible; Googlebot/2.1)") * 2
        + log_line("/berita/tidak-ada/", status=404)
        + log_line("/tidak-ada/"),
        encoding="utf-8",
    )
    result = run_task(site_copy, "views-import", str(log), env=INDONESIAN)
    # One plural form in Indonesian: "1 baris" and "2 baris" alike.
    assert result.stdout == (
        f"{log}: access-log, membaca 'permintaan GET yang berhasil untuk halaman oleh manusia', "
        "2026-11-03..2026-11-03\n"
        "  2 baris dilewati: crawler dan skrip (daftar CrawlerDetect)\n"
        "  1 baris dilewati: tidak berhasil (404, pengalihan, galat)\n"
        "  3 tayangan cocok dengan berita\n"
        "  1 tayangan tidak cocok dengan berita mana pun; yang paling banyak dilihat:\n"
        "           1  /tidak-ada/\n"
    )
    snapshot = json.loads((site_copy / "data" / "view-counts.json").read_text())
    assert snapshot["views"][snapshot["imports"][0]["source"]] == {SEED: {"2026-11-03": 3}}
    again = run_task(site_copy, "views-import", str(log), env=INDONESIAN)
    assert again.stdout == "access.log sudah pernah diimpor; tidak ada yang berubah\n"


def test_a_negative_count_names_the_file_and_line_first(tmp_path, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    bad = tmp_path / "pages.csv"
    bad.write_text("name,visitors,pageviews\n/a/,1,-3\n", encoding="utf-8")
    try:
        import_files(bad, tmp_path / "view-counts.json", {})
    except ImportFailure as failure:
        assert str(failure) == f"{bad}:2: jumlah tayangan negatif (-3)"
    else:
        raise AssertionError("a negative count was imported")
    assert not (tmp_path / "view-counts.json").exists()


def test_umami_note_and_skipped_reasons_are_indonesian(tmp_path, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    pages = tmp_path / "pages.csv"
    pages.write_text("x,y\r\n/berita/2021/11/a/,40\r\n(not set),3\r\n/logo.png,2\r\n")
    export = read_export(pages)
    assert export.notes == [
        "pages.csv dari Umami menghitung pengunjung, bukan tayangan: angkanya adalah jumlah "
        "pengunjung"
    ]
    assert export.skipped == {
        "bukan halaman (baris total, lainnya, atau tidak diisi)": 1,
        "bukan alamat halaman (aset, feed, atau peristiwa)": 1,
    }


def test_a_pull_without_its_variable_names_it(site_copy, monkeypatch):
    monkeypatch.delenv("PLAUSIBLE_URL", raising=False)  # run_task passes the environment on
    before = (site_copy / "data" / "view-counts.json").read_bytes()
    result = run_task(site_copy, "views-pull", "--tool", "plausible", check=False, env=INDONESIAN)
    assert result.returncode == 1
    assert result.stderr == (
        "views-pull: isi variabel lingkungan PLAUSIBLE_URL (lihat README, bagian 'View counts')\n"
        "Berkas jumlah tayangan tidak diubah.\n"
    )
    assert (site_copy / "data" / "view-counts.json").read_bytes() == before
