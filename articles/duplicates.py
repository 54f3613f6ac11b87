"""Near-duplicates and syndicated copies in the archive: screening an article's fingerprint against
the stored ones, and linking the copies of one story (see fingerprints.py for the measures)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models import Q

from articles import fingerprints
from articles.models import Article, Fingerprint, Similarity


def link_near_duplicates(article: Article, *, replacing: bool = False) -> list[int]:
    """Fingerprint the article and link it to the articles that tell the same story.

    Returns the ids linked; `replacing` redoes both for an article whose text changed. Runs
    under the import lock, so two concurrent imports of copies of one story see each other.
    """
    shingle_set = fingerprints.shingles(f"{article.title}\n{article.body}")
    print_ = fingerprints.fingerprint(shingle_set)
    fields = {
        "signature": print_.signature,
        "bands": print_.bands,
        "shingle_count": print_.shingle_count,
        "published_on": article.published_on,
    }
    if replacing:
        Fingerprint.objects.update_or_create(article=article, defaults=fields)
        Similarity.objects.filter(Q(article=article) | Q(similar=article)).delete()
    else:
        Fingerprint.objects.create(article=article, **fields)
    if not shingle_set:
        return []
    screened = _screened_candidates(article, print_)
    others = Article.objects.filter(pk__in=screened).only(*COMPARED)
    linked = _same_story(shingle_set, ((other, shingles_of(other)) for other in others))
    Similarity.objects.bulk_create(_similarities(article, linked))
    if _become_copy(article, linked):
        article.save(update_fields=["duplicate_of"])  # a save, so the link is in the article's history
    return [other.pk for other, _, _ in linked]


COMPARED = ("id", "title", "body", "duplicate_of_id", "created_at")  # what linking reads of another article
Link = tuple[Article, float, float]  # the other article, Jaccard similarity, containment


@dataclass(frozen=True)
class NewArticle:
    """An article of a batch being imported: saved, its fingerprint not stored yet."""

    article: Article
    shingles: AbstractSet[str]
    fingerprint: fingerprints.Fingerprint


def link_batch(batch: list[NewArticle]) -> dict[int, list[int]]:
    """Link each article of the batch as link_near_duplicates would, one after another in order: the
    stored articles are screened for the whole batch at once and compared in one read, the batch's
    earlier articles in memory. Sets `duplicate_of_id` on the copies (for the caller to save with
    their history) and stores the links; returns each article's linked ids."""
    screened = _screened(
        {p: (new.fingerprint, new.article.published_on) for p, new in enumerate(batch) if new.shingles}
    )
    stored = {
        other.pk: (other, shingles_of(other))
        for other in Article.objects.filter(pk__in={pk for ids in screened.values() for pk in ids}).only(*COMPARED)
    }
    signatures = np.array([new.fingerprint.signature for new in batch], dtype=np.int64)
    linked_ids: dict[int, list[int]] = {}
    similarities: list[Similarity] = []
    sharing: dict[int, list[int]] = {}  # band key -> positions of the batch's articles that have it
    for position, new in enumerate(batch):
        if not new.shingles:
            linked_ids[new.article.pk] = []
            _index_bands(sharing, new, position)
            continue
        sharers = [
            p
            for p in sorted({p for band in new.fingerprint.bands for p in sharing.get(band, ())})
            if _within_window(new.article.published_on, batch[p].article.published_on)
        ]
        passing = fingerprints.passing_screen(new.fingerprint.signature, signatures[sharers])
        earlier = [(batch[p].article, batch[p].shingles) for p, passes in zip(sharers, passing, strict=True) if passes]
        _index_bands(sharing, new, position)
        linked = _same_story(new.shingles, [stored[pk] for pk in screened.get(position, [])] + earlier)
        similarities += _similarities(new.article, linked)
        _become_copy(new.article, linked)
        linked_ids[new.article.pk] = [other.pk for other, _, _ in linked]
    Similarity.objects.bulk_create(similarities)
    return linked_ids


def _index_bands(sharing: dict[int, list[int]], new: NewArticle, position: int) -> None:
    for band in set(new.fingerprint.bands):
        sharing.setdefault(band, []).append(position)


def shingles_of(article: Article) -> set[str]:
    return fingerprints.shingles(f"{article.title}\n{article.body}")


