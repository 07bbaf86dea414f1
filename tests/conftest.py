"""Shared fixtures: the real site, built by the real tasks into temporary folders."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
# The suite reads messages as the code writes them, in English; the tests of what
# editors read in Indonesian set KPU_LANG=id themselves (tests/test_translations.py).
os.environ["KPU_LANG"] = "en"

# What a copy of the site needs to build and publish on its own.
SITE_FILES = [
    "content",
    "theme",
    "plugins",
    "data",
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "package-lock.json",
]


# The production address the tests build for, whatever the machine's environment says.
BUDGET = 14_000  # gzip -9 bytes of a page: what TCP's first window carries on a 2G link
SITE_URL = "https://berita.kpu-ntt.test"
PUBLISH_VARIABLES = ("SITEURL", "SITE_CNAME", "GITHUB_PAGES_BRANCH", "GITHUB_PAGES_REMOTE")


def run_task(project: Path, *arguments: str, check=True, env=None) -> subprocess.CompletedProcess:
    """Run `invoke ARGUMENTS` in PROJECT, the way an editor or CI does."""
    environment = {k: v for k, v in os.environ.items() if k not in PUBLISH_VARIABLES}
    environment |= {"SITEURL": SITE_URL, **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "invoke", *arguments],
        cwd=project,
        capture_output=True,
        encoding="utf-8",
        env=environment,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"invoke {' '.join(arguments)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


def copy_site(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    # The web editor's downloaded bundle (dev.py), shared rather than copied.
    (target / ".vendor").symlink_to(ROOT / ".vendor")
    return target


# Builds one site in a process of its own and exits: argv[1] is a JSON object
# of settings over those of its "config" file (or Pelican's defaults). With
# "no fork", fork is made unavailable first, as on Windows (os.nice too), and
# spawn starts whatever other processes the build starts.
PELICAN_PROCESS = """
import json, locale, multiprocessing, os, sys
options = json.loads(sys.argv[1])
if options.pop("no fork", False):
    multiprocessing.set_start_method("spawn", force=True)
    multiprocessing.get_all_start_methods = lambda: ["spawn", "forkserver"]
    del os.nice
from pelican import Pelican
from pelican.settings import read_settings
config = options.pop("config", None)
if "LOCALE" in options:
    options["LOCALE"] = locale.normalize(options["LOCALE"])
Pelican(read_settings(path=config, override=options)).run()
"""


def pelican_process(output: Path, settings: dict, cwd: Path, env=None):
    """Pelican run as PELICAN_PROCESS, writing OUTPUT; fails the test if it fails."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            PELICAN_PROCESS,
            json.dumps({"OUTPUT_PATH": str(output), **settings}),
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=os.environ | {"COLUMNS": "400"} | (env or {}),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def files_of(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] not in skip
    }


def assert_same_files(one: Path, two: Path, skip: tuple[str, ...] = ()) -> None:
    first, second = files_of(one, skip), files_of(two, skip)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"{len(differing)} files differ, first {differing[:5]}"


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A private copy of the site's sources, for tests that add bad content."""
    return copy_site(tmp_path / "site")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site built with the local settings (`invoke build`)."""
    output = tmp_path_factory.mktemp("built")
    run_task(ROOT, "build", "--output", str(output))
    return output


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The real site built with the production settings (`invoke preview`)."""
    output = tmp_path_factory.mktemp("published")
    run_task(ROOT, "preview", "--output", str(output))
    return output


def read_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# Every post in content/berita is published (the real content has no drafts).
ARTICLE_COUNT = len(list((ROOT / "content" / "berita").rglob("*.md")))

SEED_URL = (
    "berita/2021/11/"
    "kpu-provinsi-ntt-selenggarakan-rakor-rencana-pelaksanaan-dp3-pada-22-kpu-kabupaten-kota-se-ntt/"
)


CHROMIUM = Path("/usr/bin/chromium")
# What headless Chromium needs as root on this machine's closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through Playwright; CI (CI=true) must have it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Chromium: .ci/run installs Debian's package 'chromium'")
        pytest.skip("no /usr/bin/chromium: install Debian's package 'chromium' for browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(page, expression: str, timeout: float = 30) -> None:
    """Poll a JavaScript expression until it is true.

    Playwright's wait_for_function evaluates its string with eval() inside the
    page, which the site's Content-Security-Policy forbids; page.evaluate goes
    through the DevTools protocol, which the policy does not govern.
    """
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(100)


def serve_build(folder: Path, env: dict | None = None, project: Path = ROOT):
    """Build PROJECT's production site into FOLDER for a server on 127.0.0.1, and serve it.

    Built with SITEURL set to the server's own address, as production is built
    with its own: every absolute URL of the site then points at this server.
    """
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *arguments):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    run_task(project, "preview", "--output", str(folder), env={"SITEURL": base, **(env or {})})
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The production build served over HTTP on 127.0.0.1, as a host would."""
    server, base = serve_build(tmp_path_factory.mktemp("served"))
    yield base
    server.shutdown()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core from package-lock.json (`npm ci`, which dev.py and .ci/run do)."""
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs axe-core: run `npm ci` (dev.py test does)")
        pytest.skip("no node_modules/axe-core: run `npm ci` for the accessibility tests")
    return AXE
