"""`invoke views-pull`: fetch page views from the office's own Matomo or Plausible.

The token comes from the environment (MATOMO_TOKEN, PLAUSIBLE_TOKEN), never
from a file in the repository, and is sent in a POST body or header, never in
a URL that a log could keep. The answer is written to a file and imported
like any export, so the same checks and the same snapshot rules apply.
"""

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

from translations import _

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


def request(url: str, data: bytes, headers: dict) -> bytes:
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=data, headers=headers, method="POST"), timeout=TIMEOUT
        ) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        message = _("{url} answered {code} {reason}; check the token and site id")
        raise PullError(message.format(url=url, code=error.code, reason=error.reason)) from None
    except (urllib.error.URLError, TimeoutError) as error:
        message = _("cannot reach {url}: {reason}")
        raise PullError(message.format(url=url, reason=getattr(error, "reason", error))) from None


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
