"""`python3 dev.py check`: every rule a post or page must follow, checked before a build.

Each problem is one line `path:line: message` that says how to fix it. The
rules read each file with the header reader the build reads it with
(header.py), split tags and make addresses with Pelican's own functions and
URL settings, and build what could lose text (rendered.py): a post `check`
passes is a post both builds can write, whole. "Two posts on one URL" means
exactly what the build would write; old addresses and the links of published
posts are held to every file the build writes (written.py), as verify-output
holds the published site to them. A rule that fails on what it reads is a
problem on that file's line, never a crash of `check`.
"""

import dataclasses
import difflib
import fnmatch
import re
import unicodedata
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pelican.readers import ensure_metadata_list
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import slugify

from office import field_lines, placeholders
from old_urls.redirects import is_old_url, old_url_list, redirect_file
from photos.variants import LONGEST_COPY_ENDING, PHOTO_SUFFIXES, photo_files, photo_problem
from regencies.gazetteer import RegencyError, load_gazetteer
from regencies.mentions import finder_for, suggestions
from safe_html.findings import findings
from translations import _

from .header import META_RE, Header, read_header
from .output_check import target_of
from .reading import title_html
from .rendered import NAME_MAX_BYTES, line_with, losses, page_links, summary_losses
from .written import Post, SiteFiles, as_published, own_file, site_files, taxonomy

# Every page's header carries the emblem.
EMBLEM_MAX_BYTES = 1024
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$")
SLUG_FORMAT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STATUSES = {"published", "draft", "hidden"}
# Invisible characters that reorder text (a title could read as another
# title) or are not text at all; an editor never means to type them.
HIDDEN_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
# Line ends to str.splitlines() but not to Markdown: in a header, the text
# after one stays in the field ("Title: A<U+2028>Status: draft" is a title).
LINE_SEPARATORS = re.compile(r"[\x85\u2028\u2029]")
# What XML 1.0 forbids: the production build's feed writer refuses it (the
# sanitizer drops what a character reference makes of it), and a file holds it
# only by a slip of a paste.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TITLE_MAX_CHARS = 200
FIELD_MAX_CHARS = 2000
FILE_MAX_BYTES = 1_000_000

