"""Pelican glue: sized photo copies for the article photo, list thumbnails and
photos in the text.

`article.photo` (a variants.Photo) is set for a post with `Image:`; the theme
prints it with `picture(article.photo, alt, lazy=False)` and
`thumbnail(article.photo)`. Photos written in the text as
`![alt]({static}/images/...)` become lazy <picture>s. Copies are cached in
CACHE_PATH/photos and written after each generator's pages.
"""

from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from pelican import signals

from .markup import picture_html, replace_images, thumbnail_html
from .variants import measure, plan, write_copies


def add_globals(generator):
    site = generator.settings["SITEURL"]
    generator.env.globals["picture"] = partial(picture_html, site=site)
    generator.env.globals["thumbnail"] = partial(thumbnail_html, site=site)


def plan_photos(content):
    """Plan the copies of the post's photos as it is read, before anything renders it."""
    folder = Path(content.settings["PATH"])
    site = content.settings["SITEURL"]
    content.photos = []

    def photo_for(path):
        photo = plan(path, measure(folder / path))
        content.photos.append(photo)
        return photo

    image = getattr(content, "image", "")
    content.photo = photo_for(image) if image else None
    if content._content:
        content._content = replace_images(content._content, photo_for, site)


def write_photos(generator, writer):
    settings = generator.settings
    contents = [
        *getattr(generator, "articles", []),
        *getattr(generator, "drafts", []),
        *getattr(generator, "pages", []),
        *getattr(generator, "hidden_pages", []),
    ]
    photos = {}
    for content in contents:
        if getattr(content, "save_as", ""):
            for photo in getattr(content, "photos", []):
                photos.setdefault(photo.source, photo)
    write = partial(
        write_copies,
        content=Path(settings["PATH"]),
        output=Path(settings["OUTPUT_PATH"]),
        cache=Path(settings["CACHE_PATH"]) / "photos",
    )
    # Encoding a camera photo into its copies takes about half a second: every core works.
    if photos:
        with ProcessPoolExecutor() as pool:
            list(pool.map(write, photos.values()))


def register():
    signals.generator_init.connect(add_globals)
    signals.content_object_init.connect(plan_photos)
    signals.article_writer_finalized.connect(write_photos)
    signals.page_writer_finalized.connect(write_photos)
