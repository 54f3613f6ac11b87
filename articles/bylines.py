"""Pure: what a byline line says. Who wrote an article, told apart from what surrounds the names.

A byline names people (`Baqir Sajjad Syed`, `A, B and C`), a desk (`Web Desk`, `Our Correspondent`)
or an agency (`AFP`), and around the names carries what is not an author: a role (`Senior
Correspondent`), a bureau's city (`in Karachi`, `, New Delhi`), the agencies whose copy was used
(`with Reuters`), the outlet (`· CBC News`, `For Dailymail.Com`), an editor (`Edited by ...`), a
follow button. These functions read one line; where the line stands on the page is the layout's
business (articles/layout.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from archive.common.sentences import ends_sentence
from articles.cleaning import canonical_text

BYLINE = re.compile(
    r"^(?:(?:by|written by|author|authors|writers?\s*:|reporter|story by|report by|reported by|posted by|text by|"
    r"words by|compiled by|interview by|interviewed by|(?:interview )?conducted by|report from|"
    r"(?:a )?(?:guest post|guest column|opinion|analysis|commentary|essay|column) by)"
    r"\s*[:\-–—]?\s+|(?-i:[Bb]y(?=[A-Z])))"  # glued: Premium Times' `byChinedu Obi`, ABC's `ByHAIDER JAWAD`
    r"(?P<name>[^\d].{1,120})$",
    re.I,
)
# `Al Jazeera and news agencies`: the outlet and the agencies whose copy it used.
_OUTLET_AND_AGENCIES = r"[A-Z][\w .'’-]{1,40}\s+(?:and|&|with)\s+(?:news\s+)?agencies"
OUTLET_AND_AGENCIES = re.compile(rf"^{_OUTLET_AND_AGENCIES}$", re.I)
DESKS = re.compile(
    r"^(?:(?:our|staff|special|web|news|monitoring|online|sports?|business|city|foreign|political|diplomatic|"
    r"recorder|tribune|dawn|the news|desk|bureau|correspondent)\s*)*(?:reporter|report|correspondent|desk|"
    r"monitor|bureau|staff|news wires|wires|agencies|agency)$|"
    r"^(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,3}(?:desk|bureau|report|reporters?|staff|team|newsroom|correspondents?|"
    r"news service)$|"
    r"^(?:from\s+)?our\s+(?:own\s+)?(?:staff\s+)?(?:correspondent|reporter)s?$|"
    r"^(?:the\s+)?office of the (?:spokesperson|spokesman|press secretary|(?:chief )?spokes\w+)$|"
    rf"^{_OUTLET_AND_AGENCIES}$",
    re.I,
)
# The newsroom's word beside its own name (`Redazione ANSA`, `Reuters Staff`, `Rédaction Le Monde`): the outlet.
NEWSROOM_WORD = re.compile(
    r"^(?:redazione|redaktion|r[ée]daction|redacci[óo]n|reda[çc][ãa]o|newsroom|news desk)\s+"
    r"|\s+(?:newsroom|staff|desk)$",
    re.I,
)
DESK_WORD = re.compile(r"\b(desk|bureau|report|reporter|staff|team|newsroom|correspondent)$", re.I)
BIO_START = re.compile(
    r"^\*?(?:[Aa]bout the (?:author|writer)s?\s*:?\s*)?(?P<name>(?:[A-Z][\w'’.-]+\s+(?:(?:ud|ul|ur|uz|al|el|bin|ibn|"
    r"de|da|di|du|van|von|der)\s+)?){1,3}[A-Z][\w'’.-]+|"
    r"[Tt]he (?:writer|author|columnist|contributor)s?|"
    r"[Tt]he (?:[A-Z][\w'’.-]+\s+){1,3}(?:[Dd]esk|[Tt]eam|[Bb]ureau)(?:\s+team)?)"  # ARY's `The Web Desk team covers`
    r"\s+(?:is|was|are|has been|writes|works|teaches|heads|serves|"
    r"covers|reports|tweets|translates from|joined (?:the )?[A-Z][\w&]*(?: [A-Z][\w&]*)* (?:in (?:19|20)\d\d|as))\b"
)
BIO_WORDS = re.compile(
    r"\b(expert|analyst|journalist|writer|author|columnist|correspondent|reporter|researcher|professor|"
    r"lecturer|editor|fellow|scholar|student|freelance|based|contributor|reached at|e-?mail|twitter|tweets|"
    r"commentator|practitioner|retired|diplomat|former|director|economist|associate|ambassador|head|writes|"
    r"blogs|teaches|joined|covers|reporting|reports on|more about|pen name|pseudonym|educator|teacher|"
    r"views are (?:personal|(?:his|her|their) own))\b|@",
    re.I,
)
WIRE_CREDITS = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|interview|interviewed)(?: and \w+)? by\b"
    r".{0,200}$|"
    r"^.{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$",
    re.I,
)
REPORTING_BY = re.compile(
    r"^\(?(?:reporting|writing|compiled|interview|interviewed)(?: and \w+)? by:?\s+(?P<names>[^;()]+?)\s*(?:[;)]|$)",
    re.I,
)
# The agencies' notes under a story, naming its credited reporters by surname alone: `Merrin reported from
# Dubai.`, `Rostami covers Iran and its economy for The Associated Press from Tehran.`
_SURNAME_NOTE = re.compile(
    r"^(?P<names>[A-Z][\w'’-]+(?:(?:,| and| &) [A-Z][\w'’-]+)*) "
    r"(?P<verb>reported (?:this story )?from|contributed|covers|is an?|are|writes|reports on|has covered)\s"
)
MAX_SURNAME_NOTE_WORDS = 40


def split_names(names: str) -> list[str]:
    """`A, B and C` -> the names, one each."""
    return re.split(r",\s*|\s+(?:and|&)\s+", names)


def surname_note(unit: str, byline: str) -> str | None:
    """The kind of an agency's note on its own reporters, named by surname (`wire_credits` for where they
    reported from, `author_bio` for who they are), or None: every name must be one of the byline's."""
    match = _SURNAME_NOTE.match(unit.strip())
    if not match or not byline or len(unit.split()) > MAX_SURNAME_NOTE_WORDS:
        return None
    credited = {word.casefold() for word in re.findall(r"[\w'’-]+", byline)}
    names = split_names(match["names"])
    if not all(name.casefold() in credited for name in names) or (match["verb"] == "are") != (len(names) > 1):
        return None
    filed = match["verb"].startswith(("reported", "contributed"))
    if not filed and match["verb"] != "covers" and not _NEWSROOM_ROLE.search(unit):
        return None  # `Khan is a former cricketer ...`: a person of the story who shares a reporter's surname
    return "wire_credits" if filed else "author_bio"


