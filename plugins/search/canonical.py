"""Make Pagefind's output byte-reproducible, and drop what the site never loads.

Pagefind 1.5 writes each filter (wilayah, kategori, tahun) as a gzipped CBOR
list of [value, pages] pairs in the order of a Rust HashMap, which changes from
run to run; the file names are hashes of those bytes, and the metadata file
that lists them, and the entry file that names the metadata, change with them
(Pagefind issue #638). Everything else it writes is already stable.

canonicalise() sorts the filter values and the metadata's filter list,
re-gzips without a timestamp and renames the three kinds of file by a hash of
their new content, keeping Pagefind's own naming (`<lang>_<hex>`) so its
loader finds them. The data are the same; only their order changes.
"""

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

# Every Pagefind data file starts, once gunzipped, with this signature.
SIGNATURE = b"pagefind_dcd"
# Pagefind's own bundles for its stock interfaces; /cari/ uses only the
# JavaScript API (pagefind.js, its worker and WebAssembly).
UNUSED_BUNDLES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class PagefindFormatError(Exception):
    """The index is not laid out as the Pagefind version this code knows writes it."""


def read_data(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise PagefindFormatError(f"{path}: no Pagefind signature")
    return cbor2.loads(raw[len(SIGNATURE) :])


def pack(data) -> tuple[bytes, str]:
    """Data as Pagefind stores it (signature, CBOR, gzip without a timestamp), and its hash."""
    raw = SIGNATURE + cbor2.dumps(data)
    return gzip.compress(raw, compresslevel=9, mtime=0), hashlib.sha256(raw).hexdigest()


def canonicalise(pagefind: Path) -> None:
    entry_path = pagefind / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, index in entry["languages"].items():
        meta_path = pagefind / f"pagefind.{index['hash']}.pf_meta"
        meta = read_data(meta_path)
        # meta = [version, pages, index chunks, filters [[name, hash]], sorts, meta fields]
        if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
            raise PagefindFormatError(f"{meta_path}: unexpected metadata layout")
        filters = []
        for name, old_hash in sorted(meta[3]):
            old_path = pagefind / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = read_data(old_path)
            old_path.unlink()
            packed, digest = pack([filter_name, sorted(values, key=lambda pair: pair[0])])
            new_hash = f"{language}_{digest[:7]}"
            (pagefind / "filter" / f"{new_hash}.pf_filter").write_bytes(packed)
            filters.append([name, new_hash])
        meta[3] = filters
        meta_path.unlink()
        packed, digest = pack(meta)
        index["hash"] = f"{language}_{digest[:10]}"
        (pagefind / f"pagefind.{index['hash']}.pf_meta").write_bytes(packed)
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    for bundle in UNUSED_BUNDLES:
        (pagefind / bundle).unlink(missing_ok=True)