# {filename}, {static} and {attach} point at files inside content/; Pelican
# reads |filename| and the like the same (INTRASITE_LINK_REGEX).
INTERNAL_LINK = re.compile(r"[{|](?P<kind>filename|static|attach)[|}](?P<path>[^)\s\"'>#?]+)")
# What pelican/contents.py's _link_replacer replaces; it warns of any other
# indicator, and the build stops on the warning.
INDICATORS = {"filename", "static", "attach", "category", "tag", "author", "index"}
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ATTRIBUTE = re.compile(
    r"""(?P<name>[a-z-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I
)


@dataclasses.dataclass(frozen=True, order=True)
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


@dataclasses.dataclass(frozen=True)
class Source:
    """One Markdown file under content/, as `check` sees it."""

    file: Path
    path: Path  # as messages show it: relative to the project
    kind: str  # "article" or "page"
    header: Header
    body: str
    # What the rules work out once and share, such as the post's slug.
    known: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)


def closest(word: str, choices) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _("; did you mean '{name}'?").format(name=match[0]) if match else ""


def check_site(settings: dict, root: Path | None = None) -> list[Problem]:
    """Check every Markdown file of the site; return the problems, sorted."""
    content = Path(settings["PATH"])
    sources, problems = read_sources(settings, root)
    for source in sources:
        problems += check_source(source, settings, content)
    posts = site_posts(sources, settings)
    problems += check_urls(sources, settings, posts)
    problems += check_links(sources, settings, posts)
    problems += check_photo_names(settings, root or content.parent)
    problems += check_office(settings, root or content.parent)
    # By file and line; within a line, in the order they were found.
    return sorted(problems, key=lambda problem: (problem.path, problem.line))


def check_office(settings: dict, root: Path) -> list[Problem]:
    """The emblem OFFICE names, and in production each value still a placeholder."""
    settings_file = root / "pelicanconf.py"
    if not settings_file.is_file():
        return []
    office, problems = settings.get("OFFICE") or {}, []
    emblem_line = field_lines(settings_file).get("emblem", 1)
    emblem = (
        Path(settings["THEME"]) / "templates" / office["emblem"] if office.get("emblem") else None
    )
    if emblem and not emblem.is_file():
        problems.append(
            Problem(
                "pelicanconf.py",
                emblem_line,
                _(
                    "the emblem '{name}' is not in the theme; save it as {path}, or write None "
                    "to show the theme's mark"
                ).format(
                    name=office["emblem"],
                    path=emblem.relative_to(root) if emblem.is_relative_to(root) else emblem,
                ),
            )
        )
    elif emblem and emblem.stat().st_size > EMBLEM_MAX_BYTES:
        problems.append(
            Problem(
                "pelicanconf.py",
                emblem_line,
                _(
                    "the emblem '{name}' is {size} bytes, and every page carries it: keep it "
                    "under {limit} (simplify the drawing, or optimise the SVG)"
                ).format(name=office["emblem"], size=emblem.stat().st_size, limit=EMBLEM_MAX_BYTES),
                warning=True,
            )
        )
    if not settings.get("OFFICE_PLACEHOLDER_WARNINGS"):
        return problems
    for field, line in placeholders(office, settings_file):
        if field == "emblem":
            message = _(
                "OFFICE['emblem'] is still a placeholder (None), so the site shows the theme's "
                "neutral mark; save the office's emblem as an SVG in theme/templates/ and write "
                "its file name there"
            )
        else:
            message = _(
                "OFFICE['{field}'] is still a placeholder (None), so the site does not show "
                "it; write the office's real value there once the office confirms it"
            ).format(field=field)
        problems.append(Problem("pelicanconf.py", line, message, warning=True))
    return problems


def check_photo_names(settings: dict, root: Path) -> list[Problem]:
    """Every photo's resized copies get names a file may have (photos/variants.py)."""
    problems = []
    for photo in photo_files(Path(settings["PATH"]), settings["STATIC_PATHS"]):
        size = len(f"{photo.stem}{LONGEST_COPY_ENDING}".encode())
        if size > NAME_MAX_BYTES:
            shown = photo.relative_to(root) if photo.is_relative_to(root) else photo
            problems.append(
                Problem(
                    str(shown),
                    1,
                    _(
                        "this photo's name is too long for its resized copies ({count} bytes "
                        "with '{ending}', longer than a file name may be, {limit}); rename it "
                        "shorter"
                    ).format(count=size, ending=LONGEST_COPY_ENDING, limit=NAME_MAX_BYTES),
                )
            )
    return problems


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
                if path.is_dir() or ignored(path.relative_to(content), settings):
                    continue
                if path.is_symlink() and not path.exists():
                    message = _(
                        "this is a link to a file that does not exist, such as the lock file "
                        "Emacs keeps while a post is open (.#post.md); close the post there, "
                        "or delete this file"
                    )
                    problems.append(Problem(str(shown), 1, message))
                    continue
                if path.suffix != ".md":
                    # Pelican would skip it without a word.
                    message = _(
                        "only Markdown files (.md) are read here; save the post as .md, "
                        "and put photos in content/images/"
                    )
                    problems.append(Problem(str(shown), 1, message))
                    continue
                try:
                    source, read_problems = read_source(path, shown, kind)
                except OSError as error:  # unreadable: named, and the others still read
                    source, read_problems = None, [failure(shown, 1, error)]
                problems += read_problems
                if source:
                    sources.append(source)
    return sources, problems


def ignored(relative: Path, settings: dict) -> bool:
    """Whether the build skips the file: its name, or a folder's on the way, is in
    IGNORE_FILES, or it is a computer's or an editor program's file (.DS_Store,
    .post.md.swp, post.md~) that is not Markdown, which Pelican does not read."""
    patterns = settings.get("IGNORE_FILES", [])
    if any(fnmatch.fnmatch(part, pattern) for part in relative.parts for pattern in patterns):
        return True
    name = relative.name
    return relative.suffix != ".md" and (name.startswith((".", "#")) or name.endswith("~"))


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
        # As Pelican opens it: a byte-order mark at the start is not text.
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(str(shown), line, _("this file is not UTF-8 text; save it as UTF-8"))]
    header = read_header(text)
    if header.problems:
        return None, [Problem(str(shown), error.line, str(error)) for error in header.problems]
    return Source(path, shown, kind, header, header.body), []


def line_of(header: Header, name: str) -> int:
    """The line a field is written on, even empty; line 1 when it is missing."""
    written = header.fields.get(name)
    return written.line if written else 1


def is_draft(header: Header) -> bool:
    status = header.get("status")
    return status is not None and status.value == "draft"


def check_source(source: Source, settings: dict, content: Path) -> list[Problem]:
    """Every rule over one file. A rule that fails on what it reads is a problem
    on the line of the field it reads, and the other rules still run."""
    problems = []
    for rule, where in RULES:
        try:
            problems += rule(source, settings, content)
        except Exception as error:  # whatever trips a rule, `check` names the file
            line = source.header.body_line if where == "body" else line_of(source.header, where)
            problems.append(failure(source.path, line, error))
    return problems


