"""The old site's addresses, kept working: a redirect page at each, and an nginx map.

An article lists them in `Old_Urls:` (/index.php/blog/read/1234). A static
host gets a page at that path that sends the reader on (meta refresh, and a
canonical link for search engines; no script). nginx gets a map file and
answers with a 301 before any page is read (deploy/nginx/).
"""

import re
from html import escape
from pathlib import PurePosixPath

# A path on the old site: no host, no query, no "." or ".." segment, and only
# characters that are safe unquoted in a file name and in nginx's map syntax.
OLD_URL = re.compile(r"^(/[A-Za-z0-9_~%+-][A-Za-z0-9._~%+-]*)+/?$")


def old_url_list(value: str) -> list[str]:
    """'Old_Urls: /a, /b' as a list: the old site's addresses of this post."""
    return [part.strip() for part in value.split(",") if part.strip()]


def is_old_url(text: str) -> bool:
    return bool(OLD_URL.match(text)) and not any(part in (".", "..") for part in text.split("/"))


def redirect_file(old: str) -> PurePosixPath:
    """Where the redirect page for an old address goes, relative to the output folder."""
    if not is_old_url(old):
        raise ValueError(f"not an old site path: {old!r}")
    path = PurePosixPath(old.strip("/"))
    if path.suffix.lower() in (".html", ".htm"):
        return path
    return path / "index.html"


def redirect_page(target: str, title: str) -> str:
    """A page that sends the reader to target: meta refresh, canonical link, a plain link."""
    url, text = escape(target, quote=True), escape(title, quote=False)
    return (
        '<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}">\n<meta name="robots" content="noindex">\n'
        f"<title>Dipindahkan: {text}</title>\n</head>\n<body>\n"
        f'<p>Berita ini sekarang ada di <a href="{url}">{text}</a>.</p>\n</body>\n</html>\n'
    )


def nginx_map(redirects: dict[str, str]) -> str:
    """Lines for nginx's `map $uri $old_url_target { include ...; }`, sorted."""
    lines = []
    for old, target in sorted(redirects.items()):
        if not is_old_url(old) or '"' in target or "\n" in target:
            raise ValueError(f"cannot map {old!r} to {target!r}")
        lines.append(f'"{old}" "{target}";')
    return "\n".join(lines) + ("\n" if lines else "")
