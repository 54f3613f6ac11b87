"""Storing what extraction finds: mentions and candidate names, in bulk, incrementally.

The matcher (extraction.py) is pure; this module builds it from the database and brings articles'
automatic mentions and candidates in line with what it finds, in a fixed number of queries per
batch. These rows are the machine's, remade by every extraction: none of it is recorded in history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from archive.common.history import delete_unrecorded
from archive.common.queries import idempotent_batches
from articles.models import CAPTION_RULE, Article, Removal
from entities.expressions import fold_like_database
from entities.extraction import AliasSpec, CandidateSpan, Found, Matcher
from entities.models import Alias, Candidate, CandidateOccurrence, Distinction, Entity, Mention


def matcher_from_database() -> Matcher:
    """A matcher over every entity's name and aliases as they are now."""
    specs = [
        AliasSpec(entity_id, name, kind)
        for entity_id, name, kind in Entity.objects.order_by().values_list("id", "name", "kind")
    ]
    specs += [
        AliasSpec(entity_id, name, kind, case_sensitive)
        for entity_id, name, kind, case_sensitive in Alias.objects.order_by().values_list(
            "entity_id", "name", "entity__kind", "case_sensitive"
        )
    ]
    return Matcher(specs)


@dataclass
class ExtractionResult:
    """What one extraction changed in an article's mentions and candidates."""

    articles: int = 1
    created: int = 0
    deleted: int = 0
    kept: int = 0
    candidates: int = 0

    def __iadd__(self, other: ExtractionResult) -> ExtractionResult:
        self.articles += other.articles
        self.created += other.created
        self.deleted += other.deleted
        self.kept += other.kept
        self.candidates += other.candidates
        return self


def extract_article(article: Article, *, matcher: Matcher) -> ExtractionResult:
    """Bring one article's mentions and candidates in line with the gazetteer (see extract_batch)."""
    return extract_batch([article], matcher=matcher)


Place = tuple[str, "int | None"]  # the field a mention's offsets point into, and the caption's id for a caption


def extract_batch(articles: list[Article], *, matcher: Matcher, created: bool = False) -> ExtractionResult:
    """Bring the articles' automatic mentions (in the body, the title, the summary and each photo
    caption) and their candidate names in line with the gazetteer, in a fixed number of queries
    whatever the number of articles.

    Incremental: mentions still found stay as they are (same ids), those no longer found go, new
    ones are added. Mentions a curator confirmed or rejected are never touched, and nothing is
    added where they stand. None of this is recorded in mention history: these rows are the
    machine's, remade by every extraction. Articles just `created` have no mentions or candidates
    yet: nothing is read or deleted for them.
    """
    ids = [article.pk for article in articles]
    existing: dict[int, list[Mention]] = {pk: [] for pk in ids}
    stored = Mention.objects.none() if created else Mention.objects.filter(article__in=ids)
    for mention in stored.order_by().only(
        "id", "article_id", "field", "caption_id", "entity_id", "start_offset", "end_offset", "status"
    ):
        existing[mention.article_id].append(mention)
    captions: dict[int, list[tuple[int, str]]] = {pk: [] for pk in ids}
    for removal_id, article_id, text in (
        Removal.objects.filter(article__in=ids, rule=CAPTION_RULE, restored_at__isnull=True)
        .order_by("body_offset", "id")
        .values_list("id", "article_id", "text")
    ):
        captions[article_id].append((removal_id, text))

    result = ExtractionResult(articles=len(articles))
    stale: list[int] = []
    new: list[Mention] = []
    names: list[tuple[Article, str, str, list[CandidateSpan]]] = []
    for article in articles:
        texts = places_of(
            title=article.title, summary=article.summary, body=article.body, captions=captions[article.pk]
        )
        found, candidates = read_places(texts, matcher)
        gone, added, kept = mention_changes(article, found, existing[article.pk])
        stale += gone
        new += added
        result.deleted += len(gone)
        result.created += len(added)
        result.kept += kept
        names += [(article, field, text, spans) for field, text, spans in candidates]
    if stale:
        delete_unrecorded(Mention.objects.filter(pk__in=stale))
    copy_mentions(new)
    result.candidates = store_candidates(ids, names, replacing=not created)
    return result


def places_of(*, title: str, summary: str, body: str, captions: list[tuple[int, str]]) -> dict[Place, str]:
    """The texts extraction reads, by place, in the order it reads them: the body, the title, the
    summary when there is one, then each caption (its id, or its position until it is stored)."""
    texts: dict[Place, str] = {(Mention.Field.BODY, None): body, (Mention.Field.TITLE, None): title}
    if summary:
        texts[(Mention.Field.SUMMARY, None)] = summary
    return texts | {(Mention.Field.CAPTION, caption): text for caption, text in captions}


def read_places(
    texts: dict[Place, str], matcher: Matcher
) -> tuple[dict[Place, list[Found]], list[tuple[str, str, list[CandidateSpan]]]]:
    """The mentions the matcher finds in each place, and the candidate names of each place but the
    title (its field, its text, the names): Titles are often in Title Case, where every word looks
    like a name."""
    found = {place: matcher.find(text) for place, text in texts.items()}
    names = [(field, text, matcher.candidates(text, found[(field, caption)]))
             for (field, caption), text in texts.items() if field != Mention.Field.TITLE]  # fmt: skip
    return found, names


def copy_mentions(mentions: list[Mention]) -> None:
    """Insert new automatic mentions with COPY: ten times the rows per second of bulk_create."""
    if not mentions:
        return
    now = timezone.now()
    columns = "article_id, entity_id, field, caption_id, text, start_offset, end_offset, status, created_at, updated_at"
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY entities_mention ({columns}) FROM STDIN") as copy:
        for m in mentions:
            copy.write_row((m.article_id, m.entity_id, m.field, m.caption_id, m.text, m.start_offset, m.end_offset,
                            m.status, now, now))  # fmt: skip


