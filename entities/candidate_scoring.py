"""Score the names the extractor proposes as candidates against a gold of places read by people.

The gold (`tests/gold/candidates/`: `dev.yaml`, and `heldout.yaml`, never read while tuning) is a
random sample of places in the import corpus where the extractor once proposed a candidate (one
per candidate), each labelled with the name a curator would add there (its exact words, titles
and sentence openers left out; empty when there is no named thing) with its kind and the title
written before a person's name. At each place the extractor runs as the importer runs it, and:

- a place is **right** when a candidate overlapping it is exactly the labelled name;
- **wrong** when candidates overlap it but none is the name (junk, or the name cut wrong);
- **missed** when it has a name that no candidate proposes and no mention covers;
- **known** when a mention of the gazetteer covers the name: nothing to propose.

Precision is right / (right + wrong), recall right / (right + missed); among the right ones, the
share whose guessed kind (and role, where a title was written) is the labelled one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from articles.inputs import UnreadableFile, parse_first
from entities.extraction import Matcher


class CandidateGoldError(ValueError):
    """The gold file cannot be used; the message names the file and the row."""


@dataclass
class CandidateScore:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    known: int = 0
    kind_right: int = 0
    roles: int = 0
    role_right: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 0.0

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else 0.0

    def line(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.right}/{self.right + self.wrong})  "
            f"recall {self.recall:.3f} ({self.right}/{self.right + self.missed})  "
            f"kind right {self.kind_right}/{self.right}  role right {self.role_right}/{self.roles}  "
            f"known to the gazetteer {self.known}"
        )


def score_candidate_gold(path: Path, *, matcher: Matcher, base_dir: Path) -> CandidateScore:
    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise CandidateGoldError(f"{path}: cannot read: {exc}") from exc
    score = CandidateScore()
    texts: dict[tuple[str, str], list[str]] = {}
    for number, row in enumerate(rows, 1):
        try:
            file, place, start, end = row["file"], row["field"], int(row["start"]), int(row["end"])
            row["name"]
        except (KeyError, TypeError, ValueError) as exc:
            raise CandidateGoldError(f"{path}: row {number}: needs file, field, start, end and name") from exc
        if (file, place) not in texts:
            texts[(file, place)] = _texts_of(base_dir / file, place, path)
        text = next((t for t in texts[(file, place)] if _same_words(t[start:end], row["proposed"])), None)
        if text is None:
            raise CandidateGoldError(f"{path}: row {number}: {file} no longer reads {row['proposed']!r} there")
        _score_place(score, text, start, end, row, matcher)
    return score


def _score_place(score: CandidateScore, text: str, start: int, end: int, row: dict, matcher: Matcher) -> None:
    name = row["name"] or ""
    found = matcher.find(text)
    named_at = _place_of(text, name, start, end) if name else None
    if named_at is not None and any(f.start < named_at[1] and named_at[0] < f.end for f in found):
        score.known += 1
        return
    places = [(start, end)] if named_at is None else [(start, end), named_at]
    overlapping = [c for c in matcher.candidates(text, found) if any(c.start < e and s < c.end for s, e in places)]
    exact = next((c for c in overlapping if c.text == name), None) if name else None
    if exact is not None:
        score.right += 1
        score.kind_right += exact.kind_guess == row.get("kind")
        if row.get("role"):
            score.roles += 1
            score.role_right += (
                " ".join(getattr(exact, "role", "").split()).lower() == " ".join(row["role"].split()).lower()
            )
        score.details.append(f"right  {name!r} ({exact.kind_guess}, labelled {row.get('kind')})")
    elif overlapping:
        score.wrong += 1
        score.details.append(f"wrong  {', '.join(repr(c.text) for c in overlapping)} where the name is {name!r}")
    elif name:
        score.missed += 1
        score.details.append(f"missed {name!r}")


def _same_words(written: str, proposed: str) -> bool:
    """The candidate's name as first seen may differ from this occurrence in case and spacing."""
    return " ".join(written.split()).casefold() == " ".join(proposed.split()).casefold()


def _place_of(text: str, name: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the labelled name stands: the occurrence nearest the proposed span."""
    window_start = max(0, start - len(name) - 200)
    at = text.find(name, window_start, end + len(name) + 200)
    best = None
    while at != -1 and at < end + 200:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(name, at + 1, end + len(name) + 200)
    return (best, best + len(name)) if best is not None else None


def _texts_of(file: Path, place: str, gold: Path) -> list[str]:
    try:
        parsed = parse_first(file)
    except UnreadableFile as exc:
        raise CandidateGoldError(f"{gold}: {file}: {exc}") from exc
    if place == "caption":
        return [removal.text for removal in parsed.captions]
    return [{"body": parsed.body, "summary": parsed.summary, "title": parsed.title}.get(place, "")]
