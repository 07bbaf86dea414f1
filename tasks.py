"""Tasks for editors, developers and CI: `invoke --list` shows them all.

On a fresh machine run them through `python3 dev.py TASK`, which installs
everything first. Unlike the tasks.py that `pelican-quickstart` writes, every
build here checks the content first, fails on any Pelican warning, and
publishing refuses to go on after either.
"""

import errno
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from invoke import task
from invoke.exceptions import Exit

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from kpu_content.check import check_site  # noqa: E402
from kpu_content.new_post import new_post_file  # noqa: E402
from site_build.preview import ANSWER  # noqa: E402
from translations import _, decimal, ngettext  # noqa: E402

LOCAL_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"
# A change to any of these rebuilds the preview (data/ holds the site's data files).
WATCHED = ["content", "theme", "plugins", "data", "pelicanconf.py", "publishconf.py"]


def read_settings(settings_file: str) -> dict:
    from pelican.settings import read_settings as pelican_read_settings  # noqa: PLC0415

    return pelican_read_settings(str(ROOT / settings_file))


def output_path(output: str | None, settings: dict) -> Path:
    """The folder a build writes, which `rebuild` may delete: never outside the project."""
    path = Path(output or settings["OUTPUT_PATH"])
    return path if path.is_absolute() else ROOT / path


def run_check(settings_file: str) -> None:
    settings = read_settings(settings_file)
    problems = check_site(settings, ROOT)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = [problem for problem in problems if problem.fatal]
    if errors:
        raise Exit(
            "python3 dev.py check: "
            + ngettext(
                "{count} problem; nothing was built",
                "{count} problems; nothing was built",
                len(errors),
            ).format(count=len(errors)),
            code=1,
        )
    warnings = sum(problem.warning for problem in problems)
    suggestions = sum(problem.suggestion for problem in problems)
    counts = [_("no problems")]
    if warnings:
        counts.append(
            ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
        )
    if suggestions:
        counts.append(
            ngettext("{count} suggestion", "{count} suggestions", suggestions).format(
                count=suggestions
            )
        )
    print("python3 dev.py check: " + ", ".join(counts))


def run_pelican(c, settings_file: str, output: str | None) -> None:
    settings = read_settings(settings_file)
    target = output_path(output, settings)
    c.run(
        f'"{sys.executable}" -m pelican "{ROOT / "content"}" -s "{ROOT / settings_file}" '
        f'-o "{target}" --fatal warnings',
        # On a terminal, Pelican draws its progress bars (plugins/progress).
        pty=sys.stdout.isatty(),
    )


@task
def check(c, settings=LOCAL_SETTINGS):
    """Check every post and page; print `path:line: problem` and fail on any."""
    run_check(settings)


@task(help={"output": "folder to write the site to (default: output/)"})
def build(c, output=None):
    """Check the content, then build the site with the local settings."""
    run_check(LOCAL_SETTINGS)
    run_pelican(c, LOCAL_SETTINGS, output)


@task(help={"output": "folder to write the site to (default: output/)"})
def rebuild(c, output=None):
    """Delete the output folder and the caches, then build from nothing."""
    settings = read_settings(LOCAL_SETTINGS)
    folders = (output_path(output, settings), Path(settings["CACHE_PATH"]))
    for folder in folders:
        if not folder.resolve().is_relative_to(ROOT) or folder.resolve() == ROOT:
            raise Exit(
                _("refusing to delete {folder}: it is not a folder inside {root}").format(
                    folder=folder, root=ROOT
                ),
                code=1,
            )
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    build(c, output)


@task(help={"output": "folder to write the site to (default: output/)"})
def preview(c, output=None):
    """Build with the production settings (absolute URLs, feeds, no drafts)."""
    run_check(PUBLISH_SETTINGS)
    run_pelican(c, PUBLISH_SETTINGS, output)


