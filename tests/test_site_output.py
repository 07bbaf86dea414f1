"""Precompressed copies and their cache (plugins/site_output/compress.py)."""

import gzip

import brotli

from site_output.compress import compressed, finish


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


def test_compressing_on_every_core_writes_what_one_process_writes(tmp_path):
    trees = []
    for workers in (1, 2):
        output = tmp_path / f"out-{workers}"
        (output / "berita").mkdir(parents=True)
        for number in range(40):
            (output / "berita" / f"{number}.html").write_text(
                f"<!doctype html><meta charset=utf-8><p>Berita {number} " * 50
            )
        finish(output, False, True, cache=tmp_path / f"cache-{workers}", workers=workers)
        trees.append({p.relative_to(output): p.read_bytes() for p in output.rglob("*.*")})
    assert len(trees[0]) == 120
    assert trees[0] == trees[1]
