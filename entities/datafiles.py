"""What the curated data files (the gazetteer, timelines) share: where they live, reading a YAML list
of entries with one-line errors naming the file and the entry, and loading all or nothing, for real
or as a dry run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.db import transaction


class DataFileError(ValueError):
    """The file cannot be loaded; the message names the file and the entry, in one line."""


def data_path(name: str) -> Path:
    """A file of the archive's own curated data (entities/data/)."""
    return Path(settings.BASE_DIR) / "entities" / "data" / name


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