def failure(path: Path, line: int, error: Exception) -> Problem:
    """A rule that could not finish, as a problem of the file it was reading."""
    return Problem(
        str(path),
        line,
        _(
            "this could not be checked ({error}); check what is written here, "
            "and if it looks right, tell the site's developers"
        ).format(error=f"{type(error).__name__}: {error}"),
    )


def at(source: Source, line: int, message: str, **kind) -> Problem:
    return Problem(str(source.path), line, message, **kind)


def check_fields(source: Source, settings: dict, content: Path) -> list[Problem]:
    """Names the site knows, text without control characters, values of sensible length."""
    problems, header = [], source.header
    known = set(settings["CONTENT_FIELDS"])
    for key, field in header.fields.items():
        if key not in known:
            # Suggested as the skeleton writes it: 'Tags', 'Image_Alt'.
            match = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
            hint = _("; did you mean '{name}'?").format(name=match[0].title()) if match else ""
            problems.append(
                at(source, field.line, _("unknown field '{name}'").format(name=field.name) + hint)
            )
    for field in header.fields.values():
        hidden = HIDDEN_CHARACTERS.search(field.value)
        if hidden:
            problems.append(
                at(
                    source,
                    field.line,
                    _(
                        "'{name}' holds an invisible control character ({code}), which can make "
                        "text read differently than it is; delete it (retype the words around it)"
                    ).format(name=field.name, code=f"U+{ord(hidden[0]):04X}"),
                )
            )
        separator = LINE_SEPARATORS.search(field.value)
        if separator:
            problems.append(
                at(
                    source,
                    field.line,
                    _(
                        "'{name}' holds a line break that is not a new line ({code}): the site "
                        "reads what follows it as part of '{name}'; retype it on one line, and "
                        "put each field on a line of its own"
                    ).format(name=field.name, code=f"U+{ord(separator[0]):04X}"),
                )
            )
        limit = TITLE_MAX_CHARS if field.name.lower() == "title" else FIELD_MAX_CHARS
        if len(field.value) > limit and field.name.lower() != "summary":
            problems.append(
                at(
                    source,
                    field.line,
                    _("'{name}' has {count} characters; shorten it to at most {limit}").format(
                        name=field.name, count=len(field.value), limit=limit
                    ),
                )
            )
        if field.lines > 1 and field.name.lower() not in settings["FORMATTED_FIELDS"]:
            # Pelican makes a value written on several lines a list of lines.
            problems.append(
                at(
                    source,
                    field.line,
                    _(
                        "'{name}' goes on over {count} lines, which the site reads as a list; "
                        "write it on one line"
                    ).format(name=field.name, count=field.lines),
                )
            )
    return problems


def check_required(source: Source, settings: dict, content: Path) -> list[Problem]:
    required = ["title", "date", "category"] if source.kind == "article" else ["title"]
    return [
        at(
            source,
            line_of(source.header, name),
            _("missing '{name}:'; add a line '{name}: ...' to the header").format(
                name=name.title()
            ),
        )
        for name in required
        if source.header.get(name) is None
    ]


def check_date(source: Source, settings: dict, content: Path) -> list[Problem]:
    date = source.header.get("date")
    problems = []
    if date and parse_date(date.value, settings) is None:
        problems.append(
            at(
                source,
                date.line,
                _(
                    "cannot read the date '{value}'; write it as year-month-day "
                    "hour:minute in WITA, e.g. 'Date: 2021-11-03 09:00'"
                ).format(value=date.value),
            )
        )
    # Pelican reads 'Modified:' as a date too, written or empty, and stops on one it cannot read.
    modified = source.header.fields.get("modified")
    if modified and parse_date(modified.value, settings) is None:
        problems.append(
            at(
                source,
                modified.line,
                _(
                    "cannot read the date '{value}' in '{name}:'; write it as year-month-day "
                    "hour:minute in WITA, e.g. '{name}: 2021-11-03 09:00', or delete the line"
                ).format(value=modified.value, name=modified.name),
            )
        )
    # An empty 'Date:' of a page stops the build too (a post's is a missing date).
    written = source.header.fields.get("date")
    if written and not written.value and source.kind == "page":
        problems.append(
            at(
                source,
                written.line,
                _(
                    "cannot read the date '{value}' in '{name}:'; write it as year-month-day "
                    "hour:minute in WITA, e.g. '{name}: 2021-11-03 09:00', or delete the line"
                ).format(value="", name=written.name),
            )
        )
    return problems


