"""Who is who: merges that an unmerge undoes exactly, and "not the same" decisions that merges and
alias proposals respect.

Learned from nomenklatura's resolver, where an identity decision is a stored judgement (with its
user and time) and undoing a merge is taking the judgement back. Here the rows move: a merged
entity's mentions, aliases, event roles, event locations, alias candidates and distinctions go to
the survivor, so every read (filters, search, statistics) stays a plain join with no canonical-id
indirection. The merge keeps every row it changed (`MergeChange`: the fields it set, before and
after; the rows it removed, whole; the rows it added), and an unmerge walks them back, newest
first. A row curated since the merge keeps the curator's change: its move is undone only while it
still holds what the merge gave it.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.db.models import Count
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from archive.common.history import Actor, deleting_as, recorded
from archive.common.provenance import Origin
from articles.models import Article
from entities.expressions import fold_like_database
from entities.models import (
    Alias,
    Candidate,
    CandidateOccurrence,
    Distinction,
    Entity,
    EntityMerge,
    Event,
    EventParticipant,
    Mention,
    MergeChange,
)
from entities.refresh import refresh_articles

TOUCHED = "updated_at"  # restored with the rest, but never a sign that a curator changed the row since


class DistinctEntities(Exception):
    """A merge of entities a curator said are not the same; the message gives the reason."""


class CannotUnmerge(Exception):
    """The merge is undone already, or its survivor was merged away since."""


# -- "not the same" ------------------------------------------------------------------------------


@transaction.atomic
def mark_distinct(entity: Entity, other: Entity, *, reason: str, acting_user: Actor) -> tuple[Distinction, bool]:
    """Record that two entities are not the same; returns the decision and whether it is new."""
    if entity.pk == other.pk:
        raise ValueError("an entity cannot be distinct from itself")
    low, high = sorted((entity, other), key=lambda item: item.pk)
    existing = Distinction.objects.filter(entity=low, other=high).first()
    if existing is not None:
        return existing, False
    decision = Distinction(entity=low, other=high, reason=_required(reason), decided_by=acting_user)
    recorded(decision, acting_user=acting_user, reason=f"{low.name} is not {high.name}").save()
    return decision, True


@transaction.atomic
def mark_name_distinct(entity: Entity, name: str, *, reason: str, acting_user: Actor) -> tuple[Distinction, bool]:
    """Record that `name` does not refer to `entity`: it is never proposed as its alias again, and
    the open proposals of it as that alias are dismissed."""
    name = " ".join(name.split())
    folded = fold_like_database(name)
    if not folded:
        raise ValueError("the name is empty")
    existing = Distinction.objects.filter(entity=entity, other=None, folded=folded).first()
    if existing is not None:
        return existing, False
    decision = Distinction(entity=entity, name=name, reason=_required(reason), decided_by=acting_user)
    recorded(decision, acting_user=acting_user, reason=f"{name} is not {entity.name}").save()
    Candidate.objects.filter(
        entity=entity, folded=folded, proposal=Candidate.Proposal.ALIAS, status=Candidate.Status.OPEN
    ).update(status=Candidate.Status.DISMISSED, decided_by=acting_user, decided_at=timezone.now())
    return decision, True


def distinction_problem(entity: Entity, other: Entity | None, name: str) -> tuple[str | None, str] | None:
    """What is wrong with a "not the same" decision as asked, as (the field at fault, or None for the
    whole, and why), or None: the API and the admin's form ask the same."""
    if (other is None) == (not name.strip()):
        return None, "give either `other` (an entity) or `name`, not both"
    if other is not None and other.pk == entity.pk:
        return "other", "an entity is always the same as itself"
    return None


def record_distinction(decision: Distinction, *, acting_user: Actor) -> tuple[Distinction, bool]:
    """Record an unsaved decision as asked (of a pair or of a name) through mark_distinct or
    mark_name_distinct; returns the decision recorded and whether it is new."""
    if decision.other_id is not None:
        return mark_distinct(decision.entity, decision.other, reason=decision.reason, acting_user=acting_user)
    return mark_name_distinct(decision.entity, decision.name, reason=decision.reason, acting_user=acting_user)


