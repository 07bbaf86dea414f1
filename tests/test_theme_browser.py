"""Every page type in headless Chromium: readable with JavaScript on and off,
no request to another host, no console error, no axe-core violation, and the
title and first paragraph on a 240 x 320 feature-phone screen."""

import os
from pathlib import Path
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
    "statistics": "statistik/",
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
    # On a narrow screen the header's "Menu" leads to the menu in the footer.
    assert page.evaluate("document.activeElement.className") == "ke-menu"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('nav#menu') !== null")
    page.context.close()


# The whole first headline (on an article, its title and date) is on a 240 x 320
# screen without scrolling.
FIRST_SCREEN = {
    "home": "main ol.list h2",
    "category": "main ol.list h2",
    "regency": "main ol.list h2",
    "article": "main article .meta",
}
FEATURE_PHONE = {"width": 240, "height": 320}


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    """Where the review screenshots go: $KPU_SCREENSHOTS, or a temporary folder."""
    folder = Path(os.environ.get("KPU_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots for review: {folder}")
    return folder


@pytest.mark.parametrize("name", sorted(FIRST_SCREEN))
def test_the_first_screen_shows_the_news(browser, served_site, screenshots, name):
    for viewport in (FEATURE_PHONE, {"width": 360, "height": 640}):
        page, _, _ = open_page(browser, served_site, PAGE_TYPES[name], viewport=viewport)
        shown = page.locator(FIRST_SCREEN[name]).first.bounding_box()
        title = page.locator("h1").first.bounding_box()
        assert title["y"] >= 0 and shown["y"] + shown["height"] <= viewport["height"], viewport
        size = f"{viewport['width']}x{viewport['height']}"
        page.screenshot(path=screenshots / f"{name.replace(' ', '-')}-{size}.png")
        page.context.close()


@pytest.mark.parametrize("name", ["home", "article", "regency", "category", "month archive"])
def test_no_break_inside_a_date_a_time_or_se_ntt(browser, served_site, name):
    page, _, _ = open_page(browser, served_site, PAGE_TYPES[name], viewport=FEATURE_PHONE)
    # An inline element has one box per line it is broken over.
    lines = page.evaluate(
        """[...document.querySelectorAll('main time, main .nw')]
             .map(e => [e.textContent, e.getClientRects().length])"""
    )
    assert lines and all(count == 1 for _, count in lines), lines
    texts = [text for text, _ in lines]
    if name == "article":
        assert "Se-NTT" in texts and any(text.endswith(" WITA") for text in texts)
    page.context.close()


def test_the_menu_on_a_feature_phone_needs_no_script(browser, served_site):
    page, _, _ = open_page(browser, served_site, SEED_URL, javascript=False, viewport=FEATURE_PHONE)
    header = page.locator("header").bounding_box()
    assert header["height"] <= 60
    assert page.locator("header nav").is_hidden()
    page.click("a.ke-menu")
    assert page.url.endswith("#menu")
    menu = page.locator("#menu")
    for title in ("Berita", "Pengumuman", "Siaran Pers", "Wilayah", "Cari", "Kontak"):
        link = menu.get_by_role("link", name=title, exact=True)
        box = link.bounding_box()
        assert link.is_visible() and box["y"] >= 0 and box["y"] + box["height"] <= 320, title
    page.context.close()


def test_the_full_menu_is_in_the_header_on_a_wider_screen(browser, served_site):
    page, _, _ = open_page(browser, served_site, "", viewport={"width": 800, "height": 600})
    assert page.locator("header nav").is_visible()
    assert page.locator("a.ke-menu").is_hidden()
    assert page.locator("header .nama").is_visible() and page.locator(".singkat").is_hidden()
    page.context.close()


# Every text colour pair as Chromium renders it: each element with text of its
# own against the first background behind it (WCAG 2.x contrast).
CONTRASTS = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const channel = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const behind = element => {
    for (let e = element; e; e = e.parentElement) {
      const colour = rgb(getComputedStyle(e).backgroundColor);
      if (colour.length === 3 || colour[3] > 0) return colour;
    }
    return [255, 255, 255];
  };
  const found = [];
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('svg, script, style')) continue;
    const own = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = element.getBoundingClientRect();
    if (!own || !box.width || box.right < 0 || getComputedStyle(element).visibility !== 'visible') continue;
    const style = getComputedStyle(element);
    const [a, b] = [luminance(rgb(style.color)), luminance(behind(element))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    found.push([element.tagName + '.' + element.className, element.textContent.trim().slice(0, 30),
                Math.round(ratio * 100) / 100, needed]);
  }
  return found;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", [*sorted(PAGE_TYPES), "search result"])
def test_every_text_colour_pair_is_readable(browser, served_site, name, scheme):
    path = "cari/?q=pemilih" if name == "search result" else PAGE_TYPES[name]
    page, _, _ = open_page(browser, served_site, path, scheme=scheme)
    if name == "search result":
        page.locator("#hasil mark").first.wait_for()
    page.keyboard.press("Tab")  # the skip link shows only when it has focus
    pairs = page.evaluate(CONTRASTS)
    assert any(pair[1] == "Langsung ke isi" for pair in pairs)
    assert len(pairs) > 5
    assert [pair for pair in pairs if pair[2] < pair[3]] == []
    if name == "search result":
        assert any(pair[0].startswith("MARK") for pair in pairs)
    page.context.close()
