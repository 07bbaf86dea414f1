"""The metadata header of a Markdown post, read with the line of each field.

Pelican's Markdown reader (Python-Markdown's `meta` extension) drops line
numbers; `invoke check` needs them to say `path:line: what is wrong`. This
reader follows the same rules: `Key: value` lines from the top of the file,
indented lines continue a value, the header ends at the first blank line, and
an optional `---` line may open and close it.
"""

import re
from dataclasses import dataclass, field

from translations import _

KEY_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
MORE_LINE = re.compile(r"^[ ]{4,}(?P<value>.*)")
FENCE_OPEN = re.compile(r"^-{3}(\s.*)?$")
FENCE_CLOSE = re.compile(r"^(-{3}|\.{3})(\s.*)?$")


@dataclass(frozen=True)
class Field:
    name: str  # as the editor wrote it, e.g. "Title"
    value: str
    line: int


@dataclass
class Header:
    fields: dict[str, Field] = field(default_factory=dict)  # keyed by lower-case name
    body_line: int = 1  # the line the body starts on

    def get(self, name: str) -> Field | None:
        """The field, or None when it is missing or left empty (as Pelican treats it)."""
        found = self.fields.get(name.lower())
        return found if found and found.value else None


class HeaderError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def read_header(text: str) -> Header:
    lines = text.splitlines()
    header = Header()
    current: Field | None = None
    start = 0
    if lines and FENCE_OPEN.match(lines[0]):
        start = 1
    number = start
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or (start and FENCE_CLOSE.match(line)):
            header.body_line = number + 1
            break
        key = KEY_LINE.match(line)
        more = MORE_LINE.match(line)
        if key:
            name = key["key"]
            if name.lower() in header.fields:
                first = header.fields[name.lower()].line
                raise HeaderError(
                    number,
                    # Translators: {name} is a header field as written, e.g. Title.
                    _("'{name}' is given twice (first on line {first}); keep one").format(
                        name=name, first=first
                    ),
                )
            current = Field(name, key["value"].strip(), number)
            header.fields[name.lower()] = current
        elif more and current is not None:
            current = Field(current.name, f"{current.value} {more['value'].strip()}", current.line)
            header.fields[current.name.lower()] = current
        elif number == start + 1:
            # Text straight away: the file has no header at all.
            header.body_line = number
            break
        else:
            raise HeaderError(
                number,
                _(
                    "this line is neither 'Field: value' nor a continuation; "
                    "leave one blank line between the header and the text"
                ),
            )
    else:
        header.body_line = number + 1
    return header
