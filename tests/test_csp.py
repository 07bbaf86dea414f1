"""Each page's Content-Security-Policy is its real inline code: editor text adds no hash.

The build's parser is compared with html5lib (WHATWG's algorithm, the
reference), and so is every page's policy; the issue's post (a tag in its
title and alt text) is built with the production settings, and Chromium
applies its stylesheet, runs its share script and nothing an editor wrote;
nginx's csp.conf is the same whatever the posts say. The corpus test puts
public XSS vectors (tests/fixtures/xss/, SOURCES.md names them) in every
field an editor controls and opens every page with and without the policy:
nothing runs, and a canary page shows that what runs would be seen.
"""

import contextlib
import functools
import json
import re
import shutil
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import html5lib
import pytest
from conftest import ROOT, copy_site, free_port, pelican_process, serve_build, wait_until

import site_output
from site_output import add_policy, keep_hashes, minify_page
from site_output.csp import digest, inline_hashes

# The script types that run, of those a page of this site could have; any
# other (JSON-LD's application/ld+json) is a data block.
RUNS = {"", "text/javascript", "application/javascript", "module"}
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def parsed(html: str) -> tuple[str | None, set[str], set[str]]:
    """The page's policy, and the hashes of its inline scripts and styles, per html5lib."""
    scripts, styles, policy = set(), set(), None
    for element in html5lib.parse(html).iter():
        if not isinstance(element.tag, str):
            continue
        name = element.tag.rpartition("}")[2]
        # The element's child text, as a browser hashes it.
        text = (element.text or "") + "".join(child.tail or "" for child in element)
        if name == "style":
            styles.add(digest(text))
        elif name == "script" and "src" not in element.attrib:
            if element.get("type", "").strip().lower() in RUNS:
                scripts.add(digest(text))
        elif name == "meta" and element.get("http-equiv") == "Content-Security-Policy":
            assert policy is None, "two policies"
            policy = element.get("content")
    return policy, scripts, styles


def read_page(html: str) -> tuple[tuple[set, set], tuple[set, set]]:
    """(the policy's script and style hashes, those of the page's inline code)."""
    policy, scripts, styles = parsed(html)
    assert policy is not None, "no policy"
    directives = {name: values for name, *values in (part.split() for part in policy.split("; "))}
    allowed = [
        {value for value in directives[name] if value.startswith("'sha256-")}
        for name in ("script-src", "style-src")
    ]
    return (allowed[0], allowed[1]), (scripts, styles)


def pages_of(output: Path) -> list[Path]:
    """Every page the build finished (Decap's /admin/ page is not)."""
    return sorted(path for path in output.rglob("*.html") if "admin" not in path.parts)


def assert_every_policy_is_its_pages_own(output: Path) -> None:
    wrong = []
    for path in pages_of(output):
        allowed, real = read_page(path.read_text(encoding="utf-8"))
        if allowed != real:
            wrong.append(path.relative_to(output).as_posix())
    assert not wrong, f"{len(wrong)} pages' policies are not their own code, first {wrong[:5]}"


# What a browser parses its own way: RCDATA, comments, foreign content, script
# data's escapes, raw text, foster parenting, data blocks.
TRICKY = [
    "<title>Belajar tag <style> di HTML</title>",
    "<title></script></title><script>window.__pwned=1</script></title>",
    '<img alt="Layar bertuliskan <script>alert(1)</script>" src=a.jpg>',
    "<textarea><script>alert(2)</script></textarea><style>t{}</style>",
    "<!-- <script>alert(3)</script> --><script>real()</script>",
    "<svg><script>alert(4)</script><style>svg{}</style></svg>",
    "<script>a='<!--<script>'</script>b()</script><script>c()</script>",
    "<SCRIPT>d()</SCRIPT ><script/x>e()</script>",
    "<noembed><script>f()</script></noembed><xmp><style>g{}</style></xmp>",
    "<table><style>h{}</style><script>i()</script><tr><td>x</table>",
    '<script type="text/plain">j()</script><script type=module>k()</script>',
    '<script type="application/ld+json">{"a": "</scr" }</script><script src=l.js>m()</script>',
]


@pytest.mark.parametrize("markup", TRICKY)
def test_the_build_finds_the_elements_html5lib_finds(markup):
    html = f"<!doctype html><html><head><meta charset=utf-8></head><body>{markup}</body></html>"
    _, *real = parsed(html)
    assert inline_hashes(html) == tuple(real)


# In-process: a page finished as the production build finishes it.

SETTINGS = {"MINIFY_HTML": True, "CONTENT_SECURITY_POLICY": True}
STYLE = "main{color:navy}"
SHARE = "bagikan(document)"