def site_server(settings: dict, port, live: bool = False):
    """The server of the built site (plugins/site_build/serving.py), its port taken."""
    from site_build.serving import SiteServer, not_found_page  # noqa: PLC0415

    output = output_path(None, settings)
    # The web editor's page never reloads: what is being typed in it would be lost.
    still = [settings["EDITOR_SAVE_AS"]] if settings.get("EDITOR_SAVE_AS") else []
    try:
        return SiteServer(output, int(port), not_found_page(settings), live=live, still=still)
    except OSError as error:
        # Translators: {error} is the system's reason, e.g. "Address already in use".
        if error.errno == errno.EADDRINUSE:
            message = _("port {port} is already in use. Is a preview already running?")
            raise Exit(message.format(port=int(port)), code=1) from None
        message = _("cannot use port {port}: {error}. Is a preview already running?")
        raise Exit(message.format(port=int(port), error=error.strerror), code=1) from None


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def serve(c, port=8000):
    """Serve the built site at http://127.0.0.1:PORT/ (build it first)."""
    site_server(read_settings(LOCAL_SETTINGS), port).run()


class PreviewProcess:
    """The site built and kept in memory by site_build.preview, in a process of its own.

    A new process for each full build, so that edited plugins, settings and
    data are read afresh.
    """

    def __init__(self, output: Path):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "site_build.preview",
                str(ROOT / LOCAL_SETTINGS),
                str(output),
                "--check",
                "kpu_content.check:check_site",
            ],
            cwd=ROOT,
            env=os.environ | {"PYTHONPATH": str(ROOT / "plugins")},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.ready = self.answer() == "ready"

    def answer(self) -> str:
        """The next answer of the process; what Pelican prints is passed on."""
        for line in self.process.stdout:
            if line.startswith(ANSWER):
                return line.removeprefix(ANSWER).strip()
            print(line, end="", flush=True)
        return "failed"

    def update(self, path: Path) -> bool:
        """True if the process rebuilt the page of the post at PATH on its own."""
        if not self.ready or self.process.poll() is not None:
            return False
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        answer = self.answer().split()
        if answer[0] != "page":
            return False
        # Translators: {page} is the file written again, {seconds} how long it took.
        rebuilt = _("Preview: {page} in {seconds} s")
        seconds = decimal(float(answer[2]), 3)
        print(rebuilt.format(page=os.path.relpath(answer[1], ROOT), seconds=seconds), flush=True)
        return True

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def livereload(c, port=8000):
    """Build, serve, rebuild on every change and reload the browser.

    When only the text of a post changed, its page alone is rebuilt, in a
    fraction of a second (plugins/site_build/preview.py); any other change
    rebuilds the site. A mistake is printed and the last good preview stays.
    """
    import threading  # noqa: PLC0415

    from watchfiles import watch  # noqa: PLC0415

    settings = read_settings(LOCAL_SETTINGS)
    output = output_path(None, settings)
    server = site_server(settings, port, live=True)
    # Touched after each rebuild, for whoever waits for one (the tests do).
    built = Path(settings["CACHE_PATH"]) / "preview-built"
    built.parent.mkdir(parents=True, exist_ok=True)
    preview = PreviewProcess(output)

    def follow_changes():
        nonlocal preview
        watching = False
        # An empty set each quiet half second: the first says changes are watched from now.
        for changes in watch(
            *(ROOT / name for name in WATCHED), yield_on_timeout=True, rust_timeout=500
        ):
            if not changes:
                if not watching:
                    built.touch()  # the first build is done, and changes are seen from now
                    watching = True
                continue
            changed = [Path(path) for _change, path in changes]
            try:
                one_post = len(changed) == 1 and changed[0].suffix == ".md"
                if one_post and preview.update(changed[0]):
                    server.reload()
                    built.touch()
                    continue
            except OSError as error:  # the process died: a full build starts over
                # Translators: {error} is the system's reason the preview's process stopped.
                failed = _("Preview: {error}; the whole site is built again")
                print(failed.format(error=error), file=sys.stderr)
            preview.stop()
            preview = PreviewProcess(output)
            if preview.ready:  # else the open pages keep the last good preview
                server.reload()
            built.touch()

    threading.Thread(target=follow_changes, daemon=True).start()
    try:
        server.run()
    finally:
        preview.stop()


