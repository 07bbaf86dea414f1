"""The GitHub workflow is thin and frugal: every step a task that runs here too.

Read as text (no YAML library is a dependency): what is checked is what a
maintainer would check by eye.
"""

import re
import subprocess
import sys

from conftest import ROOT

WORKFLOW = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")


def jobs() -> dict[str, str]:
    body = WORKFLOW.split("\njobs:\n", 1)[1]
    names = re.findall(r"^  ([a-z-]+):\n", body, re.M)
    parts = re.split(r"^  [a-z-]+:\n", body, flags=re.M)[1:]
    return dict(zip(names, parts, strict=True))


def test_every_step_runs_a_task():
    commands = re.findall(r"^\s+run: (.+)$", WORKFLOW, re.M)
    assert len(commands) >= 8
    tasks = set()
    bootstrap = [command for command in commands if command.startswith("apt-get ")]
    # The one exception: the test job's Debian image has no git or Python before it.
    assert len(bootstrap) == 1 and "python3-venv" in bootstrap[0]
    assert bootstrap[0] in jobs()["test"]
    for command in [command for command in commands if command not in bootstrap]:
        assert command.startswith("python3 dev.py ") or command == "bash .ci/run", command
        if command.startswith("python3 dev.py "):
            tasks.add(command.split()[2])
    listed = subprocess.run(
        [sys.executable, "-m", "invoke", "--list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in tasks - {"changes", "due-posts"}:  # these two are dev.py's own
        assert re.search(rf"^\s+{re.escape(name)}\s", listed, re.M), name
    dev = (ROOT / "dev.py").read_text(encoding="utf-8")
    assert '"changes": changes, "due-posts": due_posts' in dev


def test_least_privilege_time_limits_and_caches():
    assert "\npermissions:\n  contents: read\n" in WORKFLOW
    found = jobs()
    assert set(found) == {"plan", "test", "content", "publish"}
    for name, job in found.items():
        assert "timeout-minutes:" in job, name
        assert ("contents: write" in job) == (name == "publish"), name
        assert "fetch-depth: 1" in job, name
    assert "github.event_name != 'pull_request'" in found["publish"]
    for name in ("content", "publish"):
        assert "cache: pip" in found[name], name
        assert "cache-dependency-path: requirements.lock" in found[name], name
    assert "path: ~/.cache/pip" in found["test"] and "container: debian:12" in found["test"]
    # Only the publish job queues: a quarter-hour with nothing due displaces no push's publish.
    assert WORKFLOW.count("concurrency:") == 1 and "concurrency:" in found["publish"]
    assert found["publish"].count("restore-keys: site-") == 1
    assert "fetch-depth: 0" not in WORKFLOW


def test_schedules_for_posts_and_view_counts():
    assert 'cron: "*/15 * * * *"' in WORKFLOW and 'cron: "0 18 * * *"' in WORKFLOW
    plan = jobs()["plan"]
    # The quarter-hourly check installs nothing.
    assert "setup-python" not in plan and "dev.py due-posts" in plan
    assert "needs.plan.outputs.due == 'true'" in jobs()["publish"]
