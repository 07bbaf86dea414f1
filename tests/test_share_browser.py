"""The share row in headless Chromium: no request until a tap, copy works, no-JS works."""

from urllib.parse import urlsplit

import pytest
from conftest import SEED_URL


@pytest.fixture
def page_with_requests(browser, served_site):
    def open_page(javascript=True, permissions=()):
        context = browser.new_context(java_script_enabled=javascript)
        if permissions:
            context.grant_permissions(list(permissions), origin=served_site)
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(f"{served_site}/{SEED_URL}")
        page.wait_for_load_state("networkidle")
        return page, requests, errors

    return open_page


def test_loading_an_article_asks_no_other_host(page_with_requests, served_site):
    _, requests, errors = page_with_requests()
    hosts = {urlsplit(url).netloc for url in requests}
    assert hosts == {urlsplit(served_site).netloc}
    assert errors == []


def test_copy_link_puts_the_address_on_the_clipboard(page_with_requests, served_site):
    page, requests, _ = page_with_requests(permissions=["clipboard-read", "clipboard-write"])
    before = len(requests)
    link = page.get_by_role("link", name="Salin tautan berita")
    expected = link.get_attribute("href")
    link.click()
    page.get_by_role("status").filter(has_text="Tautan disalin").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.url == f"{served_site}/{SEED_URL}"  # no navigation
    assert len(requests) == before  # and no request


def test_without_javascript_the_row_is_a_list_of_links(page_with_requests):
    page, _, _ = page_with_requests(javascript=False)
    row = page.locator("section.share")
    names = [row.get_by_role("link").nth(i).get_attribute("aria-label") for i in range(6)]
    assert names == [
        "Bagikan ke WhatsApp",
        "Bagikan ke Facebook",
        "Bagikan ke X (Twitter)",
        "Bagikan ke Telegram",
        "Kirim lewat Email",
        "Salin tautan berita",
    ]
    assert row.get_by_role("listitem").count() == 6
    assert row.get_by_role("status").count() == 0  # the script did not run
    assert (
        row.get_by_role("link", name="Bagikan ke WhatsApp")
        .get_attribute("href")
        .startswith("https://wa.me/?text=")
    )
