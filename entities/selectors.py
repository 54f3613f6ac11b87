"""Reads of articles through what the entities app knows of them: which entities they mention, which
events they report, and the entity and event-kind counts of a set of articles."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Exists, F, OuterRef, QuerySet

from articles.models import Article
from entities.models import Entity, EntityArticle, EntityStats, Event, EventEvidence


def mentioning(articles: QuerySet[Article], entities: Iterable[Entity], *, match_all: bool = True) -> QuerySet[Article]:
    """Articles with a live (not rejected) mention of all (or any) of `entities`.

    EXISTS over the (entity, article) pairs rather than joins, so an article is never repeated
    and each entity costs one primary-key probe per article.
    """
    entities = list(entities)
    if not entities:
        return articles
    links = EntityArticle.objects.filter(article=OuterRef("pk"))
    if match_all:
        for entity in entities:
            articles = articles.filter(Exists(links.filter(entity=entity)))
        return articles
    return articles.filter(Exists(links.filter(entity__in=entities)))


def reporting(articles: QuerySet[Article], events: Iterable[Event]) -> QuerySet[Article]:
    """Articles that are evidence for any of `events`."""
    return articles.filter(Exists(EventEvidence.objects.filter(article=OuterRef("pk"), event__in=list(events))))


def entity_facet(articles: QuerySet[Article] | None, top: int) -> list[dict[str, object]]:
    """The `top` entities by articles mentioning them: among `articles`, or (None) in the whole archive."""
    fields = ("entity__slug", "entity__name", "entity__kind")
    if articles is None:
        rows = EntityStats.objects.filter(article_count__gt=0).values(*fields, count=F("article_count"))
    else:
        rows = (
            EntityArticle.objects.filter(article__in=articles.values("pk")).values(*fields).annotate(count=Count("*"))
        )
    return list(rows.order_by("-count", "entity__name")[:top])


def event_kind_facet(articles: QuerySet[Article] | None) -> list[dict[str, object]]:
    """Kinds of the (not rejected) events that `articles` (None: any article) report, counting events."""
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
