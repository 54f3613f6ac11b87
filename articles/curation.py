"""Curators' writes on articles: edits that re-imports must respect, and undoing removals."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from archive.common import history
from archive.common.history import Actor, recorded
from articles.cleaning import text_hash
from articles.importing import PARSED_FIELDS, UNSTORABLE_RULE
from articles.models import Article, Removal
from articles.signals import TextConflict, text_changed

PARAGRAPH_BREAK = "\n\n"


class CurationConflict(Exception):
    """The edit would break the archive's consistency; the message says why."""


def mark_curated(article: Article, field_names: Iterable[str]) -> None:
    """Remember that a curator set these fields, so `import --update` never overwrites them."""
    curated = sorted(set(article.curated_fields) | (set(field_names) & set(PARSED_FIELDS)))
    if curated != sorted(article.curated_fields):
        article.curated_fields = curated
        Article.objects.filter(pk=article.pk).update(curated_fields=curated)


def set_status(articles: QuerySet[Article], status: str, *, acting_user: Actor) -> int:
    """Mark articles reviewed, rejected or back to imported, recorded in their history as
    `acting_user`'s; returns how many changed."""
    chosen = Article.objects.filter(pk__in=articles.values("pk")).defer("raw_text", "search_vector")
    return history.set_status(chosen, status, acting_user=acting_user, reason=f"marked {status}")


@transaction.atomic
def restore_removal(removal: Removal, *, acting_user: Actor) -> Article:
    """Put removed text back into the body as a paragraph where it stood.

    Later removals move with the text, and so does whatever is anchored in the body (text_changed);
    the body counts as curated from then on. Restoring twice changes nothing. The article's history,
    and that of what moved, record it as `acting_user`'s.
    """
    removal = Removal.objects.select_for_update().get(pk=removal.pk)
    article = Article.objects.select_for_update().get(pk=removal.article_id)
    if removal.restored_at is not None:
        return article
    if removal.rule == UNSTORABLE_RULE:
        raise CurationConflict("these characters were taken out because PostgreSQL cannot store them")
    body = article.body
    at = paragraph_start_at_or_after(body, removal.body_offset)
    insertion = f"{PARAGRAPH_BREAK}{removal.text}" if at == len(body) else f"{removal.text}{PARAGRAPH_BREAK}"
    shift = len(insertion)
    reason = f"restored the text removed by {removal.rule}"
    later_removals = Removal.objects.filter(article=article).exclude(pk=removal.pk)
    later_removals.filter(body_offset__gt=at).update(body_offset=F("body_offset") + shift)
    later_removals.filter(body_offset=at, pk__gt=removal.pk).update(body_offset=F("body_offset") + shift)

    article.body = body[:at] + insertion + body[at:]
    article.text_hash = text_hash(article.title, article.body)
    if Article.objects.filter(text_hash=article.text_hash).exclude(pk=article.pk).exists():
        raise CurationConflict("restoring this text would make the article identical to another one")
    article.curated_fields = sorted(set(article.curated_fields) | {"body"})
    recorded(article, acting_user=acting_user, reason=reason).save()
    try:
        text_changed.send(Article, article=article, previous={"body": body}, change="restored",
                          acting_user=acting_user, reason=reason)  # fmt: skip
    except TextConflict as exc:
        raise CurationConflict(str(exc)) from exc
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
