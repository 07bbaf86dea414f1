"""What an editor's HTML may contain once it is on the site.

Markdown lets an editor write raw HTML, and editors paste it: embed codes,
Word's markup, whatever a page they copied carried. clean() keeps the tags
and attributes a news post needs and removes the rest with nh3 (Rust's
ammonia): scripts and styles with their content, event handlers, `style`
attributes, and every URL scheme but http, https, mailto and tel. Known embeds
become link cards first (embeds.py).
"""

import re

import nh3
from bs4 import BeautifulSoup
from bs4.exceptions import ParserRejectedMarkup

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
# What XML 1.0 has no place for (its Char production), and so no feed can carry.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def embed_url(tag) -> str:
    """The address an embed code points at: an iframe's src, Instagram's permalink."""
    return tag.get("src") or tag.get("data") or tag.get("data-instgrm-permalink") or ""


def with_link_cards(html: str) -> str:
    """Known embeds replaced by a paragraph with one link; unknown ones left to clean()."""
    if not any(marker in html for marker in ("<iframe", "<embed", "<object", "instagram-media")):
        return html
    try:
        soup = BeautifulSoup(html, "html.parser")
    except ParserRejectedMarkup:  # e.g. "<![>": clean() alone decides, the embed goes
        return html
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


# Around a link's address: spaces of every kind, and the invisible ones a paste brings.
URL_PADDING = "".join(chr(code) for code in range(0x21) if chr(code).isspace()) + (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def trimmed_url(tag: str, attribute: str, value: str) -> str:
    return value.strip(URL_PADDING) if attribute in ("href", "src") else value


def clean(html: str) -> str:
    options = {
        "tags": TAGS,
        "attributes": ATTRIBUTES,
        "url_schemes": URL_SCHEMES,
        "link_rel": None,
        "strip_comments": True,
    }
    # nh3 checks a URL's scheme before attribute_filter trims it: the trimmed
    # address (" javascript:..." with a Unicode space) is checked in a second pass.
    trimmed = nh3.clean(with_link_cards(html), attribute_filter=trimmed_url, **options)
    # A character reference such as &#1; comes out as the character itself,
    # which XML 1.0 forbids: the feeds could not be written.
    return NOT_IN_XML.sub("", nh3.clean(trimmed, **options))
