"""Old posts written into the site: checked first, never over an editor's work, safe to repeat.

For each post: its file as `new-post` names it, its photos copied into
content/images/<year>/, its links to other imported posts as {filename}
links, `Wilayah:` where the text tells (regions.py), and `Status: draft`
with the reasons whenever an editor must look first. Each post is checked by
`check`'s own rules before it is written: one that would fail is written as
a draft, and one that would fail even so is not written at all, so an import
never stops the site from building.

Safe to repeat: a file is only written when its bytes change, each one whole
(a temporary file outside content/, then one rename), photos and posts
first, the view-count snapshot and the import's record last.
data/imported-posts.json records what the import wrote (a hash of each
post): a post whose file no longer has that hash was edited, and is kept; a
post an editor deleted is not written again; a post that a less complete
copy of the old site would make a draft, or rob of a photo, is kept too.
"""

import errno
import hashlib
import json
import os
import re
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from translations import _

from .markdown import to_markdown
from .pages import Mirror, OldPost, Skipped, as_old_url
from .posts import Fields, category_of, post_text, summary_of
from .regions import guess_wilayah

RECORD_VERSION = 1
DOCUMENTS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".zip"}
PHOTOS = {".jpg", ".jpeg", ".png", ".webp"}
PAGES = (".html", ".htm")
# WordPress's resized copies: "rapat-1024x683.jpg" of "rapat.jpg".
SIZED = re.compile(r"-\d{2,5}x\d{2,5}(?=\.[A-Za-z]+$)")


class RecordError(Exception):
    pass


_deferred = {"depth": 0, "stopped": False}


@contextmanager
def uninterrupted():
    """Ctrl+C waits for the end of the block (the outermost one), then stops the import."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    outermost = _deferred["depth"] == 0
    if outermost:
        _deferred["stopped"] = False
        previous = signal.signal(signal.SIGINT, lambda *_: _deferred.update(stopped=True))
    _deferred["depth"] += 1
    try:
        yield
    finally:
        _deferred["depth"] -= 1
        if outermost:
            signal.signal(signal.SIGINT, previous or signal.default_int_handler)
    if outermost and _deferred["stopped"]:
        raise KeyboardInterrupt


@dataclass
class Outcome:
    """What happened to one post, for the report."""

    sources: list[str]
    path: str | None = None  # the post's file, from the project's folder
    reasons: list[str] = field(default_factory=list)  # why an editor must look (a draft)
    notes: list[str] = field(default_factory=list)  # worth a look, yet published


@dataclass
class Report:
    written: list[Outcome] = field(default_factory=list)  # new, or the old site's text changed
    unchanged: list[Outcome] = field(default_factory=list)
    kept: list[Outcome] = field(default_factory=list)  # an editor's file, not overwritten
    review: list[Outcome] = field(default_factory=list)  # imported as drafts
    refused: list[Outcome] = field(default_factory=list)  # would fail `check` even as drafts
    merged: list[Outcome] = field(default_factory=list)  # several old pages, one post
    renamed: list[Outcome] = field(default_factory=list)  # same address as another post
    skipped: list[Skipped] = field(default_factory=list)
    unredirected: list[tuple[str, str]] = field(default_factory=list)  # (source, address)
    photos: int = 0  # photos and documents copied
    views: int = 0  # baseline counts added or raised
    problems: list = field(default_factory=list)  # `check`'s lines about imported posts
    fatal: int = 0  # `check`'s problems that would stop the build, anywhere
    noted: list[Outcome] = field(default_factory=list)  # published, with notes
    hints: list[str] = field(default_factory=list)  # what to do for the whole import


def digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


class Files:
    """Where a post's links and photos lead: files saved with it, and old addresses."""

    def find(self, url: str, post: OldPost) -> Path | None:
        raise NotImplementedError

    def address(self, url: str, post: OldPost) -> str | None:
        raise NotImplementedError

    def absolute(self, url: str, post: OldPost) -> str:
        return urljoin(post.base, url)

    def photo_hint(self) -> str:
        """What to do when photos were not found, for the report."""
        raise NotImplementedError


