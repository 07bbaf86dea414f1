"""Every office's export: localised, saved again by Excel, split in parts; and the refusals."""

import json
from pathlib import Path

import pytest
from conftest import SEED_URL, run_task

from view_counts import snapshot as snapshots
from view_counts.exports import Columns, ExportError, read_export
from view_counts.importing import ImportFailure, import_files

WRITTEN = Path(__file__).parent / "fixtures" / "analytics-written"
REAL = Path(__file__).parent / "fixtures" / "analytics-real"
SEED = "/" + SEED_URL
NOVEMBER = {
    SEED: 1204,
    "/wilayah/sikka/": 310,
    "/berita/2026/11/pleno-rekapitulasi-dpb/": 52,
    "/cari/": 0,
}


def written(name: str) -> Path:
    assert (WRITTEN / name).is_file(), f"{WRITTEN / name} is missing"
    return WRITTEN / name


@pytest.mark.parametrize(
    "name",
    [
        "ga4-pages-id.csv",
        "ga4-pages-id-excel.csv",  # semicolons, decimal commas, padded '#' lines, cp1252
        "ga4-pages-id-excel-utf8.csv",  # a UTF-8 BOM, CRLF
        "ga4-pages-id-excel-unicode.txt",  # UTF-16LE with a BOM, tabs
    ],
)
def test_ga4_in_indonesian_and_as_excel_saves_it(name):
    export = read_export(written(name))
    assert export.format == "ga4-csv" and export.metric == "Tampilan"
    assert (str(export.start), str(export.end)) == ("2026-11-01", "2026-11-30")
    assert dict(export.views) == NOVEMBER
    assert export.skipped == {"not a page (totals, others, not set)": 1}


def test_ga4_in_a_language_without_names_here_is_read_by_its_values():
    """German labels: the path column holds addresses, page views are the first whole number
    (not 'Aktive Nutzer' after it, nor the ratio '1.505')."""
    export = read_export(written("ga4-pages-de.csv"))
    assert export.format == "ga4-csv" and export.metric == "Aufrufe"
    assert (str(export.start), str(export.end)) == ("2026-11-01", "2026-11-30")
    assert dict(export.views) == {SEED: 1204, "/wilayah/sikka/": 310}


def test_universal_analytics_in_indonesian():
    export = read_export(written("ua-pages-id.csv"))
    assert export.format == "ua-csv" and export.metric == "Tampilan Halaman"
    assert (str(export.start), str(export.end)) == ("2025-01-01", "2025-06-30")
    # '1.234' is one thousand two hundred and thirty-four; the Day Index is not read.
    assert dict(export.views) == {SEED + "?utm_source=wa": 1234, "/index.php/blog/read/1234": 7}
    assert export.skipped == {"totals row": 1}


def test_matomo_in_indonesian_reads_page_views_not_unique_ones():
    export = read_export(written("matomo-page-urls-id.csv"))
    assert export.format == "matomo" and export.metric == "Tampilan Halaman"
    assert dict(export.views) == {SEED: 1234, "/index.php/blog/read/1234": 4}


