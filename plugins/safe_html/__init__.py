"""What an editor's HTML may contain: the sanitizer and what it reports.

sanitize.clean() is applied to every post's and page's HTML by the site's
reader (kpu_content/reading.py), before the site's own plugins add markup
(photos, share links), so only what an editor wrote is cleaned; doing it
there lets a build clean on every core and keep the result between builds.
`invoke check` reports what is removed, by line (findings.py).
"""
