"""Writes on entities: store extracted mentions and candidates, curate them, merge entities, and keep
mentions and event evidence attached to the text they quote."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_update_with_history

from archive.common import history
from archive.common.history import acting_user, delete_unrecorded, recorded
from articles.managers import one_or_none
from articles.models import Article, Removal
from entities.expressions import fold_like_database
from entities.extraction import LEADING_TITLES, AliasSpec, CandidateSpan, Found, Matcher
from entities.models import (
    Alias,
    Candidate,
    CandidateOccurrence,
    Entity,
    Event,
    EventEvidence,
    EventParticipant,
    Mention,
)


class SpanConflict(Exception):
    """A curated span no longer exists in a changed body; the message says which, in one line."""


def reanchor_spans(article: Article, *, changed: Iterable[str]) -> None:
    """After the body or title changed: drop their automatic mentions (extraction recreates them)
    and move curated mentions, and event evidence in a new body, to where their text now stands.

    A curator's confirmed or rejected mention, or an event's evidence, whose text is gone from the
    new text raises SpanConflict: the caller must not save a text that loses curated work.
    """
    fields = [field for field in (Mention.Field.BODY, Mention.Field.TITLE) if field in set(changed)]
    delete_unrecorded(Mention.objects.filter(article=article, field__in=fields, status=Mention.Status.AUTOMATIC))
    taken: set[tuple[str, int, int]] = set()
    for mention in Mention.objects.filter(article=article, field__in=fields).order_by("start_offset"):
        start = nearest_occurrence(
            getattr(article, mention.field),
            mention.text,
            near=mention.start_offset,
            skip={s for f, e, s in taken if f == mention.field and e == mention.entity_id},
        )
        if start is not None:
            taken.add((mention.field, mention.entity_id, start))
        if start is None:
            raise SpanConflict(
                f"the {mention.status} mention {mention.text!r} is no longer in the re-parsed {mention.field}"
            )
        mention.start_offset, mention.end_offset = start, start + len(mention.text)
        recorded(mention, user=None, reason="moved with its text").save(
            update_fields=["start_offset", "end_offset", "updated_at"]
        )
    if Mention.Field.BODY not in fields:
        return
    for evidence in EventEvidence.objects.filter(article=article):
        start = nearest_occurrence(article.body, evidence.sentence, near=evidence.start_offset)
        if start is None:
            raise SpanConflict(f"the evidence sentence {evidence.sentence[:60]!r} is no longer in the re-parsed body")
        evidence.start_offset, evidence.end_offset = start, start + len(evidence.sentence)
        recorded(evidence, user=None, reason="moved with its text").save(update_fields=["start_offset", "end_offset"])


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


# --- Extraction: storing what the matcher finds ------------------------------------------------


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


def extract_batch(articles: list[Article], *, matcher: Matcher) -> ExtractionResult:
    """Bring the articles' automatic mentions (in body and title) and their candidate names in
    line with the gazetteer, in a fixed number of queries whatever the number of articles.

    Incremental: mentions still found stay as they are (same ids), those no longer found go, new
    ones are added. Mentions a curator confirmed or rejected are never touched, and nothing is
    added where they stand. None of this is recorded in mention history: these rows are the
    machine's, remade by every extraction.
    """
    ids = [article.pk for article in articles]
    existing: dict[int, list[Mention]] = {pk: [] for pk in ids}
    for mention in (
        Mention.objects.filter(article__in=ids)
        .order_by()
        .only("id", "article_id", "field", "entity_id", "start_offset", "end_offset", "status")
    ):
        existing[mention.article_id].append(mention)
    captions: dict[int, list[str]] = {pk: [] for pk in ids}
    for article_id, text in Removal.objects.filter(
        article__in=ids, rule="photo_caption", restored_at__isnull=True
    ).values_list("article_id", "text"):
        captions[article_id].append(text)

    result = ExtractionResult(articles=len(articles))
    stale: list[int] = []
    new: list[Mention] = []
    names: list[tuple[Article, str, str, list[CandidateSpan]]] = []
    for article in articles:
        found = {Mention.Field.BODY: matcher.find(article.body), Mention.Field.TITLE: matcher.find(article.title)}
        gone, added, kept = _mention_changes(article, found, existing[article.pk])
        stale += gone
        new += added
        result.deleted += len(gone)
        result.created += len(added)
        result.kept += kept
        # Titles are often in Title Case, where every word looks like a name: no candidates there.
        names.append((article, CandidateOccurrence.Field.BODY, article.body,
                      matcher.candidates(article.body, found[Mention.Field.BODY])))  # fmt: skip
        others = [(CandidateOccurrence.Field.SUMMARY, article.summary)] if article.summary else []
        others += [(CandidateOccurrence.Field.CAPTION, caption) for caption in captions[article.pk]]
        names += [(article, field, text, matcher.candidates(text, matcher.find(text))) for field, text in others]
    if stale:
        delete_unrecorded(Mention.objects.filter(pk__in=stale))
    copy_mentions(new)
    result.candidates = store_candidates(ids, names)
    return result


def copy_mentions(mentions: list[Mention]) -> None:
    """Insert new automatic mentions with COPY: ten times the rows per second of bulk_create."""
    if not mentions:
        return
    now = timezone.now()
    columns = "article_id, entity_id, field, text, start_offset, end_offset, status, created_at, updated_at"
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY entities_mention ({columns}) FROM STDIN") as copy:
        for m in mentions:
            copy.write_row(
                (m.article_id, m.entity_id, m.field, m.text, m.start_offset, m.end_offset, m.status, now, now)
            )


def _mention_changes(
    article: Article, found: dict[str, list[Found]], existing: list[Mention]
) -> tuple[list[int], list[Mention], int]:
    """Mentions to delete (ids) and to create, and how many stay, for one article."""
    curated = [(m.field, m.start_offset, m.end_offset) for m in existing if m.status != Mention.Status.AUTOMATIC]
    automatic = {(m.field, m.entity_id, m.start_offset, m.end_offset): m.pk for m in existing
                 if m.status == Mention.Status.AUTOMATIC}  # fmt: skip
    wanted = {
        (field, item.entity, item.start, item.end): item
        for field, items in found.items()
        for item in items
        if not any(f == field and start < item.end and item.start < end for f, start, end in curated)
    }
    stale = [pk for key, pk in automatic.items() if key not in wanted]
    new = [
        Mention(
            article=article,
            field=field,
            entity_id=item.entity,
            text=item.text,
            start_offset=item.start,
            end_offset=item.end,
        )
        for (field, *_), item in wanted.items()
        if (field, item.entity, item.start, item.end) not in automatic
    ]
    return stale, new, len(automatic) - len(stale)


def store_candidates(article_ids: list[int], names: list[tuple[Article, str, str, list[CandidateSpan]]]) -> int:
    """Replace the articles' candidate occurrences with `names` (article, field, its text, the
    spans found in it); returns how many there are."""
    CandidateOccurrence.objects.filter(article__in=article_ids).delete()
    spans = [(article, field, text, span) for article, field, text, found in names for span in found]
    if not spans:
        return 0
    keyed = [
        (article, field, text, span, (fold_like_database(span.text), span.entity))
        for article, field, text, span in spans
    ]
    proposals = {key: span for *_, span, key in keyed if key[0]}
    Candidate.objects.bulk_create(
        [
            Candidate(
                name=span.text[:300],
                proposal=Candidate.Proposal.ALIAS if entity is not None else Candidate.Proposal.ENTITY,
                entity_id=entity,
                kind_guess=span.kind_guess if span.kind_guess in Entity.Kind.values else "",
                similar_alias=span.alias[:300],
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
    batch: list[Article] = []
    queryset = articles.only("id", "title", "summary", "body").order_by("pk")
    for article in itertools.chain(queryset.iterator(chunk_size=batch_size), [None]):
        if article is not None:
            batch.append(article)
        if batch and (article is None or len(batch) == batch_size):
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit = off")
                result = extract_batch(batch, matcher=matcher)
            total += result
            if on_batch:
                on_batch(result)
            batch = []
    return total


# --- Curation ----------------------------------------------------------------------------------
# A person's changes: each is recorded in the history of what it changes, as the acting user's
# (`user`, by default the user of the request being served), with a reason.


def set_mention_status(mentions: Iterable[Mention], status: str, *, user: object | None = None) -> int:
    """Confirm or reject mentions (curated mentions survive every re-extraction)."""
    ids = [mention.pk for mention in mentions]
    return history.set_status(Mention.objects.filter(pk__in=ids), status, user=user)


def add_alias(
    entity: Entity, name: str, *, case_sensitive: bool = False, user: object | None = None, reason: str = ""
) -> tuple[Alias, bool]:
    """The alias `name` of `entity` and whether it was created: not when an alias or the entity's
    own name folds the same (then an unsaved alias is returned)."""
    name = " ".join(name.split())
    folded = fold_like_database(name)
    existing = one_or_none(Alias.objects.filter(entity=entity, folded=folded))
    if existing is not None:
        return existing, False
    alias = Alias(entity=entity, name=name, case_sensitive=case_sensitive)
    if folded == fold_like_database(entity.name):
        return alias, False  # the name itself matches
    recorded(alias, user=user, reason=reason).save()
    return alias, True


def alias_from_mention(mention: Mention, *, user: object | None = None) -> tuple[Alias, bool]:
    """Make the mention's text (without the titles in front of a name) an alias of its entity."""
    name = LEADING_TITLES.sub("", mention.text) or mention.text
    return add_alias(mention.entity, name, user=user, reason=f"from a mention in article {mention.article_id}")