def refusal(entities: Sequence[Entity]) -> str | None:
    """Why the entities may not be merged (a distinction between two of them), or None."""
    ids = [entity.pk for entity in entities]
    decision = Distinction.objects.filter(entity__in=ids, other__in=ids).select_related("entity", "other").first()
    if decision is None:
        return None
    return f"{decision.entity.name} and {decision.other.name} are not the same: {decision.reason}"


def _required(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise ValueError("say why they are not the same")
    return reason[:500]


# -- merging -------------------------------------------------------------------------------------


@dataclass
class MergeReport:
    survivor: Entity
    merges: list[EntityMerge] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    mentions: int = 0
    aliases: int = 0
    participations: int = 0


@dataclass(frozen=True)
class MergePreview:
    """What merging `entity` into the survivor would move, for the confirmation page."""

    entity: Entity
    mentions: int
    aliases: int
    participations: int
    locations: int
    candidates: int
    distinctions: int


def preview(others: Sequence[Entity]) -> list[MergePreview]:
    """Counts of the rows each entity would move: six grouped queries, whatever their number."""
    ids = [entity.pk for entity in others]

    def counted(model: type[models.Model], column: str) -> dict[int, int]:
        rows = model.objects.filter(**{f"{column}__in": ids}).values(column).annotate(n=Count("pk")).order_by()
        return {row[column]: row["n"] for row in rows}

    mentions, aliases = counted(Mention, "entity"), counted(Alias, "entity")
    roles, locations = counted(EventParticipant, "entity"), counted(Event, "location")
    candidates = counted(Candidate, "entity")
    distinctions = counted(Distinction, "entity")
    for key, value in counted(Distinction, "other").items():
        distinctions[key] = distinctions.get(key, 0) + value
    return [
        MergePreview(entity, mentions.get(entity.pk, 0), aliases.get(entity.pk, 0), roles.get(entity.pk, 0),
                     locations.get(entity.pk, 0), candidates.get(entity.pk, 0), distinctions.get(entity.pk, 0))
        for entity in others
    ]  # fmt: skip


@transaction.atomic
def merge_entities(survivor: Entity, others: Iterable[Entity], *, acting_user: Actor, reason: str = "") -> MergeReport:
    """Fold `others` into `survivor`, one stored merge each: their mentions, aliases, event roles,
    locations, alias candidates and distinctions move to it, their names become its aliases, its
    empty fields take theirs, and they are deleted. Refused (DistinctEntities) when a curator said
    two of them are not the same."""
    others = [other for other in others if other.pk != survivor.pk]
    why_not = refusal([survivor, *others])
    if why_not is not None:
        raise DistinctEntities(why_not)
    report = MergeReport(survivor=survivor)
    for other in others:
        merge = EntityMerge.objects.create(
            survivor_id=survivor.pk, survivor_name=survivor.name, merged_id=other.pk, merged_name=other.name,
            reason=" ".join(reason.split())[:500], merged_by=acting_user,
        )  # fmt: skip
        journal = _Journal(merge, acting_user=acting_user, reason=f"merged {other.name} into {survivor.name}")
        report.mentions += _move_mentions(other, survivor, journal)
        report.participations += _move_participations(other, survivor, journal)
        journal.change_all(Event.objects.filter(location=other), location_id=survivor.pk)
        report.aliases += _move_aliases(other, survivor, journal)
        _move_candidates(other, survivor, journal)
        _move_distinctions(other, survivor, journal)
        journal.remove(other)
        _inherit_fields(other, survivor, journal)  # after: a Wikidata id is unique
        journal.save()
        report.merges.append(merge)
        report.merged.append(other.name)
    return report


def _move_mentions(other: Entity, survivor: Entity, journal: _Journal) -> int:
    """Move the mentions; where the survivor has one at the same span, keep that one, taking the
    curator's status of the other."""
    spans = {
        (m.article_id, m.field, m.start_offset, m.end_offset): m
        for m in Mention.objects.filter(entity=survivor, article__in=other.mentions.values("article"))
    }
    moving, count = [], 0
    for mention in Mention.objects.filter(entity=other):
        count += 1
        twin = spans.get((mention.article_id, mention.field, mention.start_offset, mention.end_offset))
        if twin is None:
            moving.append(mention)
            continue
        if twin.status == Mention.Status.AUTOMATIC and mention.status != Mention.Status.AUTOMATIC:
            journal.change(twin, status=mention.status, updated_at=timezone.now())
        journal.remove(mention)
    journal.change_rows(moving, entity_id=survivor.pk, updated_at=timezone.now())
    return count


def _move_participations(other: Entity, survivor: Entity, journal: _Journal) -> int:
    roles = set(EventParticipant.objects.filter(entity=survivor).values_list("event_id", "role"))
    moving, count = [], 0
    for participation in EventParticipant.objects.filter(entity=other):
        count += 1
        if (participation.event_id, participation.role) in roles:
            journal.remove(participation)
        else:
            moving.append(participation)
    journal.change_rows(moving, entity_id=survivor.pk)
    return count


def _move_aliases(other: Entity, survivor: Entity, journal: _Journal) -> int:
    """The other's aliases move, keeping who asserted them; one the survivor already has is removed;
    the other's name becomes an alias. Returns how many aliases the survivor gained."""
    known = set(survivor.aliases.values_list("folded", flat=True)) | {fold_like_database(survivor.name)}
    moving = []
    for alias in other.aliases.all():
        if alias.folded in known:
            journal.remove(alias)
        else:
            known.add(alias.folded)
            moving.append(alias)
    journal.change_rows(moving, entity_id=survivor.pk)
    gained = len(moving)
    if fold_like_database(other.name) not in known:
        alias = Alias(entity=survivor, name=" ".join(other.name.split()))
        alias.assert_as(Origin.CURATOR, acting_user=journal.acting_user)
        journal.add(alias)
        gained += 1
    return gained


def _move_candidates(other: Entity, survivor: Entity, journal: _Journal) -> None:
    """Proposals of aliases move; where the survivor has the same proposal, the other's occurrences
    join it and the other's proposal is removed."""
    theirs = {c.folded: c for c in Candidate.objects.filter(entity=survivor, proposal=Candidate.Proposal.ALIAS)}
    moving = []
    for candidate in Candidate.objects.filter(entity=other):
        twin = theirs.get(candidate.folded)
        if twin is None:
            moving.append(candidate)
            continue
        journal.change_all(CandidateOccurrence.objects.filter(candidate=candidate), candidate_id=twin.pk)
        journal.remove(candidate)
    journal.change_rows(moving, entity_id=survivor.pk)


def _move_distinctions(other: Entity, survivor: Entity, journal: _Journal) -> None:
    """What was said not to be the other is not the survivor either."""
    held = set(Distinction.objects.involving(survivor).values_list("entity", "other", "folded"))
    for decision in Distinction.objects.involving(other):
        if decision.other_id is None:
            key: tuple = (survivor.pk, None, decision.folded)
            values: dict[str, Any] = {"entity_id": survivor.pk}
        else:
            third = decision.other_id if decision.entity_id == other.pk else decision.entity_id
            low, high = sorted((survivor.pk, third))
            key, values = (low, high, ""), {"entity_id": low, "other_id": high}
        if key in held:
            journal.remove(decision)
        else:
            held.add(key)
            journal.change(decision, **values)


def _inherit_fields(other: Entity, survivor: Entity, journal: _Journal) -> None:
    gaps = {name: getattr(other, name) for name in ("description", "role", "country", "wikidata_id")
            if not getattr(survivor, name) and getattr(other, name)}  # fmt: skip
    if gaps:
        journal.change(survivor, **gaps, updated_at=timezone.now())


class _Journal:
    """Makes a merge's writes, each recorded in history as the acting user's and kept as a
    MergeChange of the merge."""

    def __init__(self, merge: EntityMerge, *, acting_user: Actor, reason: str) -> None:
        self.merge, self.acting_user, self.reason = merge, acting_user, reason
        self.changes: list[MergeChange] = []

    def change(self, row: models.Model, **values: Any) -> None:
        self.change_rows([row], **values)

    def change_all(self, queryset: models.QuerySet, **values: Any) -> None:
        self.change_rows(list(queryset), **values)

    def change_rows(self, rows: list[models.Model], **values: Any) -> None:
        if not rows:
            return
        model = type(rows[0])
        for row in rows:
            before = {name: _dumped(getattr(row, name)) for name in values}
            for name, value in values.items():
                setattr(row, name, value)
            after = {name: _dumped(value) for name, value in values.items()}
            self.changes.append(self._change(row, MergeChange.Action.CHANGED, before, after))
        _bulk_update(model, rows, _field_names(model, values), acting_user=self.acting_user, reason=self.reason)

    def remove(self, row: models.Model) -> None:
        self.changes.append(self._change(row, MergeChange.Action.REMOVED, _snapshot(row), {}))
        with deleting_as(self.acting_user, self.reason):
            recorded(row, acting_user=self.acting_user, reason=self.reason).delete()

    def add(self, row: models.Model) -> None:
        recorded(row, acting_user=self.acting_user, reason=self.reason).save()
        self.changes.append(self._change(row, MergeChange.Action.ADDED, {}, _snapshot(row)))

    def save(self) -> None:
        MergeChange.objects.bulk_create(self.changes, batch_size=1000)

    def _change(self, row: models.Model, action: str, before: dict, after: dict) -> MergeChange:
        return MergeChange(merge=self.merge, table=row._meta.label_lower, row_id=row.pk, action=action,
                           before=before, after=after)  # fmt: skip


# -- unmerging -----------------------------------------------------------------------------------


@dataclass
class UnmergeReport:
    merge: EntityMerge
    restored: int = 0
    kept: list[str] = field(default_factory=list)  # rows left as a later decision made them


@transaction.atomic
def unmerge(merge: EntityMerge, *, acting_user: Actor, reason: str = "") -> UnmergeReport:
    """Undo a merge: the merged entity comes back with its id, and every row the merge changed goes
    back, newest change first. A row changed or removed since keeps that later decision (listed in
    the report's `kept`)."""
    merge = EntityMerge.objects.select_for_update().get(pk=merge.pk)
    if not merge.standing:
        raise CannotUnmerge(f"the merge of {merge.merged_name} into {merge.survivor_name} was undone already")
    if not Entity.objects.filter(pk=merge.survivor_id).exists():
        later = EntityMerge.objects.filter(merged_id=merge.survivor_id, undone_at=None).first()
        raise CannotUnmerge(
            f"{merge.survivor_name} was merged into {later.survivor_name if later else 'another entity'} since: "
            "undo that merge first"
        )
    why = f"undid the merge of {merge.merged_name} into {merge.survivor_name}"
    report = UnmergeReport(merge=merge)
    changes = list(merge.changes.order_by("-id"))
    for change in changes:
        model = apps.get_model(change.table)
        if change.action == MergeChange.Action.REMOVED:
            _restore_removed(model, change, report, acting_user=acting_user, reason=why)
        elif change.action == MergeChange.Action.ADDED:
            row = model.objects.filter(pk=change.row_id).first()
            if row is not None:
                with deleting_as(acting_user, why):
                    recorded(row, acting_user=acting_user, reason=why).delete()
                report.restored += 1
        else:
            _restore_changed(model, change, report, acting_user=acting_user, reason=why)
    _refresh_articles_read_since(merge)
    merge.undone_by, merge.undone_at, merge.undo_reason = acting_user, timezone.now(), " ".join(reason.split())[:500]
    merge.save(update_fields=["undone_by", "undone_at", "undo_reason"])
    return report


def _refresh_articles_read_since(merge: EntityMerge) -> None:
    """Articles extracted again while the merge stood gave the survivor the merged entity's names:
    read them again now that those names are the other's once more."""
    read_since = Mention.objects.filter(
        entity_id=merge.survivor_id, status=Mention.Status.AUTOMATIC, created_at__gte=merge.merged_at
    )
    refresh_articles(Article.objects.filter(pk__in=read_since.values("article")))


def _restore_removed(model: type[models.Model], change: MergeChange, report: UnmergeReport, **why: Any) -> None:
    if model.objects.filter(pk=change.row_id).exists():
        report.kept.append(f"{model._meta.verbose_name} {change.row_id} exists again")
        return
    row = _rebuilt(model, change.before)
    stamps = {f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields
              if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)}  # fmt: skip
    try:
        with transaction.atomic():
            recorded(row, acting_user=why["acting_user"], reason=why["reason"]).save(force_insert=True)
            model.objects.filter(pk=row.pk).update(**stamps)  # saving stamped them now; they were then
    except IntegrityError as exc:
        if model is Entity:
            raise CannotUnmerge(f"{row.name} cannot come back: {exc}".splitlines()[0]) from exc
        report.kept.append(f"{model._meta.verbose_name} {change.row_id} clashes with a row made since")
        return
    report.restored += 1


