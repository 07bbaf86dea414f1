"""Search in headless Chromium: Pagefind's index through the site's own small interface."""

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import wait_until


@pytest.fixture
def search(browser, served_site):
    contexts = []

    def open_search(query="", javascript=True):
        context = browser.new_context(java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(f"{served_site}/cari/" + (f"?q={query}" if query else ""))
        page.wait_for_load_state("networkidle")
        return page

    yield open_search
    for context in contexts:
        context.close()


def results(page):
    page.locator("#hasil").filter(has_not_text="Mencari").wait_for()
    wait_until(page, "!document.getElementById('hasil').textContent.startsWith('Mencari')")
    return page.locator("#hasil li")


def titles(page):
    return [
        title.replace("\xa0", " ").strip() for title in results(page).locator("a").all_inner_texts()
    ]


def test_a_word_from_a_known_post_finds_it_first(search, served_site):
    page = search()
    page.fill("#q", "Pantarlih")
    page.click("#cari button")
    assert titles(page)[0].startswith("Pantarlih Mulai Pencocokan dan Penelitian Data Pemilih")
    assert results(page).first.locator("mark").count() >= 1  # the query is highlighted
    hosts = {urlsplit(url).netloc for url in page.requests}
    assert hosts == {urlsplit(served_site).netloc}


def test_the_header_box_searches_from_any_page(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served_site}/profil/")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.wait_for_load_state("networkidle")
    assert not any("/pagefind/" in url for url in requests)  # nothing loaded until used
    page.fill("#cari-kepala", "kampanye")
    page.press("#cari-kepala", "Enter")
    page.wait_for_url("**/cari/?q=kampanye")
    assert any("Jadwal Kampanye" in title for title in titles(page))
    context.close()


def test_regency_filter_narrows(search):
    page = search("sosialisasi")
    everything = titles(page)
    page.select_option("#wilayah", "Sikka")
    wait_until(page, f"document.querySelectorAll('#hasil li').length < {len(everything)}")
    narrowed = results(page)
    assert 0 < narrowed.count() < len(everything)
    for meta in narrowed.locator("p.meta").all_inner_texts():
        assert "Sikka" in meta


def test_category_filter(search):
    page = search("pemilih")
    page.select_option("#kategori", "Siaran Pers")
    page.wait_for_timeout(300)
    found = titles(page)
    assert found and all(title for title in found)
    assert "KPU Provinsi NTT Ajak Pemilih Cek Nama di DPT Online" in found


def test_indonesian_stemming(search):
    # "pemilihan" and "pemilih" share the stem of "pilih": a search for the
    # verb finds posts that only use the nouns.
    page = search("pilih")
    found = titles(page)
    assert any("Pemilihan" in title or "Pemilih" in title for title in found), found


def test_without_javascript_the_form_asks_a_search_engine_only_on_submit(search, served_site):
    page = search(javascript=False)
    assert {urlsplit(url).netloc for url in page.requests} == {urlsplit(served_site).netloc}
    form = page.locator("#cari")
    assert form.get_attribute("action") == "https://www.google.com/search"
    assert page.locator("#saring").is_hidden()
    submitted = []
    page.route(
        "https://www.google.com/**",
        lambda route: (submitted.append(route.request.url), route.abort()),
    )
    page.fill("#q", "jadwal pemungutan suara")
    page.click("#cari button")
    page.wait_for_timeout(500)
    query = parse_qs(urlsplit(submitted[0]).query)
    assert query["q"] == ["jadwal pemungutan suara"]
    assert query["as_sitesearch"][0] == urlsplit(served_site).netloc


def test_search_page_with_its_filters_passes_axe(search, axe_script):
    page = search("pemilih")
    results(page)
    assert page.locator("#saring").is_visible()
    # Through the DevTools protocol, which the pages' Content-Security-Policy does not govern.
    page.evaluate(axe_script.read_text(encoding="utf-8"))
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
    assert [violation["id"] for violation in violations] == []


def test_search_runs_without_pagefinds_worker(search):
    page = search("Pantarlih")
    assert titles(page)
    assert not any("pagefind-worker" in url for url in page.requests)


def test_a_lost_connection_says_so_and_the_next_try_works(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto(f"{served_site}/cari/?q=Pantarlih")
    wait_until(page, "document.getElementById('hasil').textContent.includes('Periksa sambungan')")
    page.unroute("**/pagefind/pagefind.js")
    page.click("#cari button")
    assert titles(page)[0].startswith("Pantarlih Mulai")
    context.close()


def test_focusing_the_box_starts_loading_search(search):
    page = search()
    assert not any("/pagefind/" in url for url in page.requests)
    page.focus("#q")
    page.wait_for_load_state("networkidle")
    wait_until(
        page, "performance.getEntriesByType('resource').some(e => e.name.includes('wasm.id'))"
    )
