"""Importing a large access log: this importer against GoAccess, in one run.

    .venv/bin/python benchmarks/log_import.py [--lines 1000000]

Writes a combined-format log of LINES realistic requests (pages of this site,
assets, feeds, 404s, bots, HEADs, nginx \\xHH escapes), then times the
importer (`view_counts.exports.read_export`, streamed) and its peak memory,
and GoAccess (Debian's `goaccess`, if installed) on the same file.
"""

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from view_counts.exports import read_export  # noqa: E402

AGENTS = [
    "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Mobile; LYF/F300B; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5",
    "Opera/9.80 (J2ME/MIDP; Opera Mini/8.0.35626/191.275; U; id) Presto/2.12.423 Version/12.16",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "WhatsApp/2.23.20.0",
    "KPU-NTT-Uptime/1.0",
]


def write_log(path: Path, lines: int) -> None:
    rng = random.Random(7)
    pages = [
        f"/berita/202{rng.randint(1, 6)}/{rng.randint(1, 12):02d}/berita-{n}/" for n in range(3000)
    ]
    others = ["/", "/wilayah/sikka/", "/feeds/semua.atom.xml", "/images/2024/tps-640.webp"]
    targets = [*pages, *others, "/berita/2021/11/caf\\xC3\\xA9/", "/wp-login.php"]
    with path.open("w", encoding="utf-8") as file:
        for number in range(lines):
            target = rng.choice(targets) if number % 5 else rng.choice(pages[:50])
            method = "HEAD" if number % 97 == 0 else "GET"
            status = rng.choice(["200"] * 17 + ["304", "404", "301"])
            second = number % 86400
            stamp = f"{1 + number * 28 // lines:02d}/Nov/2026:{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d} +0800"
            file.write(
                f'10.{number % 250}.{number % 199}.{number % 7} - - [{stamp}] "{method} {target} HTTP/1.1" '
                f'{status} {rng.randint(200, 40000)} "-" "{rng.choice(AGENTS)}"\n'
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        log = Path(temporary) / "access.log"
        write_log(log, arguments.lines)
        size = log.stat().st_size
        started = time.perf_counter()
        export = read_export(log, ignore_agents=("KPU-NTT-Uptime",))
        ours = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{arguments.lines:,} lines, {size / 1e6:.0f} MB")
        print(
            f"  this importer: {ours:6.2f} s, peak memory {peak:.0f} MB (whole process), "
            f"{sum(export.views.values()):,} page views counted"
        )
        goaccess = shutil.which("goaccess")
        if goaccess is None:
            print("  GoAccess: not installed (apt-get install goaccess)")
            return
        started = time.perf_counter()
        subprocess.run(
            [
                goaccess,
                str(log),
                "--log-format=COMBINED",
                "-o",
                str(Path(temporary) / "report.json"),
            ],
            check=True,
            capture_output=True,
        )
        print(f"  GoAccess:      {time.perf_counter() - started:6.2f} s")


if __name__ == "__main__":
    main()
