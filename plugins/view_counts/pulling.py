"""`invoke views-pull`: fetch page views from the office's own Matomo or Plausible.

The token comes from the environment (MATOMO_TOKEN, PLAUSIBLE_TOKEN), never
from a file in the repository, and is sent in a POST body or header, never in
a URL that a log could keep. The answer is written to a file and imported
like any export, so the same checks and the same snapshot rules apply.
"""

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.client import HTTPException
from pathlib import Path

from translations import _

from . import snapshot as snapshots

TIMEOUT = 60


class PullError(Exception):
    pass


def setting(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        # Translators: 'View counts' is the README's section, whose title stays in English.
        message = _("set {name} in the environment (see the README, 'View counts')")
        raise PullError(message.format(name=name))
    return value


TRIES = 4  # one, and three more after 2, 4 and 8 seconds
BUSY = {429, 500, 502, 503, 504}  # worth another try: the server is busy or restarting
LONGEST_WAIT = 60.0


def first_wait() -> float:
    """Seconds before the first retry, doubled for each next; KPU_RETRY_SECONDS sets it."""
    return float(os.environ.get("KPU_RETRY_SECONDS", "2"))


def asked_wait(error: urllib.error.HTTPError) -> float:
    """The seconds a 429 or 503 asks for in Retry-After (a number; a date is not waited for)."""
    value = (error.headers.get("Retry-After") or "").strip() if error.headers else ""
    return float(value) if value.isdigit() else 0.0


def request(url: str, data: bytes, headers: dict, tries: int = TRIES) -> bytes:
    """POST DATA to URL; a connection error, a timeout, a 429 or a 5xx is tried again."""
    for attempt in range(1, tries + 1):
        wait = first_wait() * 2 ** (attempt - 1)
        try:
            with urllib.request.urlopen(
                urllib.request.Request(url, data=data, headers=headers, method="POST"),
                timeout=TIMEOUT,
            ) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code not in BUSY:
                message = _("{url} answered {code} {reason}; check the token and site id")
                raise PullError(
                    message.format(url=url, code=error.code, reason=error.reason)
                ) from None
            if attempt == tries:
                message = _(
                    "{url} answered {code} {reason} {tries} times: the server is busy or down"
                )
                raise PullError(
                    message.format(url=url, code=error.code, reason=error.reason, tries=tries)
                ) from None
            wait = max(wait, asked_wait(error))
        except (urllib.error.URLError, TimeoutError, ConnectionError, HTTPException) as error:
            if attempt == tries:
                message = _("cannot reach {url} ({tries} tries): {reason}")
                reason = getattr(error, "reason", None) or error
                raise PullError(message.format(url=url, tries=tries, reason=reason)) from None
        time.sleep(min(wait, LONGEST_WAIT))
    raise AssertionError("unreachable")


def pull_matomo(start: date, end: date, folder: Path) -> Path:
    """Actions.getPageUrls, flat, every row, UTF-8 CSV: the same file the export dialog gives."""
    base = setting("MATOMO_URL").rstrip("/")
    query = {
        "module": "API",
        "method": "Actions.getPageUrls",
        "idSite": setting("MATOMO_SITE_ID"),
        "period": "range",
        "date": f"{start},{end}",
        "format": "CSV",
        "flat": "1",
        "filter_limit": "-1",
        "convertToUnicode": "0",
    }
    body = urllib.parse.urlencode({"token_auth": setting("MATOMO_TOKEN")}).encode()
    data = request(f"{base}/index.php?{urllib.parse.urlencode(query)}", body, {})
    if data.lstrip().startswith(b"<") or b"<result>" in data[:200] or data.startswith(b"{"):
        message = _("Matomo did not send a CSV report: {answer}")
        raise PullError(message.format(answer=data[:200].decode("utf-8", "replace")))
    target = folder / f"matomo-{start}-{end}.csv"
    target.write_bytes(data)
    return target


def pull_plausible(start: date, end: date, folder: Path) -> Path:
    """Stats API v2: pageviews by page; written as Plausible's pages.csv."""
    base = setting("PLAUSIBLE_URL").rstrip("/")
    query = {
        "site_id": setting("PLAUSIBLE_SITE_ID"),
        "metrics": ["pageviews"],
        "date_range": [start.isoformat(), end.isoformat()],
        "dimensions": ["event:page"],
        "pagination": {"limit": 10000, "offset": 0},
    }
    headers = {
        "Authorization": f"Bearer {setting('PLAUSIBLE_TOKEN')}",
        "Content-Type": "application/json",
    }
    answer = json.loads(request(f"{base}/api/v2/query", json.dumps(query).encode(), headers))
    lines = ["name,pageviews"]
    for row in answer.get("results", []):
        page = row["dimensions"][0].replace('"', '""')
        lines.append(f'"{page}",{int(row["metrics"][0])}')
    target = folder / f"plausible-{start}-{end}.csv"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


TOOLS = {"matomo": pull_matomo, "plausible": pull_plausible}
NEEDS = {
    "matomo": ("MATOMO_URL", "MATOMO_SITE_ID", "MATOMO_TOKEN"),
    "plausible": ("PLAUSIBLE_URL", "PLAUSIBLE_SITE_ID", "PLAUSIBLE_TOKEN"),
}


def check_settings(tool: str) -> None:
    """PullError naming the first variable TOOL needs that is not set: said once, not a day."""
    for name in NEEDS[tool]:
        setting(name)


@dataclass
class Missing:
    """The days a pull should fetch: runs of days not counted yet, oldest first, and the
    older ones left to a maintainer (beyond the catch-up bound)."""

    runs: list[tuple[date, date]] = field(default_factory=list)
    left_out: tuple[date, date] | None = None


def days_to_pull(snapshot: dict, source: str, yesterday: date, most_days: int) -> Missing:
    """The days up to YESTERDAY that SOURCE has not counted, within the last MOST_DAYS.

    From the day after the old site's baseline, or after SOURCE's first import if
    it began later (days before a tool was counting are not its to fill), or
    yesterday alone for a tool with neither. Days between imports that a failed
    night left out are runs of their own: a night never lost is one filled later.
    """
    held = [entry for entry in snapshot["imports"] if entry["source"] == source]
    starts = [date.fromisoformat(entry["start"]) for entry in held]
    if snapshot.get("baseline_date"):
        first = date.fromisoformat(snapshot["baseline_date"]) + timedelta(days=1)
        first = max([first, min(starts)]) if starts else first
    else:
        first = min(starts) if starts else yesterday
    earliest = yesterday - timedelta(days=most_days - 1)
    missing = Missing()
    if first < earliest:
        missing.left_out = (first, earliest - timedelta(days=1))
        first = earliest
    day = first
    while day <= yesterday:
        if not any(snapshots.overlaps(entry, day, day) for entry in held):
            if missing.runs and missing.runs[-1][1] == day - timedelta(days=1):
                missing.runs[-1] = (missing.runs[-1][0], day)
            else:
                missing.runs.append((day, day))
        day += timedelta(days=1)
    return missing
