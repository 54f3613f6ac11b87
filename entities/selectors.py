"""Reads of articles through what the entities app knows of them: which entities they mention, which
events they report, and the entity and event-kind counts of a set of articles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Value

from articles.facets import CountedSet
from articles.models import Article
from entities.corroboration import Report, corroborate
from entities.detection import event_dates
from entities.events import MentionRef
from entities.expressions import FoldedText, fold_like_database
from entities.models import Alias, Entity, EntityArticle, EntityStats, Event, EventEvidence, Mention

# A name among the words of a search is read as at most this many words, and brings at most this
# many other spellings: enough for the longest names curators keep, bounded for a query typed freely.
LONGEST_NAME_WORDS, MOST_SPELLINGS = 8, 40
_OPERATORS = re.compile(r'["]|(?:^|\s)-\w|\bor\b', re.IGNORECASE)


@dataclass(frozen=True)
class NamesInSearch:
    """The names among a search's words that name one entity each: the phrases with the entities'
    other spellings (for articles.managers.search_query), and a condition that holds for articles
    mentioning all those entities."""

    spellings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    entities: tuple[int, ...] = ()

    def mentioned(self) -> Q:
        return mentions_all(self.entities)


def names_in_search(text: str) -> NamesInSearch:
    """The names in a search's words that name exactly one entity (by its name or an alias), each
    with the entity's other names: `Baluchistan` → ("Baluchistan", ("Balochistan", ...)). A spelling
    that another entity shares is left out, and so is a query in web-search syntax (quotes, -word,
    or), whose meaning a rewrite would change. One query, and one more when a name is found."""
    words = text.split()
    if not words or _OPERATORS.search(text):
        return NamesInSearch()
    spans = {(i, j): fold_like_database(" ".join(words[i:j]))
             for i in range(len(words)) for j in range(i + 1, min(len(words), i + LONGEST_NAME_WORDS) + 1)}  # fmt: skip
    named: dict[str, set[int]] = {}
    aliases = Alias.objects.filter(folded__in=set(spans.values())).values_list("folded", "entity_id")
    names = Entity.objects.annotate(folded_name=FoldedText("name")).filter(folded_name__in=set(spans.values()))
    for folded, entity in aliases.union(names.values_list("folded_name", "id")):
        named.setdefault(folded, set()).add(entity)
    chosen: list[tuple[int, int, int]] = []
    for (i, j), folded in sorted(spans.items(), key=lambda item: (item[0][0] - item[0][1], item[0][0])):
        if len(named.get(folded, ())) == 1 and not any(i < end and start < j for start, end, _ in chosen):
            chosen.append((i, j, next(iter(named[folded]))))
    if not chosen:
        return NamesInSearch()
    by_entity: dict[int, list[str]] = {}
    for entity, name in _unshared_spellings({entity for *_, entity in chosen}):
        by_entity.setdefault(entity, []).append(name)
    spellings, entities = [], []
    for i, j, entity in sorted(chosen):
        others = tuple(dict.fromkeys(
            name for name in by_entity.get(entity, ()) if fold_like_database(name) != spans[(i, j)]
        ))  # fmt: skip
        if others:
            spellings.append((" ".join(words[i:j]), others[:MOST_SPELLINGS]))
            entities.append(entity)
    return NamesInSearch(tuple(spellings), tuple(entities))


def _unshared_spellings(entities: set[int]) -> list[tuple[int, str]]:
    """The entities' names and aliases that no other entity has as a name or alias."""
    shared = Alias.objects.filter(folded=OuterRef("folded")).exclude(entity=OuterRef("entity"))
    aliases = Alias.objects.filter(entity__in=entities).annotate(shared=Exists(shared)).filter(shared=False)
    names = Entity.objects.filter(pk__in=entities).values_list("id", Value(0), "name").order_by()
    rows = aliases.values_list("entity_id", Value(1), "name").order_by().union(names)
    return [(entity, name) for entity, _, name in sorted(rows)]  # each entity's own name first


def mentioning(articles: QuerySet[Article], entities: Iterable[Entity], *, match_all: bool = True) -> QuerySet[Article]:
    """Articles with a live (not rejected) mention of all (or any) of `entities`.

    EXISTS over the (entity, article) pairs rather than joins, so an article is never repeated
    and each entity costs one primary-key probe per article.
    """
    entities = list(entities)
    if not entities:
        return articles
    if match_all:
        return articles.filter(mentions_all(entities))
    return articles.filter(Exists(EntityArticle.objects.filter(article=OuterRef("pk"), entity__in=entities)))


def mentions_all(entities: Iterable[object]) -> Q:
    """Articles with a live mention of each of `entities` (entities or ids): one EXISTS each."""
    links = EntityArticle.objects.filter(article=OuterRef("pk"))
    condition = Q()
    for entity in entities:
        condition &= Q(Exists(links.filter(entity=entity)))
    return condition


def searched(articles: QuerySet[Article], text: str, names: NamesInSearch | None = None) -> QuerySet[Article]:
    """The full-text search of `text`, a name among its words also in the other spellings of its
    entity, in the articles that mention it (names_in_search; pass `names` when already read)."""
    names = names_in_search(text) if names is None else names
    return articles.search(text, names.spellings, names.mentioned())


def reporting(articles: QuerySet[Article], events: Iterable[Event]) -> QuerySet[Article]:
    """Articles that are evidence for any of `events`."""
    return articles.filter(Exists(EventEvidence.objects.filter(article=OuterRef("pk"), event__in=list(events))))


def entity_facet(counted: CountedSet, top: int) -> list[dict[str, object]]:
    """The `top` entities by articles mentioning them among the counted articles (articles.facets), or
    in the whole archive; each by its slug under `entity`, the parameter that filters articles by it.
    A set's pairs are counted per entity id first, and only the counted entities joined for their
    names; a sample's pairs are read by its ids alone (joining the articles again to check ids already
    taken from them doubled the cost)."""
    if counted.articles is None:
        fields = ("entity__slug", "entity__name", "entity__kind")
        rows = EntityStats.objects.filter(article_count__gt=0).values_list(*fields, F("article_count"))
        ranked = rows.order_by(F("article_count").desc(), "entity__name")[:top]
    else:
        if counted.sampled:
            chosen, params = "article_id = ANY(%s::bigint[])", [counted.sample_ids]
        else:
            inner, params = counted.articles.order_by().values("pk").query.sql_with_params()
            chosen = f"article_id IN ({inner})"
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT entity.slug, entity.name, entity.kind, counted.articles
                      FROM (SELECT entity_id, count(*) AS articles FROM {EntityArticle._meta.db_table}
                             WHERE {chosen} GROUP BY entity_id) AS counted
                      JOIN {Entity._meta.db_table} AS entity ON entity.id = counted.entity_id
                     ORDER BY counted.articles DESC, entity.name LIMIT %s""",
                [*params, top],
            )
            ranked = cursor.fetchall()
    return [{"entity": slug, "name": name, "kind": kind, "count": count} for slug, name, kind, count in ranked]


def event_kind_facet(articles: QuerySet[Article] | None) -> list[dict[str, object]]:
    """Kinds of the (not rejected) events that `articles` (None: any article) report, counting events;
    each under `kind`, the parameter that filters events by it."""
    evidence = EventEvidence.objects.filter(event=OuterRef("pk"))
    if articles is not None:
        evidence = evidence.filter(article__in=articles.values("pk"))
    return list(
        Event.objects.exclude(status="rejected")
        .filter(Exists(evidence))
        .values("kind")
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
            .order_by()  # not the mentions' default order, which joins every article for its date
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
