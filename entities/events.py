"""Pure: propose events from an article's sentences, its entity mentions and its publication date.

A sentence proposes an event when it holds a trigger of one kind (visited, met, signed, carried
out strikes, ...) that reports something that happened (not denied, planned, habitual or claimed)
and enough to anchor it: a named actor (or, for violence by unnamed men, the place it struck), and a
date the sentence gives or, for visits, meetings and statements, a named person. Participants are
the entities the sentence mentions, with a role guessed from where they stand around the trigger
("Munir visited Tehran": Munir the visitor, Tehran the place); the date is resolved against the
publication date, and a sentence without one gives an unknown date, never a made-up one.

`same_event` decides when two proposals, or a proposal and a stored event, are one real-world
event reported twice: same kind, dates that meet, and shared participants.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from archive.common.dates import UNKNOWN_RANGE, DateRange
from archive.common.sentences import sentence_spans
from articles.layout import dateline_length
from entities.temporal import resolve_date

PLACE_KINDS = frozenset({"city", "region", "country"})
ACTOR_KINDS = frozenset({"person", "organisation", "armed_group", "country"})


@dataclass(frozen=True)
class Trigger:
    kind: str
    pattern: re.Pattern[str]
    before: str  # role of a participant named before the trigger
    after: str  # ... and after it


def _trigger(kind: str, words: str, before: str, after: str) -> Trigger:
    return Trigger(kind, re.compile(rf"\b(?:{words})\b", re.IGNORECASE), before, after)


# "a strike on Saturday" is a walkout on a day, not an attack on a target.
NOT_A_DATE = (
    r"(?! (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|\d))"
)

# The order matters: the first kind that matches a stretch of text claims it.
TRIGGERS = [
    _trigger(
        "military_strike",
        r"(?:air|missile|drone|artillery|retaliatory|cross-border) ?strikes?|carried out (?:[\w-]+ ){0,2}"
        r"strikes?|launched (?:missile |drone |air )?strikes|strikes? (?:on|against|targeting)" + NOT_A_DATE + r"|"
        r"struck(?! down| (?:a |an |the )?(?:[\w-]+ ){0,2}(?:deals?|agreements?|accords?|bargains?|balance|chord|"
        r"tone|note|score|century|six|four|boundary|goal|pose|blow))|"
        r"bombed|"
        r"shelled|pounded|raided|targeted (?:multiple )?(?:suspected )?(?:hideouts|camps|positions)|"
        r"killed (?:at least )?\w+ (?:suspected )?(?:militants|terrorists|insurgents|khawarij|khwarij)|"
        r"(?:militants|terrorists|insurgents) were killed|(?:forces|troops|army|military) attacked",
        "actor",
        "target",
    ),
    _trigger(
        "militant_attack",
        r"suicide (?:bombing|attack|bomber)|(?:terrorist|militant|gun|grenade|bomb|rocket|missile|drone|mortar) "
        r"attack\b|ambush(?:ed)?|"
        r"hijack(?:ed|ing)?|stormed|killed \w+ (?:soldiers|policemen|officers|people|engineers|civilians|guards)|"
        r"opened fire|fired (?:missiles|rockets|drones|mortars) (?:at|on|into)|overran|abducted|kidnapped|"
        r"set fire to|blew up|carried out (?:[\w-]+ ){0,2}attacks?|"
        r"(?:(?:last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|weekend)['’]s "
        r"(?:[\w-]+ )?(?:attacks?|bombings?|blasts?|ambush|raid)|"
        r"(?:gunmen|militants|attackers|insurgents|terrorists|fighters|rebels) (?:attacked|raided|killed)",
        "actor",
        "target",
    ),
    _trigger(
        "border_incident",
        r"return fire|exchange(?:d)? (?:of )?fire|border clash(?:es)?|clashed|cross-border firing|skirmish(?:es)?",
        "actor",
        "target",
    ),
    _trigger(
        "agreement",
        r"agreed(?! that)|signed(?! (?:a |an |the )?(?:presidential|executive) (?:memorand\w+|orders?)|"
        r" (?:a |an |the )?(?:petitions?|letters?|condolence books?|books?|decrees?|"
        r"laws?|bills?|(?:executive )?orders?|into law|autographs?))|reached (?:an |the )?agreement|joint statement|"
        r"pledged|memorandum of understanding|agreement (?:to|on)|"
        r"(?:agreement|deal|accord|understanding) was (?:reached|struck|concluded)|inked|"
        r"(?:concluded|finali[sz]ed|sealed|struck) (?:an? |the )?(?:[\w-]+ ){0,3}"
        r"(?:agreements?|deals?|accords?|treaty|pact)",
        "signatory",
        "signatory",
    ),
    _trigger(
        "visit",
        r"visit(?:ed|s|ing)?|arriv(?:ed|es|e) in|landed in|due to arrive|travel(?:l)?ed to|trip to|toured|"
        r"paid (?:an? )?(?:official |state )?visit",
        "visitor",
        "host",
    ),
    _trigger(
        "meeting",
        r"(?<!be )(?<!been )(?-i:met)(?! (?:its|their|his|her|the|all|our|these|those) (?:[\w-]+ )?"
        r"(?:obligations?|targets?|demands?|requirements?|criteria|expectations?|deadlines?|needs|conditions|"
        r"commitments?|goals?))(?: with)?|"
        r"meet(?:s|ing)? with|held talks|(?<!in )(?<!reopen )(?<!revive )(?<!reviving )(?<!return to )talks with|"
        r"call(?:ed)? on(?!(?: [\w'’-]+){1,5} to\b)|made a call to|spoke with|discussed(?! (?:what|how|why|whether)\b)|"
        r"held (?:a )?(?:meeting|discussions|consultations)|"
        r"received (?:a )?(?:telephone |phone )?call from|"
        r"received(?= (?:the )?(?:visiting )?(?-i:[A-Z]))|(?:meeting|talks)(?: [\w,'’-]+){0,4} between|"
        r"spoke (?:by telephone|by phone|on the phone|over the phone)|(?:telephone|phone) (?:call|conversation) with|"
        r"hosted (?:[\w-]+ ){0,3}(?:talks|meetings?|summit)|(?:meeting|session) of the (?:[\w-]+ ){0,4}"
        r"(?:commission|committee|council)",
        "participant",
        "participant",
    ),
    _trigger(
        "sanctions",
        r"(?:imposed|slapped|announced|extended|renewed) (?:[\w-]+ ){0,2}sanctions|sanctioned|"
        r"(?:lifted|eased) (?:the )?sanctions|"
        r"added (?:[\w,'’-]+ ){0,8}to (?:its|their|the) sanctions? list|blacklisted",
        "actor",
        "target",
    ),
    _trigger(
        "trade_energy",
        r"(?:pipeline|project|corridor|port|plant|dam)(?: project)?,? (?:which was |was )?"
        r"(?:launched|inaugurated|completed|opened)|(?:launched|inaugurated|opened) (?:the )?[\w\s-]{0,40}"
        r"(?:pipeline|project|corridor|port|plant|border market)",
        "participant",
        "participant",
    ),
    _trigger(
        "statement",
        r"condemned|praised|commended|lauded|hailed|paid tribute|accused|blamed|criticised|criticized|denounced|"
        r"slammed(?! shut)|deplored|decried|censured|rebuked|lambasted|"
        r"welcomed(?! (?:a record |over |more than |some |about |nearly |around )?(?:[\d,.]+|tens of|hundreds of|"
        r"thousands of|millions of|billions of))|"
        r"summoned|lodged (?:a )?(?:strong )?protest|protested|recalled (?:its|their) (?:ambassador|envoy)",
        "actor",
        "target",
    ),
    _trigger("other", r"took (?:over|power)|came to power|seized power|overthrew", "actor", "target"),
]

# What anchors a sentence without a date that resolves: violence is reported as specific events;
# visits, meetings, agreements and statements need a named person; any kind may rely on a time
# expression that only the (missing) publication date would resolve ("in March", "on Monday").
ANCHORED_WITHOUT_DATE = frozenset({"military_strike", "militant_attack", "border_incident", "other"})
ANCHORED_BY_PERSON = frozenset({"visit", "meeting", "agreement", "statement"})
TIME_EXPRESSION = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|weekend|(?:last|this|next) "
    r"(?:week|month|year)|ago|(?:19|20)\d\d)\b"
)
ATTRIBUTION = re.compile(r"\b(?:according to|reported by|told|quoted by|cited by)\s+(?:the\s+)?$", re.IGNORECASE)

# What makes a trigger report no event: it is denied, only possible, wanted, threatened or planned (a
# negation, a modal or an intention just before it; "will" only without a date), it happens habitually or is an
# aggregate of many ("has repeatedly accused", "a campaign of strikes"), or the sentence is a
# condition ("If the demands are not met ...").
NOT_HAPPENED = re.compile(
    r"\b(?:would|could|might|may|should|must|can|cannot|not|never|no longer|\w*n't|not hesitate to|"
    r"(?:threaten|vow|plan|hope|want|seek|intend|aim|"
    r"refuse|fail|decline)(?:s|ed|ing)? to|call(?:s|ed)? for|ready to|willing to|able to|likely to|"
    r"expected to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# Another's framing of what happened ("to protest against what it called ... strikes"): a claim, not a report.
CLAIMED = re.compile(
    r"\bwhat (?:it|he|she|they|\w+) (?:called|described as|termed)\b(?:\W+\w+){0,5}\W*$", re.IGNORECASE
)
FUTURE = re.compile(r"\b(?:will|shall|'ll)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
HABITUAL = re.compile(
    r"\b(?:repeatedly|always|usually|typically|sporadically|occasionally|rarely|seldom|used to being|"
    r"several times|many times|frequently|routinely|regularly|often|"
    r"in recent (?:years|months)|"
    r"(?:has|have) long|time and again|in the past|(?:several|many|multiple) rounds|campaign of|series of|"
    r"wave of|(?:dozens|hundreds|scores) of (?:[\w-]+ )?(?:attacks|strikes|raids|incidents|visits|meetings|rounds))\b",
    re.IGNORECASE,
)
# A count of many before the trigger ("106 million visits", "12 attacks"), not a year ("in 2011 met").
COUNTED = re.compile(r"\b(?:(?!(?:19|20)\d\d\b)\d[\d,.]*|million|thousand|billion)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# What strikes without anyone striking: "the earthquake that struck eastern Afghanistan".
NATURAL = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|storms?|cyclones?|hurricanes?|typhoons?|floods?|lightning|heatwaves?|"
    r"pandemic|virus|disease|drought|fire)\b(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
# An accusation, a record or a sanction in the perfect ("Pakistan has accused the Taliban of ...", "a group
# that has carried out attacks", "a tanker that has been sanctioned") is a standing position, no one event.
STANDING_VERBS = ("accus", "blam", "critici", "carried out", "discuss", "sanction")
STANDING = re.compile(r"\b(?:has|have)\s+(?:also\s+|long\s+|\w+ly\s+)?(?:been\s+)?$", re.IGNORECASE)
CONDITIONAL = re.compile(r"^\W*(?:if|unless|should|were|had)\b", re.IGNORECASE)
# A count of victims after the trigger ("21 militants were killed") is one event's toll, not many events.
VICTIMS = re.compile(r"(?:militants|terrorists|insurgents)\b", re.IGNORECASE)

# Who takes part: "a visit by X" names the visitor after the trigger; violence by unnamed attackers
# ("gunmen attacked") or against soldiers, police or guards is a militant attack, whoever reports it.
VISIT_BY = re.compile(r"\s+(?:by|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
UNNAMED_ATTACKERS = re.compile(r"(?:gunmen|militants|attackers|insurgents|terrorists|fighters|rebels)\b", re.IGNORECASE)
SECURITY_VICTIMS = re.compile(r"killed \w+ (?:soldiers|policemen|officers|guards)\b", re.IGNORECASE)

# Which kind: an agreement about trade, energy or transport (and not also about security) is a trade
# or energy project (CAMEO 061, not 057); a clash is a border incident between two states or at a border.
SECURITY = re.compile(
    r"\b(?:security|militants?|militancy|terroris[mt]s?|defen[cs]e|military|intelligence|patrols?|armed groups?)\b",
    re.IGNORECASE,
)
BORDER = re.compile(r"\b(?:borders?|crossings?|frontiers?|Line of Control|LoC|checkposts?|border posts?)\b")
ECONOMIC = re.compile(
    r"\b(?:trade|traders|border markets?|markets?|pipelines?|gas|electricity|power (?:link|line|plant|grid|supply)|"
    r"energy|oil|rail(?:way)?s?|rail lines?|shipping|ports?|corridor|barter|tariffs?|customs|investments?|swap|"
    r"freight|fuel|LNG|grid|transit|transport(?:ation)?|connectivity|highways?|roads?|business)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MentionRef:
    """An entity mention as the detector needs it: where, which entity, of what kind."""

    start: int
    end: int
    entity: Hashable
    kind: str
    name: str


@dataclass(frozen=True)
class Proposal:
    kind: str
    trigger: str
    sentence: str
    start: int  # offsets of the sentence in the body
    end: int
    date: DateRange
    participants: tuple[tuple[Hashable, str], ...]  # (entity, role)
    location: Hashable | None
    title: str
    names: dict[Hashable, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def entities(self) -> frozenset[Hashable]:
        found = {entity for entity, _ in self.participants}
        return frozenset(found | ({self.location} if self.location is not None else set()))


def propose_events(body: str, mentions: Sequence[MentionRef], published: datetime.date | None) -> list[Proposal]:
    """Event proposals for one article, at most one per kind and sentence."""
    proposals = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for start, end in sentence_spans(body):
        start = after_dateline(body, start, end)
        sentence = body[start:end]
        inside = [m for m in ordered if start <= m.start and m.end <= end]
        inside = sorted(inside + _pair_referred_to(sentence, start, inside, ordered), key=lambda m: m.start)
        if not inside:
            continue
        date = resolve_date(sentence, published)
        claimed: list[tuple[int, int]] = []
        for trigger in TRIGGERS:
            match = next(
                (
                    m
                    for m in trigger.pattern.finditer(sentence)
                    if not any(s < m.end() and m.start() < e for s, e in claimed)
                ),
                None,
            )
            if match is None:
                continue
            claimed.append(match.span())
            if not _happened(sentence, match, date):
                continue
            proposal = _proposal(trigger, match, body, start, end, inside, date)
            if proposal is not None:
                proposals.append(proposal)
    return proposals


def _proposal(
    trigger: Trigger,
    match: re.Match[str],
    body: str,
    start: int,
    end: int,
    inside: list[MentionRef],
    date: DateRange,
) -> Proposal | None:
    at = start + match.start()
    roles: dict[Hashable, str] = {}
    location = None
    for mention in inside:
        if ATTRIBUTION.search(body[max(0, mention.start - 30) : mention.start]):
            continue  # a source the sentence cites ("according to Arab News") takes no part
        after = mention.start >= at
        if mention.kind in ("city", "region") or (
            mention.kind == "country" and after and trigger.kind in ("visit", "military_strike", "militant_attack")
            and location is None and _preceded_by_place_word(body, mention.start)
        ):  # fmt: skip
            if after and location is None:
                location = mention.entity
            if mention.kind in ("city", "region"):
                continue
        role = trigger.after if after else trigger.before
        if after and trigger.kind == "visit" and VISIT_BY.match(body, start + match.end(), mention.start):
            role = "visitor"  # "a visit by Erdogan", "the visit of President Raisi"
        roles.setdefault(mention.entity, role)
    names = {m.entity: m.name for m in inside}
    if trigger.kind == "visit" and "visitor" not in roles.values():
        return None  # someone must travel: "the gas bill that arrived in the winter" is no visit
    countries = {m.entity for m in inside if m.kind == "country" and m.entity in roles}
    clash = trigger.kind == "border_incident" and "fire" not in match.group().lower()
    if clash and len(countries) < 2 and not BORDER.search(body, start, end):
        return None  # "workers clashed with police": a border incident is two states' forces at a border
    if not any(kind in ACTOR_KINDS for kind in _kinds(inside, roles)):
        # Violence by unnamed men ("gunmen", "security forces") is anchored by the place it struck.
        places = [m.entity for m in inside if m.kind in ("city", "region")]
        if (
            trigger.kind not in ("military_strike", "militant_attack")
            or not places
            or match.group().lower() == "struck"
        ):
            return None
        location = location or places[0]
    if match.group().lower() == "pledged" and len({m.entity for m in inside if m.end <= at and m.entity in roles}) < 2:
        return None  # one party's pledge (to fund, to invest) is a promise; two parties pledging together agree
    has_person = any(m.kind == "person" and m.entity in roles for m in inside)
    has_actor = any(m.kind in ACTOR_KINDS - {"country"} and m.entity in roles for m in inside)
    parties = {m.entity for m in inside if m.kind in ACTOR_KINDS and m.entity in roles}  # not a country alone
    if date == UNKNOWN_RANGE and not (
        trigger.kind in ANCHORED_WITHOUT_DATE
        or (trigger.kind in ANCHORED_BY_PERSON and has_person)
        or (trigger.kind == "statement" and has_actor)
        or (trigger.kind in ("agreement", "meeting") and len(parties) >= 2)
        or TIME_EXPRESSION.search(body, start, end)
    ):
        return None
    participants = tuple(roles.items())
    kind = _refined_kind(trigger.kind, body[start:end], match.start(), inside, roles)
    return Proposal(
        kind=kind,
        trigger=match.group(),
        sentence=body[start:end],
        start=start,
        end=end,
        date=date,
        participants=participants,
        location=location,
        title=_title(kind, match.group(), participants, location, names)[:300],
        names=names,
    )


PAIR = re.compile(r"\b(?:the two|both) (?:countries|neighbou?rs|nations|governments|sides)\b", re.IGNORECASE)


def _pair_referred_to(
    sentence: str, start: int, inside: list[MentionRef], ordered: list[MentionRef]
) -> list[MentionRef]:
    """ "The two countries" (or neighbours, sides) are the last two countries the article named before
    the sentence, when the sentence names neither: mentions of them where the phrase stands."""
    found = PAIR.search(sentence)
    if found is None or any(m.kind == "country" for m in inside):
        return []
    recent: list[MentionRef] = []
    for mention in reversed([m for m in ordered if m.end <= start and m.kind == "country"]):
        if all(mention.entity != other.entity for other in recent):
            recent.append(mention)
        if len(recent) == 2:
            break
    if len(recent) < 2:
        return []
    at, until = start + found.start(), start + found.end()
    return [MentionRef(at, until, m.entity, m.kind, m.name) for m in reversed(recent)]


def _happened(sentence: str, match: re.Match[str], date: DateRange) -> bool:
    """Whether the trigger reports something that happened (or is scheduled for a known date)."""
    before = sentence[max(0, match.start() - 40) : match.start()]
    standing = match.group().lower().startswith(STANDING_VERBS) and STANDING.search(before)
    victims_counted = VICTIMS.match(match.group())  # "21 militants were killed": one event's toll, not many events
    if (
        standing
        or NATURAL.search(before)
        or NOT_HAPPENED.search(before)
        or (COUNTED.search(before) and not victims_counted)
        or CLAIMED.search(sentence[max(0, match.start() - 80) : match.start()])
        or CONDITIONAL.search(sentence)
        or HABITUAL.search(sentence, 0, match.end() + 50)
    ):
        return False
    return not (FUTURE.search(before) and date == UNKNOWN_RANGE)


def _refined_kind(kind: str, sentence: str, at: int, inside: list[MentionRef], roles: dict[Hashable, str]) -> str:
    """An agreement on trade, energy or transport is a trade or energy project; violence is a
    militant attack when its actors are armed groups only, a military strike when they are states."""
    if kind == "agreement" and ECONOMIC.search(sentence) and not SECURITY.search(sentence):
        return "trade_energy"
    if kind == "militant_attack" and (UNNAMED_ATTACKERS.match(sentence, at) or SECURITY_VICTIMS.match(sentence, at)):
        return kind  # "gunmen attacked", "killed seven soldiers": whoever else the sentence names reports it
    if kind in ("military_strike", "militant_attack"):
        actors = {m.kind for m in inside if roles.get(m.entity) == "actor"}
        if "armed_group" in actors and not actors & {"country", "organisation"}:
            return "militant_attack"
        if kind == "militant_attack" and "country" in actors and "armed_group" not in actors:
            return "military_strike"
    return kind


def _kinds(inside: list[MentionRef], roles: dict[Hashable, str]) -> set[str]:
    return {m.kind for m in inside if m.entity in roles}


def _preceded_by_place_word(body: str, start: int) -> bool:
    return bool(re.search(r"\b(?:in|inside|to|into|within|across|on)\s+(?:the\s+)?$", body[max(0, start - 12) : start]))


def _title(kind: str, trigger: str, participants: tuple, location: Hashable | None, names: dict) -> str:
    def named(role_names: Iterable[str]) -> list[str]:
        return [names[entity] for entity, role in participants if role in role_names]

    first, second = named({"visitor", "actor", "signatory", "participant"}), named({"host", "target"})
    place = names.get(location, "")
    if kind == "visit":
        return f"{_join(first) or 'Visit'} visits {place or _join(second) or 'abroad'}"
    if kind == "meeting":
        return f"Meeting: {_join(first + second)}" + (f" in {place}" if place else "")
    if kind == "agreement":
        return f"Agreement: {_join(first + second)}"
    if kind in ("military_strike", "militant_attack"):
        noun = "Strike" if kind == "military_strike" else "Attack"
        target = _join(second) or place
        return f"{noun} by {_join(first) or 'unknown actors'}" + (f" on {target}" if target else "")
    if kind == "border_incident":
        return f"Border incident: {_join(first + second)}" + (f" near {place}" if place else "")
    if kind == "statement":
        return f"{_join(first) or 'Statement'} {trigger.lower()} {_join(second)}".strip()
    return f"{_join(first + second)}: {trigger.lower()}".strip(": ")


def _join(values: list[str]) -> str:
    unique = list(dict.fromkeys(values))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + (f" and {unique[-1]}" if unique else "")


# --- One event, reported twice ----------------------------------------------------------------

# Kinds of which the same parties have many at once (several agreements signed during one visit).
SPECIFIC_KINDS = frozenset({"agreement", "trade_energy"})
SLACK = {"day": datetime.timedelta(days=3), "month": datetime.timedelta(days=31), "year": datetime.timedelta(days=366)}


def dates_meet(first: DateRange, second: DateRange) -> bool:
    """Whether two dates (with their precision) can be the same event's; unknown meets anything."""
    if first.start is None or second.start is None:
        return True
    slack = max(SLACK.get(first.precision, SLACK["year"]), SLACK.get(second.precision, SLACK["year"]))
    first_end, second_end = first.end or first.start, second.end or second.start
    return first.start - slack <= second_end and second.start - slack <= first_end


