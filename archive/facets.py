"""Facets of a set of articles, as the API serves them: the articles' own columns (articles.facets)
with the entities they mention and the kinds of event they report (entities.selectors), all
counted on the same articles."""

from __future__ import annotations

from django.db.models import QuerySet

from articles.facets import column_facets, counted_set
from articles.models import Article
from entities.selectors import entity_facet, event_kind_facet


def article_facets(articles: QuerySet[Article], *, top: int = 10, exact: bool = False) -> dict[str, object]:
    """Counts by source, month, type, status and entity, scaled up when a sample was counted; event
    kinds always over the whole set; with the set's size and the sample's."""
    counted = counted_set(articles, exact=exact)
    facets: dict[str, object] = {**column_facets(counted), "entity": entity_facet(counted, top)}
    if counted.sampled:
        for rows in facets.values():
            for row in rows:
                row["count"] = round(row["count"] * counted.scale)
    whole_archive = counted.articles is None
    facets["event_kind"] = event_kind_facet(None if whole_archive else articles.order_by())
    facets["articles"] = sum(row["count"] for row in facets["status"]) if whole_archive else counted.total
    facets["sample"] = counted.sampled or None
    facets["counts"] = COUNTED
    return facets


# What each facet counts: articles of the set, except event kinds, which count the events they report.
COUNTED = {"source": "articles", "month": "articles", "type": "articles", "status": "articles",
           "entity": "articles", "event_kind": "events"}  # fmt: skip
