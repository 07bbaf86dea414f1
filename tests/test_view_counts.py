"""View counts: every export format, path matching, the snapshot, and the rendered count."""

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import SEED_URL, read_html, run_task
from hypothesis import given
from hypothesis import strategies as st

from view_counts import snapshot as snapshots
from view_counts.exports import ExportError, read_export
from view_counts.paths import normalise

# Real files published by the analytics tools' own projects, copied into the
# repository with their sources and licences (fixtures/analytics-real/SOURCES.md).
REAL = Path(__file__).parent / "fixtures" / "analytics-real"


def real(name: str) -> Path:
    assert (REAL / name).is_file(), f"{REAL / name} is missing"
    return REAL / name


SEED = "/" + SEED_URL


@pytest.mark.parametrize(
    ("name", "format", "views", "paths", "start", "end"),
    [
        ("ga4-data-api-pages.json", "ga4-json", 18, 5, "2024-02-22", "2024-04-03"),
        ("goatcounter.csv", "goatcounter", 2, 2, "2020-12-01", "2020-12-27"),
        (
            "plausible-imported_pages-docs-example.csv",
            "plausible-imported",
            45,
            9,
            "2023-02-09",
            "2023-02-09",
        ),
        ("matomo-scheduled-report.csv", "matomo-report", 26, 3, None, None),
        ("matomo-scheduled-report.tsv", "matomo-report", 26, 3, None, None),
        # Three of its lines have no user agent ("-"): a script, not counted.
        ("nginx-combined-goatcounter-testdata.log", "access-log", 1, 1, "2000-10-10", "2000-10-10"),
        (
            "apache-combined-awstats-testglobal.log",
            "access-log",
            26,  # wget, libwww and woozweb-monitoring are in the crawler list
            11,
            "2001-01-01",
            "2001-01-01",
        ),
    ],
)
def test_real_exports(name, format, views, paths, start, end):
    export = read_export(real(name))
    assert export.format == format
    assert sum(export.views.values()) == views
    assert len(export.views) == paths
    assert str(export.start) == str(start) and str(export.end) == str(end)


def test_matomo_reads_pageviews_not_unique_pageviews():
    export = read_export(real("matomo-scheduled-report.csv"))
    assert export.metric == "nb_hits"
    assert export.views["/thankyou"] == 16  # nb_visits is 8
    assert export.skipped["not a page (totals, others, not set)"] == 1  # "Page URL not defined"


@pytest.mark.parametrize(
    "name",
    [
        "matomo-api-export-utf16le.csv",
        "matomo-api-export-utf16le-translated-de.csv",
        "matomo-api-export-utf16le-translated-en.csv",
    ],
)
def test_matomo_reports_that_are_not_page_urls_are_refused(name):
    # Real UTF-16LE exports (raw, German and English headers) of other reports.
    with pytest.raises(ExportError) as error:
        read_export(real(name))
    assert "export Matomo's Actions > Page URLs report" in str(error.value)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


GA4_CSV = """\
# ----------------------------------------
# Pages and screens: Page path and screen class
# Account: KPU NTT
# Property: kpu-ntt
# ----------------------------------------
#\x20
# All Users
# Start date: 20260101
# End date: 20260131
Page path and screen class,Views,Active users,Views per active user,Average engagement time per active user,Event count,Key events,Total revenue
/berita/2021/11/a/,1200,800,1.5,30.2,2400,0,0
"/berita/2021/11/a/index.html",5,3,1.6,12,10,0,0
(not set),4,2,2,0,5,0,0
/wilayah/sikka/,0,1,0,0,1,0,0
"""


def test_ga4_csv_with_preamble(tmp_path):
    export = read_export(write(tmp_path, "ga4.csv", GA4_CSV))
    assert export.format == "ga4-csv" and export.metric == "Views"
    assert (str(export.start), str(export.end)) == ("2026-01-01", "2026-01-31")
    assert export.views["/berita/2021/11/a/"] == 1200
    assert export.views["/berita/2021/11/a/index.html"] == 5
    assert export.skipped["not a page (totals, others, not set)"] == 1


def test_ga4_keyed_by_title_is_refused(tmp_path):
    text = GA4_CSV.replace("Page path and screen class", "Page title and screen class")
    with pytest.raises(ExportError) as error:
        read_export(write(tmp_path, "ga4.csv", text))
    assert error.value.line == 10
    assert "lists page titles, not paths" in str(error.value)


