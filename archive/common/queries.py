"""Small query idioms the apps share."""

import json
from collections.abc import Iterator
from typing import Any

from django.db import connection, models, transaction


def one_or_none(queryset: models.QuerySet) -> Any:
    """The first row of an unordered lookup. `.first()` would add ORDER BY, and with LIMIT 1 the
    planner may then walk an ordered index instead of the unique index the filter names."""
    return next(iter(queryset.order_by()[:1]), None)


def batches(queryset: models.QuerySet, size: int) -> Iterator[list[Any]]:
    """The rows in lists of `size`, streamed through a server-side cursor: memory stays flat."""
    batch: list[Any] = []
    for row in queryset.iterator(chunk_size=size):
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# An SQL expression with the effect of skip_commit_flush, to select beside other work in one round trip.
SKIP_COMMIT_FLUSH = "set_config('synchronous_commit', 'off', true)"


def skip_commit_flush() -> None:
    """This transaction's commit does not wait for its WAL flush: for idempotent machine work, where
    a crash can lose only the last moments, which a re-run restores."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {SKIP_COMMIT_FLUSH}")


def related_model(model: type[models.Model], field_name: str) -> type[models.Model]:
    """The model at the other end of `model`'s relation `field_name`: how a queryset reaches the
    models beside its own without importing the module that defines them (which imports it)."""
    return model._meta.get_field(field_name).related_model


def idempotent_batches(queryset: models.QuerySet, size: int) -> Iterator[list[Any]]:
    """The rows in lists of `size`, each handed out inside its own transaction, whose commit does not
    wait for its WAL flush: for idempotent machine work (see skip_commit_flush)."""
    for batch in batches(queryset, size):
        with transaction.atomic():
            skip_commit_flush()
            yield batch


def planned_rows(queryset: models.QuerySet) -> int:
    """How many rows PostgreSQL's planner expects `queryset` to be, from its statistics: one EXPLAIN,
    no rows read."""
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])