def same_event(
    kind: str,
    date: DateRange,
    entities: frozenset[Hashable],
    other_kind: str,
    other_date: DateRange,
    other_entities: frozenset[Hashable],
    *,
    kinds: dict[Hashable, str],
) -> bool:
    """Same kind, dates that meet, and shared participants: a person, group, organisation or city
    in common, or at least two entities when only countries are shared or a date is unknown."""
    if kind != other_kind or not dates_meet(date, other_date):
        return False
    if kind in SPECIFIC_KINDS and (date.start is None or other_date.start is None or date.contradicts(other_date)):
        return False  # two parties sign many agreements: only the same day makes two reports one
    shared = entities & other_entities
    specific = [entity for entity in shared if kinds.get(entity) not in ("country", "region")]
    if date.start is None or other_date.start is None:
        return len(shared) >= 2 and bool(specific)
    return bool(specific) or len(shared) >= 2


def roles_opposed(kind: str, named: dict[Hashable, str], roles: dict[Hashable, set[str]]) -> bool:
    """Whether a sentence names, in a directed event (a strike, an attack, a condemnation), an entity in the opposite
    role to the one it has in a proposed event: Pakistan striking Iran is not Iran striking Pakistan,
    however close their days. An entity in both roles (two sides trading strikes) opposes nothing."""
    return kind in DIRECTED and any(
        OPPOSITE.get(role) in roles.get(entity, ()) and role not in roles.get(entity, ())
        for entity, role in named.items()
    )


