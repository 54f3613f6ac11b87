"""The event timeline: a server-rendered page for curators and readers, and its CSV and JSON exports.

All three read the same GET filters (participant, kind, date_from, date_to, status) through
TimelineFilterForm and list events oldest first, undated ones last.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django import forms
from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive.common.access import readable
from archive.common.dates import MONTH_NAMES, DatePrecision
from archive.common.streaming import csv_stream
from entities.models import Entity, Event, EventEvidence, EventParticipant
from entities.selectors import corroborate_events
from entities.serializers import CorroborationSerializer
from entities.taxonomy import ONTOLOGY

EXPORT_CHUNK_SIZE = 500
PARTICIPATION_FIELDS = ["id", "event_id", "role", "entity__id", "entity__name", "entity__slug"]
EVIDENCE_FIELDS = [
    "id", "event_id", "sentence", "start_offset", "end_offset", "status", "article__id", "article__title",
    "article__published_on", "article__published_precision", "article__duplicate_of_id", "article__source__id",
    "article__source__name",
]  # fmt: skip
CSV_COLUMNS = [
    "id", "title", "kind", "cameo_code", "plover_type", "status", "start_date", "start_precision",
    "end_date", "end_precision", "location", "participants", "summary", "evidence", "reports",
    "independent_reports", "outlets", "earliest_report", "latest_report", "disagreements",
]  # fmt: skip


class TimelineFilterForm(forms.Form):
    """The timeline's filters; every field is optional and a blank form shows every confirmed event."""

    STATUS_CHOICES = [
        (Event.Status.CONFIRMED, "Confirmed only"),
        (Event.Status.PROPOSED, "Confirmed and proposed"),
    ]

    participant = forms.ModelMultipleChoiceField(
        queryset=Entity.objects.none(),
        to_field_name="slug",
        required=False,
        help_text="Events in which any of them takes part",
    )
    kind = forms.MultipleChoiceField(choices=Event.Kind.choices, required=False, widget=forms.CheckboxSelectMultiple)
    date_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Only entities that take part in some event are worth offering.
        self.fields["participant"].queryset = Entity.objects.filter(
            Exists(EventParticipant.objects.filter(entity=OuterRef("pk")))
        ).only("id", "name", "slug")

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end of the range comes before its start.")
        return cleaned

    def events(self) -> QuerySet[Event]:
        """The events the (valid) filters select, ready to display or export."""
        data = self.cleaned_data
        return timeline_events(
            participants=data.get("participant") or (),
            kinds=data.get("kind") or (),
            start=data.get("date_from"),
            end=data.get("date_to"),
            include_proposed=data.get("status") == Event.Status.PROPOSED,
        )


def timeline_events(
    *,
    participants: Iterable[Entity] = (),
    kinds: Iterable[str] = (),
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    include_proposed: bool = False,
) -> QuerySet[Event]:
    """Confirmed (and optionally proposed) events, oldest first, with everything a card shows
    loaded in a fixed number of queries."""
    statuses = [Event.Status.CONFIRMED, Event.Status.PROPOSED] if include_proposed else [Event.Status.CONFIRMED]
    events = Event.objects.filter(status__in=statuses)
    participants, kinds = list(participants), list(kinds)
    if participants:
        events = events.involving(participants)
    if kinds:
        events = events.of_kind(kinds)
    participations = EventParticipant.objects.select_related("entity").only(*PARTICIPATION_FIELDS).order_by("id")
    evidence = (
        EventEvidence.objects.select_related("article__source")
        .only(*EVIDENCE_FIELDS)
        .order_by(F("article__published_on").asc(nulls_last=True), "article_id", "start_offset")
    )
    return (
        events.overlapping(start, end)
        .select_related("location")
        .prefetch_related(Prefetch("participations", queryset=participations), Prefetch("evidence", queryset=evidence))
        .order_by(F("start_date").asc(nulls_last=True), F("end_date").desc(nulls_last=True), "id")
    )


@dataclass
class TimelineEntry:
    event: Event
    dates: str
    codes: str  # the CAMEO and PLOVER codes, spelt out for a tooltip


@dataclass
class MonthGroup:
    label: str
    entries: list[TimelineEntry] = field(default_factory=list)


@dataclass
class YearGroup:
    label: str
    months: list[MonthGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(month.entries) for month in self.months)


def timeline_entry(event: Event) -> TimelineEntry:
    codes = ONTOLOGY.get(event.kind)
    label = f": {codes.cameo_label}" if codes and codes.cameo == event.cameo_code and codes.cameo_label else ""
    spelt_out = f"CAMEO {event.cameo_code or '–'}{label} · PLOVER {event.plover_type or '–'}"
    return TimelineEntry(event=event, dates=event.dates_text, codes=spelt_out)


