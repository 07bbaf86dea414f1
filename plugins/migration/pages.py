"""Pages saved from the old site: which are news posts, and what each post says.

A folder as `wget --mirror --adjust-extension --convert-links` or a browser's
"save page" leaves it: .html files in folders that mirror the old addresses
(under a folder named after the host, unless wget was told -nH), photos
beside them. A page is a post unless its address, WordPress's body classes
or its shape say it is a list, a tag page, the home page or a static page.
The post's text is found by trafilatura; its title, section, date and
counter are read from the page around it, never from what is beside the
post (sidebars, widgets, related posts, comments).
"""

import codecs
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urljoin, urlsplit

import trafilatura
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from lxml import etree

from translations import _

from .dates import Moment, date_words, find_moment, parse_iso

PAGE_SUFFIXES = (".html", ".htm")
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)")
HOST = re.compile(r"^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?$", re.IGNORECASE)
NOT_HOSTS = (".php", ".html", ".htm", ".asp", ".aspx", ".jsp", ".cgi", ".pl")
NUMBER = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"
COUNTERS = [
    re.compile(rf"(?:telah\s+)?dilihat\s*:?\s*{NUMBER}\s*kali", re.IGNORECASE),
    re.compile(rf"dibaca\s*:?\s*{NUMBER}\s*kali", re.IGNORECASE),
    re.compile(rf"{NUMBER}\s*kali\s+(?:dilihat|dibaca)", re.IGNORECASE),
    re.compile(rf"(?:post\s+)?views?\s*:\s*{NUMBER}", re.IGNORECASE),
    re.compile(rf"{NUMBER}\s+(?:views|hits|pembaca)\b", re.IGNORECASE),
]
# A post's date and counter are looked for in this much text after its title.
REACH = 4000
SHARE_WORDS = {
    "facebook", "twitter", "x", "whatsapp", "whatapps", "watsapp", "telegram", "email", "e-mail",
    "linkedin", "pinterest", "print", "cetak", "line", "tumblr", "reddit", "share", "tweet",
}  # fmt: skip
SHARE_LABELS = {"bagikan", "bagikan ini", "share", "share this", "sebarkan", "bagikan berita"}
RELATED_LABELS = {"terkait", "related", "baca juga", "berita terkait", "artikel terkait"}
LIST_SEGMENTS = {"category", "categories", "kategori", "archive", "archives", "arsip", "page"}
TAG_SEGMENTS = {"tag", "tags", "topik", "label", "labels"}
LIST_QUERIES = ("page=", "paged=", "halaman=", "cat=", "start=")
HOME_PATHS = {"/", "/index.php", "/index.html", "/index.htm", "/home", "/beranda"}
WORDPRESS_LISTS = {"home", "blog", "archive", "category", "tag", "date", "author", "search"}
# The old site's pages about the office, not news: /profil/, /index.php/tentang-kami...
STATIC_SEGMENTS = {
    "profil", "profile", "tentang", "tentang-kami", "about", "about-us", "kontak", "contact",
    "visi-misi", "struktur", "struktur-organisasi", "sejarah", "ppid", "tugas-dan-wewenang",
}  # fmt: skip
CMS_PREFIXES = {"index.php", "page", "halaman", "pages"}
# Parts of a page beside the post, by class or id: sidebars, widgets, related and popular
# posts, comments, share rows. Their dates and counters are other posts'.
BESIDE = re.compile(
    r"sidebar|widget|related|terkait|populer|popular|recent|terbaru|comment|komentar|share"
    r"|breadcrumb",
    re.IGNORECASE,
)
BESIDE_TAGS = {"aside", "nav", "footer"}
# A paragraph of this many words is the post's text: its date is written before it.
BODY_WORDS = 20
# Separators of a date line: "Kamis, 11 November 2021 | 14.00 WITA | Admin".
DATE_LINE_MARKS = re.compile(r"[\s\d|·•/\\\-–—,.:()]+")
DATE_LINE_WORDS = 4  # besides the date's and time's own: an author's name, "oleh", "Wita"
LONE_LINK = re.compile(r"⟦(\d+)⟧(.*?)⟦/\1⟧", re.DOTALL)


