"""The Pagefind index: what it holds, and that canonical.py makes it reproducible
without changing what it says."""

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE_COUNT, ROOT, SEED_URL, assert_same_files, files_of

from search.canonical import (
    SIGNATURE,
    UNUSED_BUNDLES,
    PagefindFormatError,
    canonicalise,
    read_data,
)

PAGE_COUNT = len(list((ROOT / "content" / "pages").glob("*.md")))


def page(title: str, regencies: list[str], year: int) -> str:
    filters = "".join(f'<span data-pagefind-filter="wilayah">{r}</span>' for r in regencies)
    return (
        f'<!doctype html><html lang="id"><body><article data-pagefind-body>'
        f'<h1>{title}</h1>{filters}<span data-pagefind-filter="tahun">{year}</span>'
        f"<p>Rapat pleno pemilihan di {title}.</p></article></body></html>"
    )


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    """A few pages with many filter values, so a HashMap's order shows."""
    site = tmp_path_factory.mktemp("small")
    regencies = ["Alor", "Belu", "Ende", "Sikka", "Ngada", "Malaka", "Lembata", "Kota Kupang"]
    for number, regency in enumerate(regencies):
        (site / f"{number}.html").write_text(
            page(regency, [regency, regencies[number - 1]], 2020 + number), encoding="utf-8"
        )
    return site


def pagefind(site: Path, output: Path) -> Path:
    target = output / "site"
    shutil.copytree(site, target)
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(target), "--silent"], check=True
    )
    return target / "pagefind"


def meta_file(index: Path) -> Path:
    """The metadata file the entry file names, for the site's one language."""
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    return index / f"pagefind.{entry['languages']['id']['hash']}.pf_meta"


def filters(index: Path) -> dict[str, dict[str, list[int]]]:
    """Every filter's values and pages, whatever order they are stored in."""
    meta = read_data(meta_file(index))
    found = {}
    for name, file_hash in meta[3]:
        filter_name, values = read_data(index / "filter" / f"{file_hash}.pf_filter")
        assert filter_name == name
        found[name] = dict(values)
    return found


def test_canonical_index_says_the_same(small_site, tmp_path):
    index = pagefind(small_site, tmp_path)
    before = filters(index)
    assert len(before["wilayah"]) == 8 and len(before["tahun"]) == 8
    canonicalise(index)
    assert filters(index) == before
    # Nothing left behind: exactly the filter files the metadata names.
    named = {f"{h}.pf_filter" for _, h in read_data(meta_file(index))[3]}
    assert {p.name for p in (index / "filter").iterdir()} == named
    assert list(index.glob("*.pf_meta")) == [meta_file(index)]
    assert not any((index / bundle).exists() for bundle in UNUSED_BUNDLES)


def test_two_indexes_of_one_site_are_byte_identical(small_site, tmp_path):
    first = pagefind(small_site, tmp_path / "first")
    second = pagefind(small_site, tmp_path / "second")
    canonicalise(first)
    canonicalise(second)
    assert_same_files(first, second)


def test_canonicalising_twice_changes_nothing(small_site, tmp_path):
    index = pagefind(small_site, tmp_path)
    canonicalise(index)
    once = files_of(index)
    canonicalise(index)
    assert files_of(index) == once


def test_an_index_in_an_unknown_layout_is_an_error(small_site, tmp_path):
    index = pagefind(small_site, tmp_path)
    meta = next(index.glob("*.pf_meta"))
    meta.write_bytes(gzip.compress(b"not pagefind"))
    with pytest.raises(PagefindFormatError, match="no Pagefind signature"):
        canonicalise(index)


def fragments(site: Path) -> list[dict]:
    found = []
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE)
        found.append(json.loads(raw[len(SIGNATURE) :]))
    return found


def test_the_site_index_holds_every_article_and_page_and_no_chrome(published_site):
    indexed = fragments(published_site)
    assert len(indexed) == ARTICLE_COUNT + PAGE_COUNT
    seed = next(f for f in indexed if f["url"] == "/" + SEED_URL)
    assert seed["filters"]["wilayah"] == ["Se-NTT"]
    assert seed["filters"]["kategori"] == ["Berita"]
    assert seed["filters"]["tahun"] == ["2021"]
    assert seed["meta"]["tanggal"] == "Rabu, 3 November 2021"
    for fragment in indexed:
        # The share row, menu and footer are outside the indexed text.
        assert "Bagikan" not in fragment["content"]
        assert "WhatsApp" not in fragment["content"]
        assert "Berita Terkini" not in fragment["content"]
        # The title and the Wilayah line are metadata and filters, not text:
        # an excerpt of the text does not repeat them.
        assert fragment["meta"]["title"]
        assert not fragment["content"].startswith(fragment["meta"]["title"][:20])
        assert "Wilayah:" not in fragment["content"]


def test_the_site_ships_only_the_search_runtime_it_uses(published_site):
    bundle = published_site / "pagefind"
    assert (bundle / "pagefind.js").exists()
    assert (bundle / "wasm.id.pagefind").exists()
    assert not any((bundle / name).exists() for name in UNUSED_BUNDLES)


def test_the_index_is_cut_in_small_chunks(published_site):
    # SEARCH_CHUNK_SIZE reaches Pagefind: with its default the whole site
    # would be one chunk, downloaded in full by every query.
    index = published_site / "pagefind"
    chunks = read_data(meta_file(index))[2]
    assert len(chunks) > 3
    assert len(list((index / "index").glob("*.pf_index"))) == len(chunks)
