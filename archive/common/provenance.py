"""Who asserted a fact: the importer, the extractor, the event detector, a data file or a curator,
when, and (for a curator) who. Every mention, alias, event participant and piece of evidence
carries it, and each field of an event says the same in an EventFieldSource.

A curator's write names its curator (`asserted_by`); the machine's and a data file's name nobody.
A fact the articles do not state (a day the curated timeline knows from elsewhere) carries a
`source_note` saying where it comes from.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone


class Origin(models.TextChoices):
    IMPORTER = "importer", "Importer"
    EXTRACTOR = "extractor", "Entity extractor"
    DETECTOR = "detector", "Event detector"
    DATA_FILE = "data_file", "Data file"
    CURATOR = "curator", "Curator"


MACHINE = frozenset({Origin.IMPORTER, Origin.EXTRACTOR, Origin.DETECTOR})


class Asserted(models.Model):
    """The provenance columns of one fact; `db_default`s so that bulk and COPY writes carry them too."""

    origin = models.CharField(max_length=10, choices=Origin.choices, help_text="Who asserted it")
    asserted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="The curator who asserted it",
    )  # fmt: skip
    asserted_at = models.DateTimeField(db_default=Now(), default=timezone.now, editable=False)
    source_note = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        default="",
        help_text="Where a fact from outside the articles comes from",
    )

    class Meta:
        abstract = True

    def assert_as(self, origin: str, *, acting_user: object = None, note: str | None = None) -> Asserted:
        """Mark the fact as asserted now by `origin` (and `acting_user`, for a curator); unsaved."""
        self.origin, self.asserted_by, self.asserted_at = origin, acting_user, timezone.now()
        if note is not None:
            self.source_note = note
        return self

    def provenance(self) -> dict[str, object]:
        """The provenance columns, for a copy of the fact that moves elsewhere (a merge keeps who asserted it)."""
        return {"origin": self.origin, "asserted_by_id": self.asserted_by_id, "asserted_at": self.asserted_at,
                "source_note": self.source_note}  # fmt: skip


def asserted_constraint(prefix: str) -> models.CheckConstraint:
    """Only a curator's assertion names a user."""
    return models.CheckConstraint(
        condition=Q(origin=Origin.CURATOR) | Q(asserted_by__isnull=True), name=f"{prefix}_only_curator_named"
    )


def origin_constraint(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(origin__in=Origin.values), name=f"{prefix}_origin_known")
