"""Pelican settings for the published site: absolute URLs, feeds, no drafts."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *

# The address the site is served from; a fork or a staging host sets SITEURL
# in the environment (pelicanconf.py reads it into CANONICAL_SITEURL).
SITEURL = CANONICAL_SITEURL
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/semua.atom.xml"
FEED_ALL_RSS = "feeds/semua.rss.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/kategori/{slug}.rss.xml"
REGENCY_FEED_ATOM = "feeds/wilayah/{slug}.atom.xml"
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = True

# Drafts and posts dated in the future are never written by a production build.
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# `check` warns of every OFFICE value still a placeholder (None).
OFFICE_PLACEHOLDER_WARNINGS = True

# The published site always has its web editor: a missing bundle fails the build.
EDITOR_BUNDLE_REQUIRED = True

# Minified HTML, and .gz/.br beside the scripts, styles and search index for
# hosts that serve them (pages are compressed by the host: site_output/compress.py).
MINIFY_HTML = True
PRECOMPRESS = True

# ghp-import publishes here; CNAME is written when the site has its own domain.
GITHUB_PAGES_BRANCH = os.environ.get("GITHUB_PAGES_BRANCH") or "gh-pages"
GITHUB_PAGES_REMOTE = os.environ.get("GITHUB_PAGES_REMOTE") or "origin"
CNAME = os.environ.get("SITE_CNAME") or ""
