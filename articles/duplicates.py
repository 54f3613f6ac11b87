"""Near-duplicates and syndicated copies in the archive: screening an article's fingerprint against
the stored ones, and linking the copies of one story (see fingerprints.py for the measures)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

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
    stored articles are screened for the whole batch in one statement and compared in one read, the
    batch's earlier articles in memory. Sets `duplicate_of_id` on the copies (for the caller to save
    with their history) and stores the links; returns each article's linked ids."""
    screened = _screened_for_batch(batch)
    stored = {
        other.pk: (other, shingles_of(other))
        for other in Article.objects.filter(pk__in={pk for ids in screened.values() for pk in ids}).only(*COMPARED)
    }
    linked_ids: dict[int, list[int]] = {}
    similarities: list[Similarity] = []
    sharing: dict[int, list[int]] = {}  # band key -> positions of the batch's articles that have it
    for position, new in enumerate(batch):
        if not new.shingles:
            linked_ids[new.article.pk] = []
            _index_bands(sharing, new, position)
            continue
        sharers = sorted({p for band in new.fingerprint.bands for p in sharing.get(band, ())})
        earlier = [(batch[p].article, batch[p].shingles) for p in sharers if _passes_screen(new, batch[p])]
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


def _passes_screen(new: NewArticle, other: NewArticle) -> bool:
    """The screening of _screened_candidates, in memory, for two articles of one batch."""
    if not set(new.fingerprint.bands) & set(other.fingerprint.bands):
        return False
    day, other_day = new.article.published_on, other.article.published_on
    if day is not None and other_day is not None and abs((day - other_day).days) > fingerprints.WINDOW_DAYS:
        return False
    agreeing = sum(a == b for a, b in zip(new.fingerprint.signature, other.fingerprint.signature, strict=True))
    return agreeing >= round(fingerprints.SCREEN_JACCARD * fingerprints.NUM_PERM)


def _screened_for_batch(batch: list[NewArticle]) -> dict[int, list[int]]:
    """_screened_candidates for every article of the batch with shingles, in one statement: the
    stored articles each may copy, by the article's position in the batch."""
    window = datetime.timedelta(days=fingerprints.WINDOW_DAYS)
    rows = [
        {
            "position": position,
            "bands": new.fingerprint.bands,
            "signature": new.fingerprint.signature,
            "earliest": (new.article.published_on - window).isoformat() if new.article.published_on else None,
            "latest": (new.article.published_on + window).isoformat() if new.article.published_on else None,
        }
        for position, new in enumerate(batch)
        if new.shingles
    ]
    if not rows:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT b.position, f.article_id
              FROM jsonb_to_recordset(%(batch)s::jsonb)
                   AS b(position int, bands bigint[], signature bigint[], earliest date, latest date)
              CROSS JOIN LATERAL (
                    -- OFFSET 0 keeps it a lookup per article; the window, written for the date index
                    -- (an undated article's spans every date), is what picks the rows to test.
                    SELECT f.article_id FROM articles_fingerprint f
                     WHERE f.bands && b.bands
                       AND (f.published_on BETWEEN coalesce(b.earliest, '-infinity') AND coalesce(b.latest, 'infinity')
                            OR f.published_on IS NULL)
                       AND (SELECT count(*) FROM unnest(f.signature, b.signature) AS pair(mine, theirs)
                             WHERE mine = theirs) >= %(minimum)s
                    OFFSET 0) f
             ORDER BY b.position, f.article_id
            """,
            {"batch": json.dumps(rows), "minimum": round(fingerprints.SCREEN_JACCARD * fingerprints.NUM_PERM)},
        )
        screened: dict[int, list[int]] = {}
        for position, article_id in cursor.fetchall():
            screened.setdefault(position, []).append(article_id)
        return screened


def _screened_candidates(article: Article, print_: fingerprints.Fingerprint) -> list[int]:
    """Articles sharing an LSH band, in the date window, whose signatures agree often enough.

    The band (GIN) and date (btree) conditions combine in one bitmap scan; the agreement count
    runs in PostgreSQL, so only the ids of real candidates come back.
    """
    window = ""
    parameters: dict[str, object] = {
        "bands": print_.bands,
        "signature": print_.signature,
        "article": article.pk,
        "minimum": round(fingerprints.SCREEN_JACCARD * fingerprints.NUM_PERM),
    }
    if article.published_on is not None:
        window = "AND (f.published_on BETWEEN %(earliest)s AND %(latest)s OR f.published_on IS NULL)"
        parameters["earliest"] = article.published_on - datetime.timedelta(days=fingerprints.WINDOW_DAYS)
        parameters["latest"] = article.published_on + datetime.timedelta(days=fingerprints.WINDOW_DAYS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT f.article_id
              FROM articles_fingerprint f
             WHERE f.bands && %(bands)s::bigint[]
               AND f.article_id <> %(article)s
               {window}
               AND (SELECT count(*) FROM unnest(f.signature, %(signature)s::bigint[]) AS pair(mine, theirs)
                     WHERE mine = theirs) >= %(minimum)s
            """,
            parameters,
        )
        return [row[0] for row in cursor.fetchall()]
