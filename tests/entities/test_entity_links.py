"""The (entity, article) pairs and per-entity statistics follow the mentions, whoever writes them."""

import datetime

import pytest

from entities import curation, identity, mentions
from entities.models import EntityArticle, EntityStats, Mention
from tests.factories import ArticleFactory, EntityFactory, mention_in

pytestmark = pytest.mark.django_db

MAY = datetime.date(2024, 5, 1)
JUNE = datetime.date(2024, 6, 1)


def links() -> set[tuple[int, int, int]]:
    return set(EntityArticle.objects.values_list("entity_id", "article_id", "mentions"))


def stats(entity) -> tuple[int, datetime.date | None, datetime.date | None]:
    row = EntityStats.objects.filter(entity=entity).first()
    return (row.article_count, row.first_mentioned, row.last_mentioned) if row else (0, None, None)


@pytest.fixture
def khan():
    return EntityFactory(name="Imran Khan")


@pytest.fixture
def may_article():
    return ArticleFactory(body="Imran Khan spoke. Later Imran Khan left.", published_on=MAY)


@pytest.fixture
def june_article():
    return ArticleFactory(body="Imran Khan and Nawaz Sharif met.", published_on=JUNE)


def test_a_mention_links_its_entity_to_its_article_and_counts_it(khan, may_article):
    mention_in(may_article, khan, "Imran Khan")

    assert links() == {(khan.pk, may_article.pk, 1)}
    assert stats(khan) == (1, MAY, MAY)


def test_several_mentions_in_one_article_count_the_article_once(khan, may_article, june_article):
    first = mention_in(may_article, khan, "Imran Khan")
    Mention.objects.create(article=may_article, entity=khan, text="Imran Khan", start_offset=24, end_offset=34)
    mention_in(june_article, khan, "Imran Khan")

    assert first.text == "Imran Khan"
    assert links() == {(khan.pk, may_article.pk, 2), (khan.pk, june_article.pk, 1)}
    assert stats(khan) == (2, MAY, JUNE)


def test_rejecting_the_last_mention_unlinks_and_confirming_it_again_relinks(khan, may_article, june_article):
    in_may = mention_in(may_article, khan, "Imran Khan")
    mention_in(june_article, khan, "Imran Khan")

    curation.set_mention_status([in_may], Mention.Status.REJECTED, acting_user=None)
    assert links() == {(khan.pk, june_article.pk, 1)}
    assert stats(khan) == (1, JUNE, JUNE)

    curation.set_mention_status([in_may], Mention.Status.CONFIRMED, acting_user=None)
    assert stats(khan) == (2, MAY, JUNE)


def test_merging_entities_moves_their_links_and_counts(khan, may_article, june_article):
    nickname = EntityFactory(name="Kaptaan")
    mention_in(may_article, khan, "Imran Khan")
    mention_in(june_article, nickname, "Imran Khan")
    Mention.objects.create(article=may_article, entity=nickname, text="Imran Khan", start_offset=24, end_offset=34)

    identity.merge_entities(khan, [nickname], acting_user=None)

    assert links() == {(khan.pk, may_article.pk, 2), (khan.pk, june_article.pk, 1)}
    assert stats(khan) == (2, MAY, JUNE)


def test_a_new_publication_day_moves_with_the_links(khan, may_article):
    mention_in(may_article, khan, "Imran Khan")

    may_article.published_on = JUNE
    may_article.save()

    assert EntityArticle.objects.get().published_on == JUNE
    assert stats(khan) == (1, JUNE, JUNE)


def test_deleting_an_article_or_an_entity_leaves_no_link_behind(
    khan, may_article, june_article, check_deferred_constraints
):
    mention_in(may_article, khan, "Imran Khan")
    mention_in(june_article, khan, "Imran Khan")

    may_article.delete()
    assert stats(khan) == (1, JUNE, JUNE)

    khan.delete()
    check_deferred_constraints()
    assert links() == set()
    assert not EntityStats.objects.exists()


def test_extraction_by_copy_links_every_article_it_wrote(khan, may_article, june_article):
    from entities.models import Alias

    Alias.objects.create(entity=khan, name="Imran Khan", origin="curator")

    mentions.extract_batch([may_article, june_article], matcher=mentions.matcher_from_database())

    assert links() == {(khan.pk, may_article.pk, 2), (khan.pk, june_article.pk, 1)}
    assert stats(khan) == (2, MAY, JUNE)
