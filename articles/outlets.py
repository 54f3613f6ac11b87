"""Pure: which outlet published a page, from the clues the page gives. No Django.

A page names its outlet in many places, some trustworthy and some not. A curator's metadata, an
HTML page's `og:site_name`, a "Published in Dawn, January 18th, 2024" footer and the owner in a
copyright line name the publisher on purpose; a URL's domain says where the page was saved from; a
masthead or a title's "| Outlet" suffix name it too, but look just like menu items and section
labels; an agency credit ("(Reuters)", "— AFP") names who wrote the story, not who published it.

So clues are ranked, and a name the archive does not know is believed only from a clue that names
a publisher on purpose. A known name (from the curated outlets file, or a source a curator
created) is recognised from any clue; a menu item, a section name or a boilerplate phrase never
becomes an outlet, because it is neither known nor a purposeful clue, and the phrases copyright
lines are made of ("All rights reserved") are never names.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from urllib.parse import urlsplit

US_STYLE_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW", "BZ"})  # numeric dates read month first


@dataclass(frozen=True)
class Outlet:
    """An outlet the archive knows: its usual name, other names, web domains, home country, kind."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str = ""
    kind: str = ""
    key: object = field(default=None, compare=False)  # the archive's Source id, when it is one

    @property
    def month_first(self) -> bool:
        """Whether its numeric dates are month first (01/18/2024), as in the United States."""
        return self.country in US_STYLE_COUNTRIES


class Clue(IntEnum):
    """Where a page names an outlet, most trustworthy first (a lower value wins)."""

    METADATA = 1  # a curator's metadata or an export record's source field
    SITE_NAME = 2  # an HTML page's og:site_name / application-name / JSON-LD publisher
    PUBLISHED_IN = 3  # "Published in Dawn, January 18th, 2024"
    DOMAIN = 4  # the page's URL (metadata, canonical link, or a URL line)
    MASTHEAD = 5  # the outlet's name on a line of its own at the top of the page (its brand)
    SITE_TITLE = 6  # a site's title and tagline at the very top of the page (a blog's)
    COPYRIGHT = 7  # "© 2024 The Express Tribune. All rights reserved." (the owner may be a parent company)
    FOOTER = 8  # the masthead's name again on a line of its own under the article (the footer's logo)
    TITLE_SUFFIX = 9  # "Headline | Outlet" or "Headline - Outlet"
    MESSENGER = 10  # "Join NewsTrack WhatsApp group", "Follow Dawn on Instagram"
    DESK_CREDIT = 11  # a byline naming the outlet's desk: "TOI News Desk", "Samaa Web Desk"
    AGENCY_CREDIT = 12  # "(Reuters)", "— AFP", "TEHRAN (IRNA) --", "Source: Al Jazeera"


# A name the archive does not know is believed only from these clues.
PURPOSEFUL = frozenset({Clue.METADATA, Clue.SITE_NAME, Clue.PUBLISHED_IN, Clue.COPYRIGHT, Clue.SITE_TITLE})


@dataclass(frozen=True)
class OutletClue:
    kind: Clue
    text: str  # the name (or URL) as the page gives it
    line: str = ""  # the line it was read from, for the record


@dataclass(frozen=True)
class Identified:
    """The outlet of a page: its name, whether the archive knows it, and the clue that decided."""

    name: str
    clue: Clue
    outlet: Outlet | None = None  # the known outlet, or None for a new name
    domain: str = ""
    evidence: str = ""
    purposeful: bool = False  # a new name from a clue that names a publisher on purpose
    corroborated: bool = False  # a new name two kinds of clue agree on

    @property
    def known(self) -> bool:
        return self.outlet is not None


_ARTICLES = re.compile(r"^(?:the|al|el)\s+")
_NON_WORD = re.compile(r"[^\w]+")


def name_key(text: str) -> str:
    """What two spellings of an outlet's name share: `The Express Tribune` = `Express Tribune`,
    `DAWN` = `Dawn`, `Al-Monitor` = `Al Monitor`, `Dawn.com` = `Dawn com`."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ").replace("’", "'").replace("'s ", "s ")
    text = " ".join(_NON_WORD.sub(" ", text).split())
    return _ARTICLES.sub("", text)


def phrase_key(text: str) -> str:
    """A name as it must stand inside a longer phrase: like name_key, but keeping a leading "The"."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ").replace("’", "'").replace("'s ", "s ")
    return " ".join(_NON_WORD.sub(" ", text).split())


