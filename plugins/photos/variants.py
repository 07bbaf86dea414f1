"""Resized copies of an editor's photo, so that a phone never downloads the original.

An editor drops a large JPEG or PNG into content/images/. For each photo the
build writes WebP copies 320, 640, 960 and 1280 pixels wide (never wider than
the original), the same widths as JPEG for browsers without WebP (KaiOS and
other engines as old as Firefox 48), and a small 4:3 thumbnail for lists.
Every copy is re-encoded from pixels only, so EXIF (and GPS) is gone. Copies
are cached by the photo's hash: a build encodes each photo once.
"""

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps

from translations import _

WIDTHS = (320, 640, 960, 1280)
THUMBNAIL = (160, 120)  # shown at 80 x 60 CSS pixels: sharp on a 2x screen
QUALITY = {"webp": 72, "jpeg": 76}
THUMBNAIL_QUALITY = {"webp": 60, "jpeg": 62}
RECIPE = b"photos-2"  # change when the recipe changes, to refresh the cache


@dataclass(frozen=True)
class Copy:
    path: str  # in the output, e.g. "images/2024/tps-640.webp"
    width: int
    height: int


@dataclass(frozen=True)
class Photo:
    """The copies of one photo, as the theme needs them."""

    source: str  # in content/, e.g. "images/2024/tps.jpg"
    width: int  # of the largest copy
    height: int
    webp: tuple[Copy, ...]
    jpeg: tuple[Copy, ...]
    thumbnail_webp: Copy
    thumbnail_jpeg: Copy

    @property
    def fallback(self) -> Copy:
        """The JPEG an old browser loads from src: 640 wide, or the largest below."""
        fitting = [copy for copy in self.jpeg if copy.width <= 640]
        return fitting[-1] if fitting else self.jpeg[0]

    def copies(self) -> tuple[Copy, ...]:
        return (*self.webp, *self.jpeg, self.thumbnail_webp, self.thumbnail_jpeg)


def plan(source: str, size: tuple[int, int]) -> Photo:
    """Which copies a photo of SIZE gets, without encoding anything."""
    width, height = size
    # The standard widths below the photo's own, and the photo's own if it is not larger.
    widths = [w for w in WIDTHS if w < width] + ([width] if width <= WIDTHS[-1] else [])
    stem = PurePosixPath(source).with_suffix("")

    def copy(w, kind):
        return Copy(f"{stem}-{w}.{'jpg' if kind == 'jpeg' else kind}", w, round(height * w / width))

    largest = widths[-1]
    return Photo(
        source,
        largest,
        round(height * largest / width),
        tuple(copy(w, "webp") for w in widths),
        tuple(copy(w, "jpeg") for w in widths),
        Copy(f"{stem}-kecil.webp", *THUMBNAIL),
        Copy(f"{stem}-kecil.jpg", *THUMBNAIL),
    )


# The longest ending plan() gives a copy's name: "tps" becomes "tps-kecil.webp".
LONGEST_COPY_ENDING = "-kecil.webp"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
PHOTO_MAX_BYTES = 25_000_000
PHOTO_MAX_PIXELS = 40_000_000  # 8000 x 5000; Pillow refuses ~179 million as a bomb


def photo_problem(path: Path) -> str | None:
    """Why a photo file cannot go on the site (too big, not a picture), or None.

    Reads the file's header only, as `python3 dev.py check` does for every photo.
    The messages follow "the photo 'images/x.jpg' ", in the check's line.
    """
    size = path.stat().st_size
    if size > PHOTO_MAX_BYTES:
        # Translators: follows "the photo 'images/x.jpg' " in the same line.
        return _("is {size} MB; save it under {limit} MB").format(
            size=f"{size / 1_000_000:.0f}", limit=PHOTO_MAX_BYTES // 1_000_000
        )
    try:
        with Image.open(path) as picture:
            width, height = picture.size
            picture.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        # Translators: follows "the photo 'images/x.jpg' " in the same line.
        return _(
            "cannot be read as a JPEG, PNG or WebP photo; export it again from the camera or editor"
        )
    if width * height > PHOTO_MAX_PIXELS:
        # Translators: follows "the photo 'images/x.jpg' " in the same line.
        return _(
            "is {width} x {height} pixels; resize it to at most 6000 pixels on its long side"
        ).format(width=width, height=height)
    return None


