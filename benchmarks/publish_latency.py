"""From a one-post push to the live site: the publish job's steps, timed, at N posts.

    .venv/bin/python benchmarks/publish_latency.py [--posts 1000 10000]

For each N: a site with N generated posts (benchmarks/corpus.py) is committed
and pushed to a local bare repository and published once, which fills the
build caches as a previous run leaves them for CI. Then one post is added
and pushed, and the publish job runs as the workflow runs it, in a fresh
clone of depth 1 with the caches restored: `python3 dev.py changes`,
`views-fetch` and `gh-pages` (check, build, verify-output, push), with the
web editor's bundle downloaded as on a new runner. Each step's time is
printed beside the whole; the goal is under 2 minutes at 10,000 posts,
runner start-up excluded. The packages are this machine's .venv (KPU_VENV),
as a restored pip cache makes their install a few seconds on a runner.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from regency_cost import make_site

ROOT = Path(__file__).resolve().parent.parent
IDENTITY = {
    "GIT_AUTHOR_NAME": "Redaksi",
    "GIT_AUTHOR_EMAIL": "redaksi@example.invalid",
    "GIT_COMMITTER_NAME": "Redaksi",
    "GIT_COMMITTER_EMAIL": "redaksi@example.invalid",
}
NEW_POST = """Title: Pengumuman Jadwal Rapat Pleno Terbuka
Date: 2026-12-01 09:00
Category: Pengumuman
Wilayah: NTT
Summary: KPU Provinsi NTT mengumumkan jadwal rapat pleno terbuka.

Rapat pleno terbuka diselenggarakan di kantor KPU Provinsi NTT.
"""
ENVIRONMENT = os.environ | IDENTITY | {"KPU_VENV": str(ROOT / ".venv"), "SITEURL": "https://x.test"}


def run(command: list[str], cwd: Path) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=ENVIRONMENT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        )
    return done.stdout


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    output = run(command, cwd)
    return time.perf_counter() - started, output


def measure(posts: int, folder: Path) -> list[tuple[str, float]]:
    work = make_site(folder / "work", posts)
    (work / ".vendor").unlink()
    for name in ("dev.py", "requirements.lock"):
        shutil.copy2(ROOT / name, work / name)
    (work / ".gitignore").write_text("output/\n.cache/\n.vendor/\n__pycache__/\n")
    remote = folder / "remote.git"
    run(["git", "init", "-q", "--bare", str(remote)], folder)
    run(["git", "init", "-q", "-b", "main"], work)
    run(["git", "add", "-A"], work)
    run(["git", "commit", "-q", "-m", "Situs"], work)
    run(["git", "push", "-q", str(remote), "main"], work)
    # The run before: publishes, and leaves the caches CI restores.
    earlier = folder / "earlier"
    run(
        ["git", "clone", "-q", "--depth", "1", "-b", "main", f"file://{remote}", str(earlier)],
        folder,
    )
    run([sys.executable, "dev.py", "gh-pages"], earlier)
    before = run(["git", "rev-parse", "HEAD"], work).strip()
    (work / "content" / "berita" / "2026-12-01-baru.md").write_text(NEW_POST, encoding="utf-8")
    run(["git", "add", "-A"], work)
    run(["git", "commit", "-q", "-m", "Satu berita baru"], work)
    run(["git", "push", "-q", str(remote), "main"], work)

    steps = []
    clone = folder / "clone"
    started = time.perf_counter()
    seconds, _ = timed(
        ["git", "clone", "-q", "--depth", "1", "-b", "main", f"file://{remote}", str(clone)], folder
    )
    steps.append(("clone, depth 1", seconds))
    clock = time.perf_counter()
    shutil.copytree(earlier / ".cache", clone / ".cache")
    steps.append(("restore .cache", time.perf_counter() - clock))
    seconds, answer = timed([sys.executable, "dev.py", "changes", before], clone)
    assert answer.strip() == "kind=content", answer
    steps.append(("dev.py changes", seconds))
    seconds, _ = timed([sys.executable, "dev.py", "views-fetch"], clone)
    steps.append(("dev.py views-fetch", seconds))
    seconds, output = timed([sys.executable, "dev.py", "gh-pages"], clone)
    inner = re.search(r"^gh-pages: (.*)$", output, re.M)[1]
    inner_steps = [
        (name, float(value)) for name, value in re.findall(r"([a-z ]+) ([\d.]+) s", inner)
    ]
    accounted = sum(value for _, value in inner_steps)
    steps.append(("dev.py gh-pages: start-up, editor bundle", seconds - accounted))
    steps += [(f"dev.py gh-pages: {name.strip()}", value) for name, value in inner_steps]
    steps.append(("whole", time.perf_counter() - started))
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 10000])
    arguments = parser.parse_args()
    print(f"{os.cpu_count()} cores; seconds, one post pushed to the live site")
    for posts in arguments.posts:
        with tempfile.TemporaryDirectory() as folder:
            for name, seconds in measure(posts, Path(folder)):
                print(f"{posts:>6}  {name:<44} {seconds:7.1f} s", flush=True)


if __name__ == "__main__":
    main()
