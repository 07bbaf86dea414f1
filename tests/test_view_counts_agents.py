"""People only: who an access-log import counts, on real published user agents."""

from pathlib import Path

import pytest
from conftest import run_task
from crawlerdetect import CrawlerDetect
from hypothesis import given, settings
from hypothesis import strategies as st

from view_counts import agents
from view_counts.agents import Agents, is_crawler
from view_counts.exports import COMBINED, read_export

AGENTS = Path(__file__).parent / "fixtures" / "agents"
REAL = Path(__file__).parent / "fixtures" / "analytics-real"
MONITORS = ("KPU-NTT-Uptime",)


def listed(name: str) -> list[str]:
    found = (AGENTS / name).read_text(encoding="utf-8").splitlines()
    assert len(found) >= 300, f"{name} lost its agents"
    return found


def log_agents(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.split('"')[5] for line in lines if line.count('"') >= 6]


def test_the_day_of_agents_counted_by_hand():
    """45 requests of real agents; the log's '#' lines say what a person counts."""
    export = read_export(AGENTS / "day-of-agents.log", ignore_agents=MONITORS)
    assert sum(export.views.values()) == 9  # the nine people reading a page
    assert export.skipped == {
        "not a GET": 1,
        "not a success (404, redirect, error)": 1,
        "asset or feed": 2,  # a reader's stylesheet, Googlebot's picture
        "crawlers and scripts (CrawlerDetect's list)": 20,
        "link previews (WhatsApp, Facebook, Telegram...)": 9,
        "the site's own monitors (VIEW_COUNTS_IGNORE_AGENTS)": 2,
        "no user agent (a script)": 1,
    }
    assert sum(export.skipped.values()) + 9 == 45


def test_the_agents_the_issue_names_are_caught():
    """Of 13 crawlers and scripts the old hand-written rule caught 3."""
    named = [
        "Google-InspectionTool",
        "python-httpx",
        "axios",
        "okhttp",
        "Scrapy",
        "Go-http-client",
        "node-fetch",
        "aiohttp",
        "python-requests",
        "Wget",
        "HeadlessChrome",
        "GPTBot",
        "Bytespider",
    ]
    day = log_agents(AGENTS / "day-of-agents.log")
    for name in named:
        (agent,) = [agent for agent in day if name in agent]
        assert Agents().kind(agent) == agents.CRAWLER, agent


@pytest.mark.parametrize(
    "browser", ["Android", "KAIOS", "Opera Mini", "UCBrowser", "SamsungBrowser"]
)
def test_phone_browsers_are_people(browser):
    phones = [agent for agent in listed("people.txt") if browser in agent]
    assert len(phones) >= 20
    who = Agents(MONITORS)
    assert [agent for agent in phones if who.kind(agent)] == []


def test_readers_inside_apps_are_people_but_the_apps_previews_are_not():
    who = Agents()
    day = log_agents(AGENTS / "day-of-agents.log")
    facebook_app = next(agent for agent in day if "FB_IAB" in agent)
    assert who.kind(facebook_app) is None
    assert who.kind("facebookexternalhit/1.1") == agents.PREVIEW
    assert who.kind("WhatsApp/2.23.20.0 A") == agents.PREVIEW
    assert who.kind("TelegramBot (like TwitterBot)") == agents.PREVIEW


def test_published_crawlers_are_not_people():
    """crawler-user-agents' examples: CrawlerDetect misses a few obscure ones (counted here so
    that a change in either list shows)."""
    who = Agents()
    missed = [agent for agent in listed("crawlers.txt") if who.kind(agent) is None]
    assert len(missed) <= 35, missed  # 33 of 300 with crawlerdetect 0.4.2
    assert not [agent for agent in missed if "bot" in agent.lower().split("/")[0]]


def test_the_sites_monitors_any_case():
    who = Agents(("KPU-NTT-Uptime", " "))
    assert who.kind("kpu-ntt-uptime/2.0 (+https://kpu-ntt.go.id)") == agents.MONITOR
    assert who.kind("Mozilla/5.0 (Linux; Android 14; SM-A346B) Chrome/123.0") is None
    assert who.kind("-") == who.kind("") == agents.NO_AGENT


def test_same_answers_as_crawlerdetect():
    """The fast lookup (patterns tried where their first letters are) answers as
    CrawlerDetect does, on every agent of the fixtures."""
    every = [
        *listed("people.txt"),
        *listed("crawlers.txt"),
        *log_agents(AGENTS / "day-of-agents.log"),
        *log_agents(REAL / "apache-combined-awstats-testglobal.log"),
        *log_agents(REAL / "nginx-combined-goatcounter-testdata.log"),
        "İstanbul bot",  # a letter whose lower case is two: the slow path
        "  ",
    ]
    reference = CrawlerDetect()
    assert [is_crawler(a) for a in every] == [reference.is_crawler(a) for a in every]
    assert sum(map(is_crawler, every)) > 250


