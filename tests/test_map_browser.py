"""The /wilayah/ map in headless Chromium, as a reader on a phone sees and taps it.

Everything is read from the rendered page: the regions' names and shades, the
counts in the list below the map, the legend's words and colours.
KPU_MAP_SCREENSHOTS names a folder for the screenshots kept for review
(otherwise pytest's tmp_path); they are not committed.
"""

import math
import os
import re
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import ROOT

from regencies.gazetteer import load_gazetteer
from regencies.map_svg import map_labels

PHONE = {"width": 360, "height": 640}
FEATURE_PHONE = {"width": 240, "height": 320}
SCREENSHOTS = os.environ.get("KPU_MAP_SCREENSHOTS")
KOTA_KUPANG = "/wilayah/kota-kupang/"

REGIONS = """() => [...document.querySelectorAll("svg.peta > a")].map(a => ({
    href: new URL(a.getAttribute("href"), location.href).pathname,
    label: a.getAttribute("aria-label"),
    shade: a.querySelector("path").getAttribute("class"),
    fill: getComputedStyle(a.querySelector("path")).fill,
}))"""
LIST = """() => [...document.querySelectorAll("main ul:not(.legenda) li")].map(li => ({
    href: new URL(li.querySelector("a").href).pathname,
    name: li.querySelector("a").textContent,
    text: li.textContent,
}))"""
LEGEND = """() => [...document.querySelectorAll(".legenda li")].map(li => {
    const swatch = li.querySelector("path"), box = swatch.getBoundingClientRect();
    return {
        text: li.textContent.trim(),
        shade: swatch.getAttribute("class"),
        fill: getComputedStyle(swatch).fill,
        stroke: getComputedStyle(swatch).stroke,
        width: box.width,
        height: box.height,
    };
})"""
LABELS = """() => [...document.querySelectorAll("svg.peta text")].map(t => {
    const spans = [...t.querySelectorAll("tspan")], box = t.getBoundingClientRect();
    return {
        text: spans.length ? spans.map(s => s.textContent).join(" ") : t.textContent,
        // Its size on the screen: the font size in map units times the map's scale.
        size: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
        // A label in a hidden group has no box on the screen.
        shown: box.width > 0 && box.height > 0,
        left: box.left, top: box.top, right: box.right, bottom: box.bottom,
    };
})"""
# The largest shape of Kota Kupang's link, on the screen.
KOTA_TARGET = """(href) => {
    const link = [...document.querySelectorAll("svg.peta > a")]
        .find(a => new URL(a.getAttribute("href"), location.href).pathname === href);
    const boxes = [...link.querySelectorAll("path")].map(p => p.getBoundingClientRect());
    const box = boxes.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    return {
        x, y, width: box.width, height: box.height,
        hit: document.elementFromPoint(x, y).closest("a") === link,
    };
}"""
COLOURS = """() => {
    const label = getComputedStyle(document.querySelector("svg.peta text"));
    return {
        background: getComputedStyle(document.body).backgroundColor,
        text: label.fill,
        halo: label.stroke,
    };
}"""


@pytest.fixture
def open_map(browser, served_site):
    contexts = []

    def opener(viewport=PHONE, scheme="light"):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.goto(f"{served_site}/wilayah/")
        return page

    yield opener
    for context in contexts:
        context.close()


def rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", colour)[:3])


def luminance(colour: str) -> float:
    channels = [c / 255 for c in rgb(colour)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, two: str) -> float:
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def numbers(meaning: str) -> tuple[float, float]:
    """The posts a legend entry stands for: "1\u20132 berita" is (1, 2)."""
    if meaning == "belum ada berita":
        return 0, 0
    if found := re.fullmatch(r"(\d+) berita atau lebih", meaning):
        return int(found[1]), math.inf
    low, high = re.fullmatch(r"(\d+)(?:\u2013(\d+))? berita", meaning).groups()
    return int(low), int(high or low)


def test_each_region_is_a_named_link_shaded_as_the_list_counts_its_posts(open_map):
    page = open_map()
    regions, listed, legend = page.evaluate(REGIONS), page.evaluate(LIST), page.evaluate(LEGEND)
    assert len(regions) == 22
    counts = {item["href"]: int(re.search(r": (\d+) berita", item["text"])[1]) for item in listed}
    names = {item["href"]: item["name"] for item in listed}
    assert {region["href"] for region in regions} == set(counts)
    # The names the browser gives the links, from its own accessibility tree.
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    link_names = {
        node["name"]["value"]
        for node in tree
        if node.get("role", {}).get("value") == "link" and "name" in node
    }
    shades = {entry["shade"]: entry for entry in legend}
    for region in regions:
        count = counts[region["href"]]
        assert region["label"] == f"{names[region['href']]}: {count} berita"
        assert region["label"] in link_names
        low, high = numbers(shades[region["shade"]]["text"])
        assert low <= count <= high, region
        assert region["fill"] == shades[region["shade"]]["fill"], region
    by_href = {region["href"]: region["label"] for region in regions}
    assert by_href[KOTA_KUPANG].startswith("Kota Kupang: ")
    assert by_href["/wilayah/kabupaten-kupang/"].startswith("Kabupaten Kupang: ")
    # The site's policy would report a blocked style attribute here.
    assert page.errors == []


