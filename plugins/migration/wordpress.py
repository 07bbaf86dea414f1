"""A WordPress export (WXR, Tools → Export) read into the posts it holds.

Posts with their categories, tags, excerpt and featured photo; attachments
(the photos of the uploads folder); view counts from the post meta of the
common counter plugins. Post text is stored the way WordPress's editor keeps
it: paragraphs as blank lines (wpautop makes them <p>), [caption] and
[gallery] shortcodes, block comments; each is turned into HTML here.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from translations import _

from .dates import WITA, Moment
from .pages import OldPost, Skipped
from .system import reason_of

# Post meta where counter plugins and themes keep a post's views.
COUNTER_KEYS = (
    "post_views_count",  # many themes' own counter
    "views",  # WP-PostViews
    "_jetpack_post_views",
    "wpb_post_views_count",
    "post_views",
    "_post_views",
    "tie_views",  # Jannah and Sahifa themes
    "penci_post_views_count",
    "entry_views",  # Entry Views
)
SKIPPED_TYPES = {
    "nav_menu_item",
    "revision",
    "custom_css",
    "customize_changeset",
    "wp_global_styles",
}
BLOCK_ELEMENTS = re.compile(
    r"^\s*</?(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|figure|figcaption|"
    r"pre|hr|img|iframe|!--)",
    re.IGNORECASE,
)
SHORTCODE = re.compile(r"\[(/?)([a-z_][\w-]*)([^\]]*)\]", re.IGNORECASE)
CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.IGNORECASE | re.DOTALL)
GALLERY = re.compile(r"\[gallery[^\]]*\bids=\"?([\d,\s]+)\"?[^\]]*\]", re.IGNORECASE)
# [embed]URL[/embed], and a URL alone on its line (WordPress embeds both): a link.
EMBED = re.compile(
    r"\[embed[^\]]*\]\s*(https?://[^\s\[<]+)\s*\[/embed\]|^(?=https?://)(\S+)$", re.M
)
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)


class ExportError(ValueError):
    pass


@dataclass
class Attachment:
    url: str
    path: str  # within the uploads folder: "2021/11/rapat.jpg"
    alt: str


@dataclass
class Export:
    site: str  # the blog's address, "https://kab-sikka.kpu.go.id"
    posts: list[OldPost] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    attachments: dict[str, Attachment] = field(default_factory=dict)


def local(element) -> str:
    return etree.QName(element).localname


def child(item, name: str) -> str:
    """The text of ITEM's child NAME (any namespace prefix), '' if it has none."""
    for element in item:
        if isinstance(element.tag, str) and local(element) == name:
            return element.text or ""
    return ""