@dataclass
class OldPost:
    """A news post of the old site, as read from a saved page or an export."""

    source: str  # the file it was read from (or "export.xml:line"), as the report names it
    addresses: list[str]  # its addresses on the old site, paths with any query
    title: str
    published: Moment | None
    section: str | None  # the old site's section or category, as it names it
    tags: list[str]
    summary: str | None
    body: str  # HTML
    views: int | None
    base: str  # the URL relative links and photos are resolved against
    image: tuple[str, str] | None = None  # the featured photo: (URL, alt text)
    draft: str | None = None  # why the old site did not show it, when it did not
    notes: list[str] = field(default_factory=list)
    page: Path | None = None  # the saved page, for what it links to


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


def is_host(name: str) -> bool:
    return bool(HOST.match(name)) and not name.lower().endswith(NOT_HOSTS)


def normal_text(text: str) -> str:
    return " ".join(text.split()).strip()


class Mirror:
    """A folder of saved pages, and the old addresses of the files in it."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self.hosts = {
            path.name.lower(): path
            for path in self.folder.iterdir()
            if path.is_dir() and is_host(path.name)
        }
        # The host's own folder given ("~/ntt.kpu.go.id"): its name is the old site's host.
        self.own_host = (
            self.folder.name.lower() if not self.hosts and is_host(self.folder.name) else None
        )
        if self.own_host:
            self.hosts = {self.own_host: self.folder}

    def pages(self) -> list[Path]:
        return sorted(
            path
            for path in self.folder.rglob("*")
            if path.suffix.lower() in PAGE_SUFFIXES
            and path.is_file()
            and not any(part.endswith("_files") for part in path.relative_to(self.folder).parts)
        )

    def shown(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()

    def host_of(self, path: Path) -> str | None:
        if self.own_host:
            return self.own_host
        parts = path.resolve().relative_to(self.folder).parts
        return parts[0].lower() if parts and parts[0].lower() in self.hosts else None

    def address_of(self, path: Path) -> str:
        """The old address of a saved file, from where it lies: wget's -E and index.html undone."""
        relative = PurePosixPath(path.resolve().relative_to(self.folder).as_posix())
        if self.host_of(path) and not self.own_host:
            relative = PurePosixPath(*relative.parts[1:]) if len(relative.parts) > 1 else None
        if relative is None:
            return "/"
        name = relative.name
        if name.lower() in ("index.html", "index.htm"):
            folder = relative.parent.as_posix()
            return "/" if folder == "." else f"/{folder}/"
        if name.lower().endswith(PAGE_SUFFIXES):
            name = name.rsplit(".", 1)[0]
        parent = relative.parent.as_posix()
        return f"/{name}" if parent == "." else f"/{parent}/{name}"

    def root_of(self, host: str | None) -> Path:
        return self.hosts.get((host or "").lower(), self.folder)

    def file_for(self, url: str, page: Path, host: str | None) -> Path | None:
        """The saved file a link or photo of PAGE points at, or None if it was not saved."""
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.netloc:
            if parts.netloc.lower() not in self.hosts and parts.netloc.lower() != (host or ""):
                return None
            root = self.root_of(parts.netloc)
            candidates = [root / unquote(parts.path).lstrip("/")]
        elif parts.path.startswith("/"):
            candidates = [
                self.root_of(host or self.host_of(page)) / unquote(parts.path).lstrip("/")
            ]
        elif parts.path:
            candidates = [page.parent / unquote(parts.path)]
        else:
            return None
        found = []
        for candidate in candidates:
            if parts.query:
                found.append(candidate.with_name(f"{candidate.name}?{parts.query}"))
            found += [
                candidate,
                candidate.with_name(candidate.name + ".html"),
                candidate / "index.html",
            ]
        for candidate in found:
            resolved = candidate.resolve()
            if resolved.is_relative_to(self.folder) and resolved.is_file():
                return resolved
        return None


DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
UTF_8 = {"utf-8", "utf8"}


