"""Pure: what the importer accepts at most. Each limit has its default here, a flag on
`import_articles`, and a line in docs/limits-and-security.md; an input over a limit fails alone,
with one line naming the limit, and the import goes on."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


def _a_year_from_now() -> datetime.date:
    return datetime.datetime.now(tz=datetime.UTC).date() + datetime.timedelta(days=366)


@dataclass(frozen=True)
class ImportLimits:
    """Each limit's metadata holds the help its `import_articles` flag shows, and how its default reads
    there when the value itself does not say it (`shown_default`)."""

    # a text or HTML file, or one export record: surely not one article beyond
    max_bytes: int = field(default=2_000_000, metadata={"help": "Largest text or HTML file, or export record"})
    # a .json export, which is read whole (JSON Lines are streamed)
    max_export_bytes: int = field(default=500_000_000, metadata={"help": "Largest .json export, read whole"})
    max_json_depth: int = field(default=32, metadata={"help": "Deepest nesting of an export record"})
    # alias nodes (*name) in front matter or a sidecar
    max_yaml_aliases: int = field(default=20, metadata={"help": "Most aliases in front matter or a sidecar"})
    max_metadata_characters: int = field(
        default=100_000, metadata={"help": "Largest metadata block once its aliases expand"}
    )
    # publication dates outside these are read wrong
    earliest_date: datetime.date = field(
        default=datetime.date(1800, 1, 1), metadata={"help": "Earliest publication date metadata may give"}
    )
    latest_date: datetime.date = field(
        default_factory=_a_year_from_now,
        metadata={"help": "Latest publication date metadata may give", "shown_default": "a year from today"},
    )

    def date_problem(self, date: datetime.date) -> str:
        """Why a publication date cannot be right, or "" when it can."""
        if not self.earliest_date <= date <= self.latest_date:
            return f"{date.isoformat()} is outside {self.earliest_date.isoformat()}..{self.latest_date.isoformat()}"
        return ""


DEFAULT_LIMITS = ImportLimits()

# --- Characters PostgreSQL cannot store ---------------------------------------------------------

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> tuple[str, Counter[str]]:
    """The text without NUL and unpaired surrogates (PostgreSQL stores neither), and what went."""
    found = Counter(_UNSTORABLE.findall(text))
    return (_UNSTORABLE.sub("", text), found) if found else (text, found)


def storable_value(value: Any) -> tuple[Any, Counter[str]]:
    """`storable` for every string in a decoded JSON or YAML value (keys included)."""
    removed: Counter[str] = Counter()

    def clean(item: Any) -> Any:
        if isinstance(item, str):
            text, found = storable(item)
            removed.update(found)
            return text
        if isinstance(item, dict):
            return {clean(key): clean(inner) for key, inner in item.items()}
        if isinstance(item, list):
            return [clean(inner) for inner in item]
        return item

    return clean(value), removed


def describe_removed(removed: Counter[str]) -> str:
    """`2 × U+0000, 1 × U+D800`: what `storable` took out, for a removal record and the report."""
    return ", ".join(f"{count} × U+{ord(character):04X}" for character, count in sorted(removed.items()))


# --- Nesting --------------------------------------------------------------------------------------

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deeply the objects and lists of a JSON text nest, read without parsing it (json.loads
    recurses once a level, so a deep enough text would exhaust Python's stack)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_JSON_STRING.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def expanded_size(value: Any, *, limit: int) -> int:
    """How many characters `value` holds, counting shared parts (YAML aliases) each time they occur,
    and stopping as soon as the count passes `limit`."""
    size, stack = 0, [value]
    while stack and size <= limit:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
        else:
            size += len(str(item))
    return size


def printable(name: str) -> str:
    """A path or origin as one line of text: bytes that are not UTF-8 and control characters (a
    newline in a file name) written as escapes."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(character if character.isprintable() else repr(character)[1:-1] for character in text)
