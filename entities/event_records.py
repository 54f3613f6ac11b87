"""Writing a new event from a proposal or a curated file: its fields set from its dates, and its
ontology codes derived from its kind (taxonomy.codes_for, which the admin's event form uses too);
and who asserted which of its fields."""

from __future__ import annotations

from collections.abc import Iterable

from archive.common.dates import PartialDate
from archive.common.history import Actor, recorded
from archive.common.provenance import Origin
from entities.models import Event, EventFieldSource
from entities.taxonomy import codes_for

# The model fields each field source speaks for (a date's precision goes with its date).
SOURCED_FIELDS = {
    "title": "title", "kind": "kind", "cameo_code": "kind", "plover_type": "kind", "start_date": "start_date",
    "start_precision": "start_date", "end_date": "end_date", "end_precision": "end_date", "location": "location",
    "summary": "summary",
}  # fmt: skip


def curator_set_fields(event: Event, changed: Iterable[str], *, acting_user: Actor, note: str = "") -> int:
    """The fields a curator set (by model field name) are now the curator's: their source says so,
    and the phrase and article a machine had read them from no longer apply."""
    fields = sorted({SOURCED_FIELDS[name] for name in changed if name in SOURCED_FIELDS})
    for name in fields:
        source = EventFieldSource.objects.filter(event=event, field=name).first() or EventFieldSource(
            event=event, field=name
        )
        source.assert_as(Origin.CURATOR, acting_user=acting_user, note=note)
        source.phrase, source.article = "", None
        recorded(source, acting_user=acting_user, reason="set by a curator").save()
    return len(fields)


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
