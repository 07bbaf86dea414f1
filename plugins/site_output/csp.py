"""A Content-Security-Policy that lets no script run but the site's own.

Every page carries its script and style inline (the share row, the search
page, the stylesheet), so the policy names each by its SHA-256: a script an
editor or an attacker got into a page has another hash and does not run, and
neither does anything from another host. The hashes are those of the
elements the page really has, as a browser parses it (lexbor, through
selectolax): text that only looks like a tag, in a title or an alt text,
is no element and adds or removes no hash. Of those, only the theme's own
code is allowed (site_output's add_own_code). Each page carries the policy of
its own inline code as a <meta> tag, written as the page is finished;
nginx's header (deploy/nginx/) carries the policy of every page's, which
the browser applies together with the page's own.
"""

import base64
import hashlib
import re

from selectolax.lexbor import LexborHTMLParser

from translations import _

# The script types a browser runs (HTML, "prepare the script element"): its
# JavaScript MIME types, modules, import maps and speculation rules. A script
# of any other type, such as JSON-LD's application/ld+json, is a data block.
RUN_TYPES = {
    "",
    "module",
    "importmap",
    "speculationrules",
    *(
        f"{kind}/{name}"
        for kind in ("application", "text")
        for name in ("ecmascript", "javascript", "x-ecmascript", "x-javascript")
    ),
    *(f"text/{name}" for name in ("jscript", "livescript")),
    *(f"text/javascript1.{minor}" for minor in range(6)),
}
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def digest(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def is_code(attributes) -> bool:
    """Whether a <script> with these attributes runs its own text (no src, no data block)."""
    if "src" in attributes:
        return False
    kind = attributes.get("type")
    if "type" not in attributes and attributes.get("language"):
        kind = "text/" + attributes["language"]
    # ASCII whitespace and case only, as the browser compares them.
    return (kind or "").strip(" \t\n\f\r").translate(ASCII_LOWER) in RUN_TYPES


def inline_code(html: str) -> tuple[list[str], list[str]]:
    """The text of each inline script (not data blocks like JSON-LD) and style of a page.

    Found as a browser finds them: every <script> and <style> element of the
    parsed page, SVG's included, each element's own text.
    """
    page = LexborHTMLParser(html)
    scripts = [node.text(deep=False) for node in page.tags("script") if is_code(node.attributes)]
    return scripts, [node.text(deep=False) for node in page.tags("style")]


def inline_hashes(html: str) -> tuple[set[str], set[str]]:
    """The hashes of a page's inline scripts and styles (inline_code)."""
    scripts, styles = inline_code(html)
    return {digest(text) for text in scripts}, {digest(text) for text in styles}


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
