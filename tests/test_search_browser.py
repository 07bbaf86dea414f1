"""Search in headless Chromium: Pagefind's index through the site's own small interface."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, wait_until

PAGE_SIZE = 5  # results search.js shows at first and adds per "Tampilkan lebih banyak"
# A word more than PAGE_SIZE posts hold (posts_with counts them in content/).
COMMON_WORD = "pemilih"


@pytest.fixture
def search(browser, served_site):
    contexts = []

    def open_search(query="", javascript=True, scheme="light"):
        context = browser.new_context(java_script_enabled=javascript, color_scheme=scheme)
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
    assert page.locator("#hasil").is_hidden()
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_page_with_its_filters_and_results_passes_axe(search, axe_script, scheme):
    page = search("pemilih", scheme=scheme)
    assert results(page).count() == PAGE_SIZE and page.locator("#hasil mark").count()
    assert page.locator("#saring").is_visible() and page.locator("#lagi").is_visible()
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


def posts_with(word: str) -> list[str]:
    """The titles of the posts in content/ whose title, topics or text hold WORD."""
    found = []
    for path in sorted((ROOT / "content" / "berita").rglob("*.md")):
        header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
        text = " ".join([fields["Title"], fields.get("Tags", ""), body])
        if re.search(rf"\b{word}\b", text, re.IGNORECASE):
            found.append(fields["Title"])
    return found


def fragments_requested(page) -> int:
    return len({url for url in page.requests if "/pagefind/fragment/" in url})


def count_shown(page) -> int:
    status = page.inner_text("#jumlah")
    found = re.fullmatch(r"(\d+) berita ditemukan untuk \u201c(.+)\u201d", status)
    assert found, status
    return int(found[1])


def test_every_match_is_reached_five_at_a_time(search):
    mentioned = posts_with(COMMON_WORD)
    assert len(mentioned) > PAGE_SIZE
    page = search(COMMON_WORD)
    total = count_shown(page)
    assert total >= len(mentioned)
    assert results(page).count() == PAGE_SIZE == fragments_requested(page)
    shown = PAGE_SIZE
    while page.locator("#lagi").is_visible():
        page.click("#lagi")
        wait_until(page, f"document.querySelectorAll('#daftar li').length > {shown}")
        page.wait_for_load_state("networkidle")
        now = results(page).count()
        assert now - shown <= PAGE_SIZE
        assert fragments_requested(page) == now  # data() only for what is shown
        # Focus moves to the first new result.
        assert page.evaluate(
            f"document.activeElement === document.querySelectorAll('#daftar li a')[{shown}]"
        )
        shown = now
    assert shown == total
    assert set(mentioned) <= set(titles(page))


def test_back_from_a_result_returns_to_where_the_reader_was(search):
    page = search(COMMON_WORD)
    results(page)
    page.click("#lagi")
    wait_until(page, f"document.querySelectorAll('#daftar li').length > {PAGE_SIZE}")
    last = results(page).last.locator("a")
    last.scroll_into_view_if_needed()
    where = page.evaluate("scrollY")
    assert where > 500
    last.click()
    page.wait_for_load_state("networkidle")
    page.go_back()
    wait_until(page, f"document.querySelectorAll('#daftar li').length > {PAGE_SIZE}")
    wait_until(page, f"Math.abs(scrollY - {where}) < 5")


def search_state(page) -> tuple:
    wait_until(page, "document.querySelectorAll('#daftar li').length > 0")
    return (
        page.input_value("#q"),
        page.input_value("#wilayah"),
        page.input_value("#kategori"),
        titles(page),
    )


def test_the_address_holds_the_search_and_brings_it_back(browser, served_site, search):
    page = search()
    page.fill("#q", COMMON_WORD)
    page.click("#cari button")
    page.wait_for_url(f"**/cari/?q={COMMON_WORD}")
    results(page)
    page.click("#lagi")
    wait_until(page, f"document.querySelectorAll('#daftar li').length > {PAGE_SIZE}")
    everything = search_state(page)
    page.select_option("#wilayah", "Sikka")
    page.select_option("#kategori", "Berita")
    page.wait_for_url(f"**/cari/?q={COMMON_WORD}&wilayah=sikka&kategori=berita")
    wait_until(page, f"document.querySelectorAll('#daftar li').length < {len(everything[3])}")
    narrowed = search_state(page)
    assert narrowed[:3] == (COMMON_WORD, "sikka", "berita") and narrowed[3]
    address = page.url

    page.reload()
    assert search_state(page) == narrowed
    shared = browser.new_context().new_page()
    shared.goto(address)
    assert search_state(shared) == narrowed
    shared.context.close()

    page.fill("#q", "Pantarlih")
    page.click("#cari button")
    page.wait_for_url("**/cari/?q=Pantarlih&wilayah=sikka&kategori=berita")
    page.go_back()
    page.wait_for_url(address)
    assert search_state(page) == narrowed
    page.go_back()
    page.go_back()
    page.wait_for_url(f"**/cari/?q={COMMON_WORD}")
    # As many results as were shown before, not only the first five.
    assert search_state(page) == everything


@pytest.mark.parametrize("viewport", [(1280, 720), (240, 320)])
def test_the_search_controls_are_touch_targets(browser, served_site, viewport):
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{served_site}/cari/?q={COMMON_WORD}")
    results(page)
    controls = ["#q", "#wilayah", "#kategori", "#cari button", "#lagi"]
    for control in controls:
        box = page.locator(control).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (control, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_the_search_page_has_one_search_box(search, served_site):
    page = search()
    assert page.locator("input[type=search]").count() == 1
    assert page.locator("[role=search]").count() == 1
    other = page.context.new_page()
    other.goto(f"{served_site}/profil/")
    assert other.locator("input[type=search]").count() == 1  # the header's


def test_a_result_shows_title_date_regency_and_the_posts_text(search):
    page = search(COMMON_WORD)
    for item in results(page).all():
        title = item.locator("a").inner_text().replace("\xa0", " ").strip()
        meta, excerpt = (p.replace("\xa0", " ") for p in item.locator("p").all_inner_texts())
        if "/berita/" in item.locator("a").get_attribute("href"):
            assert re.fullmatch(r"\w+, \d{1,2} \w+ \d{4} \u00b7 [\w ,-]+", meta), meta
        else:
            assert meta == ""  # a page has no date and no regency
        assert excerpt and not excerpt.startswith(title[:20]), (title, excerpt)
        assert "Wilayah:" not in excerpt


def contrast(foreground: str, background: str) -> float:
    """WCAG's contrast ratio of two computed colours, "rgb(r, g, b)"."""

    def luminance(colour):
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_highlighted_word_is_readable(search, scheme):
    page = search(COMMON_WORD, scheme=scheme)
    results(page)
    mark = page.locator("#hasil mark").first
    colours = mark.evaluate("m => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]")
    assert "rgba" not in colours[1]  # an opaque background of its own
    assert contrast(*colours) >= 4.5, colours