def check_category(source: Source, settings: dict, content: Path) -> list[Problem]:
    category = source.header.get("category")
    if category and category.value not in settings["CATEGORIES"]:
        allowed = ", ".join(settings["CATEGORIES"])
        return [
            at(
                source,
                category.line,
                _("category '{value}' is not one of the site's ({allowed})").format(
                    value=category.value, allowed=allowed
                )
                + closest(category.value, settings["CATEGORIES"]),
            )
        ]
    return []


def check_summary(source: Source, settings: dict, content: Path) -> list[Problem]:
    problems, header = [], source.header
    summary = header.get("summary")
    if source.kind == "article" and not is_draft(header) and not summary:
        problems.append(
            at(
                source,
                line_of(header, "summary"),
                _(
                    "the summary is empty; write one or two sentences in 'Summary:' "
                    "(they show on the front page and in link previews)"
                ),
            )
        )
    if summary and len(summary.value) > settings["SUMMARY_MAX_CHARS"]:
        problems.append(
            at(
                source,
                summary.line,
                _("the summary has {count} characters; shorten it to at most {limit}").format(
                    count=len(summary.value), limit=settings["SUMMARY_MAX_CHARS"]
                ),
            )
        )
    if summary:
        problems += [
            at(source, summary.line, message)
            for message in summary_losses(header.meta["summary"], settings)
        ]
    return problems


def check_title(source: Source, settings: dict, content: Path) -> list[Problem]:
    # An address is made of the title as the site shows it, its markup stripped;
    # a title of nothing but punctuation would have an empty address.
    title = source.header.get("title")
    if title and not visible_text(title.value):
        # Shown as written, '<b></b>' would be a title; it is a slip of markup.
        return [
            at(
                source,
                title.line,
                _(
                    "the title '{title}' is nothing but markup or invisible characters, with no "
                    "word to show; write the title in words"
                ).format(title=title.value),
            )
        ]
    if title and not source.header.get("slug") and not source_slug(source, settings):
        return [
            at(
                source,
                title.line,
                _("the title has no words to make an address of; write it in words"),
            )
        ]
    return []


# A tag, an entity or a comment as an editor writes one: what a title of markup is made of.
MARKUP_PIECE = re.compile(r"<[^<>]*>|&(?:#\d+|#x[0-9a-f]+|\w+);?", re.IGNORECASE)


def visible_text(text: str) -> bool:
    """Whether TEXT has a character to see once its markup is taken out: not all spaces,
    control or format characters (U+200B, U+2060...)."""
    rest = MARKUP_PIECE.sub("", text)
    return any(unicodedata.category(character)[0] not in "CZ" for character in rest)


def check_tags(source: Source, settings: dict, content: Path) -> list[Problem]:
    """Tags as Pelican splits them: at ';' when there is one, else at ','."""
    tags = source.header.get("tags")
    if tags is None:
        return []
    problems = []
    names = ensure_metadata_list(tags.value)
    for tag in names:
        if not tag_slug(tag, settings):
            problems.append(
                at(
                    source,
                    tags.line,
                    _(
                        "the tag '{tag}' has no words to make an address of; write it in words"
                    ).format(tag=tag),
                )
            )
    if ";" in tags.value and "," in tags.value:
        problems.append(
            at(
                source,
                tags.line,
                _(
                    "'Tags:' has a ';', so only ';' separates the tags and the commas stay in "
                    "them: {tags}; to separate tags with commas, write no ';'"
                ).format(tags="; ".join(f"'{tag}'" for tag in names)),
                warning=True,
            )
        )
    return problems


def check_slug(source: Source, settings: dict, content: Path) -> list[Problem]:
    slug = source.header.get("slug")
    if slug and not SLUG_FORMAT.match(slug.value):
        return [
            at(
                source,
                slug.line,
                _("slug '{value}' may only have a-z, 0-9 and single hyphens").format(
                    value=slug.value
                ),
            )
        ]
    return []


def check_status(source: Source, settings: dict, content: Path) -> list[Problem]:
    status = source.header.get("status")
    if status and status.value not in STATUSES:
        return [
            at(
                source,
                status.line,
                _("status '{value}' must be one of {allowed}").format(
                    value=status.value, allowed=", ".join(sorted(STATUSES))
                ),
            )
        ]
    return []


def check_old_urls(source: Source, settings: dict, content: Path) -> list[Problem]:
    old_urls = source.header.get("old_urls")
    return [
        at(
            source,
            old_urls.line,
            _(
                "old URL '{value}' must be a path on the old site, e.g. "
                "/index.php/blog/read/1234: it starts with '/', has no host, '?' or '..', "
                "and only letters, digits and . _ ~ % + -"
            ).format(value=old),
        )
        for old in old_url_list(old_urls.value if old_urls else "")
        if not is_old_url(old)
    ]


