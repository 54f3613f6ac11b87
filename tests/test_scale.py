"""The synthetic archive the scale benchmark loads: reproducible, with mentions and events."""

import pytest

from archive.scale import fill
from articles.models import Article
from entities.models import Event, EventEvidence, Mention
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gazetteer():
    for name, kind in [("Asim Munir", "person"), ("Tehran", "city"), ("Pakistan", "country"), ("TTP", "armed_group")]:
        EntityFactory(name=name, kind=kind)


def test_filling_adds_articles_with_their_mentions_and_events(gazetteer, check_deferred_constraints):
    progress = fill(40, seed=3)
    check_deferred_constraints()  # every mention and piece of evidence quotes its article
    assert Article.objects.count() == progress.articles == 40
    assert Mention.objects.count() == progress.mentions > 40
    assert Event.objects.count() == progress.events >= 1 and EventEvidence.objects.exists()
    assert Article.objects.filter(published_on__isnull=True).exists()
    assert fill(40, seed=3).articles == 40  # already full: nothing added


def test_the_same_seed_gives_the_same_archive(gazetteer):
    fill(10, seed=7)
    first = list(Article.objects.order_by("id").values_list("title", "published_on"))
    Article.objects.all().delete()
    fill(10, seed=7)
    assert list(Article.objects.order_by("id").values_list("title", "published_on")) == first
