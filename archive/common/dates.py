"""Pure: partial dates (how much of a date is known) and dates as news pages write them.

The archive's one date vocabulary: `DatePrecision`, `PartialDate` (a date known to the day, month
or year), `DateRange` (an event's dates) and the numeric day-first rule. Articles' publication
dates, curated timelines and the event detector's sentence dates all speak it.

Accepted forms (case-insensitive, optional weekday, optional time such as `07:00`, `7.30 pm`,
`10:15 PKT`): ISO `2023-07-31` (also with a time and zone, or slashes); numeric `31/07/2023`,
`31.07.2023`, `31-07-23`, read day first (`03/08/2023` is 3 August) unless only the month-first
reading is a real date (`07/31/2023`); `July 31, 2023`, `Jul. 31 2023`, `31 July 2023`,
`31st of July, 2023`; `July 2023` (month precision); a bare year (`2013`) or year and month
(`2024-04`) only as a metadata value.
Relative dates ("2 hours ago", "yesterday") need a reference date and are never resolved here.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models.enums import TextChoices


class DatePrecision(TextChoices):
    """How much of a stored date is known; the rest is filled with the first day/month."""

    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


MONTH_NAMES = "January February March April May June July August September October November December".split()
MONTH_ABBREVIATIONS = [name[:3] for name in MONTH_NAMES]
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))  # the longest first: "june" before "jun"
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:18|19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:(?:,?\s+at|,|\s*[|·•:]|\s+[-–—])?\s*(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?(?:\s*(?:(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5}))?)?"
)
_ISO = (
    r"(?P<year>(?:18|19|20)\d{2})[-/](?P<month_number>[01]?\d)[-/](?P<day>[0-3]?\d)"
    r"(?:[T\s](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = r"(?P<first>[0-3]?\d)(?P<sep>[/.-])(?P<second>[0-3]?\d)(?P=sep)(?P<year>(?:18|19|20)?\d{2})" + _TIME
_YEAR_SEPARATOR = r"(?:\s*,\s*|\s+)"  # `18 January, 2024`, `18 January 2024`, Al Arabiya's `18 January ,2024`
_MONTH_FIRST = _WEEKDAY + _MONTH + r",?\s+" + _DAY + _YEAR_SEPARATOR + _YEAR + _TIME
_DAY_FIRST = _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR_SEPARATOR + _YEAR + _TIME
_DAY_MONTH_YEAR = _DAY + r"(?P<dsep>[/.-])" + _MONTH + r"(?P=dsep)" + _YEAR + _TIME  # The Wire's `12/Apr/2024`
_MONTH_YEAR = _MONTH + r",?\s+" + _YEAR

_PATTERNS = [
    re.compile(rf"(?<![\w/.-]){pattern}(?![\w/])", re.IGNORECASE)
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST, _DAY_MONTH_YEAR, _NUMERIC, _MONTH_YEAR)
]
_ISO_FORMS = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_YEAR_ONLY = re.compile(r"^\s*(?P<year>(?:18|19|20)\d{2})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(?P<year>(?:18|19|20)\d{2})-(?P<month>0[1-9]|1[0-2])\s*$")
_LABEL = re.compile(
    r"^\s*(?P<label>first published|published|posted|date|last updated|updated|modified)(?:\s+on)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_SEPARATORS = " \t|,;:-–—•·/"


@dataclass(frozen=True)
class PartialDate:
    """A date of which only the year, or year and month, may be known (the rest is 1)."""

    date: datetime.date | None
    precision: DatePrecision
    time: datetime.time | None = None


UNKNOWN_DATE = PartialDate(date=None, precision=DatePrecision.UNKNOWN)


@dataclass(frozen=True)
class DateRange:
    """A date or an inclusive range of dates, never more precise than the text that gave it."""

    start: datetime.date | None
    end: datetime.date | None  # None when a single day/month/year; else the inclusive end
    precision: DatePrecision
    text: str = ""  # the expression it was read from, e.g. "last week"

    @property
    def first(self) -> PartialDate:
        return PartialDate(self.start, self.precision if self.start else DatePrecision.UNKNOWN)

    def days(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day the range may cover at its precision (July 2023: the whole month)."""
        if self.start is None:
            return None
        end = self.end or self.start
        if self.precision == DatePrecision.YEAR:
            return datetime.date(self.start.year, 1, 1), datetime.date(end.year, 12, 31)
        if self.precision == DatePrecision.MONTH:
            following = datetime.date(end.year + end.month // 12, end.month % 12 + 1, 1)
            return self.start.replace(day=1), following - datetime.timedelta(days=1)
        return self.start, end

    def contradicts(self, other: DateRange) -> bool:
        """Whether two known dates cannot be the same: the days they may cover do not overlap (no slack)."""
        mine, theirs = self.days(), other.days()
        return mine is not None and theirs is not None and (mine[1] < theirs[0] or theirs[1] < mine[0])

    @property
    def last(self) -> PartialDate:
        return PartialDate(self.end, self.precision if self.end else DatePrecision.UNKNOWN)


UNKNOWN_RANGE = DateRange(None, None, DatePrecision.UNKNOWN)


def day_and_month(first: int, second: int) -> tuple[int, int]:
    """A numeric date's day and month: day first (03/08 is 3 August) unless only the month-first
    reading can be a date (07/31)."""
    return (second, first) if second > 12 >= first else (first, second)


def partial_date(value: Any, *, iso_only: bool = False) -> PartialDate | None:
    """A metadata value as a partial date: a date or datetime object (as YAML gives them), or text
    that is one date (see parse_date; with `iso_only`, YYYY-MM-DD, YYYY-MM or YYYY only); None when
    it is neither."""
    if isinstance(value, datetime.datetime):
        return PartialDate(value.date(), DatePrecision.DAY, value.time().replace(second=0, microsecond=0))
    if isinstance(value, datetime.date):
        return PartialDate(value, DatePrecision.DAY)
    text = str(value).strip()
    if iso_only and not _ISO_FORMS.fullmatch(text):
        return None
    return parse_date(text)


@dataclass(frozen=True)
class DateLine:
    """A line that states a date: `Eurasia 31/07/2023 07:00`, `Published: July 31, 2023`."""

    date: PartialDate
    label: str  # published, updated, ... or "" when the line has no label
    rest: str  # the words beside the date, such as a section name


def parse_date(text: str) -> PartialDate | None:
    """The date that `text` consists of (a metadata value), or None when it is not one date."""
    text = text.strip()
    year_only = _YEAR_ONLY.match(text)
    if year_only:
        return PartialDate(datetime.date(int(year_only["year"]), 1, 1), DatePrecision.YEAR)
    year_month = _YEAR_MONTH.match(text)
    if year_month:
        return PartialDate(datetime.date(int(year_month["year"]), int(year_month["month"]), 1), DatePrecision.MONTH)
    found = _first_date(text)
    if found is None:
        return None
    date, span = found
    return date if text[span[1] :].strip(_SEPARATORS) == "" and text[: span[0]].strip(_SEPARATORS) == "" else None


def find_date_line(line: str, *, max_words: int = 12) -> DateLine | None:
    """A short line made of a date, an optional label and at most a few other words."""
    if len(line.split()) > max_words:
        return None
    label_match = _LABEL.match(line)
    label = label_match["label"].lower() if label_match else ""
    remainder = line[label_match.end() :] if label_match else line
    found = _first_date(remainder)
    if found is None:
        return None
    date, (start, end) = found
    rest = " ".join(f"{remainder[:start]} {remainder[end:]}".split()).strip(_SEPARATORS)
    if len(rest.split()) > 4:
        return None
    return DateLine(date=date, label=label, rest=rest)


@dataclass(frozen=True)
class DateStatement:
    """What a page's date line says: `Published January 18, 2024 Updated about 2 hours ago`,
    `By Staff Reporter | Published January 18, 2024`, `Posted on 02/13/2024 by Farah Qureshi`."""

    published: PartialDate | None  # the first date not labelled as an update
    updated: PartialDate | None
    phrase: str  # the words the publication (else update) date was read from
    byline: str = ""  # "by <name>" on the same line
    rest: str = ""  # other words beside the dates, such as a section name
    numeric: bool = False  # the date was written in figures (31/07/2023), so its order may be in doubt

    @property
    def date(self) -> PartialDate | None:
        return self.published or self.updated


_STATEMENT_LABEL = re.compile(
    r"(?<![A-Za-z])(?P<label>first published|originally published|published|original|posted|last updated|last modified|"
    r"last update|updated|update|modified|issued|date)(?:\s+on)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_UPDATE_LABELS = {"last updated", "last modified", "last update", "updated", "update", "modified"}
_RELATIVE = re.compile(
    r"\b(?:about\s+|over\s+|nearly\s+)?(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
    r"\s+ago\b|\bjust now\b|\b\d+\s*(?:min|minute)s?\s+read\b",
    re.IGNORECASE,
)
_BY_NAME = re.compile(
    r"(?:^|[\s|,·•/])(?:[Bb]y|BY):?\s+(?P<name>(?:(?:The\s+)?(?:University|Institute|College|School|Ministry|"
    r"Department|Office|Embassy|Council|Bank|Government|Academy|Federation|Association|Chamber)\s+of\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|al|bin|van|von)|,\s*Ph\.?\s?D\.?|;\s*[A-Z][\w'’.-]*)*"
    r"(?:\s+(?:staff\s+)?(?:reporters?|correspondents?|writers?|team|desk|bureau))?|"
    r"[a-z][\w.-]*(?=\s*[|·•]))"  # a blog's user name: WordPress's `By admin | January 18, 2024`
)
# Who translated, edited or illustrated the piece: not its writer.
_OTHER_CREDIT = re.compile(
    r"\b(?:[Tt]ranslated|[Ee]dited|[Pp]roduced|[Ii]llustrated)\s+by\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|al|bin|van|von))*"
)
_COUNTS = re.compile(r"(?<![\w,.])\d[\d,.]*k?\s+(?:views|reads|comments|shares|likes)\b", re.I)
_TRAILING_LABEL = re.compile(r"(?:\s+(?:On|At|In|Updated|Published|Posted|Date))+$")
_NUMERIC_DATE = re.compile(r"(?<![\w/.-])[0-3]?\d([/.-])[0-3]?\d\1(?:18|19|20)?\d{2}(?![\w/])")


_TIME_ZONE = re.compile(
    r"(?<!\w)(?:IST|PKT|PST|GMT|UTC|BST|CET|CEST|EST|EDT|PDT|AST|GST|IRST|AFT|JST|KST|HKT|SGT|ET|PT)(?!\w)|"
    r"(?<!\w)(?:at|on|time)\s*:(?=\s|$)",  # a label whose time was read: `Updated At : 05:44 AM`, WAFA's `Time: 11:14`
    re.I,
)
_CATEGORY_LIST = re.compile(r"\|\s*[A-Z][\w&]*(?: [A-Z][\w&]*)?(?:\s*,\s*[A-Z][\w&]*(?: [A-Z][\w&]*)?)+\s*$")
_CLOCK_TIME = re.compile(r"(?<![\w:])\d{1,2}\s?[:.]\s?\d{2}(?:\s*(?:[ap]\.?m\.?|hrs|h)\b)?(?![\w:])", re.I)
_NAMES_ONLY = re.compile(r"^[A-Z][\w'’.-]*(?:(?:\s+|[,;]\s*)(?:[A-Z][\w'’.-]*|and|&|de|al|bin|van|von))+$")
_GLUED_MONTH = re.compile(r"(\d)(?=(?:" + _MONTH_NAMES + r")\b)", re.I)
_READING_TIME = re.compile(r"(?:^|(?<=\s))\d{1,3}\s*(?:min|mins|minutes?)(?:\s+read)?\b", re.I)
_GLUED_DAY = re.compile(r"\b((?:19|20)\d\d)(?=[0-3]?\d\s+(?:" + _MONTH_NAMES + r")\b)", re.I)


def _in_bars(rest: str) -> bool:
    """Two or three short parts between bars (NDTV's `India News | Press Trust of India | Updated: ...`)."""
    parts = [part for part in rest.split("|") if part.strip()]
    return 2 <= len(parts) <= 3 and all(len(part.split()) <= 5 for part in parts)


def read_date_statement(line: str, *, month_first: bool = False, max_words: int = 25) -> DateStatement | None:
    """A short line that states when the page was published or updated, with what else it says;
    None when the line is no such statement (too long, no date, or too many other words)."""
    if len(line.split()) > max_words:
        return None
    line = _GLUED_MONTH.sub(r"\1 ", line)  # "01/24/2024January 24, 2024": two elements copied as one
    line = _GLUED_DAY.sub(r"\1 ", line)  # Al Jazeera's "12 Nov 202412 Nov 2024": the year, then the day again
    labels = list(_STATEMENT_LABEL.finditer(line))
    bounds = [0, *[match.start() for match in labels], len(line)]
    segments = []
    for start, end in itertools.pairwise(bounds):
        label_match = next((match for match in labels if match.start() == start), None)
        label = " ".join(label_match["label"].lower().split()) if label_match else ""
        text_start = label_match.end() if label_match else start
        segments.append((label, line[start:end], line[text_start:end]))
    published = updated = None
    phrase, leftovers, numeric = "", [], False
    for label, whole, text in segments:
        found = _first_date(text, month_first=month_first)
        if found is None:
            # "Updated 2 hours ago", CBC's "Last Updated: April 1": an update stamp, not other words
            unread_stamp = label and (_RELATIVE.search(text) or label in _UPDATE_LABELS)
            leftovers.append("" if unread_stamp else whole)
            continue
        date, (start, end) = found
        leftovers.append(text[:start] + " " + text[end:])
        written = (whole[: len(whole) - len(text)] + text[start:end]).strip(_SEPARATORS)
        if label in _UPDATE_LABELS:
            if updated is None:
                updated = date
                phrase = phrase or written
        elif published is None:
            published, phrase = date, written
            numeric = bool(_NUMERIC_DATE.search(text[start:end]))
    if published is None and updated is None:
        return None
    rest = " ".join(" ".join(leftovers).split())
    again = _first_date(rest, month_first=month_first)
    if again is not None and again[0] in (published, updated):  # the same date written twice
        rest = rest[: again[1][0]] + " " + rest[again[1][1] :]
    rest = _OTHER_CREDIT.sub(" ", rest)  # Mada Masr's `A and B Translated by C July 22, 2025`
    byline_match = _BY_NAME.search(rest)
    byline = _TRAILING_LABEL.sub("", byline_match["name"]).strip() if byline_match else ""
    if byline_match:
        rest = rest[: byline_match.start()] + " " + rest[byline_match.end() :]
    rest = _RELATIVE.sub(" ", rest)
    rest = _READING_TIME.sub(" ", rest)  # Hugo's `January 7, 2024 · 8 min · Farhan Siddiqui`
    rest = _COUNTS.sub(" ", rest)  # Al-Alam's `... - 09:15 1,284 views`
    rest = _CLOCK_TIME.sub(" ", rest)  # New Age's `Published: 00:00, Mar 01,2025`, Prothom Alo's `21: 05`
    rest = _TIME_ZONE.sub(" ", rest)  # the Tribune's `Amritsar, Updated At : 05:44 AM Mar 06, 2025 IST`
    rest = " ".join(rest.split()).strip(_SEPARATORS + ".")
    rest = "" if rest.lower() in {"at", "on"} else rest  # `Posted at 10:32 AM Jan 3, 2024`
    rest = _CATEGORY_LIST.sub("", rest).strip(_SEPARATORS)  # Kyodo's `... - 21:38 | All, Japan, World`
    if len(rest.split()) > 5 and not (len(rest.split()) <= 12 and (_NAMES_ONLY.match(rest) or _in_bars(rest))):
        return None  # but Anadolu's `A, B and C |21.01.2025`: the names of its authors; NDTV's `India News | PTI`
    return DateStatement(published, updated, phrase, byline, rest, numeric)


def numeric_date_order(texts: Iterable[str]) -> bool | None:
    """Whether the figures-only dates among these texts are written month first (True), day first
    (False), or cannot tell (None): a date such as 18/01/2024 or 01/18/2024 says it."""
    votes = 0
    for text in texts:
        for match in _NUMERIC_DATE.finditer(text):
            first, second = (int(part) for part in re.split(r"[/.-]", match.group())[:2])
            if first > 12 >= second >= 1:
                votes -= 1
            elif second > 12 >= first >= 1:
                votes += 1
    return None if votes == 0 else votes > 0


def _first_date(text: str, *, month_first: bool = False) -> tuple[PartialDate, tuple[int, int]] | None:
    candidates = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            date = _to_partial_date(match, month_first=month_first)
            if date is not None:
                candidates.append((match.start(), -(match.end() - match.start()), date, match.span()))
                break
    if not candidates:
        return None
    _, _, date, span = min(candidates, key=lambda candidate: candidate[:2])
    return date, span


def _to_partial_date(match: re.Match, *, month_first: bool = False) -> PartialDate | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if year < 100:
        year += 2000
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        day, month = day_and_month(second, first) if month_first else day_and_month(first, second)
    elif groups.get("month_number"):
        day, month = int(groups["day"]), int(groups["month_number"])
    else:
        month = MONTHS[groups["month"].lower().rstrip(".")]
        if groups.get("day") is None:
            return PartialDate(datetime.date(year, month, 1), DatePrecision.MONTH)
        day = int(groups["day"])
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(date, DatePrecision.DAY, _to_time(groups))


def _to_time(groups: dict[str, str | None]) -> datetime.time | None:
    if groups.get("hour") is None:
        return None
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return datetime.time(hour, minute)


# --- Writing dates -----------------------------------------------------------------------------


def format_date(date: datetime.date | None, precision: str) -> str:
    """A date written only as precisely as it is known: "14 Jul 2023", "Jul 2023", "2023"."""
    if date is None or precision == DatePrecision.UNKNOWN:
        return "date unknown"
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTH_ABBREVIATIONS[date.month - 1]} {date.year}"
    return f"{date.day} {MONTH_ABBREVIATIONS[date.month - 1]} {date.year}"


def format_date_range(
    start: datetime.date | None,
    start_precision: str,
    end: datetime.date | None = None,
    end_precision: str = DatePrecision.UNKNOWN,
) -> str:
    """An event's dates, sharing what the two ends have in common: "14–16 Jul 2023",
    "30 Jun – 2 Jul 2023", "Jan–Mar 2024", "2013–2015"."""
    if start is None or start_precision == DatePrecision.UNKNOWN:
        return "date unknown"
    if end is None or end_precision == DatePrecision.UNKNOWN or (end, end_precision) == (start, start_precision):
        return format_date(start, start_precision)
    if start_precision == end_precision == DatePrecision.DAY and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{format_date(end, end_precision)}"
        return f"{start.day} {MONTH_ABBREVIATIONS[start.month - 1]} – {format_date(end, end_precision)}"
    if start_precision == end_precision == DatePrecision.MONTH and start.year == end.year:
        return f"{MONTH_ABBREVIATIONS[start.month - 1]}–{format_date(end, end_precision)}"
    if start_precision == end_precision == DatePrecision.YEAR:
        return f"{start.year}–{end.year}"
    return f"{format_date(start, start_precision)} – {format_date(end, end_precision)}"