def test_a_real_german_matomo_report_of_another_kind_is_refused_naming_its_columns(monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    with pytest.raises(ExportError) as error:
        read_export(REAL / "matomo-api-export-utf16le-translated-de.csv")
    assert error.value.line == 1
    message = str(error.value)
    assert message.startswith(
        "tidak dapat diketahui kolom mana yang menghitung tayangan di antara kolom "
        "'Bezeichnung', 'Eindeutige Besucher', 'Besuche', 'Impressionen'"
    )
    assert "sebutkan kolomnya dengan --views-column" in message
    assert "Actions > Page URLs" in message


UNKNOWN = "Alamat;Pembaca;Tayang\r\n/berita/2021/11/a/;3;7\r\n/wilayah/sikka/;1;2\r\n"


def test_an_unknown_table_is_refused_with_its_columns_then_read_as_told(tmp_path, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    path = tmp_path / "laporan-kantor.csv"
    path.write_bytes(UNKNOWN.encode("cp1252"))
    with pytest.raises(ExportError) as error:
        read_export(path)
    assert error.value.line == 1
    assert str(error.value).endswith(
        "atau sebutkan kolom yang menghitung tayangan dengan --views-column "
        "(kolom yang ada: 'Alamat', 'Pembaca', 'Tayang')"
    )
    export = read_export(path, columns=Columns(views="Tayang"))
    assert export.format == "table" and export.metric == "Tayang"
    assert dict(export.views) == {"/berita/2021/11/a/": 7, "/wilayah/sikka/": 2}
    assert dict(read_export(path, columns=Columns(views="3")).views) == dict(export.views)
    with pytest.raises(ExportError) as error:
        read_export(path, columns=Columns(views="Tampilan"))
    assert str(error.value) == (
        "tidak ada kolom 'Tampilan' (diberikan dengan --views-column); kolom yang ada: "
        "'Alamat', 'Pembaca', 'Tayang'"
    )


def test_a_ga4_export_by_title_needs_another_dimension_in_indonesian(tmp_path, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    text = written("ga4-pages-id.csv").read_text(encoding="utf-8")
    path = tmp_path / "judul.csv"
    path.write_text(
        text.replace("Jalur halaman dan kelas layar,", "Judul halaman dan kelas layar,"),
        encoding="utf-8",
    )
    with pytest.raises(ExportError) as error:
        read_export(path)
    assert error.value.line == 10
    assert "'Page path and screen class'" in str(error.value)


def test_a_bad_number_in_a_localised_export_names_its_row(tmp_path, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    text = written("ga4-pages-id.csv").read_text(encoding="utf-8")
    path = tmp_path / "ga4.csv"
    path.write_text(text.replace("/wilayah/sikka/,310,", "/wilayah/sikka/,tiga ratus,"))
    with pytest.raises(ExportError) as error:
        read_export(path)
    # The column is found by name; its row 12 holds words.
    assert (error.value.line, str(error.value)) == (12, "'tiga ratus' bukan jumlah tayangan")


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> dict:
    """The real site's settings: the seed post, and its old address /index.php/blog/read/1234
    (given to it here), match."""
    from conftest import copy_site
    from pelican.settings import read_settings

    site = copy_site(tmp_path_factory.mktemp("exports") / "site")
    seed = site / "content/berita/2021/2021-11-03-rakor-rencana-pelaksanaan-dp3.md"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace(
            "Wilayah: NTT\n", "Wilayah: NTT\nOld_Urls: /index.php/blog/read/1234\n"
        ),
        encoding="utf-8",
    )
    return read_settings(str(site / "pelicanconf.py"))


def test_an_export_in_parts_is_summed_without_the_row_both_hold(tmp_path, settings):
    target = tmp_path / "view-counts.json"
    done = import_files(WRITTEN / "split", target, settings)
    assert len(done) == 1
    (imported,) = done
    assert imported.files == ["ua-pages-rows-1-3.csv", "ua-pages-rows-3-4.csv"]
    # 1,500 + 20 (its index.html) + 90 (its old address, once, not twice).
    assert imported.report.matched_views == 1610
    assert imported.export.skipped["rows another part of the same export holds too"] == 1
    snapshot = snapshots.load(target)
    (entry,) = snapshot["imports"]
    assert (entry["file"], entry["start"], entry["end"]) == (
        "ua-pages-rows-1-3.csv + ua-pages-rows-3-4.csv",
        "2025-01-01",
        "2025-06-30",
    )
    before = target.read_bytes()
    again = import_files(WRITTEN / "split", target, settings)
    assert not again[0].report.added and target.read_bytes() == before


def test_a_copy_of_a_part_is_counted_once_and_other_periods_are_imports_of_their_own(
    tmp_path, settings
):
    folder = tmp_path / "ekspor"
    folder.mkdir()
    (folder / "ga4-november.csv").write_bytes(written("ga4-pages-id.csv").read_bytes())
    (folder / "ga4-november-excel.csv").write_bytes(written("ga4-pages-id-excel.csv").read_bytes())
    october = written("ga4-pages-id.csv").read_text(encoding="utf-8")
    october = october.replace("20261101", "20261001").replace("20261130", "20261031")
    (folder / "ga4-oktober.csv").write_text(october.replace(",1204,", ",100,"), encoding="utf-8")
    target = tmp_path / "view-counts.json"
    done = import_files(folder, target, settings)
    by_file = {" + ".join(imported.files): imported for imported in done}
    assert sorted(by_file) == ["ga4-november-excel.csv + ga4-november.csv", "ga4-oktober.csv"]
    november = by_file["ga4-november-excel.csv + ga4-november.csv"]
    # Excel's copy holds the same rows with the same views: each counted once.
    assert november.report.matched_views == 1204
    assert by_file["ga4-oktober.csv"].report.matched_views == 100
    assert snapshots.totals(snapshots.load(target))[SEED] == 1304


def test_parts_that_disagree_are_refused_and_nothing_is_written(tmp_path, settings, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    folder = tmp_path / "ekspor"
    folder.mkdir()
    (folder / "a.csv").write_bytes(written("ga4-pages-id.csv").read_bytes())
    other = written("ga4-pages-id.csv").read_text(encoding="utf-8").replace(",310,", ",311,")
    (folder / "b.csv").write_text(other, encoding="utf-8")
    target = tmp_path / "view-counts.json"
    with pytest.raises(ImportFailure) as failure:
        import_files(folder, target, settings)
    assert str(failure.value) == (
        f"{folder / 'b.csv'}: '/wilayah/sikka/' punya 311 tayangan di sini dan 310 di a.csv, "
        "untuk hari yang sama dari alat yang sama: keduanya bukan bagian dari satu ekspor; "
        "impor satu per satu"
    )
    assert not target.exists()


def test_a_bad_file_in_a_folder_names_it_and_its_row(tmp_path, settings, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    folder = tmp_path / "ekspor"
    folder.mkdir()
    (folder / "a.csv").write_bytes(written("ga4-pages-id.csv").read_bytes())
    (folder / "z.csv").write_text("name,visitors,pageviews\n/a/,1,-3\n", encoding="utf-8")
    target = tmp_path / "view-counts.json"
    target.write_text(json.dumps(snapshots.empty()), encoding="utf-8")
    before = target.read_bytes()
    with pytest.raises(ImportFailure) as failure:
        import_files(folder, target, settings)
    assert str(failure.value) == f"{folder / 'z.csv'}:2: jumlah tayangan negatif (-3)"
    assert target.read_bytes() == before
    empty = tmp_path / "kosong"
    empty.mkdir()
    with pytest.raises(ImportFailure) as failure:
        import_files(empty, target, settings)
    assert str(failure.value) == f"{empty}: tidak ada berkas ekspor di sini"


def test_rotated_logs_given_together_are_one_import(tmp_path, settings):
    """access.log.1 and access.log share the day of the rotation: apart, the second would
    overlap the first; together they are summed."""
    line = (
        '10.0.0.1 - - [{day}/Nov/2026:{hour}:00:00 +0800] "GET {path} HTTP/1.1" 200 5 "-" '
        '"Mozilla/5.0 (Mobile; LYF/F300B; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5"\n'
    )
    folder = tmp_path / "log"
    folder.mkdir()
    older = line.format(day="03", hour="10", path=SEED) + line.format(
        day="04", hour="05", path=SEED
    )
    (folder / "access.log.1").write_text(older)
    (folder / "access.log").write_text(line.format(day="04", hour="09", path=SEED) * 3)
    target = tmp_path / "view-counts.json"
    (imported,) = import_files(folder, target, settings)
    assert imported.report.matched_views == 5
    assert (str(imported.export.start), str(imported.export.end)) == ("2026-11-03", "2026-11-04")


KAIOS = "Mozilla/5.0 (Mobile; LYF/F300B; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5"


def hits(*times: str, path: str = SEED) -> str:
    """Log lines of a person reading PATH at each of TIMES ("04/Nov/2026:06:25:13")."""
    return "".join(
        f'10.0.0.1 - - [{time} +0800] "GET {path} HTTP/1.1" 200 5 "-" "{KAIOS}"\n' for time in times
    )


def test_each_night_s_rotated_log_adds_only_the_lines_after_the_last_import(tmp_path, settings):
    """A log rotated at 06.25 shares a day with the one before, and the office imports it
    again with the rest of its folder: lines up to the last one counted are skipped (AWStats'
    rule), every other one is counted on its own day, and nothing is refused."""
    target = tmp_path / "view-counts.json"
    monday = tmp_path / "monday"
    monday.mkdir()
    (monday / "access.log.1").write_text(hits("02/Nov/2026:07:00:00", "03/Nov/2026:05:00:00"))
    (monday / "access.log").write_text(hits("03/Nov/2026:06:30:00", "03/Nov/2026:09:00:00"))
    (first,) = import_files(monday, target, settings)
    assert first.report.matched_views == 4
    # Tuesday: yesterday's access.log, rotated, holds its own lines and the rest of the day.
    tuesday = tmp_path / "tuesday"
    tuesday.mkdir()
    (tuesday / "access.log.2").write_text((monday / "access.log.1").read_text())
    (tuesday / "access.log.1").write_text(
        hits("03/Nov/2026:06:30:00", "03/Nov/2026:09:00:00", "03/Nov/2026:21:00:00")
        + hits("04/Nov/2026:06:24:59")
    )
    (tuesday / "access.log").write_text(hits("04/Nov/2026:06:25:13"))
    (second,) = import_files(tuesday, target, settings)
    assert second.report.matched_views == 3
    assert second.export.skipped == {
        "counted by an earlier import: up to the last line it counted": 4
    }
    snapshot = snapshots.load(target)
    days = snapshot["views"]["access-log"][SEED]
    assert days == {"2026-11-02": 1, "2026-11-03": 4, "2026-11-04": 2}
    assert [entry["period"] for entry in snapshot["imports"]] == [
        "2026-11-02",
        "2026-11-03",
        "2026-11-04",
    ]
    assert snapshot["imports"][-1]["last_line"] == "2026-11-04T06:25:13+08:00"
    # The same folder again, and an older log after a newer one: nothing new.
    assert not import_files(tuesday, target, settings)[0].report.added
    (tmp_path / "old.log").write_text(hits("03/Nov/2026:21:00:00"))
    (old,) = import_files(tmp_path / "old.log", target, settings)
    assert not old.report.added
    assert "holds nothing new" in old.report.message
    assert snapshots.totals(snapshots.load(target))[SEED] == 7


def test_a_line_whose_date_cannot_be_read_is_not_counted(tmp_path):
    log = tmp_path / "access.log"
    log.write_text(hits("03/Nov/2026:09:00:00", "31/Nov/2026:09:00:00", "03/Nop/2026:10:00:00"))
    export = read_export(log)
    assert export.views == {SEED: 1}
    assert export.skipped == {"unreadable date": 2}
    assert (str(export.start), str(export.end)) == ("2026-11-03", "2026-11-03")


def test_a_period_given_to_a_file_with_its_own_days_is_refused(tmp_path, settings):
    """--period is for files without dates: on a GA4 export of November it would count
    November as October, and on a log re-date its lines."""
    target = tmp_path / "view-counts.json"
    for export in (written("ga4-pages-id.csv"), tmp_path / "access.log"):
        (tmp_path / "access.log").write_text(hits("03/Nov/2026:09:00:00"))
        with pytest.raises(ImportFailure) as failure:
            import_files(export, target, settings, period="2026-10-01..2026-10-31")
        assert "--period is for a file that does not say its days" in str(failure.value)
    assert not target.exists()


def test_a_file_without_days_reports_the_period_given_and_a_tool_counting_the_same_days(
    tmp_path, settings
):
    from view_counts.importing import report_lines

    target = tmp_path / "view-counts.json"
    (tmp_path / "access.log").write_text(hits("03/Nov/2026:09:00:00"))
    import_files(tmp_path / "access.log", target, settings)
    pages = tmp_path / "pages.csv"
    pages.write_text(f"name,visitors,pageviews\n{SEED},1,3\n", encoding="utf-8")
    (imported,) = import_files(pages, target, settings, period="2026-11-01..2026-11-30")
    lines = report_lines(imported, "pages.csv")
    assert lines[0] == "pages.csv: plausible-pages, reading 'pageviews', 2026-11-01..2026-11-30"
    assert (
        "  note: pages.csv (plausible) and access.log (access-log) count the same days: "
        "readers counted by both tools are counted twice"
    ) in lines


def test_an_export_of_days_the_old_site_counted_says_so_and_others_are_not_a_page(
    tmp_path, settings
):
    from datetime import date

    target = tmp_path / "view-counts.json"
    held = snapshots.empty()
    snapshots.raise_baseline(held, {SEED: 395}, date(2026, 11, 28))
    snapshots.save(held, target)
    (tmp_path / "access.log").write_text(hits("03/Nov/2026:09:00:00"))
    (log,) = import_files(tmp_path / "access.log", target, settings)
    assert log.report.added and not log.export.notes  # the new server's own log
    (tmp_path / "access.log").write_text(hits("04/Nov/2026:09:00:00"))
    import_files(tmp_path / "access.log", target, settings)  # two days of one file: one note
    (ga4,) = import_files(written("ga4-pages-id.csv"), target, settings)
    assert ga4.export.notes == [
        "ga4-pages-id.csv counts days from 2026-11-01, on or before 2026-11-28, the day the "
        "old site's counts were read: if the tool counted the old site too, those days' views "
        "of its posts are in them already",
        "ga4-pages-id.csv (ga4) and access.log (access-log) count the same days: readers "
        "counted by both tools are counted twice",
    ]
    # Matomo in Indonesian sums the rows it leaves out as "Lainnya" (Others): not a page.
    matomo = tmp_path / "halaman.csv"
    matomo.write_text(f"Label,Tampilan Halaman\n{SEED},3\nLainnya,7\n", encoding="utf-8")
    export = read_export(matomo)
    assert export.skipped == {"not a page (totals, others, not set)": 1}


def test_views_import_of_a_folder_and_a_column_named(site_copy, tmp_path):
    folder = tmp_path / "ekspor"
    folder.mkdir()
    (folder / "laporan.csv").write_bytes(UNKNOWN.replace("/berita/2021/11/a/", SEED).encode())
    refused = run_task(site_copy, "views-import", str(folder), check=False, env={"KPU_LANG": "id"})
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"{folder / 'laporan.csv'}:1: bukan ekspor")
    assert refused.stderr.endswith("Berkas jumlah tayangan tidak diubah.\n")
    result = run_task(
        site_copy,
        "views-import",
        str(folder),
        "--views-column",
        "Tayang",
        "--source",
        "kantor",
        "--period",
        "2026-10-01..2026-10-31",
    )
    assert result.stdout.startswith("laporan.csv: table, reading 'Tayang', ")
    assert "7 views matched to articles" in result.stdout
    snapshot = json.loads((site_copy / "data" / "view-counts.json").read_text(encoding="utf-8"))
    assert snapshot["views"]["kantor"] == {SEED: {"2026-10": 7}}