@dataclass
class MergeReport:
    survivor: Entity
    merged: list[str] = field(default_factory=list)
    mentions: int = 0
    aliases: int = 0
    participations: int = 0


@transaction.atomic
def merge_entities(survivor: Entity, others: Iterable[Entity], *, user: object | None = None) -> MergeReport:
    """Fold `others` into `survivor`: their mentions, aliases, event roles, locations and alias
    candidates move to it, their names become its aliases, and they are deleted."""
    user = acting_user(user)
    report = MergeReport(survivor=survivor)
    for other in others:
        if other.pk == survivor.pk:
            continue
        reason = f"merged {other.name} into {survivor.name}"
        report.merged.append(other.name)
        report.mentions += _move_mentions(other, survivor, user=user, reason=reason)
        report.participations += _move_participations(other, survivor, user=user, reason=reason)
        located = list(Event.objects.filter(location=other))
        for event in located:
            event.location = survivor
        bulk_update_with_history(located, Event, ["location"], default_user=user, default_change_reason=reason)
        for name in [other.name, *other.aliases.values_list("name", flat=True)]:
            report.aliases += add_alias(survivor, name, user=user, reason=reason)[1]
        for candidate in Candidate.objects.filter(entity=other):
            clash = Candidate.objects.filter(entity=survivor, folded=candidate.folded).exists()
            if clash:
                candidate.delete()
            else:
                Candidate.objects.filter(pk=candidate.pk).update(entity=survivor)
        inherited = [f for f in ("description", "role", "country", "wikidata_id")
                     if not getattr(survivor, f) and getattr(other, f)]  # fmt: skip
        values = {name: getattr(other, name) for name in inherited}
        recorded(other, user=user, reason=reason).delete()
        if values:
            for name, value in values.items():
                setattr(survivor, name, value)
            recorded(survivor, user=user, reason=reason).save(update_fields=[*values, "updated_at"])
    return report


