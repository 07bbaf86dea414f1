"""What a build writes into its output folder, worked out from the settings and the posts.

site_files(settings, posts) lists every file a build with SETTINGS writes,
without building: each post's page, the home page and its pages, the
archives, category, topic and regency pages (Pelican's own URL wrappers and
paginator make their names), the direct templates, feeds, static files and
the photos' copies; and the folders a plugin fills whole (admin/, pagefind/,
nginx/, theme/, feeds/...), whose files are not listed. `check` refuses an
old address whose redirect page would land on one of them, and a link of a
published post that finds none of them in the production build.
"""

import fnmatch
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath

from pelican.paginator import Paginator
from pelican.urlwrappers import Category, Tag
from pelican.utils import slugify

from photos.variants import PHOTO_SUFFIXES, measure, plan
from regencies.gazetteer import RegencyError, load_gazetteer

# Folders the site's plugins fill with files of their own: the search index
# (plugins/search), and the feeds, which only the production build writes.
PAGEFIND = "pagefind"
FEEDS = "feeds"
FEED_SETTINGS = (
    *("FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS"),
    *("TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS"),
)
TAXONOMY_FEEDS = ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS", "TAG_FEED_ATOM", "TAG_FEED_RSS")


@dataclass(frozen=True)
class Post:
    """A post or page as the build sees it, from its header."""

    kind: str  # "article" or "page"
    slug: str
    date: datetime | None  # in the site's time zone
    status: str = "published"  # as written: published, draft or hidden
    category: str | None = None
    tags: tuple[str, ...] = ()
    wilayah: str | None = None
    image: str | None = None


@dataclass(frozen=True)
class SiteFiles:
    files: frozenset[str]  # relative to the output folder, e.g. "topik/pemilu/index.html"
    folders: frozenset[str]  # filled whole by a plugin, e.g. "admin"

    def clash(self, path: str) -> str | None:
        """The file or folder of the site that a file written at PATH would replace, if any.

        PATH itself, a file where PATH needs a folder ("sitemap.xml" for
        "sitemap.xml/index.html"), or a folder of the site's own.
        """
        parts = PurePosixPath(path).parts
        for end in range(1, len(parts) + 1):
            prefix = "/".join(parts[:end])
            if prefix in self.folders:
                return f"{prefix}/"
            if prefix in self.files:
                return prefix
        return None

    @cached_property
    def parents(self) -> frozenset[str]:
        return frozenset(
            str(parent) for file in self.files for parent in PurePosixPath(file).parents
        )

    def has(self, path: str) -> bool:
        """Whether PATH is a file or a folder of the output, as verify-output looks for it."""
        path = path.strip("/")
        if not path or path in self.files or path in self.parents:
            return True
        return any(path == folder or path.startswith(f"{folder}/") for folder in self.folders)


def as_published(settings: dict) -> dict:
    """SETTINGS as the production build has them: no drafts, no posts dated in the future."""
    return settings | {"WITH_FUTURE_DATES": False, "DRAFT_SAVE_AS": "", "DRAFT_PAGE_SAVE_AS": ""}


def status_of(post: Post, settings: dict, now: datetime | None = None) -> str:
    """The status Pelican gives POST: without WITH_FUTURE_DATES, one dated later is a draft."""
    later = post.date and post.date > (now or datetime.now(UTC))
    if post.kind == "article" and later and not settings.get("WITH_FUTURE_DATES", True):
        return "draft"
    return post.status


def own_file(post: Post, settings: dict, now: datetime | None = None) -> str | None:
    """The file POST's own page is written to, or None when this build does not write it."""
    draft = status_of(post, settings, now) == "draft"
    if post.kind == "page":
        pattern = settings.get("DRAFT_PAGE_SAVE_AS" if draft else "PAGE_SAVE_AS")
    else:
        pattern = settings.get("DRAFT_SAVE_AS" if draft else "ARTICLE_SAVE_AS")
    if not pattern or (post.date is None and "{date" in pattern):
        return None
    return pattern.format_map(Values(slug=post.slug, date=post.date, lang=settings["DEFAULT_LANG"]))


class Values(dict):
    def __missing__(self, key):
        return ""


def site_files(settings: dict, posts: list[Post], now: datetime | None = None) -> SiteFiles:
    """Every file a build with SETTINGS writes for POSTS, and the folders plugins own."""
    files, listed = set(), []
    for post in posts:
        written = own_file(post, settings, now)
        if written is None:
            continue
        files.add(written)
        if post.kind == "article" and post.image:
            # plugins/share_links: the link preview's picture beside the page.
            files.add(f"{PurePosixPath(written).parent}/og.jpg")
        if post.kind == "article" and status_of(post, settings, now) == "published":
            listed.append(post)
    files |= listing_files(settings, listed)
    files |= static_files(settings)
    folders = {
        settings.get("THEME_STATIC_DIR", "theme"),
        PAGEFIND,
        FEEDS,
        *(settings.get(name) for name in ("EDITOR_SAVE_AS", "NGINX_SAVE_AS")),
    }
    statistics = settings.get("VIEW_COUNTS_STATISTICS_SAVE_AS")
    if statistics:
        # The statistics page and its CSV files, when there are view counts.
        folders.add(str(PurePosixPath(statistics).parent))
    for name in (*FEED_SETTINGS, *TAXONOMY_FEEDS, "REGENCY_FEED_ATOM"):
        if settings.get(name) and "/" in settings[name]:
            folders.add(settings[name].split("/")[0])
    return SiteFiles(frozenset(files), frozenset(folder for folder in folders if folder))


