"""The picture a shared link shows in WhatsApp and Facebook (`og:image`).

WhatsApp shows a preview only for a JPEG or PNG under about 300 KB; Facebook
asks for 1200 x 630. The article's photo is cropped to that shape from its
centre, re-encoded without EXIF (and so without GPS), and cached by the hash
of the photo so that a build does the work once per photo, not once per build.
"""

import hashlib
import shutil
from pathlib import Path

from PIL import Image, ImageOps

SIZE = (1200, 630)
MAX_BYTES = 300_000
QUALITIES = (82, 72, 60, 45)
VERSION = b"og-image-1"  # change when the recipe changes, to refresh the cache


def write_og_image(photo: Path, target: Path, cache: Path) -> Path:
    """Write the 1200 x 630 JPEG of PHOTO at TARGET, through the cache."""
    digest = hashlib.sha256(VERSION + photo.read_bytes()).hexdigest()
    cached = cache / f"{digest}.jpg"
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        encode(photo, partial)
        partial.replace(cached)  # never a half-written file in the cache
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return target


def encode(photo: Path, target: Path) -> None:
    with Image.open(photo) as original:
        picture = ImageOps.exif_transpose(original).convert("RGB")
    picture = ImageOps.fit(picture, SIZE, method=Image.Resampling.LANCZOS)
    for quality in QUALITIES:
        # Pillow writes no EXIF unless asked to.
        picture.save(target, "JPEG", quality=quality, optimize=True, progressive=True)
        if target.stat().st_size <= MAX_BYTES:
            return