UA_CSV = """\
# ----------------------------------------
# All Web Site Data
# Pages
# 20250101-20250630
# ----------------------------------------

Page,Pageviews,Unique Pageviews,Avg. Time on Page,Entrances,Bounce Rate,% Exit,Page Value
/berita/2021/11/a/?utm_source=wa,"1,234",900,00:01:02,800,50.00%,40.00%,$0.00
/Berita/2021/11/a/,7,7,00:00:10,7,0.00%,0.00%,$0.00
,"1,241",907,00:01:00,807,49.00%,39.00%,$0.00

Day Index,Pageviews
1/1/25,"1,000"
,"1,241"
"""


def test_universal_analytics_quoted_grouping_totals_and_day_index(tmp_path):
    export = read_export(write(tmp_path, "ua.csv", UA_CSV))
    assert export.format == "ua-csv"
    assert dict(export.views) == {"/berita/2021/11/a/?utm_source=wa": 1234, "/Berita/2021/11/a/": 7}
    assert export.skipped["totals row"] == 1
    assert (str(export.start), str(export.end)) == ("2025-01-01", "2025-06-30")


def test_matomo_page_urls_utf16_german_headers_and_grouping(tmp_path):
    text = (
        "\ufeffBezeichnung\tEindeutige Seitenansichten\tSeitenansichten\tAbsprungrate\n"
        '/berita/2021/11/a/\t1.100\t1.234\t"12,5\u00a0%"\n'
        "Others\t3\t3\t0\u00a0%\n"
        "/berita/2021/11/ - Others\t5\t9\t0\u00a0%"
    )
    export = read_export(write(tmp_path, "matomo.tsv", text, "utf-16-le"))
    assert export.format == "matomo" and export.metric == "Seitenansichten"
    assert dict(export.views) == {"/berita/2021/11/a/": 1234}
    assert export.skipped["not a page (totals, others, not set)"] == 2


def test_excel_resaved_semicolons_and_cp1252(tmp_path):
    # An export opened and saved again by Excel in an Indonesian locale.
    text = "name;visitors;pageviews\r\n/berita/2021/11/caf\xe9/;3;1.204\r\n"
    export = read_export(write(tmp_path, "pages.csv", text, "cp1252"))
    assert dict(export.views) == {"/berita/2021/11/caf\xe9/": 1204}


def test_plausible_dashboard_pages(tmp_path):
    text = "name,visitors,pageviews,bounce_rate,time_on_page\r\n/berita/2021/11/a/,50,70,40,\r\n/,10,12,20,30\r\n"
    export = read_export(write(tmp_path, "pages.csv", text))
    assert export.format == "plausible-pages"
    assert dict(export.views) == {"/berita/2021/11/a/": 70, "/": 12}


def test_goatcounter_gzip_skips_events_and_bots(tmp_path):
    rows = [
        "2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,Location,FirstVisit,Date",
        '/berita/2021/11/a/,A,0,,Chrome,Android,s1,0,,,"360,640,2",ID,1,2026-03-01T01:00:00Z',
        '/berita/2021/11/a/,A,0,,Chrome,Android,s2,0,,,"360,640,2",ID,0,2026-03-02T01:00:00Z',
        'klik-bagikan,Klik,1,,Chrome,Android,s1,0,,,"360,640,2",ID,0,2026-03-02T01:00:00Z',
        "/berita/2021/11/a/,A,0,,,,s3,1,,,,,1,2026-03-03T01:00:00Z",
    ]
    path = tmp_path / "goatcounter-export.csv.gz"
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))
    export = read_export(path)
    assert export.format == "goatcounter"
    assert dict(export.views) == {"/berita/2021/11/a/": 2}
    assert export.skipped["event or bot"] == 2


def test_umami_says_it_counts_visitors(tmp_path):
    export = read_export(write(tmp_path, "pages.csv", "x,y\r\n/berita/2021/11/a/,40\r\n/,9"))
    assert export.format == "umami"
    assert export.views["/berita/2021/11/a/"] == 40
    assert any("visitors, not page views" in note for note in export.notes)


