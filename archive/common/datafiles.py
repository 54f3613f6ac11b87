"""What the curated data files (the gazetteer, timelines) share: where they live, reading a YAML list
of entries with one-line errors naming the file and the entry, and loading all or nothing, for real
or as a dry run."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction


class DataFileError(ValueError):
    """The file cannot be loaded; the message names the file and the entry, in one line."""


def data_path(app: str, name: str) -> Path:
    """A file of the archive's own curated data, in the app's data/ folder."""
    return Path(settings.BASE_DIR) / app / "data" / name


def read_yaml_list(path: Path, *, error: type[DataFileError], items: str) -> list[Any]:
    """The list of `items` a YAML file holds; anything else raises `error` naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise error(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, list):
        raise error(f"{path}: expected a list of {items}")
    return data


def entry_name(
    path: Path, number: int, raw: Any, *, noun: str, key: str, known: set[str], error: type[DataFileError]
) -> tuple[str, str]:
    """Where entry `number` is, for error messages, and its name (its `key` field), once it is known
    to be a mapping of known fields with a name."""
    where = f"{path}: {noun} {number}"
    if not isinstance(raw, dict):
        raise error(f"{where}: expected a mapping of {', '.join(sorted(known))}")
    name = " ".join(str(raw.get(key) or "").split())
    where = f"{where} ({name or f'no {key}'})"
    unknown = set(raw) - known
    if unknown:
        raise error(f"{where}: unknown field {sorted(unknown)[0]!r} (known: {', '.join(sorted(known))})")
    if not name:
        raise error(f"{where}: no {key}")
    return where, name


@contextmanager
def loading(*, dry_run: bool) -> Iterator[None]:
    """One transaction for the whole file: all or nothing, and rolled back on a dry run."""
    with transaction.atomic():
        yield
        if dry_run:
            transaction.set_rollback(True)


class Report(Protocol):
    def summary(self) -> str: ...


EntryT = TypeVar("EntryT")
ReportT = TypeVar("ReportT", bound=Report)


@dataclass(frozen=True)
class DataFile(Generic[EntryT, ReportT]):
    """One kind of curated file, read whole and checked before anything is written, then loaded all
    or nothing (the file is the data's word, so no user acts)."""

    app: str  # the app whose data/ folder holds the archive's own copy
    name: str
    items: str  # what the file lists, and what one entry is called, for error messages
    noun: str
    key: str  # the field that names an entry
    fields: frozenset[str]
    error: type[DataFileError]
    parse: Callable[[str, str, dict[str, Any]], EntryT]  # (where, name, raw entry) -> entry
    check: Callable[[Path, list[EntryT]], None]  # what holds across entries
    new_report: Callable[[], ReportT]
    load_entry: Callable[[Path, EntryT, ReportT], None]

    @property
    def default_path(self) -> Path:
        return data_path(self.app, self.name)

    def read(self, path: Path | None = None) -> list[EntryT]:
        path = path or self.default_path
        entries = []
        for number, raw in enumerate(read_yaml_list(path, error=self.error, items=self.items), start=1):
            where, name = entry_name(
                path, number, raw, noun=self.noun, key=self.key, known=self.fields, error=self.error
            )
            entries.append(self.parse(where, name, raw))
        self.check(path, entries)
        return entries

    def load(self, path: Path | None = None, *, dry_run: bool = False) -> ReportT:
        path = path or self.default_path
        report = self.new_report()
        with loading(dry_run=dry_run):
            for entry in self.read(path):
                self.load_entry(path, entry, report)
        return report


class LoadCommand(BaseCommand):
    """`manage.py load_...`: a data file (the archive's own unless a path is given), for real or as a
    dry run; a bad file is one line naming it and the entry."""

    data_file: DataFile

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help=f"YAML file (default {self.data_file.default_path})")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; save nothing")

    def handle(self, *args: object, path: Path | None, dry_run: bool, **options: object) -> None:
        try:
            report = self.data_file.load(path, dry_run=dry_run)
        except DataFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(("dry run, nothing saved: " if dry_run else "") + report.summary())
