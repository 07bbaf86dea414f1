"""What clean() will remove from a post, found in its Markdown with line numbers.

`invoke check` reports these: an unknown embed is an error (the post would
lose it silently); scripts, event handlers and script URLs are warnings,
since the build removes them and the post is safe either way.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from translations import _

from .embeds import card_for

EMBED = re.compile(r"<(iframe|embed|object)\b[^>]*>", re.IGNORECASE)
ADDRESS = re.compile(r"""\b(?:src|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
STYLE = re.compile(r"<style\b", re.IGNORECASE)
HANDLER = re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.IGNORECASE)
# javascript:, vbscript: and data: in a Markdown link or an HTML attribute,
# however it is cased or spaced ("java\tscript:" works in some browsers).
SCRIPT_URL = re.compile(
    r"""(?:\]\(|=\s*["']?)\s*((?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t|data)\s*:""",
    re.IGNORECASE,
)


def host_of(url: str) -> str | None:
    try:
        return urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # 'http://[x': no host that can be read
        return None


@dataclass(frozen=True)
class Finding:
    line: int  # 0-based, in the text given
    message: str
    error: bool


def findings(text: str) -> list[Finding]:
    found = []
    # Lines as Markdown has them: "\n" ends a line, U+2028 and the like do not.
    for number, line in enumerate(text.split("\n")):
        for embed in EMBED.finditer(line):
            address = ADDRESS.search(embed[0])
            url = next((g for g in address.groups() if g is not None), "") if address else ""
            if card_for(url) is None:
                host = host_of(url) or url or "?"
                # Translators: {tag} is iframe, embed or object; keep [Judul]({url}) as it is,
                # it is the Markdown link the editor writes.
                message = _(
                    "an <{tag}> from '{host}' is not an embed the site knows (YouTube, Scribd, "
                    "Facebook video, Google Drive or Instagram); write a link to it instead: "
                    "[Judul]({url})"
                ).format(tag=embed[1].lower(), host=host, url=url or "https://...")
                found.append(Finding(number, message, True))
        if SCRIPT.search(line):
            found.append(
                Finding(number, _("a <script> is removed from the post when it is built"), False)
            )
        if STYLE.search(line):
            found.append(
                Finding(number, _("a <style> is removed from the post when it is built"), False)
            )
        for handler in HANDLER.finditer(line):
            found.append(
                Finding(
                    number,
                    _("the event handler '{name}=' is removed when the post is built").format(
                        name=handler[1]
                    ),
                    False,
                )
            )
        for url in SCRIPT_URL.finditer(line):
            scheme = re.sub(r"\s", "", url[1]).lower()
            found.append(
                Finding(
                    number,
                    _("a '{scheme}:' link is removed when the post is built").format(scheme=scheme),
                    False,
                )
            )
    return found
