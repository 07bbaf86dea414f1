"""A Content-Security-Policy that lets no script run but the site's own.

Every page carries its script and style inline (the share row, the search
page, the stylesheet), so the policy names each by its SHA-256: a script an
editor or an attacker got into a page has another hash and does not run, and
neither does anything from another host. Each page carries the policy of its
own inline code as a <meta> tag, written as the page is finished; nginx's
header (deploy/nginx/) carries the policy of every page's, which the browser
applies together with the page's own.
"""

import base64
import hashlib
import re

from translations import _

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
INLINE_STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.DOTALL)
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def digest(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def inline_hashes(html: str) -> tuple[set[str], set[str]]:
    """The hashes of a page's inline scripts (not data blocks like JSON-LD) and styles."""
    scripts = {
        digest(found["body"])
        for found in INLINE_SCRIPT.finditer(html)
        if "src=" not in found["attributes"] and "application/ld+json" not in found["attributes"]
    }
    styles = {digest(found["body"]) for found in INLINE_STYLE.finditer(html)}
    return scripts, styles


def policy(scripts: set[str], styles: set[str], search_engine: str, wasm: bool = False) -> str:
    """Scripts from the site's own origin and inline ones by hash; styles inline by hash only.

    WASM allows WebAssembly (Pagefind's index); SEARCH_ENGINE, the one other
    host a form may send to ("" for none).
    """
    return "; ".join(
        [
            "default-src 'none'",
            " ".join(
                ["script-src 'self'", *sorted(scripts), *(["'wasm-unsafe-eval'"] if wasm else [])]
            ),
            " ".join(["style-src", *sorted(styles)]) if styles else "style-src 'none'",
            "img-src 'self' data:",
            "connect-src 'self'",
            # The search page's form without JavaScript asks a search engine.
            " ".join(["form-action 'self'", *([search_engine] if search_engine else [])]),
            "base-uri 'none'",
        ]
    )


def with_policy(html: str, site_policy: str) -> str:
    """The page with the policy as its first tag after <meta charset>."""
    tag = META.format(policy=site_policy)
    found = CHARSET.search(html)
    if found is None:
        raise ValueError(_("the page has no <meta charset=utf-8> to put the policy after"))
    return html[: found.end()] + tag + html[found.end() :]
