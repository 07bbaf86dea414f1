"""Which library finds a saved page's post and writes it as the cleanest Markdown.

    .venv/bin/python benchmarks/migration_extract.py [--rounds 5]

The test mirrors of tests/migration_mirror.py (the provincial PHP CMS and a
regency office's WordPress theme, made from the seed's text, with photos, a
table, lists, links, a caption, menus, sidebars, a share block, counters and
comments) are written to a temporary folder, and every post page is turned
into Markdown by each candidate. For each, beside the post's own text as it
was put into the page:

- words: the share of the post's words found (recall) and of the words
  written that are the post's (precision);
- kept: photos with their alt text, table rows, list items (numbered ones
  numbered), links, emphasis, a caption, each found as Markdown;
- leaked: lines of what is not the post (share block, counter, comments,
  sidebar titles, the title and section label again);
- ms per page (the least of ROUNDS).

The reference, measured in the same run, is no extraction at all: the
page's whole <body> through markdownify. Candidates not installed are
listed as such; to compare them all, beside the project's packages:

    .venv/bin/pip install readability-lxml html2text
"""

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

from bs4 import BeautifulSoup  # noqa: E402
from markdownify import markdownify  # noqa: E402
from migration_mirror import BODIES, cms_mirror, wordpress_mirror  # noqa: E402

from migration.markdown import to_markdown  # noqa: E402
from migration.pages import clean_body, extract, find_section, find_title, keep_captions  # noqa: E402

LEAKS = re.compile(
    r"Bagikan|Telah dilihat|Post Views|Terkait|Maria Goreti|Tinggalkan Balasan|Pos-pos Terbaru|"
    r"Terpopuler|Komentar Terbaru|Berita Terkini|Diposting pada|Selengkapnya|KPU RI$",
    re.MULTILINE,
)


def words(markdown: str) -> Counter:
    text = re.sub(r"\]\([^)]*\)", "]", markdown)  # not the words of addresses
    text = re.sub(r"^\s*(?:\d+\.|[-*+])\s", "", text, flags=re.MULTILINE)  # nor list numbers
    return Counter(re.findall(r"\w+", text.lower()))


def text_of(body: str) -> str:
    """The words a reader gets of BODY: its text and its photos' alt texts."""
    soup = BeautifulSoup(body, "html.parser")
    return " ".join([soup.get_text(" "), *(img.get("alt", "") for img in soup.find_all("img"))])


def expected_parts(body: str) -> dict[str, list[str]]:
    """What a clean conversion of BODY must have, each as a Markdown pattern."""
    soup = BeautifulSoup(body, "html.parser")
    parts = {
        "photos": [re.escape(f"![{img['alt']}]") for img in soup.find_all("img") if img.get("alt")],
        "rows": [
            r"\|\s*"
            + r"\s*\|\s*".join(
                r"\**" + re.escape(c.get_text(strip=True)) + r"\**"
                for c in row.find_all(["td", "th"])
            )
            for row in soup.find_all("tr")
        ],
        "items": [
            (r"^\d+\. " if item.parent.name == "ol" else r"^[-*+] ")
            + re.escape(item.get_text(" ", strip=True).split()[0])
            for item in soup.find_all("li")
        ],
        "links": [r"\[" + re.escape(a.get_text(strip=True)) + r"\]\(" for a in soup.find_all("a")],
        "emphasis": [
            r"(\*\*|__|\*|_)" + re.escape(tag.get_text(strip=True))
            for tag in soup.find_all(["strong", "em", "b", "i"])
        ],
        "captions": [re.escape(c.get_text(strip=True)) for c in soup.find_all("figcaption")],
    }
    return parts


def score(markdown: str, body: str, title: str) -> dict:
    want, got = words(text_of(body)), words(markdown)
    common = sum((want & got).values())
    parts = expected_parts(body)
    kept = sum(
        bool(re.search(pattern, markdown, re.MULTILINE))
        for patterns in parts.values()
        for pattern in patterns
    )
    leaked = len(LEAKS.findall(markdown)) + markdown.count(title)
    return {
        "recall": common / max(1, sum(want.values())),
        "precision": common / max(1, sum(got.values())),
        "kept": kept,
        "of": sum(len(patterns) for patterns in parts.values()),
        "leaked": leaked,
    }


def ours(markup: str) -> str:
    """The import's own way: trafilatura's XML, the page's title and labels dropped, markdownify."""
    soup = BeautifulSoup(markup, "html.parser")
    title, heading = find_title(soup)

    found = extract(keep_captions(soup)) or ""
    body = clean_body(found, title or "", find_section(soup, heading))
    return to_markdown(body, lambda src, alt: f"![{alt}]({src})", lambda href: href)


def candidates() -> dict:
    found = {
        "no extraction (reference): <body> through markdownify": lambda markup: markdownify(
            str(BeautifulSoup(markup, "html.parser").body)
        ),
        "this site: trafilatura XML (precision) + markdownify + clean_body": ours,
    }
    try:
        import trafilatura  # noqa: PLC0415

        options = {"include_images": True, "include_tables": True, "include_links": True}
        options |= {"include_formatting": True, "include_comments": False}
        found["trafilatura Markdown, default"] = lambda markup: (
            trafilatura.extract(markup, output_format="markdown", **options) or ""
        )
        found["trafilatura Markdown, favor_recall"] = lambda markup: (
            trafilatura.extract(markup, output_format="markdown", favor_recall=True, **options)
            or ""
        )
        found["trafilatura HTML (precision) + markdownify"] = lambda markup: markdownify(
            trafilatura.extract(markup, output_format="html", favor_precision=True, **options) or ""
        )
    except ImportError:
        found["trafilatura"] = None
    try:
        from readability import Document  # noqa: PLC0415

        found["readability-lxml + markdownify"] = lambda markup: markdownify(
            Document(markup).summary(html_partial=True)
        )
        try:
            import html2text  # noqa: PLC0415

            def with_html2text(markup):
                converter = html2text.HTML2Text()
                converter.body_width = 0
                return converter.handle(Document(markup).summary(html_partial=True))

            found["readability-lxml + html2text"] = with_html2text
        except ImportError:
            found["readability-lxml + html2text"] = None
    except ImportError:
        found["readability-lxml"] = None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        cms_mirror(Path(folder) / "cms")
        wordpress_mirror(Path(folder) / "wp")
        pages = []
        for path, body in sorted(BODIES.items()):
            markup = path.read_text(encoding="utf-8")
            title = find_title(BeautifulSoup(markup, "html.parser"))[0] or ""
            pages.append((path, markup, body, title))
        print(f"{len(pages)} post pages, {arguments.rounds} rounds\n")
        header = f"{'candidate':<68} {'recall':>7} {'prec.':>7} {'kept':>8} {'leaked':>6} {'ms':>7}"
        print(header)
        for name, convert in candidates().items():
            if convert is None:
                print(f"{name:<68} not installed")
                continue
            totals = Counter()
            best = float("inf")
            for _round in range(arguments.rounds):
                start = time.perf_counter()
                outputs = [convert(markup) for _path, markup, _body, _title in pages]
                best = min(best, time.perf_counter() - start)
            for (_path, _markup, body, title), markdown in zip(pages, outputs, strict=True):
                for key, value in score(markdown, body, title).items():
                    totals[key] += value
            count = len(pages)
            print(
                f"{name:<68} {totals['recall'] / count:>7.1%} {totals['precision'] / count:>7.1%} "
                f"{totals['kept']:>3}/{totals['of']:<4} {totals['leaked']:>6} "
                f"{best * 1000 / count:>7.1f}"
            )


if __name__ == "__main__":
    main()
