"""The HTML of a photo: <picture> with WebP and JPEG copies, sized, never the original."""

import re
from html import escape, unescape

from markupsafe import Markup

from .variants import Copy, Photo

# The article column is at most 42em wide (672 px at the default font size).
SIZES = "(min-width: 42em) 42em, 100vw"


def srcset(site: str, copies: tuple[Copy, ...]) -> str:
    return ", ".join(f"{site}/{copy.path} {copy.width}w" for copy in copies)


def picture_html(photo: Photo, alt: str, site: str, lazy: bool = True) -> Markup:
    """The full-width photo of an article, lazy unless it is on the first screen."""
    loading = ' loading="lazy"' if lazy else ""
    return Markup(
        f'<picture><source type="image/webp" srcset="{escape(srcset(site, photo.webp))}" '
        f'sizes="{SIZES}"><img src="{escape(site)}/{escape(photo.fallback.path)}" '
        f'srcset="{escape(srcset(site, photo.jpeg))}" sizes="{SIZES}" '
        f'width="{photo.width}" height="{photo.height}" alt="{escape(alt)}"{loading} '
        'decoding="async"></picture>'
    )


def thumbnail_html(photo: Photo, site: str, lazy: bool = True) -> Markup:
    """A list's small picture: decorative, as the headline beside it says it all."""
    loading = ' loading="lazy"' if lazy else ""
    webp, jpeg = photo.thumbnail_webp, photo.thumbnail_jpeg
    return Markup(
        f'<picture class="kecil"><source type="image/webp" srcset="{escape(site)}/{escape(webp.path)}">'
        f'<img src="{escape(site)}/{escape(jpeg.path)}" width="80" height="60" alt=""{loading}>'
        "</picture>"
    )


# <img ... src="{static}/images/x.jpg" ...> as Markdown writes a photo in the text.
STATIC_IMAGE = re.compile(
    r"<img\b(?P<attributes>[^>]*?)\bsrc=\"\{static\}/?(?P<path>images/[^\"]+?\.(?:jpe?g|png))\"(?P<rest>[^>]*)>",
    re.IGNORECASE,
)
ALT = re.compile(r'\balt="(?P<alt>[^"]*)"')


def replace_images(html: str, photo_for, site: str) -> str:
    """Every photo of this site in HTML becomes a lazy <picture>.

    PHOTO_FOR(path) plans the copies of content/PATH. Markdown has already
    escaped the alt text, so it is unescaped once before picture_html escapes it.
    """

    def picture(match):
        alt = ALT.search(match["attributes"] + match["rest"])
        return picture_html(photo_for(match["path"]), unescape(alt["alt"]) if alt else "", site)

    return STATIC_IMAGE.sub(picture, html)
