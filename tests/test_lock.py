"""requirements.lock installs on every Python the project declares, Debian 12's 3.11.2 to 3.13.

pip resolves the locked, hashed wheels for each version without installing
them (--dry-run), so that a pin needing a newer Python than an office's
fails here rather than on the office's machine.
"""

import re
import subprocess
import sys

import pytest
from conftest import ROOT

# dev.py's OLDEST and NEWEST, with Debian 12's own 3.11.
VERSIONS = ["3.11.2", "3.12", "3.13"]


def test_the_declared_pythons_are_dev_pys():
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11,<3.14"' in project
    dev = (ROOT / "dev.py").read_text(encoding="utf-8")
    assert re.search(r"OLDEST, NEWEST = \(3, 11\), \(3, 13\)", dev)


@pytest.mark.parametrize("version", VERSIONS)
def test_the_lock_installs_on(version, tmp_path):
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed"),
            *("--quiet", "--disable-pip-version-check", "--python-version", version),
            *("--only-binary", ":all:", "--no-deps", "--require-hashes"),
            *("--target", str(tmp_path), "-r", str(ROOT / "requirements.lock")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert result.returncode == 0, "\n".join(errors)
