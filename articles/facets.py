"""Counts over a set of articles by their own columns: source, month of publication, type and status.

For the whole archive they read the totals triggers keep (ArticleTally); for a filtered set they
come from one pass over it (GROUPING SETS). A set larger than FACET_SAMPLE articles is counted on
an evenly spaced sample of that many (by id) and the counts scaled up, unless `exact`: exact counts
over 200,000 articles take seconds. Counts that other apps add (entities, events) take the same
`CountedSet`, so that every facet of one response counts the same articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, models
from django.db.models.expressions import RawSQL

from articles.models import Source

FACET_FIELDS = ("source_id", "month", "article_type", "status")
# Facets of a larger set are estimated from an evenly spaced sample of this many of its articles:
# a value holding 5 % of the set is then estimated within about 9 %, one holding 1 % within about
# 20 % (two standard errors).
FACET_SAMPLE = 10_000


@dataclass(frozen=True)
class CountedSet:
    """The articles whose attributes are counted: the set itself, a sample of it, or (None) the whole
    archive; the set's size; and, for a sample, how many articles it holds and their ids.

    The ids stay as PostgreSQL printed them, an array literal (`{3,8,13}`) that each count sends
    back as one parameter: turning 10,000 ids into Python integers and back (psycopg adapts a list
    element by element) cost 10-15 ms a request."""

    articles: models.QuerySet | None
    total: int | None
    sampled: int = 0
    sample_ids: str = ""

    @property
    def scale(self) -> float:
        return self.total / self.sampled if self.sampled else 1.0


def counted_set(articles: models.QuerySet, *, exact: bool) -> CountedSet:
    """What to count for `articles`: all of them when exact or few, else an even sample chosen in
    the database (ids numbered in order, every (size / FACET_SAMPLE)-th kept), which reads the set's
    ids through an index but sends only the sample's."""
    plain = articles.order_by()
    if not plain.query.where:
        return CountedSet(None, None)
    if exact:
        return CountedSet(plain, plain.count())
    sample_ids, sampled, total = _even_sample(plain, FACET_SAMPLE)
    if total <= FACET_SAMPLE:
        return CountedSet(plain, total)
    in_sample = RawSQL("SELECT unnest(%s::bigint[])", (sample_ids,))
    return CountedSet(plain.model.objects.filter(pk__in=in_sample).order_by(), total, sampled, sample_ids)


def _even_sample(articles: models.QuerySet, size: int) -> tuple[str, int, int]:
    """`size` ids of `articles` evenly spaced in id order, as an array literal (empty when there are
    no more than `size`: every article is counted then), how many those are, and how many articles
    there are. One row."""
    inner, params = articles.values(chosen_id=models.F("pk")).query.sql_with_params()
    sql = f"""
        SELECT CASE WHEN max(total) > %s THEN array_agg(chosen_id ORDER BY chosen_id)::text ELSE '' END,
               count(*), coalesce(max(total), 0)
          FROM (SELECT chosen_id, row_number() OVER (ORDER BY chosen_id) AS n, count(*) OVER () AS total
                  FROM ({inner}) AS chosen) AS numbered
         WHERE total <= %s OR (n - 1) * %s / total < n * %s / total
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [size, *params, size, size, size])
        sample_ids, sampled, total = cursor.fetchone()
    return sample_ids, sampled, total


def column_facets(counted: CountedSet) -> dict[str, list[dict[str, object]]]:
    """Articles per source, month, type and status of the counted set, unscaled; each value under the
    name of the API parameter that filters by it (`source`, `type`, `status`)."""
    by_field = _counts_by_field(counted.articles)
    sources = Source.objects.in_bulk(by_field["source_id"])
    return {
        "source": sorted(
            (
                {
                    "source": sources[pk].slug if pk is not None else None,  # None: no known source
                    "name": sources[pk].name if pk is not None else None,
                    "count": count,
                }
                for pk, count in by_field["source_id"].items()
            ),
            key=lambda row: (-row["count"], row["name"] or ""),
        ),
        "month": [
            {"month": month.strftime("%Y-%m") if month else None, "count": count}
            for month, count in sorted(by_field["month"].items(), key=lambda item: (item[0] is None, item[0]))
        ],
        "type": _ranked(by_field["article_type"], "type"),
        "status": _ranked(by_field["status"], "status"),
    }


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