def paginated(settings: dict, template: str, save_as: str, count: int) -> set[str]:
    """SAVE_AS and its further pages, as Pelican's writer pages a list of COUNT posts."""
    if template not in settings["PAGINATED_TEMPLATES"]:
        return {save_as}
    per_page = settings["PAGINATED_TEMPLATES"][template] or settings["DEFAULT_PAGINATION"]
    pages = Paginator(save_as, "", [None] * count, settings, per_page)
    return {pages.page(number).save_as for number in pages.page_range}


def listing_files(settings: dict, listed: list[Post]) -> set[str]:
    """The lists of the published posts: home page, direct templates, archives, taxonomies."""
    files = set()
    for template in settings["DIRECT_TEMPLATES"]:
        name = "INDEX_SAVE_AS" if template == "index" else f"{template.upper()}_SAVE_AS"
        save_as = settings.get(name, f"{template}.html")
        if save_as:
            files |= paginated(settings, template, save_as, len(listed))
    for template in settings.get("TEMPLATE_PAGES", {}).values():
        files.add(template)
    for post in listed:
        for name in ("YEAR_ARCHIVE_SAVE_AS", "MONTH_ARCHIVE_SAVE_AS", "DAY_ARCHIVE_SAVE_AS"):
            if settings.get(name):
                files.add(settings[name].format(date=post.date))
    for kind, template, names in (
        (Category, "category", lambda post: [post.category] if post.category else []),
        (Tag, "tag", lambda post: list(post.tags)),
    ):
        counts = {}
        for post in listed:
            for name in names(post):
                wrapper = taxonomy(kind, name, settings)
                if wrapper:
                    count = counts.get(wrapper.slug, (None, 0))[1]
                    counts[wrapper.slug] = (wrapper, count + 1)
        for wrapper, count in counts.values():
            if wrapper.save_as:
                files |= paginated(settings, template, wrapper.save_as, count)
            for feed in (f"{template.upper()}_FEED_ATOM", f"{template.upper()}_FEED_RSS"):
                if settings.get(feed):
                    files.add(settings[feed].format(slug=wrapper.slug))
    for name in FEED_SETTINGS:
        if settings.get(name):
            files.add(settings[name].format(lang=settings["DEFAULT_LANG"]))
    return files | regency_files(settings, listed)


def taxonomy(kind, name: str, settings: dict):
    """Pelican's Tag or Category for NAME, or None when it has no slug (`check` says so),
    without the warning Pelican logs then."""
    wrapper = kind(name, settings)
    subs = settings.get(
        f"{kind.__name__.upper()}_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    )
    slug = slugify(
        wrapper.name,
        regex_subs=subs,
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
    if not slug:
        return None
    wrapper.slug = slug
    return wrapper


def regency_files(settings: dict, listed: list[Post]) -> set[str]:
    """plugins/regencies: the map page, and a page for every regency, paged."""
    if not settings.get("REGENCIES_FILE") or not settings.get("REGENCY_SAVE_AS"):
        return set()
    gazetteer = load_gazetteer(str(settings["REGENCIES_FILE"]))
    counts = dict.fromkeys((regency.slug for regency in gazetteer.regencies), 0)
    for post in listed:
        try:
            placement = gazetteer.place(post.wilayah or "")
        except RegencyError:  # its own problem in `check`
            continue
        for regency in placement.regencies:
            counts[regency.slug] += 1
    files = {settings["REGENCIES_SAVE_AS"]} if settings.get("REGENCIES_SAVE_AS") else set()
    for slug, count in counts.items():
        files |= paginated(
            settings, "regency", settings["REGENCY_SAVE_AS"].format(slug=slug), count
        )
        if settings.get("REGENCY_FEED_ATOM") and count:
            files.add(settings["REGENCY_FEED_ATOM"].format(slug=slug))
    return files


def static_files(settings: dict) -> set[str]:
    """Pelican's static files (STATIC_PATHS), and every copy plugins/photos makes of a photo."""
    content = Path(settings["PATH"])
    ignores = settings.get("IGNORE_FILES", [])
    excluded = set(settings.get("STATIC_EXCLUDES", []))
    files = set()
    for folder in settings["STATIC_PATHS"]:
        if folder in excluded:
            continue
        for path in sorted((content / folder).rglob("*")):
            if not path.is_file() or any(fnmatch.fnmatch(path.name, i) for i in ignores):
                continue
            relative = path.relative_to(content).as_posix()
            files.add(settings.get("STATIC_SAVE_AS", "{path}").format(path=relative))
            if path.suffix.lower() in PHOTO_SUFFIXES:
                files |= photo_copies(str(path), relative, path.stat().st_mtime_ns)
    return files


@lru_cache(maxsize=4096)
def photo_copies(path: str, relative: str, _modified: int) -> frozenset[str]:
    """The copies of one photo (read from its header once per version of the file)."""
    try:
        photo = plan(relative, measure(Path(path)))
    except Exception:  # not a photo: `check` says so on its own line
        return frozenset()
    return frozenset(copy.path for copy in photo.copies())
