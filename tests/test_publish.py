"""`invoke gh-pages`: ghp-import into a real local bare repository."""

import os
import signal
import subprocess
import sys
import time

import pytest
from bad_posts import BAD_POSTS, write_bad_post
from bs4 import BeautifulSoup
from conftest import SITE_URL, run_task

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Redaksi KPU NTT",
    "GIT_AUTHOR_EMAIL": "redaksi@example.invalid",
    "GIT_COMMITTER_NAME": "Redaksi KPU NTT",
    "GIT_COMMITTER_EMAIL": "redaksi@example.invalid",
}


def git(*arguments, cwd=None, env=None):
    return subprocess.run(
        ["git", *arguments],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
    ).stdout


@pytest.fixture
def repository(site_copy, tmp_path):
    """The site copy as a git work tree with one commit, and an empty bare remote."""
    env = dict(GIT_IDENTITY)
    git("init", "-q", "-b", "main", cwd=site_copy)
    (site_copy / ".gitignore").write_text("output/\n__pycache__/\n.vendor\n")
    git("add", "-A", cwd=site_copy)
    git("commit", "-q", "-m", "Isi situs", cwd=site_copy, env=env)
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote))
    return site_copy, remote, env


def branch_files(remote, branch="gh-pages"):
    names = (
        git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", branch).decode().split("\n")
    )
    return sorted(name for name in names if name)


def test_publishes_exactly_the_output(repository):
    site, remote, env = repository
    run_task(site, "gh-pages", "--remote", str(remote), env=env)
    output = site / "output"
    files = sorted(str(p.relative_to(output)) for p in output.rglob("*") if p.is_file())
    assert branch_files(remote) == sorted([*files, ".nojekyll"])
    for name in files:
        published = git("--git-dir", str(remote), "show", f"gh-pages:{name}")
        assert published == (output / name).read_bytes(), name
    source = git("rev-parse", "--short", "HEAD", cwd=site).decode().strip()
    message = git("--git-dir", str(remote), "log", "-1", "--format=%s", "gh-pages").decode()
    assert message.strip() == f"Terbitkan situs dari {source}"
    # Production settings: absolute addresses.
    home = BeautifulSoup(
        git("--git-dir", str(remote), "show", "gh-pages:index.html"), "html.parser"
    )
    assert home.find("link", rel="canonical")["href"] == f"{SITE_URL}/"


def test_branch_and_cname_are_configurable(repository):
    site, remote, env = repository
    env = {**env, "SITE_CNAME": "berita.kpu-ntt.example", "GITHUB_PAGES_BRANCH": "situs"}
    run_task(site, "gh-pages", "--remote", str(remote), env=env)
    files = branch_files(remote, "situs")
    assert "CNAME" in files
    cname = git("--git-dir", str(remote), "show", "situs:CNAME").decode().strip()
    assert cname == "berita.kpu-ntt.example"


@pytest.mark.parametrize("name", sorted(BAD_POSTS))
def test_bad_post_publishes_nothing(repository, name):
    site, remote, env = repository
    write_bad_post(site, name)
    result = run_task(site, "gh-pages", "--remote", str(remote), env=env, check=False)
    assert result.returncode != 0
    assert BAD_POSTS[name][2] in result.stderr
    assert git("--git-dir", str(remote), "for-each-ref").strip() == b""
    assert not (site / "output").exists()


def test_pelican_warning_publishes_nothing(repository):
    site, remote, env = repository
    # A photo linked with {filename}: the file exists, so check passes; Pelican
    # warns to use {static}, and --fatal warnings stops the publish.
    post = site / "content" / "berita" / "2026" / "foto.md"
    post.write_text(
        "Title: Foto\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: R.\n\n"
        "![Kotak suara]({filename}/images/2024/tps-ilustrasi.jpg)\n",
        encoding="utf-8",
    )
    result = run_task(site, "gh-pages", "--remote", str(remote), env=env, check=False)
    assert result.returncode != 0
    assert "invoke check: no problems" in result.stdout
    assert "Use {static} instead" in result.stdout + result.stderr
    assert git("--git-dir", str(remote), "for-each-ref").strip() == b""


def remote_head(remote, branch="gh-pages"):
    return git("--git-dir", str(remote), "rev-parse", branch).decode().strip()


def hook(remote, script: str):
    path = remote / "hooks" / "pre-receive"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(0o755)


def add_post(site, env):
    post = site / "content" / "berita" / "2026" / "2026-11-27-berita-baru.md"
    post.write_text(
        "Title: Berita Baru\nDate: 2026-11-27 10:00\nCategory: Berita\nWilayah: NTT\n"
        "Summary: Berita baru untuk uji terbit.\n\nIsi berita baru.\n",
        encoding="utf-8",
    )
    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", "Berita baru", cwd=site, env=env)


def test_a_publish_interrupted_halfway_leaves_the_branch_as_it_was(repository, tmp_path):

    site, remote, env = repository
    run_task(site, "gh-pages", "--remote", str(remote), env=env)
    before = remote_head(remote)
    add_post(site, env)
    marker = tmp_path / "pushing"
    # The remote takes its time receiving: the publish is stopped in the middle.
    hook(remote, f"touch '{marker}'\nsleep 60")
    environment = {**os.environ, **env, "SITEURL": SITE_URL}
    publishing = subprocess.Popen(
        [sys.executable, "-m", "invoke", "gh-pages", "--remote", str(remote)],
        cwd=site,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert publishing.poll() is None, "the publish ended before it pushed"
        assert time.monotonic() < deadline
        time.sleep(0.1)
    os.killpg(publishing.pid, signal.SIGKILL)
    publishing.wait()
    assert remote_head(remote) == before
    git("--git-dir", str(remote), "fsck", "--no-dangling")
    # The next publish, uninterrupted, goes through.
    hook(remote, "exit 0")
    run_task(site, "gh-pages", "--remote", str(remote), env=env)
    assert remote_head(remote) != before
    assert "berita/2026/11/berita-baru/index.html" in branch_files(remote)


def test_a_refused_push_fails_the_publish_and_changes_nothing(repository):
    site, remote, env = repository
    run_task(site, "gh-pages", "--remote", str(remote), env=env)
    before = remote_head(remote)
    add_post(site, env)
    hook(remote, "echo 'ditolak' >&2; exit 1")
    result = run_task(site, "gh-pages", "--remote", str(remote), env=env, check=False)
    assert result.returncode != 0
    assert remote_head(remote) == before
