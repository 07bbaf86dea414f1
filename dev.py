#!/usr/bin/env python3
"""The one entry point on a fresh machine with only Python 3.11+ and git.

    python3 dev.py build      # install what is needed, check and build the site
    python3 dev.py test       # install what is needed, lint and run every test
    python3 dev.py TASK ...   # any other task of tasks.py (invoke --list)

It makes a virtual environment in .venv, installs exactly the pinned and
hashed packages of requirements.lock into it (again only when the lock file
changes), downloads the web editor's bundle pinned in package-lock.json (no
Node needed), then hands over to invoke inside it.
"""

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import urllib.request
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
    if not venv_python().exists():
        venv.EnvBuilder(with_pip=True, symlinks=os.name != "nt").create(VENV)
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
    """axe-core and decap-server for the tests and `editor`, from package-lock.json, when npm is here.

    --omit=optional leaves out decap-cms: its bundle comes by ensure_editor_bundle().
    """
    wanted = hashlib.sha256(NODE_LOCK.read_bytes()).hexdigest()
    if NODE_STAMP.exists() and NODE_STAMP.read_text().strip() == wanted:
        return
    npm = shutil.which("npm")
    if npm is None:
        print(
            "dev.py: no npm here; the accessibility and web editor tests will be skipped",
            file=sys.stderr,
        )
        return
    print(f"dev.py: installing the packages of {NODE_LOCK.name} into node_modules", file=sys.stderr)
    subprocess.run(
        [npm, "ci", "--omit=optional", "--no-audit", "--no-fund", "--silent"], cwd=ROOT, check=True
    )
    NODE_STAMP.write_text(wanted + "\n")


EDITOR_PACKAGE = "decap-cms"
VENDOR = ROOT / ".vendor"


def ensure_editor_bundle() -> None:
    """Decap CMS's browser bundle, as package-lock.json pins it, in .vendor.

    The npm package's dist/ folder is the whole editor, built: the tarball
    is fetched from the registry and checked against the lock's integrity
    hash, so a machine with only Python gets exactly the pinned bytes.
    """
    entry = json.loads(NODE_LOCK.read_text())["packages"][f"node_modules/{EDITOR_PACKAGE}"]
    version, integrity = entry["version"], entry["integrity"]
    target = VENDOR / f"{EDITOR_PACKAGE}-{version}"
    if target.is_dir():
        return
    registry = os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org/").rstrip("/")
    url = f"{registry}/{EDITOR_PACKAGE}/-/{EDITOR_PACKAGE}-{version}.tgz"
    print(f"dev.py: downloading {EDITOR_PACKAGE} {version} for /admin/", file=sys.stderr)
    with urllib.request.urlopen(url, timeout=300) as response:
        data = response.read()
    algorithm, expected = integrity.split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, data).digest()).decode() != expected:
        sys.exit(f"dev.py: {url} does not match the integrity hash in {NODE_LOCK.name}")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/")
            bundle = name.startswith("dist/") and name.endswith(".decap-cms.js")
            if member.isfile() and (bundle or name == "dist/decap-cms.js"):
                # Only the base name is kept: nothing lands outside the folder.
                (partial / Path(name).name).write_bytes(archive.extractfile(member).read())
    # Renamed when complete: an interrupted download is fetched again next time.
    partial.rename(target)


def main(arguments: list[str]) -> int:
    python = ensure_environment()
    ensure_editor_bundle()
    if arguments[:1] in (["test"], ["editor"]):
        ensure_node_tools()
    if not arguments:
        arguments = ["--list"]
    os.chdir(ROOT)
    return subprocess.run([str(python), "-m", "invoke", *arguments], check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
