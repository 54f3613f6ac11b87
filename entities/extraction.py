"""Pure: find the gazetteer's entities in a text, and the names it does not know yet.

One Aho-Corasick automaton holds every alias, folded to lower case without accents, so a text is
scanned once whatever the size of the gazetteer. Each raw hit is then checked against the text
as written: word boundaries, capitals (an acronym such as TTP matches only in capitals, a name
only when capitalised), and overlaps (the longest name wins). A person's mention takes in the
titles written before the name ("army chief Gen. Asim Munir"), and a bare surname ("Munir")
counts once the person's fuller name appears in the same text.

Capitalised names that match nothing become candidates: near-misses of a known alias
("Shahbaz Shari") are proposed as new aliases with a similarity score, the rest as new entities.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from rapidfuzz import fuzz, process

from archive.common.sentences import is_abbreviation, sentence_spans

PERSON = "person"
NEAR_MISS_SCORE = 88.0  # rapidfuzz ratio (0-100) from which an unknown name is proposed as an alias
MIN_NEAR_MISS_LENGTH = 5

_APOSTROPHES = "’‘`´ʼ"
_DASHES = "‐‑‒–—―−"
_FOLD_TABLE = str.maketrans({**dict.fromkeys(_APOSTROPHES, "'"), **dict.fromkeys(_DASHES, "-")})

# Titles and ranks that belong to a person's mention when written right before the name.
TITLES = """
army chief|chief of army staff|chief of the army staff|COAS|chief of general staff|chief of staff|field marshal|
general|gen|lieutenant general|lt gen|lt-gen|lt\\. gen|major general|maj gen|brigadier general|brigadier|brig|
colonel|col|major|maj|captain|capt|admiral|adm|vice admiral|rear admiral|air chief marshal|air marshal|commander|
president|vice president|vice-president|prime minister|caretaker prime minister|interim prime minister|pm|
deputy prime minister|foreign minister|interior minister|defence minister|defense minister|finance minister|
information minister|minister|state minister|minister of state|chief minister|governor|ambassador|envoy|
special envoy|special representative|senator|secretary of state|secretary-general|secretary general|secretary|
foreign secretary|foreign ministry spokesperson|foreign office spokesperson|spokesperson|spokesman|spokeswoman|
supreme leader|ayatollah|grand ayatollah|hojatoleslam|sheikh|shaikh|king|crown prince|prince|emir|amir|mullah|
maulana|mufti|sardar|chairman|chairperson|speaker|chief justice|justice|judge|mr|mrs|ms|dr|prof|professor|
lawyer|trade lawyer|analyst|expert|journalist|commentator|researcher|leader|chief|commander-in-chief
"""
_TITLE_WORDS = sorted((t.strip() for t in TITLES.replace("\n", "").split("|") if t.strip()), key=len, reverse=True)
_TITLE = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in _TITLE_WORDS)
LEADING_TITLES = re.compile(rf"^(?:(?:{_TITLE})\.?\s+)+", re.IGNORECASE)
_TITLE_PHRASES = frozenset(" ".join(title.replace(".", "").split()) for title in _TITLE_WORDS)
_LONGEST_TITLE = max(len(phrase.split()) for phrase in _TITLE_PHRASES)
_TITLE_LAST_WORDS = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in _TITLE_PHRASES)
_TOKEN = re.compile(r"\S+")


def is_title(word: str) -> bool:
    return word.replace(".", "").lower() in _TITLE_PHRASES


def titles_start(text: str, end: int, floor: int = 0) -> int | None:
    """Where the run of title words written right before offset `end` begins ("army chief Gen."
    before "Asim Munir"), reading back no further than `floor`; None when there is none."""
    window_start = max(floor, end - 80)
    if end == window_start or not text[end - 1].isspace():
        return None
    last_word = text[max(window_start, end - 30) : end].rsplit(None, 1)[-1:]
    if not last_word or last_word[0].replace(".", "").lower() not in _TITLE_LAST_WORDS:
        return None
    tokens = list(_TOKEN.finditer(text, window_start, end))
    if tokens and tokens[0].start() == window_start and window_start > floor:
        tokens = tokens[1:]  # may be the tail of a longer word
    # Titles never reach back past a line break or the full stop that ends a sentence ("minister.").
    for position in range(len(tokens) - 1, -1, -1):
        gap_end = tokens[position + 1].start() if position + 1 < len(tokens) else end
        word = tokens[position].group()
        if "\n" in text[tokens[position].end() : gap_end] or (
            word.endswith(".") and not is_abbreviation(word.rstrip(".")) and "." not in word.rstrip(".")
        ):
            tokens = tokens[position + 1 :]
            break
    start, index = None, len(tokens)
    while index > 0:
        for size in range(min(_LONGEST_TITLE, index), 0, -1):
            phrase = " ".join(token.group().replace(".", "").lower() for token in tokens[index - size : index])
            if phrase in _TITLE_PHRASES:
                index -= size
                start = tokens[index].start()
                break
        else:
            break
    return start


# Capitalised words that start sentences or name no one: never candidates on their own, and
# trimmed from the ends of a candidate name.
COMMON_CAPITALISED = frozenset(
    """
    a an the this that these those it its he she they we i you his her their our my in on at by for from to of
    and or but if as with after before since until while when where why how what who which also however
    despite although though yet so then there here meanwhile moreover furthermore additionally both all
    many some several most more other others each every no not according during under over between
    among about against across through into upon within without last next recent recently earlier later
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec read share related news also photo file reuters ap afp said says
    """.split()
)
DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ani|ese|ish|ean|i)|Afghan|Baloch|Baluch|Arab|Turkish|Western|Eastern)$")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_CONNECTORS = frozenset("al el ul ud ur bin ibn of the de e i o for van von da di".split())
_CONNECTOR = "(?:" + "|".join(sorted(_CONNECTORS, key=len, reverse=True)) + ")"
CAPITALISED_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_WORD})*")

_KIND_BY_LAST_WORD = {
    **dict.fromkeys(
        "ministry army force forces corps party agency council bank organisation organization committee "
        "commission court assembly office news times tribune post herald daily media network university "
        "institute company corporation authority police department service services union senate federation "
        "association foundation secretariat bureau board fund group exchange chamber academy league alliance "
        "coalition movement embassy consulate airline airlines airways regulator directorate".split(),
        "organisation",
    ),
    **dict.fromkeys("province region district valley division county state".split(), "region"),
    **dict.fromkeys("city town village port".split(), "city"),
}
_ARMED_GROUP_WORDS = frozenset(
    "front liberation jaish lashkar tehreek tehrik brigade brigades mujahideen militia".split()
)


def fold(text: str) -> str:
    """Lower case without accents, apostrophes and dashes unified: one character for each one of
    `text`, so offsets found in the folded text are offsets in the original."""
    if text.isascii():
        return text.lower()
    for char in _APOSTROPHES:
        text = text.replace(char, "'") if char in text else text
    for char in _DASHES:
        text = text.replace(char, "-") if char in text else text
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lowered = char.lower()
    if len(lowered) != 1:  # "İ".lower() is two characters: keep one, its base letter
        lowered = unicodedata.normalize("NFD", char)[:1].lower() or char
    base = unicodedata.normalize("NFD", lowered)[:1]
    return base if base and base.isalnum() == lowered.isalnum() else lowered


def is_acronym(alias: str) -> bool:
    """All capitals (TTP, BLA, U.S.): such an alias matches only as written."""
    letters = [char for char in alias if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


@dataclass(frozen=True)
class AliasSpec:
    """One surface form of an entity, as the matcher needs it."""

    entity: Hashable
    text: str
    entity_kind: str = ""
    case_sensitive: bool = False


@dataclass(frozen=True)
class Found:
    """A mention found in a text: `text == source[start:end]`."""

    start: int
    end: int
    text: str
    entity: Hashable
    alias: str  # the alias (or surname) that matched, without any title in front


@dataclass(frozen=True)
class CandidateSpan:
    """A name in the text that no alias matched: a new entity, or a near-miss of a known alias."""

    start: int
    end: int
    text: str
    kind_guess: str
    entity: Hashable | None = None  # for a near-miss: the entity whose alias it resembles
    alias: str = ""  # ... and that alias
    score: float = 0.0
    role: str = ""  # the title written before a person's name ("Commerce Secretary"), left out of the name


def _is_word_char(char: str) -> bool:
    return (char.isalnum() or char == "_") and char not in _APOSTROPHES


class Matcher:
    """Every alias of a gazetteer in one automaton: `find` scans a text once, whatever the gazetteer's size."""

    def __init__(self, aliases: Iterable[AliasSpec]) -> None:
        self.automaton = ahocorasick.Automaton()
        self.entity_kinds: dict[Hashable, str] = {}
        self.given_names: set[str] = set()  # first words of the gazetteer's people, to tell a person's name
        by_key: dict[str, list[AliasSpec]] = {}
        for alias in aliases:
            text = " ".join(alias.text.split())
            if not text:
                continue
            spec = AliasSpec(alias.entity, text, alias.entity_kind, alias.case_sensitive or is_acronym(text))
            self.entity_kinds[alias.entity] = alias.entity_kind
            if alias.entity_kind == PERSON and len(text.split()) >= 2 and not is_title(text.split()[0]):
                self.given_names.add(fold(text.split()[0]))
            specs = by_key.setdefault(fold(text), [])
            if all((s.entity, s.text) != (spec.entity, spec.text) for s in specs):
                specs.append(spec)
        for key, specs in by_key.items():
            self.automaton.add_word(key, tuple(specs))
        self.alias_count = len(by_key)
        if by_key:
            self.automaton.make_automaton()
        self._choices = list(by_key)
        self._choice_specs = [by_key[key][0] for key in self._choices]
        self._near_miss_cache: dict[str, tuple[Hashable, str, float] | None] = {}

    def find(self, text: str) -> list[Found]:
        """The gazetteer's mentions in `text`, in order, never overlapping."""
        if not self.alias_count or not text:
            return []
        folded = fold(text)
        hits: list[tuple[int, int, tuple[AliasSpec, ...]]] = []
        for last, specs in self.automaton.iter(folded):
            start, end = last + 1 - len(specs[0].text), last + 1
            if not self._bounded(text, start, end):
                continue
            written = text[start:end]
            fitting = tuple(spec for spec in specs if self._case_fits(spec, written))
            if fitting:
                hits.append((start, end, fitting))
        chosen = self._longest_first(hits)
        found = self._resolve_ambiguity(text, chosen)
        found = self._add_surnames(text, found)
        titled, floor = [], 0
        for item in found:  # in text order: titles may reach back to the previous mention's end
            titled.append(self._with_titles(text, item, floor))
            floor = item.end
        return titled

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        return not _is_word_char(before) and not _is_word_char(after)

    @staticmethod
    def _case_fits(spec: AliasSpec, written: str) -> bool:
        """Acronyms as written; other names with a capital wherever the alias has one ("Iranian
        Army" is a name, "the Iranian army" a description)."""
        if spec.case_sensitive:
            return written.translate(_FOLD_TABLE) == spec.text.translate(_FOLD_TABLE)
        return all(
            not name_word[0].isupper() or text_word[0].isupper()
            for name_word, text_word in zip(spec.text.split(" "), written.split(), strict=False)
        )

    @staticmethod
    def _longest_first(hits: list[tuple[int, int, tuple[AliasSpec, ...]]]) -> list[tuple[int, int, tuple]]:
        """Keep the longest of overlapping hits (the earlier one on a tie), in text order."""
        starts: list[int] = []
        kept: list[tuple[int, int, tuple]] = []
        for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
            at = bisect.bisect_left(starts, hit[0])
            if at > 0 and kept[at - 1][1] > hit[0]:
                continue
            if at < len(kept) and kept[at][0] < hit[1]:
                continue
            starts.insert(at, hit[0])
            kept.insert(at, hit)
        return kept

    @staticmethod
    def _resolve_ambiguity(text: str, chosen: list[tuple[int, int, tuple[AliasSpec, ...]]]) -> list[Found]:
        """An alias shared by several entities goes to the one the text names unambiguously elsewhere;
        with no such clue it is left out rather than guessed."""
        certain = {specs[0].entity for _, _, specs in chosen if len({s.entity for s in specs}) == 1}
        found = []
        for start, end, specs in chosen:
            entities = {spec.entity for spec in specs}
            if len(entities) > 1:
                entities &= certain
                if len(entities) != 1:
                    continue
            entity = next(iter(entities))
            alias = next(spec.text for spec in specs if spec.entity == entity)
            found.append(Found(start, end, text[start:end], entity, alias))
        return found

    def _add_surnames(self, text: str, found: list[Found]) -> list[Found]:
        """A person's bare surname ("Munir"), once the text has named the person in full."""
        surnames: dict[str, set[Hashable]] = {}
        for item in found:
            if self.entity_kinds.get(item.entity) != PERSON or " " not in item.alias:
                continue
            surname = item.alias.rsplit(" ", 1)[1]
            if len(surname) >= 3 and surname[0].isupper() and surname.lower() not in COMMON_CAPITALISED:
                surnames.setdefault(surname, set()).add(item.entity)
        unique = {name: entities.pop() for name, entities in surnames.items() if len(entities) == 1}
        if not unique:
            return found
        taken = [(item.start, item.end) for item in found]  # sorted, not overlapping
        extra = []
        for surname, entity in unique.items():
            start = text.find(surname)
            while start != -1:
                end = start + len(surname)
                if (
                    self._bounded(text, start, end)
                    and (start == 0 or text[start - 1] != "-")
                    and (end == len(text) or text[end] != "-")
                    and not _overlaps_any(taken, start, end)
                    # part of another full name: "Nawaz Sharif", "Munir Akram"
                    and not (_capitalised_word_before(text, start) or _capitalised_word_after(text, end))
                ):
                    extra.append(Found(start, end, surname, entity, surname))
                start = text.find(surname, end)
        return sorted(found + extra, key=lambda item: item.start) if extra else found

    def _with_titles(self, text: str, item: Found, floor: int) -> Found:
        if self.entity_kinds.get(item.entity) != PERSON:
            return item
        start = titles_start(text, item.start, floor)
        if start is None:
            return item
        return Found(start, item.end, text[start : item.end], item.entity, item.alias)

    def near_miss(self, name: str) -> tuple[Hashable, str, float] | None:
        """The known alias `name` most resembles, when it is close enough to be a variant or a typo."""
        key = fold(name)
        if key in self._near_miss_cache:
            return self._near_miss_cache[key]
        result = None
        if len(key) >= MIN_NEAR_MISS_LENGTH and self._choices:
            for choice, similarity, index in process.extract(
                key, self._choices, scorer=fuzz.ratio, score_cutoff=NEAR_MISS_SCORE, limit=5
            ):
                if _word_by_word_alike(key, choice):
                    spec = self._choice_specs[index]
                    result = (spec.entity, spec.text, round(float(similarity), 1))
                    break
        if len(self._near_miss_cache) < 100_000:
            self._near_miss_cache[key] = result
        return result

    def candidates(self, text: str, found: Sequence[Found]) -> list[CandidateSpan]:
        """Capitalised names in `text` that no mention covers: near-misses and unknown names."""
        taken = [(item.start, item.end) for item in found]
        spans = []
        for run_start, run_end in _runs_within_sentences(text):
            if " " not in text[run_start:run_end] and titles_start(text, run_start) is None:
                continue  # a lone capitalised word names someone only after a title
            span = _trim_name(text, run_start, run_end)
            if span is None:
                continue
            start, end, kind_guess, role = span
            if _covered(text, start, end, taken) or _cuts_into(start, end, taken):
                continue
            name = text[start:end]
            words = name.split()
            if all(word.strip(".,:|·").lower() in _SHARE_BAR for word in words):
                continue  # "Facebook Twitter WhatsApp": a share bar, not a name
            after_title = kind_guess == PERSON
            if len(words) == 1 and not after_title and kind_guess != "region":  # "Kech District" named Kech
                continue
            if len(words) > 6:
                continue
            near = self.near_miss(name)
            if near is not None:
                entity, alias, score = near
                spans.append(CandidateSpan(start, end, name, self.entity_kinds.get(entity, ""), entity, alias, score,
                                           role=role))  # fmt: skip
            else:
                kind = kind_guess or _guess_kind(words)
                if kind == "other" and self._reads_as_a_person(text, start, end, words):
                    kind = PERSON
                elif kind == "other" and len(words) <= 3 and _BEFORE_A_PLACE.search(text[max(0, start - 12) : start]):
                    kind = "city"
                spans.append(CandidateSpan(start, end, name, kind, role=role))
        return spans

    def _reads_as_a_person(self, text: str, start: int, end: int, words: Sequence[str]) -> bool:
        """A name of two or three plain words is a person's when its first word is the given name of
        someone the gazetteer knows, or when the text goes on as it does after a person: a verb of
        saying, or ", who"."""
        if not 2 <= len(words) <= 3 or not all(word[:1].isupper() and word[1:2].islower() for word in words):
            return False
        return (
            fold(words[0]) in self.given_names
            or bool(_AFTER_A_PERSON.match(text, end))
            or bool(_BEFORE_A_PERSON.search(text[max(0, start - 40) : start]))
        )