def as_windows_1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """What is not UTF-8 in a page, read as Windows-1252 (Latin-1 as browsers read it)."""
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("kpu-windows-1252", as_windows_1252)


def decode(data: bytes) -> str:
    """A page's bytes as text: UTF-8 first, and what is not UTF-8 as Windows-1252.

    Old PHP CMSs print a UTF-8 template around text kept in Latin-1, and
    often declare neither; a page that declares another charset is read in it.
    """
    for mark, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(mark):
            return data.decode(encoding, errors="replace")
    declared = DECLARED.search(data[:4096])
    name = declared[1].decode("ascii", "replace").lower() if declared else "utf-8"
    if name not in UTF_8 and name not in ("iso-8859-1", "latin-1", "latin1", "us-ascii"):
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("utf-8", errors="kpu-windows-1252").removeprefix("\ufeff")


def read_markup(path: Path) -> str | None:
    """The page's text, or None if it is not text (a photo saved with .html)."""
    data = path.read_bytes()
    if b"\x00" in data[:2048] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return decode(data)


def meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content", "").strip():
            return tag["content"].strip()
    return None


def page_address(soup: BeautifulSoup, markup: str, mirror: Mirror, path: Path):
    """(old address, host): what the page says it was, else where the file lies."""
    host = mirror.host_of(path)
    said = SAVED_FROM.search(markup[:1000])
    canonical = soup.find("link", rel="canonical")
    for url in (
        said[1] if said else None,
        canonical.get("href") if canonical else None,
        meta(soup, "og:url"),
    ):
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and (host is None or parts.netloc.lower() == host):
            address = parts.path or "/"
            return (address + (f"?{parts.query}" if parts.query else "")), parts.netloc.lower()
    return mirror.address_of(path), host


def body_classes(soup: BeautifulSoup) -> set[str]:
    return set(soup.body.get("class", [])) if soup.body else set()


# What wordpress_reason() says of a single post: a news post, look no further.
POST = ""


def wordpress_reason(classes: set[str]) -> str | None:
    """What WordPress's body classes say the page is: POST, why it is not a post, or None."""
    if "error404" in classes:
        reason = _("an error page of the old site")
    elif classes & {"single-post", "single"} and "page" not in classes:
        reason = POST
    elif "page" in classes and any(name.startswith("page-") for name in classes):
        reason = _("an ordinary page (Profil, Kontak, ...), not a news post")
    elif "tag" in classes:
        reason = _("a tag page")
    elif "home" in classes:
        reason = _("the home page")
    elif classes & WORDPRESS_LISTS:
        reason = _("a list of posts")
    else:
        reason = None
    return reason


def address_reason(address: str) -> str | None:
    """What the old address says the page is: the home page, a tag page, a list, or None."""
    path, _mark, query = address.partition("?")
    segments = [unquote(part).lower() for part in path.split("/") if part]
    home = path.rstrip("/") in {"", *HOME_PATHS} or path in HOME_PATHS
    if home and (not query or query.startswith(LIST_QUERIES)):
        return _("the home page")
    if any(segment in TAG_SEGMENTS for segment in segments[:-1]) or "tag=" in query:
        return _("a tag page")
    # "/index.php/page/profil": the CMS's own pages, before "page" is taken for a list's.
    first = next((segment for segment in segments if segment not in CMS_PREFIXES), None)
    if first in STATIC_SEGMENTS:
        return _("an ordinary page (Profil, Kontak, ...), not a news post")
    if any(segment in LIST_SEGMENTS for segment in segments) or query.startswith(LIST_QUERIES):
        return _("a list of posts")
    return None