_CONTRIBUTOR_NOTE = re.compile(r"^(?P<surname>[A-Z][\w'’-]+)\s+(?:is|was|teaches|writes|heads|serves as|directs)\s")
# a writer's trade or where they work: a namesake in the news is a `former cricketer`, not a `fellow at`
_WRITERS_TRADE = re.compile(
    r"\b(?:scientist|university|institute|cent(?:re|er) for|school of|college|professor|fellow|researcher|lecturer|"
    r"journalist|writer|author|columnist)\b",
    re.I,
)


def contributor_note(unit: str, byline: str) -> bool:
    """A contributor's note naming a credited author by surname alone and saying their trade (TIME's `Raman is a
    climate scientist at ...`): unlike an agency's note on its reporters (surname_note), it is the author's bio."""
    note = _CONTRIBUTOR_NOTE.match(unit.strip().lstrip("*( "))
    if note is None or len(unit.split()) > MAX_SURNAME_NOTE_WORDS:
        return False
    surnames = {canonical_text(author.split()[-1]) for author in split_names(byline) if author}
    return canonical_text(note["surname"]) in surnames and bool(_WRITERS_TRADE.search(unit))


# "This piece was co-written with Yousif Adam, an economist ...": one more writer, named under the piece.
CO_WRITTEN = re.compile(
    r"^(?:this (?:piece|article|post|essay) was )?co-?written (?:with|by) "
    r"(?P<name>(?-i:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}))",
    re.I,
)
# A capital of any Latin alphabet: `Özdemir`, `Émile`, `Łukasz`, `Çelik`
UPPER = "A-Z" + "".join(chr(code) for code in range(0xC0, 0x250) if chr(code).isupper())
_NAME_WORD = re.compile(
    rf"^(?:[{UPPER}][\w'’.-]*|and|&|de|da|al|el|bin|ibn|van|von|der|ul|ur|ud|uz|du|di|[|,]|"
    r"(?:al|el|ul|ad|as|ash|at|az|abu|bin|ibn)-[A-Z][\w'’.-]*)$"  # `Karim al-Saadi`
)
BYLINE_LABEL = re.compile(
    r"^(?:by|text by|words by|written by|story by|(?:opinion|analysis|commentary|essay|column|report|interview) by|"
    r"authors?|contributors?|reporter)\s*:?$",  # the Heritage Foundation's `Commentary By` over the writer's name
    re.I,
)
SECTION_WORDS = frozenset(
    "world asia pacific middle east west south north central latin america americas europe africa business economy "
    "politics sports sport science technology tech opinion culture health international national local top stories "
    "breaking news latest editorial entertainment lifestyle region regional pakistan india iran afghanistan gulf "
    "and & , | national security defence defense military diplomacy energy climate environment education trade "
    "markets finance society arts life style video videos photos multimedia features analysis "
    "press statement statements release releases readout briefing u.s. u.k. uk related tags topics keywords".split()
)
CITY = re.compile(r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=$|\s+and\s|\s*,)")
_AGENCY = (
    r"(?:agencies|news agencies|wires|AFP|AP|Reuters|dpa|KNA|epd|EFE|ANSA|IANS|PTI|ANI|APP|IRNA|Xinhua|Anadolu|PA|"
    r"PA Media|Press Association|AAP|Kyodo|Yonhap|Bernama)"
)
# "A | B with Reuters, dpa": the agencies whose copy the authors used, after their names (DW, France 24).
WITH_AGENCIES = re.compile(r"\s+with\s+" + _AGENCY + r"(?:\s*(?:,|and|&)\s*" + _AGENCY + r")*\s*$", re.I)
# "A with B": a second writer, when a name follows (an agency after `with` is WITH_AGENCIES).
_WITH_WRITER = re.compile(r"\s+with\s+(?=[A-Z][\w'’.-]+\s+[A-Z])")
_NOT_NAME_START = frozenset(
    "in on at for from with to of and or the a an more read also back next previous home menu search watch live "
    "follow share sign log get download view see about contact all latest top most "
    "key quick summary highlights takeaways".split()  # a box of key points' label: `Key Takeaways`, `Quick Read`
)