@task(help={"port": "port on 127.0.0.1 for the preview (default 8000)"})
def editor(c, port=8000):
    """The web editor on this machine: open http://127.0.0.1:PORT/admin/.

    Runs Decap's local backend (decap-server, from package-lock.json) on this
    repository, with branches for drafts as on GitHub, and the live preview.
    """
    server = ROOT / "node_modules" / ".bin" / "decap-server"
    if not server.exists():
        raise Exit(
            "editor: " + _("decap-server is not installed; run `python3 dev.py editor`"), code=1
        )
    backend = urlsplit(read_settings(LOCAL_SETTINGS)["EDITOR_LOCAL_BACKEND"])
    environment = os.environ | {
        "MODE": "git",
        "GIT_REPO_DIRECTORY": str(ROOT),
        "BIND_HOST": backend.hostname,
        "PORT": str(backend.port),
    }
    backend_process = subprocess.Popen([str(server)], env=environment)
    address = f"http://127.0.0.1:{int(port)}/admin/"
    print(_("Web editor: {address}").format(address=address), flush=True)
    try:
        livereload(c, port)
    finally:
        backend_process.terminate()


@task(
    help={
        "title": "the post's title, in quotes",
        "category": "Berita, Pengumuman or Siaran Pers (default Berita)",
    }
)
def new_post(c, title, category="Berita"):
    """Start a post: a Markdown file with every header field, dated now (WITA), as a draft."""
    settings = read_settings(LOCAL_SETTINGS)
    now = datetime.now(ZoneInfo(settings["TIMEZONE"]))
    try:
        path = new_post_file(settings, title, category, now, ROOT)
    except (FileExistsError, ValueError) as error:
        raise Exit(str(error), code=1) from error
    print(path.relative_to(ROOT))


@task(help={"output": "folder to write the site to (default: output/)"})
def publish(c, output=None):
    """Production build that stops at the first failed check or Pelican warning."""
    preview(c, output)


def now_in_wita(settings: dict) -> datetime:
    """Now, in the site's time zone; KPU_NOW (ISO 8601) sets it for the tests."""
    if os.environ.get("KPU_NOW"):
        return datetime.fromisoformat(os.environ["KPU_NOW"])
    return datetime.now(ZoneInfo(settings["TIMEZONE"]))


def git(*arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=check
    )


def fetch_branch(remote: str, branch: str) -> bool:
    """The remote's BRANCH as the local one: its tip only, in a shallow clone (CI's)."""
    shallow = git("rev-parse", "--is-shallow-repository", check=False).stdout.strip() == "true"
    depth = ["--depth", "1"] if shallow else []
    fetched = git(
        "fetch", "--quiet", *depth, remote, f"+refs/heads/{branch}:refs/heads/{branch}", check=False
    )
    return fetched.returncode == 0


@task(help={"output": "the built site (default: output/)"})
def verify_output(c, output=None):
    """Check the built site in seconds: every page whole, within budget, its links found."""
    from kpu_content.output_check import check_output  # noqa: PLC0415

    settings = read_settings(PUBLISH_SETTINGS)
    folder = output_path(output, settings)
    problems = check_output(folder, settings["SITEURL"])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        count = len(problems)
        message = ngettext(
            "{count} problem; the site is not published",
            "{count} problems; the site is not published",
            count,
        ).format(count=count)
        raise Exit(f"verify-output: {message}", code=1)
    pages = sum(1 for _page in folder.rglob("*.html"))
    message = ngettext(
        "{count} page checked, no problems", "{count} pages checked, no problems", pages
    ).format(count=pages)
    print(f"verify-output: {message}")


