"""A post whose every field carries a payload builds into pages where none of it runs.

The post passes `invoke check` (which warns about what the build removes), is
built with the production settings, and is opened in Chromium: its own page,
the lists it appears in and the search page. Each payload would set
window.__pwned, or open a dialog, if it ran.
"""

import json
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from conftest import copy_site, read_html, run_task, serve_build, wait_until

TITLE = (
    'Rapat "><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    " </script></title><script>window.__pwned=14</script><!-- \u00abpwnedtitle\u00bb"
)
PAYLOAD = "<script>window.__pwned=1</script>"
TAG = '"><b onmouseover=window.__pwned=3>Topik</b>'
SUMMARY = '<script>window.__pwned=4</script> <a href="javascript:window.__pwned=5">ringkasan</a>'
ALT = '" onerror="window.__pwned=6'
CAPTION = "<img src=x onerror=window.__pwned=7>"
BODY = """\
Paragraf pertama.

<script>window.__pwned=8</script>

<img src="{static}/images/2023/coklit-ilustrasi.jpg" onerror="window.__pwned=9" alt="gambar">

[klik di sini](javascript:window.__pwned=10) dan <a href=" JaVaScRiPt:window.__pwned=11">ini</a>.

<div onmouseover="window.__pwned=12" style="background:red">sorot</div>

<svg><script>window.__pwned=13</script></svg>

<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>

<iframe class="scribd_iframe_embed" src="https://www.scribd.com/embeds/123456/content?start_page=1" width="100%"></iframe>
"""
POST = f"""\
Title: {TITLE}
Date: 2026-11-26 10:00
Category: Berita
Tags: {TAG}, Aman
Wilayah: NTT
Summary: {SUMMARY}
Image: images/2023/coklit-ilustrasi.jpg
Image_Alt: {ALT}
Image_Caption: {CAPTION}
Old_Urls: /index.php/blog/read/666

{BODY}"""
PAGES = ["", "kategori/berita/", "wilayah/", "berita/2026/", "cari/?q=pwnedtitle"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):

    site = copy_site(tmp_path_factory.mktemp("hostile") / "site")
    (site / "content" / "berita" / "2026" / "2026-11-26-serangan.md").write_text(
        POST, encoding="utf-8"
    )
    checked = run_task(site, "check")
    output = tmp_path_factory.mktemp("hostile-output")
    server, base = serve_build(output, project=site)
    yield site, output, base, checked
    server.shutdown()


def article_path(output):
    return next(
        p for p in (output / "berita" / "2026" / "11").glob("*/index.html") if "rapat" in str(p)
    )


def test_check_passes_and_warns_of_what_the_build_removes(hostile_site):
    _, _, _, checked = hostile_site
    warnings = [line for line in checked.stderr.splitlines() if ": warning: " in line]
    where = "content/berita/2026/2026-11-26-serangan.md"
    assert f"{where}:14: warning: a <script> is removed from the post when it is built" in warnings
    assert (
        f"{where}:16: warning: the event handler 'onerror=' is removed when the post is built"
        in warnings
    )
    assert (
        f"{where}:18: warning: a 'javascript:' link is removed when the post is built" in warnings
    )
    assert (
        f"{where}:20: warning: the event handler 'onmouseover=' is removed when the post is built"
        in warnings
    )


def test_every_field_is_text_wherever_it_lands(hostile_site):
    _, output, _, _ = hostile_site
    page = read_html(article_path(output))
    article = page.find("article")
    # The title is typeset (curly quotes, dashes) but stays text: no element in it.
    heading = article.find("h1")
    assert heading.find_all(True) == []
    assert PAYLOAD in heading.get_text()
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert PAYLOAD in data["headline"] and "</script>" in data["headline"]
    assert PAYLOAD in page.find("meta", property="og:title")["content"]
    assert PAYLOAD in page.find("title").get_text()
    figure = article.find("figure")
    assert figure.find("img")["alt"] == ALT
    assert figure.find("figcaption").get_text() == CAPTION
    dangerous = article.find_all(["script", "iframe", "svg", "object", "embed", "form"])
    # The share row's script is the site's own (its hash is in the policy).
    assert [tag for tag in dangerous if not tag.find_parent("section", class_="share")] == []
    for element in article.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on") and name != "style", element
            if name in ("href", "src"):
                assert "script:" not in value.replace(" ", "").lower(), element
    cards = {a.get_text(): a["href"] for a in article.select("p.sematan a")}
    assert cards == {
        "Tonton video di YouTube": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "Buka dokumen di Scribd": "https://www.scribd.com/document/123456",
    }
    assert TAG in [a.get_text() for a in article.select("p.meta a")]


def test_feeds_sitemap_and_search_index_carry_it_as_text(hostile_site):
    _, output, _, _ = hostile_site
    for name in ("semua.atom.xml", "semua.rss.xml"):
        feed = feedparser.parse((output / "feeds" / name).read_bytes())
        assert not feed.bozo, name
        entry = next(e for e in feed.entries if "pwnedtitle" in e.title)
        assert PAYLOAD in entry.title
        # feedparser sanitizes as a feed reader would; the raw feed holds no script element.
    assert "<script" not in (output / "feeds" / "semua.atom.xml").read_text(encoding="utf-8")
    ElementTree.parse(output / "sitemap.xml")
    index = (output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert json.loads(index)["languages"]


def test_nothing_runs_in_a_browser(browser, hostile_site):
    _, output, base, _ = hostile_site
    article = article_path(output).parent.relative_to(output).as_posix() + "/"
    context = browser.new_context()
    hosts, dialogs, violations = set(), [], []
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    for path in [article, *PAGES]:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and violations.append(message.text)
            ),
        )
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("networkidle")
        if path.startswith("cari/"):
            wait_until(page, "!document.getElementById('hasil').textContent.startsWith('Mencari')")
            assert "pwnedtitle" in page.locator("#hasil").inner_text()
        for selector in ("img", "div", "a"):
            for element in page.locator(f"article {selector}").all()[:20]:
                element.hover(timeout=2000, force=True)
        assert page.evaluate("window.__pwned") is None, path
        if path == article:
            # As the browser parsed it (minified <title> text is RCDATA): only the
            # site's own scripts, JSON-LD and the share row's; the title is text.
            assert page.evaluate("document.scripts.length") == 2
            assert "</title><script>" in page.title()
        page.close()
    context.close()
    assert dialogs == []
    assert violations == []  # nothing even tried to run and was blocked
    assert hosts == {urlsplit(base).netloc}  # no request to YouTube or Scribd


def test_the_old_address_leads_to_the_post(browser, hostile_site):
    _, output, base, _ = hostile_site
    article = article_path(output).parent.relative_to(output).as_posix() + "/"
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/index.php/blog/read/666/")
    page.wait_for_url(f"{base}/{article}")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    page.close()