def group_by_year_and_month(events: Iterable[Event]) -> list[YearGroup]:
    """Events (in date order) under their start year and month; a year-only date gets a
    "Month not known" group and undated events come under "Date unknown"."""
    years: list[YearGroup] = []
    for event in events:
        start, precision = event.start_date, event.start_precision
        if start is None or precision == DatePrecision.UNKNOWN:
            year_label, month_label = "Date unknown", ""
        else:
            year_label = str(start.year)
            month_label = "Month not known" if precision == DatePrecision.YEAR else MONTH_NAMES[start.month - 1]
        if not years or years[-1].label != year_label:
            years.append(YearGroup(label=year_label))
        months = years[-1].months
        if not months or months[-1].label != month_label:
            months.append(MonthGroup(label=month_label))
        months[-1].entries.append(timeline_entry(event))
    return years


def event_record(event: Event) -> dict[str, object]:
    """One event as the exports write it; participations and evidence must be prefetched."""
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "cameo_code": event.cameo_code,
        "plover_type": event.plover_type,
        "status": event.status,
        "start_date": event.start_date.isoformat() if event.start_date else None,
        "start_precision": event.start_precision,
        "end_date": event.end_date.isoformat() if event.end_date else None,
        "end_precision": event.end_precision,
        "location": event.location.name if event.location else None,
        "participants": [
            {"entity": participation.entity.slug, "name": participation.entity.name, "role": participation.role}
            for participation in event.participations.all()
        ],
        "summary": event.summary,
        "evidence": [
            {"article": evidence.article.id, "article_title": evidence.article.title, "sentence": evidence.sentence}
            for evidence in event.evidence.all()
        ],
        **CorroborationSerializer(event.corroboration).data,
    }


def csv_row(record: dict[str, object]) -> list[object]:
    flattened = {
        **record,
        "start_date": record["start_date"] or "",
        "end_date": record["end_date"] or "",
        "location": record["location"] or "",
        "participants": "; ".join(f"{person['name']} ({person['role']})" for person in record["participants"]),
        "evidence": " | ".join(f"{item['article']}: {item['sentence']}" for item in record["evidence"]),
        "outlets": "; ".join(record["outlets"]),
        "earliest_report": record["earliest_report"] or "",
        "latest_report": record["latest_report"] or "",
        "disagreements": "; ".join(
            f"{item['point']}: "
            + ", ".join(f"{said} ({' '.join(map(str, articles))})" for said, articles in item["values"].items())
            for item in record["disagreements"]
        ),
    }
    return [flattened[column] for column in CSV_COLUMNS]


def corroborated(events: QuerySet[Event]) -> Iterator[Event]:
    """The events, each with its corroboration, read a chunk at a time (a fixed number of queries per chunk)."""
    iterator = events.iterator(chunk_size=EXPORT_CHUNK_SIZE)
    while chunk := list(islice(iterator, EXPORT_CHUNK_SIZE)):
        corroborate_events(chunk)
        yield from chunk


def csv_lines(events: QuerySet[Event]) -> Iterator[str]:
    rows = (csv_row(event_record(event)) for event in corroborated(events))
    return csv_stream(CSV_COLUMNS, rows)


def json_chunks(events: QuerySet[Event]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for event in corroborated(events):
        yield separator + json.dumps(event_record(event), ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


@require_safe
@readable("entities.view_event")
def timeline(request: HttpRequest) -> HttpResponse:
    form = TimelineFilterForm(request.GET)
    events = list(form.events()) if form.is_valid() else []
    corroborate_events(events)
    years = group_by_year_and_month(events)
    context = {
        "form": form,
        "years": years,
        "event_count": sum(year.count for year in years),
        "query": request.GET.urlencode(),
        "kinds": Event.Kind,
    }
    return render(request, "archive/timeline.html", context)


def _export(
    request: HttpRequest, lines: Callable[[QuerySet[Event]], Iterator[str]], content_type: str, filename: str
) -> HttpResponse:
    form = TimelineFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(form.errors.as_text(), content_type="text/plain; charset=utf-8")
    response = StreamingHttpResponse(lines(form.events()), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@readable("entities.view_event")
def timeline_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, csv_lines, "text/csv; charset=utf-8", "timeline.csv")


@require_safe
@readable("entities.view_event")
def timeline_json(request: HttpRequest) -> HttpResponse:
    return _export(request, json_chunks, "application/json", "timeline.json")
