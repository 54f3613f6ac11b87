"""A curator's writes on entities: mention statuses, aliases, merges and candidates.

Each is recorded in the history of what it changes as `acting_user`'s, with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from archive.common import history
from archive.common.history import Actor, deleting_as, recorded
from archive.common.provenance import Origin
from archive.common.queries import one_or_none
from archive.common.slugs import unique_slug
from articles.models import Article
from entities.expressions import fold_like_database
from entities.extraction import LEADING_TITLES
from entities.models import Alias, Candidate, Entity, Event, EventParticipant, Mention
from entities.refresh import refresh_articles


def set_mention_status(mentions: Iterable[Mention], status: str, *, acting_user: Actor) -> int:
    """Confirm or reject mentions (curated mentions survive every re-extraction)."""
    ids = [mention.pk for mention in mentions]
    return history.set_status(Mention.objects.filter(pk__in=ids), status, acting_user=acting_user)


def add_alias(
    entity: Entity,
    name: str,
    *,
    acting_user: Actor,
    case_sensitive: bool = False,
    reason: str = "",
    origin: str = Origin.CURATOR,
    note: str = "",
) -> tuple[Alias, bool]:
    """The alias `name` of `entity` and whether it was created: not when an alias or the entity's
    own name folds the same (then an unsaved alias is returned). A curator's unless `origin` says
    otherwise (the gazetteer's are a data file's)."""
    name = " ".join(name.split())
    folded = fold_like_database(name)
    existing = one_or_none(Alias.objects.filter(entity=entity, folded=folded))
    if existing is not None:
        return existing, False
    alias = Alias(entity=entity, name=name, case_sensitive=case_sensitive)
    alias.assert_as(origin, acting_user=acting_user if origin == Origin.CURATOR else None, note=note)
    if folded == fold_like_database(entity.name):
        return alias, False  # the name itself matches
    recorded(alias, acting_user=acting_user, reason=reason).save()
    return alias, True


def alias_from_mention(mention: Mention, *, acting_user: Actor) -> tuple[Alias, bool]:
    """Make the mention's text (without the titles in front of a name) an alias of its entity."""
    name = LEADING_TITLES.sub("", mention.text) or mention.text
    return add_alias(
        mention.entity, name, acting_user=acting_user, reason=f"from a mention in article {mention.article_id}"
    )


@dataclass
class MergeReport:
    survivor: Entity
    merged: list[str] = field(default_factory=list)
    mentions: int = 0
    aliases: int = 0
    participations: int = 0


@transaction.atomic
def merge_entities(survivor: Entity, others: Iterable[Entity], *, acting_user: Actor) -> MergeReport:
    """Fold `others` into `survivor`: their mentions, aliases, event roles, locations and alias
    candidates move to it, their names become its aliases, and they are deleted."""
    report = MergeReport(survivor=survivor)
    for other in others:
        if other.pk == survivor.pk:
            continue
        reason = f"merged {other.name} into {survivor.name}"
        report.merged.append(other.name)
        report.mentions += _move_mentions(other, survivor, acting_user=acting_user, reason=reason)
        report.participations += _move_participations(other, survivor, acting_user=acting_user, reason=reason)
        located = list(Event.objects.filter(location=other))
        for event in located:
            event.location = survivor
        bulk_update_with_history(located, Event, ["location"], default_user=acting_user, default_change_reason=reason)
        for name in [other.name, *other.aliases.values_list("name", flat=True)]:
            report.aliases += add_alias(survivor, name, acting_user=acting_user, reason=reason)[1]
        for candidate in Candidate.objects.filter(entity=other):
            clash = Candidate.objects.filter(entity=survivor, folded=candidate.folded).exists()
            if clash:
                candidate.delete()
            else:
                Candidate.objects.filter(pk=candidate.pk).update(entity=survivor)
        inherited = [f for f in ("description", "role", "country", "wikidata_id")
                     if not getattr(survivor, f) and getattr(other, f)]  # fmt: skip
        values = {name: getattr(other, name) for name in inherited}
        with deleting_as(acting_user, reason):
            recorded(other, acting_user=acting_user, reason=reason).delete()
        if values:
            for name, value in values.items():
                setattr(survivor, name, value)
            recorded(survivor, acting_user=acting_user, reason=reason).save(update_fields=[*values, "updated_at"])
    return report


def _move_mentions(other: Entity, survivor: Entity, *, acting_user: Actor, reason: str) -> int:
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
                             default_user=acting_user, default_change_reason=reason)  # fmt: skip
    bulk_update_with_history(decided, Mention, ["status", "updated_at"], batch_size=500,
                             default_user=acting_user, default_change_reason=reason)  # fmt: skip
    for mention in twins:
        recorded(mention, acting_user=acting_user, reason=reason).delete()
    return len(moved) + len(twins)


def _move_participations(other: Entity, survivor: Entity, *, acting_user: Actor, reason: str) -> int:
    roles = set(EventParticipant.objects.filter(entity=survivor).values_list("event_id", "role"))
    moved: list[EventParticipant] = []
    twins: list[EventParticipant] = []
    for participation in EventParticipant.objects.filter(entity=other):
        if (participation.event_id, participation.role) in roles:
            twins.append(participation)
        else:
            participation.entity = survivor
            moved.append(participation)
    bulk_update_with_history(
        moved, EventParticipant, ["entity"], default_user=acting_user, default_change_reason=reason
    )
    for participation in twins:
        recorded(participation, acting_user=acting_user, reason=reason).delete()
    return len(moved) + len(twins)


class CandidateDecided(Exception):
    """The candidate was accepted or dismissed already."""


@transaction.atomic
def accept_candidate(
    candidate: Candidate,
    *,
    acting_user: Actor,
    entity: Entity | None = None,
    kind: str = "",
    name: str = "",
) -> Entity:
    """Accept a candidate: as an alias of `entity` (by default the entity a near-miss resembles),
    or as a new entity (`kind`, `name` override the guesses). The articles it occurs in are
    refreshed, so its occurrences in their bodies and titles become mentions at once and the events
    they report are proposed. Returns the entity."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status == Candidate.Status.ACCEPTED:
        raise CandidateDecided(f"candidate {candidate.name!r} was accepted already")
    reason = f"accepted the candidate {candidate.name}"
    target = entity or candidate.entity
    if target is None:
        target = Entity(
            name=name or candidate.name,
            slug=unique_slug(Entity, name or candidate.name, max_length=290, fallback="entity"),
            kind=kind or candidate.kind_guess or Entity.Kind.OTHER,
        )
        recorded(target, acting_user=acting_user, reason=reason).save()
    add_alias(target, candidate.name, acting_user=acting_user, reason=reason)
    candidate.status = Candidate.Status.ACCEPTED
    candidate.decided_by = acting_user
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    refresh_articles(Article.objects.filter(candidate_occurrences__candidate=candidate).distinct())
    return target


@transaction.atomic
def dismiss_candidate(candidate: Candidate, *, acting_user: Actor) -> None:
    """Dismiss a candidate; it stays dismissed when the name turns up again. An accepted one is
    past dismissing (remove its alias or entity instead)."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status == Candidate.Status.ACCEPTED:
        raise CandidateDecided(f"candidate {candidate.name!r} was accepted already")
    if candidate.status == Candidate.Status.DISMISSED:
        return
    candidate.status = Candidate.Status.DISMISSED
    candidate.decided_by = acting_user
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