def classify(soup: BeautifulSoup, address: str) -> str | None:
    """Why the page is not a news post, or None when it is one."""
    said = wordpress_reason(body_classes(soup))
    if said is not None:
        return said or None
    reason = address_reason(address)
    if reason:
        return reason
    # Several headings that are links: the titles of a list of posts; not those of the
    # related posts under a post ("Berita Terkait") or of a sidebar.
    skipped = beside_post(soup, None)
    related = [
        label
        for label in soup.find_all(["h2", "h3", "h4", "h5", "h6", "p", "strong", "div"])
        if normal_text(label.get_text(" ")).lower().strip(" :") in RELATED_LABELS
    ]
    after_related = {id(element) for label in related[:1] for element in label.find_all_next()}
    linked = [
        heading
        for heading in soup.find_all(["h1", "h2", "h3", "h4"])
        if heading.find("a", href=True)
        and outside(heading, skipped)
        and id(heading) not in after_related
    ]
    return _("a list of posts") if len(linked) >= 3 else None


def headings(soup: BeautifulSoup) -> list[Tag]:
    return [
        heading
        for heading in soup.find_all(["h1", "h2", "h3"])
        if normal_text(heading.get_text(" ")) and not heading.find_parent("nav")
    ]


def shows_title(said: str, text: str) -> bool:
    """Whether a heading's TEXT is the title SAID, or SAID is it followed by the site's name."""
    rest = said.removeprefix(text)
    return said == text or (rest != said and rest.strip()[:1] in ("|", "–", "—", "-", ":", "·"))


def find_title(soup: BeautifulSoup) -> tuple[str | None, Tag | None]:
    """The post's title and the heading that shows it on the page."""
    said = [
        normal_text(text)
        for text in (
            meta(soup, "og:title", "twitter:title"),
            soup.title.get_text() if soup.title else None,
        )
        if text
    ]
    for heading in headings(soup):
        text = normal_text(heading.get_text(" "))
        if len(text) > 3 and any(shows_title(title, text) for title in said):
            return text, heading
    h1 = [h for h in soup.find_all("h1") if normal_text(h.get_text(" "))]
    if len(h1) == 1 and not h1[0].find("a"):
        return normal_text(h1[0].get_text(" ")), h1[0]
    if said:
        # "Judul | Nama Situs": the site's name after the last separator goes.
        return re.split(r"\s+[|–—-]\s+(?!.*\s[|–—-]\s)", said[0])[0], None
    return None, None


def is_beside(element: Tag) -> bool:
    if element.name in BESIDE_TAGS:
        return True
    said = " ".join([*element.get("class", []), element.get("id") or ""])
    return bool(said.strip()) and bool(BESIDE.search(said))


def beside_post(soup: BeautifulSoup, title: Tag | None) -> set[int]:
    """The elements beside the post (sidebars, widgets, comments...), not those holding it."""
    holding = {id(parent) for parent in title.parents} if title is not None else set()
    return {
        id(element)
        for element in soup.find_all(True)
        if element.name not in ("html", "body") and id(element) not in holding
        and is_beside(element)
    }  # fmt: skip


def outside(node, skipped: set[int]) -> bool:
    return not any(id(parent) in skipped for parent in node.parents)


def text_after(
    element: Tag | None, soup: BeautifulSoup, reach: int = REACH, until_body: bool = False
) -> str:
    """The page's text from ELEMENT on, as a reader sees it, up to REACH characters.

    What is beside the post is left out; UNTIL_BODY stops at the post's first
    paragraph, for the date line written above it (a date in the text is another day's).
    """
    skipped = beside_post(soup, element)
    pieces, size = [], 0
    for node in element.next_elements if element is not None else soup.descendants:
        if isinstance(node, Tag):
            if until_body and node.name == "p" and len(node.get_text(" ").split()) >= BODY_WORDS:
                break
            continue
        if isinstance(node, Comment) or not isinstance(node, NavigableString):
            continue
        if not outside(node, skipped) or node.find_parent(["script", "style"]):
            continue
        pieces.append(str(node))
        size += len(node)
        if size > reach:
            break
    return normal_text(" ".join(pieces))


def find_section(soup: BeautifulSoup, title: Tag | None) -> str | None:
    """The old site's section: WordPress's category, a label above the title, the breadcrumb."""
    said = meta(soup, "article:section")
    if said:
        return said
    category = soup.find("a", rel=lambda value: value and "category" in value)
    if category:
        return normal_text(category.get_text(" "))
    if title is not None:
        before = title.find_previous_sibling(True)
        if before is not None and before.name in ("h3", "h4", "h5", "h6", "p", "span", "div"):
            text = normal_text(before.get_text(" "))
            if 0 < len(text.split()) <= 4:
                return text
    crumbs = soup.select(".breadcrumb a, .breadcrumbs a, nav[aria-label*=readcrumb] a")
    if len(crumbs) > 1:
        return normal_text(crumbs[-1].get_text(" "))
    return None