@pytest.fixture
def own_code():
    """The theme's own code for these tests: STYLE and SHARE, as add_own_code would declare."""
    saved = [set(hashes) for hashes in (*site_output.own_code, *site_output.site_hashes)]
    for hashes in (*site_output.own_code, *site_output.site_hashes):
        hashes.clear()
    site_output.own_code[0].add(digest(SHARE))
    site_output.own_code[1].add(digest(STYLE))
    yield
    for hashes, kept in zip((*site_output.own_code, *site_output.site_hashes), saved, strict=True):
        hashes.clear()
        hashes.update(kept)


def finished(html: str) -> str:
    html, _ = minify_page("a.html", html, SETTINGS)
    html, hashes = add_policy("a.html", html, SETTINGS)
    keep_hashes("a.html", hashes)
    return html


def page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang=id><head><meta charset=utf-8>"
        f"<title>{title}</title><style>{STYLE}</style></head><body><main>{body}</main>"
        '<script type="application/ld+json">{"headline": "x"}</script>'
        f"<section class=share><script>{SHARE}</script></section></body></html>"
    )


def test_tags_written_as_text_add_or_remove_no_hash(own_code, caplog):
    # As the templates escape them; the minifier leaves '<' raw in the title and the alt text.
    html = finished(
        page(
            "Belajar tag &lt;style&gt; di HTML",
            '<img src=a.jpg alt="Layar bertuliskan &lt;script&gt;alert(1)&lt;/script&gt;">'
            "<figcaption>&lt;/script&gt;&lt;style&gt;main{}&lt;/style&gt;</figcaption>",
        )
    )
    assert "<title>Belajar tag <style> di HTML</title>" in html  # what fooled the old regex
    assert 'alt="Layar bertuliskan <script>alert(1)</script>"' in html
    allowed, real = read_page(html)
    assert allowed == real == ({digest(SHARE)}, {digest(STYLE)})
    assert site_output.site_hashes == ({digest(SHARE)}, {digest(STYLE)})
    assert caplog.records == []


def test_inline_code_that_is_not_the_themes_is_allowed_nowhere(own_code, caplog):
    # As if the sanitizer had let a script and a style through.
    html = finished(page("Berita", "<script>curi()</script><svg><style>p{}</style></svg>"))
    allowed, real = read_page(html)
    assert allowed == ({digest(SHARE)}, {digest(STYLE)})
    assert real == ({digest(SHARE), digest("curi()")}, {digest(STYLE), digest("p{}")})
    assert site_output.site_hashes == allowed  # nor in nginx's header
    [record] = caplog.records
    assert record.levelname == "ERROR"
    assert record.getMessage().startswith(
        "a.html: the page has an inline script or style that is not the theme's own ("
    )
    assert digest("curi()") in record.getMessage() and digest("p{}") in record.getMessage()


