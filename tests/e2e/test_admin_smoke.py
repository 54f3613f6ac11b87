"""A curator logs in through a real browser and sees the styled admin index."""

from playwright.sync_api import expect

from tests.e2e.browser import log_in, screenshot


def test_a_curator_logs_in_and_sees_the_content_apps(page, live_server, curator):
    log_in(page, live_server, curator.username)

    expect(page).to_have_title("Curation | News archive")
    expect(page.get_by_role("link", name="Articles", exact=True).first).to_be_visible()
    expect(page.get_by_role("link", name="Entities", exact=True).first).to_be_visible()
    # A curator never manages users: the Authentication app is not offered.
    expect(page.get_by_role("link", name="Users")).to_have_count(0)
    # The admin stylesheet was served by the live server, not just linked: the header is styled.
    header_colour = page.locator("#header").evaluate("header => getComputedStyle(header).backgroundColor")
    assert header_colour != "rgba(0, 0, 0, 0)"

    assert screenshot(page, "admin-index-as-curator").stat().st_size > 0
