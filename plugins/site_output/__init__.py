"""Pelican glue: minify HTML, add the Content-Security-Policy, write .gz/.br copies.

Settings: MINIFY_HTML and PRECOMPRESS (.gz/.br copies of the text files that
are not pages; both off for the local preview, on in publishconf.py);
CONTENT_SECURITY_POLICY (on in both, so the preview shows what the policy
blocks); SEARCH_ENGINE_URL, the one other host a form may
send to; NGINX_SAVE_AS, where the site's policy is also written as an nginx
header (deploy/nginx/). Templates print the stylesheet as
`{{ stylesheet }}`, minified once for all pages. site_build finishes each
page as it renders it, with page_finisher(); finish_output() finishes the
rest once the site is written and compresses the other text files, through
CACHE_PATH/compressed.
"""

from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican import signals

from .compress import finish, finish_page, minified_css
from .csp import policy

# The files site_build finished as it rendered them, with their pages' hashes.
finished_pages = {}


def policy_of(settings):
    """policy(script hashes, style hashes) for these settings, or None if they want none."""
    if not settings.get("CONTENT_SECURITY_POLICY"):
        return None
    engine = urlsplit(settings["SEARCH_ENGINE_URL"])
    return partial(policy, search_engine=f"{engine.scheme}://{engine.netloc}")


def page_finisher(settings):
    """finish_page(path, html) -> hashes, as these settings want pages finished."""
    return partial(
        finish_page, minify_pages=bool(settings.get("MINIFY_HTML")), policy_for=policy_of(settings)
    )


def add_stylesheet(generator):
    """`stylesheet`: the theme's style.css, minified once when pages are minified."""
    env = generator.env
    css = env.loader.get_source(env, "style.css")[0]
    if generator.settings.get("MINIFY_HTML"):
        css = minified_css(css)
    env.globals["stylesheet"] = Markup(css)


def finish_output(pelican):
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    site_policy = finish(
        output,
        settings.get("MINIFY_HTML"),
        settings.get("PRECOMPRESS"),
        cache=Path(settings["CACHE_PATH"]) / "compressed",
        policy_for=policy_of(settings),
        skip=(settings["EDITOR_SAVE_AS"],),
        finished=finished_pages,
    )
    finished_pages.clear()
    if site_policy:
        folder = output / settings["NGINX_SAVE_AS"]
        folder.mkdir(parents=True, exist_ok=True)
        header = f"{site_policy}; frame-ancestors 'none'"
        (folder / "csp.conf").write_text(
            f'add_header Content-Security-Policy "{header}" always;\n', encoding="utf-8"
        )


def register():
    signals.generator_init.connect(add_stylesheet)
    signals.finalized.connect(finish_output)
