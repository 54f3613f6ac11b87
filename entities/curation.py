"""A curator's writes on entities: mention statuses, aliases and candidates (merges: entities/identity.py).

Each is recorded in the history of what it changes as `acting_user`'s, with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from archive.common import history
from archive.common.history import Actor, recorded
from archive.common.provenance import Origin
from archive.common.queries import one_or_none
from archive.common.slugs import unique_slug
from articles.models import Article
from entities.expressions import fold_like_database
from entities.extraction import LEADING_TITLES
from entities.models import Alias, Candidate, Entity, Mention
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
        if target.kind == Entity.Kind.PERSON:
            target.role = candidate.role_guess
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