def check_share(source: Source, settings: dict, content: Path) -> list[Problem]:
    share = source.header.get("share")
    if share and share.value not in ("on", "off"):
        return [
            at(
                source,
                share.line,
                _("'Share: {value}' must be 'on' or 'off' (off hides the Bagikan row)").format(
                    value=share.value
                ),
            )
        ]
    return []


def check_wilayah(source: Source, settings: dict, content: Path) -> list[Problem]:
    if source.kind != "article":
        return []
    return check_regencies(source, settings, is_draft(source.header))


def check_image(source: Source, settings: dict, content: Path) -> list[Problem]:
    problems, header = [], source.header
    image = header.get("image")
    if image and longest_name(image.value) > NAME_MAX_BYTES:
        return [
            at(
                source,
                image.line,
                _(
                    "image '{value}' has a part of {count} bytes, longer than a file name may be "
                    "({limit}), so no file is there; check the path"
                ).format(
                    value=shortened(image.value),
                    count=longest_name(image.value),
                    limit=NAME_MAX_BYTES,
                ),
            )
        ]
    if image and not inside(content, image.value):
        problems.append(
            at(
                source,
                image.line,
                _(
                    "image '{value}' points outside content/; write its path from content/, "
                    "e.g. images/2026/rapat.jpg"
                ).format(value=image.value),
            )
        )
    elif image:
        if not (content / image.value).is_file():
            problems.append(
                at(
                    source,
                    image.line,
                    _(
                        "image '{value}' is not in content/; put the file there or fix the path"
                    ).format(value=image.value),
                )
            )
        alt = header.get("image_alt")
        if alt is None or not alt.value:
            problems.append(
                at(
                    source,
                    image.line,
                    _("the photo has no 'Image_Alt:'; describe what it shows in one sentence"),
                )
            )
        trouble = (content / image.value).is_file() and photo_problem(content / image.value)
        if trouble:
            problems.append(
                at(
                    source,
                    image.line,
                    _("the photo '{name}' {trouble}").format(name=image.value, trouble=trouble),
                )
            )
    return problems


def check_header_end(source: Source, settings: dict, content: Path) -> list[Problem]:
    """A field the site knows at the top of the text: the header ended before it.

    A line of only spaces (a no-break space too) or '---' ends the header as a
    blank line does, for Pelican as for `check`: a 'Status: draft' after it
    would be the post's first paragraph, and the draft published.
    """
    lines = source.body.split("\n")
    start = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    known = set(settings["CONTENT_FIELDS"])
    for offset, line in enumerate(lines[start:], start):
        if not line.strip():
            break
        field = META_RE.match(line)
        if field and field["key"].lower() in known:
            return [
                at(
                    source,
                    source.header.body_line - 1,
                    _(
                        "the header ends on this line (it is empty, or holds only invisible "
                        "spaces or '---'), so '{field}:' on line {line} is text of the post, not "
                        "a field; delete this line, so that the fields stay together"
                    ).format(field=field["key"], line=source.header.body_line + offset),
                )
            ]
    return []


def check_text(source: Source, settings: dict, content: Path) -> list[Problem]:
    """The body's images and links, its characters, and what the sanitizer removes."""
    start = source.header.body_line
    problems = [at(source, start + line, message) for line, message in check_body(source, content)]
    for offset, line in enumerate(source.body.split("\n") if NOT_XML.search(source.body) else []):
        bad = NOT_XML.search(line)
        if bad:
            problems.append(
                at(
                    source,
                    start + offset,
                    _(
                        "this line holds an invisible control character ({code}), which the "
                        "site's feeds cannot carry; delete it (retype the words around it)"
                    ).format(code=f"U+{ord(bad[0]):04X}"),
                )
            )
    problems += [
        at(source, start + finding.line, finding.message, warning=not finding.error)
        for finding in findings(source.body)
    ]
    return problems


def check_losses(source: Source, settings: dict, content: Path) -> list[Problem]:
    """Text the build would swallow, and links it would make that cannot be followed."""
    return [
        at(source, loss.line, loss.message)
        for loss in losses(source.body, settings, source.header.body_line)
    ]


def source_links(source: Source, settings: dict) -> list[tuple[int, str]]:
    """(file line, address) of each link the post's text and summary make, worked out once."""
    if "links" not in source.known:
        site = settings.get("CANONICAL_SITEURL") or settings.get("SITEURL") or ""
        header, lines = source.header, source.body.split("\n")
        found = [
            (header.body_line + line_with(lines, link), link)
            for link in page_links(source.body, settings, site)
        ]
        summary = header.get("summary")
        if summary:
            values = header.meta.get("summary", [summary.value])
            found += [
                (summary.line, link)
                for link in page_links("\n".join(values), settings, site, summary=True)
            ]
        source.known["links"] = found
    return source.known["links"]


