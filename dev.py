#!/usr/bin/env python3
"""The one entry point on a fresh machine with only Python 3.11+ and git.

    python3 dev.py build      # install what is needed, check and build the site
    python3 dev.py test       # install what is needed, lint and run every test
    python3 dev.py TASK ...   # any other task of tasks.py (invoke --list)

It makes a virtual environment in .venv, installs exactly the pinned and
hashed packages of requirements.lock into it (again only when the lock file
changes), then hands over to invoke inside it.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("KPU_VENV", ROOT / ".venv"))
LOCK = ROOT / "requirements.lock"
STAMP = VENV / "requirements.lock.sha256"
NODE_LOCK = ROOT / "package-lock.json"
NODE_STAMP = ROOT / "node_modules" / "package-lock.json.sha256"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under any python3
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if venv_python().exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return venv_python()
    print(f"dev.py: installing the packages of {LOCK.name} into {VENV}", file=sys.stderr)
    venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    subprocess.run(
        [
            str(venv_python()),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--require-hashes",
            "--no-deps",
            "-r",
            str(LOCK),
        ],
        check=True,
    )
    STAMP.write_text(wanted + "\n")
    return venv_python()


def ensure_node_tools() -> None:
    """axe-core for the accessibility tests, from package-lock.json, when npm is here."""
    wanted = hashlib.sha256(NODE_LOCK.read_bytes()).hexdigest()
    if NODE_STAMP.exists() and NODE_STAMP.read_text().strip() == wanted:
        return
    npm = shutil.which("npm")
    if npm is None:
        print("dev.py: no npm here; the accessibility tests will be skipped", file=sys.stderr)
        return
    print(f"dev.py: installing the packages of {NODE_LOCK.name} into node_modules", file=sys.stderr)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=ROOT, check=True)
    NODE_STAMP.write_text(wanted + "\n")


def main(arguments: list[str]) -> int:
    python = ensure_environment()
    if arguments[:1] == ["test"]:
        ensure_node_tools()
    if not arguments:
        arguments = ["--list"]
    os.chdir(ROOT)
    return subprocess.run([str(python), "-m", "invoke", *arguments], check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