def date_allows_joining(
    date: DateRange, event_start: datetime.date | None, *, confirmed: bool, undated_article: bool
) -> bool:
    """Whether a sentence's date lets it join an event at all: an undated sentence never joins a dated
    confirmed (or curated) event, nor, from an article without a publication day, any dated event; it
    becomes a proposal of its own, for a curator to decide."""
    return date.start is not None or event_start is None or not (confirmed or undated_article)


def after_dateline(body: str, start: int, end: int) -> int:
    """Where a sentence starts once the dateline opening its paragraph (`Islamabad: `, `TEHRAN (IRNA) – `) is left
    out: where the story was filed is no part of what it reports, and one sentence is one piece of evidence."""
    if body[body.rfind("\n", 0, start) + 1 : start].strip(" \t"):
        return start  # the sentence does not open its paragraph
    return start + dateline_length(body[start:end])


# --- Does this sentence report this event? ------------------------------------------------------

# The sides of an event that a sentence must name (at least one entity of each); symmetric roles
# (signatories) must all be named.
SIDES = {"visit": (("visitor",), ("host",)), "meeting": (("visitor", "participant"), ("host", "participant")),
         "military_strike": (("actor",), ("target",)), "militant_attack": (("actor",), ("target",)),
         "border_incident": (("actor",), ("target",)), "sanctions": (("actor",), ("target",)),
         "statement": (("actor",),), "other": (("actor",),)}  # fmt: skip