def _bureau_or_kept(match: re.Match[str]) -> str:
    """`in Karachi` after a name goes; `in Tehran Friendly` (a headline's end) stays, and keeps the line from
    reading as a name."""
    place = match.group().split(None, 1)[1]
    return "" if place.title() in bureau_cities() else match.group()


def is_name_like(unit: str) -> bool:
    """A byline without "By": a few capitalised words (`Baqir Sajjad Syed`, `A | B`), or a desk."""
    text = unit.strip()
    desk, comma, place = text.rpartition(",")
    if DESKS.match(text) or (comma and DESKS.match(desk.strip()) and re.fullmatch(r"[A-Z][\w'’.-]+", place.strip())):
        return True  # the Daily Star's `Our Correspondent, Kurigram`: a desk and its town
    if _ROLE_ONLY.match(text) or _only_role_words(text):
        return False  # "Senior Political Journalist", "Research Fellow" under a name: who they are, not another author
    text = _ROLE_SEGMENT.sub("", text)  # "Amber Whitlock | Pakistan correspondent"
    text = WITH_AGENCIES.sub("", CITY.sub(_bureau_or_kept, text))  # "A in Karachi and B in London", "A | B with AFP"
    text = _WITH_WRITER.sub(" and ", text)  # AFP's "Hina AZAM with Jérôme TAVERNIER in Paris"
    words = text.replace(",", " , ").replace("|", " | ").split()
    if words and words[0].casefold() in _NOT_NAME_START:
        return False
    if all(word.casefold().strip(",|&") in SECTION_WORDS for word in words if word.strip(",|&")):
        return False  # "West Asia", "Top Stories": a section, not a person
    names = [word for word in words if word not in {",", "|", "and", "&"}]
    # each name of a list (`A, B and C`) a few words
    parts = [part.split() for part in re.split(r"\s*(?:,|\|)\s*|\s+(?:and|&)\s+", text) if part.strip()]
    if len(parts) > 1 and _NOT_A_PERSON.search(" ".join(parts[0])):
        return False  # ISSI's `Issue Brief, China-Pakistan Study Centre`: a series and a centre, not a person
    if len(parts) > 1 and any(_ROLE.search(" ".join(part)) for part in parts):
        first = " ".join(parts[0])
        one_person = len(parts) <= 4 and not re.search(r"\band\b|&|\d", text)
        if one_person and 2 <= len(parts[0]) <= 4 and not _ROLE.search(first) and _ROLE.search(" ".join(parts[1])):
            return is_name_like(first)  # VIF's `Aarti Raghavan, Research Associate, VIF`: a name, then who she is
        return False  # "Senior Fellow and Director, Southeast Asia Program": roles, not names
    if (
        len(parts) > 1
        and all(len(part) == 1 for part in parts)
        and any(part[0].casefold() in SECTION_WORDS for part in parts)
    ):
        return False  # a blog's categories under its date: "Culture, Lahore, Opinion"
    return (
        (1 <= len(names) <= 6 or (len(parts) <= 5 and all(1 <= len(part) <= 3 for part in parts)))
        and not any(character.isdigit() for character in text)
        and not re.search(r"[.:;!?]$", text)
        and all(_NAME_WORD.match(word) for word in words)
        and len(names) >= 2
    )


