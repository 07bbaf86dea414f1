"""What the build makes of a post's markup, checked where text could be lost.

An opening the sanitizer reads on to its end (`<script>`, `<style>`, `<!--`,
`<?`, an attribute's quote...) takes the rest of the post with it when it is
never closed. For a body or summary with any markup, `check` builds it as the
reader does (reading.prepare), with a marker line after every paragraph, and
names the paragraph whose marker does not reach the page. The same HTML gives
every address the page links to: one that urlsplit cannot read would stop
verify-output, and a link's file name longer than a file name may be too.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from translations import _

from .output_check import links_of
from .reading import prepare

# Raw markup, an entity, a host that urlsplit may refuse (brackets, an entity,
# a letter outside ASCII), or a word that could be a file name too long: a post
# with none of them is as it reads, and is not built.
MARKUP = re.compile(r"<[A-Za-z!?/]|&[#A-Za-z]")
LONG_WORD = re.compile(r"(?<![^\s/])[^\s/]{64}")
ODD_HOST = re.compile(r"//[^\s/?#]*[\[\]&\u0080-\U0010ffff]")
# urlsplit removes these anywhere in a URL before it reads it.
URL_REMOVES = re.compile(r"[\t\r\n]")
# A word the build leaves alone and nothing else makes.
MARK = "9kpu{}mark"
# What can swallow the text after it, as `check` names it for the editor: an
# element read as raw text or dropped whole, a comment, `<?` or `<!`, a quote
# opened in a tag, a tag with no '>'.
OPENING = re.compile(
    r"<(?P<name>script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext"
    r"|template|svg|math|select|object)\b|<!--|<[?!]|(?P<quote><[A-Za-z][^<>]*?=\s*[\"'])"
    r"|<[A-Za-z][\w-]*",
    re.IGNORECASE,
)
NAME_MAX_BYTES = 255  # Linux's NAME_MAX, in bytes of UTF-8


@dataclass(frozen=True)
class Loss:
    line: int  # in the file
    message: str


def needs_building(text: str) -> bool:
    # The cheap tests first: `check` reads every post before every build.
    if ("<" in text or "&" in text) and MARKUP.search(text):
        return True
    if max(map(len, text.split()), default=0) >= 64 and LONG_WORD.search(text):
        return True
    if "/" not in text:
        return False
    joined = URL_REMOVES.sub("", text)
    return "//" in joined and bool(ODD_HOST.search(joined))


def paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) index of each run of lines between blank lines, as Markdown splits blocks."""
    found, start = [], None
    for index, line in enumerate([*lines, ""]):
        if line == "" and start is not None:
            found.append((start, index - 1))
            start = None
        elif line != "" and start is None:
            start = index
    return found


def opening_in(text: str) -> tuple[int, str] | None:
    """Where the opening in TEXT that swallows the rest is, and how it reads.

    The first element or comment not closed later in TEXT, else the first `<?`
    or `<!`, else the first quote never closed, else the first tag with no '>';
    else the last opening of all.
    """
    found = list(OPENING.finditer(text))

    def unclosed(match) -> bool:
        rest = text[match.end() :].lower()
        if match["name"]:
            return f"</{match['name'].lower()}" not in rest
        if match[0] == "<!--":
            return "-->" not in rest
        if match[0] in ("<?", "<!"):
            return True
        if match["quote"]:
            return match[0][-1] not in rest
        return ">" not in rest

    kinds = (
        lambda m: m["name"] or m[0] == "<!--",
        lambda m: m[0] in ("<?", "<!"),
        lambda m: m["quote"],
        lambda m: True,
    )
    chosen = next(
        (m for kind in kinds for m in found if kind(m) and unclosed(m)),
        found[-1] if found else None,
    )
    if chosen is None:
        return None
    shown = f"<{chosen['name'].lower()}>" if chosen["name"] else chosen[0]
    return chosen.start(), shown


def built_text(marked: str, settings) -> tuple[str, set[str]]:
    """The body's HTML as the reader makes it, and the words of its text."""
    content = prepare("\n" + marked, settings).content
    return content, set(BeautifulSoup(content, "html.parser").get_text().split())


