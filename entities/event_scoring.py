"""Pure: score the event detector against a gold file of events and the sentences that report them.

The gold (`tests/gold/events/`, format in its README) lists articles read sentence by sentence,
the events they report with every evidence sentence, and sentences that look like events but are
not. The detector runs over each article as the importer would run it (parsed body, publication
day, entities found with the gazetteer plus the entities the gold names), its proposals are
merged across articles as detection merges them into stored proposals, and then:

- a proposal is **right** when it has the gold event's kind and one of its sentences is evidence
  of that event; a gold event is **found** when a proposal is right about it (an event proposed
  as two proposals is found once and counted as `split`);
- an **evidence link** (a proposal's sentence in an article) is right when its proposal is right
  about an event and the sentence is evidence of that same event;
- a **look-alike** is proposed when any proposal cites it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from archive.common.dates import UNKNOWN_DATE, DatePrecision, DateRange, PartialDate, partial_date
from entities.events import (
    MentionRef,
    Proposal,
    date_allows_joining,
    dates_meet,
    propose_events,
    roles_opposed,
    same_event,
)
from entities.gazetteer import GazetteerEntry

KINDS = frozenset(
    {"visit", "meeting", "agreement", "military_strike", "militant_attack", "border_incident", "trade_energy",
     "sanctions", "statement", "other"}
)  # fmt: skip
ENTITY_KINDS = frozenset({"person", "organisation", "armed_group", "country", "region", "city", "other"})


class EventGoldError(ValueError):
    """The gold file cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class GoldEvent:
    title: str
    kind: str
    date: DateRange
    evidence: tuple[tuple[str, str], ...]  # (article file, sentence)
    participants: tuple[tuple[str, str], ...] = ()  # (entity name, role)


@dataclass(frozen=True)
class EventGold:
    entities: tuple[GazetteerEntry, ...]
    articles: tuple[str, ...]
    events: tuple[GoldEvent, ...]
    look_alikes: tuple[tuple[str, str], ...]  # (article file, sentence)


def read_event_gold(path: Path) -> EventGold:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise EventGoldError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(raw, dict):
        raise EventGoldError(f"{path}: expected a mapping with entities, articles, events and non_events")
    entities = []
    for item in raw.get("entities") or []:
        if not isinstance(item, dict) or item.get("kind") not in ENTITY_KINDS or not str(item.get("name", "")).strip():
            raise EventGoldError(f"{path}: entity {item!r} needs a name and a kind")
        aliases = tuple(str(alias) for alias in item.get("aliases") or [])
        entities.append(GazetteerEntry(name=str(item["name"]), kind=item["kind"], aliases=aliases))
    articles = tuple(str(name) for name in raw.get("articles") or [])
    events = tuple(_gold_event(path, index, item, articles) for index, item in enumerate(raw.get("events") or []))
    look_alikes = tuple(_sentence(path, "non_events", item, articles) for item in raw.get("non_events") or [])
    return EventGold(tuple(entities), articles, events, look_alikes)


def _gold_event(path: Path, index: int, item: Any, articles: tuple[str, ...]) -> GoldEvent:
    where = f"{path}: event {index + 1}"
    if not isinstance(item, dict) or item.get("kind") not in KINDS:
        raise EventGoldError(f"{where}: kind must be one of {', '.join(sorted(KINDS))}")
    start, end = _gold_date(where, item.get("start")), _gold_date(where, item.get("end"))
    date = DateRange(start.date, end.date, start.precision, str(item.get("date_phrase") or ""))
    evidence = tuple(_sentence(path, f"event {index + 1}", piece, articles) for piece in item.get("evidence") or [])
    if not evidence:
        raise EventGoldError(f"{where}: an event needs at least one evidence sentence")
    participants = []
    for pair in item.get("participants") or []:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise EventGoldError(f"{where}: participant {pair!r} must be [entity name, role]")
        participants.append((str(pair[0]), str(pair[1])))
    return GoldEvent(str(item.get("title") or ""), item["kind"], date, evidence, tuple(participants))