# ", a contributing editor at Foreign Policy," after a name in a byline: who the author is.
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|who)\s+[^,]{2,80}?(?=,|\.?$)")


def byline_line(unit: str) -> re.Match[str] | None:
    """A `By ...` line of a few names, each perhaps with who they are (`By A, a contributing editor at
    Foreign Policy, and B, a journalist based in Lahore.`)."""
    match = BYLINE.match(unit)
    capitalised = any(word[:1].isupper() for word in match["name"].split()[:4]) if match else False
    if match and not capitalised and not DESKS.match(match["name"].strip(" .")):
        return None  # `By the second week, half my plan was gone.`: a sentence; not `By business reporter Nadia Kovac`
    if match and len(unit.split()) <= 14:
        return match
    if not unit.lower().startswith("by "):
        return None
    names = re.sub(r",\s+(and|&)\s+", r" \1 ", _APPOSITIVE.sub("", unit).rstrip("."))
    match = BYLINE.match(names)
    return match if match and len(names.split()) <= 14 and is_name_like(match["name"]) else None


_NOT_A_PERSON = re.compile(
    r"\b(?:brief|briefs|report|paper|commentary|centre|center|institute|programme|program|studies|study|department|"
    r"ministry|university|series)\b",
    re.I,
)
_ROLE = re.compile(
    r"\b(correspondent|editor|reporter|writer|columnist|contributor|lecturer|professor|fellow|analyst|researcher|"
    r"director|chief|bureau|scholar|economist|author|journalist|producer|presenter|chair|associate|head of|"
    r"ceo|cto|cfo|coo|(?:co-?)?founder|managing partner)\b|@\w|"
    r"^special to (?:the )?[A-Z]",  # the Globe and Mail's contributors: "Special to The Globe and Mail"
    re.I,
)


_ROLE_QUALIFIERS = frozenset(
    "senior junior chief deputy associate assistant managing executive contributing special staff visiting adjunct "
    "resident non-resident nonresident distinguished principal lead research policy program programme".split()
)
_ROLE_NOUNS = frozenset(
    "fellow fellows analyst researcher scholar lecturer professor director economist editor correspondent reporter "
    "writer columnist journalist contributor".split()
)


def _only_role_words(text: str) -> bool:
    """`Senior Research Analyst`, `Research Fellow`: a title with nobody's name in it."""
    words = [word.casefold().strip(",") for word in text.split()]
    return (
        len(words) >= 2
        and all(word in _ROLE_QUALIFIERS or word in _ROLE_NOUNS for word in words)
        and words[-1] in _ROLE_NOUNS
    )


def is_affiliation(unit: str) -> bool:
    """An author's role under their name: `Middle East correspondent @TomAshcroftSky`, `Senior Fellow -
    Global Economy and Development`, `BBC News, Islamabad` is not (see is_name_like)."""
    limit = 20 if " | " in unit else 14  # a LinkedIn headline: `Energy economist | Former adviser, ...`
    return (
        len(unit.split()) <= limit and not ends_sentence(unit) and bool(_ROLE.search(unit)) and not is_name_like(unit)
    )


ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}$")
ORGANISATION = re.compile(
    r"\b(forum|institute|institution|center|centre|council|foundation|agency|network|media|service|bureau|"
    r"group|university|association|society|review|monitor|times|post|news|press)\b",
    re.I,
)


