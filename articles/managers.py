"""Reads over sources and articles: a chainable vocabulary for the API, the admin and commands."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.expressions import RawSQL

if TYPE_CHECKING:
    from entities.models import Entity


SEARCH_CONFIG = "english"  # the stored search vector's configuration (see Article.search_vector)
# Relevance ranking reads every hit's vector: for a word in half of a million articles that is
# seconds. Results ordered by relevance therefore rank the newest RANKED_HITS hits only; a term
# with fewer hits is ranked in full.
RANKED_HITS = 1_000
# The article's long texts, which listings leave in the database.
TEXT_FIELDS = ("raw_text", "search_vector", "body", "summary", "author_bio")


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

    def newest(self, limit: int) -> ArticleQuerySet:
        """Only the `limit` most recently published of these articles (undated ones last)."""
        newest_ids = self.order_by(F("published_on").desc(nulls_last=True), "-id").values("pk")[:limit]
        return self.filter(pk__in=models.Subquery(newest_ids))

    def snippets(self, ids: Iterable[int], text: str) -> dict[int, str]:
        """Highlighted passages of the body for a page of search hits: `ts_headline` costs too much
        to run on every hit, so it runs on the page's rows only."""
        headline = SearchHeadline(
            "body", search_query(text), config=SEARCH_CONFIG, start_sel="<mark>", stop_sel="</mark>",
            max_words=35, min_words=15, max_fragments=2, fragment_delimiter=" … ",
        )  # fmt: skip
        return dict(self.filter(pk__in=list(ids)).annotate(snippet=headline).values_list("id", "snippet"))

    def facets(self, *, top: int = 10, exact: bool = False) -> dict[str, object]:
        """Counts over this set of articles: by source, month, type, status, the most mentioned
        entities and the kinds of event they report, with the set's size.

        The first four come from one pass over the set (GROUPING SETS); the entity counts from the
        (entity, article) pairs. For the whole archive, which is what an unfiltered facet request
        asks for, both read the totals triggers keep (ArticleTally, EntityStats) instead. A set
        larger than FACET_SAMPLE articles is counted on an evenly spaced sample of that many (by id)
        and the counts scaled up, unless `exact`: exact counts over 200,000 articles take seconds.
        Event kinds are always counted over the whole set.
        """
        plain = self.order_by()
        whole_archive = not plain.query.where
        counted, total, sample = (None, None, None) if whole_archive else _facet_sample(plain, exact=exact)
        scale = total / len(sample) if sample else 1.0
        by_field = _counts_by_field(counted)
        from articles.models import Source

        sources = Source.objects.in_bulk(by_field["source_id"])
        facets: dict[str, object] = {
            "source": sorted(
                (
                    {
                        "source__slug": sources[pk].slug if pk is not None else None,  # None: no known source
                        "source__name": sources[pk].name if pk is not None else None,
                        "count": count,
                    }
                    for pk, count in by_field["source_id"].items()
                ),
                key=lambda row: (-row["count"], row["source__name"] or ""),
            ),
            "month": [
                {"month": month.strftime("%Y-%m") if month else None, "count": count}
                for month, count in sorted(by_field["month"].items(), key=lambda item: (item[0] is None, item[0]))
            ],
            "type": _ranked(by_field["article_type"], "article_type"),
            "status": _ranked(by_field["status"], "status"),
            "entity": _entity_facet(counted, top),
        }
        if sample:
            for rows in facets.values():
                for row in rows:
                    row["count"] = round(row["count"] * scale)
        facets["event_kind"] = _event_kind_facet(None if whole_archive else plain)
        facets["articles"] = total if total is not None else sum(by_field["status"].values())
        facets["sample"] = len(sample) if sample else None
        return facets

    def for_listing(self) -> ArticleQuerySet:
        """What a listing reads, in one query: the source joined, the texts left in the database."""
        return self.select_related("source").defer(*TEXT_FIELDS)

    def for_detail(self) -> ArticleQuerySet:
        """One article with its removals and copies, in three queries."""
        return (
            self.select_related("source")
            .defer("raw_text", "search_vector")
            .prefetch_related("removals", models.Prefetch("similarities", queryset=_copies()))
        )

    def with_mention_counts(self) -> ArticleQuerySet:
        return self.annotate(mention_count=Count("mentions", filter=~Q(mentions__status="rejected")))


