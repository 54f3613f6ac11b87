"""Reading the curated data files (gazetteer, timelines): YAML lists, with one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def read_yaml_list(path: Path, *, error: type[ValueError], items: str) -> list[Any]:
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
