"""An imported post's file: the header fields the site's posts have, and its body.

The fields are those of `python3 dev.py new-post`, in its order, with
`Old_Urls:` for the addresses the old site had and `Status: draft` when an
editor must look first.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

CATEGORIES = (
    ("Pengumuman", re.compile(r"pengumuman|announcement", re.IGNORECASE)),
    ("Siaran Pers", re.compile(r"siaran\s+pers|rilis|press", re.IGNORECASE)),
)
DEFAULT_CATEGORY = "Berita"
# Where a sentence does not end: "Kab. Sikka", "No. 3", "Drs. Yosafat".
ABBREVIATIONS = {"kab", "kec", "kel", "no", "dr", "drs", "ir", "h", "hj", "st", "prof", "jl", "sdr"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")


def category_of(section: str | None, categories: list[str]) -> str:
    """The site's category for the old site's section; Berita where it cannot tell."""
    for category, pattern in CATEGORIES:
        if section and pattern.search(section) and category in categories:
            return category
    return DEFAULT_CATEGORY if DEFAULT_CATEGORY in categories else categories[0]


def plain_paragraphs(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = [" ".join(p.get_text(" ").split()) for p in soup.find_all(["p", "li"])]
    if not found:
        found = [" ".join(soup.get_text(" ").split())]
    return [text for text in found if text]


def sentences(text: str) -> list[str]:
    pieces, current = [], ""
    for part in SENTENCE_END.split(text):
        current = f"{current} {part}".strip() if current else part
        last = current.rstrip(".!?").rsplit(" ", 1)[-1].lower()
        if last in ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
            continue
        pieces.append(current)
        current = ""
    if current:
        pieces.append(current)
    return pieces


def summary_of(html: str, limit: int) -> str:
    """The opening sentences of the first paragraph, within LIMIT characters."""
    paragraphs = plain_paragraphs(html)
    if not paragraphs:
        return ""
    summary = ""
    for sentence in sentences(paragraphs[0]):
        joined = f"{summary} {sentence}".strip()
        if len(joined) > limit:
            break
        summary = joined
    if not summary:
        words, summary = paragraphs[0].split(), ""
        for word in words:
            if len(summary) + len(word) + 2 > limit:
                break
            summary = f"{summary} {word}".strip()
        summary += "…"
    return summary


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Fields:
    title: str
    date: str  # "2021-11-03 09:00"
    category: str
    tags: list[str]
    wilayah: str | None
    summary: str
    image: str | None
    image_alt: str | None
    slug: str | None
    old_urls: list[str]
    draft: bool
    image_caption: str | None = None


def post_text(fields: Fields, body: str) -> str:
    lines = [
        f"Title: {one_line(fields.title)}",
        f"Date: {fields.date}",
        f"Category: {fields.category}",
    ]
    if fields.tags:
        lines.append("Tags: " + ", ".join(one_line(tag) for tag in fields.tags))
    lines.append(f"Wilayah: {fields.wilayah or ''}".rstrip())
    if fields.summary:
        lines.append(f"Summary: {one_line(fields.summary)}")
    if fields.image:
        lines.append(f"Image: {fields.image}")
        lines.append(f"Image_Alt: {one_line(fields.image_alt or '')}")
        if fields.image_caption:
            lines.append(f"Image_Caption: {one_line(fields.image_caption)}")
    if fields.slug:
        lines.append(f"Slug: {fields.slug}")
    if fields.old_urls:
        lines.append("Old_Urls: " + ", ".join(fields.old_urls))
    if fields.draft:
        lines.append("Status: draft")
    return "\n".join(lines) + "\n\n" + body
