"""The per-group article counts follow the articles, however they are written."""

import datetime

import pytest
from django.db.models import Count
from django.db.models.functions import TruncMonth

from articles.models import Article, ArticleTally
from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db

GROUP = ("source_id", "month", "article_type", "status", "language")


def tallied() -> dict[tuple, int]:
    return {row[:-1]: row[-1] for row in ArticleTally.objects.filter(count__gt=0).values_list(*GROUP, "count")}


def counted() -> dict[tuple, int]:
    rows = Article.objects.annotate(month=TruncMonth("published_on")).values(*GROUP).annotate(n=Count("id"))
    return {tuple(row[field] for field in GROUP): row["n"] for row in rows.order_by()}


def test_the_tally_follows_inserts_updates_and_deletes():
    dawn, tribune = SourceFactory(), SourceFactory()
    may = ArticleFactory(source=dawn, published_on=datetime.date(2024, 5, 3))
    ArticleFactory(source=dawn, published_on=datetime.date(2024, 5, 20))
    undated = ArticleFactory(source=tribune, article_type="opinion")
    assert (
        tallied()
        == counted()
        == {
            (dawn.pk, datetime.date(2024, 5, 1), "news", "imported", "en"): 2,
            (tribune.pk, None, "opinion", "imported", "en"): 1,
        }
    )

    may.status = "reviewed"
    may.save()
    Article.objects.filter(pk=undated.pk).update(published_on=datetime.date(2023, 1, 9), published_precision="day")
    Article.objects.filter(source=dawn).update(language="ur")
    assert tallied() == counted()

    may.delete()
    Article.objects.filter(source=tribune).delete()
    assert tallied() == counted() == {(dawn.pk, datetime.date(2024, 5, 1), "news", "imported", "ur"): 1}


def test_counting_every_article_reads_the_tally_and_agrees_with_counting(django_assert_num_queries):
    dawn = SourceFactory()
    for day in (1, 2, 3):
        ArticleFactory(source=dawn, published_on=datetime.date(2024, 5, day))
    ArticleFactory(article_type="opinion")
    Article.objects.filter(published_on__day=3).delete()
    with django_assert_num_queries(1) as captured:
        assert Article.objects.for_listing().count() == 3
    assert "articletally" in captured.captured_queries[0]["sql"]
    assert len(Article.objects.all()) == 3
    assert Article.objects.filter(source=dawn).count() == 2  # a narrower set is counted
