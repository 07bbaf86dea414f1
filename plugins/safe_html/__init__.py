"""Pelican glue: every post's and page's HTML passes through clean() (sanitize.py).

It runs when a post is read, before the site's own plugins add their markup
(photos, share links), so only what an editor wrote is cleaned. `invoke
check` reports what is removed, by line (findings.py).
"""

from pelican import signals

from .sanitize import clean


def clean_content(content):
    if getattr(content, "_content", None):
        content._content = clean(content._content)
    # Pelican keeps a summary given in the header as _summary.
    if getattr(content, "_summary", None):
        content._summary = clean(content._summary)


def register():
    signals.content_object_init.connect(clean_content)
