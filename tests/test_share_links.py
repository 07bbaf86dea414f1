"""Share URLs, built without Pelican: every title arrives intact and injects nothing."""

from html import escape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given
from hypothesis import strategies as st

from share_links.links import (
    LABELS,
    NETWORKS,
    ShareSettings,
    ShareSettingsError,
    share_links,
)

URL = "https://berita.kpu-ntt.test/berita/2021/11/rakor-dp3/"
DEFAULT = ShareSettings.from_setting(None)

# Any text a title can hold: Pelican reads a title from one header line.
titles = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), min_size=1
)


def query(href: str) -> dict[str, str]:
    """Decode a link's query the way the receiving service does (RFC 3986, UTF-8)."""
    values = parse_qs(urlsplit(href).query, keep_blank_values=True, strict_parsing=True)
    return {key: value[0] for key, value in values.items()}


def by_network(title, url=URL, settings=DEFAULT):
    return {link.network: link for link in share_links(title, url, settings)}


@given(titles)
@example("Rakor & Bimtek #2: 100% hadir? Ya + \"kutipan\" 'tunggal' <script>alert(1)</script>")
@example("Pemilu 2024 🇮🇩 — Sumba Barat Daya · 選挙 · انتخابات")
@example("a=b&c=d#frag?x=+%20%2B")
def test_every_title_round_trips_in_every_link(title):
    links = by_network(title)
    assert query(links["whatsapp"].href)["text"] == f"{title} {URL}"
    assert query(links["facebook"].href) == {"u": URL}
    assert query(links["x"].href) == {"text": title, "url": URL}
    assert query(links["telegram"].href) == {"url": URL, "text": title}
    assert links["email"].href.startswith("mailto:?")
    assert query(links["email"].href) == {"subject": title, "body": URL}
    assert links["copy"].href == URL


@given(titles)
def test_only_unreserved_characters_stay_unencoded(title):
    for link in share_links(title, URL, DEFAULT):
        if link.network == "copy":
            continue
        _, _, rest = link.href.partition("?")
        for pair in rest.split("&"):
            _, _, value = pair.partition("=")
            # RFC 3986 unreserved characters and percent escapes only: no space, '+', '&', '#'.
            assert all(c.isascii() and (c.isalnum() or c in "-._~%") for c in value), value
            assert unquote(value, errors="strict") is not None


@given(titles)
def test_html_attribute_round_trip(title):
    # What the theme does: Jinja autoescape of the href, read back by an HTML parser.
    for link in share_links(title, URL, DEFAULT):
        html = f'<a href="{escape(link.href)}" aria-label="{escape(link.name)}">{escape(link.label)}</a>'
        parsed = BeautifulSoup(html, "html.parser").a
        assert parsed["href"] == link.href
        assert len(BeautifulSoup(html, "html.parser").find_all(True)) == 1


def test_documented_service_addresses():
    links = by_network("Judul")
    assert links["whatsapp"].href.startswith("https://wa.me/?text=")
    assert links["facebook"].href.startswith("https://www.facebook.com/sharer/sharer.php?u=")
    assert links["x"].href.startswith("https://twitter.com/intent/tweet?text=")
    assert links["telegram"].href.startswith("https://t.me/share/url?url=")
    assert links["email"].href.startswith("mailto:?subject=")


def test_spaces_are_percent_20_never_plus():
    # A '+' would arrive as a plus sign in mail clients (RFC 6068) and some apps.
    links = by_network("Rapat Pleno + Bimtek")
    assert "Rapat%20Pleno%20%2B%20Bimtek" in links["email"].href
    assert "+" not in links["whatsapp"].href


def test_default_order_is_whatsapp_first():
    assert [link.network for link in share_links("J", URL, DEFAULT)] == [
        "whatsapp",
        "facebook",
        "x",
        "telegram",
        "email",
        "copy",
    ]


def test_accessible_names_are_indonesian_and_contain_the_label():
    for link in share_links("J", URL, DEFAULT):
        assert link.label in link.name
        assert link.name.split()[0] in {"Bagikan", "Kirim", "Salin"}


def test_chosen_networks_order_and_labels():
    settings = ShareSettings.from_setting(
        {"networks": ["telegram", "whatsapp"], "labels": {"whatsapp": ("WA", "Bagikan ke WA")}}
    )
    links = share_links("J", URL, settings)
    assert [(link.network, link.label, link.name) for link in links] == [
        ("telegram", "Telegram", "Bagikan ke Telegram"),
        ("whatsapp", "WA", "Bagikan ke WA"),
    ]


def test_campaign_tag_is_added_to_the_shared_url():
    settings = ShareSettings.from_setting({"campaign": "pilkada 2024"})
    links = {link.network: link for link in share_links("J", URL, settings)}
    shared = query(links["whatsapp"].href)["text"].removeprefix("J ")
    assert query(shared) == {
        "utm_source": "whatsapp",
        "utm_medium": "share",
        "utm_campaign": "pilkada 2024",
    }
    assert shared.startswith(URL + "?")
    assert query(links["facebook"].href)["u"].startswith(URL + "?utm_source=facebook&")
    assert links["copy"].href.startswith(URL + "?utm_source=copy&")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"networks": ["whatsap"]}, "unknown network 'whatsap'; choose from whatsapp, facebook"),
        ({"networks": ["email", "email"]}, "a network is listed twice"),
        ({"labels": {"line": ("LINE", "Bagikan ke LINE")}}, "unknown network 'line'"),
        ({"labels": {"x": ("X", "")}}, "must be (visible text, accessible name)"),
        ({"labels": {"x": ("Twitter", "Bagikan ke X")}}, "must contain its visible text"),
        ({"campaign": 2024}, "'campaign' must be text"),
        ({"network": ["x"]}, "unknown key(s) network"),
    ],
)
def test_settings_are_validated(setting, message):
    with pytest.raises(ShareSettingsError) as error:
        ShareSettings.from_setting(setting)
    assert message in str(error.value)


def test_every_network_has_a_label():
    assert set(NETWORKS) == set(LABELS)
