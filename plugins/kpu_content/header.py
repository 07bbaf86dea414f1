"""The metadata header of a Markdown post: one reader for `check` and the build.

Pelican reads a header with Python-Markdown's `meta` extension, which drops
line numbers. read_header() is that extension's algorithm on the lines
Markdown reads (its whitespace normalisation, then a split on "\\n" only: a
U+2028 or a form feed does not end a line), keeping the line of each field.
The site's reader (reading.py) takes its fields from here and gives Markdown
the body alone, so `check` and the build cannot read a header differently.

The rules: an optional `---` first line is skipped; `Key: value` lines follow,
a line indented four spaces continues a value; the header ends at a blank
line or a `---`/`...` line, or else at the first line that is neither, which
starts the body. What Markdown accepts but the site must not (a field given
twice, a stray line) is in `Header.problems` for `check` to report.
"""

import re
from dataclasses import dataclass, field

from translations import _

# Python-Markdown's own (markdown/extensions/meta.py); tests/test_header.py holds them equal.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# Markdown's util.STX and util.ETX, which it removes before reading a line.
STX, ETX = "\x02", "\x03"


@dataclass(frozen=True)
class Field:
    name: str  # as the editor wrote it, e.g. "Title"
    value: str  # its lines joined with spaces
    line: int
    lines: int = 1  # how many lines it is written on


@dataclass
class Header:
    fields: dict[str, Field] = field(default_factory=dict)  # keyed by lower-case name
    body_line: int = 1  # the line the body starts on
    # Markdown's Meta: each lower-case name's values, one per line written.
    meta: dict[str, list[str]] = field(default_factory=dict)
    body: str = ""  # the rest, as Markdown reads it
    problems: list["HeaderError"] = field(default_factory=list)

    def get(self, name: str) -> Field | None:
        """The field, or None when it is missing or left empty (as Pelican treats it)."""
        found = self.fields.get(name.lower())
        return found if found and found.value else None


class HeaderError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def markdown_lines(text: str, tab_length: int = 4) -> list[str]:
    """The lines Markdown reads: its NormalizeWhitespace preprocessor, split on "\\n"."""
    source = text.replace(STX, "").replace(ETX, "")
    source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    source = source.expandtabs(tab_length)
    source = re.sub(r"(?<=\n) +\n", "\n", source)
    return source.split("\n")


def read_header(text: str, tab_length: int = 4) -> Header:
    lines = markdown_lines(text, tab_length)
    header = Header()
    start = 1 if lines and BEGIN_RE.match(lines[0]) else 0
    index, current, last = start, None, None
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        key = META_RE.match(line)
        if line.strip() == "" or END_RE.match(line):
            break
        if key:
            name, last = key["key"], key["key"].lower()
            header.meta.setdefault(last, []).append(key["value"].strip())
            if name.lower() in header.fields:
                first = header.fields[name.lower()].line
                header.problems.append(
                    HeaderError(
                        number,
                        # Translators: {name} is a header field as written, e.g. Title.
                        _("'{name}' is given twice (first on line {first}); keep one").format(
                            name=name, first=first
                        ),
                    )
                )
                current = None
            else:
                current = Field(name, key["value"].strip(), number)
                header.fields[name.lower()] = current
            continue
        more = META_MORE_RE.match(line)
        if more and last:
            value = more["value"].strip()
            header.meta[last].append(value)
            if current is not None:
                joined = f"{current.value} {value}".strip()
                current = Field(current.name, joined, current.line, current.lines + 1)
                header.fields[current.name.lower()] = current
            continue
        # Markdown gives this line to the body: the header ends without a blank line.
        index -= 1
        if number > start + 1:
            header.problems.append(
                HeaderError(
                    number,
                    _(
                        "this line is neither 'Field: value' nor a continuation; "
                        "leave one blank line between the header and the text"
                    ),
                )
            )
        break
    header.body_line = index + 1
    # Without the two blank lines normalising added: Markdown adds them again.
    header.body = "\n".join(lines[index:-2])
    return header