def byline_in(rest: str) -> str:
    match = BYLINE.match(rest.strip(" |-–—·•"))
    if match:
        return clean_byline(match["name"])
    return ""


# "Lim Jia Hui Tech Correspondent": a role after the name, no comma between (the Straits Times).
_TRAILING_ROLE = re.compile(
    r"(?<=\w)\s+(?:(?:senior|chief|deputy|associate|assistant|managing|executive|contributing|special|staff|foreign|"
    r"political|diplomatic|defen[cs]e|security|business|economics?|tech|technology|science|health|sports?|legal|court|"
    r"city|metro|regional|investigations?|features?|news|bureau|global|world|india|asia|china|us|europe|opinion|"
    r"south|north|east|west|south-east|southeast|middle|central|africa|america|americas|latin|pacific|gulf|arab|"
    r"pakistan|iran|afghanistan|russia|uk|international|environment|climate|energy|religion|education)\s+){0,3}"
    r"(?:correspondent|editor|reporter|writer|columnist|journalist|analyst|contributor)s?$",
    re.I,
)
_ROLE_SEGMENT = re.compile(
    r"\s*[|,]\s*[^|,]{0,40}\b(?:correspondent|editor|reporter|writer|columnist|journalist|analyst)s?$", re.I
)
# the ABC's `business reporter Nadia Kovac`, Xinhua's `Xinhua writer Zhao Lanxi`: the role in lower case
_LEADING_ROLE = re.compile(
    r"^(?:[a-z]+\s+|[A-Z][A-Za-z]+\s+(?=[a-z])){0,3}(?:reporter|correspondent|editor|writer|journalist|columnist)\s+"
    r"(?=[A-Z])"
)
_FOR_OUTLET = re.compile(r"\s+for\s+(?:the\s+)?(?:[A-Z][\w.]*\.(?:com|co\.uk|net|org)|MailOnline)$", re.I)
_NEWSROOM_ROLE = re.compile(r"\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor)\b", re.I)
AGENCY_ONLY = re.compile(rf"^(?:{_AGENCY}|AA|INP|NNI|PPI|WAM|QNA|SPA|KUNA|IANS|UNI)$")
_AFFILIATION_SEGMENT = re.compile(
    r",\s*(?:[^,]*?\b(?:University|Institute|College|School|Centre|Center|Foundation|Council)\b[^,]*?|"
    rf"(?!{_AGENCY}\b)[A-Z]{{2,6}})(?=\s+(?:and|&)\s|\s*,|\s*$)"  # `A, ANU`, not `Reuters, AFP and AP`
)
ENDS_IN_ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|columnist|journalist|analyst|fellow|researcher|professor|director)s?$",
    re.I,
)
_ROLE_ONLY = re.compile("^" + _TRAILING_ROLE.pattern.removeprefix(r"(?<=\w)\s+"), re.I)
BUREAU_CITIES_FILE = Path(__file__).parent / "data" / "bureau_cities.txt"


@cache
def bureau_cities() -> tuple[str, ...]:
    """The towns bureaus file from (articles/data/bureau_cities.txt), the longest first: "New Delhi" before "Delhi"."""
    lines = BUREAU_CITIES_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(sorted((line.strip() for line in lines if line.strip() and not line.startswith("#")), key=len)[::-1])


@cache
def _trailing_bureau_city() -> re.Pattern[str]:
    """A bureau's city at the end of a byline (`A, New Delhi`, `A & B New Delhi`, `A | Kabul`)."""
    cities = "|".join(map(re.escape, bureau_cities()))
    return re.compile(r"(?<=\w)(?:(?P<separator>\s*[,|–—-]\s*)|\s+)(?P<city>" + cities + r")\s*$", re.I)