LOG = r"""10.0.0.1 - - [03/Nov/2026:09:00:00 +0800] "GET /berita/2021/11/a/ HTTP/1.1" 200 5000 "-" "Mozilla/5.0 (Linux; Android 10) Chrome/120"
10.0.0.2 - - [03/Nov/2026:09:01:00 +0800] "GET /berita/2021/11/a/index.html?fbclid=x HTTP/2.0" 304 0 "-" "Mozilla/5.0 (KAIOS/2.5)"
10.0.0.3 - - [03/Nov/2026:09:02:00 +0800] "HEAD /berita/2021/11/a/ HTTP/1.1" 200 0 "-" "Mozilla/5.0"
10.0.0.4 - - [03/Nov/2026:09:03:00 +0800] "GET /berita/2021/11/b/ HTTP/1.1" 404 100 "-" "Mozilla/5.0"
10.0.0.5 - - [03/Nov/2026:09:04:00 +0800] "GET /berita/2021/11/a/ HTTP/1.1" 200 5000 "-" "Mozilla/5.0 (compatible; Googlebot/2.1)"
10.0.0.6 - - [03/Nov/2026:09:05:00 +0800] "GET /berita/2021/11/a/ HTTP/1.1" 200 5000 "-" "KPU-NTT-Uptime/1.0"
10.0.0.7 - - [03/Nov/2026:09:06:00 +0800] "GET /images/2024/tps-640.webp HTTP/1.1" 200 9000 "-" "Mozilla/5.0"
2001:db8::1 - - [04/Nov/2026:10:00:00 +0800] "GET /berita/2021/11/caf\xC3\xA9/ HTTP/1.1" 200 5000 "-" "Mozilla/5.0"
garbage line
10.0.0.9 - - [04/Nov/2026:10:00:00 +0800] "GET /feeds/semua.atom.xml HTTP/1.1" 200 5000 "-" "Feedly/1.0"
"""


def test_access_log_counts_successful_gets_of_pages_by_people(tmp_path):
    export = read_export(write(tmp_path, "access.log", LOG), ignore_agents=("KPU-NTT-Uptime",))
    assert export.format == "access-log"
    by_article = Counter()
    for path, views in export.views.items():
        by_article[normalise(path)] += views
    assert by_article == {
        "/berita/2021/11/a/": 2,
        "/berita/2021/11/café/": 1,
    }
    assert export.skipped == {
        "not a GET": 1,
        "not a success (404, redirect, error)": 1,
        "crawlers and scripts (CrawlerDetect's list)": 1,
        "the site's own monitors (VIEW_COUNTS_IGNORE_AGENTS)": 1,
        "asset or feed": 2,
        "not a log line": 1,
    }
    assert (str(export.start), str(export.end)) == ("2026-11-03", "2026-11-04")


def test_rotated_gzip_log(tmp_path):
    path = tmp_path / "access.log.2.gz"
    path.write_bytes(gzip.compress(LOG.encode()))
    assert sum(read_export(path, ignore_agents=("KPU-NTT-Uptime",)).views.values()) == 3


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (b"", "the file is empty", 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", 1),
        (b"hello,world\n1,2\n", "not an export this site reads", 1),
        (b"name,visitors,pageviews\n/a/,1,-5\n", "a negative number of views (-5)", 2),
        (b"name,visitors,pageviews\n/a/,1,banyak\n", "'banyak' is not a number of views", 2),
        (b"name,visitors,pageviews\n/a/,1\n", "this row has 2 cells", 2),
        (gzip.compress(b"2Path,Title,Event\n/a/,A,0\n")[:20], "damaged or cut short", 1),
    ],
)
def test_bad_exports_name_the_line(tmp_path, content, message, line):
    with pytest.raises(ExportError) as error:
        read_export(write(tmp_path, "export.csv", content))
    assert message in str(error.value)
    assert error.value.line == line


