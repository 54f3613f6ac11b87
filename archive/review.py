"""The review queue: what the machine did that no person has looked at yet, oldest first.

Three queues (imported articles, open entity candidates, proposed events), each a count and its
oldest rows; a fixed number of queries whatever the size of the archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from archive.common.admin import changelist
from articles.models import Article
from entities.models import Candidate, Event, EventEvidence


@dataclass
class Queue:
    key: str
    title: str
    count: int
    changelist_url: str
    rows: list = field(default_factory=list)


QUEUES = {
    "articles": ("Articles imported, not reviewed", "articles", "article", {"status": Article.Status.IMPORTED}),
    "candidates": ("Entity candidates", "entities", "candidate", {"status": Candidate.Status.OPEN}),
    "events": ("Event proposals", "entities", "event", {"status": Event.Status.PROPOSED}),
}


def waiting() -> dict[str, QuerySet]:
    """What each queue holds, oldest first."""
    evidence = EventEvidence.objects.filter(event=OuterRef("pk")).order_by().values("event").annotate(n=Count("*"))
    return {
        "articles": Article.objects.filter(status=Article.Status.IMPORTED)
        .select_related("source")
        .only("id", "title", "published_on", "published_precision", "created_at", "source__name")
        .order_by("created_at", "id"),
        "candidates": Candidate.objects.open().select_related("entity").order_by("created_at", "id"),
        "events": Event.objects.filter(status=Event.Status.PROPOSED)
        .annotate(evidence_count=Coalesce(Subquery(evidence.values("n")), 0))
        .order_by("created_at", "id"),
    }


def counts() -> dict[str, int]:
    """How many items wait in each queue (for the admin index)."""
    return {key: queryset.count() for key, queryset in waiting().items()}


def queues(*, rows: int = 25) -> list[Queue]:
    """Each queue with its count and its `rows` oldest items."""
    result = []
    for key, queryset in waiting().items():
        title, app_label, model_name, filters = QUEUES[key]
        url = changelist(app_label, model_name, **filters)
        result.append(Queue(key, title, queryset.count(), url, list(queryset[:rows])))
    return result
