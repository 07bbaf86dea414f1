"""Pelican settings for a local build and preview of the KPU NTT news site.

Production settings (absolute SITEURL, feeds) live in publishconf.py, which
imports this file.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The site's own plugins are packages under plugins/; Pelican imports them by name.
sys.path.insert(0, str(ROOT / "plugins"))

AUTHOR = "KPU Provinsi NTT"
SITENAME = "KPU Provinsi Nusa Tenggara Timur"
SITE_DESCRIPTION = (
    "Berita, pengumuman dan siaran pers Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur."
)
SITEURL = ""
# The site's public address. Share links, og:url and the canonical link use it
# in every build, so a link shared from a preview is never a localhost one.
CANONICAL_SITEURL = os.environ.get("SITEURL") or "https://kpu-ntt.github.io"

# The office: its emblem beside the site's name, its contacts in the footer,
# on Kontak and in the pages' JSON-LD (GovernmentOrganization). None is a
# placeholder for what is not known yet: pages leave it out and the
# production build warns of it. Fill in only what the office confirms.
OFFICE = {
    "name": "Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur",
    # What the header shows where the full name does not fit on one line.
    "short_name": "KPU Provinsi NTT",
    # An SVG in theme/templates/, inlined in every page's header (keep it
    # under 1 KB); None shows the theme's neutral mark.
    "emblem": None,
    "street_address": None,
    "locality": "Kota Kupang",
    "region": "Nusa Tenggara Timur",
    "postal_code": None,
    "telephone": None,
    "email": None,
    # (name, address) of each of the office's accounts, e.g.
    # ("Facebook", "https://www.facebook.com/...").
    "social": None,
}
# The page (its slug) that shows the office's contacts after its text.
CONTACT_PAGE = "kontak"

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    # The build accelerator (plugins/site_build): Pelican's writer rendering on
    # every core, reading ahead. First, so that every page is written before
    # the other plugins' work at the end of the build (search, site_output).
    "site_build",
    # What the build is doing, on a terminal or in a CI log (plugins/progress).
    "progress",
    # The site's reader: Markdown, typogrify, and what an editor wrote cleaned
    # (plugins/safe_html) before the site's own plugins add markup to it.
    "kpu_content",
    "indonesian_dates",
    "share_links",
    "regencies",
    "office",
    "photos",
    "view_counts",
    "pelican.plugins.neighbors",
    "old_urls",
    # These run when the site is written, in this order: /admin/, the search
    # index, then the pages' finishing and the other files' compressed copies.
    "web_editor",
    "search",
    "site_output",
]

DEFAULT_LANG = "id"
TIMEZONE = "Asia/Makassar"
# Dates are formatted with Babel by the indonesian_dates plugin, so the build
# never depends on an id_ID system locale being installed.
LOCALE = ("C",)

# The categories an editor may use; `invoke check` rejects any other.
CATEGORIES = ["Berita", "Pengumuman", "Siaran Pers"]
DEFAULT_CATEGORY = "Berita"
USE_FOLDER_AS_CATEGORY = False
# Every header field a post or page may have; `invoke check` rejects others
# (a misspelt "Tittle:" would otherwise be dropped without a word).
CONTENT_FIELDS = [
    "title",
    "date",
    "modified",
    "category",
    "tags",
    "summary",
    "slug",
    "status",
    "image",
    "image_alt",
    "image_caption",
    "share",
    "wilayah",
    "old_urls",
]
# A summary longer than this is cut on listing pages; `invoke check` says so.
SUMMARY_MAX_CHARS = 300

ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["pages"]
# Every post has a "Date:" (`invoke check` requires it), so the date at the
# start of its file name is not read: Pelican would parse it, then drop it.
FILENAME_METADATA = ""
STATIC_PATHS = ["images"]

# Only Markdown is written here; the rst reader would also warn that docutils
# has no 'id' language at every build, which --fatal warnings turns into a failure.
READERS = {"rst": None, "htm": None, "html": None}
# Files a computer or an editor program leaves beside a post (.DS_Store, Emacs'
# .#post.md lock, post.md~): Pelican's default, "**/.*", matches none of these
# names, so it would publish .post.md and stop on a lock. `check` skips them too.
IGNORE_FILES = [".*", "*~", "#*#"]

# URLs that last: the date in the path, never the category (a post that
# changes category keeps its address), and each level of the path is a page.
ARTICLE_URL = "berita/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
YEAR_ARCHIVE_URL = "berita/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "berita/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
INDEX_URL = ""
ARCHIVES_URL = "berita/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "kategori/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAG_URL = "topik/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "topik/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
# One office writes everything: no author pages.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
# Drafts get a preview address that no list links to and publish never writes.
DRAFT_URL = "draf/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_PAGE_URL = "draf/halaman/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL + "index.html"

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
# Period archives are not paginated: a year page lists its months, a month
# page every post of that month by title (theme/templates/period_archives.html).
PAGINATED_TEMPLATES = {
    "index": None,
    "category": None,
    "tag": None,
    # A regency's archive: twenty posts a page, half the pages (and requests) of ten.
    "regency": 20,
}

DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "search", "404", "sitemap", "robots"]
SEARCH_URL = "cari/"
# The Pagefind index for /cari/ (plugins/search).
SEARCH_INDEX = True
# Words per index chunk, counted as Pagefind counts them (one per page and per
# place a word occurs). Pagefind's 20,000 makes a chunk of a 2,000-post site
# about 21 KB; at 2,000 a typical query needs a third of that
# (benchmarks/search_bytes.py), for 2 KB more metadata.
SEARCH_CHUNK_SIZE = 2000
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"

# Two posts with one title are two posts, not translations of each other.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
# "Kabupaten/Kota" becomes "kabupaten-kota", not "kabupatenkota".
SLUG_REGEX_SUBSTITUTIONS = [
    (r"/", " "),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

# Feeds need absolute URLs: publishconf.py turns them on.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Typogrify runs in the site's Markdown reader (plugins/kpu_content/reading.py),
# with these TYPOGRIFY_* settings, where a build can run it on every core;
# Pelican's own pass is off so that it does not run twice.
TYPOGRIFY = False
# caps, amp and initial_quotes wrap "KPU", "DP3", "&" and opening quotes in
# <span>s that cost bytes on every page and that the theme does not style.
TYPOGRIFY_OMIT_FILTERS = ["caps", "amp", "initial_quotes"]
# "--" is an en dash (08.00--15.30) and "---" an em dash; the default turns
# "---" into an em dash followed by a stray hyphen.
TYPOGRIFY_DASHES = "oldschool"
TYPOGRIFY_IGNORE_TAGS = ["pre", "code", "kbd", "script", "style"]

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Reproducible builds: nothing in the output depends on when it was built.
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".git"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Regencies (plugins/regencies): every post names them in "Wilayah:".
REGENCIES_FILE = ROOT / "data" / "regencies.toml"
REGENCIES_MAP = ROOT / "data" / "ntt-regencies.geojson"
REGENCIES_URL = "wilayah/"
REGENCIES_SAVE_AS = REGENCIES_URL + "index.html"
REGENCY_URL = "wilayah/{slug}/"
REGENCY_SAVE_AS = REGENCY_URL + "index.html"
REGENCY_FEED_ATOM = None
REGENCY_ISLANDS = ["Timor", "Flores", "Sumba", "Alor", "Lembata", "Rote", "Sabu"]

# No script runs but the site's own, by hash (plugins/site_output/csp.py).
CONTENT_SECURITY_POLICY = True
# Pagefind's search index is WebAssembly.
CONTENT_SECURITY_POLICY_WASM = True
# The stylesheet travels in every page (theme/templates/base.html).
INLINE_STYLESHEET = "style.css"
# The theme's inline scripts, the only ones the policy allows (the share row, the search page).
INLINE_SCRIPTS = ["share.js", "search.js"]
# Where the search page's form goes without JavaScript: the one other host.
SEARCH_ENGINE_URL = "https://www.google.com/search"
# Generated files for self-hosting on nginx (deploy/nginx/): the old-URL map
# and the Content-Security-Policy header.
NGINX_SAVE_AS = "nginx"

# The web editor at /admin/ (plugins/web_editor): Decap CMS, the version
# package-lock.json pins, which dev.py downloads into .vendor.
EDITOR_SAVE_AS = "admin"
# Its 5 MB script gets a quick brotli: only editors load it.
PRECOMPRESS_FAST = [EDITOR_SAVE_AS]
_EDITOR_VERSION = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"][
    "node_modules/decap-cms"
]["version"]
EDITOR_BUNDLE = ROOT / ".vendor" / f"decap-cms-{_EDITOR_VERSION}"
# GitHub Actions names the repository; elsewhere set EDITOR_REPOSITORY.
EDITOR_REPOSITORY = os.environ.get("EDITOR_REPOSITORY") or os.environ.get(
    "GITHUB_REPOSITORY", "kpu-ntt/berita"
)
EDITOR_BRANCH = os.environ.get("EDITOR_BRANCH", "main")
# The OAuth service that lets the editor log in to GitHub (README, "Web editor").
EDITOR_OAUTH_URL = os.environ.get("EDITOR_OAUTH_URL", "")
# decap-server, for the editor opened at 127.0.0.1 (`invoke editor`).
EDITOR_LOCAL_BACKEND = os.environ.get("EDITOR_LOCAL_BACKEND", "http://127.0.0.1:8081/api/v1")

# View counts (plugins/view_counts): the snapshot `invoke views-import` writes.
VIEW_COUNTS_FILE = ROOT / "data" / "view-counts.json"
# "Terpopuler" on the home page and each regency page: the most read of the
# last N days up to the snapshot's last day (all time is on the statistics page).
VIEW_COUNTS_POPULAR_DAYS = 30
# The office's page of the numbers: charts, tables and their CSV files beside it.
VIEW_COUNTS_STATISTICS_URL = "statistik/"
VIEW_COUNTS_STATISTICS_SAVE_AS = VIEW_COUNTS_STATISTICS_URL + "index.html"
# The office's own monitors, not counted in access logs (a part of the user
# agent, any case); crawlers and link previews are known without this.
VIEW_COUNTS_IGNORE_AGENTS = ["KPU-NTT-Uptime"]
# `views-pull` fetches every day not counted yet, back to at most this many days.
VIEW_COUNTS_CATCH_UP_DAYS = 62

# The "Bagikan:" row under every article (plugins/share_links): WhatsApp first,
# as most news in NTT is passed on there. A post opts out with "Share: off".
SHARE_LINKS = {
    "networks": ["whatsapp", "facebook", "x", "telegram", "email", "copy"],
    "campaign": "",
}
# The link preview picture of an article without a photo (1200 x 630 JPEG).
SHARE_DEFAULT_IMAGE = "theme/og-default.jpg"
CACHE_PATH = ".cache"

MENUITEMS = [
    ("Berita", "/kategori/berita/"),
    ("Pengumuman", "/kategori/pengumuman/"),
    ("Siaran Pers", "/kategori/siaran-pers/"),
    ("Wilayah", "/wilayah/"),
    ("Cari", "/cari/"),
]
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = False