def test_a_million_fold_spike_is_warned(tmp_path):
    text = "name,visitors,pageviews\n/a/,1,1\n/b/,1,2\n/c/,1,1\n/d/,1,5000000\n"
    export = read_export(write(tmp_path, "pages.csv", text))
    assert any("'/d/' has 5000000 views" in note for note in export.notes)


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        ("https://kpu-ntt.github.io/berita/2021/11/a/?utm_source=wa#x", "/berita/2021/11/a/"),
        ("/berita/2021/11/a/index.html", "/berita/2021/11/a/"),
        ("/berita/2021/11/a/amp/", "/berita/2021/11/a/"),
        ("/berita/2021/11/a", "/berita/2021/11/a/"),
        ("/berita/2021/11/caf%C3%A9/", "/berita/2021/11/café/"),
        ("/berita/2021/11/caf\\xC3\\xA9/", "/berita/2021/11/café/"),
        ("kpu-ntt.github.io/berita/x/", "/berita/x/"),
        ("/Berita/X/", "/Berita/X/"),
        ("/index.php/blog/read/1234", "/index.php/blog/read/1234/"),
        ("/images/a.jpg", None),
        ("(not set)", None),
        ("klik-bagikan", None),
    ],
)
def test_normalise(raw, path):
    assert normalise(raw) == path


segments = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/?#%\\"),
    min_size=1,
    max_size=12,
)


@given(st.lists(segments, min_size=1, max_size=4))
def test_normalise_is_stable_and_keeps_case(parts):
    path = "/" + "/".join(parts) + "/"
    once = normalise(path)
    if once is None:
        return
    assert normalise(once) == once
    assert once.lower() == once.lower()  # case is compared exactly, never folded
    from urllib.parse import quote

    assert normalise(quote(path)) == once
    assert normalise(path + "?q=1#f") == once


ADDRESSES = {SEED: SEED, "/index.php/blog/read/1234/": SEED}


def export_of(tmp_path, name, text):
    path = write(tmp_path, name, text)
    return read_export(path), path


def test_import_is_idempotent_and_sums_variants(tmp_path):
    text = f"date,hostname,page,visits,visitors,pageviews\n2026-01-05,x,{SEED},1,1,10\n2026-01-06,x,{SEED}index.html,1,1,5\n2026-01-06,x,/index.php/blog/read/1234,1,1,2\n2026-01-07,x,/lain/,1,1,3\n"
    export, path = export_of(tmp_path, "imported_pages.csv", text)
    snapshot = snapshots.empty()
    report = snapshots.add_import(
        snapshot, export, ADDRESSES, source="plausible", file_name=path.name, fingerprint="f1"
    )
    assert report.added and report.matched_views == 17
    assert dict(report.unmatched) == {"/lain/": 3}
    before = json.dumps(snapshot, sort_keys=True)
    again = snapshots.add_import(
        snapshot, export, ADDRESSES, source="plausible", file_name=path.name, fingerprint="f1"
    )
    assert not again.added and json.dumps(snapshot, sort_keys=True) == before
    assert snapshots.totals(snapshot) == {SEED: 17}


def plausible(days_and_views):
    lines = ["date,hostname,page,visits,visitors,pageviews"]
    lines += [f"{day},x,{SEED},1,1,{views}" for day, views in days_and_views]
    return "\n".join(lines) + "\n"


def test_overlapping_periods_are_not_counted_twice(tmp_path):
    snapshot = snapshots.empty()
    january, _ = export_of(tmp_path, "jan.csv", plausible([("2026-01-01", 10), ("2026-01-31", 10)]))
    snapshots.add_import(
        snapshot, january, ADDRESSES, source="plausible", file_name="jan.csv", fingerprint="a"
    )
    february, _ = export_of(tmp_path, "feb.csv", plausible([("2026-02-01", 5), ("2026-02-28", 5)]))
    snapshots.add_import(
        snapshot, february, ADDRESSES, source="plausible", file_name="feb.csv", fingerprint="b"
    )
    assert snapshots.totals(snapshot) == {SEED: 30}
    # Mid-January to mid-February overlaps both: refused.
    middle, _ = export_of(tmp_path, "mid.csv", plausible([("2026-01-15", 7), ("2026-02-15", 7)]))
    with pytest.raises(snapshots.SnapshotError, match=r"overlaps jan\.csv"):
        snapshots.add_import(
            snapshot, middle, ADDRESSES, source="plausible", file_name="mid.csv", fingerprint="c"
        )
    # A whole-year export replaces the months it covers.
    year, _ = export_of(tmp_path, "year.csv", plausible([("2026-01-01", 40), ("2026-12-31", 1)]))
    report = snapshots.add_import(
        snapshot, year, ADDRESSES, source="plausible", file_name="year.csv", fingerprint="d"
    )
    assert sorted(report.replaced) == ["feb.csv", "jan.csv"]
    assert snapshots.totals(snapshot) == {SEED: 41}
    # Another tool's counts are another source: added.
    other, _ = export_of(tmp_path, "ga.csv", plausible([("2026-01-01", 2)]))
    snapshots.add_import(
        snapshot, other, ADDRESSES, source="ga4", file_name="ga.csv", fingerprint="e"
    )
    assert snapshots.totals(snapshot) == {SEED: 43}