def wpautop(text: str) -> str:
    """WordPress's paragraphs: blocks split by blank lines, single newlines as <br>."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    out = []
    for written in blocks:
        block = written.strip()
        if not block:
            continue
        if BLOCK_ELEMENTS.match(block):
            out.append(block)
        else:
            out.append("<p>" + block.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def shortcodes(text: str, attachments: dict[str, Attachment], notes: list[str]) -> str:
    """[caption] as a figure, [gallery] as its photos; any other shortcode goes, noted."""

    def caption(match):
        inner = match[1].strip()
        image = re.match(r"\s*(?:<a\b[^>]*>\s*)?(<img\b[^>]*>)(?:\s*</a>)?(.*)", inner, re.DOTALL)
        if not image:
            return inner
        text = image[2].strip()
        return f"<figure>{image[1]}<figcaption>{text}</figcaption></figure>" if text else image[1]

    def gallery(match):
        images = []
        for number in re.findall(r"\d+", match[1]):
            attachment = attachments.get(number)
            if attachment:
                alt = html.escape(attachment.alt, quote=True)
                images.append(f'<p><img src="{html.escape(attachment.url)}" alt="{alt}"></p>')
        return "\n\n".join(images)

    def embed(match):
        url = html.escape(match[1] or match[2], quote=True)
        return f'<p><a href="{url}">{url}</a></p>'

    text = EMBED.sub(embed, text)
    text = CAPTION.sub(caption, text)
    text = GALLERY.sub(gallery, text)

    def other(match):
        name = match[2].lower()
        if name not in notes:
            notes.append(name)
        return ""

    return SHORTCODE.sub(other, text)


def moment_of(item) -> Moment | None:
    gmt = child(item, "post_date_gmt").strip()
    local_time = child(item, "post_date").strip()
    try:
        if gmt and not gmt.startswith("0000"):
            utc = datetime.fromisoformat(gmt + "+00:00")
            return Moment(utc.astimezone(WITA), True)
        if local_time and not local_time.startswith("0000"):
            return Moment(datetime.fromisoformat(local_time).replace(tzinfo=WITA), True)
    except ValueError:
        return None
    return None


def metas(item) -> dict[str, str]:
    found = {}
    for element in item:
        if isinstance(element.tag, str) and local(element) == "postmeta":
            found[child(element, "meta_key")] = child(element, "meta_value")
    return found


def views_of(meta: dict[str, str]) -> int | None:
    counts = []
    for key in COUNTER_KEYS:
        value = meta.get(key, "").strip().replace(".", "").replace(",", "")
        if value.isdigit():
            counts.append(int(value))
    return max(counts) if counts else None


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def parse(path: Path):
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True
    )
    try:
        return etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        message = _(
            "this is not a whole WordPress export ({error}); export it again "
            "(Tools → Export → All content) and do not open it in another program first"
        ).format(error=error.msg)
        raise ExportError(f"{path}:{line}: {message}") from None
    except OSError as error:
        raise ExportError(f"{path}: {reason_of(error)}") from None


def read_export(path: Path) -> Export:
    """The posts of a WXR file; ExportError, naming the file and line, if it is not one."""
    tree = parse(path)
    channel = tree.getroot().find("channel")
    if tree.getroot().tag != "rss" or channel is None or not child(channel, "wxr_version"):
        message = _(
            "this is not a WordPress export (WXR): it has no <wp:wxr_version>; in WordPress "
            "use Tools → Export, and give the .xml file it downloads"
        )
        raise ExportError(f"{path}:1: {message}")
    site = (child(channel, "base_blog_url") or child(channel, "link")).rstrip("/")
    export = Export(site=site)
    items = channel.findall("item")
    for item in items:
        if child(item, "post_type") == "attachment":
            meta = metas(item)
            number = child(item, "post_id").strip()
            url = child(item, "attachment_url").strip()
            export.attachments[number] = Attachment(
                url=url,
                path=meta.get("_wp_attached_file", "").strip(),
                alt=" ".join(meta.get("_wp_attachment_image_alt", "").split()),
            )
    for item in items:
        kind = child(item, "post_type")
        shown = f"{path.name}:{item.sourceline}"
        status = child(item, "status")
        title = " ".join(html.unescape(child(item, "title")).split())
        if kind == "attachment" or kind in SKIPPED_TYPES:
            continue
        if kind != "post":
            if kind == "page":
                reason = _("a WordPress page (page), not a news post")
            else:
                # Translators: {kind} is WordPress's post type, e.g. "product".
                reason = _("a WordPress item of the type '{kind}', not a news post").format(
                    kind=kind or "?"
                )
            export.skipped.append(Skipped(f"{shown} ({title})", reason))
            continue
        if status in ("trash", "auto-draft", "inherit"):
            reason = _("in WordPress's trash or an unsaved draft")
            export.skipped.append(Skipped(f"{shown} ({title})", reason))
            continue
        moment = moment_of(item)
        if not title or moment is None:
            reason = _("it has no title or no date")
            export.skipped.append(Skipped(shown, reason))
            continue
        meta = metas(item)
        notes: list[str] = []
        content = BLOCK_COMMENT.sub("", encoded(item, "content"))
        body = wpautop(shortcodes(content, export.attachments, notes))
        sections, tags = [], []
        for element in item.findall("category"):
            name = " ".join(html.unescape(element.text or "").split())
            (sections if element.get("domain") == "category" else tags).append(name)
        link = child(item, "link").strip()
        addresses = [path_of(link)] if link else []
        number = child(item, "post_id").strip()
        addresses.append(f"/?p={number}")
        excerpt = re.sub(r"<[^>]+>", " ", encoded(item, "excerpt"))
        featured = export.attachments.get(meta.get("_thumbnail_id", "").strip())
        draft = None
        if status in ("draft", "pending", "private"):
            draft = _("it was not published on the old site (status '{status}')").format(
                status=status
            )
        post = OldPost(
            source=shown,
            addresses=list(dict.fromkeys(addresses)),
            title=title,
            published=moment,
            section=next((s for s in sections if s.lower() != "uncategorized"), None),
            tags=[tag.replace(",", " ") for tag in tags],
            summary=" ".join(html.unescape(excerpt).split()) or None,
            body=body,
            views=views_of(meta),
            base=link or site + "/",
            image=(featured.url, featured.alt) if featured else None,
            draft=draft,
            notes=[_("shortcode [{name}] was left out").format(name=name) for name in notes],
        )
        export.posts.append(post)
    return export


def encoded(item, kind: str) -> str:
    """content:encoded (the post's text) or excerpt:encoded, whatever their namespaces' version."""
    for element in item:
        if isinstance(element.tag, str) and local(element) == "encoded":
            namespace = etree.QName(element).namespace or ""
            if ("excerpt" in namespace) == (kind == "excerpt"):
                return element.text or ""
    return ""


class Uploads:
    """Where the export's photos are: its uploads/ folder, or a mirror of the site."""

    def __init__(self, folder: Path | None, export: Export):
        self.folder = folder.resolve() if folder else None
        self.export = export
        self.host = urlsplit(export.site).netloc.lower()

    def file_for(self, url: str) -> Path | None:
        if self.folder is None:
            return None
        parts = urlsplit(url)
        if parts.netloc and parts.netloc.lower() != self.host:
            return None
        path = unquote(parts.path).lstrip("/")
        candidates = [self.folder / path, self.folder / self.host / path]
        if "uploads/" in path:
            candidates.insert(0, self.folder / path.split("uploads/", 1)[1])
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved.is_relative_to(self.folder) and resolved.is_file():
                return resolved
        return None
