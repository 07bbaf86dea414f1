"""Pelican glue: `article.share_links` and `article.og_image` for every article.

Settings (all optional), checked when Pelican starts:

    SHARE_LINKS = {
        "networks": ["whatsapp", "facebook", "x", "telegram", "email", "copy"],
        "labels": {"whatsapp": ("WhatsApp", "Bagikan ke WhatsApp")},
        "campaign": "",  # e.g. "berita": adds utm_source/utm_medium/utm_campaign
    }
    SHARE_DEFAULT_IMAGE = "theme/og-default.jpg"  # for articles without a photo

A post opts out with `Share: off` in its header. Links use CANONICAL_SITEURL,
the site's public address, so a shared link is never a localhost one.
"""

from pathlib import Path

from markupsafe import Markup
from pelican import signals

from background import idle_work
from photos.variants import photo_files

from .links import ShareSettings, share_links
from .og_image import cache_ahead, write_og_image


def check_settings(pelican):
    # Fails the build at start-up, before any page is written.
    ShareSettings.from_setting(pelican.settings.get("SHARE_LINKS"))


def og_image_path(article) -> str:
    return f"{article.url}og.jpg"


def attach_share_links(generator):
    settings = ShareSettings.from_setting(generator.settings.get("SHARE_LINKS"))
    site = generator.settings["CANONICAL_SITEURL"]
    for article in [*generator.articles, *generator.drafts]:
        # As text: entities decoded, typogrify's no-break spaces made plain.
        title = " ".join(Markup(article.title).striptags().split())
        url = f"{site}/{article.url}"
        sharing = getattr(article, "share", "on") != "off"
        article.share_links = share_links(title, url, settings) if sharing else []
        article.og_image = (
            og_image_path(article)
            if getattr(article, "image", "")
            else generator.settings["SHARE_DEFAULT_IMAGE"]
        )


def encode_ahead(pelican):
    """Every photo in the static folders, made a picture in the cache while cores are idle."""
    settings = pelican.settings
    cache = Path(settings["CACHE_PATH"]) / "og-images"
    for path in photo_files(Path(settings["PATH"]), settings["STATIC_PATHS"]):
        idle_work.submit(settings, cache_ahead, path, cache)
    # Connected now, so that it runs after every plugin's `finalized` receiver.
    signals.finalized.connect(write_wanted_og_images)


# (photo, page's picture) of the articles written: the pictures are written last.
wanted = []


def want_og_images(generator, writer):
    content = Path(generator.settings["PATH"])
    output = Path(generator.settings["OUTPUT_PATH"])
    for article in [*generator.articles, *generator.drafts]:
        if getattr(article, "image", "") and getattr(article, "save_as", ""):
            wanted.append((content / article.image, output / og_image_path(article)))


def write_wanted_og_images(pelican):
    idle_work.wait()
    cache = Path(pelican.settings["CACHE_PATH"]) / "og-images"
    for photo, target in wanted:
        write_og_image(photo, target, cache)
    wanted.clear()


def register():
    signals.initialized.connect(check_settings)
    signals.initialized.connect(encode_ahead)
    signals.article_generator_finalized.connect(attach_share_links)
    signals.article_writer_finalized.connect(want_og_images)
