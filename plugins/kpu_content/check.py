"""`python3 dev.py check`: every rule a post or page must follow, checked before a build.

Each problem is one line `path:line: message` that says how to fix it. The
rules read the Markdown sources directly (with line numbers) and use Pelican's
own slugify and URL settings, so "two posts on one URL" means exactly what the
build would write.
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.utils import slugify

from old_urls.redirects import is_old_url, old_url_list
from photos.variants import PHOTO_SUFFIXES, photo_problem
from regencies.gazetteer import RegencyError, load_gazetteer
from regencies.mentions import finder_for, suggestions
from safe_html.findings import findings
from translations import _

from .header import Header, HeaderError, read_header

DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$")
SLUG_FORMAT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STATUSES = {"published", "draft", "hidden"}
# Invisible characters that reorder text (a title could read as another
# title) or are not text at all; an editor never means to type them.
HIDDEN_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufeff]")
TITLE_MAX_CHARS = 200
FIELD_MAX_CHARS = 2000
FILE_MAX_BYTES = 1_000_000

# {filename}, {static} and {attach} point at files inside content/.
INTERNAL_LINK = re.compile(r"\{(?P<kind>filename|static|attach)\}(?P<path>[^)\s\"'>#?]+)")
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ATTRIBUTE = re.compile(
    r"""(?P<name>[a-z-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I
)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    # A suggestion or a warning is printed but does not fail the check.
    suggestion: bool = False
    warning: bool = False

    @property
    def fatal(self) -> bool:
        return not (self.suggestion or self.warning)

    def __str__(self):
        # Translators: the word before a suggestion, which does not stop the build.
        kind = _("suggestion: ") if self.suggestion else _("warning: ") if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


@dataclass(frozen=True)
class Source:
    """One Markdown file under content/, as `check` sees it."""

    file: Path
    path: Path  # as messages show it: relative to the project
    kind: str  # "article" or "page"
    header: Header
    body: str


def closest(word: str, choices) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _("; did you mean '{name}'?").format(name=match[0]) if match else ""


def check_site(settings: dict, root: Path | None = None) -> list[Problem]:
    """Check every Markdown file of the site; return the problems, sorted."""
    content = Path(settings["PATH"])
    sources, problems = read_sources(settings, root)
    for source in sources:
        problems += check_source(source, settings, content)
    problems += check_urls(sources, settings)
    # By file and line; within a line, in the order they were found.
    return sorted(problems, key=lambda problem: (problem.path, problem.line))


def read_sources(settings: dict, root: Path | None = None) -> tuple[list[Source], list[Problem]]:
    """Every post and page of the site, and the files that could not be read."""
    content = Path(settings["PATH"])
    root = root or content.parent
    problems: list[Problem] = []
    sources: list[Source] = []
    for kind, folders in (("article", settings["ARTICLE_PATHS"]), ("page", settings["PAGE_PATHS"])):
        for folder in folders:
            for path in sorted((content / folder).rglob("*")):
                shown = path.relative_to(root) if path.is_relative_to(root) else path
                if path.is_dir():
                    continue
                if path.suffix != ".md":
                    # Pelican would skip it without a word.
                    message = _(
                        "only Markdown files (.md) are read here; save the post as .md, "
                        "and put photos in content/images/"
                    )
                    problems.append(Problem(str(shown), 1, message))
                    continue
                source, read_problems = read_source(path, shown, kind)
                problems += read_problems
                if source:
                    sources.append(source)
    return sources, problems


def read_source(path: Path, shown: Path, kind: str):
    size = path.stat().st_size
    if size > FILE_MAX_BYTES:
        return None, [
            Problem(
                str(shown),
                1,
                _(
                    "this file is {size:.1f} MB; a post is at most {limit} MB of text: "
                    "put a long document in a PDF and link to it"
                ).format(size=size / 1_000_000, limit=FILE_MAX_BYTES // 1_000_000),
            )
        ]
    data = path.read_bytes()
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [
            Problem(
                str(shown),
                line,
                _(
                    "this file is not text (it holds binary data); "
                    "is it a photo or a document named .md?"
                ),
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(str(shown), line, _("this file is not UTF-8 text; save it as UTF-8"))]
    try:
        header = read_header(text)
    except HeaderError as error:
        return None, [Problem(str(shown), error.line, str(error))]
    body = "\n".join(text.splitlines()[header.body_line - 1 :])
    return Source(path, shown, kind, header, body), []


def line_of(header: Header, name: str) -> int:
    """The line a field is written on, even empty; line 1 when it is missing."""
    written = header.fields.get(name)
    return written.line if written else 1


def check_source(source: Source, settings: dict, content: Path) -> list[Problem]:
    problems = []

    def problem(line, message):
        problems.append(Problem(str(source.path), line, message))

    header = source.header
    draft = header.get("status") is not None and header.get("status").value == "draft"
    known = set(settings["CONTENT_FIELDS"])
    for key, field in header.fields.items():
        if key not in known:
            # Suggested as the skeleton writes it: 'Tags', 'Image_Alt'.
            match = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
            hint = _("; did you mean '{name}'?").format(name=match[0].title()) if match else ""
            problem(field.line, _("unknown field '{name}'").format(name=field.name) + hint)

    for field in header.fields.values():
        hidden = HIDDEN_CHARACTERS.search(field.value)
        if hidden:
            problem(
                field.line,
                _(
                    "'{name}' holds an invisible control character ({code}), which can make "
                    "text read differently than it is; delete it (retype the words around it)"
                ).format(name=field.name, code=f"U+{ord(hidden[0]):04X}"),
            )
        limit = TITLE_MAX_CHARS if field.name.lower() == "title" else FIELD_MAX_CHARS
        if len(field.value) > limit and field.name.lower() != "summary":
            problem(
                field.line,
                _("'{name}' has {count} characters; shorten it to at most {limit}").format(
                    name=field.name, count=len(field.value), limit=limit
                ),
            )

    required = ["title", "date", "category"] if source.kind == "article" else ["title"]
    for name in required:
        if header.get(name) is None:
            problem(
                line_of(header, name),
                _("missing '{name}:'; add a line '{name}: ...' to the header").format(
                    name=name.title()
                ),
            )

    date = header.get("date")
    if date and date.value and parse_date(date.value, settings) is None:
        problem(
            date.line,
            _(
                "cannot read the date '{value}'; write it as year-month-day "
                "hour:minute in WITA, e.g. 'Date: 2021-11-03 09:00'"
            ).format(value=date.value),
        )
    category = header.get("category")
    if category and category.value and category.value not in settings["CATEGORIES"]:
        allowed = ", ".join(settings["CATEGORIES"])
        problem(
            category.line,
            _("category '{value}' is not one of the site's ({allowed})").format(
                value=category.value, allowed=allowed
            )
            + closest(category.value, settings["CATEGORIES"]),
        )
    summary = header.get("summary")
    if source.kind == "article" and not draft and not summary:
        problem(
            line_of(header, "summary"),
            _(
                "the summary is empty; write one or two sentences in 'Summary:' "
                "(they show on the front page and in link previews)"
            ),
        )
    if summary and len(summary.value) > settings["SUMMARY_MAX_CHARS"]:
        problem(
            summary.line,
            _("the summary has {count} characters; shorten it to at most {limit}").format(
                count=len(summary.value), limit=settings["SUMMARY_MAX_CHARS"]
            ),
        )
    # An address is made of a title or a tag with its HTML stripped; one that
    # is nothing but markup would have an empty address.
    title = header.get("title")
    if (
        title
        and not header.get("slug")
        and not slugify(title.value, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    ):
        problem(title.line, _("the title has no words to make an address of; write it in words"))
    tags = header.get("tags")
    subs = settings.get("TAG_REGEX_SUBSTITUTIONS", settings["SLUG_REGEX_SUBSTITUTIONS"])
    for tag in (part.strip() for part in (tags.value if tags else "").split(",")):
        if tag and not slugify(tag, regex_subs=subs):
            problem(
                tags.line,
                _("the tag '{tag}' has no words to make an address of; write it in words").format(
                    tag=tag
                ),
            )

    slug = header.get("slug")
    if slug and not SLUG_FORMAT.match(slug.value):
        problem(
            slug.line,
            _("slug '{value}' may only have a-z, 0-9 and single hyphens").format(value=slug.value),
        )
    status = header.get("status")
    if status and status.value not in STATUSES:
        problem(
            status.line,
            _("status '{value}' must be one of {allowed}").format(
                value=status.value, allowed=", ".join(sorted(STATUSES))
            ),
        )

    old_urls = header.get("old_urls")
    for old in old_url_list(old_urls.value if old_urls else ""):
        if not is_old_url(old):
            problem(
                old_urls.line,
                _(
                    "old URL '{value}' must be a path on the old site, e.g. "
                    "/index.php/blog/read/1234: it starts with '/', has no host, '?' or '..', "
                    "and only letters, digits and . _ ~ % + -"
                ).format(value=old),
            )

    share = header.get("share")
    if share and share.value not in ("on", "off"):
        problem(
            share.line,
            _("'Share: {value}' must be 'on' or 'off' (off hides the Bagikan row)").format(
                value=share.value
            ),
        )

    if source.kind == "article":
        problems += check_regencies(source, settings, draft)

    image = header.get("image")
    if image and not inside(content, image.value):
        problem(
            image.line,
            _(
                "image '{value}' points outside content/; write its path from content/, "
                "e.g. images/2026/rapat.jpg"
            ).format(value=image.value),
        )
    elif image:
        if not (content / image.value).is_file():
            problem(
                image.line,
                _("image '{value}' is not in content/; put the file there or fix the path").format(
                    value=image.value
                ),
            )
        alt = header.get("image_alt")
        if alt is None or not alt.value:
            problem(
                image.line,
                _("the photo has no 'Image_Alt:'; describe what it shows in one sentence"),
            )
        trouble = (content / image.value).is_file() and photo_problem(content / image.value)
        if trouble:
            problem(
                image.line,
                _("the photo '{name}' {trouble}").format(name=image.value, trouble=trouble),
            )

    problems += [
        Problem(str(source.path), source.header.body_line + line, message)
        for line, message in check_body(source, content)
    ]
    problems += [
        Problem(
            str(source.path),
            source.header.body_line + finding.line,
            finding.message,
            warning=not finding.error,
        )
        for finding in findings(source.body)
    ]
    return problems


def inside(folder: Path, written: str) -> bool:
    """Whether a path an editor wrote stays inside folder (no '..', no absolute path)."""
    if not written or written.startswith(("/", "\\")) or "\\" in written or ":" in written:
        return False
    return (folder / written).resolve().is_relative_to(folder.resolve())


def check_regencies(source: Source, settings: dict, draft: bool) -> list[Problem]:
    """'Wilayah:' names known regencies; regencies the text names are suggested."""
    header, path = source.header, str(source.path)
    wilayah = header.get("wilayah")
    if wilayah is None and draft:
        return []
    if wilayah is None:
        return [
            Problem(
                path,
                line_of(header, "wilayah"),
                _(
                    "missing 'Wilayah:'; name the regencies the post concerns "
                    "(e.g. 'Wilayah: Sikka, Kota Kupang'), or 'Wilayah: NTT' for the whole province"
                ),
            )
        ]
    gazetteer = load_gazetteer(str(settings["REGENCIES_FILE"]))
    try:
        placement = gazetteer.place(wilayah.value)
    except RegencyError as error:
        return [Problem(path, wilayah.line, message) for message in error.problems]
    if placement.province_wide:
        return []
    tagged = {regency.code for regency in placement.regencies}
    texts = [
        (field.line - 1, field.value)
        for field in (header.get("title"), header.get("summary"))
        if field
    ]
    texts.append((header.body_line - 1, source.body))
    found, problems = set(tagged), []
    for offset, text in texts:
        for mention in suggestions(finder_for(gazetteer), text, found):
            found.add(mention.regency.code)
            reason = (
                _("the dateline '{words}' is in {regency}").format(
                    words=mention.words, regency=mention.regency.short_name
                )
                if mention.dateline
                else _("the text names '{words}'").format(words=mention.words)
            )
            problems.append(
                Problem(
                    path,
                    offset + mention.line,
                    _("{reason}; add '{regency}' to 'Wilayah:' if the post concerns it").format(
                        reason=reason, regency=mention.regency.short_name
                    ),
                    suggestion=True,
                )
            )
    return problems


def check_body(source: Source, content: Path):
    """Yield (line offset in the body, message) for images and internal links."""
    folder = source.file.parent
    for offset, line in enumerate(source.body.splitlines()):
        images = [(m["alt"], m["src"]) for m in MARKDOWN_IMAGE.finditer(line)]
        for tag in HTML_IMAGE.findall(line):
            attributes = {
                m["name"].lower(): m["dq"]
                if m["dq"] is not None
                else m["sq"]
                if m["sq"] is not None
                else m["bare"]
                for m in HTML_ATTRIBUTE.finditer(tag)
            }
            images.append((attributes.get("alt", ""), attributes.get("src", "")))
        for alt, src in images:
            if not alt.strip():
                yield (
                    offset,
                    _(
                        "the image '{src}' has no alt text; "
                        "describe what it shows: ![Peserta rapat ...]({src})"
                    ).format(src=src),
                )
            if not INTERNAL_LINK.match(src):
                yield (
                    offset,
                    _(
                        "the image '{src}' is not a file of this site; put it in content/images/ "
                        "and write {{static}}/images/<name>"
                    ).format(src=src),
                )
        for link in INTERNAL_LINK.finditer(line):
            target = link["path"]
            resolved = content / target.lstrip("/") if target.startswith("/") else folder / target
            if not resolved.resolve().is_relative_to(content.resolve()):
                yield (
                    offset,
                    _("'{link}' points outside content/").format(
                        link=f"{{{link['kind']}}}{target}"
                    ),
                )
            elif not resolved.is_file():
                yield (
                    offset,
                    _("'{link}' points at no file; check the name and folder").format(
                        link=f"{{{link['kind']}}}{target}"
                    ),
                )
            elif resolved.suffix.lower() in PHOTO_SUFFIXES:
                trouble = photo_problem(resolved)
                if trouble:
                    yield (
                        offset,
                        _("the photo '{name}' {trouble}").format(name=target, trouble=trouble),
                    )


def parse_date(value: str, settings: dict) -> datetime | None:
    """The post's date in the site's time zone, or None if it is not ISO-like.

    Only year-month-day is accepted: dateutil would read '03/11/2021' as
    11 March, the American way.
    """
    if not DATE_FORMAT.match(value.strip()):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=ZoneInfo(settings["TIMEZONE"]))


def url_of(source: Source, settings: dict) -> str | None:
    header = source.header
    title, slug = header.get("title"), header.get("slug")
    if title is None and slug is None:
        return None
    if header.get("url"):
        return header.get("url").value
    slug = (
        slug.value
        if slug
        else slugify(title.value, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    )
    draft = header.get("status") and header.get("status").value == "draft"
    if source.kind == "page":
        pattern = settings["DRAFT_PAGE_URL"] if draft else settings["PAGE_URL"]
        return pattern.format(slug=slug)
    date = header.get("date")
    moment = parse_date(date.value, settings) if date else None
    if moment is None:
        return None
    pattern = settings["DRAFT_URL"] if draft else settings["ARTICLE_URL"]
    return pattern.format(slug=slug, date=moment)


def reserved_segments(settings: dict) -> set[str]:
    """First path segments the site writes itself: berita/, kategori/, feeds/..."""
    segments = {settings["THEME_STATIC_DIR"], "page", *settings["STATIC_PATHS"]}
    for name, value in settings.items():
        if (
            name.endswith(("_URL", "_SAVE_AS"))
            and name not in ("SITEURL",)
            and isinstance(value, str)
        ):
            first = value.split("/")[0]
            if first and "{" not in first and ":" not in first and "." not in first:
                segments.add(first)
    return segments


def check_urls(sources: list[Source], settings: dict) -> list[Problem]:
    """Two files on one URL, or a page on an address the site itself uses."""
    problems = []
    by_url = defaultdict(list)
    for source in sources:
        url = url_of(source, settings)
        if url:
            by_url[url].append(source)
    for url, owners in by_url.items():
        for source in owners[1:] if len(owners) > 1 else []:
            first = owners[0]
            for one, other in ((first, source), (source, first)):
                line = one.header.get("title").line if one.header.get("title") else 1
                problems.append(
                    Problem(
                        str(one.path),
                        line,
                        _(
                            "'{other}' has the same address /{url}; give one of them a different "
                            "'Slug:' (or title)"
                        ).format(other=other.path, url=url),
                    )
                )
    claimed = defaultdict(list)
    for source in sources:
        old = source.header.get("old_urls")
        for address in old_url_list(old.value if old else ""):
            claimed[address.strip("/")].append((source, old.line))
    for address, claims in claimed.items():
        for source, line in claims if len(claims) > 1 else []:
            others = ", ".join(str(other.path) for other, _ in claims if other is not source)
            problems.append(
                Problem(
                    str(source.path),
                    line,
                    _(
                        "the old URL /{address} is also claimed by {others}; "
                        "an old address can lead to one post only"
                    ).format(address=address, others=others),
                )
            )
        if f"{address}/" in by_url or address in by_url:
            problems.append(
                Problem(
                    str(claims[0][0].path),
                    claims[0][1],
                    _("the old URL /{address} is an address of this site; leave it out").format(
                        address=address
                    ),
                )
            )
    reserved = reserved_segments(settings)
    for source in sources:
        url = url_of(source, settings)
        if source.kind == "page" and url and url.split("/")[0] in reserved:
            problems.append(
                Problem(
                    str(source.path),
                    source.header.get("title").line if source.header.get("title") else 1,
                    _(
                        "the page address /{url} is used by the site itself; "
                        "give the page another 'Slug:'"
                    ).format(url=url),
                )
            )
    return sorted(set(problems))