class MirrorFiles(Files):
    def __init__(self, mirror: Mirror):
        self.mirror = mirror

    def host(self, post: OldPost) -> str | None:
        return urlsplit(post.base).netloc.lower() or None

    def find(self, url, post):
        return self.mirror.file_for(url, post.page, self.host(post)) if post.page else None

    def saved_address(self, url: str, post: OldPost) -> str | None:
        """The old address of a page URL leads to, as wget saved it ("1299.html"), saved or not."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.lower().endswith(PAGES):
            return None
        target = self.find(url, post)
        if target is None and post.page is not None:
            path = unquote(parts.path)
            target = (
                self.mirror.root_of(self.host(post)) / path.lstrip("/")
                if path.startswith("/")
                else post.page.parent / path
            ).resolve()
        if target is None or not target.is_relative_to(self.mirror.folder):
            return None
        return self.mirror.address_of(target)

    def address(self, url, post):
        saved = self.saved_address(url, post)
        if saved is not None:
            return saved
        parts = urlsplit(urljoin(post.base, url))
        if parts.scheme in ("http", "https") and parts.netloc.lower() == self.host(post):
            return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return None

    def absolute(self, url, post):
        # The old address, not wget's copy of it: "…/read/1299", not "…/read/1299.html".
        saved, host = self.saved_address(url, post), self.host(post)
        if saved is not None:
            return f"https://{host}{saved}" if host else saved
        return urljoin(post.base, url)

    def photo_hint(self):
        return _(
            "some photos or documents were not beside the saved pages: save the old site "
            "again with wget --mirror --page-requisites (-p), which saves them, and run the "
            "import again"
        )


class ExportFiles(Files):
    def __init__(self, uploads):
        self.uploads = uploads

    def find(self, url, post):
        return self.uploads.file_for(urljoin(post.base, url))

    def address(self, url, post):
        parts = urlsplit(urljoin(post.base, url))
        if parts.netloc.lower() == self.uploads.host:
            return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return None

    def photo_hint(self):
        if self.uploads.folder is None:
            return _(
                "an export holds no photos: give its photos with --uploads FOLDER (the old "
                "site's wp-content/uploads folder, or a mirror of the site), e.g. python3 "
                "dev.py import-wordpress ekspor.xml --uploads uploads"
            )
        return _(
            "some photos are not in {folder}: copy the whole wp-content/uploads folder of "
            "the old site, and run the import again"
        ).format(folder=self.uploads.folder)


def address_key(address: str) -> str:
    path, mark, query = unquote(address).partition("?")
    return (path.rstrip("/") or "/") + mark + query


class Writer:
    """Whole files or nothing: written beside, outside content/, then renamed into place."""

    def __init__(self, scratch: Path):
        self.scratch = scratch
        scratch.mkdir(parents=True, exist_ok=True)
        for left in scratch.glob("*.tmp"):  # from an import that was stopped
            left.unlink(missing_ok=True)
        mask = os.umask(0)
        os.umask(mask)
        self.mode = 0o666 & ~mask

    def write(self, path: Path, data: bytes) -> bool:
        """Write DATA at PATH unless it is there already; True if it was written."""
        if path.is_file() and path.read_bytes() == data:
            return False
        with uninterrupted():  # Ctrl+C waits: no temporary file is left
            return self.replace(path, data)

    def replace(self, path: Path, data: bytes) -> bool:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.scratch, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            Path(temporary).chmod(self.mode)
            try:
                Path(temporary).replace(path)
            except OSError as error:
                if error.errno != errno.EXDEV:  # the cache is on another disk
                    raise
                beside = path.with_name(f".{path.name}.tmp")
                shutil.move(temporary, beside)
                beside.replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return True


def load_record(path: Path) -> dict:
    if not path.exists():
        return {"version": RECORD_VERSION, "posts": {}, "photos": {}}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        message = _(
            "the import's record is not valid JSON ({error}); restore it from git "
            "(git checkout {file})"
        ).format(error=error.msg, file=path.name)
        raise RecordError(f"{path}:{error.lineno}: {message}") from None
    if record.get("version") != RECORD_VERSION:
        message = _("the import's record has version {found}, not {expected}")
        raise RecordError(
            f"{path}:1: " + message.format(found=record.get("version"), expected=RECORD_VERSION)
        )
    record.setdefault("photos", {})
    return record


def record_bytes(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


@dataclass
class Plan:
    post: OldPost
    sources: list[str]
    slug: str
    url: str  # the published address, "berita/2021/11/<slug>/"
    path: Path
    renamed: bool = False
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    body: str = ""  # Markdown; links to other imported posts are tokens (Importer.link)
    fields: Fields | None = None
    links: dict = field(default_factory=dict)  # token -> (the post linked to, its old URL)
    settled: dict = field(default_factory=dict)  # token -> its {filename} link, if published
    link_notes: list[str] = field(default_factory=list)  # links made plain text (settle_links)
    shortened: bool = False  # its address cut short, the title being too long for a file name
    rewritten: bool = False  # its file written by this import
    # new; ours (recorded, unchanged since); unknown (there, not recorded); edited; deleted
    # (recorded, gone); owned (its address is another file's); kept; refused
    state: str = "new"
    other: str = ""  # the old site that wrote the file first, when it is another
    lost: list[str] = field(default_factory=list)  # what writing it again would lose


# The states in which the import writes the post.
WRITTEN = {"new", "ours", "unknown"}


class Site:
    """What the import needs of the site: its settings, its posts and `check`'s rules."""

    def __init__(self, settings: dict, root: Path):
        # Pelican's and check's modules, only when an import runs.
        from kpu_content import check  # noqa: PLC0415
        from kpu_content.header import read_header  # noqa: PLC0415
        from photos.variants import photo_problem  # noqa: PLC0415
        from regencies.gazetteer import load_gazetteer  # noqa: PLC0415

        self.settings, self.root = settings, root
        self.check, self.read_header, self.photo_problem = check, read_header, photo_problem
        self.content = Path(settings["PATH"]).resolve()
        self.gazetteer = load_gazetteer(str(settings["REGENCIES_FILE"]))
        self.sources = self.check.read_sources(settings, root)[0]

    def shown(self, path: Path) -> str:
        path = path.resolve()
        return (
            path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)
        )

    def slug_of(self, title: str) -> str | None:
        return self.check.post_slug(self.read_header(f"Title: {title}\n\n"), self.settings)

    def published_url(self, slug: str, moment) -> str:
        return self.settings["ARTICLE_URL"].format(slug=slug, date=moment)

    def url_of_source(self, source) -> str | None:
        date = source.header.get("date")
        moment = self.check.parse_date(date.value, self.settings) if date else None
        slug = self.check.source_slug(source, self.settings)
        return self.published_url(slug, moment) if slug and moment else None

    def is_draft(self, path: Path) -> bool:
        return self.check.is_draft(self.read_header(path.read_text(encoding="utf-8")))

    def old_addresses(self) -> dict[str, Path]:
        """The posts' files by the old addresses their Old_Urls: redirect (earlier imports)."""
        from old_urls.redirects import old_url_list  # noqa: PLC0415

        found = {}
        for source in self.sources:
            old = source.header.get("old_urls")
            for address in old_url_list(old.value) if old else []:
                found.setdefault(address_key(address), source.file.resolve())
        return found

    def post_path(self, slug: str, moment) -> Path:
        folder = self.content / self.settings["ARTICLE_PATHS"][0] / f"{moment:%Y}"
        return folder / f"{moment:%Y-%m-%d}-{slug}.md"

    def fatal(self, path: Path, text: str) -> list[str]:
        """What `check` would refuse in TEXT written at PATH, even as a draft.

        The text is read from a scratch file, as `check` reads a post (its size,
        its bytes, its header), then checked by every rule.
        """
        scratch = self.root / self.settings.get("CACHE_PATH", ".cache") / "migration"
        scratch.mkdir(parents=True, exist_ok=True)
        trial = scratch / "check.md.tmp"
        with uninterrupted():  # never left behind
            try:
                trial.write_bytes(text.encode("utf-8"))
                read, problems = self.check.read_source(trial, Path(self.shown(path)), "article")
            finally:
                trial.unlink(missing_ok=True)
        if read is None:
            return [problem.message for problem in problems]
        source = self.check.Source(path, read.path, "article", read.header, read.body)
        return [
            problem.message
            for problem in self.check.check_source(source, self.settings, self.content)
            if problem.fatal
        ]


