"""Storing what the event detector proposes: one event per real-world event.

A proposal that matches a stored event (see events.same_event) becomes one more piece of evidence
for it; otherwise it is stored as a new proposed event. Detection is re-runnable: an article's
earlier automatic proposals are forgotten first, and events a curator confirmed or rejected are
never changed by it (a confirmed event may gain evidence; a rejected one is never proposed again).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet

from archive.common.dates import DatePrecision, DateRange
from archive.common.provenance import Origin
from articles.models import Article
from entities.event_records import create_event
from entities.events import (
    MentionRef,
    Proposal,
    date_allows_joining,
    propose_events,
    reports_event,
    roles_opposed,
    same_event,
)
from entities.models import Event, EventEvidence, EventFieldSource, EventParticipant, EvidenceRejection, Mention


@dataclass
class DetectionResult:
    articles: int = 0
    proposed: int = 0  # new proposed events
    evidence: int = 0  # evidence added to events already known

    def __iadd__(self, other: DetectionResult) -> DetectionResult:
        self.articles += other.articles
        self.proposed += other.proposed
        self.evidence += other.evidence
        return self

    def summary(self) -> str:
        return f"{self.articles} articles: {self.proposed} events proposed, {self.evidence} pieces of evidence added"


def mention_refs(article: Article) -> list[MentionRef]:
    """The article's live body mentions, as the detector reads them."""
    rows = (
        Mention.objects.live()
        .filter(article=article, field=Mention.Field.BODY)
        .values_list("start_offset", "end_offset", "entity_id", "entity__kind", "entity__name")
    )
    return [MentionRef(*row) for row in rows]


def publication_day(article: Article) -> object:
    """Relative dates ("last week", "on Monday") resolve only against a publication day."""
    return article.published_on if article.published_precision == DatePrecision.DAY else None


def detect_events(article: Article, *, created: bool = False) -> DetectionResult:
    """Propose the events the article reports, merging them with the events already known.

    Re-runnable: a proposal found again keeps its event, and the article's evidence for machine
    proposals it no longer makes is dropped (with such events, once no evidence is left). An
    article just `created` has no evidence of an earlier run to drop."""
    refs = mention_refs(article)
    proposals = propose_events(article.body, refs, publication_day(article)) if refs else []
    return record_proposals(article, proposals, kinds={ref.entity: ref.kind for ref in refs}, created=created)


def record_proposals(
    article: Article, proposals: list[Proposal], *, kinds: dict[object, str], created: bool = True
) -> DetectionResult:
    """Store the article's proposals (see detect_events), each joining the event it reports again or
    becoming a new one; `kinds` are the kinds of the entities the article mentions."""
    result = DetectionResult(articles=1)
    kept: set[int] = set()
    published = publication_day(article)
    for proposal in proposals:
        event = matching_event(proposal, kinds=kinds, undated_article=published is None)
        if event is None:
            event = store_proposal(article, proposal)
            result.proposed += 1
        elif event.status != Event.Status.REJECTED:
            result.evidence += add_evidence(event, article, proposal)
        kept.add(event.pk)
    if not created:
        forget_proposals(article, keep=kept)
    return result


def forget_proposals(article: Article, *, keep: set[int]) -> None:
    """Drop the article's evidence for machine proposals it no longer makes, and those events
    when no evidence is left, and the machine's unreviewed evidence of confirmed events that it no
    longer finds; what a curator decided or accepted stays."""
    rows = EventEvidence.objects.filter(article=article).values_list(
        "id", "event_id", "event__origin", "event__status", "origin", "status"
    )
    stale = [
        (evidence_id, event_id)
        for evidence_id, event_id, event_origin, event_status, origin, status in rows
        if event_id not in keep
        and (
            (event_origin == Origin.DETECTOR and event_status == Event.Status.PROPOSED)
            or (origin == Origin.DETECTOR and status == EventEvidence.Status.PENDING)
        )
    ]
    if not stale:
        return
    EventEvidence.objects.filter(pk__in=[evidence_id for evidence_id, _ in stale]).delete()
    touched = {event_id for _, event_id in stale}
    Event.objects.filter(pk__in=touched, origin=Origin.DETECTOR, status=Event.Status.PROPOSED).annotate(
        pieces=Count("evidence")
    ).filter(pieces=0).delete()


def matching_event(proposal: Proposal, *, kinds: dict[object, str], undated_article: bool = False) -> Event | None:
    """The stored event the proposal reports again, if any (rejected ones included, so that a
    rejected event is not proposed anew). A confirmed event takes a sentence only when it reports it
    (`reports_event`: each side named in its role, dates that meet), and never an undated one when it
    has a date: that sentence is a proposal of its own, for a curator to decide. Nor does any dated
    event take an undated sentence of an article without a publication day."""
    entities = proposal.entities
    for event in events_sharing(proposal.kind, entities).order_by("id"):
        taking_part = participant_kinds(event)
        confirmed = event.status == Event.Status.CONFIRMED
        if not date_allows_joining(
            proposal.date, event.start_date, confirmed=confirmed, undated_article=undated_article
        ):
            continue
        if confirmed:
            roles = participant_roles(event)
            if reports_event(
                proposal, event.kind, event_dates(event), roles, event.location_id, kinds={**kinds, **taking_part}
            ):
                return event
            continue
        if roles_opposed(proposal.kind, dict(proposal.participants), participant_roles(event)):
            continue
        stored = set(taking_part) | ({event.location_id} if event.location_id else set())
        if same_event(proposal.kind, proposal.date, entities, event.kind, event_dates(event), frozenset(stored),
                      kinds={**kinds, **taking_part}):  # fmt: skip
            return event
    return None