def losses(body: str, settings, first_line: int = 1) -> list[Loss]:
    """Paragraphs whose end does not reach the page, and addresses it cannot link to.

    FIRST_LINE is the file's line of the body's first line: losses are on file lines.
    """
    if not needs_building(body):
        return []
    lines = body.split("\n")
    blocks = paragraphs(lines)
    marked = list(lines)
    for number, (_first, last) in reversed(list(enumerate(blocks))):
        marked.insert(last + 1, MARK.format(number))
    content, words = built_text("\n".join(marked), settings)
    found = []
    number = 0
    while number < len(blocks):
        if MARK.format(number) in words:
            number += 1
            continue
        first = number
        while number < len(blocks) and MARK.format(number) not in words:
            number += 1
        found.append(lost(lines, blocks, first, number - 1, first_line))
    return found + bad_links(content, lines, first_line)


def lost(lines, blocks, first: int, last: int, first_line: int) -> Loss:
    start, end = blocks[first][0], blocks[last][1]
    text = "\n".join(lines[start : blocks[first][1] + 1])
    opening = opening_in(text)
    if opening is None:
        return Loss(
            first_line + start,
            _(
                "the text from here up to line {last} does not reach the page: markup in it "
                "(a '<' that opens a tag, a quote left open) swallows it; close it, or write "
                "it in backticks to show it as text"
            ).format(last=first_line + end),
        )
    position, shown = opening
    index = start + text[:position].count("\n")
    values = {"opening": shown, "escaped": html.escape(shown), "last": first_line + end}
    if last == len(blocks) - 1:
        # Translators: {opening} is what the editor wrote, e.g. <script>; {escaped} is the
        # same as &lt;script&gt;, keep the backticks around `{opening}`.
        message = _(
            "'{opening}' here is never closed in its paragraph, so the build removes everything "
            "after it, to the end of the post; close it, or write it in backticks (`{opening}`) "
            "or as {escaped} to show it as text"
        )
    else:
        # Translators: {opening} is what the editor wrote, e.g. <script>; {escaped} is the
        # same as &lt;script&gt;, keep the backticks around `{opening}`.
        message = _(
            "'{opening}' here is never closed in its paragraph, so the build removes everything "
            "after it up to line {last}; close it, or write it in backticks (`{opening}`) "
            "or as {escaped} to show it as text"
        )
    return Loss(first_line + index, message.format(**values))


def summary_losses(values: list[str], settings) -> list[str]:
    """The same for the summary: one paragraph, whose end must reach the page."""
    text = "\n".join(values)
    if not needs_building(text):
        return []
    marked = "\n    ".join([*values, MARK.format(0)])
    summary = prepare(f"Summary: {marked}\n", settings).fields["summary"]
    problems = []
    if MARK.format(0) not in BeautifulSoup(summary, "html.parser").get_text().split():
        opening = (opening_in(text) or (0, "<"))[1]
        problems.append(
            # Translators: {opening} is what the editor wrote, e.g. <script>; {escaped} is the
            # same as &lt;script&gt;, keep the backticks around `{opening}`.
            _(
                "'{opening}' in the summary is never closed, so the build removes the rest of "
                "the summary; close it, or write it in backticks (`{opening}`) or as {escaped} "
                "to show it as text"
            ).format(opening=opening, escaped=html.escape(opening))
        )
    return problems + [loss.message for loss in bad_links(summary, values, 1)]


def bad_links(content: str, lines: list[str], first_line: int) -> list[Loss]:
    """Links of the page that urlsplit refuses, or whose file name is too long for a file."""
    found = []
    for link in dict.fromkeys(links_of(content)):
        shown = link if len(link) <= 80 else link[:80] + "…"
        try:
            parts = urlsplit(link)
        except ValueError as error:
            message = _(
                "the address '{url}' cannot be read as a web address ({why}), and would stop "
                "the site being published; write it whole, e.g. https://kpu.go.id/..."
            ).format(url=shown, why=error)
            found.append(Loss(first_line + line_with(lines, link), message))
            continue
        if parts.scheme or parts.netloc:
            continue
        longest = max(len(part.encode()) for part in unquote(parts.path).split("/"))
        if longest > NAME_MAX_BYTES:
            message = _(
                "the link '{url}' has a part of {count} bytes, longer than a file name may be "
                "({limit}), so no page of this site can be there; check the link"
            ).format(url=shown, count=longest, limit=NAME_MAX_BYTES)
            found.append(Loss(first_line + line_with(lines, link), message))
    return found


def line_with(lines: list[str], link: str) -> int:
    """The line a link is written on: its text, or its host, or else the first line."""
    host = link.split("//", 1)[-1][:12]
    for needle in (link, host):
        for index, line in enumerate(lines):
            if needle and needle in line:
                return index
    return 0