# What follows a person's name, and rarely anything else's: "X said", "X, who", "X told".
_AFTER_A_PERSON = re.compile(
    r"(?:[ \t]+(?:said|says|told|added|noted|stated|wrote|asked|explained|argued|insisted|warned|tweeted)\b"
    r"|,[ \t]+who\b|,[ \t]+\d{1,3},"  # "X, who", "X, 71,"
    r"|[ \t]*/[ \t]*(?:The[ \t]|AFP|AP\b|Reuters|Getty|[A-Z][a-z]+\b)"  # a photo credit: "X/The Canadian Press"
    r"|[ \t]+via[ \t]+Getty)"
)
# What comes before a person's name: a verb of saying ("..., said X"), a photo credit.
_BEFORE_A_PERSON = re.compile(
    r"(?:\b(?:said|says|asked|added|told)[ \t]+"
    r"|(?:Photo(?:graph)?(?:[ \t]+by)?|Image[ \t]+Credit|Credit)[ \t]*[:/][ \t]*"
    r"|(?:AFP|AP[ \t]+Photo|Reuters|[A-Za-z]+)/[ \t]*)$"
)
# What comes before a place's name: "in X", "near X", "outside X".
_BEFORE_A_PLACE = re.compile(r"\b(?:in|near|outside|across|around)[ \t]+$")