def _same_story(shingle_set: AbstractSet[str], screened: Iterable[tuple[Article, AbstractSet[str]]]) -> list[Link]:
    """The screened articles (with their shingles) that tell the same story."""
    linked = []
    for other, other_shingles in screened:
        score = fingerprints.jaccard(shingle_set, other_shingles)
        if score >= fingerprints.LINK_JACCARD:
            linked.append((other, score, fingerprints.containment(shingle_set, other_shingles)))
    return linked


def _similarities(article: Article, linked: list[Link]) -> list[Similarity]:
    return [Similarity(article=article, similar=other, jaccard=j, containment=c) for other, j, c in linked] + [
        Similarity(article=other, similar=article, jaccard=j, containment=c) for other, j, c in linked
    ]


def _become_copy(article: Article, linked: list[Link]) -> bool:
    """Make the article a copy of the first article of its story; whether that changed it."""
    if not linked:
        return False
    first = min((other for other, _, _ in linked), key=lambda other: (other.created_at, other.pk))
    canonical = first.duplicate_of_id or first.pk
    if canonical in (article.pk, article.duplicate_of_id):
        return False
    article.duplicate_of_id = canonical
    return True


def _within_window(day: datetime.date | None, other: datetime.date | None) -> bool:
    """Whether two articles are dated close enough to be copies; an undated one may copy any."""
    return day is None or other is None or abs((day - other).days) <= fingerprints.WINDOW_DAYS


def _screened_candidates(article: Article, print_: fingerprints.Fingerprint) -> list[int]:
    """The stored articles the article may copy (see _screened); its own fingerprint is stored already."""
    return _screened({0: (print_, article.published_on)}, excluding=article.pk).get(0, [])


def _screened(
    prints: dict[int, tuple[fingerprints.Fingerprint, datetime.date | None]], *, excluding: int = 0
) -> dict[int, list[int]]:
    """For each fingerprint (by its key): the stored articles sharing one of its LSH bands, dated in
    its window or undated (an undated fingerprint's window is the whole archive), whose signatures
    agree with it often enough, in id order.

    One statement picks the rows for every fingerprint: the band (GIN) and date (btree) conditions
    combine in one bitmap scan each. The signatures are then read once each and screened in numpy:
    about a fifth of a window's articles share a single-value band, and the agreement count, per row
    in SQL, cost ten times the lookup.
    """
    if not prints:
        return {}
    window = datetime.timedelta(days=fingerprints.WINDOW_DAYS)
    rows = [
        {
            "key": key,
            "bands": print_.bands,
            "earliest": (day - window).isoformat() if day else None,
            "latest": (day + window).isoformat() if day else None,
        }
        for key, (print_, day) in prints.items()
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT b.key, f.article_id
              FROM jsonb_to_recordset(%(prints)s::jsonb) AS b(key int, bands bigint[], earliest date, latest date)
              CROSS JOIN LATERAL (
                    -- OFFSET 0 keeps it a lookup per fingerprint; the window, written for the date index
                    -- (an undated fingerprint's spans every date), is what picks the rows to test.
                    SELECT f.article_id FROM articles_fingerprint f
                     WHERE f.bands && b.bands
                       AND (f.published_on BETWEEN coalesce(b.earliest, '-infinity') AND coalesce(b.latest, 'infinity')
                            OR f.published_on IS NULL)
                       AND f.article_id <> %(excluding)s
                    OFFSET 0) f
             ORDER BY b.key, f.article_id
            """,
            {"prints": json.dumps(rows), "excluding": excluding},
        )
        sharing: dict[int, list[int]] = {}
        for key, article_id in cursor.fetchall():
            sharing.setdefault(key, []).append(article_id)
        if not sharing:
            return {}
        ids = sorted({article_id for found in sharing.values() for article_id in found})
        cursor.execute("SELECT article_id, signature FROM articles_fingerprint WHERE article_id = ANY(%s)", [ids])
        stored = dict(cursor.fetchall())
    row_of = {article_id: row for row, article_id in enumerate(ids)}
    signatures = np.array([stored[article_id] for article_id in ids], dtype=np.int64).reshape(len(ids), -1)
    screened = {}
    for key, found in sharing.items():
        passing = fingerprints.passing_screen(prints[key][0].signature, signatures[[row_of[i] for i in found]])
        screened[key] = [article_id for article_id, passes in zip(found, passing, strict=True) if passes]
    return screened