def _restore_changed(model: type[models.Model], change: MergeChange, report: UnmergeReport, **why: Any) -> None:
    row = model.objects.filter(pk=change.row_id).first()
    if row is None:
        report.kept.append(f"{model._meta.verbose_name} {change.row_id} was deleted since")
        return
    since = [name for name, value in change.after.items()
             if name != TOUCHED and _dumped(getattr(row, name)) != value]  # fmt: skip
    if since:
        report.kept.append(f"{model._meta.verbose_name} {change.row_id}: {', '.join(since)} changed since")
        return
    for name, value in change.before.items():
        setattr(row, name, _loaded(model, name, value))
    try:
        with transaction.atomic():
            _bulk_update(model, [row], _field_names(model, change.before), **why)
    except IntegrityError:
        report.kept.append(f"{model._meta.verbose_name} {change.row_id} clashes with a row made since")
        return
    report.restored += 1


# -- rows as JSON --------------------------------------------------------------------------------


def _field(model: type[models.Model], attname: str) -> models.Field:
    return next(f for f in model._meta.concrete_fields if f.attname == attname)


def _dumped(value: Any) -> Any:
    """A column's value as JSON keeps it (dates as ISO text)."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    return value


def _loaded(model: type[models.Model], attname: str, value: Any) -> Any:
    if value is None:
        return None
    target = _field(model, attname)
    return (target.target_field if target.is_relation else target).to_python(value)


def _snapshot(row: models.Model) -> dict[str, Any]:
    model = type(row)
    return {f.attname: _dumped(getattr(row, f.attname))
            for f in model._meta.concrete_fields if not f.generated}  # fmt: skip


def _rebuilt(model: type[models.Model], snapshot: dict[str, Any]) -> models.Model:
    return model(**{name: _loaded(model, name, value) for name, value in snapshot.items()})


def _field_names(model: type[models.Model], attnames: Iterable[str]) -> list[str]:
    return [_field(model, attname).name for attname in attnames]


def _bulk_update(model: type[models.Model], rows: list, fields: list[str], *, acting_user: Actor, reason: str) -> None:
    if hasattr(model, "history"):
        bulk_update_with_history(rows, model, fields, batch_size=500, default_user=acting_user,
                                 default_change_reason=reason)  # fmt: skip
    else:
        model.objects.bulk_update(rows, fields, batch_size=500)
