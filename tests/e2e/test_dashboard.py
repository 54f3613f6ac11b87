"""A curator opens the archive dashboard from the admin index and sees its tiles and charts."""

import datetime
import random
import re

import pytest
from playwright.sync_api import expect

from entities.models import EntityArticle
from tests.e2e.browser import log_in, screenshot
from tests.factories import ArticleFactory, EntityFactory, EventFactory, SourceFactory, mention_in

pytestmark = pytest.mark.django_db(transaction=True)

SOURCES = ["Dawn", "Tehran Times", "The Express Tribune", "IRNA", "Al Jazeera", "Reuters", "Tolo News", "Geo News"]
ENTITIES = [
    ("Pakistan", "country"), ("Iran", "country"), ("Afghanistan", "country"), ("Asim Munir", "person"),
    ("Abbas Araghchi", "person"), ("Jaish al-Adl", "armed_group"), ("Balochistan", "region"), ("Quetta", "city"),
    ("Taliban", "armed_group"), ("Foreign Office", "organisation"),
]  # fmt: skip
EVENT_KINDS = ["visit", "meeting", "agreement", "military_strike", "militant_attack", "border_incident", "statement"]


@pytest.fixture
def archive():
    """Two years of articles from eight outlets, a few of them undated, mentioning ten entities at
    very different rates, and forty events; the same every run."""
    rng = random.Random(7)
    sources = [SourceFactory(name=name) for name in SOURCES]
    entities = [EntityFactory(name=name, kind=kind) for name, kind in ENTITIES]
    for number in range(260):
        mentioned = [entity for rank, entity in enumerate(entities) if rng.random() < 0.8 / (rank + 1) ** 0.7]
        day = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(730)) if number % 13 else None
        article = ArticleFactory(
            source=rng.choices(sources, weights=[1 / (rank + 1) for rank in range(len(sources))])[0],
            body=f"Report {number}. " + " ".join(f"{entity.name} said." for entity in mentioned),
            published_on=day,
            status=rng.choice(["imported"] * 6 + ["reviewed"] * 3 + ["rejected"]),
        )
        for entity in mentioned:
            mention_in(article, entity, entity.name)
    for _ in range(40):
        EventFactory(
            kind=rng.choice(EVENT_KINDS),
            start_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(730)),
            status=rng.choice(["confirmed", "confirmed", "proposed", "rejected"]),
        )
    assert EntityArticle.objects.exists()


def test_a_curator_opens_the_dashboard_and_sees_the_charts(page, live_server, curator, archive):
    log_in(page, live_server, curator.username)
    page.get_by_role("link", name="Archive dashboard").click()

    expect(page).to_have_title("Archive dashboard | News archive")
    expect(page.locator(".breadcrumbs")).to_contain_text("Archive dashboard")
    expect(page.get_by_role("link", name="260 Articles")).to_be_visible()
    reviewed = page.get_by_role("link", name="76 Reviewed")
    expect(reviewed).to_have_attribute("href", "/admin/articles/article/?status__exact=reviewed")
    charts = page.get_by_role("img")
    expect(charts).to_have_count(3)
    for name in ["Articles per month by source", "Events per month by kind", "Most-mentioned entities"]:
        expect(page.get_by_role("img", name=name)).to_be_visible()
    expect(page.get_by_role("img", name="Most-mentioned entities")).to_contain_text("Pakistan")

    assert screenshot(page, "dashboard").stat().st_size > 0

    # A month's column is a link: to the articles of that month.
    page.locator('#articles-per-month a[href$="published_on__year=2023&published_on__month=3"]').click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/\?published_on__year=2023&published_on__month=3$"))
    expect(page.locator("#result_list")).to_be_visible()
