"""Pelican glue: pages minified and with their Content-Security-Policy; other files precompressed.

Pages are finished by two page transforms (site_build/finishing.py):
minified, then given the policy of their own inline code. With "site_build"
in PLUGINS (before this plugin) its writer applies them in memory; without
it, each page is read back and rewritten as Pelican sends `content_written`,
Pelican's usual way, more slowly. Every feature is off unless its setting
turns it on:

- MINIFY_HTML: minify every page.
- CONTENT_SECURITY_POLICY: each page carries, as a <meta> tag, a policy that
  lets no script run but the site's own files and the page's own inline
  ones, by hash, and no style but the page's inline ones (csp.py): a theme
  that links a stylesheet file needs INLINE_STYLESHEET. Inline code is
  allowed only if it is the theme's own: INLINE_STYLESHEET and the templates
  named in INLINE_SCRIPTS (each the same on every page). Any other inline
  script or style a page has, which only a hole in the sanitizer could put
  there, is allowed nowhere, and the build reports it as an error.
  CONTENT_SECURITY_POLICY_WASM allows WebAssembly (a Pagefind search
  index); SEARCH_ENGINE_URL, if set, is the one other host a form may send
  to; NGINX_SAVE_AS, if set, is the folder where the policy of every page is
  also written as an nginx header (csp.conf, for deploy/nginx/).
- PRECOMPRESS: .gz and .br copies of the text files that are not pages, kept
  in CACHE_PATH/compressed; PRECOMPRESS_FAST lists top folders whose files
  get a quick brotli (the web editor's 5 MB script).
- INLINE_STYLESHEET: a template (e.g. "style.css") that templates print as
  `{{ stylesheet }}`, minified once for all pages when MINIFY_HTML is on.
"""

import logging
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican import signals

from site_build import finishing
from site_build.processes import fork, workers_of
from translations import _

from .compress import minified_css, minify, precompress
from .csp import digest, inline_hashes, policy, with_policy

logger = logging.getLogger(__name__)

# The hashes of the theme's own inline scripts and styles (add_own_code), and
# of those that pages have, for the nginx header.
own_code = (set(), set())
site_hashes = (set(), set())


def policy_of(settings):
    """policy(script hashes, style hashes) for these settings, or None if they want none."""
    if not settings.get("CONTENT_SECURITY_POLICY"):
        return None
    engine = urlsplit(settings.get("SEARCH_ENGINE_URL") or "")
    return partial(
        policy,
        search_engine=f"{engine.scheme}://{engine.netloc}" if engine.netloc else "",
        wasm=bool(settings.get("CONTENT_SECURITY_POLICY_WASM")),
    )


def minify_page(path: str, html: str, settings) -> tuple[str, None]:
    if settings.get("MINIFY_HTML") and path.endswith(".html"):
        html = minify(html)
    return html, None


def add_policy(path: str, html: str, settings):
    make = policy_of(settings)
    if make is None or not path.endswith(".html"):
        return html, None
    scripts, styles = inline_hashes(html)
    allowed = (scripts & own_code[0], styles & own_code[1])
    foreign = sorted((scripts - own_code[0]) | (styles - own_code[1]))
    return with_policy(html, make(*allowed)), (*allowed, foreign)


def keep_hashes(path: str, hashes) -> None:
    if hashes is None:
        return
    scripts, styles, foreign = hashes
    site_hashes[0].update(scripts)
    site_hashes[1].update(styles)
    if foreign:
        logger.error(
            # Translators: {hashes} are SHA-256 hashes as a Content-Security-Policy writes them.
            _(
                "{path}: the page has an inline script or style that is not the theme's own "
                "({hashes}); its Content-Security-Policy does not let it run. If the theme "
                "wrote it, name its template in INLINE_SCRIPTS; if a post did, the sanitizer "
                "(plugins/safe_html) let it through: tell the site's developers"
            ).format(path=path, hashes=" ".join(foreign))
        )


# The settings of a build whose pages this plugin finishes itself, without site_build.
_finishing_written = {}


def start(pelican):
    for hashes in (*own_code, *site_hashes):
        hashes.clear()
    _finishing_written.clear()
    loaded = {name.rpartition(".")[2] for name in pelican.settings.get("PLUGINS", [])}
    if "site_build" not in loaded:
        _finishing_written["settings"] = pelican.settings


def finish_written_page(path, context=None):
    """A page Pelican's own writer wrote, read back, finished and written again."""
    settings = _finishing_written.get("settings")
    page = Path(path)
    if settings is None or page.suffix != ".html" or not page.is_file():
        return
    # Pelican also sends it for a write it skipped: the file is then as it was finished.
    finished = _finishing_written.setdefault("finished", {})
    if finished.get(path) == _signature(page):
        return
    html, notes = finishing.finish(path, page.read_text(encoding="utf-8"), settings)
    page.write_text(html, encoding="utf-8")
    finished[path] = _signature(page)
    finishing.collect(path, notes)


def _signature(page: Path) -> tuple[int, int]:
    status = page.stat()
    return status.st_mtime_ns, status.st_size


def add_own_code(generator):
    """`stylesheet`, and the hashes of the theme's inline code, before any page is rendered.

    `stylesheet` is the INLINE_STYLESHEET template's text, minified once when
    pages are; each INLINE_SCRIPTS template is rendered as a page includes it.
    """
    settings, env = generator.settings, generator.env
    name = settings.get("INLINE_STYLESHEET")
    if name:
        css = env.loader.get_source(env, name)[0]
        if settings.get("MINIFY_HTML"):
            css = minified_css(css)
        env.globals["stylesheet"] = Markup(css)
        own_code[1].add(digest(css))
    for name in settings.get("INLINE_SCRIPTS", ()):
        own_code[0].add(digest(env.get_template(name).render()))


def finish_output(pelican):
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    if settings.get("PRECOMPRESS"):
        precompress(
            output,
            cache=Path(settings["CACHE_PATH"]) / "compressed",
            fast=tuple(settings.get("PRECOMPRESS_FAST", ())),
            workers=workers_of(settings),
            fork=fork(),
        )
    make = policy_of(settings)
    if make is not None and settings.get("NGINX_SAVE_AS"):
        folder = output / settings["NGINX_SAVE_AS"]
        folder.mkdir(parents=True, exist_ok=True)
        header = f"{make(*site_hashes)}; frame-ancestors 'none'"
        (folder / "csp.conf").write_text(
            f'add_header Content-Security-Policy "{header}" always;\n', encoding="utf-8"
        )


def register():
    finishing.add_page_transform(minify_page)
    finishing.add_page_transform(add_policy, collect=keep_hashes)
    signals.initialized.connect(start)
    signals.content_written.connect(finish_written_page)
    signals.generator_init.connect(add_own_code)
    signals.finalized.connect(finish_output)