def test_indexing_keeps_every_pattern():
    assert sum(map(len, agents.BY_START.values())) + sum(map(len, agents.AT_START.values())) + (
        agents.REST.pattern.count("(?:")
    ) == len(agents.CRAWLERS)
    assert agents.literal_start(r"Googlebot\/") == "Googlebot/"
    assert agents.literal_start("bots?x") == "bot"
    assert agents.literal_start(r"\d+bot") == ""
    assert agents.literal_start("ab+c") == "ab"


def test_nginx_main_format_and_the_common_log_format():
    """nginx's "main" adds the forwarded-for address after the agent; the common log format
    has no agent: counted, with a note."""
    main = (
        '10.0.0.1 - - [03/Nov/2026:09:00:00 +0800] "GET /berita/a/ HTTP/1.1" 200 5 "-" '
        '"python-httpx/0.27.0" "-"\n'
        '10.0.0.2 - - [03/Nov/2026:09:00:00 +0800] "GET /berita/a/ HTTP/1.1" 200 5 "-" '
        '"Mozilla/5.0 (Mobile; LYF/F300B; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5" "1.2.3.4"\n'
        '10.0.0.3 - - [03/Nov/2026:09:00:00 +0800] "GET /berita/a/ HTTP/1.1" 200 5\n'
    )
    export = agents_export(main.encode())
    assert export.views == {"/berita/a/": 2}
    assert export.skipped == {"crawlers and scripts (CrawlerDetect's list)": 1}
    assert any("common log format" in note for note in export.notes)


FIELD = st.text(st.characters(codec="utf-8", exclude_characters='\n\r"\\'), max_size=12)
QUOTED = st.lists(st.one_of(FIELD, st.just('\\"')), max_size=4).map("".join)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(
    method=st.sampled_from(["GET", "HEAD", "POST"]),
    path=st.sampled_from(["/berita/a/", "/", "/style.css", "/wilayah/sikka/"]),
    query=st.sampled_from(["", '?q=\\"', '?q=\\"a\\"b\\"c\\"d']),
    status=st.sampled_from(["200", "304", "404"]),
    referrer=QUOTED,
    agent=st.one_of(QUOTED, st.sampled_from(["okhttp/4.12.0", "WhatsApp/2.23.20.0", "-"])),
    tail=st.sampled_from(["", ' "1.2.3.4"', None]),
)
def test_each_line_is_read_as_the_combined_format_expression_reads_it(
    method, path, query, status, referrer, agent, tail
):
    """The fast cut at quotes, and the slower one for escaped quotes, nginx's "main" format
    (the forwarded-for address after the agent) and the common log format (no agent), find
    the request, status and agent that the format's regular expression finds."""
    line = f'10.0.0.1 - - [03/Nov/2026:09:00:00 +0800] "{method} {path}{query} HTTP/1.1" {status} 5'
    line += "\n" if tail is None else f' "{referrer}" "{agent}"{tail}\n'
    read = COMBINED.match(line)
    counted = (
        read["method"] == "GET"
        and read["status"] in ("200", "304")
        and path != "/style.css"
        and (read["agent"] is None or Agents(MONITORS).kind(read["agent"]) is None)
    )
    export = agents_export(line.encode())
    assert export.views == ({read["target"]: 1} if counted else {})
    assert sum(export.skipped.values()) == (0 if counted else 1)


def agents_export(data: bytes):
    from view_counts.exports import access_log

    return access_log(data.splitlines(keepends=True), MONITORS)


def test_the_import_report_names_each_rule_in_indonesian(site_copy):
    log = AGENTS / "day-of-agents.log"
    result = run_task(site_copy, "views-import", str(log), env={"KPU_LANG": "id"})
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{log}: access-log, membaca 'permintaan GET yang berhasil untuk halaman oleh "
        "manusia', 2026-11-03..2026-11-03"
    )
    # The rules that removed most first.
    assert lines[1:8] == [
        "  20 baris dilewati: crawler dan skrip (daftar CrawlerDetect)",
        "  9 baris dilewati: pratinjau tautan (WhatsApp, Facebook, Telegram...)",
        "  2 baris dilewati: aset atau feed",
        "  2 baris dilewati: pemantau milik situs sendiri (VIEW_COUNTS_IGNORE_AGENTS)",
        "  1 baris dilewati: bukan permintaan GET",
        "  1 baris dilewati: tanpa user agent (sebuah skrip)",
        "  1 baris dilewati: tidak berhasil (404, pengalihan, galat)",
    ]
    assert lines[8] == "  0 tayangan cocok dengan berita"