def _overlaps_any(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, not overlapping), by bisection."""
    at = bisect.bisect_right(spans, (start, math.inf))
    return (at > 0 and spans[at - 1][1] > start) or (at < len(spans) and spans[at][0] < end)


def _cuts_into(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) begins or ends inside a known mention (sorted, not overlapping): a
    fragment around a name the gazetteer knows ("Militants of Jaish" before "Jaish al-Adl")."""
    return _inside_a_mention(start, taken) or _inside_a_mention(end, taken)


def _inside_a_mention(point: int, taken: Sequence[tuple[int, int]]) -> bool:
    """Whether `point` falls strictly inside one of `taken`: only the last one starting before it can hold it."""
    at = bisect.bisect_left(taken, (point,)) - 1
    return at >= 0 and taken[at][1] > point


# The words of a share bar or a site's links, which a page's furniture can leave in a text.
_SHARE_BAR = frozenset(
    "facebook twitter x whatsapp linkedin email e-mail telegram reddit pinterest print share copy link "
    "tumblr messenger viber instagram youtube tiktok threads bluesky flipboard pocket sms".split()
)


def _word_by_word_alike(name: str, alias: str) -> bool:
    """A variant spelling differs within words, not by a whole word: "Shahbaz Shari" is a near-miss
    of "Shahbaz Sharif", but "Balochistan Liberation Front" is not one of "... Liberation Army"."""
    words, alias_words = name.replace("-", " ").split(), alias.replace("-", " ").split()
    return len(words) == len(alias_words) and all(
        fuzz.ratio(a, b) >= 70 for a, b in zip(words, alias_words, strict=True)
    )


