"""Pelican glue: minify HTML, add the Content-Security-Policy, write .gz/.br copies.

Runs once the site is written. Settings: MINIFY_HTML and PRECOMPRESS (off
for the local preview, on in publishconf.py); CONTENT_SECURITY_POLICY (on in
both, so the preview shows what the policy blocks); SEARCH_ENGINE_URL, the
one other host a form may send to; NGINX_SAVE_AS, where the policy is also
written as an nginx header (deploy/nginx/). Compressed copies are cached under
CACHE_PATH/compressed. Pages that site_build rendered were minified and
hashed then (minified_pages); the others are here.
"""

from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals

from .compress import finish
from .csp import policy

# Pages site_build minified as it rendered them, with the hashes of their inline code.
minified_pages = {}


def finish_output(pelican):
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    engine = urlsplit(settings["SEARCH_ENGINE_URL"])
    site_policy = finish(
        output,
        settings.get("MINIFY_HTML"),
        settings.get("PRECOMPRESS"),
        cache=Path(settings["CACHE_PATH"]) / "compressed",
        policy_for=partial(policy, search_engine=f"{engine.scheme}://{engine.netloc}")
        if settings.get("CONTENT_SECURITY_POLICY")
        else None,
        skip=(settings["EDITOR_SAVE_AS"],),
        minified=minified_pages,
    )
    minified_pages.clear()
    if site_policy:
        folder = output / settings["NGINX_SAVE_AS"]
        folder.mkdir(parents=True, exist_ok=True)
        header = f"{site_policy}; frame-ancestors 'none'"
        (folder / "csp.conf").write_text(
            f'add_header Content-Security-Policy "{header}" always;\n', encoding="utf-8"
        )


def register():
    signals.finalized.connect(finish_output)
