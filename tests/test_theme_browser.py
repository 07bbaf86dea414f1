"""Every page type in headless Chromium: readable with JavaScript on and off,
no request to another host, no console error, no axe-core violation, and the
title and first paragraph on a 240 x 320 feature-phone screen."""

from urllib.parse import urlsplit

import pytest
from conftest import SEED_URL

PAGE_TYPES = {
    "home": "",
    "article": SEED_URL,
    "article with photo": "berita/2024/02/pemungutan-suara-pemilu-2024-berlangsung-di-seluruh-tps-se-ntt/",
    "second page": "page/2/",
    "category": "kategori/pengumuman/",
    "categories": "kategori/",
    "tag": "topik/dp3/",
    "tags": "topik/",
    "archives": "berita/",
    "year archive": "berita/2024/",
    "month archive": "berita/2024/02/",
    "regencies": "wilayah/",
    "regency": "wilayah/sikka/",
    "page": "profil/",
    "404": "404.html",
    "search": "cari/",
}


def open_page(browser, base, path, *, javascript=True, viewport=None, scheme="light"):
    context = browser.new_context(
        java_script_enabled=javascript,
        viewport=viewport or {"width": 1024, "height": 768},
        color_scheme=scheme,
    )
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/{path}")
    page.wait_for_load_state("networkidle")
    return page, requests, errors


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_type_reads_without_help(browser, served_site, name, javascript):
    page, requests, errors = open_page(
        browser, served_site, PAGE_TYPES[name], javascript=javascript
    )
    assert page.locator("h1").first.is_visible()
    assert page.locator("main").inner_text().strip()
    assert {urlsplit(url).netloc for url in requests} == {urlsplit(served_site).netloc}
    assert errors == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_axe_finds_no_violation(browser, served_site, axe_script, name, scheme):
    page, _, _ = open_page(browser, served_site, PAGE_TYPES[name], scheme=scheme)
    # Through the DevTools protocol, which the pages' Content-Security-Policy does not govern.
    page.evaluate(axe_script.read_text(encoding="utf-8"))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
    ]
    assert violations == []
    page.context.close()


@pytest.mark.parametrize("name", ["article", "article with photo", "home", "regencies", "page"])
def test_feature_phone_screen(browser, served_site, name):
    page, _, _ = open_page(
        browser, served_site, PAGE_TYPES[name], viewport={"width": 240, "height": 320}
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 240
    title = page.locator("h1").first.bounding_box()
    assert title["x"] >= 0 and title["x"] + title["width"] <= 240
    first_text = page.locator("main p").first.bounding_box()
    assert first_text["x"] + first_text["width"] <= 240
    page.context.close()


def test_keyboard_reaches_the_skip_link_and_the_menu(browser, served_site):
    page, _, _ = open_page(browser, served_site, SEED_URL, viewport={"width": 240, "height": 320})
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Langsung ke isi"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('nav') !== null")
    page.context.close()
