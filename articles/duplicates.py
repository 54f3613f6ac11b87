"""Near-duplicates and syndicated copies in the archive: screening an article's fingerprint against
the stored ones, and linking the copies of one story (see fingerprints.py for the measures)."""

from __future__ import annotations

import datetime

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
    linked: list[tuple[Article, float, float]] = []
    for other in Article.objects.filter(pk__in=screened).only("id", "title", "body", "duplicate_of_id", "created_at"):
        other_shingles = fingerprints.shingles(f"{other.title}\n{other.body}")
        score = fingerprints.jaccard(shingle_set, other_shingles)
        if score >= fingerprints.LINK_JACCARD:
            linked.append((other, score, fingerprints.containment(shingle_set, other_shingles)))
    Similarity.objects.bulk_create(
        [Similarity(article=article, similar=other, jaccard=j, containment=c) for other, j, c in linked]
        + [Similarity(article=other, similar=article, jaccard=j, containment=c) for other, j, c in linked]
    )
    if linked:
        first = min((other for other, _, _ in linked), key=lambda other: (other.created_at, other.pk))
        canonical = first.duplicate_of_id or first.pk
        if canonical not in (article.pk, article.duplicate_of_id):
            article.duplicate_of_id = canonical
            article.save(update_fields=["duplicate_of"])  # a save, so the link is in the article's history
    return [other.pk for other, _, _ in linked]


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
