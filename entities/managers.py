"""Reads over entities, mentions and events: a chainable vocabulary for the API and the admin."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Value

from entities.expressions import FoldedText

LIVE_MENTION = ~Q(mentions__status="rejected")


class EntityQuerySet(models.QuerySet):
    def of_kind(self, kinds: Iterable[str]) -> EntityQuerySet:
        return self.filter(kind__in=list(kinds))

    def named(self, text: str) -> EntityQuerySet:
        """Entities whose name or any alias contains `text`, ignoring case and accents."""
        from entities.models import Alias

        folded = FoldedText(Value(text))
        alias_matches = Alias.objects.annotate(needle=folded).filter(
            entity=OuterRef("pk"), folded__contains=models.F("needle")
        )
        return self.annotate(folded_name=FoldedText("name")).filter(
            Q(folded_name__contains=folded) | Exists(alias_matches)
        )

    def with_article_counts(self) -> EntityQuerySet:
        """Annotate how many distinct articles mention each entity (rejected mentions excluded)."""
        return self.annotate(article_count=Count("mentions__article", filter=LIVE_MENTION, distinct=True))

    def for_api(self) -> EntityQuerySet:
        from entities.models import Alias

        return self.prefetch_related(Prefetch("aliases", queryset=Alias.objects.order_by("name")))


class MentionQuerySet(models.QuerySet):
    def live(self) -> MentionQuerySet:
        """Mentions a curator has not rejected."""
        return self.exclude(status="rejected")

    def for_api(self) -> MentionQuerySet:
        return self.select_related("entity").only(
            "id", "article_id", "text", "start_offset", "end_offset", "status", "created_at",
            "entity__id", "entity__name", "entity__slug", "entity__kind",
        )  # fmt: skip


class EventQuerySet(models.QuerySet):
    def of_kind(self, kinds: Iterable[str]) -> EventQuerySet:
        return self.filter(kind__in=list(kinds))

    def involving(self, entities: Iterable[object]) -> EventQuerySet:
        """Events in which any of `entities` takes part, each event once."""
        from entities.models import EventParticipant

        return self.filter(Exists(EventParticipant.objects.filter(event=OuterRef("pk"), entity__in=list(entities))))

    def overlapping(self, start: datetime.date | None = None, end: datetime.date | None = None) -> EventQuerySet:
        """Events whose dates (start to end, or the start alone) meet [start, end]; undated ones never do."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start))
        if end is not None:
            queryset = queryset.filter(start_date__lte=end)
        return queryset

    def for_api(self) -> EventQuerySet:
        from entities.models import EventEvidence, EventParticipant

        return self.select_related("location").prefetch_related(
            Prefetch("participations", queryset=EventParticipant.objects.select_related("entity")),
            Prefetch(
                "evidence",
                queryset=EventEvidence.objects.select_related("article").only(
                    "id",
                    "event_id",
                    "sentence",
                    "start_offset",
                    "end_offset",
                    "article__id",
                    "article__title",
                ),
            ),
        )
