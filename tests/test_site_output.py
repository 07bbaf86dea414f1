"""Page finishing and precompressed copies (plugins/site_output)."""

import gzip
from pathlib import Path

import brotli
from bs4 import BeautifulSoup

from site_output import add_policy, keep_hashes, minify_page, own_code, site_hashes
from site_output.compress import compressed, precompress
from site_output.csp import digest

SETTINGS = {
    "MINIFY_HTML": True,
    "CONTENT_SECURITY_POLICY": True,
    "SEARCH_ENGINE_URL": "https://www.google.com/search",
}


def policy_of(html: str) -> str:
    meta = BeautifulSoup(html, "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )
    return meta["content"]


def finished(path: str, html: str, settings=SETTINGS) -> str:
    html, _ = minify_page(path, html, settings)
    html, hashes = add_policy(path, html, settings)
    keep_hashes(path, hashes)
    return html


def test_cached_copies_equal_fresh_ones(tmp_path):
    output, cache = tmp_path / "out", tmp_path / "cache"
    output.mkdir()
    (output / "a.js").write_text("var a = 1;" * 500)
    precompress(output, cache=cache)
    first = {p.name: p.read_bytes() for p in output.iterdir()}
    assert gzip.decompress(first["a.js.gz"]) == first["a.js"]
    assert brotli.decompress(first["a.js.br"]) == first["a.js"]
    assert len(list(cache.iterdir())) == 2
    precompress(output, cache=cache)  # now from the cache
    assert {p.name: p.read_bytes() for p in output.iterdir()} == first
    assert first["a.js.gz"] == compressed(first["a.js"], ".gz", None)


def test_the_cache_is_keyed_by_content(tmp_path):
    cache = tmp_path / "cache"
    one = compressed(b"satu" * 100, ".br", cache)
    two = compressed(b"dua" * 100, ".br", cache)
    assert brotli.decompress(one) == b"satu" * 100
    assert brotli.decompress(two) == b"dua" * 100
    assert sorted(p.suffix for p in cache.iterdir()) == [".br", ".br"]
    assert not list(cache.glob("*.partial"))


def test_precompressing_on_every_core_writes_what_one_process_writes(tmp_path):
    trees = []
    for workers in (1, 2):
        output = tmp_path / f"out-{workers}"
        (output / "berita").mkdir(parents=True)
        (output / "admin").mkdir()
        for number in range(40):
            (output / "berita" / f"{number}.html").write_text(f"<p>Berita {number} " * 50)
            (output / "berita" / f"{number}.js").write_text(f"var berita = {number};" * 50)
        (output / "admin" / "editor.js").write_text("var editor = 1;" * 500)
        precompress(output, cache=tmp_path / f"cache-{workers}", fast=("admin",), workers=workers)
        trees.append({p.relative_to(output): p.read_bytes() for p in output.rglob("*.*")})
    # Pages get no copies (compress.PAGE_ENCODINGS): the host compresses them.
    files = trees[0]
    assert len(files) == 40 + 40 * 3 + 3
    assert gzip.decompress(files[Path("berita/7.js.gz")]) == files[Path("berita/7.js")]
    editor = files[Path("admin/editor.js")]
    assert files[Path("admin/editor.js.br")] == brotli.compress(editor, quality=5)
    assert trees[0] == trees[1]


def test_each_page_gets_the_policy_of_its_own_inline_code():
    bagikan, style = digest("bagikan()"), digest("p{color:red}")
    for hashes in (*own_code, *site_hashes):
        hashes.clear()
    # The theme's own code, as add_own_code() finds it when the build starts.
    own_code[0].add(bagikan)
    own_code[1].add(style)
    head = "<!doctype html><html><head><meta charset=utf-8><style>p{color:red}</style></head>"
    script = finished("skrip.html", f"{head}<body><script>bagikan()</script></body></html>")
    plain = finished("polos.html", f"{head}<body><p>Berita</p>\n\n</body></html>")
    assert bagikan in policy_of(script)
    assert bagikan not in policy_of(plain)
    assert style in policy_of(script) and style in policy_of(plain)
    assert "\n" not in plain  # minified
    assert site_hashes == ({bagikan}, {style})
    assert "form-action 'self' https://www.google.com;" in policy_of(plain) + ";"


def test_features_are_off_unless_their_settings_turn_them_on():
    page = "<!doctype html><meta charset=utf-8>\n\n<script>x()</script>"
    assert finished("a.html", page, settings={}) == page
    # Not a page: left as it is.
    assert finished("sitemap.xml", "<urlset>\n\n</urlset>") == "<urlset>\n\n</urlset>"


def test_webassembly_is_allowed_only_when_asked_for():
    page = "<!doctype html><meta charset=utf-8><p>Berita</p>"
    strict = policy_of(finished("a.html", page, settings={"CONTENT_SECURITY_POLICY": True}))
    assert "wasm" not in strict and "form-action 'self';" in strict + ";"
    search = {"CONTENT_SECURITY_POLICY": True, "CONTENT_SECURITY_POLICY_WASM": True}
    assert "'wasm-unsafe-eval'" in policy_of(finished("a.html", page, settings=search))
