"""What finding a page's inline scripts and styles costs, parser by parser.

    .venv/bin/python benchmarks/csp_parsers.py [--site FOLDER] [--rounds 20]

The Content-Security-Policy of a page allows the page's own inline scripts
and styles (plugins/site_output/csp.py), so the build must find them as a
browser does: <title> and <textarea> are RCDATA, an attribute's value is a
value, SVG has scripts of its own. This builds the site with the production
settings (or reads the built FOLDER) and, for each candidate, finds the
inline code of every page: CPU milliseconds per page and per article (the
least of ROUNDS), the seconds 40,000 articles would take, and how often it
found what html5lib finds (WHATWG's algorithm in pure Python, the
reference), on the real pages and on TRICKY ones: the real article with
editor text where the minifier leaves it raw. Candidates that are not
installed are listed as such; to compare them all, beside the project's
packages:

    python3 -m venv /tmp/parsers
    /tmp/parsers/bin/pip install html5lib resiliparse markupever turbohtml html5-parser
    PYTHONPATH=/tmp/parsers/lib/python3.11/site-packages .venv/bin/python benchmarks/csp_parsers.py

(html5-parser compiles against the system's libxml2 and needs an lxml built
from source against the same: `pip install --no-binary lxml lxml html5-parser`.)
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from site_output.csp import inline_code, is_code  # noqa: E402


def local(tag: str) -> str:
    return tag.rpartition("}")[2].rpartition(":")[2]


def regex(html):
    """What csp.py did before issue 24: wrong wherever editor text holds a tag."""
    scripts = [
        found[2]
        for found in re.finditer(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
        if "src=" not in found[1] and "application/ld+json" not in found[1]
    ]
    return scripts, re.findall(r"<style[^>]*>(.*?)</style>", html, re.DOTALL)


def from_elements(elements):
    """(scripts, styles) from (name, attributes, child text) in document order."""
    scripts, styles = [], []
    for name, attributes, text in elements:
        if name == "style":
            styles.append(text)
        elif is_code(attributes):
            scripts.append(text)
    return scripts, styles


def selectolax_lexbor():
    """What the build uses: csp.inline_code()."""
    return inline_code


def html5lib_etree():
    import html5lib  # noqa: PLC0415 - candidates need not be installed

    def find(html):
        document = html5lib.parse(html, treebuilder="etree")
        return from_elements(
            (local(element.tag), element.attrib, element.text or "")
            for element in document.iter()
            if isinstance(element.tag, str) and local(element.tag) in ("script", "style")
        )

    return find


def html5_parser():
    import html5_parser  # noqa: PLC0415 - candidates need not be installed

    def find(html):
        document = html5_parser.parse(html, keep_doctype=False)
        return from_elements(
            (local(element.tag), element.attrib, element.text or "")
            for element in document.iter()
            if isinstance(element.tag, str) and local(element.tag) in ("script", "style")
        )

    return find


def resiliparse():
    from resiliparse.parse.html import HTMLTree  # noqa: PLC0415 - candidates need not be installed

    def find(html):
        return from_elements(
            (node.tag, {name: node.getattr(name) for name in node.attrs}, node.text)
            for node in HTMLTree.parse(html).document.query_selector_all("script, style")
        )

    return find


def markupever():
    import markupever  # noqa: PLC0415 - candidates need not be installed

    def find(html):
        document = markupever.parse(html, markupever.HtmlOptions())
        return from_elements(
            (
                node.name.local,
                {name.local: value for name, value in node.attrs.items()},
                node.text(),
            )
            for node in document.select("script, style")
        )

    return find


def turbohtml():
    import turbohtml  # noqa: PLC0415 - candidates need not be installed

    def find(html):
        return from_elements(
            (node.tag, node.attrs, node.text)
            for node in turbohtml.parse(html).select("script, style")
        )

    return find


def lxml_html():
    """libxml2's HTML parser: not the HTML5 tree builder (its tokenizer is from 2.14 on)."""
    import lxml.html  # noqa: PLC0415 - candidates need not be installed
    from lxml import etree  # noqa: PLC0415

    print(f"(lxml.html: libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))})")

    def find(html):
        document = lxml.html.document_fromstring(html)
        return from_elements(
            (element.tag, element.attrib, element.text or "")
            for element in document.iter("script", "style")
        )

    return find