def _move_mentions(other: Entity, survivor: Entity, *, user: object | None, reason: str) -> int:
    """Move the mentions; where the survivor has one at the same span, keep that one, taking the
    curator's status of the other."""
    spans = {
        (m.article_id, m.field, m.start_offset, m.end_offset): m
        for m in Mention.objects.filter(entity=survivor, article__in=other.mentions.values("article"))
    }
    moved: list[Mention] = []
    decided: list[Mention] = []
    twins: list[Mention] = []
    now = timezone.now()
    for mention in Mention.objects.filter(entity=other):
        twin = spans.get((mention.article_id, mention.field, mention.start_offset, mention.end_offset))
        if twin is None:
            mention.entity, mention.updated_at = survivor, now
            moved.append(mention)
        else:
            if twin.status == Mention.Status.AUTOMATIC and mention.status != Mention.Status.AUTOMATIC:
                twin.status, twin.updated_at = mention.status, now
                decided.append(twin)
            twins.append(mention)
    bulk_update_with_history(moved, Mention, ["entity", "updated_at"], batch_size=500,
                             default_user=user, default_change_reason=reason)  # fmt: skip
    bulk_update_with_history(decided, Mention, ["status", "updated_at"], batch_size=500,
                             default_user=user, default_change_reason=reason)  # fmt: skip
    for mention in twins:
        recorded(mention, user=user, reason=reason).delete()
    return len(moved) + len(twins)


