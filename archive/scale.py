"""A realistic synthetic archive at scale (100,000 or 1,000,000 articles), reproducible from a seed,
loaded with COPY: for measuring the API where its targets are set, never for the real archive.

Articles spread over 2015-2025 from 40 outlets, mostly news, a tenth undated; their text mentions
the gazetteer's entities at Zipf frequencies (a few very often, most rarely), and the mentions are
found by the real matcher, so counts, filters and facets behave as in the real archive. A few
thousand events, each evidenced by articles, complete it.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from articles.models import Article, Source
from entities.mentions import copy_mentions, matcher_from_database
from entities.models import Entity, Event, EventEvidence, EventParticipant, Mention
from entities.synthetic import article_with_mentions
from entities.taxonomy import codes_for

FIRST_DAY = datetime.date(2015, 1, 1)
DAYS = 11 * 365
BATCH = 5_000
TYPES = ["news"] * 8 + ["opinion", "analysis"]
STATUSES = ["imported"] * 6 + ["reviewed"] * 3 + ["rejected"]
LANGUAGES = ["en"] * 9 + ["ur"]


@dataclass
class LoadProgress:
    articles: int = 0
    mentions: int = 0
    events: int = 0


def fill(target: int, *, seed: int, on_batch: object = None) -> LoadProgress:
    """Add synthetic articles (with mentions) until the archive holds `target`, then events."""
    rng = random.Random(seed)
    sources = _sources(random.Random(seed + 1))  # its own draws: the articles do not depend on it
    matcher = matcher_from_database()
    names = [(name, kind == "person") for name, kind in Entity.objects.order_by("id").values_list("name", "kind")]
    rng.shuffle(names)
    progress = LoadProgress(articles=Article.objects.count())
    while progress.articles < target:
        size = min(BATCH, target - progress.articles)
        with transaction.atomic():
            ids = _copy_articles(rng, sources, names, progress.articles, size)
            progress.mentions += _copy_mentions(matcher, ids)
        progress.articles += size
        if callable(on_batch):
            on_batch(progress)
    if not Event.objects.exists():
        progress.events = _events(rng, target)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.get_autocommit() else "ANALYZE")  # visibility map
    return progress


def _sources(rng: random.Random) -> list[int]:
    existing = list(Source.objects.order_by("id").values_list("id", flat=True))
    if existing:
        return existing
    kinds = [kind for kind, _ in Source.Kind.choices]
    Source.objects.bulk_create(
        Source(
            name=f"Outlet {n}",
            slug=f"outlet-{n}",
            kind=rng.choice(kinds),
            domain=f"outlet{n}.example",
            country=rng.choice(["PK", "IR", "AF", "IN", "US", "GB"]),
        )
        for n in range(40)
    )
    return list(Source.objects.order_by("id").values_list("id", flat=True))


def _copy_articles(rng: random.Random, sources: list[int], names: list, start: int, size: int) -> list[int]:
    now = timezone.now()
    columns = (
        "source_id, title, title_derived, summary, byline, author_bio, section, dateline, published_on, "
        "published_precision, url, language, article_type, body, raw_text, origin_name, encoding, content_hash, "
        "text_hash, curated_fields, status, created_at, updated_at"
    )
    source_weights = [1 / (rank + 1) for rank in range(len(sources))]
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM articles_article")
        (first_id,) = cursor.fetchone()
        with cursor.cursor.copy(f"COPY articles_article ({columns}) FROM STDIN") as copy:
            for number in range(start, start + size):
                text = article_with_mentions(rng, names)
                title, _, body = text.partition("\n\n")
                dated = rng.random() > 0.1
                day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS)) if dated else None
                digest = hashlib.sha256(f"synthetic {number}".encode()).hexdigest()
                copy.write_row((
                    rng.choices(sources, weights=source_weights)[0], title[:1000], False, "", "", "", "", "",
                    day, "day" if dated else "unknown", "", rng.choice(LANGUAGES), rng.choice(TYPES), body, text,
                    f"synthetic-{number:07d}.txt", "utf-8", digest, digest, "{}", rng.choice(STATUSES), now, now,
                ))  # fmt: skip
        cursor.execute("SELECT id FROM articles_article WHERE id > %s ORDER BY id", [first_id])
        return [row[0] for row in cursor.fetchall()]


def _copy_mentions(matcher: object, ids: list[int]) -> int:
    mentions = []
    for article_id, body in Article.objects.filter(pk__in=ids).values_list("id", "body").iterator(chunk_size=2000):
        mentions += [
            Mention(
                article_id=article_id,
                entity_id=found.entity,
                field="body",
                text=found.text,
                start_offset=found.start,
                end_offset=found.end,
            )
            for found in matcher.find(body)
        ]
    copy_mentions(mentions)
    return len(mentions)


def _events(rng: random.Random, articles: int) -> int:
    """One event per 250 articles, each with two or three participants and a few articles as evidence."""
    people = list(
        Entity.objects.filter(kind__in=["person", "organisation", "armed_group"]).values_list("id", flat=True)
    )
    places = list(Entity.objects.filter(kind__in=["city", "country", "region"]).values_list("id", flat=True))
    kinds = [kind for kind, _ in Event.Kind.choices]
    count = max(1, articles // 250)
    events = Event.objects.bulk_create(
        Event(
            title=f"Synthetic event {n}",
            kind=(kind := rng.choice(kinds)),
            start_date=(day := FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))),
            start_precision="day",
            location_id=rng.choice(places),
            status=rng.choice(["confirmed", "confirmed", "proposed"]),
            origin="detector",
            cameo_code=codes_for(kind)[0],
            plover_type=codes_for(kind)[1],
            summary=f"Something happened on {day}.",
        )
        for n in range(count)
    )
    EventParticipant.objects.bulk_create(
        [
            EventParticipant(
                event=event,
                entity_id=entity,
                role=rng.choice(["actor", "target", "visitor", "host"]),
                origin="detector",
            )
            for event in events
            for entity in rng.sample(people, 2) + rng.sample(places, 1)
        ],
        ignore_conflicts=True,
    )
    evidence = []
    for event in events:
        for article_id, body in _some_articles(rng, 3):
            sentence = body.split(". ")[0]
            evidence.append(EventEvidence(event=event, article_id=article_id, sentence=sentence, start_offset=0,
                                          end_offset=len(sentence), origin="detector"))  # fmt: skip
    EventEvidence.objects.bulk_create(evidence, ignore_conflicts=True)
    return count


def _some_articles(rng: random.Random, count: int) -> Iterator[tuple[int, str]]:
    bounds = Article.objects.aggregate(lowest=Min("id"), highest=Max("id"))
    picks = [rng.randint(bounds["lowest"] or 0, bounds["highest"] or 0) for _ in range(count)]
    yield from Article.objects.filter(pk__in=picks).values_list("id", "body")
