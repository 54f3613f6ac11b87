"""What the machine adds to a curated fact waits for a curator: a confirmed event's new evidence goes
to the review queue beside the event, and a sentence a curator rejects is never linked again."""

import datetime

import pytest
from django.urls import reverse

from archive import review
from entities import detection, event_curation, mentions
from entities.models import Event, EventEvidence, EvidenceRejection
from tests.factories import ArticleFactory, EntityFactory

pytestmark = pytest.mark.django_db

FIRST = "Gen. Asim Munir visited Tehran on July 14, 2023. The weather was fine."
SECOND = "Pakistan's army chief Asim Munir arrived in Tehran on July 15, 2023, for talks."
LATER = "Asim Munir arrived in Tehran on March 2, 2024, for talks."


@pytest.fixture
def confirmed_visit(db):
    EntityFactory(name="Asim Munir", slug="asim-munir", kind="person")
    EntityFactory(name="Tehran", slug="tehran", kind="city")
    EntityFactory(name="Pakistan", slug="pakistan", kind="country")
    detection.detect_events(imported(FIRST))
    event = Event.objects.get()
    event_curation.set_event_status([event], Event.Status.CONFIRMED, acting_user=None)
    return event


def imported(body: str, published: datetime.date | None = datetime.date(2023, 7, 20)):
    article = ArticleFactory(body=body, published_on=published)
    mentions.extract_article(article, matcher=mentions.matcher_from_database())
    return article


def test_the_machines_new_evidence_of_a_confirmed_event_waits_in_the_review_queue(confirmed_visit):
    detection.detect_events(imported(SECOND))
    piece = confirmed_visit.evidence.get(status="pending")
    assert (piece.origin, piece.sentence) == ("detector", SECOND)
    [queued] = next(q for q in review.queues() if q.key == "evidence").rows
    assert queued == piece and queued.date_said == ("15 Jul 2023", True)  # the event is dated 14 July


def test_a_report_with_another_date_is_flagged_beside_the_event(confirmed_visit, admin_client):
    Event.objects.filter(pk=confirmed_visit.pk).update(end_date=datetime.date(2023, 7, 16), end_precision="day")
    article = imported("Asim Munir visited Tehran on July 18, 2023, the army said.")
    detection.detect_events(article)
    page = admin_client.get(reverse("review-queue")).content.decode()
    assert "Asim Munir visited Tehran on July 18, 2023" in page and "says 18 Jul 2023: another date" in page


def test_a_curator_accepts_or_rejects_it_and_a_rejected_sentence_is_never_linked_again(confirmed_visit, admin_user):
    second, third = imported(SECOND), imported("Asim Munir visited Tehran on July 14, 2023, the ISPR said.")
    detection.detect_events(second)
    detection.detect_events(third)
    accepted, rejected = confirmed_visit.evidence.filter(status="pending").order_by("article_id")
    rejected_id = rejected.pk
    event_curation.review_evidence([accepted], accept=True, acting_user=admin_user)
    event_curation.review_evidence([rejected], accept=False, acting_user=admin_user, reason="a later re-telling")
    assert EventEvidence.objects.get(pk=accepted.pk).status == "accepted"
    assert EvidenceRejection.objects.get().reason == "a later re-telling"
    detection.detect_events(third)
    assert not confirmed_visit.evidence.filter(article=third).exists()
    assert not next(q for q in review.queues() if q.key == "evidence").rows
    history = EventEvidence.history.filter(id=rejected_id).order_by("history_id").last()
    assert (history.history_type, history.history_user) == ("-", admin_user)


def test_unreviewed_evidence_the_machine_no_longer_finds_is_dropped(confirmed_visit):
    article = imported(SECOND)
    detection.detect_events(article)
    article.body = "Nothing happened in Tehran."
    article.save()
    mentions.extract_article(article, matcher=mentions.matcher_from_database())
    detection.detect_events(article)
    assert list(confirmed_visit.evidence.values_list("status", flat=True)) == ["accepted"]
    assert Event.objects.get() == confirmed_visit


def test_the_admin_accepts_and_rejects_from_the_evidence_list(confirmed_visit, admin_client):
    detection.detect_events(imported(SECOND))
    piece = confirmed_visit.evidence.get(status="pending")
    url = reverse("admin:entities_eventevidence_changelist")
    response = admin_client.post(url, {"action": "reject_selected", "_selected_action": [piece.pk]})
    assert response.status_code == 302
    assert EvidenceRejection.objects.filter(event=confirmed_visit, article=piece.article).exists()


@pytest.fixture
def confirmed_strike(db):
    for name, kind in [("Iran", "country"), ("Jaish al-Adl", "armed_group"), ("Panjgur", "city"),
                       ("Pakistan Air Force", "organisation")]:  # fmt: skip
        EntityFactory(name=name, kind=kind)
    detection.detect_events(imported("Iran struck Jaish al-Adl in Panjgur on January 16, 2024.", JANUARY))
    event = Event.objects.get()
    event_curation.set_event_status([event], Event.Status.CONFIRMED, acting_user=None)
    return event


JANUARY = datetime.date(2024, 1, 20)


def test_a_report_naming_another_actor_or_another_day_waits_beside_the_confirmed_event(confirmed_strike):
    other_actor = "Pakistan Air Force struck Jaish al-Adl in Panjgur on January 16, 2024."
    other_day = "Iran struck Jaish al-Adl in Panjgur on February 2, 2024."
    detection.detect_events(imported(other_actor, JANUARY))
    detection.detect_events(imported(other_day, datetime.date(2024, 2, 5)))
    detection.detect_events(imported("Iran struck Jaish al-Adl in Panjgur on June 2, 2024.", datetime.date(2024, 6, 5)))
    detection.detect_events(imported("Pakistan Air Force struck Jaish al-Adl in Panjgur.", published=None))
    assert not confirmed_strike.evidence.exclude(sentence__startswith="Iran struck").exists()  # never changed
    queue = next(q for q in review.queues() if q.key == "conflicts")
    assert queue.count == 2  # June is months away, and an undated report contradicts no date
    rows = [(row.event, row.reason, row.evidence.sentence, row.proposal_actors) for row in queue.rows]
    assert rows == [
        (confirmed_strike, "actor", other_actor, "Pakistan Air Force"),
        (confirmed_strike, "date", other_day, "Iran"),
    ]
    assert review.counts()["conflicts"] == 2


def test_the_queue_shows_the_contradicting_sentence_beside_the_event(confirmed_strike, admin_client):
    detection.detect_events(imported("Pakistan Air Force struck Jaish al-Adl in Panjgur on January 16, 2024."))
    page = admin_client.get(reverse("review-queue")).content.decode()
    assert 'id="queue-conflicts"' in page and "actor: Iran" in page
    assert "<blockquote>Pakistan Air Force struck Jaish al-Adl in Panjgur on January 16, 2024.</blockquote>" in page
    assert "names Pakistan Air Force as the actor" in page
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert 'Reports contradicting confirmed events</a></th><td class="count">1</td>' in index
