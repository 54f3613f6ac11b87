"""Template tags for the archive's admin pages."""

from django import template

from archive import review

register = template.Library()


@register.simple_tag
def review_counts() -> dict[str, int]:
    """How many articles, candidates and event proposals wait for review (three COUNT queries)."""
    return review.counts()
