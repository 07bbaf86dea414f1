"""Progress on long work: a bar on a terminal, plain lines in a CI log."""

import fcntl
import gzip
import io
import os
import pty
import re
import subprocess
import sys
import termios

import pytest
from conftest import ROOT, SITE_URL, copy_site
from rich.console import Console

import progress

ESCAPE = re.compile(r"\x1b\[")


def test_a_pipe_gets_plain_lines_at_the_start_while_it_runs_and_at_the_end(monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    monkeypatch.setattr(progress, "LINE_SECONDS", 0.0)
    stream = io.StringIO()
    step = progress.Step("Membaca berita", 3, console=Console(file=io.StringIO()), stream=stream)
    step.advance()
    step.advance(2)
    step.close()
    lines = stream.getvalue().splitlines()
    assert lines[:3] == [
        "Membaca berita: 0 dari 3",
        "Membaca berita: 1 dari 3",
        "Membaca berita: 3 dari 3",
    ]
    assert re.fullmatch(r"Membaca berita: 3 dari 3, selesai dalam \d+,\d detik", lines[3])
    assert not ESCAPE.search(stream.getvalue())


def test_a_pipe_is_not_flooded(monkeypatch):
    stream = io.StringIO()
    with progress.Step("Writing pages", console=Console(file=io.StringIO()), stream=stream) as step:
        for _ in range(10_000):
            step.advance()
    assert len(stream.getvalue().splitlines()) == 2
    assert stream.getvalue().splitlines()[-1].startswith("Writing pages: 10000, done in ")


def test_a_terminal_gets_a_bar_and_keeps_the_last_line():
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80)
    stream = io.StringIO()
    with progress.Step("Reading posts", 2, console=console, stream=stream) as step:
        step.advance(2)
    assert ESCAPE.search(screen.getvalue())
    assert "2/2" in screen.getvalue()
    assert "Reading posts: 2 of 2, done in" in screen.getvalue()
    assert stream.getvalue() == ""


def test_kpu_progress_0_is_silent(monkeypatch):
    monkeypatch.setenv("KPU_PROGRESS", "0")
    stream = io.StringIO()
    with progress.Step("Photos", 1, console=Console(file=io.StringIO()), stream=stream) as step:
        step.advance()
    assert stream.getvalue() == ""


def build_command(site, output):
    return [sys.executable, "-m", "invoke", "build", "--output", str(output)]


def environment():
    return {**os.environ, "SITEURL": SITE_URL, "KPU_LANG": "id", "COLUMNS": "100"}


def test_a_real_build_in_a_pipe_says_what_it_does(tmp_path):
    site = copy_site(tmp_path / "site")
    done = subprocess.run(
        build_command(site, tmp_path / "out"),
        cwd=site,
        capture_output=True,
        text=True,
        env=environment(),
        check=True,
    )
    posts = len(list((site / "content" / "berita").rglob("*.md")))
    lines = done.stderr.splitlines()
    assert f"Membaca berita: 0 dari {posts}" in lines
    for label in (
        f"Membaca berita: {posts} dari {posts}",
        "Menulis halaman: ",
        "Indeks pencarian",
        "Foto: ",
    ):
        assert any(line.startswith(label) and "selesai dalam" in line for line in lines), lines
    assert not ESCAPE.search(done.stderr + done.stdout)
    # Pelican's last line, "Done: Processed 21 articles, ...", in the editor's words.
    said = " ".join((done.stdout + done.stderr).split())
    assert "Done:" not in said
    assert re.search(
        rf"Selesai: {posts} berita, 0 draf, 0 berita tersembunyi, \d+ halaman, \d+ halaman "
        r"tersembunyi dan 0 halaman draf, dalam \d+(,\d)? detik",
        said,
    ), said[-300:]


def take_terminal():
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def test_a_real_build_on_a_terminal_draws_bars(tmp_path):
    site = copy_site(tmp_path / "site")
    leader, follower = pty.openpty()
    build = subprocess.Popen(
        build_command(site, tmp_path / "out"),
        cwd=site,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=environment(),
        # The terminal becomes the build's own, as a terminal window's is.
        preexec_fn=take_terminal,  # noqa: PLW1509 (two system calls, no locks taken)
    )
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the build has closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    os.close(leader)
    assert build.wait(timeout=300) == 0
    text = screen.decode("utf-8", "replace")
    assert ESCAPE.search(text)
    assert re.search(r"Membaca berita.*\d+/\d+", text)
    assert "Menulis halaman: " in text and "selesai dalam" in text
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_log_import_shows_the_bytes_read(capsys, monkeypatch, tmp_path):
    from view_counts.exports import read_export

    monkeypatch.setenv("KPU_LANG", "id")
    log = ROOT / "tests" / "fixtures" / "analytics-real" / "nginx-combined-goatcounter-testdata.log"
    gzipped = tmp_path / "access.log.gz"
    gzipped.write_bytes(gzip.compress(log.read_bytes()))
    for path in (log, gzipped):
        read_export(path, "access-log")
        lines = capsys.readouterr().err.splitlines()
        size = f"{path.stat().st_size / 1e6:.1f}".replace(".", ",")
        assert lines[0] == f"{path.name}: 0,0 MB dari {size} MB"
        assert lines[-1].startswith(f"{path.name}: {size} MB dari {size} MB, selesai dalam ")


def test_a_damaged_log_does_not_say_done(capsys, tmp_path):
    from view_counts.exports import ExportError, read_export

    broken = tmp_path / "access.log.gz"
    broken.write_bytes(
        gzip.compress(b'1.2.3.4 - - [01/Jan/2026:00:00:00 +0800] "GET / HTTP/1.1" 200 1\n' * 5000)[
            :-40
        ]
    )
    with pytest.raises(ExportError):
        read_export(broken, "access-log")
    assert "done in" not in capsys.readouterr().err