def _gold_date(where: str, value: Any) -> PartialDate:
    if value is None:
        return UNKNOWN_DATE
    date = partial_date(value, iso_only=True)
    if date is None:
        raise EventGoldError(f"{where}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return date


def _sentence(path: Path, where: str, item: Any, articles: tuple[str, ...]) -> tuple[str, str]:
    if not isinstance(item, dict) or not item.get("file") or not str(item.get("sentence", "")).strip():
        raise EventGoldError(f"{path}: {where}: {item!r} needs a file and a sentence")
    if item["file"] not in articles:
        raise EventGoldError(f"{path}: {where}: {item['file']} is not among the articles read")
    return str(item["file"]), str(item["sentence"])


@dataclass
class Half:
    """The counts of one half of the gold; `details` only where tuning may look."""

    events: int = 0
    found: int = 0
    proposals: int = 0
    right: int = 0
    split: int = 0
    links: int = 0
    right_links: int = 0
    gold_links: int = 0
    found_links: int = 0
    dated: int = 0  # right proposals whose gold event has a date
    dates_agree: int = 0  # ... and whose date meets it at both precisions
    look_alikes: int = 0
    look_alikes_proposed: int = 0
    unlocated: int = 0  # gold sentences not found in the parsed body (a parser loss)
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.proposals if self.proposals else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.events if self.events else 1.0

    @property
    def link_precision(self) -> float:
        return self.right_links / self.links if self.links else 1.0

    @property
    def link_recall(self) -> float:
        return self.found_links / self.gold_links if self.gold_links else 1.0

    def lines(self) -> list[str]:
        return [
            f"proposals: precision {self.precision:.3f} ({self.right}/{self.proposals})  "
            f"recall {self.recall:.3f} ({self.found}/{self.events} events)  split {self.split}",
            f"evidence links: precision {self.link_precision:.3f} ({self.right_links}/{self.links})  "
            f"recall {self.link_recall:.3f} ({self.found_links}/{self.gold_links})",
            f"dates that meet the gold's: {self.dates_agree}/{self.dated}  "
            f"look-alikes proposed: {self.look_alikes_proposed}/{self.look_alikes}  "
            f"gold sentences the parser lost: {self.unlocated}",
        ]


@dataclass
class _Group:
    """Proposals merged as detection merges them into one stored proposal."""

    kind: str
    date: DateRange
    entities: set[Hashable]
    title: str
    roles: dict[Hashable, set[str]] = field(default_factory=dict)
    links: list[tuple[str, int, int, str]] = field(default_factory=list)  # (file, start, end, sentence)


def score_event_gold(gold: EventGold, *, entries: list[GazetteerEntry], base_dir: Path) -> Half:
    """Run the detector over the gold's articles with the gazetteer's entries and the gold's own
    entities, and count what it got right (see the module's docstring)."""
    from entities.extraction import Matcher, fold

    merged = _with_gold_entities(entries, gold.entities)
    matcher = Matcher(spec for index, entry in enumerate(merged) for spec in entry.alias_specs(index))
    kinds = {index: entry.kind for index, entry in enumerate(merged)}
    groups: list[_Group] = []
    spans: dict[tuple[str, str], tuple[int, int] | None] = {}
    half = Half(events=len(gold.events), look_alikes=len(gold.look_alikes))
    for name in gold.articles:
        body, published = _parse(base_dir / name)
        for sentence in {s for e in gold.events for f, s in e.evidence if f == name} | {
            s for f, s in gold.look_alikes if f == name
        }:
            spans[name, sentence] = _locate(body, sentence)
        refs = [
            MentionRef(f.start, f.end, f.entity, kinds[f.entity], merged[f.entity].name) for f in matcher.find(body)
        ]
        for proposal in propose_events(body, refs, published) if refs else []:
            _merge(groups, proposal, name, kinds, undated_article=published is None)

    def evidence_of(event: GoldEvent, link: tuple[str, int, int, str]) -> bool:
        file, start, end, _ = link
        return any(
            f == file and (span := spans.get((f, s))) is not None and span[0] < end and start < span[1]
            for f, s in event.evidence
        )

    index_of = {fold(entry.name): index for index, entry in enumerate(merged)}

    def roles_shared(event: GoldEvent, group: _Group) -> int:
        """A sentence may report two events (a strike and the strike it answered): the proposal is
        about the one whose participants it names in their roles."""
        return sum(role in group.roles.get(index_of.get(fold(name)), ()) for name, role in event.participants)

    found: dict[int, list[_Group]] = {}
    for group in groups:
        half.proposals += 1
        half.links += len(group.links)
        matches = [i for i, event in enumerate(gold.events) if event.kind == group.kind and any(
            evidence_of(event, link) for link in group.links)]  # fmt: skip
        if not matches:
            half.details.append(
                f"wrong    {group.kind}: {group.title} [{group.links[0][0]}: {group.links[0][3][:100]}]"
            )
            continue
        best = max(
            matches,
            key=lambda i: (
                sum(evidence_of(gold.events[i], link) for link in group.links),
                roles_shared(gold.events[i], group),
            ),
        )
        event = gold.events[best]
        half.right += 1
        found.setdefault(best, []).append(group)
        for link in group.links:
            if evidence_of(event, link):
                half.right_links += 1
            else:
                half.details.append(f"link     {event.title} <- [{link[0]}: {link[3][:100]}]")
        if event.date.start is not None:
            half.dated += 1
            if group.date.start is not None and dates_meet(group.date, event.date):
                half.dates_agree += 1
            else:
                gold_date, proposed = event.date, group.date
                half.details.append(
                    f"date     {event.title}: gold {gold_date.start} ({gold_date.precision}), "
                    f"proposed {proposed.start} ({proposed.precision}, {proposed.text!r})"
                )
    half.found = len(found)
    half.split = sum(len(proposed) - 1 for proposed in found.values())
    for index, event in enumerate(gold.events):
        for file, sentence in event.evidence:
            span = spans.get((file, sentence))
            half.gold_links += 1
            half.found_links += span is not None and any(
                f == file and s < span[1] and span[0] < e for g in found.get(index, []) for f, s, e, _ in g.links
            )
    for index, event in enumerate(gold.events):
        if index not in found:
            half.details.append(f"missed   {event.kind}: {event.title} [{event.evidence[0][1][:100]}]")
    half.unlocated = sum(span is None for span in spans.values())
    for file, sentence in gold.look_alikes:
        span = spans.get((file, sentence))
        if span and any(f == file and s < span[1] and span[0] < e for g in groups for f, s, e, _ in g.links):
            half.look_alikes_proposed += 1
            half.details.append(f"look-alike proposed [{file}: {sentence[:100]}]")
    return half


def _with_gold_entities(entries: list[GazetteerEntry], extra: tuple[GazetteerEntry, ...]) -> list[GazetteerEntry]:
    """The gazetteer with the gold's entities added, as a curator would have created them; a name
    the gazetteer already has only adds its aliases."""
    from dataclasses import replace

    from entities.extraction import fold

    merged = list(entries)
    by_name = {fold(name): index for index, entry in enumerate(merged) for name in (entry.name, *entry.aliases)}
    for entry in extra:
        index = by_name.get(fold(entry.name))
        if index is None:
            merged.append(entry)
            by_name[fold(entry.name)] = len(merged) - 1
        else:
            known = merged[index]
            merged[index] = replace(known, aliases=tuple(dict.fromkeys((*known.aliases, *entry.aliases))))
    return merged


def _parse(path: Path) -> tuple[str, datetime.date | None]:
    from articles.inputs import UnreadableFile, parse_first

    try:
        parsed = parse_first(path)
    except UnreadableFile as exc:
        raise EventGoldError(f"{path}: {exc}") from exc
    published = parsed.published.date if parsed.published.precision == DatePrecision.DAY else None
    return parsed.body, published


def _locate(body: str, sentence: str) -> tuple[int, int] | None:
    """Where the sentence stands in the body, whatever the whitespace and quote marks."""
    words = [re.escape(word) for word in sentence.split()]
    if not words:
        return None
    pattern = r"\s+".join(words).replace("’", "['’]").replace("\\'", "['’]").replace("“", '["“]').replace(
        "”", '["”]')  # fmt: skip
    match = re.search(pattern, body)
    return match.span() if match else None


def _merge(
    groups: list[_Group], proposal: Proposal, file: str, kinds: dict[Hashable, str], *, undated_article: bool
) -> None:
    """As detection.matching_event: an undated sentence of an undated article never joins a dated event."""
    link = (file, proposal.start, proposal.end, proposal.sentence)
    for group in groups:
        if not date_allows_joining(proposal.date, group.date.start, confirmed=False, undated_article=undated_article):
            continue
        if roles_opposed(proposal.kind, dict(proposal.participants), group.roles):
            continue
        if same_event(proposal.kind, proposal.date, proposal.entities, group.kind, group.date,
                      frozenset(group.entities), kinds=kinds):  # fmt: skip
            if link not in group.links:
                group.links.append(link)
            group.entities |= proposal.entities
            for entity, role in proposal.participants:
                group.roles.setdefault(entity, set()).add(role)
            if group.date.start is None and proposal.date.start is not None:
                group.date = proposal.date  # as detection: a later report's date fills an unknown one
            return
    roles = {entity: {role} for entity, role in proposal.participants}
    groups.append(_Group(proposal.kind, proposal.date, set(proposal.entities), proposal.title, roles, [link]))
