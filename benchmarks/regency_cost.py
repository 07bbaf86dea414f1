"""What regency tagging costs: the same build of N posts with and without the plugin.

    .venv/bin/python benchmarks/regency_cost.py [--posts 2000] [--runs 3]

Builds a copy of the site whose posts are N generated ones (benchmarks/corpus.py),
with `pelican --fatal warnings`, alternating the two variants, and prints the
median wall time and CPU time (user + system) of each, and the difference in
CPU time, which a busy virtual machine disturbs far less than wall time.
The goal: under 5%.
"""

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_posts

ROOT = Path(__file__).resolve().parent.parent
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


def plugins_without_regencies() -> str:
    """Every plugin of the site but regency tagging, as Pelican's -e wants it."""
    from pelican.settings import read_settings  # noqa: PLC0415

    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    return json.dumps([name for name in plugins if name != "regencies"])


def make_site(folder: Path, posts: int) -> Path:
    for name in SITE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    # The web editor's downloaded bundle (dev.py), shared rather than copied.
    (folder / ".vendor").symlink_to(ROOT / ".vendor")
    shutil.rmtree(folder / "content" / "berita")
    write_posts(folder / "content" / "berita", posts)
    return folder


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(
    site: Path, output: Path, extra: list[str], settings: str = "pelicanconf.py", env=None
) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one full build of SITE with `pelican --fatal warnings`."""
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-s",
            settings,
            "-o",
            str(output),
            "--fatal",
            "warnings",
            "-q",
            *extra,
        ],
        cwd=site,
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    return time.perf_counter() - started, children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = make_site(Path(temporary) / "site", arguments.posts)
        variants = {
            "without regencies": ["-e", f"PLUGINS={plugins_without_regencies()}"],
            "with regencies": [],
        }
        times = {name: [] for name in variants}
        for _ in range(arguments.runs):
            for name, extra in variants.items():
                times[name].append(build(site, Path(temporary) / "out", extra))
        wall = {name: statistics.median(t for t, _ in runs) for name, runs in times.items()}
        cpu = {name: statistics.median(c for _, c in runs) for name, runs in times.items()}
        print(
            f"{arguments.posts} posts, median of {arguments.runs} full builds (pelican --fatal warnings):"
        )
        for name in variants:
            print(f"  {name:<18} wall {wall[name]:6.2f} s   CPU {cpu[name]:6.2f} s")
        base, tagged = cpu["without regencies"], cpu["with regencies"]
        print(
            f"  regency tagging adds {tagged - base:+.2f} s CPU = {100 * (tagged - base) / base:+.1f}%"
        )


if __name__ == "__main__":
    main()
