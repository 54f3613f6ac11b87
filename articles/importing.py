"""Import article files: each file parsed, then saved in its own transaction, idempotently."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from articles.cleaning import content_hash
from articles.models import Article, Source
from articles.parsing import ParseError, decode_text, parse_plain_text


class Outcome(enum.StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True)
class FileResult:
    path: Path
    outcome: Outcome
    article_id: int | None = None
    detail: str = ""

    def describe(self) -> str:
        """One line naming the file, what happened and why."""
        return f"{self.path}: {self.outcome}" + (f": {self.detail}" if self.detail else "")


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: Outcome) -> int:
        return Counter(result.outcome for result in self.results)[outcome]

    @property
    def failures(self) -> list[FileResult]:
        return [result for result in self.results if result.outcome is Outcome.FAILED]

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(outcome)} {outcome}" for outcome in Outcome)
        prefix = "dry run, nothing saved: " if self.dry_run else ""
        return f"{prefix}{counts} ({len(self.results)} files)"


def import_paths(
    paths: Iterable[Path], *, source: Source | None = None, dry_run: bool = False
) -> ImportReport:
    """Import every file named or found below the folders named; one bad file never stops the rest."""
    report = ImportReport(dry_run=dry_run)
    for path in paths:
        if not path.exists():
            report.results.append(FileResult(path, Outcome.FAILED, detail="no such file or folder"))
            continue
        for file_path in article_files(path):
            report.results.append(import_file(file_path, source=source, dry_run=dry_run))
    return report


def article_files(path: Path) -> Iterator[Path]:
    """The file itself, or every file below a folder in name order, skipping hidden ones."""
    if not path.is_dir():
        yield path
        return
    for candidate in sorted(path.rglob("*")):
        relative_parts = candidate.relative_to(path).parts
        if candidate.is_file() and not any(part.startswith(".") for part in relative_parts):
            yield candidate


def import_file(path: Path, *, source: Source | None = None, dry_run: bool = False) -> FileResult:
    """Parse and save one file as one article, all or nothing; an identical text is never saved twice."""
    try:
        raw_text = decode_text(path.read_bytes())
        parsed = parse_plain_text(raw_text)
    except OSError as exc:
        return FileResult(path, Outcome.FAILED, detail=f"cannot read: {exc.strerror or exc}")
    except ParseError as exc:
        return FileResult(path, Outcome.FAILED, detail=str(exc))

    with transaction.atomic():
        # Only what the report needs: the texts and the search vector are large.
        article, created = Article.objects.only("id", "origin_name").get_or_create(
            content_hash=content_hash(raw_text),
            defaults={
                "title": parsed.title,
                "body": parsed.body,
                "raw_text": raw_text,
                "origin_name": path.name,
                "source": source,
            },
        )
        if dry_run:
            transaction.set_rollback(True)
    if created:
        return FileResult(path, Outcome.CREATED, article_id=None if dry_run else article.pk)
    detail = (
        ""
        if article.origin_name == path.name
        else f"same text as article {article.pk} ({article.origin_name})"
    )
    return FileResult(path, Outcome.UNCHANGED, article_id=article.pk, detail=detail)