def find_moment_of(soup: BeautifulSoup, title: Tag | None) -> Moment | None:
    said = meta(soup, "article:published_time", "datePublished", "date", "DC.date.issued")
    found = parse_iso(said) if said else None
    if found:
        return found
    skipped = beside_post(soup, title)
    for time in soup.select("time.published[datetime], [itemprop=datePublished][datetime]"):
        found = parse_iso(time["datetime"]) if outside(time, skipped) else None
        if found:
            return found
    found = find_moment(text_after(title, soup, until_body=True))
    if found:
        return found
    # A <time> of the post's own, not of a sidebar's or a comment's.
    times = [time for time in soup.find_all("time", datetime=True) if outside(time, skipped)]
    return parse_iso(times[0]["datetime"]) if times else None


def count_of(text: str) -> int | None:
    """The counter in TEXT ("Telah dilihat 1.204 kali", "Post Views: 212"), or None."""
    found = [match for pattern in COUNTERS for match in pattern.finditer(text)]
    if not found:
        return None
    first = min(found, key=lambda match: match.start())
    return int(re.sub(r"[.,]", "", first[1]))


def is_counter(text: str) -> bool:
    return any(pattern.fullmatch(normal_text(text).rstrip(".")) for pattern in COUNTERS)


def drop_counters(soup: BeautifulSoup) -> None:
    """The old counter, with what is printed with it ("Telah dilihat 612 kali" "total 556")."""
    for node in list(soup.find_all(string=True)):
        if getattr(node, "parent", None) is None or isinstance(node, Comment):
            continue  # within a block dropped already
        if not is_counter(str(node)):
            continue
        block = node.parent
        # Up to the block that holds the counter and little else: never the post's text.
        while (
            block.parent is not None
            and block.parent.name not in ("body", "html", "[document]")
            and not block.parent.find(["img", "table", "h1", "h2", "h3"])
            and len(normal_text(block.parent.get_text(" "))) <= len(normal_text(node)) + 40
        ):
            block = block.parent
        block.decompose()


def is_share(text: str) -> bool:
    words = normal_text(text).lower().rstrip(":").strip()
    if words in SHARE_LABELS:
        return True
    tokens = re.findall(r"[\w-]+", words)
    return bool(tokens) and all(token in SHARE_WORDS for token in tokens)


def is_date_line(text: str) -> bool:
    """A date line on its own, as some extractions keep it: "Selasa, 30 November 2021 08.15
    Wita", "Kamis, 11 November 2021 | 14.00 WITA | Admin" (its date, time and author)."""
    text = normal_text(text)
    if len(text) > 100 or find_moment(text) is None:
        return False
    words = re.findall(r"[^\W\d_]+", DATE_LINE_MARKS.sub(" ", text))
    return len([word for word in words if word.lower() not in date_words()]) <= DATE_LINE_WORDS


