#!/usr/bin/env python3
"""The one entry point on a fresh machine with only Python 3.11+ and git.

    python3 dev.py build      # install what is needed, check and build the site
    python3 dev.py test       # install what is needed, lint and run every test
    python3 dev.py TASK ...   # any other task of tasks.py (python3 dev.py --list)
    python3 dev.py            # the commands an editor uses, in Indonesian

It makes a virtual environment in .venv, installs exactly the pinned and
hashed packages of requirements.lock into it (again only when the lock file
changes), downloads the web editor's bundle pinned in package-lock.json (no
Node needed), then hands over to invoke inside it.
"""

# Annotations unevaluated, so that an older Python gets as far as saying it is too old.
from __future__ import annotations

import base64
import difflib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import urllib.error
import urllib.request
import venv
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# What dev.py says, in Indonesian: the module is standard library only.
sys.path.insert(0, str(ROOT / "plugins"))
from translations import _  # noqa: E402

VENV = Path(os.environ.get("KPU_VENV", ROOT / ".venv"))
LOCK = ROOT / "requirements.lock"
STAMP = VENV / "requirements.lock.sha256"
NODE_LOCK = ROOT / "package-lock.json"
NODE_STAMP = ROOT / "node_modules" / "package-lock.json.sha256"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


# The Pythons requirements.lock installs on (pyproject.toml's requires-python;
# tests/test_lock.py resolves the lock for the oldest and the newest).
OLDEST, NEWEST = (3, 11), (3, 13)


def check_python() -> None:
    version = sys.version_info[:2]
    if not OLDEST <= version <= NEWEST:
        sys.exit(
            "dev.py: "
            + _(
                "Python {version} is not supported; run it with Python {oldest} to {newest}"
            ).format(
                version=".".join(map(str, sys.version_info[:3])),
                oldest=f"{OLDEST[0]}.{OLDEST[1]}",
                newest=f"{NEWEST[0]}.{NEWEST[1]}",
            )
        )


def check_venv() -> None:
    """Debian and Ubuntu ship venv's ensurepip apart, in the package python3-venv."""
    try:
        import ensurepip  # noqa: F401, PLC0415
    except ImportError:
        sys.exit(
            "dev.py: "
            + _(
                "this Python cannot make a virtual environment (ensurepip is missing); "
                "install the package python3-venv (Debian/Ubuntu: sudo apt install python3-venv), "
                "then run it again"
            )
        )


def has_pip(python: Path) -> bool:
    found = subprocess.run([str(python), "-c", "import pip"], capture_output=True, check=False)
    return found.returncode == 0


def ensure_environment() -> Path:
    check_python()
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if venv_python().exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return venv_python()
    if VENV.exists() and not (venv_python().exists() and has_pip(venv_python())):
        # Left half-made by an earlier run: made again rather than trusted.
        shutil.rmtree(VENV)
    check_venv()
    print(
        "dev.py: "
        + _("installing the packages of {lock} into {venv}").format(lock=LOCK.name, venv=VENV),
        file=sys.stderr,
    )
    if not VENV.exists():
        try:
            venv.EnvBuilder(with_pip=True, symlinks=os.name != "nt").create(VENV)
        except (OSError, subprocess.CalledProcessError) as error:
            shutil.rmtree(VENV, ignore_errors=True)
            sys.exit(
                "dev.py: "
                + _("the virtual environment {venv} cannot be made: {error}").format(
                    venv=VENV, error=error
                )
            )
    installed = subprocess.run(
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
        check=False,
    )
    if installed.returncode != 0:
        # No stamp: the next run installs again.
        sys.exit(
            "dev.py: "
            + _(
                "the packages of {lock} are not installed (pip exited with code {code}; "
                "its message is above); check the connection to PyPI, then run it again"
            ).format(lock=LOCK.name, code=installed.returncode)
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
            "dev.py: " + _("no npm here; the accessibility and web editor tests will be skipped"),
            file=sys.stderr,
        )
        return
    print(
        "dev.py: "
        + _("installing the packages of {lock} into {venv}").format(
            lock=NODE_LOCK.name, venv="node_modules"
        ),
        file=sys.stderr,
    )
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
    print(
        "dev.py: "
        + _("downloading {package} {version} for /admin/").format(
            package=EDITOR_PACKAGE, version=version
        ),
        file=sys.stderr,
    )
    with urllib.request.urlopen(url, timeout=60) as response:
        data = response.read()
    algorithm, expected = integrity.split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, data).digest()).decode() != expected:
        raise OSError(
            _("{url} does not match the integrity hash in {lock}").format(
                url=url, lock=NODE_LOCK.name
            )
        )
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