def _covered(text: str, start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    """Whether known mentions (sorted, not overlapping) cover every word of text[start:end] but connectors."""
    first = bisect.bisect_right(taken, (start, len(text) + 1)) - 1
    overlapping = []
    for s, e in taken[max(first, 0) :]:
        if s >= end:
            break
        if e > start:
            overlapping.append((s, e))
    if not overlapping:
        return False
    chars = list(text[start:end])
    for s, e in overlapping:
        for index in range(max(s, start), min(e, end)):
            chars[index - start] = " "
    words = [word.strip(".,'’-") for word in "".join(chars).split()]
    return not any(word[:1].isupper() and word.lower() not in _CONNECTORS for word in words)


_POSSESSIVE = re.compile(r"(\w+['’]s)[ \t]+")


def _runs_within_sentences(text: str) -> list[tuple[int, int]]:
    """Capitalised runs, cut where a sentence ends inside one ("... Malik. Foreign Minister ...";
    an abbreviation or an initial such as Gen., U.S. or A. Khan does not end one) and after a
    possessive ("Pakistan's Prime Minister ...")."""
    sentences = sentence_spans(text)
    starts = [start for start, _ in sentences]
    runs = []
    for run in CAPITALISED_RUN.finditer(text):
        first = max(bisect.bisect_right(starts, run.start()) - 1, 0)
        for sentence_start, sentence_end in sentences[first:]:
            if sentence_start >= run.end():
                break
            start, end = max(run.start(), sentence_start), min(run.end(), sentence_end)
            for possessive in _POSSESSIVE.finditer(text, start, end):
                runs.append((start, possessive.end(1)))
                start = possessive.end()
            if start < end:
                runs.append((start, end))
    return runs


def _capitalised_word_before(text: str, start: int) -> bool:
    match = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[max(0, start - 40) : start])
    return bool(match) and match.group(1).lower() not in COMMON_CAPITALISED and not is_title(match.group(1))


