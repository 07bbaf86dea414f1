"""The editor's tasks: new-post, rebuild's guard, and the live preview."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime

from conftest import free_port, run_task
from pelican.settings import read_settings

from kpu_content.check import check_site
from kpu_content.new_post import new_post_file


def test_new_post_writes_a_draft_that_passes_check(site_copy):
    result = run_task(site_copy, "new-post", "Rapat Pleno Terbuka Kabupaten/Kota: DPT & DPTb")
    relative = result.stdout.strip()
    year = datetime.now().year
    assert relative.startswith(f"content/berita/{year}/")
    assert relative.endswith("-rapat-pleno-terbuka-kabupaten-kota-dpt-dptb.md")
    text = (site_copy / relative).read_text(encoding="utf-8")
    header = text.split("\n\n")[0].splitlines()
    assert header[0] == "Title: Rapat Pleno Terbuka Kabupaten/Kota: DPT & DPTb"
    assert header[1].startswith(f"Date: {year}-")
    assert header[2] == "Category: Berita"
    assert "Status: draft" in header
    assert {line.split(":")[0] for line in header} >= {"Tags", "Summary", "Image", "Image_Alt"}
    assert run_task(site_copy, "check").returncode == 0


def test_new_post_date_is_now_in_wita(site_copy):
    settings = read_settings(str(site_copy / "pelicanconf.py"))
    from zoneinfo import ZoneInfo

    now = datetime(2026, 11, 28, 23, 30, tzinfo=ZoneInfo("Asia/Makassar"))
    path = new_post_file(settings, "Berita Malam", "Pengumuman", now)
    assert path.name == "2026-11-28-berita-malam.md"
    assert "Date: 2026-11-28 23:30\n" in path.read_text(encoding="utf-8")
    assert "Category: Pengumuman\n" in path.read_text(encoding="utf-8")


def test_new_post_never_overwrites_and_names_the_category_list(site_copy):
    run_task(site_copy, "new-post", "Judul Sama")
    again = run_task(site_copy, "new-post", "Judul Sama", check=False)
    assert again.returncode != 0
    assert "already exists" in again.stderr
    wrong = run_task(site_copy, "new-post", "Judul Lain", "--category", "Opini", check=False)
    assert wrong.returncode != 0
    assert "Berita, Pengumuman, Siaran Pers" in wrong.stderr


def test_rebuild_refuses_to_delete_outside_the_project(site_copy, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "precious.txt").write_text("keep me")
    result = run_task(site_copy, "rebuild", "--output", str(outside), check=False)
    assert result.returncode != 0
    assert "refusing to delete" in result.stderr
    assert (outside / "precious.txt").read_text() == "keep me"
    inside = run_task(site_copy, "rebuild")
    assert inside.returncode == 0
    assert (site_copy / "output" / "index.html").is_file()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def start(site, task, port, stderr=subprocess.DEVNULL):
    """`invoke TASK --port PORT` in the background, in its own process group."""
    return subprocess.Popen(
        [sys.executable, "-m", "invoke", task, "--port", str(port)],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        start_new_session=True,
    )


def test_livereload_rebuilds_on_content_theme_plugin_data_and_settings(site_copy):
    port = free_port()
    preview = start(site_copy, "livereload", port)
    base = f"http://127.0.0.1:{port}"
    seed = (
        "/berita/2021/11/kpu-provinsi-ntt-selenggarakan-rakor-rencana-pelaksanaan-dp3-pada-22-"
        "kpu-kabupaten-kota-se-ntt/"
    )
    try:
        # That the browser reloads is tested in a browser: tests/test_preview_server.py.
        assert wait_for(lambda: "Berita Terkini" in fetch(base + "/")), "preview never started"

        post = next((site_copy / "content" / "berita" / "2021").glob("*.md"))
        post.write_text(post.read_text(encoding="utf-8").replace("dimoderatori", "Diperbarui"))
        assert wait_for(lambda: "Diperbarui" in fetch(base + seed)), "content change not rebuilt"

        template = site_copy / "theme" / "templates" / "base.html"
        template.write_text(template.read_text().replace("Langsung ke isi", "Lompat ke isi"))
        assert wait_for(lambda: "Lompat ke isi" in fetch(base + "/")), "theme change not rebuilt"

        plugin = site_copy / "plugins" / "indonesian_dates" / "dates.py"
        plugin.write_text(plugin.read_text().replace('"EEEE, d MMMM y"', '"EEEE, d MMMM y G"'))
        assert wait_for(lambda: "3 November 2021 M" in fetch(base + seed)), (
            "plugin change not rebuilt"
        )

        data = site_copy / "data" / "regencies.toml"
        data.write_text(
            data.read_text().replace('capital = "Tambolaka"', 'capital = "Tambolaka Baru"')
        )
        assert wait_for(
            lambda: "Ibu kota Tambolaka Baru" in fetch(base + "/wilayah/sumba-barat-daya/")
        ), "data change not rebuilt"

        settings = site_copy / "pelicanconf.py"
        settings.write_text(
            settings.read_text().replace('SITENAME = "KPU', 'SITENAME = "Pratinjau KPU')
        )
        assert wait_for(lambda: "Pratinjau KPU" in fetch(base + "/")), "settings change not rebuilt"
    finally:
        os.killpg(preview.pid, signal.SIGTERM)
        preview.wait(timeout=10)


def test_livereload_keeps_running_after_a_mistake(site_copy):
    # A broken post is reported and the last good preview stays up.
    port = free_port()
    log = site_copy.parent / "livereload.err"
    with log.open("w") as errors:
        preview = start(site_copy, "livereload", port, stderr=errors)
    base = f"http://127.0.0.1:{port}"
    expected = "content/berita/2026/rusak.md:2: cannot read the date 'kemarin'"
    try:
        assert wait_for(lambda: "Berita Terkini" in fetch(base + "/"))
        # .cache/preview-built appears once the watcher watches: a change written
        # before it would go unseen.
        assert wait_for((site_copy / ".cache" / "preview-built").exists)
        bad = site_copy / "content" / "berita" / "2026" / "rusak.md"
        bad.write_text(
            "Title: Rusak\nDate: kemarin\nCategory: Berita\nWilayah: NTT\n\nIsi.\n",
            encoding="utf-8",
        )
        assert wait_for(lambda: expected in log.read_text()), log.read_text()
        time.sleep(1)
        assert preview.poll() is None
        assert "Berita Terkini" in fetch(base + "/")
        assert check_site(read_settings(str(site_copy / "pelicanconf.py")), site_copy)
    finally:
        os.killpg(preview.pid, signal.SIGTERM)
        preview.wait(timeout=10)


def test_serve_answers_on_loopback(site_copy):
    run_task(site_copy, "build")
    port = free_port()
    server = start(site_copy, "serve", port)
    try:
        assert wait_for(lambda: "Berita Terkini" in fetch(f"http://127.0.0.1:{port}/"))
        page = read_html_from(fetch(f"http://127.0.0.1:{port}/profil/"))
        assert page.h1.get_text() == "Profil"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def read_html_from(text):
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "html.parser")
