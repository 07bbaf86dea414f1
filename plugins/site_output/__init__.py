"""Pelican glue: minify HTML and write .gz/.br copies once the site is written.

Settings: MINIFY_HTML and PRECOMPRESS (both off for the local preview, on in
publishconf.py); compressed copies are cached under CACHE_PATH/compressed.
"""

from pathlib import Path

from pelican import signals

from .compress import finish


def finish_output(pelican):
    settings = pelican.settings
    if settings.get("MINIFY_HTML") or settings.get("PRECOMPRESS"):
        finish(
            Path(settings["OUTPUT_PATH"]),
            settings.get("MINIFY_HTML"),
            settings.get("PRECOMPRESS"),
            Path(settings["CACHE_PATH"]) / "compressed",
        )


def register():
    signals.finalized.connect(finish_output)