def _move_participations(other: Entity, survivor: Entity, *, user: object | None, reason: str) -> int:
    roles = set(EventParticipant.objects.filter(entity=survivor).values_list("event_id", "role"))
    moved: list[EventParticipant] = []
    twins: list[EventParticipant] = []
    for participation in EventParticipant.objects.filter(entity=other):
        if (participation.event_id, participation.role) in roles:
            twins.append(participation)
        else:
            participation.entity = survivor
            moved.append(participation)
    bulk_update_with_history(moved, EventParticipant, ["entity"], default_user=user, default_change_reason=reason)
    for participation in twins:
        recorded(participation, user=user, reason=reason).delete()
    return len(moved) + len(twins)


class CandidateDecided(Exception):
    """The candidate was accepted or dismissed already."""


@transaction.atomic
def accept_candidate(
    candidate: Candidate,
    *,
    user: object | None = None,
    entity: Entity | None = None,
    kind: str = "",
    name: str = "",
) -> Entity:
    """Accept a candidate: as an alias of `entity` (by default the entity a near-miss resembles),
    or as a new entity (`kind`, `name` override the guesses). The articles it occurs in are
    re-extracted, so its occurrences in their bodies and titles become mentions at once. Returns
    the entity."""
    user = acting_user(user)
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status == Candidate.Status.ACCEPTED:
        raise CandidateDecided(f"candidate {candidate.name!r} was accepted already")
    reason = f"accepted the candidate {candidate.name}"
    target = entity or candidate.entity
    if target is None:
        target = Entity(
            name=name or candidate.name,
            slug=unique_slug(name or candidate.name),
            kind=kind or candidate.kind_guess or Entity.Kind.OTHER,
        )
        recorded(target, user=user, reason=reason).save()
    add_alias(target, candidate.name, user=user, reason=reason)
    candidate.status = Candidate.Status.ACCEPTED
    candidate.decided_by = user
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    extract_articles(Article.objects.filter(candidate_occurrences__candidate=candidate).distinct())
    return target


@transaction.atomic
def dismiss_candidate(candidate: Candidate, *, user: object | None = None) -> None:
    """Dismiss a candidate; it stays dismissed when the name turns up again. An accepted one is
    past dismissing (remove its alias or entity instead)."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status == Candidate.Status.ACCEPTED:
        raise CandidateDecided(f"candidate {candidate.name!r} was accepted already")
    if candidate.status == Candidate.Status.DISMISSED:
        return
    candidate.status = Candidate.Status.DISMISSED
    candidate.decided_by = acting_user(user)
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])


def unique_slug(name: str) -> str:
    """A slug for a new entity, numbered when the plain one is taken."""
    base = slugify(name)[:280] or "entity"
    slug, number = base, 1
    while Entity.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
