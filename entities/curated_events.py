"""Curated timelines: a YAML file of events with participants and evidence, loaded idempotently.

`entities/data/seed_events.yaml` holds the events the seed articles report, written by reading
them. Each event is found again by its title, so a reload changes nothing; events loaded from a
file are confirmed, and a confirmed event's fields are never rewritten by a reload (curators may
have edited them): only missing participants and evidence are added.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.common.datafiles import DataFile, DataFileError
from archive.common.dates import UNKNOWN_DATE, PartialDate, partial_date
from archive.common.provenance import Origin
from archive.common.queries import one_or_none
from articles.models import Article
from entities.event_curation import absorb_proposals
from entities.event_records import create_event
from entities.models import Entity, Event, EventEvidence, EventFieldSource, EventParticipant

KNOWN_FIELDS = frozenset(
    {"title", "kind", "start", "end", "location", "summary", "participants", "evidence", "sources"}
)
# The keys of `sources:` (a note per field whose value comes from outside the articles) and the
# event's fields they annotate.
SOURCE_FIELDS = {"title": "title", "kind": "kind", "start": "start_date", "end": "end_date", "location": "location"}


class EventFileError(DataFileError):
    """The timeline cannot be loaded; the message names the file and the event, in one line."""


@dataclass(frozen=True)
class CuratedEvent:
    title: str
    kind: str
    start: PartialDate
    end: PartialDate
    location: str
    summary: str
    participants: tuple[tuple[str, str, str], ...]  # (entity name, role, source note)
    evidence: tuple[tuple[str, str], ...]  # (file name, sentence)
    sources: tuple[tuple[str, str], ...] = ()  # (event field, note): values from outside the articles


def _event(where: str, title: str, raw: dict[str, Any]) -> CuratedEvent:
    if raw.get("kind") not in Event.Kind.values:
        raise EventFileError(f"{where}: kind {raw.get('kind')!r} is not one of {', '.join(Event.Kind.values)}")
    start, end = _date(where, raw.get("start")), _date(where, raw.get("end"))
    if end.date and (not start.date or end.date < start.date):
        raise EventFileError(f"{where}: ends before it starts")
    participants = []
    for item in raw.get("participants") or []:
        if not isinstance(item, dict) or item.get("role") not in EventParticipant.Role.values:
            raise EventFileError(f"{where}: participant {item!r} needs an entity and a role")
        participants.append((str(item.get("entity")), item["role"], " ".join(str(item.get("source") or "").split())))
    evidence = []
    for item in raw.get("evidence") or []:
        if not isinstance(item, dict) or not item.get("file") or not item.get("sentence"):
            raise EventFileError(f"{where}: evidence {item!r} needs a file and a sentence")
        evidence.append((Path(str(item["file"])).name, str(item["sentence"])))
    sources = raw.get("sources") or {}
    if not isinstance(sources, dict) or set(sources) - set(SOURCE_FIELDS):
        raise EventFileError(f"{where}: sources must map some of {', '.join(SOURCE_FIELDS)} to a note")
    return CuratedEvent(
        sources=tuple((SOURCE_FIELDS[key], " ".join(str(note).split())[:300]) for key, note in sources.items()),
        title=title[:300],
        kind=raw["kind"],
        start=start,
        end=end,
        location=str(raw.get("location") or ""),
        summary=" ".join(str(raw.get("summary") or "").split()),
        participants=tuple(participants),
        evidence=tuple(evidence),
    )


def _date(where: str, value: Any) -> PartialDate:
    if value is None or value == "":
        return UNKNOWN_DATE
    found = partial_date(value, iso_only=True)
    if found is None:
        raise EventFileError(f"{where}: date {str(value)!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return found


@dataclass
class EventLoadReport:
    created: int = 0
    unchanged: int = 0
    participants_added: int = 0
    evidence_added: int = 0
    proposals_merged: int = 0

    def summary(self) -> str:
        return (
            f"{self.created} events created, {self.unchanged} already there; {self.participants_added} "
            f"participants and {self.evidence_added} pieces of evidence added; {self.proposals_merged} "
            "detected proposals of the same events merged in"
        )


def _unique_titles(path: Path, events: list[CuratedEvent]) -> None:
    titles = [event.title for event in events]
    duplicates = sorted({title for title in titles if titles.count(title) > 1})
    if duplicates:
        raise EventFileError(f"{path}: the title {duplicates[0]!r} is used twice")


def _load_event(path: Path, curated: CuratedEvent, report: EventLoadReport) -> None:
    """Create the event unless its title is known; add missing participants and evidence; fold in
    the detector's proposals of the same event (the file is the data's word, so no user acts)."""
    event = one_or_none(Event.objects.filter(title=curated.title))
    if event is None:
        event = create_event(
            title=curated.title,
            kind=curated.kind,
            start=curated.start,
            end=curated.end,
            location_id=_entity(path, curated, curated.location).pk if curated.location else None,
            summary=curated.summary,
            status=Event.Status.CONFIRMED,
            origin=Origin.DATA_FILE,
        )
        notes = dict(curated.sources)
        EventFieldSource.objects.bulk_create(
            EventFieldSource(event=event, field=name, origin=Origin.DATA_FILE, source_note=notes.get(name, ""))
            for name in EventFieldSource.Field.values
        )
        report.created += 1
    else:
        report.unchanged += 1
    for name, role, note in curated.participants:
        _, created = EventParticipant.objects.get_or_create(
            event=event, entity=_entity(path, curated, name), role=role,
            defaults={"origin": Origin.DATA_FILE, "source_note": note},
        )  # fmt: skip
        report.participants_added += created
    for file_name, sentence in curated.evidence:
        report.evidence_added += _add_evidence(path, curated, event, file_name, sentence)
    report.proposals_merged += absorb_proposals(event, acting_user=None)


def _entity(path: Path, curated: CuratedEvent, name: str) -> Entity:
    entity = one_or_none(Entity.objects.filter(name=name))
    if entity is None:
        entity = one_or_none(Entity.objects.filter(aliases__name=name))
    if entity is None:
        raise EventFileError(f"{path}: event {curated.title!r}: no entity named {name!r} (load the gazetteer first)")
    return entity


def _add_evidence(path: Path, curated: CuratedEvent, event: Event, file_name: str, sentence: str) -> int:
    article = one_or_none(Article.objects.filter(origin_name=file_name).only("id", "body"))
    if article is None:
        raise EventFileError(f"{path}: event {curated.title!r}: no article imported from {file_name}")
    start = article.body.find(sentence)
    if start == -1:
        raise EventFileError(f"{path}: event {curated.title!r}: the sentence is not in {file_name}: {sentence[:60]!r}")
    _, created = EventEvidence.objects.get_or_create(
        event=event,
        article=article,
        start_offset=start,
        defaults={"sentence": sentence, "end_offset": start + len(sentence), "origin": Origin.DATA_FILE},
    )
    return int(created)


# Every entity must exist (load the gazetteer first) and every evidence sentence must stand in its
# article's body (import the articles first): otherwise the whole file is refused.
TIMELINE = DataFile(app="entities", name="seed_events.yaml", items="events", noun="event", key="title",
                     fields=KNOWN_FIELDS, error=EventFileError, parse=_event, check=_unique_titles,
                     new_report=EventLoadReport, load_entry=_load_event)  # fmt: skip
read_events = TIMELINE.read
load_events = TIMELINE.load
