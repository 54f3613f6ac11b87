"""Pure: the date a news sentence gives for what it reports, resolved against the publication date.

An event detector reads one sentence at a time: "Pakistani officials said last week", "is due to
arrive in Islamabad on Aug 3", "ties that were strained in January". Every date expression in the
sentence is found through a table of patterns (`_RULES`) and the most specific one is kept: day over
month over year, an absolute date over a relative one, and the date of what happened over the date
it was *said* ("..., officials said on Tuesday"). Relative and year-less expressions are resolved
against the publication date, into the past unless the sentence speaks of the future ("is due to",
"will", "next").

Nothing is invented: without a publication date only dates that carry their year resolve, and a
duration ("a three-day visit") only stretches a start day that the sentence itself gives. Month
precision is returned as the 1st of the month and year precision as 1 January, as the Event model
stores them.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from archive.common.dates import MONTHS, UNKNOWN_RANGE, DatePrecision, DateRange, day_and_month

DAY = datetime.timedelta(days=1)
PAST, FUTURE, NEAR = "past", "future", "near"  # NEAR: "was due to", "would": whichever occurrence is closest
_PRECISION_RANK = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}
# Any date will do: it only checks that a relative expression is a date at all when there is no
# publication date to resolve it against ("February 30", a bare "January").
_REFERENCE = datetime.date(2000, 6, 15)


Span = tuple[datetime.date, datetime.date | None]
Occurrence = tuple[datetime.date, datetime.date]  # first and last day of one reading of a year-less expression
Resolver = Callable[[re.Match[str], datetime.date, str], Span | None]


# --- Pieces of patterns -------------------------------------------------------------------------

_FULL_MONTHS = [max((name for name in MONTHS if MONTHS[name] == number), key=len) for number in range(1, 13)]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"


def _words(words: list[str], *, capitalized: bool = False) -> str:
    """An alternation, longest first; capitalized words only, so "may" and "march" stay verbs."""
    words = sorted(words, key=len, reverse=True)
    if capitalized:
        return "(?-i:" + "|".join(f"{word.capitalize()}|{word.upper()}" for word in words) + ")"
    return "(?:" + "|".join(words) + ")"


def _month(name: str, *, capitalized: bool = False, full: bool = False) -> str:
    names = [*_FULL_MONTHS, "sept"] if full else list(MONTHS)
    return rf"\b(?P<{name}>{_words(names, capitalized=capitalized)})\b\.?"


def _day(name: str) -> str:
    """A day of the month; the second day of a range may follow a dash ("14-16")."""
    before = "" if name == "day2" else r"(?<![\w$€£.,/-])"
    return rf"{before}(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[:.,]\d)"


def _year(name: str) -> str:
    """A year 1900-2099 that is not part of a number, a measure or a compound ("959-kilometer")."""
    return rf"(?<![\w$€£.,/-])(?P<{name}>(?:19|20)\d\d)(?![\w%]|-\w|[.,]\d)"


_WEEKDAY_PREFIX = rf"(?:{_words(_WEEKDAYS, capitalized=True)},?\s+)?"  # "Monday, July 31, 2023"
# "between" alone allows "and" as the joint: "between 22 and 24 April", never "July 14 and 16".
_RANGE_LEAD = r"(?:\b(?P<between>between)\s+|\bfrom\s+)?"
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|through|till|until|(?(between)and|(?!)))\s+)"


def _ranges(*, capitalized: bool) -> tuple[str, str]:
    """Day ranges written month first ("July 14-16") and day first ("22 to 24 April")."""
    month_first = (
        rf"{_RANGE_LEAD}{_month('month', capitalized=capitalized)}\s+{_day('day')}"
        rf"{_TO}(?:{_month('month2', capitalized=capitalized)}\s+)?{_day('day2')}"
    )
    day_first = (
        rf"{_RANGE_LEAD}{_day('day')}(?:\s+(?:of\s+)?{_month('month', capitalized=capitalized)})?"
        rf"{_TO}{_day('day2')}\s+(?:of\s+)?{_month('month2', capitalized=capitalized)}"
    )
    return month_first, day_first


_RANGE_MONTH_FIRST, _RANGE_DAY_FIRST = _ranges(capitalized=False)
_YEARLESS_RANGE_MONTH_FIRST, _YEARLESS_RANGE_DAY_FIRST = _ranges(capitalized=True)
_WITH_YEAR = rf",?\s+{_year('year')}"

_ISO = (
    r"(?<![\w/.-])(?P<year>(?:19|20)\d\d)(?P<sep>[-/])(?P<month>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<day>3[01]|[12]\d|0?[1-9])(?![\w/]|[-.]\d)"
)
_NUMERIC = (
    r"(?<![\w/.-])(?P<first>[0-3]?\d)(?P<sep>[/.-])(?P<second>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\w/]|[-.]\d)"
)


def _month_day(*, capitalized: bool) -> str:
    return rf"{_WEEKDAY_PREFIX}{_month('month', capitalized=capitalized)}\s+{_day('day')}"


def _day_month(*, capitalized: bool) -> str:
    return rf"{_WEEKDAY_PREFIX}(?:the\s+)?{_day('day')}\s+(?:of\s+)?{_month('month', capitalized=capitalized)}"


_MONTH_ONLY = (
    r"(?:\b(?P<lead>in|since|by|until|till|during|of|from|through)\s+)?"
    rf"(?:\b(?P<which>early|late|mid|last|next|this)[\s-]+)?{_month('month', capitalized=True, full=True)}(?!\s+\d)"
)
_DAY_WORDS = r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|(?:the\s+day\s+before\s+)?yesterday|tomorrow)\b"
_MODIFIER = r"(?:\b(?P<mod>early|earlier|late|later|mid)[\s-]+)?"
_WEEK = rf"{_MODIFIER}\b(?P<which>last|this|next)\s+week\b"
_MONTH_WORDS = rf"{_MODIFIER}\b(?P<which>last|this|next)\s+month\b"
_YEAR_WORDS = rf"{_MODIFIER}\b(?P<which>last|this|next)\s+year\b"
_WEEKEND = r"\b(?P<which>over|at|during|on|last|this|next)\s+(?:the\s+)?weekend\b"
_NOT_A_DATE = ("Good", "Black", "Super", "Ash", "Holy", "Cyber", "Maundy", "Easter", "Palm", "Bloody", "Shrove")
_WEEKDAY = (
    r"(?:\b(?P<which>last|next|this|early|late)\s+(?:on\s+)?)?"
    + "".join(f"(?<!{word} )" for word in _NOT_A_DATE)
    + rf"\b(?P<weekday>{_words(_WEEKDAYS, capitalized=True)})\b(?:\s+(?:night|morning|afternoon|evening)\b)?"
)
_YEAR_AFTER_WORD = (
    r"(?:\b(?P<lead>in|since|of|by|from|until|till|during|through)\s+"
    r"(?:(?:early|late|mid)[\s-]+|the\s+(?:end|start|beginning|middle|first\s+half|second\s+half)\s+of\s+)?"
    rf"|\bmid-){_year('year')}"
)
# A year on its own: "the 2013 attack", "2013 was", "(2013)"; not "the 2000 soldiers" (see _bare_year).
_BARE_YEAR = (
    r"(?:^|(?P<paren>\()|(?P<lead>\b(?:the|a|an|its|his|her|their|this|that)\s+|'s\s+))"
    rf"{_year('year')}(?=\s+[A-Za-z]|\)|[,.;:]?\s*$)"
)
_YEAR_RANGE = rf"{_RANGE_LEAD}\b(?P<year>(?:19|20)\d\d){_TO}(?P<year2>(?:19|20)\d\d)(?![\w%]|-\w|[.,]\d)"


# --- Resolvers: a match (and the publication date, for relative ones) to (start, end) -----------


def _month_of(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _valid(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _years_around(published: datetime.date) -> range:
    """Enough years either side to meet 29 February; clipped to what datetime can hold."""
    return range(max(datetime.MINYEAR, published.year - 8), min(datetime.MAXYEAR, published.year + 8) + 1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return datetime.date(year, month + 1, 1)


def _week(published: datetime.date, weeks: int) -> Span:
    """Monday..Sunday of the ISO week `weeks` away from the publication's."""
    monday = published - published.weekday() * DAY + weeks * 7 * DAY
    return monday, monday + 6 * DAY


