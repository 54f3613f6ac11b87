"""The article page curators read: the cleaned body with its entity mentions marked in place."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from entities.models import Mention


def marked_body(body: str, mentions: Iterable[Mention]) -> SafeString:
    """The body as HTML with each body mention wrapped in a <mark> that names its entity, kind and
    status and carries what the page needs to confirm, reject or open it.

    Text is escaped piece by piece between the offsets, so the offsets stay those of the stored
    body. A mention overlapping one already marked is left unmarked (it still lists below).
    """
    pieces: list[str] = []
    position = 0
    for mention in sorted(mentions, key=lambda mention: (mention.start_offset, -mention.end_offset)):
        if mention.field != Mention.Field.BODY or mention.start_offset < position or mention.end_offset > len(body):
            continue
        pieces.append(escape(body[position : mention.start_offset]))
        pieces.append(_mark(mention, body[mention.start_offset : mention.end_offset]))
        position = mention.end_offset
    pieces.append(escape(body[position:]))
    return mark_safe("".join(pieces))  # every piece is escaped or built by format_html


def _mark(mention: Mention, text: str) -> str:
    entity = mention.entity
    return format_html(
        '<mark class="mention kind-{kind} status-{status}" tabindex="0" data-mention="{id}" data-status="{status}" '
        'data-entity="{name}" data-entity-url="{entity_url}" data-status-url="{status_url}" '
        'title="{name} ({kind_label}), {status}">{text}</mark>',
        kind=entity.kind,
        kind_label=entity.get_kind_display().lower(),
        status=mention.status,
        id=mention.pk,
        name=entity.name,
        entity_url=reverse("admin:entities_entity_change", args=[entity.pk]),
        status_url=reverse("admin:entities_mention_set_status", args=[mention.pk]),
        text=text,
    )
