"""When the site must be published: a push's kind of change, and posts that have come due.

Standard library only: dev.py runs it before anything is installed, so that
the workflow's quarter-hourly check costs a checkout and a few file reads
(dev.py loads this file by its path, not through the kpu_content package).

- change_kind(paths): "content" when every changed file is under content/ or
  data/ (a post, a photo, the view counts), else "code".
- due_posts(content, built, now): the posts dated after the last published
  build and no later than now, which that build held back as future posts.
  The build's start time travels in its gh-pages commit message as a
  "Dibangun:" line (built_at()).
"""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

WITA = ZoneInfo("Asia/Makassar")
CONTENT_FOLDERS = ("content/", "data/")
HEADER_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
BUILT = "Dibangun: "


def change_kind(paths: list[str]) -> str:
    changed = [path for path in paths if path.strip()]
    if changed and all(path.startswith(CONTENT_FOLDERS) for path in changed):
        return "content"
    return "code"


def header_of(path: Path) -> dict[str, str]:
    """The post's header fields, lower-cased, up to its first blank line."""
    fields = {}
    # A file `check` would refuse (not UTF-8) must not stop the quarter-hourly run.
    for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines():
        if not line.strip():
            break
        found = HEADER_LINE.match(line)
        if found:
            fields[found["key"].lower()] = found["value"].strip()
    return fields


def post_date(fields: dict[str, str]) -> datetime | None:
    """The post's date in WITA, as `check` requires it written (2024-01-23 09:00)."""
    try:
        written = datetime.fromisoformat(fields.get("date", ""))
    except ValueError:
        return None
    return written if written.tzinfo else written.replace(tzinfo=WITA)


def due_posts(content: Path, built: datetime | None, now: datetime) -> list[Path]:
    """Posts (not drafts) dated after BUILT and no later than NOW; with no BUILT, every one."""
    due = []
    for path in sorted((content / "berita").rglob("*.md")):
        fields = header_of(path)
        date = post_date(fields)
        if date is None or fields.get("status", "").lower() == "draft":
            continue
        if date <= now and (built is None or date > built):
            due.append(path)
    return due


def built_at(message: str) -> datetime | None:
    """The build time a gh-pages commit message carries, or None."""
    for line in message.splitlines():
        if line.startswith(BUILT):
            try:
                return datetime.fromisoformat(line.removeprefix(BUILT).strip())
            except ValueError:
                return None
    return None