def test_the_error_in_indonesian(own_code, caplog, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    finished(page("Berita", "<script>curi()</script>"))
    [record] = caplog.records
    assert record.getMessage().startswith(
        "a.html: halaman ini memuat skrip atau gaya tertanam yang bukan milik tema ("
    )


# The issue's post, built with the production settings and served.

TITLE = "Belajar tag <style> di HTML"
SHOWN_TITLE = "Belajar tag <style> di\u00a0HTML"  # typogrify binds the last word
ALT = "Layar bertuliskan <script>alert(1)</script>"
SUMMARY = "Ringkasan yang menulis </script> dan <style>main{display:none}</style> sebagai contoh."
CAPTION = "Keterangan </script><script>alert(2)</script></style><style>body{display:none}</style>"
POST = f"""\
Title: {TITLE}
Date: 2026-11-27 10:00
Category: Berita
Tags: HTML, Keamanan
Wilayah: NTT
Summary: {SUMMARY}
Image: images/2023/coklit-ilustrasi.jpg
Image_Alt: {ALT}
Image_Caption: {CAPTION}

Tag `<style>` memuat gaya, tag `<script>` memuat skrip.
"""

# What records, in every frame, anything a vector runs (most call one of these)
# and every blocked script or style; Playwright injects it past the policy.
HOOK = """
(() => {
  const ran = window.kpuRan, blocked = window.kpuBlocked;
  for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
    window[name] = function (what) { ran(name, location.href, String(what)); };
  }
  document.addEventListener("securitypolicyviolation", (event) =>
    blocked(event.violatedDirective, event.blockedURI, location.href), true);
})();
"""


class Recorder:
    """Browser tabs that report what ran, what the policy blocked, and page errors."""

    def __init__(self, browser, tabs: int = 1):
        self.ran, self.blocked, self.errors = [], [], []
        self.context = browser.new_context()
        self.context.expose_function("kpuRan", lambda *what: self.ran.append(what))
        self.context.expose_function("kpuBlocked", lambda *what: self.blocked.append(what))
        self.context.add_init_script(HOOK)
        self.pages = [self.context.new_page() for _ in range(tabs)]
        for page in self.pages:
            page.on("dialog", lambda dialog: (self.ran.append(("dialog",)), dialog.dismiss()))
            page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page = self.pages[0]

    def open(self, *urls: str) -> None:
        """Load URLS, as many at once as there are tabs, each to its load event."""
        for start in range(0, len(urls), len(self.pages)):
            batch = list(zip(self.pages, urls[start : start + len(self.pages)], strict=False))
            for page, url in batch:
                page.goto(url, wait_until="commit")
            for page, _ in batch:
                page.wait_for_load_state("load")

    def close(self) -> None:
        for page in self.pages:
            page.evaluate("0")  # the last reports are in
        self.context.close()


@pytest.fixture(scope="module")
def issue_site(tmp_path_factory):
    site = copy_site(tmp_path_factory.mktemp("csp") / "site")
    (site / "content" / "berita" / "2026" / "2026-11-27-belajar-tag.md").write_text(
        POST, encoding="utf-8"
    )
    output = tmp_path_factory.mktemp("csp-output")
    server, base = serve_build(output, project=site)
    article = next((output / "berita" / "2026" / "11").glob("belajar-tag*/index.html"))
    yield output, base, article
    server.shutdown()


def test_the_issues_post_gets_the_policy_of_its_real_elements(issue_site):
    output, _, article = issue_site
    html = article.read_text(encoding="utf-8")
    # As the minifier leaves them.
    assert f"<title>{SHOWN_TITLE}" in html and ALT in html
    allowed, real = read_page(html)
    assert allowed == real
    assert [len(hashes) for hashes in real] == [1, 1]  # the share row's script, the stylesheet
    assert_every_policy_is_its_pages_own(output)


def test_the_stylesheet_and_share_script_apply_and_nothing_else_runs(browser, issue_site):
    output, base, article = issue_site
    recorder = Recorder(browser)
    recorder.open(f"{base}/{article.parent.relative_to(output).as_posix()}/")
    page = recorder.page
    assert page.title().startswith(SHOWN_TITLE)
    assert page.locator("figure img").get_attribute("alt") == ALT
    # The stylesheet applies (.sr moves the search label off screen), the share
    # script added its status line, and the editor's code is text.
    assert page.evaluate("getComputedStyle(document.querySelector('label.sr')).position") == (
        "absolute"
    )
    assert page.evaluate("getComputedStyle(document.querySelector('main')).display") == "block"
    assert page.locator("section.share [role=status]").count() == 1
    assert page.evaluate("document.scripts.length") == 2  # JSON-LD and the share row's
    recorder.close()
    assert recorder.ran == recorder.blocked == recorder.errors == []


def test_csp_conf_is_the_same_whatever_editors_write(issue_site, published_site):
    output, _, _ = issue_site
    conf = (output / "nginx" / "csp.conf").read_text(encoding="utf-8")
    assert conf == (published_site / "nginx" / "csp.conf").read_text(encoding="utf-8")
    assert conf.count("'sha256-") == 3  # the stylesheet, the share row's and the search page's


# The corpus: every vector in every field an editor controls, across POSTS posts.

POSTS = 24
TAGS = 2  # a post's tags, each one short vector: every tag is a page to load
QUERIES = ["alert", "script"]


def vectors() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests" / "fixtures" / "xss").glob("*.json")):
        found += json.loads(path.read_text(encoding="utf-8"))["vectors"]
    return found


XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def corpus_post(number: int, every: list[str]) -> str:
    """Post NUMBER: in each field, every POSTS-th vector, from an offset of the field's own."""
    # Characters XML 1.0 forbids stop the feed, and `check` refuses them
    # (tests/test_gatekeeper.py): here they would only stop the build.
    every = [XML_FORBIDDEN.sub("", vector) for vector in every]
    line = [" ".join(vector.split()) for vector in every]  # a header holds one line

    def field(offset: int, vectors=line) -> list[str]:
        return vectors[(number + offset) % POSTS :: POSTS]

    # Pelican splits tags at commas (or semicolons); each tag is a file name too.
    tags = [
        vector
        for vector in line
        if len(vector) <= 60 and not {",", ";"} & set(vector) and re.search("[a-z]", vector)
    ]
    header = {
        "Title": " ".join([f"Uji {number}", *field(1)]),
        "Slug": f"uji-xss-{number}",
        "Date": f"2026-10-{1 + number % 28:02d} {10 + number // 28}:00",
        "Category": "Berita",
        "Tags": ", ".join(tags[number * TAGS : (number + 1) * TAGS]),
        "Wilayah": "NTT",
        "Summary": " ".join(field(2)),
        "Image": "images/2023/coklit-ilustrasi.jpg",
        "Image_Alt": " ".join(field(3)),
        "Image_Caption": " ".join(field(4)),
    }
    body = "\n\n".join(["Paragraf pembuka berita uji.", *field(0, every), "Paragraf penutup."])
    return "".join(f"{name}: {value}\n" for name, value in header.items()) + "\n" + body + "\n"


@contextlib.contextmanager
def served(folder: Path, port: int):
    """FOLDER over HTTP at 127.0.0.1:PORT, as a static host serves it."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *arguments):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """The site with the corpus posts, built by Pelican with the production settings.

    Without `check`, which refuses much of the corpus: the build's own
    defences are what is tested. Built for a server on PORT, which the test
    starts.
    """
    every = vectors()
    site = copy_site(tmp_path_factory.mktemp("xss") / "site")
    folder = site / "content" / "berita" / "2026"
    for number in range(POSTS):
        (folder / f"2026-10-uji-xss-{number}.md").write_text(
            corpus_post(number, every), encoding="utf-8"
        )
    output, port = tmp_path_factory.mktemp("xss-output"), free_port()
    base = f"http://127.0.0.1:{port}"
    pelican_process(output, {"config": "publishconf.py"}, cwd=site, env={"SITEURL": base})
    return output, port


def test_the_corpus_is_every_vector_of_its_sources():
    every = vectors()
    assert len(every) == len(set(every)) == 522
    sources = (ROOT / "tests" / "fixtures" / "xss" / "SOURCES.md").read_text(encoding="utf-8")
    for path in (ROOT / "tests" / "fixtures" / "xss").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert re.fullmatch("[0-9a-f]{40}", data["commit"]) and data["licence"]
        assert f"`{path.name}` | [{urlsplit(data['source']).path[1:]}]" in sources
        assert f"| {len(data['vectors'])} |" in sources


# A page more, of code that must run without the policy and be blocked with it:
# what shows that the recording works.
CANARY = "<script>alert('kanari')</script><img src=/tidak-ada.png onerror=\"alert('kanari')\">"


def add_canary(output: Path) -> str:
    home = (output / "index.html").read_text(encoding="utf-8")
    page = output / "kanari" / "index.html"
    page.parent.mkdir()
    page.write_text(home.replace("<main id=isi>", "<main id=isi>" + CANARY, 1), encoding="utf-8")
    return "kanari/"


def without_policy(output: Path, copy: Path) -> Path:
    """A copy of the built site whose pages have no <meta> policy."""
    shutil.copytree(output, copy)
    for path in pages_of(copy):
        html, found = POLICY_META.subn("", path.read_text(encoding="utf-8"), count=1)
        assert found == 1, path
        path.write_text(html, encoding="utf-8")
    return copy


def test_no_vector_runs_with_or_without_the_policy(browser, corpus_site, published_site, tmp_path):
    output, port = corpus_site
    base = f"http://127.0.0.1:{port}"
    articles = list((output / "berita" / "2026" / "10").glob("uji-xss-*/index.html"))
    assert len(articles) == POSTS
    assert_every_policy_is_its_pages_own(output)
    # Every page, and the search's results.
    paths = [
        path.relative_to(output).as_posix().removesuffix("index.html") for path in pages_of(output)
    ]
    paths.append(add_canary(output))
    canary = f"{base}/kanari/"
    started = time.monotonic()
    for folder in (output, without_policy(output, tmp_path / "no-policy")):
        with served(folder, port):
            recorder = Recorder(browser, tabs=4)
            recorder.open(*(f"{base}/{path}" for path in paths))
            for query in QUERIES:
                recorder.open(f"{base}/cari/?q={query}")
                wait_until(
                    recorder.page,
                    "!document.getElementById('hasil').textContent.startsWith('Mencari')",
                )
                assert "Uji" in recorder.page.locator("#hasil").inner_text()
            recorder.close()
        where = folder.name
        ran = [what for what in recorder.ran if what[1:2] != (canary,)]
        assert ran == [], (where, ran[:5])
        assert recorder.errors == [], (where, recorder.errors[:5])
        # Nothing but the canary even tried and was blocked: the sanitizer held on its own.
        code = [
            what for what in recorder.blocked if what[0].startswith(("script-src", "style-src"))
        ]
        if folder == output:
            assert len(recorder.ran) == 0
            assert sorted(what[0] for what in code) == ["script-src-attr", "script-src-elem"]
            assert {what[2] for what in code} == {canary}
        else:
            assert recorder.ran == [("alert", canary, "kanari")] * 2
            assert code == []
    print(f"{len(paths) + len(QUERIES)} pages, twice, in {time.monotonic() - started:.1f} s")
    conf = (output / "nginx" / "csp.conf").read_text(encoding="utf-8")
    assert conf == (published_site / "nginx" / "csp.conf").read_text(encoding="utf-8")
