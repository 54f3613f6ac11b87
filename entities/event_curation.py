"""A curator's writes on events: statuses, and merging the reports of one real-world event.

Recorded in the events' history as `acting_user`'s, with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from archive.common import history
from archive.common.history import Actor, deleting_as, recorded
from entities.detection import event_dates, events_sharing, participant_kinds
from entities.events import same_event
from entities.models import Event, EventEvidence, EventParticipant


def set_event_status(events: Iterable[Event], status: str, *, acting_user: Actor) -> int:
    """Confirm or reject events; decided events are never changed by detection again."""
    ids = [event.pk for event in events]
    return history.set_status(Event.objects.filter(pk__in=ids), status, acting_user=acting_user)


def absorb_proposals(event: Event, *, acting_user: Actor) -> int:
    """Merge the machine's proposals of the same real-world event into a curated one (their
    evidence only: the curator's participants stand): proposals that `same_event` matches, and
    those of the same kind, with a participant in common, drawn from an article the curated event
    cites. Returns how many were merged."""
    stored = {p.entity_id: p.entity.kind for p in event.participations.select_related("entity")}
    if event.location_id:
        stored[event.location_id] = event.location.kind
    proposals = events_sharing(event.kind, stored).filter(origin=Event.Origin.DETECTED, status=Event.Status.PROPOSED)
    reporting = set(event.evidence.values_list("article_id", flat=True))
    same = []
    for proposal in proposals.prefetch_related("evidence"):
        theirs = participant_kinds(proposal)
        if proposal.location_id:
            theirs[proposal.location_id] = ""
        # An article the curator cites for this event, proposing an event of the same kind with a
        # participant in common, reports this event: no need for dates to match.
        same_article = bool(reporting & {piece.article_id for piece in proposal.evidence.all()})
        if same_article or same_event(
            event.kind, event_dates(event), frozenset(stored), proposal.kind, event_dates(proposal),
            frozenset(theirs), kinds={**theirs, **stored},
        ):  # fmt: skip
            same.append(proposal)
    return merge_events(event, same, acting_user=acting_user, with_participants=False)


@transaction.atomic
def merge_events(
    survivor: Event, others: Iterable[Event], *, acting_user: Actor, with_participants: bool = True
) -> int:
    """Fold duplicate events into `survivor`: their evidence (and participants) move to it."""
    merged = 0
    for other in others:
        if other.pk == survivor.pk:
            continue
        reason = f"merged event {other.pk} ({other.title}) into event {survivor.pk}"
        cited = set(survivor.evidence.values_list("article_id", "start_offset"))
        evidence = [
            EventEvidence(
                event=survivor,
                article_id=piece.article_id,
                start_offset=piece.start_offset,
                end_offset=piece.end_offset,
                sentence=piece.sentence,
            )
            for piece in other.evidence.all()
            if (piece.article_id, piece.start_offset) not in cited
        ]
        bulk_create_with_history(evidence, EventEvidence, default_user=acting_user, default_change_reason=reason)
        if with_participants:
            roles = set(survivor.participations.values_list("entity_id", "role"))
            joining = [
                EventParticipant(event=survivor, entity_id=p.entity_id, role=p.role)
                for p in other.participations.all()
                if (p.entity_id, p.role) not in roles
            ]
            bulk_create_with_history(joining, EventParticipant, default_user=acting_user, default_change_reason=reason)
        with deleting_as(acting_user, reason):
            recorded(other, acting_user=acting_user, reason=reason).delete()
        merged += 1
    return merged