DIRECTED = frozenset({"military_strike", "militant_attack", "sanctions", "border_incident", "statement"})
OPPOSITE = {"actor": "target", "target": "actor"}


def reports_event(
    proposal: Proposal,
    kind: str,
    date: DateRange,
    roles: dict[Hashable, set[str]],
    location: Hashable | None,
    *,
    kinds: dict[Hashable, str],
) -> bool:
    """Whether the proposal's sentence reports this stored event: the same kind, a date that meets
    the event's, each side of the event named (its place may stand for the side it is at), all
    signatories of an agreement named, and no entity in the opposite role of a directed event."""
    if proposal.kind != kind or not dates_meet(proposal.date, date):
        return False
    named = dict(proposal.participants)
    entities = proposal.entities
    if roles_opposed(kind, named, roles):
        return False
    if kind == "agreement":
        signatories = {entity for entity, taken in roles.items() if "signatory" in taken}
        return bool(signatories) and signatories <= entities
    for side in SIDES.get(kind, ()):
        members = {entity for entity, taken in roles.items() if taken & set(side)}
        specific = {entity for entity in members if kinds.get(entity) not in ("country", "region")}
        members = specific or members  # a side with a person or group is named by naming one of them
        at_place = location is not None and location in entities and side[0] in ("host", "target")
        if members and not (members & entities) and not at_place:
            return False
    return bool(entities & (set(roles) | {location}))
