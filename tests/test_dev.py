"""dev.py on the machines offices have: the wrong Python, no venv module, a half-made .venv."""

import os
import shutil
import subprocess
import sys
import venv

from conftest import ROOT, copy_site

# dev.py run as `python3 dev.py TASK`, after BEFORE (Python statements) has
# changed what this interpreter looks like.
RUN = """
import runpy, sys
{before}
sys.argv = ["dev.py", "check"]
runpy.run_path({dev!r}, run_name="__main__")
"""


def dev(tmp_path, before: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", RUN.format(before=before, dev=str(ROOT / "dev.py"))],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "KPU_VENV": str(tmp_path / "venv")},
        check=False,
    )


def test_an_unsupported_python_is_refused_in_one_line(tmp_path):
    for version in ("(3, 10, 12, 'final', 0)", "(3, 14, 0, 'final', 0)"):
        result = dev(tmp_path, f"sys.version_info = {version}")
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1
        assert "tidak didukung" in result.stderr and "3.11 sampai 3.13" in result.stderr
        assert not (tmp_path / "venv").exists()


def test_without_ensurepip_it_names_the_package_and_leaves_no_half_made_venv(tmp_path):
    # What an earlier dev.py left where python3-venv was missing: a venv without pip.
    venv.EnvBuilder(with_pip=False).create(tmp_path / "venv")
    result = dev(tmp_path, "sys.modules['ensurepip'] = None")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "sudo apt install python3-venv" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "venv").exists()


def test_without_the_network_check_and_build_work_and_admin_is_left_out(tmp_path):
    site = copy_site(tmp_path / "site")
    (site / ".vendor").unlink()  # the web editor's bundle was never downloaded here
    for name in ("dev.py", "requirements.lock"):
        shutil.copy2(ROOT / name, site / name)
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        # The installed environment, and a registry nothing answers at.
        "KPU_VENV": str(ROOT / ".venv"),
        "NPM_CONFIG_REGISTRY": "http://127.0.0.1:9",
    }
    check = subprocess.run(
        [sys.executable, "dev.py", "check"],
        check=False,
        cwd=site,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert "dev.py" not in check.stderr  # nothing was fetched, nothing failed
    build = subprocess.run(
        [sys.executable, "dev.py", "build", "--output", str(tmp_path / "out")],
        check=False,
        cwd=site,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    failed = [line for line in build.stderr.splitlines() if "tidak dapat diunduh" in line]
    assert len(failed) == 1 and "situs dibangun tanpa /admin/" in failed[0], build.stderr
    assert "Traceback" not in build.stderr
    assert (tmp_path / "out" / "index.html").is_file()
    assert not (tmp_path / "out" / "admin").exists()
