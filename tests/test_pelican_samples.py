"""The accelerator on content nobody here wrote: Pelican's own samples, built as Pelican's tests build them.

The sdist of the locked Pelican version, fetched from PyPI and checked
against the lock's hash, holds `samples/` and the trees Pelican's own
test_basic_generation_works and test_custom_generation_works expect. Each
build runs in a process of its own, as `pelican` does, so that no plugin's
signal receivers carry over from one build to the next. Plain Pelican must
give Pelican's trees; the accelerated builds (site_build and site_output,
whatever the batch size, without fork) must give plain Pelican's bytes.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from hashlib import sha256
from importlib import metadata
from pathlib import Path

import pytest
from conftest import ROOT, files_of
from conftest import pelican_process as build

ACCELERATED = {"PLUGIN_PATHS": [str(ROOT / "plugins")], "PLUGINS": ["site_build", "site_output"]}


def pelican_sdist_hashes() -> set[str]:
    """The sha256 hashes the lock file allows for the locked Pelican."""
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    block = re.search(r"^pelican==[^\n]*\n((?:\s+--hash=sha256:\w+[^\n]*\n)+)", lock, re.M)
    return set(re.findall(r"sha256:(\w+)", block[1]))


@pytest.fixture(scope="session")
def pelican_source() -> Path:
    """Pelican's sdist, unpacked once into .cache/pelican-sdist."""
    version = metadata.version("pelican")
    folder = ROOT / ".cache" / "pelican-sdist" / f"pelican-{version}"
    if (folder / "samples").is_dir():
        return folder
    download = folder.with_name(f"{folder.name}.download")
    shutil.rmtree(download, ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--disable-pip-version-check",
            "-d",
            str(download),
            f"pelican=={version}",
        ],
        check=True,
    )
    archive = download / f"pelican-{version}.tar.gz"
    assert sha256(archive.read_bytes()).hexdigest() in pelican_sdist_hashes(), (
        f"{archive.name} does not match the hashes of requirements.lock"
    )
    unpacked = folder.with_name(f"{folder.name}.partial")
    shutil.rmtree(unpacked, ignore_errors=True)
    with tarfile.open(archive) as sdist:
        sdist.extractall(unpacked, filter="data")
    shutil.rmtree(download)
    # Renamed when complete: an interrupted unpacking is done again next time.
    (unpacked / f"pelican-{version}").rename(folder)
    shutil.rmtree(unpacked)
    return folder


def sample(source: Path, kind: str, tmp_path: Path, content: Path | None = None) -> dict:
    """The settings test_{kind}_generation_works builds the samples with."""
    settings = {
        "PATH": str(content or source / "samples" / "content"),
        "CACHE_PATH": str(tmp_path / f"cache-{kind}"),
        # The installed namespace plugins (pelican-neighbors, pelican-image-process)
        # would be loaded where PLUGINS is unset; Pelican's own tests have none.
        "PLUGINS": [],
    }
    if kind == "basic":
        return settings | {"LOCALE": "en_US"}
    return settings | {
        "config": str(source / "samples" / "pelican.conf.py"),
        "LOCALE": "en_US.UTF-8",
    }


