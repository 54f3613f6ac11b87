"""Reads of articles through what the entities app knows of them: which entities they mention, which
events they report, and the entity and event-kind counts of a set of articles."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Exists, F, OuterRef, QuerySet

from articles.models import Article
from entities.corroboration import Report, corroborate
from entities.detection import event_dates
from entities.events import MentionRef
from entities.models import Entity, EntityArticle, EntityStats, Event, EventEvidence, Mention


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


def corroborate_events(events: list[Event]) -> None:
    """Give each event (its evidence and the evidence's articles prefetched, as `for_api` does) its
    `corroboration`, reading the entities its evidence sentences name in one query for them all."""
    pieces = [(event, piece) for event in events for piece in event.evidence.all()]
    named: dict[int, list[tuple[int, int, int, str, str]]] = {}
    if pieces:
        rows = (
            Mention.objects.live()
            .filter(article__in={piece.article_id for _, piece in pieces}, field=Mention.Field.BODY)
            .values_list("article_id", "start_offset", "end_offset", "entity_id", "entity__kind", "entity__name")
        )
        for article, *mention in rows:
            named.setdefault(article, []).append(tuple(mention))
    for event in events:
        reports = []
        for piece in event.evidence.all():
            inside = [
                MentionRef(start - piece.start_offset, end - piece.start_offset, entity, kind, name)
                for start, end, entity, kind, name in named.get(piece.article_id, [])
                if piece.start_offset <= start and end <= piece.end_offset
            ]
            reports.append(
                Report(
                    article=piece.article_id,
                    canonical=piece.article.duplicate_of_id or piece.article_id,
                    outlet=piece.article.source.name if piece.article.source else "",
                    published=piece.article.published_on,
                    precision=piece.article.published_precision,
                    sentence=piece.sentence,
                    named=tuple(sorted(inside, key=lambda m: m.start)),
                )
            )
        location = (event.location.name, event.location.kind) if event.location else None
        event.corroboration = corroborate(reports, event_dates=event_dates(event), location=location, kind=event.kind)