CANDIDATES = {
    "regex (before issue 24)": lambda: regex,
    "selectolax (lexbor), csp.py": selectolax_lexbor,
    "resiliparse (lexbor)": resiliparse,
    "markupever (html5ever)": markupever,
    "turbohtml": turbohtml,
    "html5-parser (gumbo)": html5_parser,
    "lxml.html (libxml2)": lxml_html,
    "html5lib (reference)": html5lib_etree,
}

# Editor text where the minifier leaves '<' raw: a title, an alt text, a
# caption; and what a browser parses its own way (comments, foreign content,
# script data's escapes, RCDATA).
TRICKY = [
    ("<title>", "Belajar tag <style> di HTML"),
    ("<title>", "</script></title><script>window.__pwned=1</script>"),
    ("<main id=isi>", '<img alt="Layar bertuliskan <script>alert(1)</script>" src=a.jpg>'),
    ("<main id=isi>", '<img alt="<style>body{display:none}</style>" src=a.jpg>'),
    ("<main id=isi>", "<figcaption><b>x</b></script><style>main{}</style></figcaption>"),
    ("<main id=isi>", "<textarea><script>alert(2)</script></textarea>"),
    ("<main id=isi>", "<!-- <script>alert(3)</script> -->"),
    ("<main id=isi>", "<svg><script>alert(4)</script><style>svg{}</style></svg>"),
    ("<main id=isi>", "<script>a='<!--<script>'</script>b()</script>"),
    ("<main id=isi>", "<SCRIPT>c()</SCRIPT ><script/x>d()</script>"),
    ("<main id=isi>", "<noembed><script>e()</script></noembed>"),
    ("<main id=isi>", "<xmp><style>f{}</style></xmp>"),
    ("<main id=isi>", '<script type="text/plain">g()</script><script type=module>h()</script>'),
    ("<main id=isi>", "<table><style>t{}</style><script>i()</script></table>"),
]


def tricky_pages(article: str) -> list[str]:
    pages = []
    for where, text in TRICKY:
        at = article.index(where) + len(where)
        pages.append(article[:at] + text + article[at:])
    return pages


def build(folder: Path) -> None:
    environment = os.environ | {"SITEURL": "https://berita.kpu-ntt.test"}
    subprocess.run(
        [sys.executable, "-m", "invoke", "preview", "--output", str(folder)],
        cwd=ROOT,
        check=True,
        env=environment,
        capture_output=True,
    )


def per_page(find, pages: list[str], rounds: int) -> float:
    """The CPU milliseconds per page, the least of ROUNDS (other processes only add to it)."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for html in pages:
            find(html)
        times.append((time.process_time() - start) * 1000 / len(pages))
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a production build (default: build one)")
    parser.add_argument("--rounds", type=int, default=20)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = arguments.site
        if site is None:
            site = Path(temporary) / "site"
            build(site)
        paths = sorted(path for path in site.rglob("*.html") if "admin" not in path.parts)
        pages = [path.read_text(encoding="utf-8") for path in paths]
    article = next(html for html in pages if "id=bagikan" in html and "<main id=isi>" in html)
    articles = [html for html in pages if "id=bagikan" in html]
    tricky = tricky_pages(article)
    print(
        f"{len(pages)} pages of the site (mean {kib(pages):.1f} KiB), {len(articles)} of them"
        f" articles (mean {kib(articles):.1f} KiB), {len(tricky)} tricky pages\n"
    )
    reference = html5lib_etree()
    wanted = [reference(html) for html in pages]
    wanted_tricky = [reference(html) for html in tricky]
    print(
        f"{'parser':<28} {'ms/page':>8} {'ms/article':>10} {'s/40,000':>9}"
        f"  {'as html5lib: pages':>18}  {'tricky':>7}"
    )
    for name, make in CANDIDATES.items():
        try:
            find = make()
            find(article)
        except Exception as error:
            print(f"{name:<28} not available: {type(error).__name__}: {error}")
            continue
        real = sum(find(html) == want for html, want in zip(pages, wanted, strict=True))
        odd = sum(find(html) == want for html, want in zip(tricky, wanted_tricky, strict=True))
        rounds = 1 if "html5lib" in name else arguments.rounds
        every, article_only = per_page(find, pages, rounds), per_page(find, articles, rounds)
        print(
            f"{name:<28} {every:>8.3f} {article_only:>10.3f} {article_only * 40:>9.1f}"
            f"  {real:>8} of {len(pages):<7}  {odd:>2} of {len(tricky)}"
        )


def kib(pages: list[str]) -> float:
    return statistics.mean(len(html.encode()) for html in pages) / 1024


if __name__ == "__main__":
    main()