# Tasks whose output must have /admin/ (production builds, the tests, the
# editor), and tasks that build it when they can: the rest need no network.
EDITOR_REQUIRED = {"preview", "publish", "gh-pages", "test", "editor"}
EDITOR_WANTED = {"build", "rebuild", "livereload"}


def editor_bundle(task: str | None) -> None:
    """The web editor's bundle, for the tasks that build /admin/; one line if it cannot be had."""
    if task not in EDITOR_REQUIRED | EDITOR_WANTED:
        return
    try:
        ensure_editor_bundle()
    except (OSError, urllib.error.URLError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if task in EDITOR_REQUIRED:
            sys.exit(
                "dev.py: "
                + _("the web editor ({package}) cannot be downloaded: {reason}").format(
                    package=EDITOR_PACKAGE, reason=reason
                )
            )
        print(
            "dev.py: "
            + _(
                "the web editor ({package}) cannot be downloaded ({reason}); "
                "the site is built without /admin/"
            ).format(package=EDITOR_PACKAGE, reason=reason),
            file=sys.stderr,
        )


def load_schedule():
    """plugins/kpu_content/schedule.py, standard library only, without its package."""
    import importlib.util  # noqa: PLC0415

    path = ROOT / "plugins" / "kpu_content" / "schedule.py"
    spec = importlib.util.spec_from_file_location("kpu_schedule", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def git_output(*arguments: str) -> str:
    done = subprocess.run(
        ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return done.stdout if done.returncode == 0 else ""


def tell_workflow(name: str, value: str) -> None:
    """A step output for GitHub Actions (GITHUB_OUTPUT), and a line for anyone reading."""
    print(f"{name}={value}")
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as outputs:  # noqa: PTH123
            outputs.write(f"{name}={value}\n")


def changes(arguments: list[str]) -> int:
    """`changes BASE [HEAD]`: kind=content if only content/ and data/ changed, else kind=code.

    The trees of BASE and HEAD are compared (a push of several commits, or a
    pull request's base and merge); BASE is fetched alone if a shallow
    checkout lacks it.
    """
    base = arguments[0] if arguments else ""
    head = arguments[1] if len(arguments) > 1 else "HEAD"
    if base and not git_output("cat-file", "-t", base).strip():
        git_output("fetch", "--quiet", "--depth", "1", "origin", base)
    # --no-renames: a file moved from plugins/ into content/ is a change of code.
    command = ("diff", "--name-only", "--no-renames", base, head, "--")
    paths = git_output(*command).splitlines() if base else []
    # Nothing to compare with (a new branch, a manual run): everything is checked.
    tell_workflow("kind", load_schedule().change_kind(paths) if paths else "code")
    return 0


def due_posts(arguments: list[str]) -> int:
    """`due-posts [REMOTE] [BRANCH]`: due=true if a post has come due since the live build."""
    remote = arguments[0] if arguments else "origin"
    branch = arguments[1] if len(arguments) > 1 else "gh-pages"
    schedule = load_schedule()
    # The tip alone in a shallow clone (the workflow's); a full clone stays full.
    shallow = git_output("rev-parse", "--is-shallow-repository").strip() == "true"
    depth = ["--depth", "1"] if shallow else []
    fetched = subprocess.run(
        ["git", "fetch", "--quiet", *depth, remote, f"refs/heads/{branch}"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    tip = (
        git_output("log", "-1", "--format=%cI%n%B", "FETCH_HEAD") if fetched.returncode == 0 else ""
    )
    committed, _newline, message = tip.partition("\n")
    # A tip from before builds noted their time: its commit's time, a little later.
    built = schedule.built_at(message) or (datetime.fromisoformat(committed) if committed else None)
    now = datetime.now(schedule.WITA)
    if os.environ.get("KPU_NOW"):  # for the tests: the moment to check at
        now = datetime.fromisoformat(os.environ["KPU_NOW"])
    due = schedule.due_posts(ROOT / "content", built, now)
    for path in due[:10]:
        # Translators: {path} is a post's file that is now due to be published.
        print(_("due: {path}").format(path=path.relative_to(ROOT).as_posix()))
    tell_workflow("due", "true" if due else "false")
    return 0


# Tasks that need nothing installed: the workflow's cheap decisions.
STANDARD_LIBRARY_TASKS = {"changes": changes, "due-posts": due_posts}


def usage() -> str:
    """What `python3 dev.py` alone prints: the commands an editor uses, in their words."""
    commands = [
        ('new-post "Judul berita"', _("start a new post, as a draft")),
        ("check", _("check every post: each problem with its file and line")),
        ("livereload", _("preview the site at http://127.0.0.1:8000/, updated as you save")),
        ("build", _("check, then build the site into output/")),
        ("import-old-site FOLDER", _("import the posts of pages saved from the old site")),
        ("import-wordpress FILE.xml", _("import the posts of a WordPress export")),
        ("test", _("run every test (for developers)")),
        ("--list", _("every task, with its description in English")),
    ]
    lines = [_("Usage: python3 dev.py COMMAND"), ""]
    lines += [f"  python3 dev.py {command:<26} {meaning}" for command, meaning in commands]
    lines += ["", _("The editors' guide: docs/panduan-penulis.md")]
    return "\n".join(lines)


def task_parameters() -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Each task of tasks.py: (required parameters, optional ones, the optional ones that are
    flags and take no value), as invoke names them.

    Read from the source, so that a mistyped command is answered in Indonesian
    before anything is installed, not by invoke's English.
    """
    import ast  # noqa: PLC0415

    tasks = {}
    for node in ast.parse((ROOT / "tasks.py").read_text(encoding="utf-8")).body:
        decorators = [
            d.func if isinstance(d, ast.Call) else d for d in getattr(node, "decorator_list", [])
        ]
        if any(isinstance(d, ast.Name) and d.id == "task" for d in decorators):
            names = [argument.arg.replace("_", "-") for argument in node.args.args[1:]]
            required = len(names) - len(node.args.defaults)
            flags = [
                name
                # zip() without strict=: it is Python 3.10's, and an older one runs this file.
                for name, default in zip(names[required:], node.args.defaults)  # noqa: B905
                if isinstance(default, ast.Constant) and isinstance(default.value, bool)
            ]
            tasks[node.name.replace("_", "-")] = (names[:required], names[required:], flags)
    return tasks


# How a command with a required argument is written, for the message when it is left out.
EXAMPLES = {
    "new-post": 'python3 dev.py new-post "Judul berita"',
    "views-import": "python3 dev.py views-import ekspor.csv",
    "import-old-site": "python3 dev.py import-old-site ~/situs-lama",
    "import-wordpress": "python3 dev.py import-wordpress ekspor-wordpress.xml",
}


def import_kind(name: str, given: str) -> str | None:
    """A WordPress export given to import-old-site, or a folder to import-wordpress."""
    if name == "import-old-site" and given.lower().endswith(".xml") and not Path(given).is_dir():
        message = _(
            "'{path}' is a WordPress export; import it with python3 dev.py {command} {path}"
        )
        return message.format(path=given, command="import-wordpress")
    if name == "import-wordpress" and Path(given).is_dir():
        message = _(
            "'{path}' is a folder of saved pages; import it with python3 dev.py {command} {path}"
        )
        return message.format(path=given, command="import-old-site")
    return None


def positional(rest: list[str], flags: list[str]) -> list[str]:
    """The words of REST that are not options nor an option's value."""
    return [
        word
        for before, word in zip(["", *rest], rest)  # noqa: B905 (Python 3.7 reads this file)
        if not word.startswith("-")
        and not (before.startswith("-") and "=" not in before and before.lstrip("-") not in flags)
    ]


def wrong_count(name: str, unfilled: list[str], given: list[str], helped: bool) -> str | None:
    """Too few or too many words for the parameters UNFILLED by options, which invoke would
    answer in English ('No idea what ... is!')."""
    example = EXAMPLES.get(name, f"python3 dev.py --help {name}")
    if len(given) > len(unfilled) and not helped:
        extra = given[len(unfilled)]
        if not unfilled:
            message = _(
                "'{command}' takes nothing more, and '{extra}' is too much: python3 dev.py "
                "--help {command} shows what it takes"
            )
            return message.format(command=name, extra=extra)
        message = _(
            "'{command}' takes one {what}, and '{extra}' is one too many (a name with spaces "
            "goes in quotes), e.g. {example}"
        )
        return message.format(command=name, what=unfilled[0].upper(), extra=extra, example=example)
    if len(given) < len(unfilled):
        missing = " ".join(word.upper() for word in unfilled[len(given) :])
        message = _("'{command}' needs {missing}, e.g. {example}")
        return message.format(command=name, missing=missing, example=example)
    return None


def refusal(arguments: list[str]) -> str | None:
    """What is wrong with `python3 dev.py ARGUMENTS`, in one line, or None."""
    name, rest = arguments[0], arguments[1:]
    if name.startswith("-"):
        return None  # invoke's own options: --list, --help
    tasks = {**task_parameters(), **dict.fromkeys(STANDARD_LIBRARY_TASKS, ([], [], []))}
    if name not in tasks:
        match = difflib.get_close_matches(name, tasks, n=1)
        if match:
            message = _("there is no command '{name}'; did you mean '{match}'?")
            return message.format(name=name, match=match[0])
        message = _("there is no command '{name}'; python3 dev.py alone lists the commands")
        return message.format(name=name)
    required, optional, flags = tasks[name]
    for option in (word.split("=")[0] for word in rest if word.startswith("--")):
        if option[2:] not in required + optional + ["help"]:
            known = ", ".join(f"--{known}" for known in required + optional) or "-"
            message = _("'{command}' has no option {option} (it has: {known})")
            return message.format(command=name, option=option, known=known)
    if name in STANDARD_LIBRARY_TASKS:
        return None  # they read their own words
    named = {word.split("=")[0][2:] for word in rest if word.startswith("--")}
    unfilled = [parameter for parameter in required if parameter not in named]
    given = positional(rest, flags)
    wrong = wrong_count(name, unfilled, given, "--help" in rest)
    return wrong or (import_kind(name, given[0]) if given else None)


def main(arguments: list[str]) -> int:
    if not arguments:
        print(usage())
        return 0
    wrong = refusal(arguments)
    if wrong:
        sys.exit(f"dev.py: {wrong}")
    if arguments[0] in STANDARD_LIBRARY_TASKS:
        check_python()
        return STANDARD_LIBRARY_TASKS[arguments[0]](arguments[1:])
    python = ensure_environment()
    editor_bundle(arguments[0])
    if arguments[:1] in (["test"], ["editor"]):
        ensure_node_tools()
    os.chdir(ROOT)
    task = subprocess.Popen([str(python), "-m", "invoke", *arguments])
    try:
        return task.wait()
    except KeyboardInterrupt:  # Ctrl+C stops the preview or an import: the task says what it did
        try:
            task.wait(timeout=10)
        except (KeyboardInterrupt, subprocess.TimeoutExpired):
            task.kill()
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
