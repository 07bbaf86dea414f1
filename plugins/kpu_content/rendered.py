"""What the build makes of a post's markup, checked where text could be lost.

An opening the sanitizer reads on to its end (`<script>`, `<style>`, `<!--`,
`<?`, an attribute's quote...) takes the rest of the post with it when it is
never closed. For a body or summary with any markup, `check` builds it as the
reader does (reading.prepare), with a marker line after every paragraph, and
names the paragraph whose marker does not reach the page. The same HTML gives
every address the page links to: one that urlsplit cannot read would stop
verify-output, and a link's file name longer than a file name may be too.
A line Markdown reads as a definition (a link reference, an abbreviation, an
attribute list) is built once more without it: if the page is the same, the
line would vanish, and `check` names it.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from safe_html.findings import without_code
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
# What may make a link that Pelican replaces ({filename}..., |tag|...) or that
# verify-output follows (an address from the site's root): a post with none
# has no link to check, and is not built for it.
LINKISH = re.compile(r"[{|]\w*[|}]|\]\(\s*<?/|\]:\s*<?/|=\s*[\"']?/")


# Lines that Markdown and its "extra" extensions read as definitions, not text:
# a link reference ("[Sumber]: https://..."), an abbreviation ("*[KPU]: ..."),
# an attribute list at the end of a paragraph ("{: .penting }"). Each leaves
# the page, and shows only where the text uses it.
REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\[\]^][^\[\]]*|)\]:[ \t]*(?P<url>\S*)")
ABBREVIATION = re.compile(r"^ {0,3}\*\[(?P<term>[^\]]*)\][ ]{0,3}:")
ATTRIBUTE_LIST = re.compile(r"^[ \t]*\{:?[ \t]*(?P<list>[^\}\n ][^\}\n]*?)[ \t]*\}[ \t]*$")
# Each is built once more without it: a post has a few at most, but a long one may have many.
MAX_DEFINITIONS = 20


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
    """Paragraphs whose end does not reach the page, lines read as definitions that
    nothing uses, and addresses the page cannot link to.

    FIRST_LINE is the file's line of the body's first line: losses are on file lines.
    """
    unused = unused_definitions(body, settings, first_line)
    if not needs_building(body):
        return unused
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
    return unused + found + bad_links(content, lines, first_line)


def definitions(text: str) -> list[tuple[int, str, re.Match]]:
    """(line index, kind, match) of each line of TEXT shaped as a definition, outside code."""
    if "]" not in text and "{" not in text:
        return []
    lines = without_code(text).split("\n")
    found = []
    for index, line in enumerate(lines):
        if "]" in line:
            for kind, shape in (("reference", REFERENCE), ("abbreviation", ABBREVIATION)):
                if match := shape.match(line):
                    found.append((index, kind, match))
        # Only the last line of a paragraph of several gives its attributes to it.
        elif (
            "{" in line
            and index
            and lines[index - 1].strip()
            and (index + 1 == len(lines) or not lines[index + 1].strip())
            and (match := ATTRIBUTE_LIST.match(line))
        ):
            found.append((index, "attributes", match))
    return found


def unused_definitions(text: str, settings, first_line: int, summary: bool = False) -> list[Loss]:
    """Lines read as a definition that nothing on the page comes of.

    A reference nothing links with, an abbreviation the text never writes, an
    attribute list of attributes the sanitizer removes: Markdown drops the
    line (in a summary, the summary with it), and nothing says so. A line is
    lost when the page is the same without it (a blank line in its place).
    """
    found = definitions(text)[:MAX_DEFINITIONS]
    if not found:
        return []
    lines, problems = text.split("\n"), []
    page = built(text, settings, summary)
    for index, kind, match in found:
        if built("\n".join([*lines[:index], "", *lines[index + 1 :]]), settings, summary) != page:
            continue  # it shows, as text or where it is used
        values = {"line": shortened_line(lines[index])}
        if kind == "reference":
            values["label"] = match["label"]
            message = _(
                "'{line}' reads as a link definition, which shows only where the text "
                "writes [{label}], and nothing does: the line does not reach the page; write "
                "a link, [{label}](address), or put a backslash before the '[' to show it as "
                "written"
            )
        elif kind == "abbreviation":
            values["term"] = match["term"]
            message = _(
                "'{line}' reads as the meaning of the abbreviation {term}, which shows only "
                "where the text writes {term}, and it does not: the line does not reach the "
                "page; delete it, or put a backslash before the '[' to show it as written"
            )
        else:
            message = _(
                "'{line}' at the end of a paragraph reads as attributes for it, which the site "
                "removes: the line does not reach the page; delete it, or leave a blank line "
                "before it to show it as text"
            )
        problems.append(Loss(first_line + (0 if summary else index), message.format(**values)))
    return problems


def built(text: str, settings, summary: bool = False) -> str:
    """The HTML the reader makes of TEXT, as a body or as the summary."""
    if not summary:
        return prepare("\n" + text, settings).content
    marked = "\n    ".join(text.split("\n"))
    return prepare(f"Summary: {marked}\n", settings).fields.get("summary", "")


def shortened_line(line: str) -> str:
    line = line.strip()
    return line if len(line) <= 60 else line[:50] + "…"


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
    unused = [loss.message for loss in unused_definitions(text, settings, 1, summary=True)]
    if not needs_building(text):
        return unused
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
    return unused + problems + [loss.message for loss in bad_links(summary, values, 1)]


def page_links(text: str, settings, site: str = "", summary: bool = False) -> list[str]:
    """The addresses (href, src, srcset) of the HTML the reader makes of TEXT, a body
    or a summary, as written: before Pelican replaces {filename} and the like.

    Built only when TEXT may hold one that needs checking (LINKISH, or SITE).
    """
    if not LINKISH.search(text) and not (site and site in text):
        return []
    return list(dict.fromkeys(links_of(built(text, settings, summary))))


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
