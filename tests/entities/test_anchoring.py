"""Mentions and evidence stay on the text they quote when an article's text changes."""

import pytest
from django.db import transaction

from articles.signals import TextConflict
from entities.anchoring import move_spans
from entities.models import Mention
from tests.factories import ArticleFactory, mention_in

pytestmark = pytest.mark.django_db


def reparsed(article, *, previous: str) -> None:
    move_spans(article, previous={"body": previous}, change="re-parsed", acting_user=None, reason="moved with its text")


def test_reanchoring_puts_two_curated_mentions_of_one_name_in_two_places(gazetteer):
    munir, *_ = gazetteer
    article = ArticleFactory(body="Munir met Munir.")
    first = mention_in(article, munir, "Munir", status="confirmed")
    second = Mention.objects.create(article=article, entity=munir, text="Munir", start_offset=10, end_offset=15,
                                    status="confirmed")  # fmt: skip
    article.body = "Then Munir met Munir, and Munirabad."
    article.save()
    reparsed(article, previous="Munir met Munir.")
    first.refresh_from_db()
    second.refresh_from_db()
    assert {first.start_offset, second.start_offset} == {5, 15}
    with pytest.raises(TextConflict), transaction.atomic():  # refused: the caller's change rolls back
        article.body = "Munir left for Munirabad."
        article.save()
        reparsed(article, previous="Then Munir met Munir, and Munirabad.")