def host_of(url_or_host: str) -> str:
    """The host of a URL or a bare host name, lower case, without `www.` or a port."""
    text = url_or_host.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = (urlsplit(text).hostname or "").rstrip(".")
    except ValueError:
        return ""
    return host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")


# Words copyright lines and credits are made of: never (part of) an outlet's name on their own.
BOILERPLATE_WORDS = frozenset(
    "all rights reserved reserve copyright copyrights c the a an by of and inc ltd limited llc plc corp "
    "corporation co company group media pvt private news agencies agency staff web desk online reporter "
    "correspondent our us we this site website page content contents material materials may not be published "
    "broadcast rewritten redistributed reproduced without permission prior written terms use policy privacy "
    "powered designed developed hosted log login in sign signin submit search menu subscribe register".split()
)


MAX_NAME_WORDS = 8  # `Manohar Parrikar Institute for Defence Studies and Analyses`


_SITE_SUFFIX = re.compile(r"(?<=\w)\.(?:com|net|org|info|[a-z]{2})$", re.I)
_EDITION_SUFFIX = re.compile(r"\s+(?:English|Online|Digital|English Edition|International)$", re.I)


def plausible_name(text: str) -> bool:
    """Whether a phrase could be a publisher's name: one to eight words, a capital, not a sentence, not
    made only of the words copyright lines and credits are made of."""
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or len(text) > 80:
        return False
    if not any(character.isupper() for character in text) or text.rstrip()[-1:] in {".", ":", ",", ";"}:
        return False
    if words[0] in ("a", "an"):
        return False  # `©2026 a Reach plc subsidiary`: what the publisher is, not its name
    return not all(word.strip(".,&-()").casefold() in BOILERPLATE_WORDS for word in words)