FACET_FIELDS = ("source_id", "month", "article_type", "status")
# Facets of a larger set are estimated from an evenly spaced sample of this many of its articles:
# a value holding 5 % of the set is then estimated within about 9 %, one holding 1 % within about
# 20 % (two standard errors).
FACET_SAMPLE = 10_000


def _facet_sample(articles: models.QuerySet, *, exact: bool) -> tuple[models.QuerySet, int, list[int] | None]:
    """The articles to count (the set itself, or a sample of it), the set's size, and the sample's
    ids when there is one. Listing the set's ids is cheap (an index-only read); counting its
    pairs and attributes is what grows with it."""
    ids = sorted(articles.values_list("pk", flat=True))
    if exact or len(ids) <= FACET_SAMPLE:
        return articles, len(ids), None
    step = len(ids) / FACET_SAMPLE
    sample = [ids[int(index * step)] for index in range(FACET_SAMPLE)]
    as_array = RawSQL("SELECT unnest(%s::bigint[])", (sample,))  # one parameter, not 10,000
    return articles.model.objects.filter(pk__in=as_array).order_by(), len(ids), sample


def _counts_by_field(articles: models.QuerySet | None) -> dict[str, dict[object, int]]:
    """Article counts per source, month, type and status of `articles` (None: the whole archive, from
    the tally), in one pass."""
    if articles is None:
        rows, params, counted = "articles_articletally", [], "sum(count)::integer"
    else:
        inner, params = articles.values("source_id", "published_on", "article_type", "status").query.sql_with_params()
        rows = f"""(SELECT source_id, date_trunc('month', published_on)::date AS month, article_type, status
                      FROM ({inner}) AS chosen) AS rows"""
        counted = "count(*)"
    sql = f"""
        SELECT GROUPING(source_id), GROUPING(month), GROUPING(article_type), GROUPING(status),
               source_id, month, article_type, status, {counted}
          FROM {rows}
         GROUP BY GROUPING SETS ((source_id), (month), (article_type), (status))
        HAVING {counted} > 0
    """
    counts: dict[str, dict[object, int]] = {field: {} for field in FACET_FIELDS}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            grouping, values, count = row[:4], row[4:8], row[8]
            column = grouping.index(0)  # GROUPING() is 0 for the column this row is grouped by
            counts[FACET_FIELDS[column]][values[column]] = count
    return counts


def _ranked(counts: dict[object, int], key: str) -> list[dict[str, object]]:
    return [
        {key: value, "count": count} for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _entity_facet(articles: models.QuerySet | None, top: int) -> list[dict[str, object]]:
    """The `top` entities by articles mentioning them: among `articles`, or in the whole archive."""
    from entities.models import EntityArticle, EntityStats

    fields = ("entity__slug", "entity__name", "entity__kind")
    if articles is None:
        rows = EntityStats.objects.filter(article_count__gt=0).values(*fields, count=F("article_count"))
    else:
        rows = (
            EntityArticle.objects.filter(article__in=articles.values("pk")).values(*fields).annotate(count=Count("*"))
        )
    return list(rows.order_by("-count", "entity__name")[:top])


def _event_kind_facet(articles: models.QuerySet | None) -> list[dict[str, object]]:
    """Kinds of the (not rejected) events that `articles` (or any article) report, counting events."""
    from entities.models import Event, EventEvidence

    evidence = EventEvidence.objects.filter(event=OuterRef("pk"))
    if articles is not None:
        evidence = evidence.filter(article__in=articles.values("pk"))
    return list(
        Event.objects.exclude(status="rejected")
        .filter(Exists(evidence))
        .values(event__kind=F("kind"))
        .annotate(count=Count("*"))
        .order_by("-count", "kind")
    )


def _copies() -> models.QuerySet:
    from articles.models import Similarity

    return Similarity.objects.select_related("similar").only(
        "id", "article_id", "similar_id", "jaccard", "containment", "similar__id", "similar__title"
    )