def mention_changes(
    article: Article, found: dict[Place, list[Found]], existing: list[Mention]
) -> tuple[list[int], list[Mention], int]:
    """Mentions to delete (ids) and to create, and how many stay, for one article."""
    curated = [((m.field, m.caption_id), m.start_offset, m.end_offset) for m in existing
               if m.status != Mention.Status.AUTOMATIC]  # fmt: skip
    automatic = {((m.field, m.caption_id), m.entity_id, m.start_offset, m.end_offset): m.pk for m in existing
                 if m.status == Mention.Status.AUTOMATIC}  # fmt: skip
    wanted = {
        (place, item.entity, item.start, item.end): item
        for place, items in found.items()
        for item in items
        if not any(p == place and start < item.end and item.start < end for p, start, end in curated)
    }
    stale = [pk for key, pk in automatic.items() if key not in wanted]
    new = [
        Mention(
            article=article,
            field=place[0],
            caption_id=place[1],
            entity_id=item.entity,
            text=item.text,
            start_offset=item.start,
            end_offset=item.end,
        )
        for (place, *_), item in wanted.items()
        if (place, item.entity, item.start, item.end) not in automatic
    ]
    return stale, new, len(automatic) - len(stale)


def _said_not_to_be(pairs: set[tuple[str, int]]) -> set[tuple[str, int]]:
    """The (folded name, entity) pairs a curator said are not the same (a Distinction): such a name
    is proposed as a new entity, never again as that entity's alias. One query."""
    if not pairs:
        return set()
    said = Distinction.objects.filter(other=None, folded__in={folded for folded, _ in pairs})
    return set(said.values_list("folded", "entity_id")) & pairs


def store_candidates(
    article_ids: list[int], names: list[tuple[Article, str, str, list[CandidateSpan]]], *, replacing: bool = True
) -> int:
    """Replace the articles' candidate occurrences with `names` (article, field, its text, the
    spans found in it); returns how many there are. Not `replacing`: the articles have none yet."""
    if replacing:
        CandidateOccurrence.objects.filter(article__in=article_ids).delete()
    spans = [(article, field, text, span) for article, field, text, found in names for span in found]
    if not spans:
        return 0
    folded = [(article, field, text, span, fold_like_database(span.text)) for article, field, text, span in spans]
    not_theirs = _said_not_to_be({(name, span.entity) for *_, span, name in folded if span.entity is not None})
    keyed = [
        (article, field, text, span, (name, None if (name, span.entity) in not_theirs else span.entity))
        for article, field, text, span, name in folded
    ]
    # A name new to the archive is proposed as the first article to hold it would propose it alone
    # (the last of its spans there): the same candidate whether articles are extracted one by one or
    # in batches.
    proposals: dict[tuple[str, int | None], CandidateSpan] = {}
    proposed_by: dict[tuple[str, int | None], int] = {}
    for article, _, _, span, key in keyed:
        if key[0] and proposed_by.setdefault(key, article.pk) == article.pk:
            proposals[key] = span
    Candidate.objects.bulk_create(
        [
            Candidate(
                name=span.text[:300],
                proposal=Candidate.Proposal.ALIAS if entity is not None else Candidate.Proposal.ENTITY,
                entity_id=entity,
                kind_guess=span.kind_guess if span.kind_guess in Entity.Kind.values else "",
                role_guess=span.role[:200] if span.kind_guess == Entity.Kind.PERSON else "",
                similar_alias=span.alias[:300] if entity is not None else "",
                score=span.score if entity is not None else None,
            )
            for (_, entity), span in proposals.items()
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )
    ids = {
        (folded, entity): pk
        for pk, folded, entity in Candidate.objects.filter(folded__in={key for key, _ in proposals})
        .order_by()
        .values_list("id", "folded", "entity_id")
    }
    occurrences = [
        CandidateOccurrence(
            candidate_id=ids[key],
            article=article,
            field=field,
            start_offset=span.start,
            end_offset=span.end,
            context=context_of(text, span.start, span.end),
        )
        for article, field, text, span, key in keyed
        if key in ids
    ]
    CandidateOccurrence.objects.bulk_create(occurrences, ignore_conflicts=True, batch_size=2000)
    return len(occurrences)


def context_of(text: str, start: int, end: int, *, around: int = 120) -> str:
    """The words around text[start:end], cut at word boundaries, on one line."""
    before = text[max(0, start - around) : start]
    after = text[end : end + around]
    if start > around:
        before = "…" + before.split(" ", 1)[-1]
    if end + around < len(text):
        after = after.rsplit(" ", 1)[0] + "…"
    return " ".join(f"{before}{text[start:end]}{after}".split())[:400]


def extract_articles(
    articles: QuerySet[Article],
    *,
    matcher: Matcher | None = None,
    on_batch: Callable[[ExtractionResult], None] | None = None,
    batch_size: int = 200,
) -> ExtractionResult:
    """Re-extract many articles, streaming them in batches of `batch_size`, each batch in its own
    transaction. Extraction is idempotent, so a crash loses nothing a re-run does not restore:
    commits need not wait for their WAL flush."""
    matcher = matcher or matcher_from_database()
    total = ExtractionResult(articles=0)
    for batch in idempotent_batches(articles.only("id", "title", "summary", "body").order_by("pk"), batch_size):
        result = extract_batch(batch, matcher=matcher)
        total += result
        if on_batch:
            on_batch(result)
    return total
