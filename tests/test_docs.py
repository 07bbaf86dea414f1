"""The documents say what the code does: links resolve, the guide quotes the code's own text."""

import re
from datetime import datetime

from babel.messages.pofile import read_po
from conftest import ROOT

from kpu_content.new_post import new_post_file

GUIDE = ROOT / "docs" / "panduan-penulis.md"
CATALOG = ROOT / "plugins" / "translations" / "locale" / "id" / "LC_MESSAGES" / "messages.po"
DOCUMENTS = [ROOT / "README.md", ROOT / "benchmarks" / "README.md", *sorted(ROOT.glob("docs/*.md"))]


def anchors(path) -> set[str]:
    """GitHub's anchors of a Markdown file's headings."""
    found, seen = set(), {}
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    for heading in re.findall(r"^#{1,6}\s+(.+)$", text, re.M):
        slug = "".join(c for c in heading.lower() if c.isalnum() or c in " -_").replace(" ", "-")
        found.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return found


def test_every_relative_link_of_the_documents_resolves():
    broken = []
    for document in DOCUMENTS:
        text = re.sub(r"^```.*?^```", "", document.read_text(encoding="utf-8"), flags=re.S | re.M)
        text = re.sub(r"`[^`\n]*`", "", text)
        for link in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", link):
                continue
            target, _, fragment = link.partition("#")
            path = (document.parent / target).resolve() if target else document
            if not path.exists() or (
                fragment and path.suffix == ".md" and fragment not in anchors(path)
            ):
                broken.append(f"{document.relative_to(ROOT)}: {link}")
    assert broken == []


def test_the_guide_shows_the_new_post_skeleton_as_new_post_writes_it(tmp_path):
    settings = {
        "CATEGORIES": ["Berita", "Pengumuman", "Siaran Pers"],
        "SLUG_REGEX_SUBSTITUTIONS": [],
        "PATH": str(tmp_path),
        "ARTICLE_PATHS": ["berita"],
    }
    title = "Rapat Pleno Rekapitulasi DPB Semester II"
    path = new_post_file(settings, title, "Berita", datetime(2026, 11, 28, 9, 0))
    shown = GUIDE.read_text(encoding="utf-8").split("```markdown\n")[1].split("```")[0]
    assert shown == path.read_text(encoding="utf-8")


def pattern(text: str, inner: dict[str, str]) -> str:
    """A translation as a regular expression: each placeholder matches what the code fills in."""
    parts = re.split(r"(\{\{|\}\}|\{[a-z_]+(?::[^}]*)?\})", text)
    out = []
    for part in parts:
        if part in inner:
            out.append(inner[part])
        elif part in ("{{", "}}"):
            out.append(re.escape(part[0]))
        elif re.fullmatch(r"\{[a-z_]+(?::[^}]*)?\}", part):
            out.append(".+?")
        else:
            out.append(re.escape(part))
    return "".join(out)


def test_the_guide_quotes_the_check_messages_as_editors_see_them():
    with CATALOG.open("rb") as file:
        catalog = read_po(file)
    translated = {}
    for message in catalog:
        if message.id:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            string = message.string[0] if isinstance(message.string, tuple) else message.string
            translated[key] = string

    def either(*ids):
        return "(?:" + "|".join(pattern(translated[i], {}) for i in ids) + ")"

    inner = {
        "{trouble}": either(
            *(i for i in translated if i.startswith(("is {", "cannot be read as a")))
        ),
        "{reason}": either("the dateline '{words}' is in {regency}", "the text names '{words}'"),
    }
    prefix = f"(?:{either('warning: ', 'suggestion: ')})?"
    did_you_mean = either("; did you mean '{name}'?")
    suffix = f"(?:{did_you_mean})?"
    # Only translations with words of their own: a bare "{name}" would match anything.
    templates = [
        re.compile(prefix + pattern(string, inner) + suffix)
        for string in translated.values()
        if len(re.sub(r"\{[^}]*\}", "", string)) >= 12 or "{trouble}" in string
    ]
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide[guide.index("## Arti pesan pemeriksaan") :]
    quoted = re.findall(r"^- `([^`]+)`", section, re.M)
    example = guide.split("```text\n")[1].split("```")[0].splitlines()
    quoted += [re.sub(r"^content/\S+:\d+: ", "", line) for line in example]
    assert len(quoted) > 40
    unknown = []
    for message in quoted:
        # The check's last line: "python3 dev.py check: " and its counts, joined by commas.
        summary = message.removeprefix("python3 dev.py check: ")
        if summary != message:
            known = all(
                any(re.fullmatch(pattern(string, {}), part) for string in translated.values())
                for part in summary.split(", ")
            )
        else:
            known = any(template.fullmatch(message) for template in templates)
        if not known:
            unknown.append(message)
    assert unknown == []