def test_the_legend_says_in_words_which_colour_is_how_many_posts(open_map):
    legend = open_map().evaluate(LEGEND)
    assert len(legend) >= 2
    ranges = [numbers(entry["text"]) for entry in legend]
    assert ranges[0] == (0, 0) and ranges[-1][1] == math.inf
    # One after another, from no post to any number of them.
    assert all(high + 1 == low for (_, high), (low, _) in pairwise(ranges))
    assert len({entry["fill"] for entry in legend}) == len(legend)
    assert all(entry["width"] >= 16 and entry["height"] >= 10 for entry in legend)


def test_kota_kupang_is_a_target_to_tap_on_a_phone(open_map):
    page = open_map()
    target = page.evaluate(KOTA_TARGET, KOTA_KUPANG)
    print(f"Kota Kupang's target at 360 x 640: {target['width']:.1f} x {target['height']:.1f} px")
    assert target["width"] >= 24 and target["height"] >= 24
    assert target["hit"]
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url(f"**{KOTA_KUPANG}")


def test_labels_are_readable_and_apart_on_a_phone(open_map):
    labels = open_map().evaluate(LABELS)
    allowed = {
        label: regency.code
        for regency in load_gazetteer(str(ROOT / "data" / "regencies.toml")).regencies
        for label in map_labels(regency.short_name, regency.aliases)
    }
    assert all(label["text"] in allowed for label in labels), [label["text"] for label in labels]
    # Every regency named once on the map, Kota and Kabupaten Kupang apart.
    assert len({allowed[label["text"]] for label in labels}) == len(labels) == 22
    assert {"Kota Kupang", "Kabupaten Kupang"} <= {label["text"] for label in labels}
    sizes = sorted(label["size"] for label in labels)
    print(f"Labels at 360 x 640: {sizes[0]:.2f} px")
    assert sizes[0] >= 10
    assert all(label["shown"] for label in labels)
    for i, one in enumerate(labels):
        for two in labels[i + 1 :]:
            apart = (
                one["right"] <= two["left"]
                or two["right"] <= one["left"]
                or one["bottom"] <= two["top"]
                or two["bottom"] <= one["top"]
            )
            assert apart, (one["text"], two["text"])


def test_labels_too_small_to_read_are_not_shown(open_map):
    page = open_map(FEATURE_PHONE)
    labels = page.evaluate(LABELS)
    assert labels and all(label["size"] < 10 and not label["shown"] for label in labels)
    # The regions still are links, and the list names them all.
    assert len(page.evaluate(REGIONS)) == 22


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_shades_outlines_and_labels_contrast(open_map, scheme):
    page = open_map(scheme=scheme)
    legend, colours = page.evaluate(LEGEND), page.evaluate(COLOURS)
    background = colours["background"]
    ratios = {e["shade"]: round(contrast(e["fill"], background), 2) for e in legend}
    print(f"{scheme}: shades against the page {ratios}")
    none, *some = legend
    # A regency with news stands out from the sea; one without is drawn by its outline.
    assert all(contrast(entry["fill"], background) >= 3 for entry in some)
    assert contrast(none["stroke"], background) >= 3
    # Each shade's outline shows against the shade: two neighbours of one shade stay apart.
    assert all(contrast(entry["stroke"], entry["fill"]) >= 3 for entry in legend)
    # Neighbouring shades are told apart.
    assert all(contrast(a["fill"], b["fill"]) >= 2 for a, b in pairwise(legend))
    # Labels: text colour on a halo of the page's colour, whatever they cross.
    assert colours["halo"] == background
    assert contrast(colours["text"], colours["halo"]) >= 4.5


@pytest.mark.parametrize(
    ("viewport", "scheme"), [(FEATURE_PHONE, "light"), (PHONE, "light"), (PHONE, "dark")]
)
def test_screenshots_for_review(open_map, tmp_path, viewport, scheme):
    page = open_map(viewport, scheme)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"wilayah-{viewport['width']}x{viewport['height']}-{scheme}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    assert path.stat().st_size > 0
