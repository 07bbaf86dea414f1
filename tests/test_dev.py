"""dev.py on the machines offices have: the wrong Python, no venv module, a half-made .venv."""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
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
        env={"PATH": "/usr/bin:/bin", "KPU_VENV": str(tmp_path / "venv"), "KPU_LANG": "id"},
        check=False,
    )


def test_an_unsupported_python_is_refused_in_one_line(tmp_path):
    for version in ("(3, 10, 12, 'final', 0)", "(3, 14, 0, 'final', 0)"):
        result = dev(tmp_path, f"sys.version_info = {version}")
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1
        assert "tidak didukung" in result.stderr and "3.11 sampai 3.13" in result.stderr
        assert not (tmp_path / "venv").exists()


def old_pythons() -> list[str]:
    """Real interpreters from 3.7 to 3.10 on this machine (on PATH, or pyenv's)."""
    found = {shutil.which(f"python3.{minor}") for minor in range(7, 11)}
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found |= {str(path) for path in pyenv.glob("3.*/bin/python3")}
    old = "import sys; print((3, 7) <= sys.version_info[:2] < (3, 11))"
    return sorted(
        path
        for path in found - {None}
        if subprocess.run([path, "-c", old], capture_output=True, text=True, check=False).stdout
        == "True\n"
    )


def test_a_real_older_python_gets_the_one_line_too(tmp_path):
    pythons = old_pythons()
    if not pythons:
        pytest.skip("no Python older than 3.11 on this machine (pyenv or python3.7-3.10 on PATH)")
    for python in pythons:
        result = subprocess.run(
            [python, str(ROOT / "dev.py"), "build"],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "KPU_VENV": str(tmp_path / "venv"), "KPU_LANG": "id"},
            check=False,
        )
        assert result.returncode == 1, (python, result.stderr)
        assert result.stderr.startswith("dev.py: Python 3."), (python, result.stderr)
        assert "tidak didukung" in result.stderr and result.stderr.count("\n") == 1
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
        "KPU_LANG": "id",
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


def test_dev_py_alone_tells_an_editor_the_commands_without_installing(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "dev.py")],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "KPU_VENV": str(tmp_path / "venv")},
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "Cara pakai: python3 dev.py PERINTAH"
    assert any(line.split()[2:5] == ["check", "periksa", "semua"] for line in lines[2:])
    assert lines[-1] == "Panduan penulis berita: docs/panduan-penulis.md"
    assert (ROOT / "docs" / "panduan-penulis.md").is_file()
    assert not (tmp_path / "venv").exists()


def dev_py(tmp_path, *arguments):
    """`python3 dev.py ARGUMENTS` in TMP_PATH, with a venv there that it must not make."""
    return subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), *arguments],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "KPU_VENV": str(tmp_path / "venv")},
        check=False,
    )


def test_dev_py_alone_lists_the_imports_of_an_old_site(tmp_path):
    result = dev_py(tmp_path)
    assert result.returncode == 0, result.stderr
    commands = [line.split()[2:4] for line in result.stdout.splitlines() if "dev.py" in line]
    assert ["import-old-site", "FOLDER"] in commands
    assert ["import-wordpress", "FILE.xml"] in commands


def test_each_import_given_the_other_kind_of_source_names_the_other(tmp_path):
    (tmp_path / "situs-lama").mkdir()
    expected = {
        ("import-old-site", "ekspor.xml"): "dev.py: 'ekspor.xml' adalah ekspor WordPress; "
        "impor dengan python3 dev.py import-wordpress ekspor.xml",
        ("import-wordpress", "situs-lama"): "dev.py: 'situs-lama' adalah folder halaman "
        "tersimpan; impor dengan python3 dev.py import-old-site situs-lama",
    }
    for arguments, line in expected.items():
        result = dev_py(tmp_path, *arguments)
        assert (result.returncode, result.stderr) == (1, line + "\n")
    assert not (tmp_path / "venv").exists()


def test_a_mistyped_command_is_answered_in_indonesian_before_anything_is_installed(tmp_path):
    expected = {
        ("chek",): "dev.py: perintah 'chek' tidak ada; maksudnya 'check'?",
        ("new-post",): "dev.py: perintah 'new-post' memerlukan TITLE, "
        'misalnya python3 dev.py new-post "Judul berita"',
        ("new-post", "Judul", "--kategori", "Berita"): "dev.py: perintah 'new-post' tidak punya "
        "pilihan --kategori (pilihannya: --title, --category)",
        ("new-post", "Judul", "berita"): "dev.py: perintah 'new-post' menerima satu TITLE, dan "
        "'berita' berlebih (nama yang berspasi ditulis di antara tanda kutip), misalnya "
        'python3 dev.py new-post "Judul berita"',
        ("views-import", "a.csv", "--format", "ga4-csv", "b.csv"): "dev.py: perintah "
        "'views-import' menerima satu PATH, dan 'b.csv' berlebih (nama yang berspasi ditulis di "
        "antara tanda kutip), misalnya python3 dev.py views-import ekspor.csv",
        ("views-pull", "--tool", "matomo", "kemarin"): "dev.py: perintah 'views-pull' tidak "
        "memerlukan apa-apa lagi, dan 'kemarin' berlebih: python3 dev.py --help views-pull "
        "menunjukkan apa yang diterimanya",
    }
    for arguments, line in expected.items():
        result = dev_py(tmp_path, *arguments)
        assert (result.returncode, result.stderr) == (1, line + "\n")
    assert not (tmp_path / "venv").exists()


def test_ctrl_c_stops_the_server_without_a_traceback(tmp_path):
    import signal
    import socket
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "dev.py"), "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "KPU_LANG": "id"},
        start_new_session=True,
    )
    started = server.stdout.readline()
    assert started.startswith("Situs dapat dibuka di http://127.0.0.1:"), started
    time.sleep(0.5)
    os.killpg(server.pid, signal.SIGINT)  # what Ctrl+C in the terminal sends
    out, errors = server.communicate(timeout=20)
    assert "Traceback" not in errors + out, errors