# "Ella Bradshaw and PA": the agency whose copy a named writer used.
_AND_AGENCY = re.compile(r"\s+(?:and|&)\s+" + _AGENCY + r"\s*$")
# "Rohan Mehta • 2d • 3 min read": how long ago and how long to read, after the name.
_AGE_AND_READING_TIME = re.compile(
    r"\s*[•·|]\s*(?:\d+\s*(?:[smhdw]|mins?|hours?|days?|weeks?)(?:\s+ago)?|\d+\s*min(?:ute)?s?\s+read|"
    r"(?:no|\d+)\s+(?:comments?|responses?|replies))\b.*$"  # Eurasia Review's `IPS • 0 Comments`
    r"|\s+(?:an?|\d+)\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago$",  # Amu's `Shabnam Rahimi 3 days ago`
    re.I,
)
# Who edited, translated or illustrated it, after the writers' names: not writers.
EDITORS_AND_TRANSLATORS = re.compile(
    r"(?:\s*[,|]\s*|\s+)(?:edited|curated|updated|translated|produced|illustrated) by\b.*$", re.I
)
_FOLLOW_BUTTON = re.compile(r"(?<=\w)\s+Follow(?=\s+and\s|\s*[,|]|\s*$)")
# A blog platform's default user names: nobody's byline.
ACCOUNT_NAME = re.compile(r"^(?:admin|administrator|editor|webmaster|webadmin|siteadmin|user\d*|guest user)$", re.I)
# "Guest Blogger for Asia Unbound": what the writer is to the site, not who they are.
_GUEST_ROLE = re.compile(
    r"^(?:guest|contributing)\s+(?:blogger|author|writer|contributor|columnist|post)s?(?:\s+(?:for|at|of|on)\s+.*)?$",
    re.I,
)
# "Dr Ayesha Rauf": a title before a name, not part of it.
_HONORIFIC = re.compile(r"(?:^|(?<=\band )|(?<=, )|(?<=\| ))(?:Dr|Prof|Professor|Engr|Mr|Mrs|Ms)\.?\s+(?=[A-Z])")


def _is_person_with_role(name: str, without_role: str) -> bool:
    """`Nilofar Azizi Reporter` (a name and, in the markup beside it, the role), not `Staff Reporter`,
    `Dawn Report` or `Al Jazeera Staff`: two words or more of a name before a newsroom role."""
    words = without_role.split()
    return (
        without_role != name
        and len(words) >= 2
        and bool(_NEWSROOM_ROLE.search(name.split()[-1]))
        and not any(word.casefold() in SECTION_WORDS or DESK_WORD.search(word) for word in words)
        and not DESKS.match(without_role)
    )


_AGENCY_BUREAU = re.compile(r",\s*(?:AFP|AP|Reuters)\s+[A-Z][a-z]+$")


_GENRE_BY = re.compile(r"^(?:commentary|analysis|opinion|story|report|column)\s+by\s+", re.I)
_SLASHED_ROLE = re.compile(r"\s*/\s*(?:staff|senior|special|chief)?\s*(?:writer|correspondent|reporter)s?$", re.I)
_DEGREE = re.compile(r",?\s+(?:Ph\.?\s?D|D\.?\s?Phil|M\.?\s?Phil)\.?(?=\s*(?:[;,|]|and\b|$))", re.I)


