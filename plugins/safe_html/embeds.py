"""Embed codes editors paste, as link cards that cost nothing until tapped.

An iframe from YouTube, Scribd, Facebook, Google Drive or Instagram (or
Instagram's blockquote embed) becomes a link to the same thing on that
service: no request to it until the reader asks. Anything else embedded is
unknown, and `invoke check` refuses it.
"""

import re
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qs, urlsplit


@dataclass(frozen=True)
class Card:
    service: str
    label: str  # "Buka dokumen di Scribd"
    url: str


# (hosts, path pattern, service, label, link made from the pattern's groups)
SERVICES = [
    (
        ("youtube.com", "youtube-nocookie.com"),
        r"/embed/([A-Za-z0-9_-]{6,20})",
        "YouTube",
        "Tonton video di YouTube",
        "https://www.youtube.com/watch?v={0}",
    ),
    (
        ("youtu.be",),
        r"/([A-Za-z0-9_-]{6,20})",
        "YouTube",
        "Tonton video di YouTube",
        "https://www.youtube.com/watch?v={0}",
    ),
    (
        ("scribd.com",),
        r"/(?:embeds|document|doc)/(\d+)",
        "Scribd",
        "Buka dokumen di Scribd",
        "https://www.scribd.com/document/{0}",
    ),
    (
        ("drive.google.com",),
        r"/file/d/([A-Za-z0-9_-]+)",
        "Google Drive",
        "Buka berkas di Google Drive",
        "https://drive.google.com/file/d/{0}/view",
    ),
    (
        ("instagram.com",),
        r"/(p|reel|tv)/([A-Za-z0-9_-]+)",
        "Instagram",
        "Lihat di Instagram",
        "https://www.instagram.com/{0}/{1}/",
    ),
]


def _split(url: str) -> SplitResult | None:
    """The parts of URL, or None when urlsplit refuses it ('http://[x' has no host)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _host(url: str) -> str:
    parts = _split(url)
    host = ((parts.hostname if parts else None) or "").lower()
    return host.removeprefix("www.").removeprefix("m.")


def card_for(url: str) -> Card | None:
    """The link card for an embed's address, or None when the service is not known."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = _split(url)
    if parts is None or parts.scheme not in ("http", "https"):
        return None
    host = _host(url)
    for hosts, pattern, service, label, link in SERVICES:
        found = re.match(pattern, parts.path)
        if host in hosts and found:
            return Card(service, label, link.format(*found.groups()))
    if host == "facebook.com" and parts.path.startswith("/plugins/video.php"):
        # Facebook's embed carries the video's own address in ?href=.
        video = parse_qs(parts.query).get("href", [""])[0]
        video_parts = _split(video)
        https = video_parts is not None and video_parts.scheme == "https"
        if https and _host(video) in ("facebook.com", "fb.watch"):
            return Card("Facebook", "Tonton video di Facebook", video)
    return None