def check_indicators(source: Source, settings: dict, content: Path) -> list[Problem]:
    """A link starting with {something} Pelican does not replace: it warns, and the build stops."""
    indicator = re.compile(settings["INTRASITE_LINK_REGEX"])
    problems = []
    for line, link in source_links(source, settings):
        found = indicator.match(link)
        if found and found["what"] not in INDICATORS:
            problems.append(
                at(
                    source,
                    line,
                    _(
                        "'{link}' starts with '{indicator}', which the site does not know, and "
                        "the build stops on it; write {{filename}} (a post or page), {{static}} "
                        "(a file in content/), {{tag}}, {{category}} or {{index}}, or a full "
                        "address"
                    ).format(link=shortened(link), indicator=found[0]),
                )
            )
    return problems


def check_addresses(source: Source, settings: dict, content: Path) -> list[Problem]:
    """Every file the post makes has a name a file may have: its page, tag pages, redirects."""
    problems, header = [], source.header
    slug = source_slug(source, settings)
    for address in own_addresses(source, settings, slug) if slug else []:
        size = longest_name(address)
        if size > NAME_MAX_BYTES:
            problems.append(
                at(
                    source,
                    (header.get("slug") or header.get("title")).line,
                    _(
                        "the address of this post, /{address}, has a part of {count} bytes, "
                        "longer than a file name may be ({limit}); shorten the title or give a "
                        "shorter 'Slug:'"
                    ).format(address=shortened(address), count=size, limit=NAME_MAX_BYTES),
                )
            )
            break
    tags = header.get("tags")
    for tag in ensure_metadata_list(tags.value) if tags else []:
        address = settings["TAG_SAVE_AS"].format(slug=tag_slug(tag, settings))
        size = longest_name(address)
        if size > NAME_MAX_BYTES:
            problems.append(
                at(
                    source,
                    tags.line,
                    _(
                        "the tag '{tag}' makes the address /{address}, with a part of {count} "
                        "bytes, longer than a file name may be ({limit}); shorten the tag"
                    ).format(
                        tag=shortened(tag),
                        address=shortened(address),
                        count=size,
                        limit=NAME_MAX_BYTES,
                    ),
                )
            )
    old_urls = header.get("old_urls")
    for old in old_url_list(old_urls.value if old_urls else ""):
        size = longest_name(str(redirect_file(old))) if is_old_url(old) else 0
        if size > NAME_MAX_BYTES:
            problems.append(
                at(
                    source,
                    old_urls.line,
                    _(
                        "the old URL '{value}' has a part of {count} bytes, longer than a file "
                        "name may be ({limit}), so its redirect page cannot be written; leave "
                        "it out"
                    ).format(value=shortened(old), count=size, limit=NAME_MAX_BYTES),
                )
            )
    return problems


def longest_name(address: str) -> int:
    """The longest part of an address, as a file or folder name: in bytes of UTF-8."""
    return max(len(part.encode()) for part in address.split("/"))


def shortened(text: str) -> str:
    """Each very long part of TEXT cut short, so that a message stays readable."""
    return "/".join(part if len(part) <= 60 else part[:50] + "…" for part in text.split("/"))


class Blank(dict):
    def __missing__(self, key):
        return ""


def own_addresses(source: Source, settings: dict, slug: str) -> list[str]:
    """The files the post's own page is written as: published and as a draft."""
    if source.kind == "page":
        names = ("PAGE_SAVE_AS", "DRAFT_PAGE_SAVE_AS")
    else:
        names = ("ARTICLE_SAVE_AS", "DRAFT_SAVE_AS")
    date = source.header.get("date")
    moment = (parse_date(date.value, settings) if date else None) or datetime(2000, 1, 1)
    values = Blank(slug=slug, date=moment, lang=settings.get("DEFAULT_LANG", ""))
    return [settings[name].format_map(values) for name in names if settings.get(name)]


def source_slug(source: Source, settings: dict) -> str | None:
    """post_slug(), worked out once for the rules that need it."""
    if "slug" not in source.known:
        source.known["slug"] = post_slug(source.header, settings)
    return source.known["slug"]


