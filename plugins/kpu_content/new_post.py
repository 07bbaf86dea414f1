"""`python3 dev.py new-post "Judul berita"`: a new post file with every header field, as a draft."""

from datetime import datetime
from pathlib import Path

from pelican.utils import slugify

from translations import _

SKELETON = """\
Title: {title}
Date: {date}
Category: {category}
Tags:
Wilayah:
Summary:
Image:
Image_Alt:
Image_Caption:
Status: draft

Tulis isi berita di sini. Pisahkan paragraf dengan satu baris kosong.

Hapus baris "Status: draft" di atas bila berita siap diterbitkan.
"""


def new_post_file(
    settings: dict, title: str, category: str, now: datetime, root: Path | None = None
) -> Path:
    """Write content/berita/YYYY/YYYY-MM-DD-<slug>.md and return its path.

    Messages name the file from ROOT (the project), as `check` does.
    """
    title = " ".join(title.split())
    if not title:
        raise ValueError(
            _('the title is empty; write it in quotes: python3 dev.py new-post "Judul berita"')
        )
    if category not in settings["CATEGORIES"]:
        raise ValueError(
            # Translators: {categories} is the site's list, e.g. "Berita, Pengumuman, Siaran Pers".
            _("category '{category}' is not one of the site's ({categories})").format(
                category=category, categories=", ".join(settings["CATEGORIES"])
            )
        )
    slug = slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    if not slug:
        # The post would have no address: `check` would refuse it anyway.
        raise ValueError(_("the title has no words to make an address of; write it in words"))
    folder = Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0] / f"{now:%Y}"
    path = folder / f"{now:%Y-%m-%d}-{slug}.md"
    folder.mkdir(parents=True, exist_ok=True)
    text = SKELETON.format(title=title, date=f"{now:%Y-%m-%d %H:%M}", category=category)
    # "x" mode: an existing post is never overwritten.
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        raise FileExistsError(
            _("{path} already exists; give the new post another title").format(
                path=path.relative_to(root) if root and path.is_relative_to(root) else path
            )
        ) from None
    return path
