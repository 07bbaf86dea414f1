"""Nights are never lost: `views-pull` fetches every day not counted yet, tries again when the
server is busy, says in Indonesian what it could not get, and a second run changes nothing."""

import http.server
import threading
from datetime import date

import pytest
from conftest import SEED_URL, run_task

from view_counts import snapshot as snapshots
from view_counts.pulling import days_to_pull

SEED = "/" + SEED_URL
ANSWER = (
    "label,nb_visits,nb_hits,sum_time_spent,avg_time_on_page,bounce_rate,exit_rate\n"
    f"{SEED},40,50,600,12,10%,20%\n"
    "Page URL not defined,1,1,0,0,0%,0%"
).encode()


class Matomo:
    """The office's Matomo, as a real HTTP server on 127.0.0.1: it answers each request with
    the next of REPLIES (a status, or "drop" to close the connection unanswered), then 200."""

    def __init__(self, replies=()):
        self.replies = list(replies)
        self.received: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *arguments):
                pass

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                server.received.append(self.path)
                reply = server.replies.pop(0) if server.replies else 200
                if reply == "drop":
                    self.close_connection = True
                    return
                if reply != 200:
                    self.send_response(reply)
                    if reply == 429:
                        self.send_header("Retry-After", "1")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(ANSWER)))
                self.end_headers()
                self.wfile.write(ANSWER)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def env(self, now: str, **more) -> dict:
        return {
            "MATOMO_URL": self.url,
            "MATOMO_SITE_ID": "3",
            "MATOMO_TOKEN": "rahasia",
            "KPU_NOW": now,
            "KPU_RETRY_SECONDS": "0",
            **more,
        }


@pytest.fixture
def matomo():
    server = Matomo()
    yield server
    server.server.shutdown()


def periods(site) -> list[tuple[str, str]]:
    held = snapshots.load(site / "data" / "view-counts.json")
    return [(e["start"], e["end"]) for e in held["imports"] if e["source"] == "matomo"]


def test_three_missed_nights_are_pulled_through_a_busy_server_and_once_only(site_copy, matomo):
    # The night of 29 November is pulled (the old site's counts end on the 28th).
    first = run_task(
        site_copy, "views-pull", "--tool", "matomo", env=matomo.env("2026-11-30T02:00:00+08:00")
    )
    assert "50 views matched to articles" in first.stdout
    assert "date=2026-11-29%2C2026-11-29" in matomo.received[-1]
    # Three nights the job did not run; on the fourth the server is busy, limits the rate,
    # drops the connection, then answers.
    matomo.replies = [503, 429, "drop"]
    matomo.received.clear()
    night = matomo.env("2026-12-03T02:00:00+08:00")
    caught_up = run_task(site_copy, "views-pull", "--tool", "matomo", env=night)
    assert len(matomo.received) == 4
    assert all("date=2026-11-30%2C2026-12-02" in path for path in matomo.received)
    assert "50 views matched to articles" in caught_up.stdout
    assert periods(site_copy) == [("2026-11-29", "2026-11-29"), ("2026-11-30", "2026-12-02")]
    # Twice changes nothing: no request, the same bytes.
    snapshot = site_copy / "data" / "view-counts.json"
    before = snapshot.read_bytes()
    again = run_task(site_copy, "views-pull", "--tool", "matomo", env={**night, "KPU_LANG": "id"})
    assert again.stdout == (
        "views-pull: matomo sudah dihitung sampai 2026-12-02; tidak ada yang perlu ditarik\n"
    )
    assert len(matomo.received) == 4
    assert snapshot.read_bytes() == before


