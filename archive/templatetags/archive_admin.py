"""Template tags for the archive's admin pages."""

from django import template
from simple_history.models import DeletedObject

from archive import review

register = template.Library()


@register.simple_tag
def review_counts() -> dict[str, int]:
    """How many articles, candidates and event proposals wait for review (three COUNT queries)."""
    return review.counts()


@register.filter
def event_dates(event: object) -> str:
    """An event's dates as precisely as they are known: "14–16 Jul 2023", "2013", "date unknown"."""
    return event.dates_text


@register.filter
def history_value(value: object) -> str:
    """A field's value in an object's history: "—" where it was empty (simple_history shows an empty
    foreign key as "Deleted … (pk=None)"), "a deleted X (id N)" where what it named is gone."""
    if isinstance(value, DeletedObject):
        return "—" if value.pk is None else f"a deleted {value.model._meta.verbose_name} (id {value.pk})"
    if value is None or value == "":
        return "—"
    return str(value)
