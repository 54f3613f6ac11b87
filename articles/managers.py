"""Reads over sources and articles: a chainable vocabulary for the API, the admin and commands."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth

if TYPE_CHECKING:
    from entities.models import Entity


SEARCH_CONFIG = "english"  # the stored search vector's configuration (see Article.search_vector)


def search_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def one_or_none(queryset: models.QuerySet) -> Any:
    """The first row of an unordered lookup. `.first()` would add ORDER BY, and with LIMIT 1 the
    planner may then walk an ordered index instead of the unique index the filter names."""
    return next(iter(queryset.order_by()[:1]), None)


class SourceQuerySet(models.QuerySet):
    def with_article_counts(self) -> SourceQuerySet:
        return self.annotate(article_count=Count("articles"))


class ArticleQuerySet(models.QuerySet):
    def published_between(
        self, start: datetime.date | None = None, end: datetime.date | None = None
    ) -> ArticleQuerySet:
        """Articles whose (possibly partial) publication date falls in [start, end]; undated ones never do."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(published_on__gte=start)
        if end is not None:
            queryset = queryset.filter(published_on__lte=end)
        return queryset

    def from_sources(self, sources: Iterable[object]) -> ArticleQuerySet:
        return self.filter(source__in=list(sources))

    def reporting(self, events: Iterable[object]) -> ArticleQuerySet:
        """Articles that are evidence for any of `events`."""
        from entities.models import EventEvidence

        return self.filter(Exists(EventEvidence.objects.filter(article=OuterRef("pk"), event__in=list(events))))

    def mentioning(self, entities: Iterable[Entity], *, match_all: bool = True) -> ArticleQuerySet:
        """Articles with a live (not rejected) mention of all (or any) of `entities`.

        EXISTS over the (entity, article) pairs rather than joins, so an article is never repeated
        and each entity costs one primary-key probe per article.
        """
        from entities.models import EntityArticle

        entities = list(entities)
        if not entities:
            return self
        links = EntityArticle.objects.filter(article=OuterRef("pk"))
        if match_all:
            queryset = self
            for entity in entities:
                queryset = queryset.filter(Exists(links.filter(entity=entity)))
            return queryset
        return self.filter(Exists(links.filter(entity__in=entities)))

    def search(self, text: str) -> ArticleQuerySet:
        """Full-text match with web-search syntax ("phrase", -word, or), best matches first."""
        query = search_query(text)
        return (
            self.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-id")
        )

    def snippets(self, ids: Iterable[int], text: str) -> dict[int, str]:
        """Highlighted passages of the body for a page of search hits: `ts_headline` costs too much
        to run on every hit, so it runs on the page's rows only."""
        headline = SearchHeadline(
            "body", search_query(text), config=SEARCH_CONFIG, start_sel="<mark>", stop_sel="</mark>",
            max_words=35, min_words=15, max_fragments=2, fragment_delimiter=" … ",
        )  # fmt: skip
        return dict(self.filter(pk__in=list(ids)).annotate(snippet=headline).values_list("id", "snippet"))

    def facets(self, *, top: int = 10) -> dict[str, list[dict[str, object]]]:
        """Counts over this set of articles: by source, month, type, status, the most mentioned
        entities and the kinds of event they report. One aggregate query per facet."""
        from entities.models import EventEvidence, Mention

        articles = self.order_by().values("pk")
        plain = self.order_by()
        return {
            "source": list(
                plain.values("source__slug", "source__name")
                .annotate(count=Count("id"))
                .order_by("-count", "source__name")
            ),
            "month": [
                {"month": row["month"].strftime("%Y-%m") if row["month"] else None, "count": row["count"]}
                for row in plain.annotate(month=TruncMonth("published_on"))
                .values("month")
                .annotate(count=Count("id"))
                .order_by(F("month").asc(nulls_last=True))
            ],
            "type": list(plain.values("article_type").annotate(count=Count("id")).order_by("-count", "article_type")),
            "status": list(plain.values("status").annotate(count=Count("id")).order_by("-count", "status")),
            "entity": list(
                Mention.objects.live()
                .filter(article__in=articles)
                .values("entity__slug", "entity__name", "entity__kind")
                .annotate(count=Count("article", distinct=True))
                .order_by("-count", "entity__name")[:top]
            ),
            "event_kind": list(
                EventEvidence.objects.filter(article__in=articles)
                .exclude(event__status="rejected")
                .values("event__kind")
                .annotate(count=Count("event", distinct=True))
                .order_by("-count", "event__kind")
            ),
        }

    def for_listing(self) -> ArticleQuerySet:
        """What a listing reads, in one query: the source joined, the texts left in the database."""
        return self.select_related("source").defer("raw_text", "search_vector", "body", "summary", "author_bio")

    def for_detail(self) -> ArticleQuerySet:
        """One article with its removals and copies, in three queries."""
        return (
            self.select_related("source")
            .defer("raw_text", "search_vector")
            .prefetch_related("removals", models.Prefetch("similarities", queryset=_copies()))
        )

    def with_mention_counts(self) -> ArticleQuerySet:
        return self.annotate(mention_count=Count("mentions", filter=~Q(mentions__status="rejected")))


def _copies() -> models.QuerySet:
    from articles.models import Similarity

    return Similarity.objects.select_related("similar").only(
        "id", "article_id", "similar_id", "jaccard", "containment", "similar__id", "similar__title"
    )