# A slug cut short, for a title too long to make a file's name of ("2021-11-03-<slug>.md").
SHORT_SLUG = 100


def short_slug(slug: str, limit: int) -> tuple[str, bool]:
    """SLUG, or its first words within SHORT_SLUG characters if the post's file name would
    be longer than LIMIT bytes; and whether it was cut."""
    if len(f"2021-11-03-{slug}-99.md".encode()) <= limit:
        return slug, False
    return slug[: SHORT_SLUG + 1].rsplit("-", 1)[0].strip("-"), True


def site_of(post: OldPost) -> str:
    """The old site a post comes from, "https://ntt.kpu.go.id", as the record keeps it."""
    parts = urlsplit(post.base)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def body_text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def same_post(one: OldPost, other: OldPost) -> bool:
    return (
        one.title == other.title
        and one.published.when.date() == other.published.when.date()
        and body_text(one.body) == body_text(other.body)
    )


def unlink(body: str, token: str) -> str:
    """BODY with each Markdown link to TOKEN, "[words](token)", as its words alone."""
    end = f"]({token})"
    while (at := body.find(end)) != -1:
        depth, start = 0, at - 1
        while start >= 0:  # back to the "[" that opens it, past nested brackets
            if start == 0 or body[start - 1] != "\\":
                if body[start] == "]":
                    depth += 1
                elif body[start] == "[":
                    if depth == 0:
                        break
                    depth -= 1
            start -= 1
        if start < 0:
            return body.replace(end, "]")
        body = body[:start] + body[start + 1 : at] + body[at + len(end) :]
    return body