@pytest.mark.parametrize("kind", ["basic", "custom"])
def test_plain_pelican_builds_the_trees_pelicans_tests_expect(pelican_source, tmp_path, kind):
    build(tmp_path / "plain", sample(pelican_source, kind, tmp_path), pelican_source)
    expected = pelican_source / "pelican" / "tests" / "output" / kind
    # As Pelican's assertDirsEqual compares them: git diff, whitespace aside.
    difference = subprocess.run(
        [
            "git",
            "diff",
            "--no-index",
            "--no-ext-diff",
            "--exit-code",
            "-w",
            "--stat",
            str(tmp_path / "plain"),
            str(expected),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert difference.returncode == 0, difference.stdout


MODES = {
    "default": {},
    "small batches": {"BUILD_BATCH_PAGES": 2},
    "one process": {"BUILD_WORKERS": 1},
    "no fork": {"no fork": True},
}


@pytest.mark.parametrize("kind", ["basic", "custom"])
def test_the_accelerated_build_writes_what_pelican_writes(pelican_source, tmp_path, kind):
    settings = sample(pelican_source, kind, tmp_path)
    build(tmp_path / "plain", settings, pelican_source)
    plain = files_of(tmp_path / "plain")
    # The custom samples have relative URLs, and an article saved where a tag page would be.
    assert len(plain) > 30
    for mode, extra in MODES.items():
        build(tmp_path / mode, settings | ACCELERATED | extra, pelican_source)
        ours = files_of(tmp_path / mode)
        assert ours.keys() == plain.keys(), mode
        differing = [name for name in plain if plain[name] != ours[name]]
        assert not differing, f"{mode}: {differing}"


PROBE = """
import json, os
from pelican import signals
def written(path, context):
    with open(os.environ["PROBE_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps([path, os.path.getsize(path)]) + "\\n")
def register():
    signals.content_written.connect(written)
"""


def test_content_written_comes_when_the_page_is_on_disk(pelican_source, tmp_path):
    """A plugin that reads each file at content_written finds it whole, in Pelican's order."""
    plugins = tmp_path / "probe-plugins"
    (plugins / "probe").mkdir(parents=True)
    (plugins / "probe" / "__init__.py").write_text(PROBE, encoding="utf-8")
    settings = sample(pelican_source, "custom", tmp_path)
    logs = {}
    for mode, extra in {
        "plain": {"PLUGIN_PATHS": [str(plugins)], "PLUGINS": ["probe"]},
        "accelerated": {
            "PLUGIN_PATHS": [str(ROOT / "plugins"), str(plugins)],
            "PLUGINS": ["site_build", "site_output", "probe"],
            "BUILD_BATCH_PAGES": 2,
        },
    }.items():
        log = tmp_path / f"{mode}.log"
        os.environ["PROBE_LOG"] = str(log)
        try:
            build(tmp_path / mode, settings | extra, pelican_source)
        finally:
            del os.environ["PROBE_LOG"]
        lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
        logs[mode] = [(os.path.relpath(path, tmp_path / mode), size) for path, size in lines]
    assert len(logs["plain"]) > 30
    assert [size for _, size in logs["accelerated"] if size == 0] == []
    assert logs["accelerated"] == logs["plain"]


def test_a_plugin_that_rewrites_pages_when_written_works_the_same(pelican_source, tmp_path):
    """pelican-image-process (from PyPI) rewrites each page at content_written."""
    content = tmp_path / "content"
    shutil.copytree(pelican_source / "samples" / "content", content)
    (content / "processed.md").write_text(
        "Title: Processed\nDate: 2024-01-02\n\n"
        '<img class="image-process-crisp" src="{static}/pictures/Sushi.jpg" alt="Sushi">\n',
        encoding="utf-8",
    )
    settings = sample(pelican_source, "custom", tmp_path, content=content)
    settings["IMAGE_PROCESS"] = {"crisp": ["scale_in 100 100 True"]}
    plugin = {"PLUGINS": ["pelican.plugins.image_process"]}
    build(tmp_path / "plain", settings | plugin, pelican_source)
    accelerated = {**ACCELERATED, "PLUGINS": [*ACCELERATED["PLUGINS"], *plugin["PLUGINS"]]}
    build(tmp_path / "ours", settings | accelerated | {"BUILD_BATCH_PAGES": 2}, pelican_source)
    plain, ours = files_of(tmp_path / "plain"), files_of(tmp_path / "ours")
    page = plain["processed.html"].decode()
    assert "derivatives/crisp/" in page
    assert any("derivatives/crisp/" in name for name in plain)
    assert ours.keys() == plain.keys()
    assert [name for name in plain if plain[name] != ours[name]] == []


def test_a_file_pelican_cannot_read_is_reported_as_pelican_reports_it(pelican_source, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(pelican_source / "samples" / "content", content)
    (content / "unreadable.md").write_text("Title: No date\nDate: not a date\n\nText.\n")
    settings = sample(pelican_source, "custom", tmp_path, content=content)
    plain = build(tmp_path / "plain", settings, pelican_source)
    ours = build(
        tmp_path / "ours", settings | ACCELERATED | {"BUILD_BATCH_PAGES": 2}, pelican_source
    )
    for result in (plain, ours):
        assert "Could not process" in result.stdout + result.stderr
        assert "unreadable.md" in result.stdout + result.stderr
    assert files_of(tmp_path / "plain") == files_of(tmp_path / "ours")
