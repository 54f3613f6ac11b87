"""Reads over sources and articles: a chainable vocabulary for the API, the admin and commands."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q

if TYPE_CHECKING:
    from entities.models import Entity


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
        """Articles with a non-rejected mention of all (or any) of `entities`.

        EXISTS subqueries rather than joins, so an article is never repeated and the planner can
        use the (entity, article) index for each entity.
        """
        from entities.models import Mention

        entities = list(entities)
        if not entities:
            return self
        live_mentions = Mention.objects.exclude(status=Mention.Status.REJECTED).filter(article=OuterRef("pk"))
        if match_all:
            queryset = self
            for entity in entities:
                queryset = queryset.filter(Exists(live_mentions.filter(entity=entity)))
            return queryset
        return self.filter(Exists(live_mentions.filter(entity__in=entities)))

    def search(self, text: str) -> ArticleQuerySet:
        """Full-text match with web-search syntax ("phrase", -word, or), best matches first."""
        from articles.models import SEARCH_CONFIG

        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return (
            self.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-id")
        )

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
