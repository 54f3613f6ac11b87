"""New articles saved a batch at a time, set-based, with the same rows the one-by-one save writes.

An input is first `prepare`d: parsed, cleaned, hashed and fingerprinted, from its text alone (the
import's worker processes do this). A batch of prepared inputs is then written in a fixed number of
statements whatever its size: one lookup of the batch's content and text hashes, one INSERT of its
articles, of their history rows, of their removals and of their fingerprints, and one
near-duplicate screening (duplicates.link_batch). Each input of the batch is judged as if the ones
before it had been saved one by one: a text repeated within the batch is a duplicate of the first,
and a copy within the batch links to the article it copies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

from articles.duplicates import NewArticle, link_batch
from articles.models import Article, Fingerprint, Removal
from articles.outcomes import Outcome
from articles.outlets import OutletIndex
from articles.parsing import ParsedArticle
from articles.preparing import UNSTORABLE_RULE, Prepared
from articles.sources import outlet_of, sources_by_key


@dataclass
class Saved:
    """What became of one prepared input: created (with its article and the ids of its stored
    captions, in caption order), already imported, or a duplicate of an article's text."""

    prepared: Prepared
    outcome: Outcome
    article: Article
    detail: str = ""
    caption_ids: tuple[int, ...] = ()


def save_batch(
    batch: list[Prepared],
    *,
    default_source: object,
    outlets: OutletIndex,
    reprepare: Callable[[Prepared], Prepared],
) -> list[Saved]:
    """Save the batch's new articles, in the caller's transaction (under the import lock); each input
    judged as if those before it had been saved one by one. `reprepare` parses an input again when
    the import found outlets after it was prepared, as the one-by-one import would have known them."""
    known = _stored_with_hashes(batch)
    by_content = {row.content_hash: row for row in known}
    by_text = {row.text_hash: row for row in known}
    known_sources = sources_by_key([prepared.parsed for prepared in batch])
    saved: list[Saved] = []
    for prepared in batch:
        if prepared.content_hash in by_content:
            saved.append(Saved(prepared, Outcome.UNCHANGED, by_content[prepared.content_hash]))
            continue
        if prepared.outlets_known < len(outlets):
            prepared = reprepare(prepared)
            by_text |= {row.text_hash: row for row in _stored_with_hashes([prepared])}
        same_text = by_text.get(prepared.text_hash)
        if same_text is not None:
            saved.append(Saved(prepared, Outcome.DUPLICATE, same_text))
            continue
        source = outlet_of(prepared.parsed, default=default_source, outlets=outlets, known=known_sources)
        article = Article(
            content_hash=prepared.content_hash,
            text_hash=prepared.text_hash,
            raw_text=prepared.item.raw_text,
            origin_name=prepared.item.origin_name[:500],
            source=source,
            **prepared.fields,
        )
        by_content[prepared.content_hash] = by_text[prepared.text_hash] = article
        saved.append(Saved(prepared, Outcome.CREATED, article))
    created = [entry for entry in saved if entry.outcome == Outcome.CREATED]
    if not created:
        return _described(saved)
    Article.objects.bulk_create([entry.article for entry in created])
    Article.history.bulk_history_create([entry.article for entry in created], default_change_reason=None)
    removals: list[tuple[Saved, list[Removal]]] = []
    for entry in created:
        rows = removal_rows(entry.article, entry.prepared.parsed, entry.prepared.item.removed_characters)
        removals.append((entry, rows))
    Removal.objects.bulk_create([row for _, rows in removals for row in rows])
    for entry, rows in removals:
        entry.caption_ids = tuple(rows[position].pk for position in entry.prepared.parsed.caption_positions())
    linked = link_batch(
        [NewArticle(entry.article, entry.prepared.shingles, entry.prepared.fingerprint) for entry in created]
    )
    _copy_fingerprints(created)
    copies = [entry.article for entry in created if entry.article.duplicate_of_id is not None]
    if copies:
        Article.objects.bulk_update(copies, ["duplicate_of"])
        Article.history.bulk_history_create(copies, update=True, default_change_reason=None)
    for entry in created:
        others = linked.get(entry.article.pk, [])
        if len(others) > 1:
            entry.detail = f"copy of article {entry.article.duplicate_of_id} (and {len(others) - 1} more)"
        elif others:
            entry.detail = f"copy of article {entry.article.duplicate_of_id}"
    return _described(saved)


def _copy_fingerprints(created: list[Saved]) -> None:
    """The new articles' fingerprints, by COPY with their arrays written as literals: through
    bulk_create each of an article's 160 array values was prepared on its own, which took a third of
    the writer's CPU."""
    table, columns = Fingerprint._meta.db_table, "article_id, signature, bands, shingle_count, published_on"
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for entry in created:
            print_ = entry.prepared.fingerprint
            copy.write_row((entry.article.pk, _array_literal(print_.signature), _array_literal(print_.bands),
                            print_.shingle_count, entry.article.published_on))  # fmt: skip


def _array_literal(values: list[int]) -> str:
    return "{" + ",".join(map(str, values)) + "}"


def removal_rows(article: Article, parsed: ParsedArticle, removed_characters: str) -> list[Removal]:
    """The removals of a new article: what the parser kept out, then what PostgreSQL could not store."""
    rows = [
        Removal(article=article, rule=r.rule, text=r.text, body_offset=r.body_offset, note=r.note[:300])
        for r in parsed.removals
    ]
    if removed_characters:
        note = "taken out before parsing: PostgreSQL cannot store them"
        rows.append(Removal(article=article, rule=UNSTORABLE_RULE, text=removed_characters, body_offset=0, note=note))
    return rows


def _stored_with_hashes(batch: list[Prepared]) -> list[Article]:
    """The stored articles with any of the batch's content or text hashes (one query)."""
    return list(
        Article.objects.filter(
            Q(content_hash__in={p.content_hash for p in batch}) | Q(text_hash__in={p.text_hash for p in batch})
        )
        .order_by()
        .only("id", "content_hash", "text_hash", "origin_name")
    )


def _described(saved: list[Saved]) -> list[Saved]:
    for entry in saved:
        if entry.outcome == Outcome.DUPLICATE:
            entry.detail = f"same text as article {entry.article.pk} ({entry.article.origin_name})"
    return saved
