"""Pelican glue: redirect pages at the old site's addresses, and nginx's map of them.

Written once the articles are written (article_writer_finalized). A redirect
never replaces a file the site wrote, and never lands outside the output
folder; `invoke check` has already refused malformed or doubly claimed
addresses.
"""

import logging
from pathlib import Path

from pelican import signals

from translations import _

from .redirects import nginx_map, old_url_list, redirect_file, redirect_page

logger = logging.getLogger(__name__)


class Text:
    """A template that is its own text."""

    def __init__(self, text: str):
        self.text = text

    def render(self, context) -> str:
        return self.text


def write_redirects(generator, writer):
    output = Path(generator.output_path).resolve()
    settings = generator.settings
    redirects = {}
    for article in generator.articles:
        target = f"/{article.url}"
        for old in old_url_list(article.metadata.get("old_urls", "")):
            try:
                relative = redirect_file(old)
            except ValueError:
                logger.error(
                    # Translators: the first %s is the post's file, %r the address it gives.
                    _("%s: old URL %r is not a path on the old site"),
                    article.source_path,
                    old,
                )
                continue
            path = (output / relative).resolve()
            if not path.is_relative_to(output) or path.exists():
                logger.error(
                    # Translators: the post's file, the old address, the file it would replace.
                    _("%s: the old URL %s would replace %s; it is an address the site uses"),
                    article.source_path,
                    old,
                    path,
                )
                continue
            page = redirect_page(f"{settings['SITEURL']}{target}", article.title.striptags())
            # Through Pelican's writer, so that it is finished as every page is.
            writer.write_file(str(relative), Text(page), generator.context)
            redirects[old] = target
    folder = output / settings["NGINX_SAVE_AS"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old-urls.map").write_text(nginx_map(redirects), encoding="utf-8")


def register():
    signals.article_writer_finalized.connect(write_redirects)
