"""The built site checked before it is published, in seconds: what the browser suite would take minutes for.

check_output(folder, site) reads every page once and returns one line per
problem, `path: what is wrong`:

- a page that is not UTF-8, has no <title> or is cut short (no </html>);
- a page over the budget: 14,000 bytes gzip -9, what TCP's first window
  carries on a 2G link;
- a link, image or script of the site (an address under SITE, or starting
  with "/") whose file is not in the folder.

The web editor's folder is left out: it is not a reader's page.
"""

import gzip
import html
import re
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from translations import _

BUDGET = 14_000
SKIP = ("admin",)
# A <title> is text up to the first "</title" (RCDATA): the minifier leaves a
# '<' in it as written, so "Suara 1 < 2 dan <3" is a title.
TITLE = re.compile(r"<title\b[^>]*>(.*?)</title[\s/>]", re.IGNORECASE | re.DOTALL)
# href, src and srcset values, quoted or not (minified pages drop quotes).
LINK = re.compile(r"""\s(href|src|srcset)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# At most a few bytes of gzip's header and blocks over the page itself.
GZIP_OVERHEAD = 64


def links_of(page: str) -> list[str]:
    found = []
    for name, *values in LINK.findall(page):
        value = html.unescape(next((v for v in values if v), ""))
        if name.lower() == "srcset":
            found += [part.split()[0] for part in value.split(",") if part.strip()]
        elif value:
            found.append(value)
    return found


def has_title(page: str) -> bool:
    """Whether the page has a <title> with text (its entities read) that is not all spaces."""
    title = TITLE.search(page)
    return bool(title and html.unescape(title[1]).strip())


def target_of(folder: Path, link: str, site: str) -> Path | None:
    """The file a link of the site points at, or None for a link elsewhere."""
    if site and link.startswith(site):
        link = link[len(site) :] or "/"
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    path = folder / unquote(parts.path).lstrip("/")
    return path / "index.html" if parts.path.endswith("/") else path


def read_page(page: Path, folder: Path, budget: int) -> tuple[str, list[str], list[str]]:
    """(its name, its problems, its links): what one page says by itself."""
    name = page.relative_to(folder).as_posix()
    data = page.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        # Translators: {byte} counts from 0, as Python does.
        problem = _("not UTF-8 (byte {byte})").format(byte=error.start)
        return name, [f"{name}: {problem}"], []
    problems = []
    if "</html>" not in text[-200:] or not has_title(text):
        problems.append(f"{name}: " + _("the page is cut short or has no <title>"))
    if len(data) > budget - GZIP_OVERHEAD:
        size = len(gzip.compress(data, 9))
        if size > budget:
            problem = _("{size} bytes after gzip -9, over {budget}").format(
                size=size, budget=budget
            )
            problems.append(f"{name}: {problem}")
    return name, problems, links_of(text)


def check_output(folder: Path, site: str, budget: int = BUDGET, workers=None) -> list[str]:
    pages = sorted(
        path for path in folder.rglob("*.html") if path.relative_to(folder).parts[0] not in SKIP
    )
    read = partial(read_page, folder=folder, budget=budget)
    problems, found = [], {}
    with ProcessPoolExecutor(workers) as pool:
        for name, own, links in pool.map(read, pages, chunksize=64):
            problems += own
            for link in dict.fromkeys(links):
                target = target_of(folder, link, site)
                if target is None:
                    continue
                if target not in found:
                    found[target] = target.exists()
                if not found[target]:
                    problem = _("the link to {link} finds no file").format(link=link)
                    problems.append(f"{name}: {problem}")
    return problems
