"""Mentions and event evidence stay on the text they quote when an article's title or body changes.

One way of moving them, whatever changed the text (a re-parse, a restored removal): paragraphs the
change left alone carry their spans along exactly; a span in a changed paragraph moves to the
nearest place its text still stands. An automatic mention that no longer fits is dropped (the next
extraction finds what is there now); a curated mention or an event's evidence whose text is gone
refuses the change with TextConflict, so no curator's work is lost.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from archive.common.history import Actor, delete_unrecorded
from articles.models import Article, Removal
from articles.signals import TextConflict
from entities.models import EventEvidence, Mention

PARAGRAPH_BREAK = "\n\n"
SPAN_FIELDS = ["start_offset", "end_offset", "updated_at"]


def follow_text(sender: type, *, article: Article, previous: Mapping[str, str], change: str,
                acting_user: Actor, reason: str, **kwargs: Any) -> None:  # fmt: skip
    """Receiver of articles.signals.text_changed."""
    move_spans(article, previous=previous, change=change, acting_user=acting_user, reason=reason)


def keep_curated_caption_mentions(sender: type, instance: Removal, **kwargs: Any) -> None:
    """pre_delete receiver: a photo caption (a removal) a curator confirmed or rejected a mention in
    is not deleted with it; the change that would delete it is refused (TextConflict)."""
    origin = kwargs.get("origin")
    if not isinstance(origin, Removal | QuerySet) or getattr(origin, "model", type(origin)) is not Removal:
        return  # deleted with its article: the mentions go too
    curated = Mention.objects.filter(caption=instance).exclude(status=Mention.Status.AUTOMATIC).first()
    if curated is not None:
        raise TextConflict(f"the {curated.status} mention {curated.text!r} is in a photo caption the change removes")


def move_spans(
    article: Article,
    *,
    previous: Mapping[str, str],
    change: str,
    acting_user: Actor,
    reason: str,
) -> None:
    """Move the article's spans in each field of `previous` (field name -> its old text) to where
    their text stands in the new one, recorded as `acting_user`'s for `reason`: curated mentions and
    evidence always; automatic mentions when a person made the change (with None, the machine moves
    its own rows unrecorded, as extraction does)."""
    now = timezone.now()
    dropped: list[int] = []
    automatic: list[Mention] = []  # moved by the machine: its own rows, not recorded
    recorded: list[Mention] = []  # curated ones, and any a person's change moves
    evidence: list[EventEvidence] = []
    for field, old_text in previous.items():
        new_text = getattr(article, field)
        exact = offset_map(old_text, new_text)
        taken: set[tuple[int, int]] = set()
        for mention in Mention.objects.filter(article=article, field=field).order_by("start_offset", "id"):
            is_automatic = mention.status == Mention.Status.AUTOMATIC
            skip = {start for entity, start in taken if entity == mention.entity_id}
            start = new_start(new_text, mention.text, mention.start_offset, exact, skip=skip, search=not is_automatic)
            if start is None and is_automatic:
                dropped.append(mention.pk)
                continue
            if start is None:
                raise TextConflict(
                    f"the {mention.status} mention {mention.text!r} is no longer in the {change} {field}"
                )
            taken.add((mention.entity_id, start))
            if start != mention.start_offset:
                mention.start_offset, mention.end_offset, mention.updated_at = start, start + len(mention.text), now
                (automatic if is_automatic and acting_user is None else recorded).append(mention)
        if field != "body":
            continue
        taken = set()
        for piece in EventEvidence.objects.filter(article=article).order_by("start_offset", "id"):
            skip = {start for event, start in taken if event == piece.event_id}
            start = new_start(new_text, piece.sentence, piece.start_offset, exact, skip=skip, search=True)
            if start is None:
                raise TextConflict(f"the evidence sentence {piece.sentence[:60]!r} is no longer in the {change} body")
            taken.add((piece.event_id, start))
            if start != piece.start_offset:
                piece.start_offset, piece.end_offset = start, start + len(piece.sentence)
                evidence.append(piece)
    delete_unrecorded(Mention.objects.filter(pk__in=dropped))
    Mention.objects.bulk_update(automatic, SPAN_FIELDS, batch_size=500)
    bulk_update_with_history(recorded, Mention, SPAN_FIELDS, batch_size=500,
                             default_user=acting_user, default_change_reason=reason)  # fmt: skip
    bulk_update_with_history(evidence, EventEvidence, ["start_offset", "end_offset"], batch_size=500,
                             default_user=acting_user, default_change_reason=reason)  # fmt: skip


def offset_map(old: str, new: str) -> Callable[[int, int], int | None]:
    """For a span [start, end) of `old` inside a paragraph that stands unchanged in `new`, its start
    in `new`; None for a span in a paragraph the change touched."""
    old_paragraphs, new_paragraphs = old.split(PARAGRAPH_BREAK), new.split(PARAGRAPH_BREAK)
    old_starts, new_starts = _starts(old_paragraphs), _starts(new_paragraphs)
    kept: list[tuple[int, int, int]] = []  # (old start, old end, new start) of each unchanged paragraph
    matcher = difflib.SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
    for old_index, new_index, size in matcher.get_matching_blocks():
        for step in range(size):
            start = old_starts[old_index + step]
            kept.append((start, start + len(old_paragraphs[old_index + step]), new_starts[new_index + step]))

    def mapped(start: int, end: int) -> int | None:
        for old_start, old_end, new_paragraph_start in kept:
            if old_start <= start and end <= old_end:
                return new_paragraph_start + start - old_start
        return None

    return mapped


def new_start(
    text: str, needle: str, old_start: int, exact: Callable[[int, int], int | None], *, skip: set[int], search: bool
) -> int | None:
    """Where a span quoting `needle`, at `old_start` in the old text, stands in `text`: carried by
    its unchanged paragraph, else (with `search`) its nearest whole-word occurrence."""
    carried = exact(old_start, old_start + len(needle))
    if carried is not None and text[carried : carried + len(needle)] == needle and carried not in skip:
        return carried
    if not search:
        return None
    return nearest_occurrence(text, needle, near=old_start if carried is None else carried, skip=skip)


def nearest_occurrence(text: str, needle: str, *, near: int, skip: set[int] = frozenset()) -> int | None:
    """Start of the whole-word occurrence of `needle` in `text` closest to offset `near`, if any,
    leaving out the starts in `skip` (taken by another span of the same kind)."""
    best = None
    start = text.find(needle)
    while start != -1:
        end = start + len(needle)
        whole = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        if whole and start not in skip and (best is None or abs(start - near) < abs(best - near)):
            best = start
        start = text.find(needle, start + 1)
    return best


def _starts(paragraphs: list[str]) -> list[int]:
    starts, position = [], 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph) + len(PARAGRAPH_BREAK)
    return starts