def photo_files(content: Path, folders: list[str]) -> list[Path]:
    """The files in content's FOLDERS (STATIC_PATHS) that may be photos, by their names."""
    return [
        path
        for folder in folders
        for path in sorted((content / folder).rglob("*"))
        if path.suffix.lower() in PHOTO_SUFFIXES and path.is_file()
    ]


def measure(path: Path) -> tuple[int, int]:
    """The size the photo is shown at (EXIF rotation applied), read from its header."""
    with Image.open(path) as picture:
        width, height = picture.size
        orientation = picture.getexif().get(0x0112, 1)
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def save(picture: Image.Image, copy: Copy, folder: Path, quality: dict[str, int]) -> None:
    kind = "webp" if copy.path.endswith(".webp") else "jpeg"
    options = {"method": 4} if kind == "webp" else {"optimize": True, "progressive": True}
    target = folder / PurePosixPath(copy.path).name
    picture.save(target, kind.upper(), quality=quality[kind], **options)


def encode(photo: Photo, picture: Image.Image, folder: Path) -> None:
    """Every copy of PHOTO into FOLDER, from PICTURE (flattened)."""
    # Resizing costs as much as encoding. The largest copy is made from the
    # photo, the smaller ones and the thumbnail from it (a third less time,
    # and no difference to see: 55 dB or more against resizing the photo),
    # each size once for both formats.
    largest = None
    for webp, jpeg in reversed(list(zip(photo.webp, photo.jpeg, strict=True))):
        resized = (largest or picture).resize((webp.width, webp.height), Image.Resampling.LANCZOS)
        largest = largest or resized
        save(resized, webp, folder, QUALITY)
        save(resized, jpeg, folder, QUALITY)
    cropped = ImageOps.fit(largest, THUMBNAIL, Image.Resampling.LANCZOS)
    save(cropped, photo.thumbnail_webp, folder, THUMBNAIL_QUALITY)
    save(cropped, photo.thumbnail_jpeg, folder, THUMBNAIL_QUALITY)


def flatten(picture: Image.Image) -> Image.Image:
    """RGB on white: transparent PNG corners become white, not black, in JPEG."""
    picture = ImageOps.exif_transpose(picture)
    if picture.mode in ("RGBA", "LA", "P"):
        picture = picture.convert("RGBA")
        background = Image.new("RGB", picture.size, (255, 255, 255))
        background.paste(picture, mask=picture.getchannel("A"))
        return background
    return picture.convert("RGB")


def cached_copies(photo: Photo, content: Path, cache: Path) -> Path:
    """The cache folder that holds every copy of PHOTO, encoded now if it is not there."""
    source = content / photo.source
    digest = hashlib.sha256(RECIPE + source.read_bytes()).hexdigest()
    folder = cache / digest
    if not folder.is_dir():
        # Per process: two photos with the same bytes may be encoded at once.
        partial = cache / f"{digest}.{os.getpid()}.part"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        with Image.open(source) as original:
            encode(photo, flatten(original), partial)
        try:
            partial.rename(folder)  # a half-encoded photo never counts as cached
        except OSError:  # the same photo, cached by another process meanwhile
            shutil.rmtree(partial)
    return folder


def write_copies(photo: Photo, content: Path, output: Path, cache: Path) -> None:
    """Encode (or take from the cache) every copy of PHOTO and put it in OUTPUT."""
    folder = cached_copies(photo, content, cache)
    for copy in photo.copies():
        target = output / copy.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / PurePosixPath(copy.path).name, target)


def cache_ahead(source: str, content: Path, cache: Path) -> None:
    """The copies of the photo at SOURCE (in CONTENT) encoded into the cache, if it is a photo."""
    if photo_problem(content / source) is None:
        cached_copies(plan(source, measure(content / source)), content, cache)
