"""Every fact says who asserted it: the detector (and from which words of which article), a data
file (with a note for what the articles do not say) or a curator (who, and when)."""

import datetime

import pytest
from django.urls import reverse

from entities import detection, mentions
from entities.curated_events import load_events
from entities.models import Event, EventFieldSource, Mention
from tests.factories import ArticleFactory, EntityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gazetteer():
    return {
        "munir": EntityFactory(name="Asim Munir", slug="asim-munir", kind="person"),
        "tehran": EntityFactory(name="Tehran", slug="tehran", kind="city"),
    }


def imported(body: str, published: datetime.date | None = datetime.date(2023, 7, 20)):
    article = ArticleFactory(body=body, published_on=published, origin_name="visit.txt")
    mentions.extract_article(article, matcher=mentions.matcher_from_database())
    return article


def sources(event: Event) -> dict[str, tuple]:
    return {s.field: (s.origin, s.phrase, s.article_id, s.source_note) for s in event.field_sources.all()}


def test_a_detected_event_says_which_words_of_which_article_gave_its_date(gazetteer):
    article = imported("Gen. Asim Munir visited Tehran on Sunday for talks.")
    detection.detect_events(article)
    event = Event.objects.get()
    assert (event.start_date, event.start_precision) == (datetime.date(2023, 7, 16), "day")
    assert sources(event)["start_date"] == ("detector", "Sunday", article.pk, "")
    assert sources(event)["location"] == ("detector", "Tehran", article.pk, "")
    assert {p.origin for p in event.participations.all()} == {"detector"}
    assert [(e.origin, e.asserted_by) for e in event.evidence.all()] == [("detector", None)]
    assert {m.origin for m in Mention.objects.filter(article=article)} == {"extractor"}


EVENTS = """
- title: Munir visits Tehran
  kind: visit
  start: 2023-07-16
  location: Tehran
  sources: {start: "Outside the articles: ISPR release of 17 July; the article says only 'on Sunday'."}
  participants:
    - {entity: Asim Munir, role: visitor}
    - {entity: Tehran, role: host, source: "Outside the articles: the host is not named."}
  evidence:
    - file: visit.txt
      sentence: "Gen. Asim Munir visited Tehran on Sunday for talks."
"""


def test_a_curated_timeline_marks_what_comes_from_outside_the_articles(gazetteer, tmp_path):
    imported("Gen. Asim Munir visited Tehran on Sunday for talks.")
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS, encoding="utf-8")
    load_events(path)
    event = Event.objects.get()
    assert event.origin == "data_file"
    assert sources(event)["start_date"][0] == "data_file"
    assert sources(event)["start_date"][3].startswith("Outside the articles: ISPR")
    assert sources(event)["title"] == ("data_file", "", None, "")
    notes = {p.entity.name: (p.origin, p.source_note) for p in event.participations.select_related("entity")}
    assert notes == {
        "Asim Munir": ("data_file", ""),
        "Tehran": ("data_file", "Outside the articles: the host is not named."),
    }
    assert {e.origin for e in event.evidence.all()} == {"data_file"}


def test_a_curator_who_corrects_a_date_in_the_admin_becomes_its_source(admin_client, gazetteer, admin_user):
    article = imported("Gen. Asim Munir visited Tehran on Sunday for talks.")
    detection.detect_events(article)
    event = Event.objects.get()
    url = reverse("admin:entities_event_change", args=[event.pk])
    page = admin_client.get(url)
    assert b"on Sunday" in page.content  # the machine's reading, shown where the curator decides
    data = {name: value for name, value in page.context["adminform"].form.initial.items() if value is not None}
    data.update({
        "start_date": "2023-07-15", "source_note": "ISPR press release", "location": gazetteer["tehran"].pk,
        "participations-TOTAL_FORMS": 0, "participations-INITIAL_FORMS": 0,
        "new_participations-TOTAL_FORMS": 1, "new_participations-INITIAL_FORMS": 0,
        "new_participations-0-entity": gazetteer["tehran"].pk, "new_participations-0-role": "host",
        "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0,
    })  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    start = EventFieldSource.objects.get(event=event, field="start_date")
    assert (start.origin, start.asserted_by, start.phrase, start.article, start.source_note) == (
        "curator", admin_user, "", None, "ISPR press release",
    )  # fmt: skip
    assert sources(event)["location"][0] == "detector"  # unchanged fields keep their source
    host = event.participations.get(role="host")
    assert (host.origin, host.asserted_by) == ("curator", admin_user)


def test_only_a_curator_is_named_as_the_one_who_asserted_a_fact(gazetteer, admin_user):
    from django.db import IntegrityError, transaction

    article = imported("Gen. Asim Munir visited Tehran on Sunday for talks.")
    mention = Mention.objects.filter(article=article).first()
    mention.asserted_by = admin_user
    with pytest.raises(IntegrityError), transaction.atomic():
        mention.save()