def photos_in(text: str) -> set[str]:
    """The photos and documents a post's text shows or links: "images/2021/rapat.jpg"."""
    linked = set(re.findall(r"\{static\}/([^)\s]+)", text))
    return linked | set(re.findall(r"^Image:[ \t]*(\S+)", text, re.MULTILINE))


class Importer:
    def __init__(self, site: Site, files: Files, record_path: Path, snapshot_path: Path):
        self.site, self.files = site, files
        self.record_path, self.snapshot_path = record_path, snapshot_path
        self.record = load_record(record_path)
        self.report = Report()
        self.writer = Writer(site.root / site.settings.get("CACHE_PATH", ".cache") / "migration")
        self.photo_plan: dict[Path, Path] = {}  # source file -> where it goes in content/
        self.photo_sources: dict[str, str] = {}  # content path -> digest of its source
        self.photos_written: set[Path] = set()
        self.photos_missing = False  # a photo or document was not among the saved files

    # -- planning -------------------------------------------------------------------------

    def plan(self, posts: list[OldPost]) -> list[Plan]:
        plans: dict[str, Plan] = {}
        # Addresses of posts the import did not write (its own are planned again).
        taken = {
            self.site.url_of_source(source)
            for source in self.site.sources
            if self.site.shown(source.file) not in self.record["posts"]
        }
        for post in sorted(posts, key=lambda p: (p.published.when, p.source)):
            slug = self.site.slug_of(post.title)
            if not slug:
                reason = _("the title has no words to make an address of")
                self.report.refused.append(Outcome([post.source], reasons=[reason]))
                continue
            slug, shortened = short_slug(slug, self.site.check.NAME_MAX_BYTES)
            url = self.site.published_url(slug, post.published.when)
            first = plans.get(url)
            if first is not None and same_post(first.post, post):
                first.post.addresses += [a for a in post.addresses if a not in first.post.addresses]
                first.post.views = max(filter(None, [first.post.views, post.views]), default=None)
                first.sources.append(post.source)
                continue
            renamed = False
            if first is not None:
                number = 2
                while self.site.published_url(f"{slug}-{number}", post.published.when) in (
                    plans.keys() | taken
                ):
                    number += 1
                slug, renamed = f"{slug}-{number}", True
                url = self.site.published_url(slug, post.published.when)
            plan = Plan(
                post, [post.source], slug, url, self.site.post_path(slug, post.published.when)
            )
            if shortened:
                plan.shortened = True
                plan.reasons.append(
                    _(
                        "its title is too long to make a file name of; it was given the shorter "
                        "address /{url}"
                    ).format(url=url)
                )
            if renamed:
                plan.renamed = True
                plan.reasons.append(
                    _(
                        "it has the title and month of {other}, so it was given the address "
                        "/{url}; check that it is not the same post"
                    ).format(other=", ".join(first.sources), url=url)
                )
            plans[url] = plan
        return list(plans.values())

    def settle(self, plans: list[Plan]) -> None:
        """Whose each file is: new, the import's own, or an editor's (kept)."""
        by_url = {}
        for source in self.site.sources:
            url = self.site.url_of_source(source)
            if url:
                by_url.setdefault(url, source)
        for plan in plans:
            key = self.site.shown(plan.path)
            recorded = self.record["posts"].get(key)
            owner = by_url.get(plan.url)
            if owner is not None and owner.file.resolve() != plan.path.resolve():
                mine = self.record["posts"].get(self.site.shown(owner.file))
                if mine is None:
                    plan.state = "owned"
                elif mine["sha256"] == digest(owner.file.read_bytes()):
                    plan.state = "redated"  # imported before, with the date the old site had
                else:
                    plan.state = "edited"
                plan.path = owner.file.resolve()
            elif recorded and recorded.get("site", site_of(plan.post)) != site_of(plan.post):
                # The same post, imported from another old site first: that one stays.
                plan.state, plan.other = "other", recorded["site"]
            elif plan.path.is_file():
                current = digest(plan.path.read_bytes())
                plan.state = (
                    "ours"
                    if recorded and recorded["sha256"] == current
                    else ("edited" if recorded else "unknown")
                )
            elif recorded:
                plan.state = "deleted"

    # -- composing ------------------------------------------------------------------------

    def photo_target(self, found: Path, year: int) -> Path:
        """Where a photo or document of the old site goes: content/images/<year>/<name>."""
        if found in self.photo_plan:
            return self.photo_plan[found]
        data = found.read_bytes()
        source = digest(data)
        slug = self.site.check.tag_slug(Path(unquote(found.name)).stem, self.site.settings)
        name = (slug or "foto") + found.suffix.lower().replace(".jpeg", ".jpg")
        folder = self.site.content / self.site.settings["STATIC_PATHS"][0] / str(year)
        own = folder / name
        # The same photo under two names ("kegiatan-a.jpg", "kegiatan-b.jpg") is copied once,
        # as the same file in every run: its own name if copied so, else the first copy's.
        copies = sorted(
            (self.site.root / written).resolve()
            for written, recorded in (self.record["photos"] | self.photo_sources).items()
            if recorded == source and (self.site.root / written).is_file()
        )
        if own.resolve() in copies:
            target = own.resolve()
        elif copies:
            target = copies[0]
        else:
            target = own
            taken = set(self.photo_plan.values())
            if (target.exists() and target.read_bytes() != data) or target in taken:
                target = folder / f"{Path(name).stem}-{source[7:15]}{Path(name).suffix}"
        self.photo_plan[found] = target
        self.photo_sources[self.site.shown(target)] = source
        return target

    def original(self, found: Path) -> Path:
        """WordPress's full-size photo rather than a resized copy, when it was saved too."""
        full = found.with_name(SIZED.sub("", found.name))
        return full if full != found and full.is_file() else found

    def find_photo(self, url: str, post: OldPost) -> Path | None:
        """The saved photo URL shows: its full size if saved, else the copy the page showed."""
        path = urlsplit(url).path
        full = url.replace(path, SIZED.sub("", path)) if SIZED.search(path) else None
        found = (self.files.find(full, post) if full else None) or self.files.find(url, post)
        return self.original(found) if found else None

    def static(self, target: Path) -> str:
        return "{static}/" + target.relative_to(self.site.content).as_posix()

    def photo(self, plan: Plan, url: str, alt: str) -> str:
        post, year = plan.post, plan.post.published.when.year
        found = self.find_photo(url, post) if url else None
        if found is None:
            self.photos_missing = True
            plan.reasons.append(
                _(
                    "the photo {url} is not among the saved files; save it and add it by hand"
                ).format(url=self.files.absolute(url, post))
            )
            return ""
        trouble = (
            self.site.photo_problem(found)
            if found.suffix.lower() in PHOTOS
            else _("is not a JPEG, PNG or WebP photo")
        )
        if trouble:
            plan.reasons.append(
                _("the photo {name} {trouble}; it was left out").format(
                    name=found.name, trouble=trouble
                )
            )
            return ""
        target = self.photo_target(found, year)
        if not alt:
            plan.reasons.append(
                _(
                    "the photo {name} has no alt text on the old site; it is linked, not shown: "
                    "describe what it shows and write ![description]({link})"
                ).format(name=target.name, link=self.static(target))
            )
            return f"[Foto tanpa teks alternatif: {target.name}]({self.static(target)})"
        alt = alt.replace("[", "(").replace("]", ")")
        return f"![{alt}]({self.static(target)})"

    def link(self, plan: Plan, href: str, targets: dict) -> str | None:
        href = href.strip()
        if not href or href.startswith("#") or href.lower().startswith(("javascript:", "data:")):
            return None
        if href.lower().startswith(("mailto:", "tel:")):
            return href
        post = plan.post
        found = self.files.find(href, post)
        address = self.files.address(href, post)
        target = targets.get(found) or (targets.get(address_key(address)) if address else None)
        absolute = self.files.absolute(href, post)
        if target is plan:
            return None  # a link to the post itself
        if target is not None:
            # Settled once every post's status is known (settle_links()).
            token = f"kpu-import-link-{len(plan.links)}"
            plan.links[token] = (target, absolute)
            return token
        if found is not None and found.suffix.lower() in DOCUMENTS | PHOTOS:
            return self.static(self.photo_target(found, post.published.when.year))
        return self.elsewhere(plan, found, address, absolute)

    def elsewhere(self, plan: Plan, found, address: str | None, absolute: str) -> str | None:
        """A link to no post and no saved file: to another site, or to the old one."""
        document = Path(urlsplit(absolute).path).suffix.lower() in DOCUMENTS
        if found is None and address is not None and document:
            # A document of the old site that was not saved: its link dies with the old site.
            self.photos_missing = True
            plan.reasons.append(
                _(
                    "the document {url} is not among the saved files: the link leads to the "
                    "old site; save the document with the pages (or put it in content/images/ "
                    "and link to it) before the old site is switched off"
                ).format(url=absolute)
            )
            return absolute
        if address is not None or not urlsplit(absolute).scheme:
            # A page of the old site not imported: its address is not this site's, and the
            # old site goes once this one takes its place.
            plan.notes.append(
                _(
                    "the link to {url}, a page of the old site that was not imported, is plain "
                    "text now; link the words to the page's new address by hand if it has one"
                ).format(url=absolute)
            )
            return None
        return absolute

    def compose(self, plan: Plan, targets: dict) -> None:
        """The post's header and body; its status from `check`'s rules (links to old URLs)."""
        post, settings = plan.post, self.site.settings
        plan.reasons += post.notes
        if post.draft:
            plan.reasons.append(post.draft)
        if not post.published.timed:
            plan.notes.append(
                _(
                    "the old page gives the day but no time: its Date: is {date} 00:00 (WITA); "
                    "write the time there if you know it"
                ).format(date=f"{post.published.when:%Y-%m-%d}")
            )
        image = image_alt = caption = None
        body = post.body
        if post.image:
            image, image_alt = self.featured(plan)
            if image:
                body, caption = self.without_featured(plan, body)
        plan.body = to_markdown(
            body,
            lambda url, alt: self.photo(plan, url, alt),
            lambda href: self.link(plan, href, targets),
        )
        text = body_text(post.body)
        wilayah, why = guess_wilayah(f"{text}\n{post.title}", self.site.gazetteer)
        if why:
            plan.reasons.append(f"Wilayah: {why}")  # the field's name, in every language
        old_urls = []
        for address in post.addresses:
            old = as_old_url(address)
            if old is None:
                self.report.unredirected.append((post.source, address))
            elif old not in old_urls:
                old_urls.append(old)
        limit = settings["SUMMARY_MAX_CHARS"]
        summary = post.summary if post.summary and len(post.summary) <= limit else None
        plan.fields = Fields(
            title=post.title,
            date=f"{post.published.when:%Y-%m-%d %H:%M}",
            category=category_of(post.section, settings["CATEGORIES"]),
            tags=[tag for tag in post.tags if self.site.check.tag_slug(tag, settings)],
            wilayah=wilayah,
            summary=summary or summary_of(post.body, limit),
            image=image,
            image_alt=image_alt,
            image_caption=caption,
            slug=plan.slug if plan.renamed or plan.shortened else None,
            old_urls=old_urls,
            draft=bool(plan.reasons),
        )
        # Photos first: a post is checked, and written, only once what it shows is there.
        self.write_photos()
        problems = self.site.fatal(plan.path, self.direct_text(plan))
        if problems and not plan.fields.draft:
            plan.reasons += [_("check: {problem}").format(problem=p) for p in problems]
            plan.fields.draft = True
            problems = self.site.fatal(plan.path, self.direct_text(plan))
        if problems:
            plan.state, plan.reasons = "refused", [*problems, self.refused_hint(plan)]

    def refused_hint(self, plan: Plan) -> str:
        """What to do with a post that was not written, so that its address and count live."""
        post = plan.post
        olds = ", ".join(old for old in map(as_old_url, post.addresses) if old) or "-"
        hint = _(
            "it was not written. Fix it in the saved page {source} (e.g. shorten its title "
            "everywhere the page writes it) and run the import again, which keeps its old "
            "address and its count; or write it by hand (python3 dev.py new-post) with "
            "Old_Urls: {old}"
        ).format(source=post.source, old=olds)
        if post.views:
            hint += _("; by hand its old count ({views} views) is not kept").format(
                views=post.views
            )
        return hint

    def featured(self, plan: Plan) -> tuple[str | None, str | None]:
        post = plan.post
        url, alt = post.image
        found = self.find_photo(url, post)
        if found is None:
            self.photos_missing = True
            plan.reasons.append(
                _("the featured photo {url} is not among the saved files").format(url=url)
            )
            return None, None
        trouble = self.site.photo_problem(found)
        if trouble:
            plan.reasons.append(
                _("the photo {name} {trouble}; it was left out").format(
                    name=found.name, trouble=trouble
                )
            )
            return None, None
        if not alt:
            plan.reasons.append(
                _("the featured photo {name} has no alt text; it was left out").format(
                    name=found.name
                )
            )
            return None, None
        target = self.photo_target(found, post.published.when.year)
        return target.relative_to(self.site.content).as_posix(), alt

    def without_featured(self, plan: Plan, html: str) -> tuple[str, str | None]:
        """The body less the featured photo, which the post shows above it already, and that
        photo's caption there, for `Image_Caption:`."""
        post = plan.post
        featured = self.find_photo(post.image[0], post)
        soup = BeautifulSoup(html, "html.parser")
        for image in soup.find_all("img"):
            if not image.get("src") or self.find_photo(image["src"], post) != featured:
                continue
            figure = image.find_parent("figure")
            caption = figure.find("figcaption") if figure else None
            text = " ".join(caption.get_text(" ").split()) if caption else None
            (figure or image).decompose()
            return str(soup), text or None
        return html, None

    def direct_text(self, plan: Plan) -> str:
        """The post with its links to other imported posts as plain text, as `check` takes
        it before those posts are written."""
        body = plan.body
        for token in plan.links:
            body = unlink(body, token)
        return post_text(plan.fields, body)

    def final_text(self, plan: Plan) -> str:
        """The post with {filename} links to the posts that are published (settle_links())."""
        body = plan.body
        for token in plan.links:
            link = plan.settled.get(token)
            body = body.replace(f"]({token})", f"]({link})") if link else unlink(body, token)
        return post_text(plan.fields, body)

    def settle_links(self, plan: Plan) -> None:
        """Each link to another post: {filename} if that post is published, else plain text
        and a note, for a published post's link to a draft stops the build."""
        plan.settled, plan.link_notes = {}, []
        if plan.state not in WRITTEN:
            return
        for token, (target, absolute) in plan.links.items():
            if isinstance(target, Plan) and target.state in WRITTEN:
                path, published = target.path, not target.fields.draft
            elif isinstance(target, Plan) and target.state == "refused":
                path, published = None, False
            else:  # a post already in content/: an editor's, or imported before
                path = target.path if isinstance(target, Plan) else target
                published = path.is_file() and not self.site.is_draft(path)
            if published:
                link = "{filename}/" + path.relative_to(self.site.content).as_posix()
                plan.settled[token] = link
                continue
            if path is None:
                message = _(
                    "the link to {url} is plain text: that post was not imported (see 'Not "
                    "imported'); link the words to it by hand once it is written"
                )
            else:
                message = _(
                    "the link to {url} is plain text: that post, {file}, is a draft; once it "
                    "is published, the next import links the words to it (or link them with "
                    "({{filename}}/{link}))"
                )
            plan.link_notes.append(
                message.format(
                    url=absolute,
                    file=self.site.shown(path) if path else "",
                    link=path.relative_to(self.site.content).as_posix() if path else "",
                )
            )

    def write_photos(self) -> None:
        for found, target in sorted(self.photo_plan.items(), key=lambda item: str(item[1])):
            if target not in self.photos_written:
                self.report.photos += self.writer.write(target, found.read_bytes())
                self.photos_written.add(target)

    # -- running --------------------------------------------------------------------------

    def run(self, posts: list[OldPost], skipped: list[Skipped], today: date) -> Report:
        report = self.report
        report.skipped = sorted(skipped, key=lambda s: s.source)
        plans = self.plan(posts)
        self.settle(plans)
        for plan in plans:
            if len(plan.sources) > 1:
                report.merged.append(Outcome(plan.sources, self.site.shown(plan.path)))
            if plan.renamed:
                report.renamed.append(Outcome(plan.sources, self.site.shown(plan.path)))
        # Old addresses imported before (or typed in Old_Urls:), then this import's own.
        targets = {key: path for key, path in self.site.old_addresses().items() if path.is_file()}
        for plan in plans:
            if plan.state == "deleted":
                continue
            # An editor's file stays where it is: links lead to it.
            target = plan.path if plan.state in ("owned", "edited", "redated") else plan
            if plan.post.page is not None:
                targets[plan.post.page.resolve()] = target
            for address in plan.post.addresses:
                targets[address_key(address)] = target
        for plan in plans:
            if plan.state in WRITTEN:
                self.compose(plan, targets)
        for plan in plans:
            self.settle_links(plan)
        for plan in plans:
            if plan.state == "unknown":
                # Not in the record, yet what this import writes: one it wrote, stopped early.
                current = plan.path.read_bytes()
                ours = current in (self.final_text(plan).encode(), self.direct_text(plan).encode())
                plan.state = "ours" if ours else "kept"
        for plan in plans:
            if plan.state == "ours":
                plan.lost = self.lost_by(plan)
                if plan.lost:  # a copy of the old site less complete than the one imported
                    plan.state = "complete"
        for plan in plans:
            self.settle_links(plan)  # the states are final now
        if self.photos_missing:
            report.hints.append(self.files.photo_hint())
        # The old counts before any post: a post is never there without its count, and a
        # count of a post not written yet shows nowhere.
        counts = {
            "/" + plan.url: plan.post.views
            for plan in plans
            if plan.post.views and plan.state not in ("refused", "deleted")
        }
        report.views = self.save_views(counts, today)
        self.record["photos"].update(self.photo_sources)  # copied while composing
        for plan in plans:
            waiting = [
                target
                for target, _absolute in plan.links.values()
                if isinstance(target, Plan) and not target.path.is_file()
            ]
            if plan.state in WRITTEN and waiting:
                # Its links lead to posts not written yet: first as plain text.
                self.write_post(plan, self.direct_text(plan).encode("utf-8"))
        for plan in plans:
            notes = list(dict.fromkeys(plan.notes + plan.link_notes))
            outcome = Outcome(plan.sources, self.site.shown(plan.path), plan.reasons, notes)
            if plan.state == "refused":
                outcome.path = None  # nothing is written: no file to name
                report.refused.append(outcome)
                continue
            if plan.state not in WRITTEN:
                outcome.reasons, outcome.notes = [self.kept_reason(plan)], []
                report.kept.append(outcome)
                continue
            if self.write_post(plan, self.final_text(plan).encode("utf-8")) or plan.rewritten:
                report.written.append(outcome)
            else:
                report.unchanged.append(outcome)
            if plan.reasons:
                report.review.append(outcome)
            elif outcome.notes:
                report.noted.append(outcome)
        with uninterrupted():
            self.writer.write(self.record_path, record_bytes(self.record))
        return report

    def write_post(self, plan: Plan, data: bytes) -> bool:
        """The post's file and its entry in the record, both or neither if Ctrl+C comes."""
        with uninterrupted():
            written = self.writer.write(plan.path, data)
            plan.rewritten |= written
            self.record["posts"][self.site.shown(plan.path)] = {
                "sha256": digest(data),
                "from": plan.sources,
                "addresses": plan.post.addresses,
                "site": site_of(plan.post),
            }
            self.writer.write(self.record_path, record_bytes(self.record))
        return written

    def lost_by(self, plan: Plan) -> list[str]:
        """What writing the post again would lose: its publication, its photos."""
        before = plan.path.read_text(encoding="utf-8")
        status = self.site.read_header(before).get("status")
        lost = []
        if plan.fields.draft and not (status and status.value == "draft"):
            lost.append(_("make the published post a draft"))
        photos = sorted(photos_in(before) - photos_in(self.final_text(plan)))
        if photos:
            lost.append(_("leave out its photos {names}").format(names=", ".join(photos)))
        return lost

    def kept_reason(self, plan: Plan) -> str:
        """Why the post's file was not written, and what an editor may do: each word true."""
        shown = self.site.shown(plan.path)
        if plan.state == "deleted":
            return _("{file} was deleted by an editor; it is not written again").format(file=shown)
        header = self.site.read_header(plan.path.read_text(encoding="utf-8"))
        written = header.get("old_urls")
        there = {old.strip() for old in written.value.split(",")} if written else set()
        missing = [
            old for old in dict.fromkeys(map(as_old_url, plan.post.addresses)) if old
            and old not in there
        ]  # fmt: skip
        hint = (
            _("; to keep the old address working add {old} to its Old_Urls:").format(
                old=", ".join(missing)
            )
            if missing
            else ""
        )
        if plan.state == "complete":
            message = _(
                "{file} was imported before from a more complete copy of the old site; "
                "writing it again would {lost}: it is kept as it is"
            )
            return message.format(file=shown, lost=_(" and ").join(plan.lost)) + hint
        if plan.state == "redated":
            message = _(
                "{file} was imported before with the date {before}; the old site now says "
                "{after}: it is kept as it is; change its Date: by hand if the new one is right"
            )
            date = header.get("date")
            return (
                message.format(
                    file=shown,
                    before=date.value if date else "?",
                    after=f"{plan.post.published.when:%Y-%m-%d %H:%M}",
                )
                + hint
            )
        if plan.state == "other":
            message = _("{file} was imported from {site} already; it is kept as it is")
            return message.format(file=shown, site=plan.other) + hint
        if plan.state == "edited":
            message = _("{file} was edited after the import; it is kept as it is")
            return message.format(file=shown) + hint
        message = _("{file} is already in content/ (written by hand); it is kept as it is")
        return message.format(file=shown) + hint

    def save_views(self, counts: dict[str, int], today: date) -> int:
        """The old counters as baselines; only the baseline's lines of the file change."""
        from view_counts import snapshot as snapshots  # noqa: PLC0415

        snapshots.load(self.snapshot_path)  # whole and valid, or SnapshotError
        text = self.snapshot_path.read_text(encoding="utf-8") if self.snapshot_path.exists() else ""
        written = json.loads(text) if text else snapshots.empty()
        raised = snapshots.raise_baseline(written, counts, today)
        if not raised:
            return 0
        # The file as it was written (an older version's layout too): only what changed.
        before = json.loads(text) if text else None
        if before is None or (
            before.get("version") == snapshots.VERSION and text == snapshots.dumps(before)
        ):
            data = snapshots.dumps(written)
        elif text == record_bytes(before).decode():
            data = record_bytes(written).decode()
        else:  # a layout of its own: view_counts writes it its way
            snapshot = snapshots.load(self.snapshot_path)
            snapshots.raise_baseline(snapshot, counts, today)
            data = snapshots.dumps(snapshot)
        self.writer.write(self.snapshot_path, data.encode("utf-8"))
        return raised


def final_check(site: Site, report: Report, paths: set[str]) -> None:
    """`check` over the whole site, as the build will run it: its lines about imported posts."""
    problems = site.check.check_site(site.settings, site.root)
    report.fatal = sum(problem.fatal for problem in problems)
    report.problems = [problem for problem in problems if problem.path in paths or problem.fatal]
