"""Pelican glue: the web editor (Decap CMS) at /admin/, and nowhere else.

When the site is written, /admin/ gets Decap's bundle (pinned in
package-lock.json, downloaded by dev.py into EDITOR_BUNDLE), config.yml made
from the site's own lists (config.py), editor.js (the site's post format, an
Indonesian interface, the preview) and preview.css, the theme's stylesheet.
No reader page links to any of it.

Settings: EDITOR_BUNDLE, EDITOR_REPOSITORY, EDITOR_BRANCH, EDITOR_OAUTH_URL,
EDITOR_LOCAL_BACKEND (see pelicanconf.py); EDITOR_BUNDLE_REQUIRED (publishconf.py)
makes a missing bundle fail the build instead of leaving /admin/ out.
"""

import json
import logging
import os
import shutil
from pathlib import Path

from pelican import signals

from regencies.gazetteer import load_gazetteer
from translations import _

from .config import editor_config

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
PAGE = """\
<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Editor &middot; {site}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="decap-cms.js"></script>
<script src="editor.js"></script>
</body>
</html>
"""


def write_editor(pelican):
    settings = pelican.settings
    bundle = Path(settings["EDITOR_BUNDLE"])
    if not (bundle / "decap-cms.js").is_file():
        # A local build goes on without /admin/ (no network, say); a production build does not.
        log = logger.error if settings.get("EDITOR_BUNDLE_REQUIRED") else logger.info
        log(
            # Translators: %s is the folder the bundle should be in.
            _(
                "The web editor's files are not in %s; /admin/ is not built. "
                "`python3 dev.py build` downloads the version package-lock.json pins "
                "when there is an internet connection."
            ),
            bundle,
        )
        return
    admin = Path(settings["OUTPUT_PATH"]) / settings["EDITOR_SAVE_AS"]
    admin.mkdir(parents=True, exist_ok=True)
    for script in sorted(bundle.glob("*.js")):
        shutil.copyfile(script, admin / script.name)
    shutil.copyfile(HERE / "editor.js", admin / "editor.js")
    shutil.copyfile(Path(settings["THEME"]) / "templates" / "style.css", admin / "preview.css")
    content = os.path.relpath(settings["PATH"], settings["ROOT"])
    config = editor_config(settings, load_gazetteer(str(settings["REGENCIES_FILE"])), content)
    # JSON is YAML: Decap reads this as its config.yml.
    (admin / "config.yml").write_text(
        json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (admin / "index.html").write_text(PAGE.format(site=settings["SITENAME"]), encoding="utf-8")


def register():
    signals.finalized.connect(write_editor)
