"""The review queue: what waits for a person, oldest first, counted on the admin index."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from archive import review
from articles.models import Article
from entities.models import Candidate, Event
from tests.factories import ArticleFactory, EventFactory, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting():
    """Two imported articles (the older one created first), one reviewed; a candidate; two events."""
    older = ArticleFactory(title="Older import")
    Article.objects.filter(pk=older.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    newer = ArticleFactory(title="Newer import")
    ArticleFactory(title="Already reviewed", status=Article.Status.REVIEWED)
    Candidate.objects.create(name="Gul Bahadur", proposal=Candidate.Proposal.ENTITY, kind_guess="person")
    proposed = EventFactory(title="Border talks", status=Event.Status.PROPOSED)
    EventFactory(title="Confirmed visit", status=Event.Status.CONFIRMED)
    return older, newer, proposed


@pytest.fixture
def staff_client(client):
    def log_in(role: str | None) -> object:
        client.force_login(staff_member(role))
        return client

    return log_in


def test_each_queue_counts_what_waits_and_lists_it_oldest_first(waiting):
    proposed = waiting[2]
    queues = {queue.key: queue for queue in review.queues()}
    assert [article.title for article in queues["articles"].rows] == ["Older import", "Newer import"]
    assert queues["articles"].count == 2 and queues["candidates"].count == 1 and queues["events"].count == 1
    assert queues["events"].rows == [proposed] and queues["events"].rows[0].evidence_count == 0
    assert queues["articles"].changelist_url == "/admin/articles/article/?status__exact=imported"


def test_the_page_shows_the_queues_and_the_index_their_counts(staff_client, waiting):
    client = staff_client("Reader")
    page = client.get(reverse("review-queue")).content.decode()
    assert "Older import" in page and "Gul Bahadur" in page and "Border talks" in page
    assert "Already reviewed" not in page and "Confirmed visit" not in page
    index = client.get(reverse("admin:index")).content.decode()
    assert 'Articles to review</a></th><td class="count">2</td>' in index


def test_the_queue_needs_staff_with_the_right_to_view_articles(client, staff_client, waiting):
    assert client.get(reverse("review-queue")).status_code == 302  # to the login page
    assert staff_client(None).get(reverse("review-queue")).status_code == 403


def test_the_queue_takes_the_same_queries_whatever_waits(staff_client, waiting, django_assert_max_num_queries):
    client = staff_client("Curator")
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("review-queue"))
    ArticleFactory.create_batch(40)
    for number in range(15):
        Candidate.objects.create(name=f"Name {number}", proposal=Candidate.Proposal.ENTITY)
        EventFactory(title=f"Event {number}", status=Event.Status.PROPOSED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("review-queue"))
