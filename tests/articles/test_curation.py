"""Curators can put back anything the importer removed, and their edits survive re-imports."""

import pytest

from articles.curation import mark_curated, paragraph_start_at_or_after, restore_removal
from articles.models import Article, Removal
from entities.models import Mention
from tests.factories import ArticleFactory, EntityFactory, EventFactory, evidence_in, mention_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = ArticleFactory(body="First paragraph about Tehran.\n\nSecond paragraph about Quetta.")
    Removal.objects.create(article=article, rule="photo_caption", text="A caption (Photo: AFP)", body_offset=0)
    Removal.objects.create(article=article, rule="site_chrome", text="Advertisement", body_offset=31)
    Removal.objects.create(article=article, rule="share_prompt", text="Share.", body_offset=len(article.body))
    return article


def test_restoring_puts_the_text_back_as_a_paragraph_where_it_stood(article, check_deferred_constraints):
    restore_removal(Removal.objects.get(rule="site_chrome"), acting_user=None)
    article.refresh_from_db()
    assert article.body == "First paragraph about Tehran.\n\nAdvertisement\n\nSecond paragraph about Quetta."
    assert "body" in article.curated_fields
    check_deferred_constraints()


def test_restoring_at_the_start_and_at_the_end(article):
    restore_removal(Removal.objects.get(rule="photo_caption"), acting_user=None)
    restore_removal(Removal.objects.get(rule="share_prompt"), acting_user=None)
    article.refresh_from_db()
    assert article.body.split("\n\n") == [
        "A caption (Photo: AFP)",
        "First paragraph about Tehran.",
        "Second paragraph about Quetta.",
        "Share.",
    ]


def test_mentions_evidence_and_later_removals_move_with_the_restored_text(article, check_deferred_constraints):
    quetta = mention_in(article, EntityFactory(name="Quetta"), "Quetta")
    tehran = mention_in(article, EntityFactory(name="Tehran"), "Tehran")
    evidence_in(EventFactory(), article, "Second paragraph about Quetta.")

    restore_removal(Removal.objects.get(rule="site_chrome"), acting_user=None)

    article.refresh_from_db()
    for mention in Mention.objects.filter(pk__in=[quetta.pk, tehran.pk]):
        assert article.body[mention.start_offset : mention.end_offset] == mention.text
    evidence = article.event_evidence.get()
    assert article.body[evidence.start_offset : evidence.end_offset] == evidence.sentence
    share = Removal.objects.get(rule="share_prompt")
    assert share.body_offset == len(article.body)
    check_deferred_constraints()


def test_restoring_twice_changes_nothing(article):
    removal = Removal.objects.get(rule="site_chrome")
    restore_removal(removal, acting_user=None)
    body = Article.objects.get(pk=article.pk).body
    restore_removal(removal, acting_user=None)
    assert Article.objects.get(pk=article.pk).body == body
    assert Removal.objects.get(pk=removal.pk).restored_at is not None


def test_offsets_inside_an_edited_paragraph_snap_to_the_next_paragraph():
    body = "One two.\n\nThree four."
    assert paragraph_start_at_or_after(body, 3) == 10
    assert paragraph_start_at_or_after(body, 10) == 10
    assert paragraph_start_at_or_after(body, 15) == len(body)
    assert paragraph_start_at_or_after(body, 999) == len(body)


def test_only_parsed_fields_are_remembered_as_curated():
    article = ArticleFactory()
    mark_curated(article, ["title", "status", "byline", "title"])
    article.refresh_from_db()
    assert article.curated_fields == ["byline", "title"]