def clean_body(html: str, title: str, section: str | None) -> str:
    """The extracted text less what is not the post: its title, share row, counter, labels."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.body or soup
    skip = {normal_text(title).lower(), normal_text(section or "").lower()}
    for element in list(root.find_all(True, recursive=False)):
        # A leading label or heading that repeats the title or the section.
        if normal_text(element.get_text(" ")).lower() in skip and not element.find("img"):
            element.decompose()
            continue
        break
    blocks = root.find_all(["p", "div", "h2", "h3", "h4", "h5", "h6", "ul", "section"])
    for element in blocks:
        if element.decomposed:
            continue
        text = element.get_text(" ")
        if element.find(["img", "table"]):
            continue
        label = normal_text(text).lower().strip("*_ :")
        if (
            is_counter(text)
            or is_share(text)
            or label in RELATED_LABELS
            or not normal_text(text.replace("\xa0", " "))
        ):
            element.decompose()
    first = root.find(True)
    if first is not None and not first.find("img") and is_date_line(first.get_text(" ")):
        first.decompose()
    return "".join(str(child) for child in root.children).strip()


@dataclass
class LoneLink:
    """A paragraph that is one link, and the text of the paragraphs beside it."""

    href: str
    text: str
    beside: list[str]


def lone_link(paragraph: Tag) -> Tag | None:
    anchors = paragraph.find_all("a", href=True)
    if len(anchors) != 1:
        return None
    text = normal_text(anchors[0].get_text(" "))
    return anchors[0] if text and normal_text(paragraph.get_text(" ")) == text else None


def mark_lone_links(soup: BeautifulSoup, title: Tag | None) -> dict[str, LoneLink]:
    """Paragraphs that are one link ("Unduh SK Nomor 12", "Baca juga: ..."), beside text.

    The extraction drops them as it drops a menu's links: each link becomes marked
    text, which restore_links() makes a link again. Returns {mark: LoneLink}.
    """
    links = {}
    skipped = beside_post(soup, title)
    for paragraph in soup.find_all("p"):
        anchor = lone_link(paragraph)
        if anchor is None or not outside(paragraph, skipped):
            continue
        neighbours = paragraph.parent.find_all("p", recursive=False) if paragraph.parent else []
        beside = [
            normal_text(p.get_text(" "))
            for p in neighbours
            if p is not paragraph and lone_link(p) is None and normal_text(p.get_text(" "))
        ]
        if not beside:  # a row of links: a menu's, not a post's
            continue
        mark = str(len(links))
        text = normal_text(anchor.get_text(" "))
        links[mark] = LoneLink(anchor["href"], text, beside)
        anchor.replace_with(f"⟦{mark}⟧{text}⟦/{mark}⟧")
    return links


def left_out(extracted: str, links: dict[str, LoneLink]) -> list[LoneLink]:
    """The marked links of the post's paragraphs that the extraction left out."""
    text = normal_text(re.sub(r"<[^>]+>", " ", extracted))
    return [
        link
        for mark, link in links.items()
        if f"⟦{mark}⟧" not in extracted and any(escape(b, quote=False) in text for b in link.beside)
    ]


def restore_links(html: str, links: dict[str, LoneLink]) -> str:
    def link(match):
        found = links.get(match[1])
        return f'<a href="{escape(found.href)}">{match[2]}</a>' if found else ""

    return re.sub(r"⟦/?\d+⟧", "", LONE_LINK.sub(link, html))


def keep_captions(soup: BeautifulSoup) -> str:
    """Figure captions as paragraphs, which the extraction keeps (it drops <figcaption>)."""
    for caption in soup.find_all("figcaption"):
        paragraph = soup.new_tag("p")
        emphasis = soup.new_tag("em")
        emphasis.string = normal_text(caption.get_text(" "))
        paragraph.append(emphasis)
        figure = caption.find_parent("figure")
        caption.decompose()
        if figure is not None and emphasis.string:
            figure.insert_after(paragraph)
    return str(soup)


def extract(markup: str) -> str | None:
    """The post's own text as HTML: trafilatura, favouring precision (see benchmarks/).

    Its XML is read rather than its HTML, which loses numbered lists.
    """
    found = trafilatura.extract(
        markup,
        output_format="xml",
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=True,
        include_links=True,
        include_formatting=True,
        deduplicate=False,
    )
    return xml_to_html(found) if found else None


def xml_to_html(document: str) -> str:
    """trafilatura's XML (TEI-like elements) as the HTML elements they stand for."""
    root = etree.fromstring(document.encode("utf-8"))
    main = root.find("main")
    return "".join(html_of(child) for child in (main if main is not None else root))


HIGHLIGHTS = {"#b": "strong", "#i": "em", "#t": "code", "#sub": "sub", "#sup": "sup"}


