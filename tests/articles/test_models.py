import datetime

import pytest
from django.db import IntegrityError

from archive.common.dates import DatePrecision
from articles.models import Article
from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_two_articles_cannot_share_a_content_hash():
    first = ArticleFactory()
    with pytest.raises(IntegrityError, match="article_unique_content"):
        ArticleFactory(content_hash=first.content_hash)


def test_the_content_hash_must_be_a_sha256_hex_digest():
    with pytest.raises(IntegrityError, match="article_hash_sha256"):
        ArticleFactory(content_hash="not-a-hash")


def test_a_title_cannot_be_blank():
    with pytest.raises(IntegrityError, match="article_title_not_blank"):
        ArticleFactory(title="   ")


@pytest.mark.parametrize(
    ("published_on", "precision"),
    [
        (None, DatePrecision.UNKNOWN),
        (datetime.date(2023, 7, 31), DatePrecision.DAY),
        (datetime.date(2024, 1, 1), DatePrecision.MONTH),
        (datetime.date(2013, 1, 1), DatePrecision.YEAR),
    ],
)
def test_dates_consistent_with_their_precision_are_accepted(published_on, precision):
    ArticleFactory(published_on=published_on, published_precision=precision)


@pytest.mark.parametrize(
    ("published_on", "precision"),
    [
        (None, DatePrecision.DAY),
        (datetime.date(2023, 7, 31), DatePrecision.UNKNOWN),
        (datetime.date(2024, 1, 15), DatePrecision.MONTH),
        (datetime.date(2013, 3, 1), DatePrecision.YEAR),
    ],
)
def test_dates_inconsistent_with_their_precision_are_refused(published_on, precision):
    with pytest.raises(IntegrityError, match="article_published_precision"):
        ArticleFactory(published_on=published_on, published_precision=precision)


def test_the_search_vector_follows_title_and_body_with_the_title_weighted_higher():
    in_title = ArticleFactory(title="Pipeline talks resume", body="Officials met in Tehran.")
    in_body = ArticleFactory(title="Officials meet", body="Talks on the gas pipeline resumed.")

    ranked = list(Article.objects.search("pipeline"))
    assert ranked == [in_title, in_body]
    assert ranked[0].rank > ranked[1].rank

    in_body.body = "Nothing about energy any more."
    in_body.save()
    assert list(Article.objects.search("pipeline")) == [in_title]


def test_search_uses_english_stemming_and_web_search_syntax():
    strikes = ArticleFactory(title="Reciprocal strikes", body="Iran struck targets; Pakistan striking back.")
    ArticleFactory(title="Trade zones", body="New border markets were agreed.")

    assert list(Article.objects.search("strike")) == [strikes]
    assert list(Article.objects.search('"border markets" -strikes')) != [strikes]
    assert list(Article.objects.search("strike or markets").order_by("id")) == list(Article.objects.order_by("id"))


def test_source_domains_are_unique_but_may_be_left_blank():
    SourceFactory(domain="")
    SourceFactory(domain="")
    SourceFactory(domain="dawn.com")
    with pytest.raises(IntegrityError, match="source_unique_domain"):
        SourceFactory(domain="dawn.com")


def test_source_country_is_an_iso_code_or_blank():
    SourceFactory(country="PK")
    with pytest.raises(IntegrityError, match="source_country_iso"):
        SourceFactory(country="pk")
