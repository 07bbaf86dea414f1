"""Share links for an article: plain URLs, built once at build time.

Each service's address is the one it documents for sharing from a link, with
every parameter percent-encoded as RFC 3986 asks (UTF-8, nothing but the
unreserved characters left as they are), so that a title with `&`, `#`, `+`,
quotes or emoji arrives intact. HTML-escaping for the attribute is the
template's job (Jinja autoescape), and happens once, after this.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from translations import _


def encode(value: str) -> str:
    """Percent-encode a query value: spaces as %20, '+' and '/' encoded too."""
    return quote(value, safe="")


# How each service takes a title and a URL. "copy" is the article's own URL:
# without JavaScript it is a plain link, with it a tap copies the address.
NETWORKS = {
    "whatsapp": lambda title, url: f"https://wa.me/?text={encode(f'{title} {url}')}",
    "facebook": lambda title, url: f"https://www.facebook.com/sharer/sharer.php?u={encode(url)}",
    "x": lambda title, url: (
        f"https://twitter.com/intent/tweet?text={encode(title)}&url={encode(url)}"
    ),
    "telegram": lambda title, url: f"https://t.me/share/url?url={encode(url)}&text={encode(title)}",
    "email": lambda title, url: f"mailto:?subject={encode(title)}&body={encode(url)}",
    "copy": lambda title, url: url,
}

# (visible label, accessible name): the name contains the label (WCAG 2.5.3).
LABELS = {
    "whatsapp": ("WhatsApp", "Bagikan ke WhatsApp"),
    "facebook": ("Facebook", "Bagikan ke Facebook"),
    "x": ("X", "Bagikan ke X (Twitter)"),
    "telegram": ("Telegram", "Bagikan ke Telegram"),
    "email": ("Email", "Kirim lewat Email"),
    "copy": ("Salin tautan", "Salin tautan berita"),
}


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    name: str  # the accessible name, for aria-label
    href: str


class ShareSettingsError(ValueError):
    pass


@dataclass(frozen=True)
class ShareSettings:
    """The SHARE_LINKS setting, checked once when Pelican starts."""

    networks: tuple[str, ...] = ("whatsapp", "facebook", "x", "telegram", "email", "copy")
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    campaign: str = ""

    @classmethod
    def from_setting(cls, setting: dict | None) -> "ShareSettings":
        setting = dict(setting or {})
        unknown_keys = set(setting) - {"networks", "labels", "campaign"}
        if unknown_keys:
            raise ShareSettingsError(
                # Translators: SHARE_LINKS and the quoted keys are names in pelicanconf.py.
                _(
                    "SHARE_LINKS: unknown key(s) {keys}; use 'networks', 'labels' and 'campaign'"
                ).format(keys=", ".join(sorted(unknown_keys)))
            )
        networks = tuple(setting.get("networks", cls.networks))
        labels = {**LABELS, **{k: tuple(v) for k, v in setting.get("labels", {}).items()}}
        for name in (*networks, *setting.get("labels", {})):
            if name not in NETWORKS:
                raise ShareSettingsError(
                    _("SHARE_LINKS: unknown network '{name}'; choose from {networks}").format(
                        name=name, networks=", ".join(NETWORKS)
                    )
                )
        if len(set(networks)) != len(networks):
            raise ShareSettingsError(_("SHARE_LINKS: a network is listed twice in 'networks'"))
        for name, label in labels.items():
            if len(label) != 2 or not all(isinstance(part, str) and part for part in label):
                raise ShareSettingsError(
                    _(
                        "SHARE_LINKS: the label of '{name}' must be "
                        "(visible text, accessible name), both non-empty"
                    ).format(name=name)
                )
            if label[0] not in label[1]:
                raise ShareSettingsError(
                    _(
                        "SHARE_LINKS: the accessible name of '{name}' ('{accessible}') must "
                        "contain its visible text ('{visible}')"
                    ).format(name=name, accessible=label[1], visible=label[0])
                )
        campaign = setting.get("campaign") or ""
        if not isinstance(campaign, str):
            raise ShareSettingsError(_("SHARE_LINKS: 'campaign' must be text"))
        return cls(networks, labels, campaign)


def shared_url(url: str, network: str, campaign: str) -> str:
    """The URL to share, tagged with the campaign when there is one."""
    if not campaign:
        return url
    separator = "&" if "?" in url else "?"
    return (
        f"{url}{separator}utm_source={encode(network)}&utm_medium=share"
        f"&utm_campaign={encode(campaign)}"
    )


def share_links(title: str, url: str, settings: ShareSettings) -> list[ShareLink]:
    """The share row of one article, in the configured order."""
    links = []
    for network in settings.networks:
        label, name = settings.labels[network]
        href = NETWORKS[network](title, shared_url(url, network, settings.campaign))
        links.append(ShareLink(network, label, name, href))
    return links