def html_of(element) -> str:
    tag = element.tag
    attributes = ""
    if tag == "head":
        level = min(max(int((element.get("rend") or "h2").lstrip("h") or 2), 2), 6)
        name = f"h{level}"
    elif tag == "list":
        name = "ol" if element.get("rend") == "ol" else "ul"
    elif tag == "hi":
        name = HIGHLIGHTS.get(element.get("rend", ""), "")
    elif tag == "ref":
        name, attributes = "a", f' href="{escape(element.get("target", ""))}"'
    elif tag == "graphic":
        name = "img"
        for key in ("src", "alt", "title"):
            if element.get(key) is not None:
                attributes += f' {key}="{escape(element.get(key))}"'
    else:
        name = {"item": "li", "row": "tr", "lb": "br", "quote": "blockquote", "del": "del"}.get(
            tag, tag if tag in ("p", "table", "code", "pre") else ""
        )
        if tag == "cell":
            name = "th" if element.get("role") == "head" else "td"
    inner = escape(element.text or "", quote=False) + "".join(html_of(child) for child in element)
    tail = escape(element.tail or "", quote=False)
    if name in ("img", "br"):
        return f"<{name}{attributes}>{tail}"
    if not name:
        return inner + tail
    return f"<{name}{attributes}>{inner}</{name}>{tail}"


def tags_of(soup: BeautifulSoup) -> list[str]:
    found = [
        normal_text(a.get_text(" "))
        for a in soup.find_all("a", rel="tag")
        if "category" not in a.get("rel", [])
    ]
    found += [
        tag["content"].strip()
        for tag in soup.find_all("meta", attrs={"property": "article:tag"})
        if tag.get("content")
    ]
    return list(dict.fromkeys(tag.replace(",", " ") for tag in found if tag))


def description_of(soup: BeautifulSoup, body_text: str) -> str | None:
    """The page's own description, if it is this post's (not the site's on every page)."""
    said = meta(soup, "og:description", "description", "twitter:description")
    if not said:
        return None
    words = re.findall(r"\w+", said.lower())[:6]
    text = body_text.lower()
    return normal_text(said) if words and all(word in text for word in words) else None


def read_page(path: Path, mirror: Mirror) -> OldPost | Skipped:
    shown = mirror.shown(path)
    markup = read_markup(path)
    if markup is None:
        return Skipped(shown, _("not an HTML page"))
    soup = BeautifulSoup(markup, "html.parser")
    address, host = page_address(soup, markup, mirror, path)
    other = classify(soup, address)
    if other:
        return Skipped(shown, other)
    title, heading = find_title(soup)
    if not title:
        return Skipped(shown, _("no title was found on it"))
    moment = find_moment_of(soup, heading)
    if moment is None:
        return Skipped(
            shown, _("no date was found on it: not a news post, or its date is not shown")
        )
    section, tags = find_section(soup, heading), tags_of(soup)
    views = count_of(text_after(heading, soup))
    drop_counters(soup)
    links = mark_lone_links(soup, heading)
    marked = extract(keep_captions(soup)) or ""
    notes = [
        _(
            "the paragraph '{text}' (a link to {href}) was left out of the text; add it by "
            "hand where it was on the old page"
        ).format(text=link.text, href=link.href)
        for link in left_out(marked, links)
    ]
    extracted = restore_links(marked, links)
    body = clean_body(extracted, title, section) if extracted else ""
    body_text = normal_text(BeautifulSoup(body, "html.parser").get_text(" "))
    if not body_text and "<img" not in body:
        return Skipped(shown, _("no text of a post was found on it"))
    base = f"https://{host}{address}" if host else address
    return OldPost(
        source=shown,
        addresses=[address],
        title=title,
        published=moment,
        section=section,
        tags=tags,
        summary=description_of(soup, body_text),
        body=body,
        views=views,
        base=base,
        notes=notes,
        page=path,
    )


def as_old_url(address: str) -> str | None:
    """ADDRESS as `Old_Urls:` writes it (percent-encoded path), or None if it has a query."""
    path, _mark, query = address.partition("?")
    if query:
        return None
    return quote(unquote(path), safe="/")


def resolve(base: str, url: str) -> str:
    return urljoin(base, url)
