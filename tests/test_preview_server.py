"""The preview's server: the live reload under the pages' own policy, and the site's 404 page."""

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import PUBLISH_VARIABLES, SEED_URL, SITE_URL, copy_site, free_port, run_task

from site_build.serving import locate, reload_script, with_script
from site_output.csp import inline_hashes, policy

POST = Path("content") / "berita" / "2021" / "2021-11-03-rakor-rencana-pelaksanaan-dp3.md"
# Chromium reports a blocked script in the console; the event says which directive blocked it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) =>
  console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI));
"""


class Task:
    """`invoke TASK --port PORT` in PROJECT, in its own process group; what it prints, in lines."""

    def __init__(self, project: Path, task: str, port: int, env: dict):
        environment = {k: v for k, v in os.environ.items() if k not in PUBLISH_VARIABLES}
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "invoke", task, "--port", str(port)],
            cwd=project,
            env=environment | {"SITEURL": SITE_URL, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines = []
        threading.Thread(target=self.read, daemon=True).start()

    def read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for_line(self, start: str, seconds: float = 120) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.process.poll() is None:
            found = [line for line in self.lines if line.startswith(start)]
            if found:
                return found[0].rstrip("\n")
            time.sleep(0.05)
        raise AssertionError(f"no line starting {start!r}:\n{''.join(self.lines)}")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """`invoke livereload` on a copy of the site, in Indonesian: the site's one build here."""
    site = copy_site(tmp_path_factory.mktemp("live") / "site")
    preview = Task(site, "livereload", free_port(), env={"KPU_LANG": "id"})
    try:
        preview.wait_for_line("Pratinjau dapat dibuka di")
        yield site, preview
    finally:
        preview.stop()


def test_the_preview_says_in_indonesian_where_it_is(live):
    _, preview = live
    assert preview.wait_for_line("Pratinjau") == (
        f"Pratinjau dapat dibuka di {preview.base}/ dan dimuat ulang sendiri setiap kali "
        "perubahan disimpan. Hentikan dengan Ctrl+C."
    )


def test_pages_are_served_as_built_with_the_reload_script_from_the_same_origin(live):
    site, preview = live
    built = (site / "output" / SEED_URL / "index.html").read_bytes()
    assert b"livereload" not in built  # nothing of the preview is written to the output
    port = int(preview.base.rpartition(":")[2])
    status, served = get(preview.base + "/" + SEED_URL)
    assert status == 200
    # The policy as built: no hash, host or scheme more than a production page has.
    assert served == with_script(built, reload_script(port))
    assert served.count(b"<script src=") == built.count(b"<script src=") + 1
    # The web editor's page never reloads under an editor's typing.
    editor = (site / "output" / "admin" / "index.html").read_bytes()
    assert get(preview.base + "/admin/") == (200, editor)


def test_an_edited_post_reloads_its_open_page_within_two_seconds(browser, live):
    site, preview = live
    context = browser.new_context()
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    errors, sent = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    def listen(socket):
        socket.on("framesent", lambda frame: sent.append(str(frame)))

    page.on("websocket", listen)
    page.goto(preview.base + "/" + SEED_URL)
    # livereload.js says "info" once it is connected: from then on it hears of rebuilds.
    deadline = time.monotonic() + 10
    while not any('"info"' in frame for frame in sent):
        assert time.monotonic() < deadline, f"livereload.js never connected: {errors}"
        page.wait_for_timeout(50)
    page.evaluate("window.notReloaded = true")

    post = site / POST
    text = post.read_text(encoding="utf-8")
    assert "dimoderatori" in text
    started = time.monotonic()
    post.write_text(text.replace("dimoderatori", "dipandu langsung"), encoding="utf-8")
    reloaded = "!window.notReloaded && document.body.innerText.includes('dipandu langsung')"
    while time.monotonic() - started < 5:
        try:
            if page.evaluate(reloaded):
                break
        except Exception:  # the page is being replaced by its new version
            pass
        page.wait_for_timeout(20)
    seconds = time.monotonic() - started
    print(f"reloaded {seconds:.2f} s after the post was saved")
    assert seconds < 2, f"the page showed the new text only after {seconds:.2f} s"
    assert errors == []
    context.close()
    line = preview.wait_for_line("Pratinjau: ")
    page = re.escape(f"output/{SEED_URL}index.html")
    assert re.fullmatch(rf"Pratinjau: {page} dalam [0-9]+,[0-9]{{3}} detik", line), line


def test_the_preview_answers_an_unknown_address_with_the_sites_404_page(live):
    site, preview = live
    not_found = (site / "output" / "404.html").read_bytes()
    assert b"Halaman tidak ditemukan" in not_found
    status, body = get(preview.base + "/berita/2021/11/tidak-ada/")
    port = int(preview.base.rpartition(":")[2])
    assert (status, body) == (404, with_script(not_found, reload_script(port)))


def test_serve_answers_an_unknown_address_with_the_sites_404_page(live):
    site, preview = live  # serves the output the preview built
    server = Task(site, "serve", free_port(), env={"KPU_LANG": "id"})
    try:
        started = server.wait_for_line("Situs")
        assert started == f"Situs dapat dibuka di {server.base}/. Hentikan dengan Ctrl+C."
        assert get(server.base + "/tidak-ada") == (
            404,
            (site / "output" / "404.html").read_bytes(),
        )
        status, page = get(server.base + "/profil")  # a folder without its "/"
        assert status == 200
        assert page == (site / "output" / "profil" / "index.html").read_bytes()
    finally:
        server.stop()
    port = preview.base.rpartition(":")[2]
    taken = run_task(site, "serve", "--port", port, check=False, env={"KPU_LANG": "id"})
    assert taken.returncode == 1
    assert taken.stderr == f"port {port} sedang dipakai. Apakah pratinjau sudah berjalan?\n"


def test_production_pages_carry_no_livereload_allowance(published_site):
    pages = list(published_site.rglob("*.html"))
    assert len(pages) > 30
    without_policy = []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "livereload" not in html, path
        found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        if found is None:
            without_policy.append(path.relative_to(published_site).as_posix())
            continue
        # Exactly the policy of the page's own inline code: no websocket, host or hash more.
        wanted = policy(*inline_hashes(html), search_engine="https://www.google.com", wasm=True)
        assert found[1] == wanted, path
        assert "ws:" not in found[1] and "127.0.0.1" not in found[1]
    assert without_policy == ["admin/index.html"]  # Decap's page, which is not finished


def test_locate_finds_files_and_folders_and_nothing_outside(tmp_path):
    root = tmp_path / "output"
    (root / "profil").mkdir(parents=True)
    (root / "index.html").write_text("home")
    (root / "profil" / "index.html").write_text("profil")
    (tmp_path / "secret.txt").write_text("not served")
    assert locate(root, "") == root / "index.html"
    assert locate(root, "profil/") == root / "profil" / "index.html"
    assert locate(root, "profil") == "/profil/"
    assert locate(root, "profil/index.html") == root / "profil" / "index.html"
    assert locate(root, "tidak-ada/") is None
    assert locate(root, "../secret.txt") is None
    assert locate(root, "profil/../../secret.txt") is None


def test_the_reload_script_goes_last_of_all_whatever_the_title_says():
    script = reload_script(8123)
    assert script == b'<script src="/livereload.js?port=8123"></script>'
    page = b"<html><head><meta charset=utf-8><title>Tag </head> di HTML</title></head><body></body></html>"
    assert with_script(page, script) == page + script
    assert with_script(b"<p>no head", script) == b"<p>no head" + script
