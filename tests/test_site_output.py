"""Precompressed copies and their cache (plugins/site_output/compress.py)."""

import gzip
from functools import partial
from pathlib import Path

import brotli
from conftest import read_html

from site_output.compress import compressed, finish
from site_output.csp import digest, policy

POLICY = partial(policy, search_engine="https://www.google.com")


def policy_of(page) -> str:
    return read_html(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_cached_copies_equal_fresh_ones(tmp_path):
    output, cache = tmp_path / "out", tmp_path / "cache"
    output.mkdir()
    (output / "a.js").write_text("var a = 1;" * 500)
    finish(output, False, True, cache=cache)
    first = {p.name: p.read_bytes() for p in output.iterdir()}
    assert gzip.decompress(first["a.js.gz"]) == first["a.js"]
    assert brotli.decompress(first["a.js.br"]) == first["a.js"]
    assert len(list(cache.iterdir())) == 2
    finish(output, False, True, cache=cache)  # now from the cache
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


def test_finishing_on_every_core_writes_what_one_process_writes(tmp_path):
    trees = []
    for workers in (1, 2):
        output = tmp_path / f"out-{workers}"
        (output / "berita").mkdir(parents=True)
        for number in range(40):
            (output / "berita" / f"{number}.html").write_text(
                f"<!doctype html><meta charset=utf-8>\n\n<p>Berita {number} " * 50
            )
            (output / "berita" / f"{number}.js").write_text(f"var berita = {number};" * 50)
        site = finish(
            output,
            True,
            True,
            cache=tmp_path / f"cache-{workers}",
            policy_for=POLICY,
            workers=workers,
        )
        trees.append((site, {p.relative_to(output): p.read_bytes() for p in output.rglob("*.*")}))
    # Each page minified, with its policy, and no copies (compress.PAGE_ENCODINGS):
    # the host compresses pages. Each script with its .gz and .br.
    files = trees[0][1]
    assert len(files) == 40 + 40 * 3
    assert "\n" not in files[Path("berita/7.html")].decode()
    assert policy_of(tmp_path / "out-1" / "berita" / "7.html") == trees[0][0]
    assert gzip.decompress(files[Path("berita/7.js.gz")]) == files[Path("berita/7.js")]
    assert trees[0] == trees[1]


def test_each_page_gets_the_policy_of_its_own_inline_code(tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    head = "<!doctype html><html><head><meta charset=utf-8><style>p{color:red}</style></head>"
    (output / "skrip.html").write_text(f"{head}<body><script>bagikan()</script></body></html>")
    (output / "polos.html").write_text(f"{head}<body><p>Berita</p></body></html>")
    # A page site_build finished as it rendered it: not written again, its hashes count.
    (output / "selesai.html").write_text("sudah selesai")
    finished = {output / "selesai.html": ({digest("cari()")}, set())}
    site = finish(output, True, True, policy_for=POLICY, finished=finished)
    script, style = digest("bagikan()"), digest("p{color:red}")
    assert script in policy_of(output / "skrip.html")
    assert script not in policy_of(output / "polos.html")
    assert style in policy_of(output / "skrip.html") and style in policy_of(output / "polos.html")
    assert {script, style, digest("cari()")} <= set(site.replace(";", "").split())
    assert (output / "selesai.html").read_text() == "sudah selesai"
    assert sorted(path.name for path in output.iterdir()) == [
        "polos.html",
        "selesai.html",
        "skrip.html",
    ]