def _capitalised_word_after(text: str, end: int) -> bool:
    match = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[end : end + 40])
    return bool(match) and match.group(1).lower() not in COMMON_CAPITALISED


def _trim_name(text: str, start: int, end: int) -> tuple[int, int, str, str] | None:
    """Narrow a capitalised run to the name in it: no sentence opener, demonym or title in front
    (a title, also one inside the run as in "Commerce Secretary Jawad Paul", is returned as the
    person's role), no possessive or full stop behind. Returns (start, end, kind guess, role) or None."""
    kind_guess, role_start, role_end = "", None, None
    before = titles_start(text, start)
    if before is not None:
        kind_guess, role_start, role_end = PERSON, before, start
    while True:
        run = text[start:end]
        words = run.split()
        if not words:
            return None
        lead = LEADING_TITLES.match(run)
        if lead and lead.end() < len(run):
            role_start = start if role_start is None else role_start
            start += lead.end()
            role_end = start
            kind_guess = PERSON
            continue
        first = words[0].strip(".,'’")
        names_an_institution = _heads_a_name(words[-1].strip(".,'’"))  # "Asian Development Bank"
        if first.lower() in COMMON_CAPITALISED or (
            len(words) > 1 and DEMONYM.match(first) and not names_an_institution
        ):
            start += len(words[0])
            start += len(text[start:end]) - len(text[start:end].lstrip())
            continue
        inner = _title_inside(words)
        if inner:
            role_start = start if role_start is None else role_start
            start += len(run) - len(run.split(None, inner)[-1])
            role_end = start
            kind_guess = PERSON
            continue
        if len(words) > 2 and words[1] in _OPENER_JOINS and _opens_a_sentence(text, start) and not _heads_a_name(first):
            start += len(run) - len(run.split(None, 2)[-1])  # "Residents of Damascus": Damascus
            continue
        break
    while start < end:
        run = text[start:end]
        trimmed = re.sub(r"(?:['’]s|['’.]|-(?:era|based|led|backed|style|born|bound|made|owned))$", "", run)
        generic = _GENERIC_PLACE_WORD.search(trimmed)
        if generic and len(trimmed.split()) > 1:
            trimmed, kind_guess = trimmed[: generic.start()], kind_guess or "region"  # "Baghlan Province"
        last = trimmed.split()[-1] if trimmed.split() else ""
        if last.lower() in COMMON_CAPITALISED and len(trimmed.split()) > 1:
            trimmed = trimmed[: len(trimmed) - len(last)].rstrip()
        if trimmed == run:
            break
        end = start + len(trimmed)
    name = text[start:end]
    if not name or not name[0].isupper() or len(name) < 3 or name.lower() in COMMON_CAPITALISED:
        return None
    if DEMONYM.match(name):
        return None
    role = " ".join(text[role_start:role_end].split()).strip(" ,") if role_start is not None else ""
    return start, end, kind_guess, role


