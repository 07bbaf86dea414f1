"""Pelican glue: sized photo copies for the article photo, list thumbnails and
photos in the text.

`article.photo` (a variants.Photo) is set for a post with `Image:`; the theme
prints it with `picture(article.photo, alt, lazy=False)` and
`thumbnail(article.photo)`. Photos written in the text as
`![alt]({static}/images/...)` become lazy <picture>s. Copies are cached in
CACHE_PATH/photos: every photo in STATIC_PATHS is encoded there from the
start of a build by idle processes (plugins/background), and the copies the
pages show are written last.
"""

from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from pelican import signals
from PIL import Image

import progress
from background import idle_work, workers
from translations import _

from .markup import picture_html, replace_images, thumbnail_html
from .variants import cache_ahead, measure, photo_files, plan, write_copies


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
        try:
            size = measure(folder / path)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            # Pelican logs it under "Could not process <the post>" and leaves the post out.
            raise ValueError(
                _(
                    "the photo '{path}' is not in content/ or cannot be read as a photo; "
                    "python3 dev.py check says what to fix"
                ).format(path=path)
            ) from error
        photo = plan(path, size)
        content.photos.append(photo)
        return photo

    image = getattr(content, "image", "")
    content.photo = photo_for(image) if image else None
    if content._content:
        content._content = replace_images(content._content, photo_for, site)


def encode_ahead(pelican):
    """Every photo in the static folders, encoded into the cache while cores are idle."""
    settings = pelican.settings
    content = Path(settings["PATH"])
    cache = Path(settings["CACHE_PATH"]) / "photos"
    for path in photo_files(content, settings["STATIC_PATHS"]):
        idle_work.submit(
            settings, cache_ahead, path.relative_to(content).as_posix(), content, cache
        )
    # Connected now, so that it runs after every plugin's `finalized` receiver:
    # nothing else needs the copies, and the cores are free by then.
    signals.finalized.connect(write_wanted_photos)


# Photos of the pages written, by source: their copies are written last.
wanted = {}


def want_photos(generator, writer):
    contents = [
        *getattr(generator, "articles", []),
        *getattr(generator, "drafts", []),
        *getattr(generator, "pages", []),
        *getattr(generator, "hidden_pages", []),
    ]
    for content in contents:
        if getattr(content, "save_as", ""):
            for photo in getattr(content, "photos", []):
                wanted.setdefault(photo.source, photo)


def write_wanted_photos(pelican):
    settings = pelican.settings
    idle_work.wait()
    write = partial(
        write_copies,
        content=Path(settings["PATH"]),
        output=Path(settings["OUTPUT_PATH"]),
        cache=Path(settings["CACHE_PATH"]) / "photos",
    )
    photos = list(wanted.values())
    wanted.clear()
    # Encoding a camera photo into its copies takes about half a second: every
    # core works on those the idle processes left.
    with progress.step(_("Photos"), len(photos)) as shown:
        if workers(settings) == 1 or len(photos) < 2:
            for photo in photos:
                write(photo)
                shown.advance()
        else:
            with ProcessPoolExecutor(workers(settings)) as pool:
                for _done in pool.map(write, photos):
                    shown.advance()


def register():
    signals.initialized.connect(encode_ahead)
    signals.generator_init.connect(add_globals)
    signals.content_object_init.connect(plan_photos)
    signals.article_writer_finalized.connect(want_photos)
    signals.page_writer_finalized.connect(want_photos)