def clean_byline(name: str) -> str:
    """`By A | B` -> `A and B`; trailing separators, `, and`, a time (`at 10:32 AM`), agencies (`with AFP`), a role
    (`A, Senior Correspondent`), a city (`A in Karachi`) and the outlet (`A, CNN`) taken off."""
    if ACCOUNT_NAME.match(name.strip()) or _GUEST_ROLE.match(name.strip()):
        return ""
    name = _HONORIFIC.sub("", name.strip())
    name = re.sub(r"(?<=[a-z])\s+und\s+(?=[A-Z])", " and ", name)  # DER SPIEGEL's `Jan Petersen und Anna Roth`
    name = _DEGREE.sub("", name).replace(";", ",")  # USIP's `A, Ph.D.; B`
    name = _GENRE_BY.sub("", name)  # Heritage's `Commentary By A`
    name = _SLASHED_ROLE.sub("", name)  # the Asahi's `KAZUKI TSUJI/ Staff Writer`
    name = re.sub(r"\s+[-–—]\s+@?$", "", name)  # `dpa - @`: a handle's place left empty
    name = re.sub(r",\s+(?=(?:and|&)\s)", " ", name)  # ISW's `A, B, C, and D`
    newsroom = re.sub(r",\s*[A-Z]{2,6}(?:\s+[A-Z][a-z]+)?\s+(?:News|Media|Network|Online)$", "", name)
    if newsroom != name and is_name_like(newsroom):
        name = newsroom  # GMA's `JOSHUA R. BELLEZA, GMA Integrated News`
    name = _FOLLOW_BUTTON.sub("", name)  # the WSJ's `Harriet Calloway Follow and Daniel Kessler Follow`
    name = EDITORS_AND_TRANSLATORS.sub("", name)  # NDTV's `Reported by A, Edited by B`: B edited, A wrote
    name = _AGE_AND_READING_TIME.sub("", name)  # MSN's `Story by A • 2d • 3 min read`
    name = _AGENCY_BUREAU.sub("", name)  # AFP's `Sadia BATOOL, AFP Pakistan`
    without_agency = _AND_AGENCY.sub("", name)
    person = len(without_agency.split()) >= 2 and not re.search(rf"\b{_AGENCY}\b", without_agency)
    if without_agency != name and person and is_name_like(without_agency) and not DESKS.match(name):
        name = without_agency  # the Standard's `A and PA`, not `Reuters and AFP`
    name = _ROLE_SEGMENT.sub("", name.strip())  # `A | Pakistan correspondent`
    name = _LEADING_ROLE.sub("", name)  # the ABC's `By business reporter Nadia Kovac`
    name = _FOR_OUTLET.sub("", name)  # the Daily Mail's `A and B For Dailymail.Com`
    name = _AFFILIATION_SEGMENT.sub("", name)  # `A, Fulbright University Vietnam and B, ANU`
    before_role, *role = _ROLE_START.split(name, maxsplit=1)
    before_role = before_role.strip(" ,|-–—")
    newsroom_role = bool(role) and bool(_NEWSROOM_ROLE.search(role[0]))
    person = is_name_like(before_role) and len(before_role.split()) >= 2 and not DESKS.match(name)
    person = person and not _TRAILING_ROLE.search(name)  # `Lim Jia Hui Tech Correspondent`: the role comes off below
    if newsroom_role and person and " and " not in name:
        name = before_role  # the Nation: `Gerald Andae Senior Business Reporter Nation Media Group`
    name = WITH_AGENCIES.sub("", re.sub(r"\s+at\s+\d{1,2}[:.]\d{2}.*$", "", name.strip()))
    name = _WITH_WRITER.sub(" and ", name)
    name = re.sub(r",\s+[^,]*$", lambda match: "" if _ROLE.search(match.group()) else match.group(), name)
    name = re.sub(r"(?:\s*[|,–—-]|\s*,?\s+and)\s*$", "", name.strip()).strip()
    parts = re.split(r"\s*[|,]\s*", name)
    if len(parts) > 1 and len(parts[0].split()) >= 2:
        name = " | ".join(part for part in parts if len(part.split()) >= 2 or " and " in part)  # "A | Kathmandu"
        # "A B, Casablanca and C D": a one-word place between two full names
        name = re.sub(r"^([^|]*\S\s+\S[^|]*?) \| ([A-Z][\w'’-]+)\s+(?:and|&)\s+(?=\S+\s+\S)", r"\1 | ", name)
    name = re.sub(r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=$|\s+and\s|,|\s*\|)", "", name)
    name = re.sub(r",\s*(?:CNN|AP|AFP|Reuters|Bloomberg|BBC News|Al Jazeera)$", "", name)
    name = re.sub(r"\s+@\w{1,30}$", "", name)  # `A @handle`: the writer's account beside their name
    placed = re.sub(r"\s*\([A-Z][\w .'’-]{1,30}\)$", "", name)  # `A (Islamabad)`
    if placed != name and is_name_like(placed) and len(placed.split()) >= 2:
        name = placed
    without_role = _TRAILING_ROLE.sub("", name)
    last = re.split(r"\s+(?:and|&)\s+", name)[-1]  # "A and Online Reporters": a desk as co-author
    desk = bool(DESKS.match(name) or DESKS.match(last)) and not _is_person_with_role(name, without_role)
    if not desk and is_name_like(without_role):
        name = without_role
    city = _trailing_bureau_city().search(name)
    in_capitals = city is not None and city["city"].isupper() and not name[: city.start()].isupper()
    if city is not None and (in_capitals or city["city"] in bureau_cities()):
        # after a plain space, only under a byline long enough not to be a surname, or a dateline's city in capitals
        # after a name that is not (ANSA's `Redazione ANSA ROME`)
        rest = name[: city.start()]
        # `AFP, Beirut`; a known agency's name before its city needs no separator (Business Standard's `IANS New Delhi`)
        agency = (bool(ACRONYM.match(rest.strip())) and bool(city["separator"])) or bool(
            AGENCY_ONLY.match(rest.strip())
        )
        spaced = city["separator"] or len(name.split()) >= 4 or in_capitals
        if agency or (is_name_like(rest) and len(rest.split()) >= 2 and spaced):
            name = rest
    names = re.split(r"\s*\|\s*|\s+and\s+|,\s*", name)
    newsrooms = [part for part in names if part.startswith("The ") and len(part.split()) >= 2]
    if newsrooms and len(newsrooms) < len(names) and all(is_name_like(part) for part in names if part not in newsrooms):
        return joined_names(
            [part for part in names if part not in newsrooms]
        )  # `A, ProPublica, and B, The Texas Tribune`
    if "|" not in name:
        return name
    return joined_names(re.split(r"\s*\|\s*|\s+and\s+", name))


