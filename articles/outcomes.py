"""What happened to each input of an import, in one line a person can read."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class ItemResult:
    """What happened to one article-sized input: a file, or one record of an export."""

    origin: str
    outcome: Outcome
    article_id: int | None = None
    detail: str = ""

    def describe(self) -> str:
        """One line naming the input, what happened and why."""
        return f"{self.origin}: {self.outcome}" + (f": {' '.join(self.detail.split())}" if self.detail else "")