@task(
    help={
        "remote": "git remote name or URL to push to (default: GITHUB_PAGES_REMOTE)",
        "branch": "branch to write (default: GITHUB_PAGES_BRANCH, gh-pages)",
    }
)
def gh_pages(c, remote=None, branch=None):
    """Publish and check the output, then commit it to the pages branch with ghp-import and push it.

    The commit message carries the time the build started ("Dibangun:"), from
    which `python3 dev.py due-posts` tells which scheduled posts it held back.
    """
    import time  # noqa: PLC0415

    settings = read_settings(PUBLISH_SETTINGS)
    target = output_path(None, settings)
    started = now_in_wita(settings).replace(microsecond=0)
    steps, clock = [], time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        steps.append(f"{name} {time.perf_counter() - clock:.1f} s")
        clock = time.perf_counter()

    run_check(PUBLISH_SETTINGS)
    # Translators: the steps of publishing, each followed by its time: "checked 2.1 s".
    step(_("checked"))
    run_pelican(c, PUBLISH_SETTINGS, None)
    step(_("built"))
    verify_output(c)
    step(_("output checked"))
    remote = remote or settings["GITHUB_PAGES_REMOTE"]
    branch = branch or settings["GITHUB_PAGES_BRANCH"]
    # ghp-import commits on top of the local branch: the published one, fetched.
    fetch_branch(remote, branch)
    source = git("rev-parse", "--short", "HEAD", check=False).stdout.strip()
    message = f"Terbitkan situs dari {source or 'salinan kerja'}\n\nDibangun: {started.isoformat()}"
    cname = ["-c", settings["CNAME"]] if settings["CNAME"] else []
    ghp_import = Path(sys.executable).parent / "ghp-import"
    command = [str(ghp_import), "-n", "-p", "-r", remote, "-b", branch, "-m", message, *cname]
    if subprocess.run([*command, str(target)], cwd=ROOT, check=False).returncode != 0:
        message = _("ghp-import cannot push to {remote} {branch}").format(
            remote=remote, branch=branch
        )
        raise Exit(f"gh-pages: {message}", code=1)
    step(_("pushed"))
    print(f"gh-pages: {', '.join(steps)}")


@task(
    help={
        "path": "the export file (GA4, UA, Matomo, Plausible, GoatCounter, Umami or an access log; .gz too), or a folder of them",
        "format": "the format, when it cannot be told from the content",
        "source": "the analytics tool or site the file comes from (default: from the format)",
        "period": "START..END, for exports that do not say which days they cover",
        "views_column": "the column that counts page views, when it cannot be told (its name or number)",
        "path_column": "the column of page addresses, when it cannot be told (its name or number)",
    },
)
def views_import(  # noqa: PLR0917 - invoke makes each parameter an option
    c, path, format=None, source=None, period=None, views_column=None, path_column=None
):
    """Import analytics exports (a file, or a folder of parts) into data/view-counts.json."""
    from view_counts.exports import Columns  # noqa: PLC0415

    run_import(
        Path(path),
        format=format,
        source=source,
        period=period,
        columns=Columns(path_column, views_column),
    )


def run_import(path: Path, pulled: str = "", **options) -> None:
    """Import PATH and print what each import did; Exit, the snapshot untouched, if refused."""
    from view_counts.importing import ImportFailure, import_files, report_lines  # noqa: PLC0415

    settings = read_settings(LOCAL_SETTINGS)
    try:
        done = import_files(
            path,
            Path(settings["VIEW_COUNTS_FILE"]),
            settings,
            ignore_agents=tuple(settings["VIEW_COUNTS_IGNORE_AGENTS"]),
            pulled=pulled,
            **options,
        )
    except ImportFailure as failure:
        raise Exit(f"{failure}\n" + _("The snapshot was not changed."), code=1) from None
    for imported in done:
        shown = str(path) if path.is_file() else " + ".join(imported.files)
        print("\n".join(report_lines(imported, shown)))


def pull_into(c, tool: str, start, end) -> None:
    """One pull from TOOL for START..END, imported like an export; PullError if not got."""
    import tempfile  # noqa: PLC0415

    from view_counts.pulling import TOOLS  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        export = TOOLS[tool](start, end, Path(folder))
        period = f"{start}..{end}"
        run_import(export, pulled=f"{tool} {period}", source=tool, period=period)


def pull_period(c, tool: str, start, end) -> None:
    """One pull from TOOL for START..END, imported like an export; Exit if it fails."""
    from view_counts.pulling import PullError  # noqa: PLC0415

    try:
        pull_into(c, tool, start, end)
    except PullError as error:
        message = f"views-pull: {error}\n" + _("The snapshot was not changed.")
        raise Exit(message, code=1) from None


