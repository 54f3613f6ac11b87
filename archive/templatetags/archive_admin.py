"""Template tags for the archive's admin pages."""

from django import template

from archive import review
from archive.common.dates import format_date_range

register = template.Library()


@register.simple_tag
def review_counts() -> dict[str, int]:
    """How many articles, candidates and event proposals wait for review (three COUNT queries)."""
    return review.counts()


@register.filter
def event_dates(event: object) -> str:
    """An event's dates as precisely as they are known: "14–16 Jul 2023", "2013", "date unknown"."""
    return format_date_range(event.start_date, event.start_precision, event.end_date, event.end_precision)
