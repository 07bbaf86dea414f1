"""Property tests (Hypothesis) of what stands between an editor's input and the
site: the sanitizer, the link cards, the path and old-address checks."""

from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from kpu_content.check import SLUG_FORMAT, inside
from old_urls.redirects import is_old_url, nginx_map, redirect_file
from safe_html.embeds import card_for
from safe_html.sanitize import clean

PIECES = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/a.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">a</a>',
    '<a href=" JaVa\tScRiPt:alert(1)">b</a>',
    '<a href="data:text/html,<script>alert(1)</script>">c</a>',
    '<a href="vbscript:msgbox(1)">d</a>',
    "<svg onload=alert(1)><circle/></svg>",
    "<iframe src=https://evil.example/></iframe>",
    '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
    "<object data=javascript:alert(1)></object>",
    "<embed src=https://evil.example/x.swf>",
    '<div style="background:url(javascript:alert(1))">s</div>',
    "<style>body{display:none}</style>",
    "<form action=https://evil.example><input name=p></form>",
    "<math><mi xlink:href=javascript:alert(1)>m</mi></math>",
    "<base href=https://evil.example/>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<!--<script>alert(1)</script>-->",
    "<p title='</p><script>alert(1)</script>'>t</p>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<p>Teks biasa &amp; aman</p>",
    '<a href="https://kpu.go.id/">tautan</a>',
    '<img src="/images/a.jpg" alt="foto">',
    "<",
    ">",
    '"',
    "'",
    "=",
]
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=12))
def test_nothing_that_runs_survives_the_sanitizer(pieces):
    cleaned = clean("".join(pieces))
    soup = BeautifulSoup(cleaned, "html.parser")
    assert not soup.find_all(
        ["script", "style", "iframe", "object", "embed", "svg", "math", "form", "base", "meta"]
    )
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), cleaned
            assert name.lower() != "style", cleaned
            if name in ("href", "src") and ":" in value.split("/")[0]:
                assert value.lower().startswith(SAFE_SCHEMES), cleaned
    # Cleaning what is clean changes nothing.
    assert clean(cleaned) == cleaned


@given(st.text(max_size=80))
def test_a_link_card_only_ever_links_to_the_service_over_https(url):
    card = card_for(url)
    if card is not None:
        assert card.url.startswith(
            (
                "https://www.youtube.com/",
                "https://www.scribd.com/",
                "https://www.facebook.com/",
                "https://facebook.com/",
                "https://m.facebook.com/",
                "https://fb.watch/",
                "https://drive.google.com/",
                "https://www.instagram.com/",
            )
        )


SEGMENTS = st.sampled_from(["..", ".", "a", "b.jpg", "", "/", "\\", "C:", "images", "~", "%2e%2e"])


@given(parts=st.lists(SEGMENTS, max_size=8))
def test_a_path_called_inside_content_stays_inside(parts, tmp_path_factory):
    content = tmp_path_factory.getbasetemp() / "content"
    written = "/".join(parts)
    if inside(content, written):
        assert (content / written).resolve().is_relative_to(content.resolve())
        assert not Path(written).is_absolute()


@given(st.text(max_size=40))
def test_an_accepted_old_address_is_a_plain_path(text):
    if is_old_url(text):
        assert text.startswith("/")
        assert not any(character in text for character in "?#\"' \\:;\n{}$")
        relative = redirect_file(text)
        assert not relative.is_absolute()
        assert ".." not in relative.parts
        assert nginx_map({text: "/berita/x/"}).count('"') == 4


@given(st.text(max_size=40))
def test_an_accepted_slug_names_one_folder(text):
    if SLUG_FORMAT.match(text):
        assert "/" not in text and "." not in text and text == text.strip()


def test_a_link_is_trimmed_before_its_scheme_is_checked():
    for space in ("\u2003", "\u00a0", "\u200b", "\ufeff", "\u3000", " \t\n"):
        for tag in (
            f'<a href="{space}javascript:alert(1)">x</a>',
            f'<img src="{space}javascript:alert(1)" alt="x">',
        ):
            cleaned = clean(tag)
            assert "javascript" not in cleaned, cleaned
    kept = clean('<a href="\u00a0 https://kpu.go.id/ \u2003">KPU</a>')
    assert kept == '<a href="https://kpu.go.id/">KPU</a>'


def test_no_character_xml_forbids_comes_out_of_the_sanitizer():
    # &#1; is decoded by the parser and would be written raw: the feeds would fail.
    cleaned = clean('<p>a&#1;b&#x0C;c <img src="/x.jpg" alt="d&#14;e"> \x0bf</p>')
    assert cleaned == '<p>abc <img src="/x.jpg" alt="de"> f</p>'
