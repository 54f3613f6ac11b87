"""How right the importer reads pages: a corpus of saved pages with what a careful person recorded
about each (the gold), compared field by field with what the parser reads. No database.

The corpus (tests/corpus/import, see its README) holds groups scored apart: `dev` (pages the parser
may be tuned on), `heldout` (pages nobody tuning looks at: only its scores are shown) and `seeds`.
A page is right on a field when the parser read what the gold says, compared as a reader would:
case, spacing and quote styles aside; an outlet by any of its known names; authors in any order, with or
without a title such as `Dr`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from archive.common.dates import DatePrecision
from articles.cleaning import canonical_text
from articles.inputs import Item, read_file
from articles.outlets import OutletIndex, name_key
from articles.parsing import ParsedArticle, ParseError

FIELDS = ("title", "outlet", "date", "precision", "author", "type", "summary")
GOLD_KEYS = frozenset({"file", "title", "outlet", "published", "precision", "author", "type", "summary", "body",
                       "furniture"})  # fmt: skip
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.IGNORECASE)
_TITLE = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|sir)\.?\s+(?=\S)", re.IGNORECASE)
_BY = re.compile(r"^(?:by|written by|reported by)\s+", re.IGNORECASE)


class GoldError(ValueError):
    """The gold cannot be read; the message names the file and the entry."""


@dataclass(frozen=True)
class Gold:
    """What a careful person recorded about one page."""

    file: str
    title: str
    outlet: str
    published: str | None  # YYYY-MM-DD, YYYY-MM, YYYY or None
    precision: str
    author: str
    type: str
    summary: str
    body: tuple[str, ...]
    furniture: tuple[str, ...]


@dataclass
class PageScore:
    file: str
    right: dict[str, bool] = field(default_factory=dict)
    expected: dict[str, str] = field(default_factory=dict)
    found: dict[str, str] = field(default_factory=dict)
    furniture: int = 0
    furniture_kept: list[str] = field(default_factory=list)
    lines: int = 0
    lines_lost: list[str] = field(default_factory=list)
    error: str = ""

    def problems(self) -> list[str]:
        """One line per thing the parser got wrong on this page."""
        if self.error:
            return [f"not read: {self.error}"]
        found = [f"{name}: expected {self.expected[name]!r}, read {self.found[name]!r}"
                 for name in FIELDS if not self.right[name]]  # fmt: skip
        found += [f"furniture kept: {line!r}" for line in self.furniture_kept]
        found += [f"article line lost: {line[:100]!r}" for line in self.lines_lost]
        return found


@dataclass
class GroupScore:
    name: str
    pages: list[PageScore] = field(default_factory=list)

    def right(self, name: str) -> int:
        return sum(1 for page in self.pages if page.right.get(name))

    def percent(self, name: str) -> float:
        return 100.0 * self.right(name) / len(self.pages) if self.pages else 0.0

    @property
    def furniture(self) -> int:
        return sum(page.furniture for page in self.pages)

    @property
    def furniture_kept(self) -> int:
        return sum(len(page.furniture_kept) for page in self.pages)

    @property
    def lines(self) -> int:
        return sum(page.lines for page in self.pages)

    @property
    def lines_lost(self) -> int:
        return sum(len(page.lines_lost) for page in self.pages)

    @property
    def perfect(self) -> bool:
        return all(not page.problems() for page in self.pages)


def read_gold(paths: Iterable[Path]) -> list[Gold]:
    entries = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise GoldError(f"{path}: expected a list of pages")
        for number, raw in enumerate(data, start=1):
            entries.append(_gold(path, number, raw))
    return entries


def _gold(path: Path, number: int, raw: Any) -> Gold:
    where = f"{path}: page {number}"
    if not isinstance(raw, dict) or set(raw) != GOLD_KEYS:
        keys = sorted(raw) if isinstance(raw, dict) else type(raw).__name__
        raise GoldError(f"{where}: expected exactly the keys {', '.join(sorted(GOLD_KEYS))}, not {keys}")
    published = raw["published"]
    return Gold(
        file=str(raw["file"]),
        title=str(raw["title"] or ""),
        outlet=str(raw["outlet"] or ""),
        published=None if published in (None, "") else str(published),
        precision=str(raw["precision"] or DatePrecision.UNKNOWN),
        author=str(raw["author"] or ""),
        type=str(raw["type"] or "news"),
        summary=str(raw["summary"] or ""),
        body=tuple(str(line) for line in raw["body"] or ()),
        furniture=tuple(str(line) for line in raw["furniture"] or ()),
    )


def score_folder(name: str, folder: Path, gold: Sequence[Gold], outlets: OutletIndex) -> GroupScore:
    group = GroupScore(name)
    for page in sorted(gold, key=lambda page: page.file):
        group.pages.append(score_page(folder / page.file, page, outlets))
    return group


def score_page(path: Path, gold: Gold, outlets: OutletIndex) -> PageScore:
    score = PageScore(file=gold.file, furniture=len(gold.furniture), lines=len(gold.body))
    try:
        parsed = read_page(path, outlets)
    except (ParseError, OSError) as exc:
        score.error = str(exc)
        score.right = dict.fromkeys(FIELDS, False)
        score.lines_lost = list(gold.body)
        return score
    expected = _fields_of_gold(gold)
    found = _fields_read(parsed)
    score.expected, score.found = expected, found
    score.right = {
        "title": canonical_text(found["title"]) == canonical_text(expected["title"]),
        "outlet": _outlet_key(found["outlet"], outlets) == _outlet_key(expected["outlet"], outlets),
        "date": found["date"] == expected["date"],
        "precision": found["precision"] == expected["precision"],
        "author": _authors(found["author"]) == _authors(expected["author"]),
        "type": found["type"] == expected["type"],
        "summary": canonical_text(found["summary"]) == canonical_text(expected["summary"]),
    }
    score.furniture_kept, score.lines_lost = _body_differences(parsed.body, gold)
    return score


def read_page(path: Path, outlets: OutletIndex) -> ParsedArticle:
    """The page as the importer reads it (the first record of an export)."""
    for entry in read_file(path, outlets=outlets):
        if isinstance(entry, Item):
            return entry.parse()
        raise ParseError(entry.reason)
    raise ParseError("nothing to read")


def _fields_of_gold(gold: Gold) -> dict[str, str]:
    date = gold.published or ""
    if date and gold.precision == DatePrecision.MONTH and len(date) == 7:
        date += "-01"
    elif date and gold.precision == DatePrecision.YEAR and len(date) == 4:
        date += "-01-01"
    return {
        "title": gold.title, "outlet": gold.outlet, "date": date, "precision": gold.precision, "author": gold.author,
        "type": gold.type, "summary": gold.summary,
    }  # fmt: skip


def _fields_read(parsed: ParsedArticle) -> dict[str, str]:
    date = parsed.published.date.isoformat() if parsed.published.date else ""
    return {
        "title": parsed.title, "outlet": parsed.outlet, "date": date, "precision": str(parsed.published.precision),
        "author": parsed.byline, "type": parsed.article_type, "summary": parsed.summary,
    }  # fmt: skip


def _outlet_key(name: str, outlets: OutletIndex) -> str:
    known = outlets.named(name) if name else None
    return name_key(known.name if known else name)


def _authors(text: str) -> frozenset[str]:
    """The authors as a reader compares them: in any order, and with or without a title (`Dr`, `Prof`)."""
    text = _BY.sub("", text.strip())
    parts = (_TITLE.sub("", part.strip()) for part in _AUTHOR_SEPARATORS.split(text))
    return frozenset(canonical_text(part) for part in parts if part.strip())


def _body_differences(body: str, gold: Gold) -> tuple[list[str], list[str]]:
    """Furniture lines the body kept, and article lines it lost (or merged with something else).

    A paragraph of the body that is no article line is extra; the furniture lines standing in extra
    paragraphs were kept. An article line is lost when no body paragraph is, or holds, it.
    """
    article_lines = {canonical_text(line) for line in gold.body}
    paragraphs = [canonical_text(paragraph) for paragraph in body.split("\n\n") if paragraph.strip()]
    extra = [paragraph for paragraph in paragraphs if paragraph not in article_lines]
    kept = [line for line in gold.furniture if canonical_text(line) and _stands_in(canonical_text(line), extra)]
    # A body paragraph that is no article line and holds none is kept furniture too (a headline, a deck).
    kept += [
        paragraph
        for paragraph in extra
        if not any(line in paragraph for line in article_lines)
        and not any(_stands_in(canonical_text(line), [paragraph]) for line in gold.furniture if canonical_text(line))
    ]
    whole = "\n".join(paragraphs)
    lost = [line for line in gold.body if canonical_text(line) not in whole]
    return kept, lost


def _stands_in(line: str, paragraphs: Sequence[str]) -> bool:
    """A furniture line stands in a paragraph when it is the paragraph, or (three words or more, so
    that a menu's `Refugees` is not found inside a sentence) a whole part of it."""
    if line in paragraphs:
        return True
    if len(line.split()) < 3:
        return False
    pattern = re.compile(rf"(?:^|\W){re.escape(line)}(?:\W|$)")
    return any(pattern.search(paragraph) for paragraph in paragraphs)


def format_table(groups: Sequence[GroupScore]) -> list[str]:
    header = f"{'group':<9}{'pages':>6}" + "".join(f"{name:>10}" for name in FIELDS)
    header += f"{'furniture kept':>17}{'article lines lost':>21}"
    lines = [header]
    for group in groups:
        row = f"{group.name:<9}{len(group.pages):>6}" + "".join(f"{group.percent(name):>9.1f}%" for name in FIELDS)
        row += f"{f'{group.furniture_kept} of {group.furniture}':>17}{f'{group.lines_lost} of {group.lines}':>21}"
        lines.append(row)
    return lines
