"""Curators' writes on articles: edits that re-imports must respect, and undoing removals."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from archive.common import history
from archive.common.history import acting_user, recorded
from articles.cleaning import text_hash
from articles.importing import PARSED_FIELDS
from articles.models import Article, Removal
from entities.models import EventEvidence, Mention

PARAGRAPH_BREAK = "\n\n"


class CurationConflict(Exception):
    """The edit would break the archive's consistency; the message says why."""


def mark_curated(article: Article, field_names: Iterable[str]) -> None:
    """Remember that a curator set these fields, so `import --update` never overwrites them."""
    curated = sorted(set(article.curated_fields) | (set(field_names) & set(PARSED_FIELDS)))
    if curated != sorted(article.curated_fields):
        article.curated_fields = curated
        Article.objects.filter(pk=article.pk).update(curated_fields=curated)


def set_status(articles: QuerySet[Article], status: str, *, user: object | None = None) -> int:
    """Mark articles reviewed, rejected or back to imported, recorded in their history as `user`'s
    (or the signed-in user's); returns how many changed."""
    chosen = Article.objects.filter(pk__in=articles.values("pk")).defer("raw_text", "search_vector")
    return history.set_status(chosen, status, user=user, reason=f"marked {status}")


@transaction.atomic
def restore_removal(removal: Removal, *, user: object | None = None) -> Article:
    """Put removed text back into the body as a paragraph where it stood.

    Mentions, evidence and other removals after that point move with the text, and the body
    counts as curated from then on. Restoring twice changes nothing. The article's history, and
    that of the mentions and evidence moved, record it as `user`'s (by default the request's).
    """
    user = acting_user(user)
    removal = Removal.objects.select_for_update().get(pk=removal.pk)
    article = Article.objects.select_for_update().get(pk=removal.article_id)
    if removal.restored_at is not None:
        return article
    body = article.body
    at = paragraph_start_at_or_after(body, removal.body_offset)
    insertion = f"{PARAGRAPH_BREAK}{removal.text}" if at == len(body) else f"{removal.text}{PARAGRAPH_BREAK}"
    shift = len(insertion)
    reason = f"restored the text removed by {removal.rule}"
    for model, spans in (
        (Mention, Mention.objects.filter(article=article, field=Mention.Field.BODY, start_offset__gte=at)),
        (EventEvidence, EventEvidence.objects.filter(article=article, start_offset__gte=at)),
    ):
        moving = list(spans)
        for span in moving:
            span.start_offset, span.end_offset = span.start_offset + shift, span.end_offset + shift
        bulk_update_with_history(moving, model, ["start_offset", "end_offset"], batch_size=500,
                                 default_user=user, default_change_reason=reason)  # fmt: skip
    later_removals = Removal.objects.filter(article=article).exclude(pk=removal.pk)
    later_removals.filter(body_offset__gt=at).update(body_offset=F("body_offset") + shift)
    later_removals.filter(body_offset=at, pk__gt=removal.pk).update(body_offset=F("body_offset") + shift)

    article.body = body[:at] + insertion + body[at:]
    article.text_hash = text_hash(article.title, article.body)
    if Article.objects.filter(text_hash=article.text_hash).exclude(pk=article.pk).exists():
        raise CurationConflict("restoring this text would make the article identical to another one")
    article.curated_fields = sorted(set(article.curated_fields) | {"body"})
    recorded(article, user=user, reason=reason).save()
    removal.restored_at = timezone.now()
    removal.save(update_fields=["restored_at"])
    return article


def paragraph_start_at_or_after(body: str, offset: int) -> int:
    """The nearest paragraph boundary at or after `offset` (a curator may have edited the body)."""
    offset = max(0, min(offset, len(body)))
    if offset in (0, len(body)) or body[offset - len(PARAGRAPH_BREAK) : offset] == PARAGRAPH_BREAK:
        return offset
    boundary = body.find(PARAGRAPH_BREAK, offset)
    return len(body) if boundary == -1 else boundary + len(PARAGRAPH_BREAK)
