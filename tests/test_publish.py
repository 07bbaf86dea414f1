"""`invoke gh-pages`: ghp-import into a real local bare repository."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bad_posts import BAD_POSTS, write_bad_post
from bs4 import BeautifulSoup
from conftest import ROOT, SITE_URL, run_task

WITA = ZoneInfo("Asia/Makassar")

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
    # A warning only Pelican sees (check foresees those posts can cause): a
    # plugin's, as a third-party one might log. --fatal warnings stops the publish.
    plugin = site / "plugins" / "warns"
    plugin.mkdir()
    (plugin / "__init__.py").write_text(
        "import logging\nfrom pelican import signals\n\n"
        "def warn(pelican):\n    logging.getLogger(__name__).warning('a plugin warns')\n\n"
        "def register():\n    signals.finalized.connect(warn)\n",
        encoding="utf-8",
    )
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write('\nPLUGINS = [*PLUGINS, "warns"]\n')
    result = run_task(site, "gh-pages", "--remote", str(remote), env=env, check=False)
    assert result.returncode != 0
    assert "python3 dev.py check: no problems" in result.stdout
    assert "a plugin warns" in result.stdout + result.stderr
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


# --- The workflow's tasks: what a push, the quarter-hour and the night publish.

POST = """Title: {title}
Date: {date:%Y-%m-%d %H:%M}
Category: Pengumuman
Wilayah: NTT
Summary: {title}, diumumkan oleh KPU Provinsi NTT.

