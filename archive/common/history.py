"""Who a history record names, and the machine's writes that history leaves out.

Every curation write names its acting user explicitly (`acting_user=`, None for the machine) and a
reason; the machine's own bulk writes (extraction's automatic mentions, which every re-extraction
remakes) are not recorded at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

ModelT = TypeVar("ModelT", bound=models.Model)
Actor = AbstractBaseUser | None  # who acts: a signed-in user, or None for the machine


def recorded(instance: ModelT, *, acting_user: Actor, reason: str = "") -> ModelT:
    """The instance, marked so that its next save or delete is recorded as `acting_user`'s, for `reason`."""
    instance._history_user = acting_user
    instance._change_reason = reason or None
    return instance


@transaction.atomic
def set_status(queryset: models.QuerySet, status: str, *, acting_user: Actor, reason: str = "") -> int:
    """Give the rows `status` (and a new `updated_at`), each change recorded as `acting_user`'s for
    `reason` (default: the status); returns how many changed. Rows already there are left alone."""
    changing = list(queryset.exclude(status=status).select_for_update())
    now = timezone.now()
    for row in changing:
        row.status, row.updated_at = status, now
    bulk_update_with_history(changing, queryset.model, ["status", "updated_at"], batch_size=500,
                             default_user=acting_user, default_change_reason=reason or status)  # fmt: skip
    return len(changing)


def delete_unrecorded(queryset: models.QuerySet) -> int:
    """Delete the rows in one statement, sending no signals, so recording no history: for rows the
    machine made and remakes, that no other row references."""
    return queryset._raw_delete(queryset.db)


_deleting_as: ContextVar[tuple[Actor, str] | None] = ContextVar("deleting_as", default=None)


@contextmanager
def deleting_as(acting_user: Actor, reason: str = "") -> Iterator[None]:
    """The rows a deletion inside the block takes with it (its cascade) are recorded as
    `acting_user`'s too, for `reason`: Django fetches them itself, so `recorded` cannot mark them."""
    token = _deleting_as.set((acting_user, reason))
    try:
        yield
    finally:
        _deleting_as.reset(token)


def name_cascaded_deletions(sender: type, instance: models.Model, **kwargs: Any) -> None:
    """pre_delete receiver (connected in archive/apps.py): marks a row deleted inside `deleting_as`."""
    actor = _deleting_as.get()
    if actor is not None and not hasattr(instance, "_history_user"):
        instance._history_user, instance._change_reason = actor[0], actor[1] or None
