"""Each admin page a curator works on, at 1400 and 1000 pixels: nothing the curator needs is pushed
off screen or cut off, and a screenshot of each is kept for a person to look at."""

import datetime

import pytest
from playwright.sync_api import Page

from tests.e2e.browser import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

LONG_TITLE = "Pakistan and Iran's militaries will cooperate more against militant border attacks, officials say"
DESCRIPTION = (
    "Pakistani army officer, chief of army staff since November 2022 and field marshal since May 2025; "
    "earlier director general of the Inter-Services Intelligence and of Military Intelligence."
)


@pytest.fixture
def archive(transactional_db):
    from articles.models import Source
    from entities.models import Entity, Event
    from tests.factories import ArticleFactory, mention_in

    dawn = Source.objects.create(name="Dawn", slug="dawn", domain="dawn.com")
    munir = Entity.objects.create(name="Asim Munir", slug="asim-munir", kind="person", description=DESCRIPTION,
                                  role="Chief of Army Staff of Pakistan (2022–); Field Marshal from 2025")  # fmt: skip
    for number in range(12):
        article = ArticleFactory(source=dawn, title=f"{LONG_TITLE} ({number})", body="Asim Munir met officials.",
                                 published_on=datetime.date(2024, 1 + number % 12, 3))  # fmt: skip
        mention_in(article, munir, "Asim Munir")
        Event.objects.create(title=f"{LONG_TITLE} ({number})", kind="agreement", cameo_code="057",
                             start_date=datetime.date(2024, 1 + number % 12, 3), start_precision="day",
                             status="confirmed" if number % 2 else "proposed")  # fmt: skip
    return {"munir": munir, "article": article, "event": Event.objects.first()}


def visible_within(page: Page, selector: str, width: int) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["x"] + box["width"] <= width


def test_each_page_fits_a_1400_and_a_1000_pixel_screen(page, live_server, curator, archive):
    log_in(page, live_server, curator.username)
    pages = {
        "index": "/admin/",
        "articles": "/admin/articles/article/",
        "article": f"/admin/articles/article/{archive['article'].pk}/change/",
        "events": "/admin/entities/event/",
        "event": f"/admin/entities/event/{archive['event'].pk}/change/",
        "entity": f"/admin/entities/entity/{archive['munir'].pk}/change/",
        "entity-history": f"/admin/entities/entity/{archive['munir'].pk}/history/",
        "merges": "/admin/entities/entitymerge/",
        "review": "/admin/review/",
        "dashboard": "/admin/dashboard/",
    }
    for width in (1400, 1000):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            assert page.locator("#content").count() == 1, name
            screenshot(page, f"layout-{name}-{width}")

        page.goto(f"{live_server.url}/admin/entities/event/")
        if width == 1400:  # every column on screen, the title readable in a few lines
            assert visible_within(page, "#result_list th.column-evidence_count", width)
        title = page.locator("#result_list td.field-title, #result_list th.field-title").first.bounding_box()
        assert title["width"] >= 150 and title["height"] <= 130  # a 100-character title in five lines at most

        page.goto(f"{live_server.url}/admin/articles/article/")
        assert page.locator("#result_list th.field-title").first.bounding_box()["width"] >= 150

        page.goto(f"{live_server.url}/admin/entities/entity/{archive['munir'].pk}/change/")
        description = page.locator("#id_description")
        shown, whole = description.evaluate("box => [box.clientHeight, box.scrollHeight]")
        assert whole <= shown + 2  # the whole description is on screen, not cut at the box's edge
        assert description.input_value() == DESCRIPTION