@task(
    help={
        "tool": "matomo or plausible (the office's own server; see the README for its variables)",
        "period": "START..END, or 'yesterday' (in WITA); by default every day not counted yet",
    }
)
def views_pull(c, tool, period=None):
    """Fetch page views from Matomo's or Plausible's API: every day since the last import."""
    from datetime import timedelta  # noqa: PLC0415

    from view_counts.importing import ImportFailure, parse_period  # noqa: PLC0415
    from view_counts.pulling import TOOLS  # noqa: PLC0415

    if tool not in TOOLS:
        raise Exit(_("--tool must be one of {tools}").format(tools=", ".join(TOOLS)), code=1)
    settings = read_settings(LOCAL_SETTINGS)
    yesterday = now_in_wita(settings).date() - timedelta(days=1)
    if period is None:
        catch_up(c, tool, settings, yesterday)
        return
    if period == "yesterday":
        start, end = yesterday, yesterday
    else:
        try:
            start, end = parse_period(period)
        except ImportFailure as failure:
            raise Exit(str(failure), code=1) from None
    pull_period(c, tool, start, end)


def catch_up(c, tool: str, settings: dict, yesterday) -> None:
    """Pull every run of days TOOL has not counted (pulling.days_to_pull); say what was not got."""
    from view_counts import snapshot as snapshots  # noqa: PLC0415
    from view_counts.pulling import PullError, check_settings, days_to_pull  # noqa: PLC0415

    path = Path(settings["VIEW_COUNTS_FILE"])
    try:
        check_settings(tool)
        held = snapshots.load(path)
    except (PullError, snapshots.SnapshotError) as error:
        message = f"views-pull: {error}\n" + _("The snapshot was not changed.")
        raise Exit(message, code=1) from None
    missing = days_to_pull(held, tool, yesterday, int(settings["VIEW_COUNTS_CATCH_UP_DAYS"]))
    say_left_out("views-pull", missing, settings, tool)
    if not missing.runs:
        counted = snapshots.last_day(held, tool) or yesterday
        message = _("{tool} is counted up to {day}; nothing to pull")
        print("views-pull: " + message.format(tool=tool, day=counted))
        return
    failed = []
    for start, end in missing.runs:
        try:
            pull_into(c, tool, start, end)
        except (PullError, Exit) as failure:
            failed.append(f"{start}..{end}")
            reason = failure.message if isinstance(failure, Exit) else str(failure)
            message = _("{start}..{end} was not pulled: {error}")
            print(
                "views-pull: " + message.format(start=start, end=end, error=reason),
                file=sys.stderr,
            )
    if failed:
        message = ngettext(
            "not pulled: {periods}; the days pulled are kept, and the next pull fetches these",
            "not pulled: {periods}; the days pulled are kept, and the next pull fetches these",
            len(failed),
        )
        raise Exit("views-pull: " + message.format(periods=", ".join(failed)), code=1)


def say_left_out(name: str, missing, settings: dict, tool: str) -> None:
    """Warn of the days too long ago for a catch-up (pulling.Missing.left_out), if any."""
    if not missing.left_out:
        return
    start, end = missing.left_out
    message = _(
        "{start}..{end} is more than {days} days ago (VIEW_COUNTS_CATCH_UP_DAYS) and was "
        "not pulled; pull it with: python3 dev.py views-pull --tool {tool} --period "
        "{start}..{end}"
    )
    days = settings["VIEW_COUNTS_CATCH_UP_DAYS"]
    print(f"{name}: " + message.format(start=start, end=end, days=days, tool=tool), file=sys.stderr)


VIEWS_BRANCH = "view-counts"
VIEWS_FILE = "view-counts.json"  # at the top of VIEWS_BRANCH


def snapshot_on_branch(remote: str, branch: str) -> tuple[dict | None, str | None]:
    """The snapshot kept on REMOTE's BRANCH, and the commit it is in (None, None if none)."""
    import json  # noqa: PLC0415

    if not fetch_branch(remote, branch):
        return None, None
    commit = git("rev-parse", f"refs/heads/{branch}").stdout.strip()
    shown = git("show", f"{commit}:{VIEWS_FILE}", check=False)
    return (json.loads(shown.stdout) if shown.returncode == 0 else None), commit


