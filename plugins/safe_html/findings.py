"""What clean() will remove from a post, found in its Markdown with line numbers.

`invoke check` reports these: an unknown embed is an error (the post would
lose it silently); scripts, styles, SVG, MathML and templates (removed with
their text), event handlers and script URLs are warnings, since the build
removes them and the post is safe either way. What Markdown shows as code
(backticks, fenced and indented blocks) is text, and is left alone.
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
# Removed whole by the sanitizer, the text inside them too.
DROPPED = re.compile(r"<(svg|math|template)\b", re.IGNORECASE)
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


FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
# A code span: a run of backticks up to the next run as long, within a paragraph.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)


def without_code(text: str) -> str:
    """TEXT with what Markdown shows as code blanked out, line for line: the build
    shows code as written, and removes nothing from it."""
    lines, kept = text.split("\n"), []
    fence, indented, blank, in_list = None, False, True, False
    for line in lines:
        if fence:
            kept.append("")
            closing = FENCE.match(line)
            if closing and closing[1][0] == fence[0] and len(closing[1]) >= len(fence):
                fence = None
            continue
        opening = FENCE.match(line)
        if opening:
            fence = opening[1]
            kept.append("")
            continue
        is_blank = not line.strip()
        # Four spaces after a blank line make code, but in a list they go on the item.
        indented = line.startswith(("    ", "\t")) and (blank or indented) and not in_list
        if indented and not is_blank:
            kept.append("")
            continue
        if not is_blank and not line.startswith((" ", "\t")):
            in_list = bool(LIST_ITEM.match(line))
        elif not is_blank and LIST_ITEM.match(line):
            in_list = True
        blank = is_blank
        kept.append(line)
    return CODE_SPAN.sub(lambda span: re.sub(r"[^\n]", " ", span[0]), "\n".join(kept))


@dataclass(frozen=True)
class Finding:
    line: int  # 0-based, in the text given
    message: str
    error: bool


def findings(text: str) -> list[Finding]:
    found = []
    # Lines as Markdown has them: "\n" ends a line, U+2028 and the like do not.
    for number, line in enumerate(without_code(text).split("\n")):
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
        for dropped in DROPPED.finditer(line):
            found.append(
                Finding(
                    number,
                    # Translators: {tag} is svg, math or template.
                    _(
                        "an <{tag}> is removed from the post when it is built, with everything in "
                        "it, its text too; write that text outside it"
                    ).format(tag=dropped[1].lower()),
                    False,
                )
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
