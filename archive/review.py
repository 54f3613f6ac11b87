"""The review queue: what the machine did that no person has looked at yet, oldest first.

Five queues (imported articles, open entity candidates, proposed events, evidence the machine added
to confirmed events, each sentence beside the event it would support and flagged where its date
disagrees, and proposals that contradict a confirmed event, each report beside that event), each a
count and its oldest rows; a fixed number of queries whatever the size of the archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from archive.common.admin import changelist
from archive.common.dates import format_date_range
from articles.models import Article
from entities.detection import event_dates, publication_day
from entities.event_conflicts import conflicts
from entities.models import Candidate, Event, EventEvidence, EventParticipant
from entities.temporal import resolve_date


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
    "evidence": ("Evidence the machine added to confirmed events", "entities", "eventevidence",
                 {"status": EventEvidence.Status.PENDING}),
}  # fmt: skip
CONFLICTS = "Reports that contradict a confirmed event"


@dataclass
class Contradiction:
    """A proposal beside the confirmed event it contradicts, with the sentence that says so."""

    proposal: Event
    event: Event
    reason: str  # "actor" or "date"
    evidence: EventEvidence | None

    @property
    def proposal_actors(self) -> str:
        return _actors(self.proposal)

    @property
    def event_actors(self) -> str:
        return _actors(self.event)


def _actors(event: Event) -> str:
    return ", ".join(p.entity.name for p in event.participations.all() if p.role == "actor") or "no one named"


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
        "evidence": EventEvidence.objects.filter(status=EventEvidence.Status.PENDING)
        .select_related("event__location", "article__source")
        .only(
            "id", "sentence", "created_at", "event__id", "event__title", "event__kind", "event__start_date",
            "event__start_precision", "event__end_date", "event__end_precision", "event__location__name",
            "article__id", "article__title", "article__published_on", "article__published_precision",
            "article__source__name",
        )
        .order_by("created_at", "id"),
    }  # fmt: skip


def counts() -> dict[str, int]:
    """How many items wait in each queue (for the admin index)."""
    return {key: queryset.count() for key, queryset in waiting().items()} | {"conflicts": conflicts(limit=0)[0]}


def queues(*, rows: int = 25) -> list[Queue]:
    """Each queue with its count and its `rows` oldest items."""
    result = []
    for key, queryset in waiting().items():
        title, app_label, model_name, filters = QUEUES[key]
        url = changelist(app_label, model_name, **filters)
        result.append(Queue(key, title, queryset.count(), url, list(queryset[:rows])))
    for piece in next(queue for queue in result if queue.key == "evidence").rows:
        piece.date_said = said_date(piece)
    count, found = conflicts(limit=rows)  # no admin list selects them: the queue lists the oldest
    result.append(Queue("conflicts", CONFLICTS, count, "", contradictions(found)))
    return result


def contradictions(found: list) -> list[Contradiction]:
    """The proposals and confirmed events of `found` with their participants, and each proposal's
    first sentence: five queries however many rows."""
    participants = Prefetch("participations", queryset=EventParticipant.objects.select_related("entity"))
    evidence = Prefetch(
        "evidence", queryset=EventEvidence.objects.select_related("article__source").order_by("created_at", "id")
    )
    events = Event.objects.select_related("location").prefetch_related(participants)
    proposals = events.prefetch_related(evidence).in_bulk({conflict.proposal_id for conflict in found})
    confirmed = events.in_bulk({conflict.event_id for conflict in found})
    return [
        Contradiction(
            proposal := proposals[conflict.proposal_id],
            confirmed[conflict.event_id],
            conflict.reason,
            next(iter(proposal.evidence.all()), None),
        )
        for conflict in found
    ]


def said_date(piece: EventEvidence) -> tuple[str, bool]:
    """The date the sentence gives (resolved against its article) and whether it contradicts the event's."""
    said = resolve_date(piece.sentence, publication_day(piece.article))
    if said.start is None:
        return "", False
    text = format_date_range(said.start, said.precision, said.end, said.precision if said.end else "unknown")
    return text, said.contradicts(event_dates(piece.event))
