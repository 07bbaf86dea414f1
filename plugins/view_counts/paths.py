"""One canonical form for the paths analytics tools write, to match them to articles.

Host and scheme go, query and fragment go, percent-encoding and nginx's
`\\xHH` escapes are decoded, `index.html`/`index.php` and a trailing `/amp/`
are folded, and a page address ends in "/" as the site's do. Case is kept:
`/Berita/X/` was a 404 for the reader, not a view of `/berita/x/`.
"""

import re
from urllib.parse import unquote_to_bytes, urlsplit

NGINX_ESCAPE = re.compile(rb"\\x([0-9A-Fa-f]{2})")
INDEX_FILES = ("index.html", "index.htm", "index.php")
# Not pages: assets and feeds, by the ending of the last path segment.
NOT_PAGES = re.compile(
    r"\.(?:css|js|mjs|map|json|xml|txt|ico|png|jpe?g|gif|webp|avif|svg|woff2?|ttf|eot|pdf|zip|gz|br|"
    r"mp4|mp3|webmanifest|pac)$",
    re.IGNORECASE,
)


def decode(raw: str) -> str:
    """Percent-encoding and \\xHH escapes, as UTF-8 (bad bytes become U+FFFD)."""
    data = NGINX_ESCAPE.sub(
        lambda m: bytes([int(m.group(1), 16)]), raw.encode("utf-8", "surrogateescape")
    )
    return unquote_to_bytes(data).decode("utf-8", "replace")


def normalise(raw: str) -> str | None:
    """The canonical path, or None when RAW is not the address of a page."""
    text = raw.strip()
    if not text:
        return None
    if "://" in text or text.startswith("//"):
        text = urlsplit(text if "://" in text else "http:" + text).path or "/"
    elif not text.startswith("/"):
        # "host/path" (Matomo with hosts), or not a path at all (GoatCounter events).
        head, _, rest = text.partition("/")
        if "." not in head or not rest:
            return None
        text = "/" + rest
    text = text.split("#", 1)[0].split("?", 1)[0]
    path = decode(text)
    if NOT_PAGES.search(path):
        return None
    for index in INDEX_FILES:
        if path.endswith("/" + index):
            path = path[: -len(index)]
    if path.endswith("/amp/") or path.endswith("/amp"):
        path = path[: path.rindex("/amp")] + "/"
    path = re.sub(r"/{2,}", "/", path)
    if not path.endswith("/") and not path.endswith(".html"):
        path += "/"
    return path