{title}: isi pengumuman untuk pemilih di Nusa Tenggara Timur.
"""


def dev(site, *arguments, env=None):
    """`python3 dev.py TASK` in SITE, as the workflow runs it."""
    return subprocess.run(
        [sys.executable, "dev.py", *arguments],
        cwd=site,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    ).stdout


def commit_all(site, env, message="Perubahan"):
    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", message, cwd=site, env=env)
    return git("rev-parse", "HEAD", cwd=site).decode().strip()


def test_changes_tells_a_content_push_from_a_code_push(repository):
    site, _, env = repository
    shutil.copy2(ROOT / "dev.py", site / "dev.py")
    first = commit_all(site, env, "dev.py")
    post = next((site / "content" / "berita").rglob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nRalat.\n", encoding="utf-8")
    (site / "data" / "catatan.txt").write_text("data\n")
    second = commit_all(site, env)
    assert dev(site, "changes", first).strip() == "kind=content"
    (site / "theme" / "templates" / "base.html").write_text("<!doctype html>\n")
    third = commit_all(site, env)
    assert dev(site, "changes", second).strip() == "kind=code"
    assert dev(site, "changes").strip() == "kind=code"  # nothing to compare with
    # Code moved into content/ is a change of code.
    git("mv", "plugins/background/__init__.py", "content/dipindah.py", cwd=site)
    commit_all(site, env)
    assert dev(site, "changes", third).strip() == "kind=code"


def test_a_due_scheduled_post_is_published_and_one_not_yet_due_is_not(repository):
    site, remote, env = repository
    shutil.copy2(ROOT / "dev.py", site / "dev.py")
    now = datetime.now(WITA).replace(second=0, microsecond=0)
    # The live site was built two hours ago.
    run_task(
        site,
        "gh-pages",
        "--remote",
        str(remote),
        env={**env, "KPU_NOW": (now - timedelta(hours=2)).isoformat()},
    )
    assert "due=false" in dev(site, "due-posts", str(remote), "gh-pages")
    folder = site / "content" / "berita" / f"{now:%Y}"
    folder.mkdir(exist_ok=True)
    due, later = now - timedelta(hours=1), now + timedelta(days=1)
    (folder / "jadwal-sudah.md").write_text(POST.format(title="Jadwal Sudah Tiba", date=due))
    (folder / "jadwal-nanti.md").write_text(POST.format(title="Jadwal Belum Tiba", date=later))
    commit_all(site, env, "Dua pengumuman terjadwal")
    answer = dev(site, "due-posts", str(remote), "gh-pages")
    assert "due=true" in answer
    assert "jadwal-sudah.md" in answer and "jadwal-nanti.md" not in answer
    run_task(site, "gh-pages", "--remote", str(remote), env=env)
    published = branch_files(remote)
    assert f"berita/{due:%Y}/{due:%m}/jadwal-sudah-tiba/index.html" in published
    assert not [name for name in published if "jadwal-belum-tiba" in name]
    # Published now: nothing more is due until tomorrow's post.
    assert "due=false" in dev(site, "due-posts", str(remote), "gh-pages")
    assert "due=true" in dev(
        site,
        "due-posts",
        str(remote),
        "gh-pages",
        env={"KPU_NOW": (later + timedelta(minutes=1)).isoformat()},
    )


def test_a_shallow_clone_publishes_on_top_of_the_live_branch(repository, tmp_path):
    site, remote, env = repository
    run_task(site, "gh-pages", "--remote", str(remote), env=env)
    first = git("--git-dir", str(remote), "rev-parse", "gh-pages").decode().strip()
    git("push", "-q", str(remote), "main", cwd=site)
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "1", "--branch", "main", f"file://{remote}", str(clone))
    (clone / ".vendor").symlink_to(ROOT / ".vendor")
    run_task(clone, "gh-pages", "--remote", "origin", env=env)
    parent = git("--git-dir", str(remote), "rev-parse", "gh-pages^").decode().strip()
    assert parent == first  # history kept, without cloning it
    assert git("rev-parse", "--is-shallow-repository", cwd=clone).decode().strip() == "true"


def test_nightly_view_counts_reach_their_branch_with_main_protected(repository, tmp_path):
    from test_view_counts import SEED, Recorded

    site, remote, env = repository
    git("push", "-q", str(remote), "main", cwd=site)
    # main is protected: the remote refuses any push to it.
    hook(
        remote,
        'while read old new ref; do [ "$ref" = refs/heads/main ] && exit 1; done; exit 0',
    )
    main_before = git("--git-dir", str(remote), "rev-parse", "main")
    server = Recorded()
    try:
        night = {
            **env,
            "MATOMO_URL": server.url,
            "MATOMO_SITE_ID": "3",
            "KPU_NOW": "2026-12-01T02:00:00+08:00",
            "KPU_RETRY_SECONDS": "0",
        }
        # A night the server refuses: every try fails, nothing is pushed; the log the
        # office maintainer reads is in Indonesian.
        failed = run_task(
            site,
            "views-nightly",
            "--tool",
            "matomo",
            "--remote",
            str(remote),
            env={**night, "MATOMO_TOKEN": "salah", "KPU_LANG": "id"},
            check=False,
        )
        assert failed.returncode != 0
        assert "percobaan 3 gagal" in failed.stderr and "malam berikutnya" in failed.stderr
        assert b"view-counts" not in git("--git-dir", str(remote), "branch")
        # The next night pulls the days since the baseline (2026-11-28), this one's too.
        night |= {"MATOMO_TOKEN": "rahasia", "KPU_NOW": "2026-12-02T02:00:00+08:00"}
        run_task(site, "views-nightly", "--tool", "matomo", "--remote", str(remote), env=night)
        path, _, _ = server.received[-1]
        assert "date=2026-11-29%2C2026-12-01" in path
    finally:
        server.server.shutdown()
    kept = json.loads(git("--git-dir", str(remote), "show", "view-counts:view-counts.json"))
    assert [(i["source"], i["start"], i["end"]) for i in kept["imports"]] == [
        ("matomo", "2026-11-29", "2026-12-01")
    ]
    assert git("--git-dir", str(remote), "rev-parse", "main") == main_before
    # A build elsewhere takes them from the branch.
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "1", "--branch", "main", f"file://{remote}", str(clone))
    run_task(clone, "views-fetch", env=env)
    fetched = json.loads((clone / "data" / "view-counts.json").read_text(encoding="utf-8"))
    assert fetched["views"]["matomo"] == {SEED: {"2026-11-29..2026-12-01": 50}}
    assert fetched["baseline_date"] == "2026-11-28"


def test_due_posts_reads_what_editors_may_get_wrong(tmp_path):
    """A post that is not UTF-8, has no date or a malformed one: passed over, never a crash."""
    from kpu_content import schedule

    folder = tmp_path / "content" / "berita"
    folder.mkdir(parents=True)
    (folder / "latin1.md").write_bytes(
        "Title: Caf\xe9\nDate: 2026-12-01 08:00\n\nTeks.\n".encode("latin-1")
    )
    (folder / "tanpa-tanggal.md").write_text("Title: Tanpa tanggal\n\nTeks.\n")
    (folder / "tanggal-salah.md").write_text("Title: Salah\nDate: 1 Desember 2026\n\nTeks.\n")
    (folder / "draf.md").write_text("Title: Draf\nDate: 2026-12-01 08:00\nStatus: draft\n\nTeks.\n")
    built = datetime(2026, 12, 1, 7, 0, tzinfo=WITA)
    now = datetime(2026, 12, 1, 9, 0, tzinfo=WITA)
    assert [path.name for path in schedule.due_posts(tmp_path / "content", built, now)] == [
        "latin1.md"
    ]
