"""Reads over entities, mentions and events: a chainable vocabulary for the API and the admin."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from archive.common.queries import related_model
from entities.expressions import FoldedText

PROVENANCE_FIELDS = ("origin", "asserted_by", "asserted_at", "source_note")


class EntityQuerySet(models.QuerySet):
    def of_kind(self, kinds: Iterable[str]) -> EntityQuerySet:
        return self.filter(kind__in=list(kinds))

    def named(self, text: str) -> EntityQuerySet:
        """Entities whose name or any alias contains `text`, ignoring case and accents."""
        folded = FoldedText(Value(text))
        alias_matches = (
            related_model(self.model, "aliases")
            .objects.annotate(needle=folded)
            .filter(entity=OuterRef("pk"), folded__contains=models.F("needle"))
        )
        return self.annotate(folded_name=FoldedText("name")).filter(
            Q(folded_name__contains=folded) | Exists(alias_matches)
        )

    def of_country(self, countries: Iterable[str]) -> EntityQuerySet:
        return self.filter(country__in=[country.upper() for country in countries])

    def named_exactly(self, folded: str) -> EntityQuerySet:
        """Entities whose name folds to `folded` (see FoldedText)."""
        return self.annotate(folded_name=FoldedText("name")).filter(folded_name=folded)

    def with_article_counts(self) -> EntityQuerySet:
        """Annotate how many articles mention each entity (rejected mentions excluded), as kept in
        EntityStats: a read, not an aggregate over every mention."""
        return self.annotate(article_count=Coalesce(F("stats__article_count"), 0))

    def with_mention_stats(self) -> EntityQuerySet:
        """Article count plus the publication days of the first and last article that mentions it."""
        return self.with_article_counts().annotate(
            first_mentioned=F("stats__first_mentioned"), last_mentioned=F("stats__last_mentioned")
        )

    def mentioned_between(self, start: datetime.date | None, end: datetime.date | None) -> EntityQuerySet:
        """Entities mentioned (not rejected) in an article published within [start, end]."""
        articles = related_model(self.model, "article_links").objects.filter(entity=OuterRef("pk"))
        if start is not None:
            articles = articles.filter(published_on__gte=start)
        if end is not None:
            articles = articles.filter(published_on__lte=end)
        return self.filter(Exists(articles))

    def co_mentioned_with(self, others: Iterable[object]) -> EntityQuerySet:
        """Entities mentioned in an article together with each of `others` (and not one of them)."""
        links = related_model(self.model, "article_links").objects
        queryset = self
        for other in others:
            shared = links.filter(entity=OuterRef("pk"), article__in=links.filter(entity=other).values("article"))
            queryset = queryset.filter(Exists(shared)).exclude(pk=getattr(other, "pk", other))
        return queryset

    def for_api(self) -> EntityQuerySet:
        aliases = related_model(self.model, "aliases").objects.select_related("asserted_by").order_by("name")
        return self.prefetch_related(Prefetch("aliases", queryset=aliases))

    def stats_for(self, entity_ids: Iterable[int]) -> dict[int, dict[str, object]]:
        """Article count and first and last publication days of a page of entities, in one query."""
        rows = (
            related_model(self.model, "stats")
            .objects.filter(entity__in=list(entity_ids))
            .values("entity", "article_count", "first_mentioned", "last_mentioned")
        )
        return {row.pop("entity"): row for row in rows}

    def co_mentions(self, entity: object, *, limit: int = 20) -> list[dict[str, object]]:
        """The entities most often mentioned in the same articles as `entity`, with article counts."""
        links = related_model(self.model, "article_links").objects
        rows = list(
            links.filter(article__in=links.filter(entity=entity).values("article"))
            .exclude(entity=entity)
            .values("entity")
            .annotate(articles=Count("*"), mentions=Sum("mentions"))
            .order_by("-articles", "-mentions", "entity")[:limit]
        )
        entities = self.in_bulk([row["entity"] for row in rows])
        return [{**row, "entity": entities[row["entity"]]} for row in rows]

    def per_month(self, entity: object) -> list[dict[str, object]]:
        """Articles mentioning `entity` and their live mentions, per month of publication; undated
        articles come last, with month None."""
        return list(
            related_model(self.model, "article_links")
            .objects.filter(entity=entity)
            .annotate(month=TruncMonth("published_on"))
            .values("month")
            .annotate(articles=Count("*"), mentions=Sum("mentions"))
            .order_by(models.F("month").asc(nulls_last=True))
        )


class MentionQuerySet(models.QuerySet):
    def live(self) -> MentionQuerySet:
        """Mentions a curator has not rejected."""
        return self.exclude(status="rejected")

    def for_api(self) -> MentionQuerySet:
        return self.select_related("entity", "asserted_by").only(
            "id", "article_id", "field", "caption_id", "text", "start_offset", "end_offset", "status", "created_at",
            "entity__id", "entity__name", "entity__slug", "entity__kind", *PROVENANCE_FIELDS, "asserted_by__username",
        )  # fmt: skip


class CandidateQuerySet(models.QuerySet):
    def open(self) -> CandidateQuerySet:
        return self.filter(status="open")

    def with_frequency(self) -> CandidateQuerySet:
        """How often each candidate occurs, and in how many articles."""
        return self.annotate(frequency=Count("occurrences"), article_count=Count("occurrences__article", distinct=True))


class EventQuerySet(models.QuerySet):
    def of_kind(self, kinds: Iterable[str]) -> EventQuerySet:
        return self.filter(kind__in=list(kinds))

    def involving(self, entities: Iterable[object], *, roles: Iterable[str] | None = None) -> EventQuerySet:
        """Events in which any of `entities` takes part (in one of `roles`, if given), each event once."""
        participations = related_model(self.model, "participations").objects.filter(
            event=OuterRef("pk"), entity__in=list(entities)
        )
        if roles:
            participations = participations.filter(role__in=list(roles))
        return self.filter(Exists(participations))

    def with_role(self, roles: Iterable[str]) -> EventQuerySet:
        """Events with a participant in one of `roles` (a mediator, a target...)."""
        participations = related_model(self.model, "participations").objects
        return self.filter(Exists(participations.filter(event=OuterRef("pk"), role__in=list(roles))))

    def reported_by(self, article: object) -> EventQuerySet:
        """Events an article is evidence for."""
        evidence = related_model(self.model, "evidence").objects
        return self.filter(Exists(evidence.filter(event=OuterRef("pk"), article=article)))

    def overlapping(self, start: datetime.date | None = None, end: datetime.date | None = None) -> EventQuerySet:
        """Events whose dates meet [start, end]; undated ones never do. An event known to the month or
        the year lasts, for this, to the end of that month or year ("Jan 2024" meets 15 January)."""
        queryset = self
        if start is not None:
            month_start = start.replace(day=1)
            year_start = start.replace(month=1, day=1)
            queryset = queryset.filter(
                Q(end_date__gte=start)
                | Q(end_date__isnull=True, start_date__gte=start)
                | Q(end_date__isnull=True, start_precision="month", start_date__gte=month_start)
                | Q(end_date__isnull=True, start_precision="year", start_date__gte=year_start)
            )
        if end is not None:
            queryset = queryset.filter(start_date__lte=end)
        return queryset

    def with_report_counts(self) -> EventQuerySet:
        """`report_count`: articles that report the event; `independent_count`: the same with copies of an
        article (syndicated stories, re-publications) counted once with their original."""
        evidence = related_model(self.model, "evidence").objects.filter(event=OuterRef("pk")).values("event")
        reports = evidence.annotate(n=Count("article", distinct=True)).values("n")
        independent = evidence.annotate(
            n=Count(Coalesce("article__duplicate_of_id", "article_id"), distinct=True)
        ).values("n")
        return self.annotate(
            report_count=Coalesce(Subquery(reports), 0), independent_count=Coalesce(Subquery(independent), 0)
        )

    def asserted_by_origin(self, origins: list[str]) -> EventQuerySet:
        """Events any of whose facts one of `origins` asserted: the event itself, a field, a
        participant or a piece of evidence (EXISTS each, so no row is repeated)."""
        found = Q(origin__in=origins)
        for relation in ("field_sources", "participations", "evidence"):
            related = related_model(self.model, relation)
            found |= Exists(related.objects.filter(event=OuterRef("pk"), origin__in=origins))
        return self.filter(found)

    def for_api(self) -> EventQuerySet:
        participations = related_model(self.model, "participations").objects.select_related("entity", "asserted_by")
        evidence = related_model(self.model, "evidence").objects
        sources = related_model(self.model, "field_sources").objects.select_related("asserted_by")
        return self.select_related("location").prefetch_related(
            Prefetch("participations", queryset=participations),
            Prefetch("field_sources", queryset=sources),
            Prefetch(
                "evidence",
                queryset=evidence.select_related("article__source", "asserted_by").only(
                    "id",
                    "event_id",
                    "sentence",
                    "start_offset",
                    "end_offset",
                    "status",
                    "article__id",
                    "article__title",
                    "article__published_on",
                    "article__published_precision",
                    "article__duplicate_of_id",
                    "article__source__name",
                    *PROVENANCE_FIELDS,
                    "asserted_by__username",
                ),
            ),
        )


class EntityMergeQuerySet(models.QuerySet):
    def of_entity(self, entity_id: int) -> EntityMergeQuerySet:
        """The merges an entity took part in, as survivor or as the one merged (its id stays valid
        after it is merged away)."""
        return self.filter(Q(survivor_id=entity_id) | Q(merged_id=entity_id))

    def for_reading(self) -> EntityMergeQuerySet:
        """With who merged and who undid, and `rows`: how many rows each merge changed."""
        return self.select_related("merged_by", "undone_by").annotate(rows=Count("changes"))


class DistinctionQuerySet(models.QuerySet):
    def involving(self, entity: object) -> DistinctionQuerySet:
        """The "not the same" decisions about an entity, on either side of the pair."""
        return self.filter(Q(entity=entity) | Q(other=entity))