def test_export_without_dates_needs_a_period(tmp_path):
    export, path = export_of(tmp_path, "pages.csv", f"name,visitors,pageviews\n{SEED},1,3\n")
    snapshot = snapshots.empty()
    with pytest.raises(snapshots.SnapshotError, match="--period"):
        snapshots.add_import(
            snapshot, export, ADDRESSES, source="plausible", file_name=path.name, fingerprint="x"
        )
    from datetime import date

    snapshots.add_import(
        snapshot,
        export,
        ADDRESSES,
        source="plausible",
        file_name=path.name,
        fingerprint="x",
        period=(date(2026, 3, 1), date(2026, 3, 31)),
    )
    assert snapshots.totals(snapshot) == {SEED: 3}


def test_a_failed_write_leaves_the_snapshot_as_it_was(tmp_path, monkeypatch):
    target = tmp_path / "view-counts.json"
    snapshots.save({**snapshots.empty(), "baseline": {SEED: 395}}, target)
    before = target.read_bytes()

    def interrupted(descriptor):
        raise KeyboardInterrupt("interrupted halfway")

    monkeypatch.setattr(snapshots.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        snapshots.save({**snapshots.empty(), "baseline": {SEED: 1}}, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["view-counts.json"]


def site_log(views):
    line = '10.0.0.1 - - [03/Nov/2026:09:00:00 +0800] "GET {path} HTTP/1.1" 200 5000 "-" "Mozilla/5.0"\n'
    return "".join(line.format(path=SEED) for _ in range(views)) + line.format(path="/tidak-ada/")


def test_views_import_task_and_the_rendered_count(site_copy, tmp_path):
    log = write(tmp_path, "access.log", site_log(839))
    result = run_task(site_copy, "views-import", str(log))
    assert "839 views matched to articles" in result.stdout
    assert "/tidak-ada/" in result.stdout  # unmatched paths are reported
    again = run_task(site_copy, "views-import", str(log))
    assert "already imported; nothing changed" in again.stdout
    snapshot = json.loads((site_copy / "data" / "view-counts.json").read_text())
    assert snapshots.totals(snapshot)[SEED] == 395 + 839
    output = tmp_path / "out"
    run_task(site_copy, "build", "--output", str(output))
    page = read_html(output / SEED_URL / "index.html")
    line = page.find("article").find(
        lambda tag: tag.name == "p" and "Telah dilihat" in tag.get_text()
    )
    # The baseline (read from the old site on 28 November) is the latest day counted.
    assert line.get_text() == "Telah dilihat 1.234 kali (per 28 November 2026)"
    home = read_html(output / "index.html")
    popular = home.find(id="terpopuler").find_parent("section")
    assert popular.find("a")["href"] == SEED
    sikka = read_html(output / "wilayah" / "sikka" / "index.html")
    assert sikka.find(id="terpopuler") is None  # no Sikka post has data yet
    others = read_html(
        output
        / "berita/2024/01/bimbingan-teknis-kpps-di-sumba-barat-daya-dan-sumba-barat/index.html"
    )
    assert "Telah dilihat" not in others.get_text()  # no data: nothing, never "0 kali"


def test_seed_shows_its_baseline(built_site):
    page = read_html(built_site / SEED_URL / "index.html")
    assert "Telah dilihat 395 kali" in page.find("article").get_text()


def test_bad_import_leaves_the_snapshot_untouched(site_copy, tmp_path):
    before = (site_copy / "data" / "view-counts.json").read_bytes()
    bad = write(tmp_path, "pages.csv", "name,visitors,pageviews\n/a/,1,-3\n")
    result = run_task(site_copy, "views-import", str(bad), check=False)
    assert result.returncode != 0
    assert f"{bad}:2: a negative number of views (-3)" in result.stderr
    assert "The snapshot was not changed." in result.stderr
    assert (site_copy / "data" / "view-counts.json").read_bytes() == before


MATOMO_ANSWER = (
    "label,nb_visits,nb_hits,sum_time_spent,avg_time_on_page,bounce_rate,exit_rate\n"
    f"{SEED},40,50,600,12,10%,20%\n"
    "/index.php/blog/read/1234,3,4,60,15,0%,0%\n"
    "Page URL not defined,1,1,0,0,0%,0%"
)
PLAUSIBLE_ANSWER = {
    "results": [{"metrics": [70], "dimensions": [SEED]}, {"metrics": [5], "dimensions": ["/lain/"]}]
}


class Recorded:
    """A local stand-in for the office's Matomo and Plausible: answers recorded
    in their documented formats, and the requests it received."""

    def __init__(self):
        import http.server
        import threading

        received = self.received = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *arguments):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                received.append((self.path, dict(self.headers), body))
                if self.path.startswith("/index.php?") and "token_auth=rahasia" in body:
                    answer, kind = MATOMO_ANSWER.encode(), "text/csv"
                elif (
                    self.path == "/api/v2/query"
                    and self.headers.get("Authorization") == "Bearer rahasia"
                ):
                    answer, kind = json.dumps(PLAUSIBLE_ANSWER).encode(), "application/json"
                else:
                    self.send_error(401, "Unauthorized")
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def analytics_server():
    server = Recorded()
    yield server
    server.server.shutdown()


def test_pull_from_matomo(site_copy, analytics_server):
    env = {"MATOMO_URL": analytics_server.url, "MATOMO_SITE_ID": "3", "MATOMO_TOKEN": "rahasia"}
    seed = site_copy / "content/berita/2021/2021-11-03-rakor-rencana-pelaksanaan-dp3.md"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace(
            "Wilayah: NTT\n", "Wilayah: NTT\nOld_Urls: /index.php/blog/read/1234\n"
        ),
        encoding="utf-8",
    )
    period = "2026-10-01..2026-10-31"
    result = run_task(site_copy, "views-pull", "--tool", "matomo", "--period", period, env=env)
    assert "54 views matched to articles" in result.stdout
    path, _, _ = analytics_server.received[0]
    assert "method=Actions.getPageUrls" in path and "idSite=3" in path
    assert "date=2026-10-01%2C2026-10-31" in path
    assert "rahasia" not in path  # the token travels in the body, never in the URL
    snapshot = json.loads((site_copy / "data/view-counts.json").read_text())
    entry = snapshot["imports"][0]
    assert (entry["source"], entry["start"], entry["end"]) == ("matomo", "2026-10-01", "2026-10-31")
    assert snapshot["views"]["matomo"] == {SEED: {"2026-10": 54}}  # a post's periods, on one line