@task(
    help={
        "remote": "where the view-count branch is (default: origin)",
        "branch": f"the branch that keeps the nightly snapshot (default: {VIEWS_BRANCH})",
    }
)
def views_fetch(c, remote="origin", branch=VIEWS_BRANCH):
    """Combine the nightly snapshot (its own branch) with data/view-counts.json, for a build."""
    from view_counts import snapshot as snapshots  # noqa: PLC0415

    settings = read_settings(LOCAL_SETTINGS)
    path = Path(settings["VIEW_COUNTS_FILE"])
    nightly = snapshot_on_branch(remote, branch)[0]
    if nightly is None:
        message = _("there is no {branch} branch yet; {file} is used as it is")
        print("views-fetch: " + message.format(branch=branch, file=path.name))
        return
    snapshots.save(snapshots.merged(nightly, snapshots.load(path)), path)
    day = snapshots.as_of(snapshots.load(path))
    print("views-fetch: " + _("view counts up to {day}").format(day=day))


@task
def views_compact(c):
    """Merge old days of data/view-counts.json into months and years; every import does it too."""
    from view_counts import snapshot as snapshots  # noqa: PLC0415

    path = Path(read_settings(LOCAL_SETTINGS)["VIEW_COUNTS_FILE"])
    try:
        snapshot = snapshots.load(path)
    except snapshots.SnapshotError as error:
        raise Exit(f"views-compact: {error}", code=1) from None
    before = path.read_bytes() if path.exists() else b""
    merged = snapshots.compact(snapshot)
    if snapshots.dumps(snapshot).encode() == before:
        print("views-compact: " + _("nothing to compact; the snapshot is unchanged"))
        return
    snapshots.save(snapshot, path)
    message = ngettext(
        "{count} period merged; the snapshot is {size} kB",
        "{count} periods merged; the snapshot is {size} kB",
        merged,
    )
    size = decimal(path.stat().st_size / 1000)
    print("views-compact: " + message.format(count=merged, size=size))


