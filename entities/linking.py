"""Writes that keep entity mentions and event evidence attached to the text they quote."""

from __future__ import annotations

from articles.models import Article
from entities.models import EventEvidence, Mention


class SpanConflict(Exception):
    """A curated span no longer exists in a changed body; the message says which, in one line."""


def reanchor_spans(article: Article, *, old_body: str) -> None:
    """After the body changed: drop automatic mentions (extraction recreates them) and move
    curated mentions and event evidence to where their text now stands.

    A curator's confirmed or rejected mention, or an event's evidence, whose text is gone from the
    new body raises SpanConflict: the caller must not save a body that loses curated work.
    """
    Mention.objects.filter(article=article, status=Mention.Status.AUTOMATIC).delete()
    for mention in Mention.objects.filter(article=article):
        start = nearest_occurrence(article.body, mention.text, near=mention.start_offset)
        if start is None:
            raise SpanConflict(f"the {mention.status} mention {mention.text!r} is no longer in the re-parsed body")
        mention.start_offset, mention.end_offset = start, start + len(mention.text)
        mention.save(update_fields=["start_offset", "end_offset", "updated_at"])
    for evidence in EventEvidence.objects.filter(article=article):
        start = nearest_occurrence(article.body, evidence.sentence, near=evidence.start_offset)
        if start is None:
            raise SpanConflict(f"the evidence sentence {evidence.sentence[:60]!r} is no longer in the re-parsed body")
        evidence.start_offset, evidence.end_offset = start, start + len(evidence.sentence)
        evidence.save(update_fields=["start_offset", "end_offset"])


def nearest_occurrence(text: str, needle: str, *, near: int) -> int | None:
    """Start of the occurrence of `needle` in `text` closest to offset `near`, if any."""
    best = None
    start = text.find(needle)
    while start != -1:
        if best is None or abs(start - near) < abs(best - near):
            best = start
        start = text.find(needle, start + 1)
    return best
