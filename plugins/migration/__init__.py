"""Moving an old site's posts into this one: pages saved from it, or a WordPress export.

`python3 dev.py import-old-site FOLDER` and `python3 dev.py import-wordpress
FILE.xml` (tasks.py) call import_mirror() and import_export(). Not a Pelican
plugin: its modules import without Pelican, and only an import run loads
`check`'s rules (importing.Site).
"""

from datetime import date
from pathlib import Path

from lxml import etree

from translations import _

from .importing import ExportFiles, Importer, MirrorFiles, Report, Site, final_check
from .pages import Mirror, OldPost, Skipped, read_page
from .system import reason_of
from .wordpress import ExportError, Uploads, read_export


class MigrationError(Exception):
    pass


def record_path(root: Path) -> Path:
    return root / "data" / "imported-posts.json"


def run(posts, skipped, files, *, settings: dict, root: Path, today: date) -> Report:
    site = Site(settings, root)
    importer = Importer(site, files, record_path(root), Path(settings["VIEW_COUNTS_FILE"]))
    report = importer.run(posts, skipped, today)
    imported = {outcome.path for outcome in report.written + report.unchanged + report.review}
    final_check(Site(settings, root), report, imported)
    return report


def read_mirror(folder: Path, progress=None) -> tuple[Mirror, list[OldPost], list[Skipped]]:
    if folder.is_file():
        message = _(
            "{folder} is a file, not a folder of saved pages; for a WordPress export "
            "(.xml) use: python3 dev.py import-wordpress {folder}"
        )
        raise MigrationError(message.format(folder=folder))
    if not folder.exists():
        raise MigrationError(
            _("{folder} does not exist; check the folder's name").format(folder=folder)
        )
    if not folder.is_dir():
        raise MigrationError(_("{folder} is not a folder").format(folder=folder))
    mirror = Mirror(folder)
    pages = mirror.pages()
    if not pages:
        message = _(
            "{folder} has no saved pages (.html); save the old site with "
            "wget --mirror --adjust-extension --convert-links --page-requisites ADDRESS"
        )
        raise MigrationError(message.format(folder=folder))
    posts, skipped = [], []
    for number, page in enumerate(pages, 1):
        found = read_one(page, mirror)
        (skipped if isinstance(found, Skipped) else posts).append(found)
        if progress:
            progress(number, len(pages))
    return mirror, posts, skipped


def read_one(page: Path, mirror: Mirror) -> OldPost | Skipped:
    """The page's post; a page that cannot be read is skipped with the reason, not the end."""
    try:
        return read_page(page, mirror)
    except OSError as error:
        reason = _("it cannot be read: {reason}").format(reason=reason_of(error))
    except (etree.LxmlError, ValueError, RecursionError) as error:
        # Translators: {error} is the HTML reader's own message.
        reason = _("it is not an HTML page that can be read ({error})").format(error=error)
    return Skipped(mirror.shown(page), reason)


def import_mirror(folder: Path, settings: dict, root: Path, today: date, progress=None) -> Report:
    """The posts among the pages saved in FOLDER, into the site at ROOT."""
    mirror, posts, skipped = read_mirror(folder, progress)
    return run(posts, skipped, MirrorFiles(mirror), settings=settings, root=root, today=today)


def import_export(
    path: Path, uploads: Path | None, settings: dict, root: Path, today: date
) -> Report:
    """The posts of a WordPress export, their photos from UPLOADS, into the site at ROOT."""
    if path.is_dir():
        message = _(
            "{path} is a folder, not a WordPress export; for pages saved from the old "
            "site use: python3 dev.py import-old-site {path}"
        )
        raise MigrationError(message.format(path=path))
    if not path.exists():
        raise MigrationError(_("{path} does not exist; check the file's name").format(path=path))
    if uploads is not None and not uploads.exists():
        raise MigrationError(
            _("{folder} does not exist; check the folder's name").format(folder=uploads)
        )
    if uploads is not None and not uploads.is_dir():
        raise MigrationError(_("{folder} is not a folder").format(folder=uploads))
    try:
        export = read_export(path)
    except ExportError as error:
        raise MigrationError(str(error)) from None
    files = ExportFiles(Uploads(uploads, export))
    return run(export.posts, export.skipped, files, settings=settings, root=root, today=today)