_PLACE_PART = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?")


# Where the authors filed from, under their names: `Reporting from Srinagar`, the BBC's glued `Reporting fromKathmandu`
REPORTING_FROM = re.compile(r"^(?:reporting|reported|writing) from\s*(?=[A-Z])", re.I)


def is_place_line(unit: str) -> bool:
    """`Dhaka`, `Teknaf, Cox's Bazar`, `Belgrade, Pristina`: where the authors named above it are, not
    another author (a person's name is two words or more, and a list of them has no one-word part). A town
    alone must be one bureaus file from (articles/data/bureau_cities.txt). Middle East Eye writes `in Baghdad,
    Iraq`; The New York Times `Reporting from Srinagar and Pulwama, Kashmir`."""
    reporting = REPORTING_FROM.match(unit.strip())
    unit = re.sub(r"^in\s+(?=[A-Z])", "", unit.strip()[reporting.end() :] if reporting else unit.strip())
    if reporting:
        unit = re.sub(r"\s+and\s+", ", ", unit)
    parts = [part.strip() for part in unit.split(",")]
    if len(parts) == 1:
        return unit.strip().title() in bureau_cities()  # `Dhaka`, `ISTANBUL`; not `BIRN`, `Planning`
    if len(parts) > 3 or not all(_PLACE_PART.fullmatch(part) for part in parts):
        return False
    if any(ENDS_IN_ROLE.search(part) for part in parts):
        return False  # Gulf News's `Ahmad Nasri, Reporter`: a person and their role
    return any(len(part.split()) == 1 for part in parts) or all(part in bureau_cities() for part in parts)


def joined_names(names: Sequence[str]) -> str:
    """Authors as a byline writes them: `A`, `A and B`, `A, B and C`."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def with_author(byline: str, name: str) -> str:
    """The byline with one more author: `A` and `B` -> `A and B`; `A and B` and `C` -> `A, B and C`."""
    return joined_names([*re.split(r",\s+|\s+and\s+", byline), name]) if byline else name


CONTRIBUTORS = re.compile(r"^(?:contributors?|authors?|about the authors?|the authors?)\s*:?$", re.I)
_ROLE_START = re.compile(
    r"\s(?=(?:Senior|Junior|Chief|Deputy|Associate|Assistant|Visiting|Non-?resident|Research|Program|Project|"
    r"Analyst|Consultant|Director|Fellow|Editor|Correspondent|Reporter|Writer|Professor|Lecturer|Researcher|"
    r"Head|Manager|Adviser|Advisor|Expert|Former)\b)"
)


def name_before_role(unit: str) -> str:
    """`Laila Durrani Senior Analyst, Pakistan` -> `Laila Durrani`; "" when no role follows a name."""
    parts = _ROLE_START.split(unit, maxsplit=1)
    name = parts[0].strip(" ,|-–—")
    starts_with_a_role = bool(_ROLE_START.match(" " + name))  # `Senior Policy Fellow`: no name before it
    return name if len(parts) == 2 and is_name_like(name) and not starts_with_a_role else ""
