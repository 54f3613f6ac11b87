"""Writing a new event from a proposal or a curated file: its fields set from its dates, and its
ontology codes derived from its kind (taxonomy.codes_for, which the admin's event form uses too)."""

from __future__ import annotations

from archive.common.dates import PartialDate
from entities.models import Event
from entities.taxonomy import codes_for


def create_event(
    *,
    title: str,
    kind: str,
    start: PartialDate,
    end: PartialDate,
    location_id: int | None,
    summary: str,
    status: str,
    origin: str,
) -> Event:
    cameo, plover = codes_for(kind)
    return Event.objects.create(
        title=title,
        kind=kind,
        cameo_code=cameo,
        plover_type=plover,
        start_date=start.date,
        start_precision=start.precision,
        end_date=end.date,
        end_precision=end.precision,
        location_id=location_id,
        summary=summary,
        status=status,
        origin=origin,
    )
