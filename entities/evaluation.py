"""Pure: score extracted mentions against a hand-labelled gold set (precision and recall).

A predicted mention is right when it names the gold mention's entity (the gold gives the entity's
canonical name; any of the predicted entity's names or aliases may equal it) and its span overlaps
the gold span (`lenient`), or equals it exactly (`strict`: titles in front of names included).
Each gold mention is matched at most once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    names: frozenset[str]  # folded names of the entity: canonical name and aliases (one for gold)


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    missed: list[Span] = field(default_factory=list)
    wrong: list[Span] = field(default_factory=list)
    proposed: int = 0  # missed mentions that the extractor did propose as candidate names

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct
        self.missed += other.missed
        self.wrong += other.wrong
        self.proposed += other.proposed
        return self

    def line(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.correct}/{self.predicted})  "
            f"recall {self.recall:.3f} ({self.correct}/{self.gold})  F1 {self.f1:.3f}  "
            f"missed but proposed as candidates {self.proposed}/{len(self.missed)}"
        )


def score(gold: Sequence[Span], predicted: Iterable[Span], *, strict: bool = False) -> Score:
    result = Score(gold=len(gold))
    unmatched = list(gold)
    for guess in predicted:
        result.predicted += 1
        match = next((g for g in unmatched if _same(g, guess, strict=strict)), None)
        if match is None:
            result.wrong.append(guess)
        else:
            unmatched.remove(match)
            result.correct += 1
    result.missed = unmatched
    return result


def _same(gold: Span, guess: Span, *, strict: bool) -> bool:
    if not gold.names & guess.names:
        return False
    if strict:
        return (gold.start, gold.end) == (guess.start, guess.end)
    return gold.start < guess.end and guess.start < gold.end


@dataclass
class GoldReport:
    """Scores per gold article and per group (the folder its file is in)."""

    lenient: dict[str, Score] = field(default_factory=dict)
    strict: dict[str, Score] = field(default_factory=dict)
    articles: list[tuple[str, Score]] = field(default_factory=list)

    def overall(self, *, strict: bool = False) -> Score:
        total = Score()
        for group in (self.strict if strict else self.lenient).values():
            total += group
        return total


class GoldError(ValueError):
    """The gold file cannot be used; the message names the file and the reason."""


def evaluate_gold(gold_path: Path, *, gazetteer_path: Path | None = None, base_dir: Path) -> GoldReport:
    """Parse each gold article as the importer does, extract with the gazetteer file, and score."""
    import hashlib
    import json

    from articles.importing import Item, read_file
    from entities.extraction import fold
    from entities.gazetteer import matcher_from_file

    matcher, entries = matcher_from_file(gazetteer_path)
    names = [frozenset(fold(name) for name in (entry.name, *entry.aliases)) for entry in entries]
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{gold_path}: cannot read: {exc}") from exc
    report = GoldReport()
    for article in gold["articles"]:
        path = base_dir / article["file"]
        item = next(iter(read_file(path, max_bytes=10_000_000)))
        if not isinstance(item, Item):
            raise GoldError(f"{gold_path}: {article['file']}: {item.detail}")
        body = item.parse().body
        if hashlib.sha256(body.encode()).hexdigest() != article["body_sha256"]:
            raise GoldError(f"{gold_path}: {article['file']}: the parser's body changed; the gold offsets are stale")
        expected = [Span(m["start"], m["end"], m["text"], frozenset({fold(m["entity"])})) for m in article["mentions"]]
        mentions = matcher.find(body)
        found = [Span(f.start, f.end, f.text, names[f.entity]) for f in mentions]
        candidates = matcher.candidates(body, mentions)
        group = Path(article["file"]).parent.name
        lenient, strict = score(expected, found), score(expected, found, strict=True)
        for result in (lenient, strict):
            result.proposed = sum(
                any(c.start < miss.end and miss.start < c.end for c in candidates) for miss in result.missed
            )
        report.articles.append((article["file"], lenient))
        report.lenient.setdefault(group, Score()).__iadd__(lenient)
        report.strict.setdefault(group, Score()).__iadd__(strict)
    return report
