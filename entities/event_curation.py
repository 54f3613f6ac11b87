"""A curator's writes on events: statuses, and merging the reports of one real-world event.

Recorded in the events' history as `acting_user`'s, with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import prefetch_related_objects
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from archive.common import history
from archive.common.history import Actor, deleting_as, recorded
from archive.common.provenance import Origin
from entities.detection import (
    event_dates,
    events_sharing,
    mention_refs,
    participant_kinds,
    participant_roles,
    publication_day,
)
from entities.events import Proposal, date_allows_joining, propose_events, reports_event
from entities.models import Event, EventEvidence, EventParticipant, EvidenceRejection


def set_event_status(events: Iterable[Event], status: str, *, acting_user: Actor) -> int:
    """Confirm or reject events; decided events are never changed by detection again."""
    ids = [event.pk for event in events]
    return history.set_status(Event.objects.filter(pk__in=ids), status, acting_user=acting_user)


def absorb_proposals(event: Event, *, acting_user: Actor) -> int:
    """Move into a curated event each piece of the machine's proposals whose sentence reports it: a sentence the
    event already cites (found again by the detector), or one that `reports_event` accepts. A proposal left with
    no evidence is deleted; one that keeps some stays proposed, in the review queue. Returns how many proposals
    were emptied into the event."""
    prefetch_related_objects([event], "participations__entity")
    kinds = participant_kinds(event)
    if event.location_id:
        kinds[event.location_id] = event.location.kind
    roles = participant_roles(event)
    proposals = events_sharing(event.kind, kinds).filter(origin=Origin.DETECTOR, status=Event.Status.PROPOSED)
    cited = list(event.evidence.values_list("article_id", "start_offset", "end_offset"))
    rejected = set(event.rejected_evidence.values_list("article_id", "start_offset"))
    waits = EventEvidence.Status.PENDING if event.status == Event.Status.CONFIRMED else EventEvidence.Status.ACCEPTED
    read_again: dict[int, list[Proposal]] = {}
    emptied = 0
    for proposal in proposals.prefetch_related("evidence__article"):
        pieces = list(proposal.evidence.all())
        cited_already = [_overlaps(piece, cited) for piece in pieces]
        moving = [
            (piece, already)
            for piece, already in zip(pieces, cited_already, strict=True)
            if already
            or (
                (piece.article_id, piece.start_offset) not in rejected
                and _reports(piece, proposal.kind, event, roles, kinds, read_again)
            )
        ]
        if not moving:
            continue
        reason = f"evidence of event {proposal.pk} ({proposal.title}) that reports event {event.pk}"
        new = [
            EventEvidence(event=event, article_id=piece.article_id, start_offset=piece.start_offset,
                          end_offset=piece.end_offset, sentence=piece.sentence, **piece.provenance(),
                          status=waits if piece.origin != Origin.CURATOR else EventEvidence.Status.ACCEPTED)
            for piece, already in moving
            if not already
        ]  # fmt: skip
        bulk_create_with_history(new, EventEvidence, default_user=acting_user, default_change_reason=reason)
        cited += [(piece.article_id, piece.start_offset, piece.end_offset) for piece in new]
        with deleting_as(acting_user, reason):
            if len(moving) == len(pieces):
                recorded(proposal, acting_user=acting_user, reason=reason).delete()
                emptied += 1
            else:
                EventEvidence.objects.filter(pk__in=[piece.pk for piece, _ in moving]).delete()
    return emptied


def _overlaps(piece: EventEvidence, cited: list[tuple[int, int, int]]) -> bool:
    """The same sentence as one the event cites, whatever its dateline: spans of one article that overlap."""
    return any(
        article == piece.article_id and start < piece.end_offset and piece.start_offset < end
        for article, start, end in cited
    )


def _reports(
    piece: EventEvidence,
    kind: str,
    event: Event,
    roles: dict[int, set[str]],
    kinds: dict[int, str],
    read_again: dict[int, list[Proposal]],
) -> bool:
    """Whether the sentence behind a piece of a proposal's evidence reports the curated event: the detector reads
    its article again (once per article) and `reports_event` judges the proposal it makes there."""
    article = piece.article
    if article.pk not in read_again:
        read_again[article.pk] = propose_events(article.body, mention_refs(article), publication_day(article))
    again = next((p for p in read_again[article.pk] if p.kind == kind and p.start == piece.start_offset), None)
    if again is None or not date_allows_joining(again.date, event.start_date, confirmed=True, undated_article=False):
        return False  # a curated event, as a confirmed one in detection
    return reports_event(again, event.kind, event_dates(event), roles, event.location_id,
                                               kinds=kinds)  # fmt: skip


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
                **piece.provenance(),
            )
            for piece in other.evidence.all()
            if (piece.article_id, piece.start_offset) not in cited
        ]
        bulk_create_with_history(evidence, EventEvidence, default_user=acting_user, default_change_reason=reason)
        if with_participants:
            roles = set(survivor.participations.values_list("entity_id", "role"))
            joining = [
                EventParticipant(event=survivor, entity_id=p.entity_id, role=p.role, **p.provenance())
                for p in other.participations.all()
                if (p.entity_id, p.role) not in roles
            ]
            bulk_create_with_history(joining, EventParticipant, default_user=acting_user, default_change_reason=reason)
        with deleting_as(acting_user, reason):
            recorded(other, acting_user=acting_user, reason=reason).delete()
        merged += 1
    return merged


@transaction.atomic
def review_evidence(pieces: Iterable[EventEvidence], *, accept: bool, acting_user: Actor, reason: str = "") -> int:
    """A curator's decision on evidence the machine added to confirmed events: accepted, it stands (and
    is the curator's word too); rejected, it is removed and remembered, so detection never links that
    sentence to that event again. Returns how many pieces were decided."""
    pieces = [piece for piece in pieces if piece.status == EventEvidence.Status.PENDING]
    if accept:
        for piece in pieces:
            piece.status = EventEvidence.Status.ACCEPTED
        bulk_update_with_history(pieces, EventEvidence, ["status"], default_user=acting_user,
                                 default_change_reason=reason or "accepted as evidence")  # fmt: skip
        return len(pieces)
    bulk_create_with_history(
        [
            EvidenceRejection(event_id=piece.event_id, article_id=piece.article_id, start_offset=piece.start_offset,
                              end_offset=piece.end_offset, sentence=piece.sentence, reason=reason,
                              rejected_by=acting_user)
            for piece in pieces
        ],
        EvidenceRejection,
        default_user=acting_user,
        default_change_reason=reason or "rejected as evidence",
        ignore_conflicts=True,
    )  # fmt: skip
    for piece in pieces:
        recorded(piece, acting_user=acting_user, reason=reason or "rejected as evidence").delete()
    return len(pieces)