def is_acronym(name: str) -> bool:
    """`APP`, `AFP`, `IRNA`: matched only as written, in capitals, since `app` is a word."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,6}", name.strip()))


@dataclass
class OutletIndex:
    """The outlets the archive knows, found by any of their names or domains.

    A name matches however it is capitalised and with or without a leading "The" when it is a whole
    line (a masthead) or a metadata value; inside a longer phrase (a copyright line) it must stand
    whole, "The" included, so that "Nation Media Group" is not The Nation. An acronym matches only
    in capitals.
    """

    outlets: Sequence[Outlet] = ()
    _by_name: dict[str, Outlet] = field(default_factory=dict, init=False, repr=False)
    _by_phrase: dict[str, Outlet] = field(default_factory=dict, init=False, repr=False)
    _by_acronym: dict[str, Outlet] = field(default_factory=dict, init=False, repr=False)
    _by_domain: dict[str, Outlet] = field(default_factory=dict, init=False, repr=False)
    _longest: int = field(default=1, init=False, repr=False)

    def __post_init__(self) -> None:
        for outlet in self.outlets:
            self.add(outlet)

    def add(self, outlet: Outlet) -> None:
        """Know one more outlet (the importer adds those it creates during a run)."""
        if outlet not in self.outlets:
            self.outlets = [*self.outlets, outlet]
        for name in (outlet.name, *outlet.aliases):
            if is_acronym(name):
                self._by_acronym.setdefault(name.strip(), outlet)
                continue
            key, phrase = name_key(name), phrase_key(name)
            if key and (key == phrase or len(key.split()) > 1):
                self._by_name.setdefault(key, outlet)  # "Express Tribune", but never "National" for The National
            if phrase:
                self._by_name.setdefault(phrase, outlet)
                self._by_phrase.setdefault(phrase, outlet)
                self._longest = max(self._longest, len(phrase.split()))
        for domain in outlet.domains:
            self._by_domain.setdefault(host_of(domain), outlet)

    def __len__(self) -> int:
        return len(self.outlets)

    def named(self, text: str) -> Outlet | None:
        """The outlet this phrase names exactly (any of its names, or a domain written as a name)."""
        found = (
            self._by_acronym.get(text.strip())
            or self._by_name.get(phrase_key(text))
            or self._by_name.get(name_key(text))
        )
        if found is None and "." in text and " " not in text.strip():
            found = self.at_domain(text)
        # the outlet's English edition (`TEMPO.CO English`), its name with its site's ending (`Le Monde.fr`)
        for suffix in (_EDITION_SUFFIX, _SITE_SUFFIX):
            shorter = suffix.sub("", text.strip())
            if found is None and shorter and shorter != text.strip():
                found = self.named(shorter)
        return found

    def at_domain(self, url_or_host: str) -> Outlet | None:
        """The outlet a host belongs to, also through a subdomain (`epaper.dawn.com`)."""
        host = host_of(url_or_host)
        while host:
            found = self._by_domain.get(host)
            if found is not None:
                return found
            if host.count(".") < 2:  # never climb to a public suffix such as co.uk
                return None
            host = host.split(".", 1)[1]
        return None

    def mentioned_in(self, text: str) -> Outlet | None:
        """The first known outlet whose whole name stands inside a phrase, the longest name first where
        two start at the same word: `© 2024 The Express Tribune` names The Express Tribune."""
        words = phrase_key(text).split()
        for start in range(len(words)):
            for length in range(min(self._longest, len(words) - start), 0, -1):
                found = self._by_phrase.get(" ".join(words[start : start + length]))
                if found is not None:
                    return found
        tokens = re.findall(r"[A-Z][A-Z0-9&]{1,6}", text)
        return next((self._by_acronym[token] for token in tokens if token in self._by_acronym), None)


EMPTY_INDEX = OutletIndex()


def identify(clues: Iterable[OutletClue], index: OutletIndex) -> Identified | None:
    """The page's outlet, or None when no clue is good enough.

    A curator's metadata decides. Otherwise the known outlet named by the best-ranked clue (the page's
    top-most masthead before a copyright line's owner, which may be a parent company), the outlet more
    clues name breaking a tie between clues of one rank (an agency's credit does not count: it names
    who wrote the story, not who published the page); then a name the archive does not know, from the
    best-ranked purposeful (or corroborated) clue; then the host of an unknown domain; and only when
    nothing else names the publisher, a known agency's credit.
    """
    clues = sorted(clues, key=lambda clue: clue.kind)
    readings = [(clue, found) for clue in clues if (found := _read_clue(clue, index)) is not None]
    metadata = next((found for clue, found in readings if clue.kind == Clue.METADATA), None)
    at_domain = next((found for clue, found in readings if clue.kind == Clue.DOMAIN and found.known), None)
    if metadata is not None and not metadata.known and at_domain is not None:
        return at_domain  # the curator's spelling of an outlet the archive knows by its domain
    if metadata is not None:
        return metadata
    readings = _corroborated(readings)
    known = [found for clue, found in readings if found.known and clue.kind != Clue.AGENCY_CREDIT]
    if known:
        votes: dict[str, int] = {}
        for found in known:
            votes[found.name] = votes.get(found.name, 0) + 1
        best = min(found.clue for found in known)
        ranked = [found for found in known if found.clue == best]
        site = next((found for clue, found in readings if clue.kind == Clue.SITE_NAME), None)
        # an agency's story on a site that names itself: Barron's publishes AFP's copy (`AFP Fact Check` is AFP's own)
        if site is not None and all(_agency_on_another_site(found, site) for found in known):
            return site
        if site is not None and not site.known and all(_named_within(found, site) for found in known):
            return site  # a site that names itself more fully than a weaker clue's match: Kayhan Life, not Kayhan
        if at_domain is not None and all(_same_brand_elsewhere(found, at_domain) for found in ranked):
            return at_domain  # "ABC News" on abc.net.au: the Australian ABC, not the American one
        if best == Clue.MASTHEAD:
            return ranked[0]  # the top-most masthead is the page's own brand (Radio Azadi above RFE/RL)
        return max(ranked, key=lambda found: votes[found.name])
    unknown = next(
        (
            found
            for clue, found in readings
            if not found.known and clue.kind != Clue.DOMAIN and (found.purposeful or found.corroborated)
        ),
        None,
    )
    if unknown is not None and unknown.name.isupper():  # a masthead in capitals, its name in the footer as written
        unknown = next(
            (
                found
                for _, found in readings
                if name_key(found.name) == name_key(unknown.name) and not found.name.isupper()
            ),
            unknown,
        )
    return (
        unknown
        or next((found for clue, found in readings if clue.kind == Clue.DOMAIN), None)
        or next((found for clue, found in readings if clue.kind == Clue.AGENCY_CREDIT), None)
    )


def _agency_on_another_site(found: Identified, site: Identified) -> bool:
    return (
        found.outlet is not None
        and found.outlet.kind == "agency"
        and found.clue > site.clue
        and name_key(site.name) not in name_key(found.evidence)
    )


def _named_within(found: Identified, site: Identified) -> bool:
    """The known outlet's name is a part, not the whole, of the name the site gives itself."""
    known, full = name_key(found.name), name_key(site.name)
    if found.clue <= site.clue or known == full or known not in full:
        return False
    names = (found.outlet.name, *found.outlet.aliases) if found.outlet else (found.name,)
    extra = {word.casefold() for word in site.name.split()} - {w.casefold() for n in names for w in n.split()}
    return not extra <= _EDITION_WORDS  # `IRNA English` is IRNA's English edition, not another outlet