def _closest(occurrences: list[Occurrence], published: datetime.date, tense: str) -> Occurrence | None:
    """Of the dates a year-less expression could mean, the one the sentence's tense points to."""
    past = max((o for o in occurrences if o[0] <= published), default=None)
    future = min((o for o in occurrences if o[1] >= published), default=None)
    if tense == FUTURE or past is None:
        return future or past
    if tense == PAST or future is None or past[1] >= published:
        return past
    return past if (published - past[1]) <= (future[0] - published) else future


def _day_with_year(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    day = _valid(int(match["year"]), _month_of(match["month"]), int(match["day"]))
    return (day, None) if day else None


def _numeric_day(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    """31/07/2023 is read day first, unless only the month-first reading is a date (07/31/2023)."""
    day, month = day_and_month(int(match["first"]), int(match["second"]))
    found = _valid(int(match["year"]), month, day)
    return (found, None) if found else None


def _month_with_year(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    return datetime.date(int(match["year"]), _month_of(match["month"]), 1), None


def _range_ending_in(year: int, match: re.Match[str]) -> Occurrence | None:
    """The range whose last day falls in `year`; "December 30 to January 2" starts the year before."""
    first_month = _month_of(match["month"] or match["month2"])
    end = _valid(year, _month_of(match["month2"] or match["month"]), int(match["day2"]))
    start = _valid(year, first_month, int(match["day"]))
    if start and end and start > end:
        start = _valid(year - 1, first_month, int(match["day"]))
    return (start, end) if start and end and start < end else None


def _range_with_year(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    return _range_ending_in(int(match["year"]), match)


def _yearless_range(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    occurrences = [found for year in _years_around(published) if (found := _range_ending_in(year, match))]
    return _closest(occurrences, published, tense)


def _yearless_day(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    month, day = _month_of(match["month"]), int(match["day"])
    occurrences = [(found, found) for year in _years_around(published) if (found := _valid(year, month, day))]
    closest = _closest(occurrences, published, tense)
    return (closest[0], None) if closest else None


def _yearless_month(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    """ "in January", "since March", "last January"; a capitalized month alone may be a name."""
    if not match["lead"] and not match["which"]:
        return None
    month, which = _month_of(match["month"]), (match["which"] or "").lower()
    this_month = published.replace(day=1)
    firsts = [datetime.date(year, month, 1) for year in _years_around(published)]
    if which == "last":
        firsts = [first for first in firsts if first < this_month]
    elif which == "next":
        firsts = [first for first in firsts if first > this_month]
    closest = _closest([(first, _add_months(first, 1) - DAY) for first in firsts], published, tense)
    return (closest[0], None) if closest else None


def _day_word(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    word = " ".join(match[0].lower().split())
    offset = {"yesterday": -1, "the day before yesterday": -2, "tomorrow": 1}.get(word, 0)
    return published + offset * DAY, None


def _relative_week(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    which, modifier = match["which"].lower(), (match["mod"] or "").lower()
    monday, sunday = _week(published, {"last": -1, "this": 0, "next": 1}[which])
    if which == "this" and modifier == "earlier":
        return monday, max(monday, published - DAY)
    if which == "this" and modifier == "later":
        return min(sunday, published + DAY), sunday
    return monday, sunday


def _relative_month(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    return _add_months(published, {"last": -1, "this": 0, "next": 1}[match["which"].lower()]), None


def _relative_year(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    return datetime.date(published.year + {"last": -1, "this": 0, "next": 1}[match["which"].lower()], 1, 1), None


def _weekend(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    """Saturday..Sunday: of the week before for "last weekend", else the one just past (or coming)."""
    which = match["which"].lower()
    if which in ("last", "next"):
        saturday = _week(published, -1 if which == "last" else 1)[0] + 5 * DAY
    elif tense == FUTURE:
        saturday = _week(published, 0)[0] + 5 * DAY
    else:
        yesterday = published - DAY
        saturday = yesterday - ((yesterday.weekday() - 5) % 7) * DAY
    return saturday, saturday + DAY


def _ago(unit: str) -> Resolver:
    def resolve(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
        count = int(_NUMBER_WORDS.get(match["count"].lower(), match["count"]))
        if unit == "day":
            return published - count * DAY, None
        if unit == "week":
            return _week(published, -count)
        if unit == "month":
            return _add_months(published, -count), None
        return datetime.date(published.year - count, 1, 1), None

    return resolve


def _weekday(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    """ "on Tuesday": the latest Tuesday on or before publication, or the next one for the future."""
    weekday, which = _WEEKDAYS.index(match["weekday"].lower()), (match["which"] or "").lower()
    days = [published + offset * DAY for offset in range(-7, 8)]
    days = [day for day in days if day.weekday() == weekday]
    if which == "last":
        days = [day for day in days if day < published]
    elif which == "next":
        days = [day for day in days if day > published]
    closest = _closest([(day, day) for day in days], published, tense)
    return (closest[0], None) if closest else None


def _year_after_word(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    return datetime.date(int(match["year"]), 1, 1), None


def _bare_year(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    """Round hundreds ("the 2000 soldiers") count people as often as years; only "(2000)" is taken."""
    year = int(match["year"])
    return (datetime.date(year, 1, 1), None) if year % 100 or match["paren"] else None


def _year_range(match: re.Match[str], published: datetime.date, tense: str) -> Span | None:
    first, last = int(match["year"]), int(match["year2"])
    return (datetime.date(first, 1, 1), datetime.date(last, 1, 1)) if first < last else None


# --- The table ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    precision: DatePrecision
    absolute: bool  # resolves without a publication date
    resolve: Resolver


def _rule(pattern: str, precision: str, absolute: bool, resolve: Resolver) -> _Rule:
    return _Rule(re.compile(pattern, re.IGNORECASE), DatePrecision(precision), absolute, resolve)


# In order: where two matches overlap, the earlier rule's wins ("July 14-16, 2023" before "July 14").
_RULES = [
    _rule(_ISO, "day", True, _day_with_year),
    _rule(_RANGE_MONTH_FIRST + _WITH_YEAR, "day", True, _range_with_year),
    _rule(_RANGE_DAY_FIRST + _WITH_YEAR, "day", True, _range_with_year),
    _rule(_month_day(capitalized=False) + _WITH_YEAR, "day", True, _day_with_year),
    _rule(_day_month(capitalized=False) + _WITH_YEAR, "day", True, _day_with_year),
    _rule(_NUMERIC, "day", True, _numeric_day),
    _rule(_month("month") + _WITH_YEAR, "month", True, _month_with_year),
    _rule(_YEAR_RANGE, "year", True, _year_range),
    _rule(_YEARLESS_RANGE_MONTH_FIRST, "day", False, _yearless_range),
    _rule(_YEARLESS_RANGE_DAY_FIRST, "day", False, _yearless_range),
    _rule(_month_day(capitalized=True), "day", False, _yearless_day),
    _rule(_day_month(capitalized=True), "day", False, _yearless_day),
    _rule(_MONTH_ONLY, "month", False, _yearless_month),
    _rule(_DAY_WORDS, "day", False, _day_word),
    _rule(_WEEK, "day", False, _relative_week),
    _rule(_WEEKEND, "day", False, _weekend),
    _rule(_MONTH_WORDS, "month", False, _relative_month),
    _rule(_YEAR_WORDS, "year", False, _relative_year),
    _rule(rf"\b{_COUNT}\s+days?\s+ago\b", "day", False, _ago("day")),
    _rule(rf"\b{_COUNT}\s+weeks?\s+ago\b", "day", False, _ago("week")),
    _rule(rf"\b{_COUNT}\s+months?\s+ago\b", "month", False, _ago("month")),
    _rule(rf"\b{_COUNT}\s+years?\s+ago\b", "year", False, _ago("year")),
    _rule(_WEEKDAY, "day", False, _weekday),
    _rule(_YEAR_AFTER_WORD, "year", True, _year_after_word),
    _rule(_BARE_YEAR, "year", True, _bare_year),
]

# --- Reading the sentence around an expression --------------------------------------------------

_FUTURE_IN_PAST = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:due|set|scheduled|expected|slated|supposed|planning|going)\s+(?:to|for)\b"
    r"|\bwould\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|upcoming|to\s+arrive|next(?!\s+(?:to|day|morning|afternoon|evening|night)\b)"
    r"|(?:is|are|am)\s+(?:due|set|expected|slated|poised|going|planning|scheduled)\s+(?:to|for)"
    r"|plans?\s+to|intends?\s+to)\b",
    re.IGNORECASE,
)
# "said on Tuesday", "told reporters in Islamabad on Tuesday", "said in a statement last week".
_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|confirmed|added|claimed|tweeted|wrote|posted|declared"
    r"|disclosed|revealed|noted|insisted|warned)"
    r"(?:\s+(?:reporters|journalists|the\s+media|parliament|lawmakers|the\s+[A-Z][\w-]+))?"
    r"(?:\s+(?:in|at|during|via|on)\s+(?:a|an|the|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?)?"
    r"(?:\s+in\s+[A-Z][\w-]+)?(?:\s+(?:on|in|at|during|since|from|by|until|of))?[\s,]*$"
)
_DURATIONS = [
    re.compile(rf"\b{_COUNT}[-‑](?P<unit>day|week)\b(?![-‑]old)", re.IGNORECASE),  # a two-day visit
    re.compile(r"\b(?P<unit>week)[-‑]?long\b", re.IGNORECASE),  # a week-long tour
    re.compile(rf"\bfor\s+(?:the\s+(?:next|past)\s+)?{_COUNT}\s+(?P<unit>day|week)s?\b", re.IGNORECASE),
]
_ENDED = re.compile(
    r"\b(?:conclud(?:ed|es|ing)|end(?:ed|s|ing)|wrap(?:ped|s)\s+up|w(?:ou|i)nds?\s+up|return(?:ed|s|ing))\b",
    re.IGNORECASE,
)
_BEGAN = re.compile(
    r"\b(?:began|begins?|beginning|start(?:ed|s|ing)?|arriv(?:ed|es|ing|e)|kick(?:ed|s)\s+off|open(?:ed|s)"
    r"|embark(?:ed|s)|land(?:ed|s))\b",
    re.IGNORECASE,
)


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _sentence_tense(sentence: str) -> str:
    if _FUTURE_IN_PAST.search(sentence):
        return NEAR
    return FUTURE if _FUTURE.search(sentence) else PAST


def _is_reported(sentence: str, start: int) -> bool:
    """Whether the expression dates the saying ("officials said last week") rather than the event."""
    return _REPORTED.search(sentence[max(0, start - 80) : start]) is not None


# --- Finding and choosing -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    rule: _Rule
    start: int
    text: str
    reported: bool
    span: Span | None  # None: a date, but one only a publication date could place
    since: bool = False  # "since April 19": where a stretch of time began, not when the event happened

    def specificity(self) -> tuple:
        """Sort key, best first: a year alone or a date after "since" is background ("since 2021", "his
        second trip since April 19"), so even the date something was said beats it; otherwise what
        happened beats when it was said, then day > month, absolute > relative, a day > a range, and
        the first in the sentence."""
        width = (self.span[1] - self.span[0]).days if self.span and self.span[1] else 0
        precision = self.rule.precision
        return (
            precision == DatePrecision.YEAR or self.since,
            self.reported,
            _PRECISION_RANK[precision],
            not self.rule.absolute,
            width,
            self.start,
        )


def _expression_start(match: re.Match[str]) -> int:
    """Where the expression starts once the preposition that introduced it is left out."""
    start = match.end("lead") if match.groupdict().get("lead") else match.start()
    text = match.string[start : match.end()]
    return start + len(text) - len(text.lstrip(" ,("))


def _expression_text(match: re.Match[str]) -> str:
    """The matched expression without the preposition that introduced it: "in January" -> "January"."""
    return match.string[_expression_start(match) : match.end()].strip(" ,(").rstrip(".")


def _expressions(sentence: str, published: datetime.date | None) -> list[_Found]:
    tense = _sentence_tense(sentence)
    taken: list[tuple[int, int]] = []
    found = []
    for rule in _RULES:
        for match in rule.pattern.finditer(sentence):
            start, end = match.span()
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            reported = _is_reported(sentence, start)
            is_date, span = _resolve(rule, match, published, PAST if reported else tense)
            if not is_date:
                continue
            taken.append((start, end))
            at = _expression_start(match)
            since = bool(_SINCE.search(sentence, max(0, at - 7), at))  # "since" led it, in the match or before
            found.append(_Found(rule, start, _expression_text(match), reported, span, since))
    return found


def _resolve(
    rule: _Rule, match: re.Match[str], published: datetime.date | None, tense: str
) -> tuple[bool, Span | None]:
    """Whether the match is a date at all, and its span (None when only a publication date could place it)."""
    try:
        if rule.absolute or published is not None:
            span = rule.resolve(match, published or _REFERENCE, tense)
            return span is not None, span
        return rule.resolve(match, _REFERENCE, tense) is not None, None
    except (ValueError, OverflowError):  # beyond what datetime holds, e.g. "3 days ago" from 0001-01-02
        return False, None


def duration_days(sentence: str) -> int | None:
    """How many days the sentence says the event lasted ("a three-day visit" -> 3), for the detector."""
    matches = [match for pattern in _DURATIONS if (match := pattern.search(sentence))]
    if not matches:
        return None
    match = min(matches, key=lambda found: found.start())
    count = match.groupdict().get("count") or "1"
    days = int(_NUMBER_WORDS.get(count.lower(), count)) * (7 if match["unit"].lower() == "week" else 1)
    return days or None


def _stretch(sentence: str, day: datetime.date, days: int) -> Span:
    """A known day and a duration: the day starts the event, unless the sentence says it ended then."""
    if _ENDED.search(sentence) and not _BEGAN.search(sentence):
        return day - (days - 1) * DAY, day
    return day, day + (days - 1) * DAY


@functools.lru_cache(maxsize=4096)  # every read of an event resolves its evidence sentences again
def resolve_date(sentence: str, published: datetime.date | None) -> DateRange:
    """The date (or range) the sentence gives for what it reports, resolved against the publication date."""
    found = _expressions(sentence, published)
    if not found:
        return UNKNOWN_RANGE
    best = min(found, key=_Found.specificity)
    if best.span is None:
        return UNKNOWN_RANGE  # the most specific expression needs the publication date: never fall back to a vaguer one
    start, end = best.span
    days = duration_days(sentence)
    if days and best.rule.precision == DatePrecision.DAY and end is None and not best.reported:
        with contextlib.suppress(OverflowError):  # a stretch past what datetime holds keeps the day alone
            start, end = _stretch(sentence, start, days)
    return DateRange(start, None if end == start else end, best.rule.precision, best.text)
