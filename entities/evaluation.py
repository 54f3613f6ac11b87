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


def _other_texts(article: dict, parsed: object, gold_path: Path) -> list[tuple[str, list[dict]]]:
    """The summary and the photo captions the gold labels, each checked against what the parser
    gives now (the importer reads mentions in both)."""
    stored = [parsed.summary] if parsed.summary else []
    stored += [removal.text for removal in parsed.captions]
    labelled = [article["summary"]] if "summary" in article else []
    labelled += article.get("captions", [])
    if [entry["text"] for entry in labelled] != stored:
        raise GoldError(f"{gold_path}: {article['file']}: the parser's summary or captions changed; relabel them")
    return [(entry["text"], entry["mentions"]) for entry in labelled]


def _parts(article: dict) -> list[str]:
    summary = ["summary"] if "summary" in article else []
    return summary + [f"caption {number}" for number in range(1, len(article.get("captions", [])) + 1)]


class GoldError(ValueError):
    """The gold file cannot be used; the message names the file and the reason."""


def evaluate_gold(gold_path: Path, *, gazetteer_path: Path | None = None, base_dir: Path) -> GoldReport:
    """Parse each gold article as the importer does, extract with the gazetteer file from its body,
    summary and photo captions, and score."""
    import hashlib
    import json

    from articles.inputs import UnreadableFile, parse_first
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
        try:
            parsed = parse_first(base_dir / article["file"])
        except UnreadableFile as exc:
            raise GoldError(f"{gold_path}: {article['file']}: {exc}") from exc
        if hashlib.sha256(parsed.body.encode()).hexdigest() != article["body_sha256"]:
            raise GoldError(f"{gold_path}: {article['file']}: the parser's body changed; the gold offsets are stale")
        texts = [(parsed.body, article["mentions"])]
        texts += _other_texts(article, parsed, gold_path)
        group = Path(article["file"]).parent.name
        names_of_texts = [article["file"]] + [f"{article['file']} ({part})" for part in _parts(article)]
        for name, (text, labels) in zip(names_of_texts, texts, strict=True):
            expected = [Span(m["start"], m["end"], m["text"], frozenset({fold(m["entity"])})) for m in labels]
            mentions = matcher.find(text)
            found = [Span(f.start, f.end, f.text, names[f.entity]) for f in mentions]
            candidates = matcher.candidates(text, mentions)
            lenient, strict = score(expected, found), score(expected, found, strict=True)
            for result in (lenient, strict):
                result.proposed = sum(
                    any(c.start < miss.end and miss.start < c.end for c in candidates) for miss in result.missed
                )
            report.articles.append((name, lenient))
            report.lenient.setdefault(group, Score()).__iadd__(lenient)
            report.strict.setdefault(group, Score()).__iadd__(strict)
    return report


@dataclass
class EventScore:
    """How the detector's proposals compare with a curated timeline of the same articles."""

    curated: int = 0
    found: int = 0  # curated events some proposal matches
    proposals: int = 0  # proposals, after merging the ones that report the same event
    right: int = 0  # proposals that match a curated event
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.proposals if self.proposals else 1.0

    def line(self) -> str:
        return (
            f"recall {self.recall:.3f} ({self.found}/{self.curated} curated events found)  "
            f"precision {self.precision:.3f} ({self.right}/{self.proposals} proposals right)"
        )


def evaluate_events(events_path: Path, *, gazetteer_path: Path | None = None, base_dir: Path) -> EventScore:
    """Run the event detector over the articles a curated timeline cites, with the gazetteer file,
    merge proposals that report one event, and compare them with the timeline."""
    from archive.common.dates import DatePrecision, DateRange
    from articles.inputs import UnreadableFile, parse_first
    from entities.curated_events import read_events
    from entities.events import MentionRef, dates_meet, propose_events, same_event
    from entities.extraction import fold
    from entities.gazetteer import matcher_from_file

    matcher, entries = matcher_from_file(gazetteer_path)
    by_name = {fold(name): index for index, entry in enumerate(entries) for name in (entry.name, *entry.aliases)}
    kinds = {index: entry.kind for index, entry in enumerate(entries)}
    curated = read_events(events_path)
    files = sorted({file for event in curated for file, _ in event.evidence})
    groups: list[tuple[object, set[str]]] = []  # (first proposal, files reporting it)
    for name in files:
        try:
            parsed = parse_first(base_dir / "seeds" / name)
        except UnreadableFile as exc:
            raise GoldError(f"{events_path}: {name}: {exc}") from exc
        published = parsed.published.date if parsed.published.precision == DatePrecision.DAY else None
        refs = [
            MentionRef(f.start, f.end, f.entity, kinds[f.entity], entries[f.entity].name)
            for f in matcher.find(parsed.body)
        ]
        for proposal in propose_events(parsed.body, refs, published):
            group = next(
                (g for g in groups if same_event(proposal.kind, proposal.date, proposal.entities, g[0].kind,
                                                 g[0].date, g[0].entities, kinds=kinds)),
                None,
            )  # fmt: skip
            if group is None:
                groups.append((proposal, {name}))
            else:
                group[1].add(name)

    def matches(event: object, proposal: object, reported_in: set[str]) -> bool:
        names = {by_name.get(fold(n)) for n, _, _ in event.participants} | {by_name.get(fold(event.location))}
        return (
            proposal.kind == event.kind
            and dates_meet(proposal.date, DateRange(event.start.date, event.end.date, event.start.precision))
            and bool(proposal.entities & (names - {None}))
            and bool(reported_in & {file for file, _ in event.evidence})
        )

    score = EventScore(curated=len(curated), proposals=len(groups))
    for event in curated:
        if any(matches(event, proposal, files) for proposal, files in groups):
            score.found += 1
        else:
            score.missed.append(event.title)
    for proposal, reported_in in groups:
        if any(matches(event, proposal, reported_in) for event in curated):
            score.right += 1
        else:
            score.wrong.append(f"{proposal.kind}: {proposal.title} [{proposal.sentence[:90]}]")
    return score