def post_slug(header: Header, settings: dict) -> str | None:
    """The post's slug as Pelican makes it: 'Slug:', else the title as the site shows it."""
    slug, title = header.get("slug"), header.get("title")
    if slug:
        return slug.value
    if title is None:
        return None
    return slugify(
        title_html(title.value, settings),
        regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def tag_slug(tag: str, settings: dict) -> str:
    """A tag's slug as Pelican's Tag makes it."""
    return slugify(
        tag.strip(),
        regex_subs=settings.get("TAG_REGEX_SUBSTITUTIONS", settings["SLUG_REGEX_SUBSTITUTIONS"]),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


# Each rule, and where a failure inside it is reported: its field's line, or the body's.
RULES = [
    (check_fields, "title"),
    (check_required, "title"),
    (check_date, "date"),
    (check_category, "category"),
    (check_summary, "summary"),
    (check_title, "title"),
    (check_tags, "tags"),
    (check_slug, "slug"),
    (check_status, "status"),
    (check_old_urls, "old_urls"),
    (check_share, "share"),
    (check_wilayah, "wilayah"),
    (check_image, "image"),
    (check_header_end, "body"),
    (check_text, "body"),
    (check_losses, "body"),
    (check_indicators, "body"),
    (check_addresses, "title"),
]


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
    for offset, line in enumerate(source.body.split("\n")):
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
            if longest_name(target) > NAME_MAX_BYTES:
                continue  # no file can have the name: rendered.bad_links says so
            resolved = content / target.lstrip("/") if target.startswith("/") else folder / target
            if not resolved.resolve().is_relative_to(content.resolve()):
                yield (
                    offset,
                    _("'{link}' points outside content/").format(link=link[0]),
                )
            elif not resolved.is_file():
                yield (
                    offset,
                    _("'{link}' points at no file; check the name and folder").format(link=link[0]),
                )
            elif link["kind"] == "filename" and resolved.suffix.lower() != ".md":
                # Pelican links a photo or a document only with {static}, and
                # warns of {filename}: the build stops on it.
                yield (
                    offset,
                    _(
                        "'{link}' links a photo or a file with {{filename}}, which is for posts "
                        "and pages, and the build stops on it; write {fixed}"
                    ).format(link=link[0], fixed=f"{{static}}{target}"),
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
    slug = source_slug(source, settings)
    draft = is_draft(header)
    if source.kind == "page":
        pattern = settings["DRAFT_PAGE_URL"] if draft else settings["PAGE_URL"]
        return pattern.format(slug=slug)
    date = header.get("date")
    moment = parse_date(date.value, settings) if date else None
    if moment is None:
        return None
    pattern = settings["DRAFT_URL"] if draft else settings["ARTICLE_URL"]
    return pattern.format(slug=slug, date=moment)


def check_links(sources: list[Source], settings: dict, posts: dict | None = None) -> list[Problem]:
    """Links of a published post that the published site's pages cannot follow.

    verify-output refuses to publish a site with a link of its own that finds
    no file: a {filename} link to a draft or a post dated in the future, a
    {tag} or {category} no published post has, an {author} (this site writes
    no author pages), or an address from the root that nothing is written at.
    """
    posts = site_posts(sources, settings) if posts is None else posts
    published = as_published(settings)
    written, problems = None, []
    by_file = {path.resolve(): post for path, post in posts.items()}
    for source in sources:
        post = posts.get(source.file)
        if post is None or own_file(post, published) is None:
            continue  # a draft, or not out yet: checked when it is published
        for line, link in source_links(source, settings):
            if written is None:
                written = published_files(sources, settings, posts)
            try:
                message = unfollowable(link, source, settings, by_file, written)
            except Exception as error:  # the file is named, and the other links still checked
                problems.append(failure(source.path, line, error))
                continue
            if message:
                problems.append(Problem(str(source.path), line, message))
    return problems


def published_files(sources: list[Source], settings: dict, posts: dict) -> SiteFiles:
    """What the production build writes, with the redirect pages of its posts' old addresses."""
    published = as_published(settings)
    written = site_files(published, list(posts.values()))
    redirects = set()
    for source in sources:
        post, old = posts.get(source.file), source.header.get("old_urls")
        if post and old and post.kind == "article" and own_file(post, published):
            redirects |= {
                str(redirect_file(address))
                for address in old_url_list(old.value)
                if is_old_url(address)
            }
    return dataclasses.replace(written, files=written.files | redirects)


def unfollowable(link: str, source: Source, settings: dict, posts: dict, written) -> str | None:
    """Why the published site's page cannot follow LINK, or None."""
    indicator = re.compile(settings["INTRASITE_LINK_REGEX"]).match(link)
    if indicator:
        path = urlsplit(link[indicator.end() :]).path
        if indicator["what"] == "filename":
            return unpublished(link, path, source, settings, posts)
        return missing_page(link, indicator["what"], path, settings, written)
    try:
        target = target_of(Path(), link, settings.get("CANONICAL_SITEURL") or settings["SITEURL"])
    except ValueError:  # rendered.bad_links names it
        return None
    if target is None or written.has(target.as_posix()):
        return None
    if longest_name(target.as_posix()) > NAME_MAX_BYTES:
        return None  # rendered.bad_links names it
    return _(
        "the link '{link}' leads to no page of this site (nothing is written at /{path}), so "
        "the site would not be published; check the address, or link to the post's file with "
        "{{filename}}"
    ).format(link=shortened(link), path=shortened(target.as_posix()))


def unpublished(link: str, path: str, source: Source, settings: dict, posts: dict) -> str | None:
    """A {filename} link to a post the published site does not have: a draft, or not out yet."""
    folder = Path(settings["PATH"]) if path.startswith("/") else source.file.parent
    linked = posts.get((folder / path.lstrip("/")).resolve())
    if linked is None or own_file(linked, as_published(settings)):
        return None
    if linked.status == "draft":
        return _(
            "'{link}' leads to a draft, which the published site does not have, so the site "
            "would not be published; publish that post first, or take the link out"
        ).format(link=shortened(link))
    return _(
        "'{link}' leads to a post dated {date}, which is not on the published site before "
        "then, so the site would not be published; link to it once it is out, or take the "
        "link out"
    ).format(link=shortened(link), date=f"{linked.date:%Y-%m-%d %H:%M}")


def missing_page(link: str, what: str, path: str, settings: dict, written) -> str | None:
    """A {tag}, {category} or {author} link to a page the published site does not write."""
    kinds = {"tag": Tag, "category": Category}
    page = taxonomy(kinds[what], path, settings) if what in kinds else None
    if what in kinds and not (page and written.has(page.save_as)):
        return _(
            "'{link}' leads to the page of the {kind} '{name}', and no published post has "
            "it, so the site would not be published; write one a post has, or take the link out"
        ).format(link=shortened(link), kind=_("tag") if what == "tag" else _("category"), name=path)
    if what == "author" and not Author(path, settings).save_as:
        return _(
            "'{link}' leads to an author page, and this site has none (one office writes "
            "everything), so the site would not be published; take the link out"
        ).format(link=shortened(link))
    return None


def site_posts(sources: list[Source], settings: dict) -> dict[Path, Post]:
    """The sources the build makes pages of, as written.py reads them: by file."""
    posts = {}
    for source in sources:
        try:
            post = post_of(source, settings)
        except Exception:  # the file's own rules say what is wrong with it
            post = None
        if post:
            posts[source.file] = post
    return posts


def post_of(source: Source, settings: dict) -> Post | None:
    header = source.header
    slug = source_slug(source, settings)
    if not slug:
        return None
    date, status, tags = header.get("date"), header.get("status"), header.get("tags")
    category, wilayah, image = header.get("category"), header.get("wilayah"), header.get("image")
    return Post(
        source.kind,
        slug,
        parse_date(date.value, settings) if date else None,
        status.value if status and status.value in STATUSES else "published",
        category.value if category else None,
        tuple(ensure_metadata_list(tags.value)) if tags else (),
        wilayah.value if wilayah else None,
        image.value if image else None,
    )


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


def check_urls(sources: list[Source], settings: dict, posts: dict | None = None) -> list[Problem]:
    """Two files on one URL, a page on an address the site itself uses, or an old
    address whose redirect page would land on a file the site writes."""
    posts = site_posts(sources, settings) if posts is None else posts
    written = site_files(settings, list(posts.values()))
    problems, urls = [], {}
    by_url = defaultdict(list)
    for source in sources:
        try:
            urls[source.path] = url_of(source, settings)
        except Exception as error:  # the file is named, and the others are still checked
            problems.append(failure(source.path, line_of(source.header, "title"), error))
        if urls.get(source.path):
            by_url[urls[source.path]].append(source)
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
            others = ", ".join(
                dict.fromkeys(str(other.path) for other, _ in claims if other is not source)
            )
            message = (
                _(
                    "the old URL /{address} is also claimed by {others}; "
                    "an old address can lead to one post only"
                ).format(address=address, others=others)
                if others
                # The redirect page would be written twice, and the build stops on it.
                else _("the old URL /{address} is given twice; keep one").format(address=address)
            )
            problems.append(Problem(str(source.path), line, message))
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
        elif is_old_url(f"/{address}") and (
            taken := written.clash(str(redirect_file(f"/{address}")))
        ):
            problems.append(
                Problem(
                    str(claims[0][0].path),
                    claims[0][1],
                    _(
                        "the old URL /{address} is taken by the site's own /{file}, so its "
                        "redirect page cannot be written there; leave it out"
                    ).format(address=address, file=taken),
                )
            )
    reserved = reserved_segments(settings)
    for source in sources:
        url = urls.get(source.path)
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
