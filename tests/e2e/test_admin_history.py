"""A curator corrects an article's title, reads the change in its history and reverts it, in a real browser."""

from playwright.sync_api import expect

from tests.e2e.browser import log_in, screenshot


def test_a_curator_sees_their_edit_in_the_history_and_reverts_it(page, live_server, curator):
    from articles.models import Article
    from tests.factories import ArticleFactory

    article = ArticleFactory(title="Border markets planned")
    log_in(page, live_server, curator.username)

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.get_by_label("Title").fill("Border markets opened")
    page.get_by_role("button", name="Save", exact=True).click()
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name="History").click()

    latest = page.locator("#change-history tbody tr").first
    expect(latest).to_contain_text(curator.username)
    expect(latest).to_contain_text("Title: Border markets planned → Border markets opened")
    screenshot(page, "article-history")

    page.locator("#change-history tbody tr").last.get_by_role("link").click()
    page.get_by_role("button", name="Revert").click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.title == "Border markets planned"
    assert Article.history.filter(id=article.pk).first().history_user == curator
