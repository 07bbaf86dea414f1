"""The picture a shared link shows in WhatsApp and Facebook (`og:image`).

WhatsApp shows a preview only for a JPEG or PNG under about 300 KB; Facebook
asks for 1200 x 630. The article's photo is cropped to that shape from its
centre, re-encoded without EXIF (and so without GPS), and cached by the hash
of the photo so that a build does the work once per photo, not once per build.
"""

import hashlib
import os
import shutil
from pathlib import Path

from PIL import Image, ImageOps

from photos.variants import photo_problem

SIZE = (1200, 630)
MAX_BYTES = 300_000
QUALITIES = (82, 72, 60, 45)
VERSION = b"og-image-1"  # change when the recipe changes, to refresh the cache


def cached_og_image(photo: Path, cache: Path) -> Path:
    """The cache's 1200 x 630 JPEG of PHOTO, encoded now if it is not there."""
    digest = hashlib.sha256(VERSION + photo.read_bytes()).hexdigest()
    cached = cache / f"{digest}.jpg"
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        # Per process: the build's idle processes may encode the same photo.
        partial = cached.with_suffix(f".{os.getpid()}.part")
        encode(photo, partial)
        partial.replace(cached)  # never a half-written file in the cache
    return cached


def write_og_image(photo: Path, target: Path, cache: Path) -> Path:
    """Write the 1200 x 630 JPEG of PHOTO at TARGET, through the cache."""
    cached = cached_og_image(photo, cache)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return target


def cache_ahead(photo: Path, cache: Path) -> None:
    """PHOTO's picture encoded into the cache, if it is a photo."""
    if photo_problem(photo) is None:
        cached_og_image(photo, cache)


def encode(photo: Path, target: Path) -> None:
    with Image.open(photo) as original:
        picture = ImageOps.exif_transpose(original).convert("RGB")
    picture = ImageOps.fit(picture, SIZE, method=Image.Resampling.LANCZOS)
    for quality in QUALITIES:
        # Pillow writes no EXIF unless asked to.
        picture.save(target, "JPEG", quality=quality, optimize=True, progressive=True)
        if target.stat().st_size <= MAX_BYTES:
            return