def events_sharing(kind: str, entities: Iterable[object]) -> QuerySet[Event]:
    """Events of `kind` in which one of `entities` takes part or is the place, participants loaded."""
    entities = list(entities)
    return (
        Event.objects.filter(kind=kind)
        .filter(Q(participations__entity__in=entities) | Q(location__in=entities))
        .distinct()
        .prefetch_related(Prefetch("participations", queryset=EventParticipant.objects.select_related("entity")))
    )


def participant_kinds(event: Event) -> dict[int, str]:
    """Each participant's entity and its kind (from prefetched participations)."""
    return {p.entity_id: p.entity.kind for p in event.participations.all()}


def participant_roles(event: Event) -> dict[int, set[str]]:
    """Each participant's entity and the roles it takes (from prefetched participations)."""
    roles: dict[int, set[str]] = {}
    for participation in event.participations.all():
        roles.setdefault(participation.entity_id, set()).add(participation.role)
    return roles


def event_dates(event: Event) -> DateRange:
    return DateRange(event.start_date, event.end_date, event.start_precision)


def store_proposal(article: Article, proposal: Proposal) -> Event:
    """A new proposed event, each field saying it was read from this article (the date from which words)."""
    event = create_event(
        title=proposal.title,
        kind=proposal.kind,
        start=proposal.date.first,
        end=proposal.date.last,
        location_id=proposal.location,
        summary=proposal.sentence[:2000],
        status=Event.Status.PROPOSED,
        origin=Origin.DETECTOR,
    )
    EventFieldSource.objects.bulk_create(
        EventFieldSource(event=event, field=name, origin=Origin.DETECTOR, article=article, phrase=phrase[:200])
        for name, phrase in (
            ("title", proposal.trigger), ("kind", proposal.trigger), ("summary", ""), *date_phrases(proposal).items(),
            ("location", proposal.names.get(proposal.location, "")),
        )
    )  # fmt: skip
    add_evidence(event, article, proposal)
    return event


def date_phrases(proposal: Proposal) -> dict[str, str]:
    """The words each of the proposal's date fields was read from (an end only when the text gives one)."""
    return {"start_date": proposal.date.text, "end_date": proposal.date.text if proposal.date.end else ""}


def date_from(event: Event, article: Article, proposal: Proposal) -> None:
    """An undated machine proposal takes the date another report of it gives, saying which words of which article."""
    first, last = proposal.date.first, proposal.date.last
    event.start_date, event.start_precision = first.date, first.precision
    event.end_date, event.end_precision = last.date, last.precision
    event.save(update_fields=["start_date", "start_precision", "end_date", "end_precision", "updated_at"])
    for field, phrase in date_phrases(proposal).items():
        EventFieldSource.objects.update_or_create(
            event=event, field=field,
            defaults={"origin": Origin.DETECTOR, "article": article, "phrase": phrase[:200], "asserted_by": None},
        )  # fmt: skip


def add_evidence(event: Event, article: Article, proposal: Proposal) -> int:
    """Link the proposal's sentence to the event; a machine proposal also gains new participants.
    A confirmed event's new evidence waits for a curator's review, and a sentence a curator rejected
    as evidence of it is never linked again."""
    confirmed = event.status == Event.Status.CONFIRMED
    if (
        confirmed
        and EvidenceRejection.objects.filter(event=event, article=article, start_offset=proposal.start).exists()
    ):
        return 0
    _, created = EventEvidence.objects.get_or_create(
        event=event,
        article=article,
        start_offset=proposal.start,
        defaults={
            "sentence": proposal.sentence, "end_offset": proposal.end, "origin": Origin.DETECTOR,
            "status": EventEvidence.Status.PENDING if confirmed else EventEvidence.Status.ACCEPTED,
        },
    )  # fmt: skip
    if event.origin == Origin.DETECTOR and event.status == Event.Status.PROPOSED:
        if event.start_date is None and proposal.date.start is not None:
            date_from(event, article, proposal)
        EventParticipant.objects.bulk_create(
            [
                EventParticipant(event=event, entity_id=entity, role=role, origin=Origin.DETECTOR)
                for entity, role in proposal.participants
            ],
            ignore_conflicts=True,
        )
    return int(created)


def detect_for_articles(
    articles: QuerySet[Article], *, on_article: Callable[[DetectionResult], None] | None = None
) -> DetectionResult:
    """Detect events in many articles, each in its own transaction."""
    total = DetectionResult()
    fields = ("id", "body", "published_on", "published_precision")
    for article in articles.only(*fields).order_by("published_on", "pk").iterator(chunk_size=200):
        with transaction.atomic():
            result = detect_events(article)
        total += result
        if on_article:
            on_article(result)
    return total
