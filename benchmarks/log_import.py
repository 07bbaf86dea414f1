"""Importing a large access log: this importer against GoAccess, in one run.

    .venv/bin/python benchmarks/log_import.py [--lines 1000000] [--agents 2000]

Writes a combined-format log of LINES realistic requests (pages of this site,
assets, feeds, 404s, HEADs, nginx \\xHH escapes) by AGENTS distinct user agents
(phones, crawlers, scripts, link previews, the site's monitor), then times the
importer (`view_counts.exports.read_export`, streamed: wall and CPU time, peak
memory) and GoAccess (Debian's `goaccess`, with --ignore-crawlers) on the same file.
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

# People on the phones of NTT, crawlers and scripts, link previews and the site's monitor
# (real published agents: tests/fixtures/agents/SOURCES.md).
PEOPLE = [
    "Mozilla/5.0 (Linux; Android {v}; SM-A{m}F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.{b}.{p} Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android {v}; CPH{m}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.{b}.{p} Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android {v}; SAMSUNG SM-A{m}F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.{b}.{p} Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; U; Android {v}; en-US; RMX{m} Build/RP1A.{b}.{p}) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/123.0.6312.80 UCBrowser/13.4.0.1306 Mobile Safari/537.36",
]
FIXED = [
    "Mozilla/5.0 (Mobile; LYF/F300B; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5",
    "Opera/9.80 (J2ME/MIDP; Opera Mini/8.0.35626/191.275; U; id) Presto/2.12.423 Version/12.16",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; Google-InspectionTool/1.0)",
    "python-httpx/0.27.0",
    "okhttp/4.12.0",
    "WhatsApp/2.23.20.0",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "KPU-NTT-Uptime/1.0",
]


def agents(distinct: int, rng: random.Random) -> list[str]:
    """DISTINCT agents: the fixed ones, and people's phones of many models and versions."""
    found = list(FIXED)
    while len(found) < distinct:
        found.append(
            rng.choice(PEOPLE).format(
                v=rng.randint(8, 15),
                m=rng.randint(100, 999),
                b=rng.randint(1000, 9999),
                p=rng.randint(10, 250),
            )
        )
    return found


def pick(pool: list[str], rng: random.Random) -> str:
    """Half the hits from the fixed agents (robots, previews, the monitor, two phones), half
    from every agent alike."""
    return rng.choice(pool[: len(FIXED)]) if rng.random() < 0.5 else rng.choice(pool)


def write_log(path: Path, lines: int, distinct: int = 2000) -> None:
    rng = random.Random(7)
    pool = agents(distinct, rng)
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
                f'{status} {rng.randint(200, 40000)} "-" "{pick(pool, rng)}"\n'
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--agents", type=int, default=2000, help="distinct user agents")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        log = Path(temporary) / "access.log"
        write_log(log, arguments.lines, arguments.agents)
        size = log.stat().st_size
        started, cpu = time.perf_counter(), time.process_time()
        export = read_export(log, ignore_agents=("KPU-NTT-Uptime",))
        ours, ours_cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{arguments.lines:,} lines, {size / 1e6:.0f} MB, {arguments.agents:,} user agents")
        print(
            f"  this importer: {ours:6.2f} s ({ours_cpu:.2f} s CPU), peak memory {peak:.0f} MB "
            f"(whole process), {sum(export.views.values()):,} page views counted"
        )
        for reason, hits in sorted(export.skipped.items(), key=lambda item: -item[1]):
            print(f"    {hits:>9,}  {reason}")
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
                "--ignore-crawlers",
                "-o",
                str(Path(temporary) / "report.json"),
            ],
            check=True,
            capture_output=True,
        )
        print(f"  GoAccess:      {time.perf_counter() - started:6.2f} s")


if __name__ == "__main__":
    main()
