"""What an editor's HTML may contain once it is on the site.

Markdown lets an editor write raw HTML, and editors paste it: embed codes,
Word's markup, whatever a page they copied carried. clean() keeps the tags
and attributes a news post needs and removes the rest with nh3 (Rust's
ammonia): scripts and styles with their content, event handlers, `style`
attributes, and every URL scheme but http, https, mailto and tel. Known embeds
become link cards first (embeds.py).
"""

import nh3
from bs4 import BeautifulSoup

from .embeds import card_for

TAGS = {
    *("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "div", "span"),
    *("em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup"),
    *("code", "pre", "kbd", "blockquote", "q", "cite", "abbr", "time"),
    *("ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption"),
    *("picture", "source", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"),
}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def embed_url(tag) -> str:
    """The address an embed code points at: an iframe's src, Instagram's permalink."""
    return tag.get("src") or tag.get("data") or tag.get("data-instgrm-permalink") or ""


def with_link_cards(html: str) -> str:
    """Known embeds replaced by a paragraph with one link; unknown ones left to clean()."""
    if not any(marker in html for marker in ("<iframe", "<embed", "<object", "instagram-media")):
        return html
    soup = BeautifulSoup(html, "html.parser")
    embeds = soup.find_all(["iframe", "embed", "object"])
    embeds += soup.find_all("blockquote", class_="instagram-media")
    for tag in embeds:
        card = card_for(embed_url(tag))
        if card is None:
            continue
        paragraph = soup.new_tag("p", attrs={"class": "sematan"})
        link = soup.new_tag("a", href=card.url)
        link.string = card.label
        paragraph.append(link)
        tag.replace_with(paragraph)
    return str(soup)


def clean(html: str) -> str:
    return nh3.clean(
        with_link_cards(html),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
