"""The reference for benchmarks: bare Pelican, its default theme, no plugins.

The same content as the site, Pelican's own defaults for everything else.
"""

AUTHOR = "KPU Provinsi NTT"
SITENAME = "KPU Provinsi Nusa Tenggara Timur"
PATH = "content"
TIMEZONE = "Asia/Makassar"
DEFAULT_LANG = "id"
PLUGINS = []
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
# The one setting changed: two posts share a title, and at Pelican's default
# "{slug}.html" one would overwrite the other.
ARTICLE_URL = "{date:%Y}/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_URL
