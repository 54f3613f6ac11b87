"""Pure: how well an event is corroborated, from its evidence as read: which outlets report it, how
many independent reports there are (a copy of an article, such as a syndicated agency story, is
the same report), the earliest and latest report, and where the reports disagree.

Disagreements are read from the evidence sentences themselves: dates that contradict the event's
or each other (no day in common at their precisions; each resolved against its article's own
publication day), a report that puts the event in another place of the same kind, reports of a
strike, attack or statement that name actors with none in common (as the detector reads each
sentence), and numbers of dead, wounded or abducted that differ.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from archive.common.dates import DatePrecision, DateRange
from entities.events import DIRECTED, PLACE_KINDS, MentionRef, propose_events
from entities.temporal import resolve_date


@dataclass(frozen=True)
class Report:
    """One piece of evidence as corroboration reads it."""

    article: int
    canonical: int  # the article it is a copy of, or itself
    outlet: str
    published: datetime.date | None
    precision: str
    sentence: str
    named: tuple[MentionRef, ...] = ()  # the entities the sentence names, offsets within the sentence

    @property
    def places(self) -> list[tuple[str, str]]:
        """(name, kind) of the places the sentence names."""
        return [(mention.name, mention.kind) for mention in self.named if mention.kind in PLACE_KINDS]

    @property
    def publication_day(self) -> datetime.date | None:
        """The day relative dates in the sentence are read against, when the article gives one."""
        return self.published if self.precision == DatePrecision.DAY else None


@dataclass
class Disagreement:
    point: str  # date, place or a number's noun ("killed", "wounded")
    values: dict[str, list[int]] = field(default_factory=dict)  # what is said -> the articles that say it


@dataclass
class Corroboration:
    reports: int = 0
    independent_reports: int = 0
    outlets: list[str] = field(default_factory=list)
    earliest_report: datetime.date | None = None
    latest_report: datetime.date | None = None
    disagreements: list[Disagreement] = field(default_factory=list)


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "dozen": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_COUNT = r"(\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")"
_PEOPLE = (
    r"(?:[\w-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|militants|fighters|police(?:men)?|officers|"
    r"guards|personnel|passengers|workers|children|engineers|others|members|labourers|pilgrims|students)"
)
# "12 soldiers were killed", "killing at least 12 people", "death toll rose to 12"
CASUALTIES = [
    (re.compile(rf"\b{_COUNT}\s+(?:{_PEOPLE}\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+)?(killed|dead|died|wounded|injured"
                rf"|abducted|kidnapped)\b", re.I), None),
    (re.compile(rf"\b(kill|wound|injur|abduct|kidnapp)(?:ed|ing|e|s)?\s+(?:at\s+least\s+|some\s+|about\s+|nearly\s+)?"
                rf"{_COUNT}\b", re.I), "verb-first"),
    (re.compile(rf"\bdeath\s+toll\s+(?:\w+\s+){{0,3}}?(?:to|of|at)\s+(?:at\s+least\s+)?{_COUNT}\b", re.I), "toll"),
]  # fmt: skip
NOUNS = {"kill": "killed", "killed": "killed", "dead": "killed", "died": "killed", "wound": "wounded",
         "wounded": "wounded", "injur": "wounded", "injured": "wounded", "abduct": "abducted", "abducted": "abducted",
         "kidnapp": "abducted", "kidnapped": "abducted"}  # fmt: skip


def casualty_counts(sentence: str) -> dict[str, int]:
    """The numbers of killed, wounded and abducted a sentence gives (the largest of each)."""
    found: dict[str, int] = {}
    for pattern, form in CASUALTIES:
        for match in pattern.finditer(sentence):
            if form is None:
                number, noun = match.group(1), NOUNS[match.group(2).lower()]
            elif form == "verb-first":
                noun, number = NOUNS[match.group(1).lower()], match.group(2)
            else:
                noun, number = "killed", match.group(1)
            value = _number(number)
            if value is not None:
                found[noun] = max(found.get(noun, 0), value)
    return found


def _number(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    return int(text) if text.isdigit() and len(text) < 7 else None


def corroborate(
    reports: Sequence[Report], *, event_dates: DateRange, location: tuple[str, str] | None = None, kind: str = ""
) -> Corroboration:
    """`location` is the event's place as (name, kind); a report that names another place of that kind
    and not this one disagrees on the place. `kind` is the event's: for a directed kind, reports whose
    actors have none in common disagree on the actor."""
    result = Corroboration(
        reports=len({r.article for r in reports}),
        independent_reports=len({r.canonical for r in reports}),
        outlets=sorted({r.outlet for r in reports if r.outlet}),
    )
    days = [r.published for r in reports if r.published is not None]
    result.earliest_report, result.latest_report = (min(days), max(days)) if days else (None, None)
    said = [(r, resolve_date(r.sentence, r.publication_day)) for r in reports]
    known = [(r, d) for r, d in said if d.start is not None]
    if any(d.contradicts(event_dates) for _, d in known) or any(a.contradicts(b) for _, a in known for _, b in known):
        result.disagreements.append(Disagreement("date", _grouped((_date_text(d), r.article) for r, d in known)))
    if location is not None:
        elsewhere = [
            (name, r.article)
            for r in reports
            if location[0] not in {n for n, _ in r.places}
            for name, kind in r.places
            if kind == location[1]
        ]
        if elsewhere:
            given = [(location[0], r.article) for r in reports if location[0] in {n for n, _ in r.places}]
            result.disagreements.append(Disagreement("place", _grouped(given + elsewhere)))
    if kind in DIRECTED:
        actors = [(names, r.article) for r in reports if (names := _actors(r, kind))]
        if any(not first & second for first, _ in actors for second, _ in actors):
            result.disagreements.append(Disagreement("actor", _grouped((n, a) for names, a in actors for n in names)))
    counts: dict[str, list[tuple[str, int]]] = {}
    for report in reports:
        for noun, value in casualty_counts(report.sentence).items():
            counts.setdefault(noun, []).append((str(value), report.article))
    for noun, values in sorted(counts.items()):
        if len({value for value, _ in values}) > 1:
            result.disagreements.append(Disagreement(noun, _grouped(values)))
    return result


def _actors(report: Report, kind: str) -> frozenset[str]:
    """Who the sentence says acted, as the detector reads it for an event of this kind."""
    for proposal in propose_events(report.sentence, report.named, report.publication_day):
        if proposal.kind == kind:
            return frozenset(proposal.names[entity] for entity, role in proposal.participants if role == "actor")
    return frozenset()


def _date_text(date: DateRange) -> str:
    form = {DatePrecision.DAY: "%Y-%m-%d", DatePrecision.MONTH: "%Y-%m", DatePrecision.YEAR: "%Y"}
    text = date.start.strftime(form.get(date.precision, "%Y-%m-%d"))
    return f"{text}/{date.end.strftime(form.get(date.precision, '%Y-%m-%d'))}" if date.end else text


def _grouped(pairs: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    """What is said -> the articles that say it."""
    grouped: dict[str, set[int]] = {}
    for said, article in pairs:
        grouped.setdefault(said, set()).add(article)
    return {said: sorted(articles) for said, articles in sorted(grouped.items())}
