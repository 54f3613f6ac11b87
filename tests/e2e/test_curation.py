"""A curator's working day in a real browser: read an article and confirm a mention on it, merge
two entities, confirm a proposed event, see the review queue; each result checked in the database."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

BODY = (
    "Army chief General Asim Munir arrived in Tehran on Monday for talks with Iranian officials. "
    "Syed Asim Munir, as Iranian media called him, discussed attacks by Jaish al-Adl near Taftan.\n\n"
    "The two sides agreed to set up a joint border commission, officials in Quetta said."
)


@pytest.fixture
def archive(transactional_db):
    """One article with its mentions found by the real extractor, and a proposed event it reports."""
    from articles.models import Source
    from entities import mentions
    from entities.models import Alias, Entity, Event, EventEvidence
    from tests.factories import ArticleFactory

    source = Source.objects.create(name="Dawn", slug="dawn", domain="dawn.com")
    article = ArticleFactory(
        source=source, title="Army chief in Tehran", body=BODY, published_on=datetime.date(2024, 4, 22)
    )
    kinds = {"Asim Munir": "person", "Syed Asim Munir": "person", "Tehran": "city", "Jaish al-Adl": "armed_group",
             "Taftan": "city", "Quetta": "city"}  # fmt: skip
    for name, kind in kinds.items():
        entity = Entity.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind=kind)
        Alias.objects.create(entity=entity, name=name, origin="data_file")
    mentions.extract_batch([article], matcher=mentions.matcher_from_database())
    event = Event.objects.create(title="Border commission agreed", kind="agreement", status="proposed",
                                 start_date=datetime.date(2024, 4, 22), start_precision="day")  # fmt: skip
    sentence = "The two sides agreed to set up a joint border commission, officials in Quetta said."
    start = BODY.index(sentence)
    EventEvidence.objects.create(event=event, article=article, sentence=sentence, start_offset=start,
                                 end_offset=start + len(sentence), origin="detector")  # fmt: skip
    return article


def choose_rows_and_run(page: Page, names: list[str], action_label: str) -> None:
    """Tick the rows whose link text is in `names`, pick the action and press Go."""
    for name in names:
        page.locator("#result_list tr", has=page.get_by_role("link", name=name, exact=True)).locator(
            "input.action-select"
        ).check()
    page.locator("select[name=action]").select_option(label=action_label)
    page.get_by_role("button", name="Go").click()


def test_a_curator_confirms_a_mention_merges_entities_and_confirms_an_event(page, live_server, curator, archive):
    from entities.models import Entity, Event, Mention

    log_in(page, live_server, curator.username)

    # The review queue lists the article and the event proposal.
    page.get_by_role("link", name="Review queue").click()
    expect(page.locator("#queue-articles")).to_contain_text("Army chief in Tehran")
    expect(page.locator("#queue-events")).to_contain_text("Border commission agreed")
    screenshot(page, "review-queue")

    # The article page opens on the text, mentions marked; a click on one confirms it.
    page.locator("#queue-articles").get_by_role("link", name="Army chief in Tehran").click()
    tehran = page.locator("mark.mention[data-entity='Tehran']").first
    expect(tehran).to_have_class("mention kind-city status-automatic")
    screenshot(page, "article-page")
    tehran.click()
    menu = page.get_by_role("dialog", name="Mention of Tehran")
    expect(menu).to_be_visible()
    screenshot(page, "article-mention-menu")
    menu.get_by_role("button", name="Confirm").click()
    expect(tehran).to_have_class("mention kind-city status-confirmed")
    assert Mention.objects.get(entity__name="Tehran", field="body").status == "confirmed"

    # Two entities that are one person are merged from the entity list, after a confirmation page
    # that shows what moves and lets the curator pick the one that stays.
    page.goto(f"{live_server.url}/admin/entities/entity/")
    choose_rows_and_run(page, ["Asim Munir", "Syed Asim Munir"], "Merge the selected entities…")
    expect(page.locator("table.merge-preview")).to_contain_text("Syed Asim Munir")
    for width in (1400, 1000):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"merge-confirmation-{width}")
    page.get_by_label("Asim Munir", exact=True).check()
    page.get_by_label("Why are they the same?").fill("the same army chief")
    page.get_by_role("button", name="Merge").click()
    expect(page.locator(".messagelist")).to_contain_text("Merged Syed Asim Munir into Asim Munir")
    assert not Entity.objects.filter(name="Syed Asim Munir").exists()
    assert Mention.objects.filter(entity__name="Asim Munir").count() == 2

    # The survivor's page shows the merge; the merge's page undoes it.
    page.get_by_role("link", name="Asim Munir", exact=True).first.click()
    expect(page.locator(".field-merges")).to_contain_text("Syed Asim Munir merged into Asim Munir")
    screenshot(page, "entity-page-merges")
    page.locator(".field-merges").get_by_role("link").first.click()
    screenshot(page, "merge-record")
    page.goto(f"{live_server.url}/admin/entities/entitymerge/")
    choose_rows_and_run(page, ["Syed Asim Munir merged into Asim Munir"], "Undo the selected merges (unmerge)")
    expect(page.locator(".messagelist")).to_contain_text("Undid")
    assert Mention.objects.filter(entity__name="Syed Asim Munir").count() == 1

    # The event proposal is confirmed from the event list.
    page.goto(f"{live_server.url}/admin/entities/event/?status__exact=proposed")
    choose_rows_and_run(page, ["Border commission agreed"], "Confirm the selected events")
    expect(page.locator(".messagelist")).to_contain_text("Confirmed")
    assert Event.objects.get().status == "confirmed"


def test_a_curator_reviews_the_evidence_the_machine_added_to_a_confirmed_event(page, live_server, curator, archive):
    """The sentence waits beside the event in the review queue; rejected, it is gone and remembered."""
    from entities.models import Event, EventEvidence, EvidenceRejection

    Event.objects.update(status="confirmed")
    EventEvidence.objects.update(status="pending")
    log_in(page, live_server, curator.username)
    page.get_by_role("link", name="Review queue").click()
    queue = page.locator("#queue-evidence")
    expect(queue).to_contain_text("Border commission agreed")
    expect(queue.locator("blockquote")).to_contain_text("The two sides agreed to set up a joint border commission")
    for width in (1400, 1000):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"review-queue-evidence-{width}")
    queue.get_by_role("link", name="All 1").click()
    choose_rows_and_run(
        page, ["Border commission agreed"], "Reject the selected evidence (never linked to its event again)"
    )
    expect(page.locator(".messagelist")).to_contain_text("Rejected 1 pieces of evidence")
    assert not EventEvidence.objects.exists()
    assert EvidenceRejection.objects.get().rejected_by == curator