def _title_inside(words: Sequence[str]) -> int:
    """How many words of a run come before its name when a title stands inside it ("Commerce
    Secretary Jawad Paul": 2), the title's last word followed by two or three capitalised words;
    0 when there is no such title."""
    for index in range(len(words) - 3, 0, -1):
        after = words[index + 1 :]
        if is_title(words[index]) and 2 <= len(after) <= 3 and all(word[:1].isupper() for word in after):
            return index + 1
    return 0


def _opens_a_sentence(text: str, start: int) -> bool:
    """Whether a sentence or a line begins at `start`: its first word is capitalised for that alone."""
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _heads_a_name(word: str) -> bool:
    """Words that begin names of the form "X of Y": Ministry of Ports, University of Tehran."""
    return word.lower() in _NAME_HEADS


_GENERIC_PLACE_WORD = re.compile(r"[ \t]+(?:Province|District|Governorate|Oblast|Prefecture)$")
_OPENER_JOINS = frozenset({"of", "the", "for"})  # "Residents of ...", "Whether the ...", "Thanks for ..."
# Besides the last words that tell a kind (_KIND_BY_LAST_WORD): "Ministry", "Bank", "Court"...
_NAME_HEADS = frozenset(_KIND_BY_LAST_WORD) | frozenset(
    """
    government republic kingdom city province port gulf sea lake mount mountains island islands strait bay
    cape museum hospital school college centre center house palace church mosque temple shrine tomb fort
    bridge road dam airport station club cup festival day war battle siege treaty accord act law convention
    conference summit forum programme program project initiative order prize award front brigade guard
    guards command bishop archbishop duke duchess earl lord lady sultan sultanate emirate caliphate
    """.split()
)


def _guess_kind(words: Sequence[str]) -> str:
    lowered = [word.strip(".,'’").lower() for word in words]
    if _ARMED_GROUP_WORDS & set(lowered):
        return "armed_group"
    return _KIND_BY_LAST_WORD.get(lowered[-1], "other")