_EDITION_WORDS = frozenset("english urdu online digital international edition news tv .com com the".split())


def _same_brand_elsewhere(named: Identified, at_domain: Identified) -> bool:
    """A name that another outlet shares (in one of its own names) with the outlet whose domain the
    page is on: outlets of one brand in two countries (ABC News, ABC News Australia)."""
    if named.outlet is None or at_domain.outlet is None or named.outlet == at_domain.outlet:
        return False
    brand = name_key(named.name)
    return any(brand in name_key(name) for name in (at_domain.outlet.name, *at_domain.outlet.aliases))


def _corroborated(readings: list[tuple[OutletClue, Identified]]) -> list[tuple[OutletClue, Identified]]:
    """An unknown name two kinds of clue agree on (a blog's masthead and its `Subscribe to ...`) is as
    good as one named on purpose."""
    kinds: dict[str, set[Clue]] = {}
    for clue, found in readings:
        kinds.setdefault(name_key(found.name), set()).add(clue.kind)
    return [
        (clue, found if found.known or clue.kind in PURPOSEFUL or len(kinds[name_key(found.name)]) < 2
         else dataclasses.replace(found, corroborated=True))
        for clue, found in readings
    ]  # fmt: skip


def _read_clue(clue: OutletClue, index: OutletIndex) -> Identified | None:
    evidence = clue.line or clue.text
    if clue.kind == Clue.DOMAIN:
        host = host_of(clue.text)
        if not host or "." not in host:
            return None
        known = index.at_domain(host)
        return Identified(known.name if known else host, clue.kind, known, host, evidence)
    known = (
        index.named(clue.text)
        or (index.mentioned_in(clue.text) if clue.kind in {Clue.COPYRIGHT, Clue.PUBLISHED_IN} else None)
        or _named_in_a_part(clue.text, index)
    )
    if known is not None:
        return Identified(known.name, clue.kind, known, evidence=evidence)
    # a site's own name in its markup may be in lower case (`notes from the backbone`): that is its style
    styled = clue.kind == Clue.SITE_NAME and plausible_name(clue.text.title())
    if (plausible_name(clue.text) or styled) and clue.kind != Clue.AGENCY_CREDIT:
        return Identified(clue.text.strip(), clue.kind, evidence=evidence, purposeful=clue.kind in PURPOSEFUL)
    return None


_NAME_PARTS = re.compile(r"\s+[|–—-]\s+")


def _named_in_a_part(text: str, index: OutletIndex) -> Outlet | None:
    """A site's name with what it is beside it, set apart by a bar or a dash (`The Jerusalem Post | JPost.com`,
    `Chatham House – International Affairs Think Tank`): the outlet one part names."""
    parts = _NAME_PARTS.split(text)
    if len(parts) < 2:
        return None
    return next((known for part in parts if (known := index.named(part)) is not None), None)