def test_what_could_not_be_got_is_said_in_indonesian_and_nothing_changes(site_copy, matomo):
    matomo.replies = [503] * 4
    snapshot = site_copy / "data" / "view-counts.json"
    before = snapshot.read_bytes()
    night = matomo.env("2026-12-03T02:00:00+08:00", KPU_LANG="id")
    result = run_task(site_copy, "views-pull", "--tool", "matomo", env=night, check=False)
    assert result.returncode == 1
    assert len(matomo.received) == 4  # the first try and three more
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        "views-pull: 2026-11-29..2026-12-02 tidak berhasil ditarik: "
        f"{matomo.url}/index.php?module=API"
    )
    assert lines[0].endswith(
        "menjawab 503 Service Unavailable sebanyak 4 kali: server sedang sibuk atau mati"
    )
    assert lines[1] == (
        "views-pull: belum ditarik: 2026-11-29..2026-12-02; hari yang sudah ditarik tetap "
        "disimpan, dan penarikan berikutnya mengambil yang ini"
    )
    assert snapshot.read_bytes() == before
    # A wrong token is not tried again: the server is not busy, the settings are wrong.
    matomo.received.clear()
    wrong = {**night, "MATOMO_TOKEN": "salah"}
    matomo.replies = [401]
    refused = run_task(site_copy, "views-pull", "--tool", "matomo", env=wrong, check=False)
    assert len(matomo.received) == 1
    assert "menjawab 401 Unauthorized; periksa token dan ID situs" in refused.stderr


def test_the_catch_up_is_bounded_and_says_how_to_pull_older_days(site_copy, matomo):
    settings = site_copy / "pelicanconf.py"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "\nVIEW_COUNTS_CATCH_UP_DAYS = 2\n",
        encoding="utf-8",
    )
    night = matomo.env("2026-12-03T02:00:00+08:00", KPU_LANG="id")
    result = run_task(site_copy, "views-pull", "--tool", "matomo", env=night)
    assert result.stderr == (
        "views-pull: 2026-11-29..2026-11-30 lebih dari 2 hari yang lalu "
        "(VIEW_COUNTS_CATCH_UP_DAYS) dan tidak ditarik; tarik dengan: python3 dev.py "
        "views-pull --tool matomo --period 2026-11-29..2026-11-30\n"
    )
    assert periods(site_copy) == [("2026-12-01", "2026-12-02")]


def entry(start: str, end: str, source: str = "matomo") -> dict:
    return {"source": source, "start": start, "end": end, "period": f"{start}..{end}"}


def test_days_to_pull_fills_the_gaps_a_failed_night_left():
    held = {
        **snapshots.empty(),
        "baseline_date": "2026-11-28",
        "imports": [
            entry("2026-11-29", "2026-11-29"),
            entry("2026-12-01", "2026-12-01"),
            entry("2026-11-30", "2026-12-03", source="ga4"),  # another tool's days are its own
        ],
    }
    missing = days_to_pull(held, "matomo", date(2026, 12, 3), 62)
    assert missing.runs == [
        (date(2026, 11, 30), date(2026, 11, 30)),
        (date(2026, 12, 2), date(2026, 12, 3)),
    ]
    assert missing.left_out is None
    assert days_to_pull(held, "matomo", date(2026, 12, 1), 62).runs == [
        (date(2026, 11, 30), date(2026, 11, 30))
    ]


def test_days_to_pull_starts_where_counting_can():
    # No baseline and no import: yesterday alone; older days are the maintainer's --period.
    assert days_to_pull(snapshots.empty(), "matomo", date(2026, 12, 3), 62).runs == [
        (date(2026, 12, 3), date(2026, 12, 3))
    ]
    # A tool that began after the baseline fills from its first day, not the baseline's.
    held = {
        **snapshots.empty(),
        "baseline_date": "2026-01-31",
        "imports": [entry("2026-11-20", "2026-11-30")],
    }
    missing = days_to_pull(held, "matomo", date(2026, 12, 3), 62)
    assert missing.runs == [(date(2026, 12, 1), date(2026, 12, 3))]
    assert missing.left_out is None
    # A baseline long ago: at most MOST_DAYS are pulled, the rest is left out and said.
    far = {**snapshots.empty(), "baseline_date": "2026-01-31"}
    missing = days_to_pull(far, "matomo", date(2026, 12, 3), 62)
    assert missing.runs == [(date(2026, 10, 3), date(2026, 12, 3))]
    assert missing.left_out == (date(2026, 2, 1), date(2026, 10, 2))