def test_pull_from_plausible(site_copy, analytics_server):
    env = {
        "PLAUSIBLE_URL": analytics_server.url,
        "PLAUSIBLE_SITE_ID": "kpu-ntt",
        "PLAUSIBLE_TOKEN": "rahasia",
    }
    period = "2026-10-01..2026-10-31"
    result = run_task(site_copy, "views-pull", "--tool", "plausible", "--period", period, env=env)
    assert "70 views matched to articles" in result.stdout
    _, _, body = analytics_server.received[0]
    query = json.loads(body)
    assert query["site_id"] == "kpu-ntt" and query["metrics"] == ["pageviews"]
    assert query["date_range"] == ["2026-10-01", "2026-10-31"]


def test_pull_with_a_wrong_token_changes_nothing(site_copy, analytics_server):
    before = (site_copy / "data/view-counts.json").read_bytes()
    env = {"MATOMO_URL": analytics_server.url, "MATOMO_SITE_ID": "3", "MATOMO_TOKEN": "salah"}
    period = "2026-10-01..2026-10-31"
    result = run_task(
        site_copy, "views-pull", "--tool", "matomo", "--period", period, env=env, check=False
    )
    assert result.returncode != 0
    assert "answered 401" in result.stderr and "The snapshot was not changed." in result.stderr
    assert (site_copy / "data/view-counts.json").read_bytes() == before
    missing = run_task(site_copy, "views-pull", "--tool", "plausible", check=False)
    assert "set PLAUSIBLE_URL in the environment" in missing.stderr
