"""A post's HTML as the Markdown the site's posts are written in, by markdownify.

Paragraphs, emphasis, lists, tables and links as an editor would type them;
photos and links go through callbacks that copy the photo or find the
imported post a link points at. What old editors left in the text goes:
empty paragraphs, runs of spaces, a space before a comma.
"""

import re
from collections.abc import Callable

from markdownify import MarkdownConverter

# A space before punctuation, as old posts often have it ("negosiasi , diplomasi").
SPACE_BEFORE = re.compile(r"(?<=\S)[ \t\xa0]+([,.;:!?])(?=\s|$)")
RUNS_OF_SPACES = re.compile(r"(?<=\S)[ \t\xa0]{2,}(?=\S)")


class PostMarkdown(MarkdownConverter):
    """markdownify, with photos and links handed to the import."""

    def __init__(
        self,
        photo: Callable[[str, str], str],
        link: Callable[[str], str | None],
        **options,
    ):
        super().__init__(
            heading_style="ATX",
            bullets="-",
            strong_em_symbol="*",
            escape_underscores=True,
            escape_asterisks=True,
            keep_inline_images_in=["td", "th", "a"],
            table_infer_header=True,
            **options,
        )
        self.photo, self.link = photo, link

    def convert_img(self, el, text, parent_tags):
        src = el.attrs.get("src") or ""
        srcset = el.attrs.get("srcset") or ""
        if srcset:
            # The largest of the sizes the old site offered.
            best = max(
                (part.split() for part in srcset.split(",") if part.strip()),
                key=lambda parts: int(re.sub(r"\D", "", parts[1]) or 0) if len(parts) > 1 else 0,
            )
            src = best[0] or src
        return self.photo(src, " ".join((el.attrs.get("alt") or "").split()))

    def convert_a(self, el, text, parent_tags):
        href = el.get("href") or ""
        target = self.link(href) if href else None
        if target is None:
            return text
        el["href"] = target
        el.attrs.pop("title", None)
        return super().convert_a(el, text, parent_tags)

    def convert_u(self, el, text, parent_tags):
        return text

    def convert_figcaption(self, el, text, parent_tags):
        # A photo's caption, in italics under it, as saved pages have it (pages.keep_captions).
        caption = " ".join(text.split())
        return f"\n\n*{caption}*\n\n" if caption else ""


def tidy(text: str) -> str:
    """Markdown as an editor types it: one blank line between blocks, no stray spaces."""
    lines = []
    for written in text.replace("\r", "").split("\n"):
        line = written.rstrip()
        if not line.strip("\xa0 "):
            lines.append("")
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = SPACE_BEFORE.sub(r"\1", RUNS_OF_SPACES.sub(" ", line[indent:]))
        lines.append(" " * indent + body.replace("\xa0", " "))
    tidied = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return tidied + "\n" if tidied else ""


def to_markdown(
    html: str, photo: Callable[[str, str], str], link: Callable[[str], str | None]
) -> str:
    return tidy(PostMarkdown(photo, link).convert(html))