@task(
    help={
        "tool": "matomo or plausible (the office's own server; see the README for its variables)",
        "remote": "where to keep the snapshot (default: origin)",
        "branch": f"the branch that keeps it (default: {VIEWS_BRANCH}; main may be protected)",
        "attempts": "tries of each pull before the night is given up (default 3)",
    }
)
def views_nightly(c, tool, remote="origin", branch=VIEWS_BRANCH, attempts=3):
    """Pull every day since the last import, with retries, and push the snapshot to its branch.

    The snapshot is kept on a branch of its own, not main, which a maintainer
    protects with required checks; builds combine it with main's
    (views-fetch). A night that fails pushes nothing; the next pulls it too.
    """
    import time  # noqa: PLC0415
    from datetime import timedelta  # noqa: PLC0415

    from view_counts import snapshot as snapshots  # noqa: PLC0415
    from view_counts.pulling import days_to_pull  # noqa: PLC0415

    settings = read_settings(LOCAL_SETTINGS)
    path = Path(settings["VIEW_COUNTS_FILE"])
    nightly, parent = snapshot_on_branch(remote, branch)
    if nightly is not None:
        snapshots.save(snapshots.merged(nightly, snapshots.load(path)), path)
    yesterday = now_in_wita(settings).date() - timedelta(days=1)
    held = snapshots.load(path)
    # Every day not counted since the baseline moved from the old site (pulling.days_to_pull).
    missing = days_to_pull(held, tool, yesterday, int(settings["VIEW_COUNTS_CATCH_UP_DAYS"]))
    say_left_out("views-nightly", missing, settings, tool)
    if not missing.runs:
        last = snapshots.last_day(held, tool)
        print("views-nightly: " + _("{tool} is counted up to {day}").format(tool=tool, day=last))
        return
    wait = float(os.environ.get("KPU_RETRY_SECONDS", "60"))
    for start, end in missing.runs:
        for attempt in range(1, int(attempts) + 1):
            try:
                pull_period(c, tool, start, end)
                break
            except Exit as failure:
                failed = _("attempt {attempt} failed: {error}")
                print(
                    "views-nightly: " + failed.format(attempt=attempt, error=failure.message),
                    file=sys.stderr,
                )
                if attempt == int(attempts):
                    message = _("{start}..{end} was not pulled; the next night pulls it again")
                    raise Exit(
                        "views-nightly: " + message.format(start=start, end=end), code=1
                    ) from None
                time.sleep(wait * attempt)
    start = missing.runs[0][0]
    blob = git("hash-object", "-w", str(path)).stdout.strip()
    tree = subprocess.run(
        ["git", "mktree"],
        cwd=ROOT,
        input=f"100644 blob {blob}\t{VIEWS_FILE}\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    parents = ["-p", parent] if parent else []
    # Translators: the commit message on the branch that keeps the nightly counts.
    message = _("{tool} view counts up to {day}").format(tool=tool, day=yesterday)
    commit = git("commit-tree", tree, *parents, "-m", message).stdout.strip()
    pushed = git("push", "--quiet", remote, f"{commit}:refs/heads/{branch}", check=False)
    if pushed.returncode != 0:
        refused = _("{remote} refused {branch}: {error}").format(
            remote=remote, branch=branch, error=pushed.stderr.strip()
        )
        raise Exit("views-nightly: " + refused, code=1)
    saved = _("{start}..{end} saved on {branch}")
    print("views-nightly: " + saved.format(start=start, end=yesterday, branch=branch))


def print_import(name: str, call) -> None:
    """Run an import of plugins/migration and print its report; Exit on what stops it."""
    from migration import MigrationError  # noqa: PLC0415
    from migration.importing import RecordError  # noqa: PLC0415
    from migration.report import report_lines  # noqa: PLC0415
    from migration.system import problem_with  # noqa: PLC0415
    from view_counts.snapshot import SnapshotError  # noqa: PLC0415

    try:
        report = call()
    except (MigrationError, RecordError, SnapshotError) as error:
        raise Exit(f"{name}: {error}", code=1) from None
    except OSError as error:
        # Translators: {problem} is a file and why the system could not read or write it.
        message = _(
            "{problem}; every file written before it is whole, and the snapshot is as it "
            "was: fix this, then run the import again"
        ).format(problem=problem_with(error))
        raise Exit(f"{name}: {message}", code=1) from None
    except KeyboardInterrupt:
        message = _(
            "the import was interrupted (Ctrl+C); nothing half-written was left: every "
            "post and photo written is whole; run the same command again to continue"
        )
        raise Exit(f"{name}: {message}", code=130) from None
    print(f"{name}: " + "\n".join(report_lines(report)))
    if report.fatal:
        raise Exit(code=1)


@task(help={"folder": "the folder of pages saved from the old site (wget --mirror)"})
def import_old_site(c, folder):
    """Import the news posts among pages saved from the old site into content/ (safe to repeat)."""
    from migration import import_mirror  # noqa: PLC0415

    settings = read_settings(LOCAL_SETTINGS)
    today = now_in_wita(settings).date()
    print_import("import-old-site", lambda: import_mirror(Path(folder), settings, ROOT, today))


@task(
    help={
        "file": "the WordPress export (Tools → Export), an .xml file",
        "uploads": "its photos: the site's wp-content/uploads folder, or a mirror of the site",
    }
)
def import_wordpress(c, file, uploads=None):
    """Import the posts of a WordPress export into content/ (safe to repeat)."""
    from migration import import_export  # noqa: PLC0415

    settings = read_settings(LOCAL_SETTINGS)
    today = now_in_wita(settings).date()
    folder = Path(uploads) if uploads else None
    print_import(
        "import-wordpress", lambda: import_export(Path(file), folder, settings, ROOT, today)
    )


@task
def test(c):
    """Lint, format check and the whole test suite: what CI runs."""
    with c.cd(str(ROOT)):
        c.run(f'"{sys.executable}" -m ruff check .', pty=False)
        c.run(f'"{sys.executable}" -m ruff format --check .', pty=False)
        c.run(f'"{sys.executable}" -m pytest', pty=False)


@task
def translations(c):
    """Extract the messages into the Indonesian catalog and compile it (after changing a message)."""
    from babel.messages.catalog import Catalog  # noqa: PLC0415

    from translations import catalogs  # noqa: PLC0415

    template = catalogs.extract(ROOT)
    path = catalogs.po_path("id")
    if path.exists():
        catalog = catalogs.read("id")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale="id", project="kpu-ntt-site", creation_date=catalogs.CREATED)
    catalog = catalogs.updated(catalog, template)
    path.write_bytes(catalogs.po_bytes(catalog))
    path.with_suffix(".mo").write_bytes(catalogs.mo_bytes(catalog))
    missing = [message.id for message in catalog if message.id and not message.string]
    print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {len(missing)} untranslated")
