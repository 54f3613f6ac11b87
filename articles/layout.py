"""Pure: a saved page's text -> the article on it, its header and what the page says around it.

A page saved as text (select all, paste) is one line per block of the page. Whatever the outlet,
it is laid out the same way: the page's header (masthead, menus, section names, tickers), the
article's header (headline, standfirst, byline, date, share bar, photo caption), the article's
paragraphs (with teasers, captions and advertisements among them), then the page's footer (tags,
credits, comments, related stories, copyright). The parts are found by the shape of their lines,
not by what an outlet's template says:

- the **body starts** at the first paragraph of prose (a long line, or a sentence of a dozen words)
  that is not followed by a byline or a date line (which would make it a standfirst), reaching back
  over a short first paragraph;
- the **article's header** is the run of lines just above it that are headline-, sentence-, byline-
  or date-like; it stops at a short label (a section name, a menu item). Its first headline-like
  line is the headline, the next line of text the standfirst;
- the **body ends** at its last paragraph of prose before a line that only a page's footer has (a
  comment section, a tag list, a copyright line, a "Published in ..." footer, a source credit),
  reaching forward over short closing sentences.

Lines above the article's header and below its end are furniture by position; inside the body only
lines a furniture rule recognises (articles/furniture.py) are. Every line ends in the title, a
field, the body or a removal that names its rule, so nothing is lost.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from archive.common.dates import (
    MONTHS,
    DatePrecision,
    DateStatement,
    PartialDate,
    numeric_date_order,
    read_date_statement,
)
from archive.common.sentences import SENTENCE_MARK_AT_END, ends_sentence, split_sentences
from articles.bylines import (
    ACRONYM,
    AGENCY_ONLY,
    BIO_START,
    BIO_WORDS,
    BYLINE,
    BYLINE_LABEL,
    CITY,
    CO_WRITTEN,
    CONTRIBUTORS,
    DESK_WORD,
    DESKS,
    ENDS_IN_ROLE,
    ORGANISATION,
    OUTLET_AND_AGENCIES,
    REPORTING_BY,
    REPORTING_FROM,
    SECTION_WORDS,
    WIRE_CREDITS,
    WITH_AGENCIES,
    byline_in,
    byline_line,
    clean_byline,
    contributor_note,
    is_affiliation,
    is_name_like,
    is_place_line,
    joined_names,
    name_before_role,
    split_names,
    surname_note,
    with_author,
)
from articles.cleaning import canonical_text, normalise_text, repeated_paragraphs
from articles.furniture import (
    CAPTION_LABEL,
    CREDIT_LINE,
    LABELLED_CAPTION,
    RULES_BY_NAME,
    caption_credit,
    classify_line,
    is_list_item,
    is_scene_caption,
)
from articles.outlets import EMPTY_INDEX, Clue, Identified, OutletClue, OutletIndex, identify, plausible_name
from articles.parsed import ParsedArticle, ParseError, Removal

MAX_TITLE_LENGTH = 300  # a first line longer than this is a paragraph, not a headline
MAX_HEADLINE_WORDS = 40

_TYPE_LABELS = [
    (re.compile(r"\s*[-–—|:]\s*(op-?ed|opinion|comment|column|editorial|blog)\s*$", re.I), "opinion"),
    (re.compile(r"^\s*(op-?ed|opinion|comment|column|editorial|commentary)\s*[:|–—-]\s*", re.I), "opinion"),
    (re.compile(r"\s*[-–—|:]\s*(analysis|explainer|long read)\s*$", re.I), "analysis"),
    (re.compile(r"^\s*(analysis|explainer|news analysis|intelbrief|issue brief|policy brief)\s*[:|–—-]\s*", re.I),
     "analysis"),
]  # fmt: skip
# ISSI's `Issue Brief on “Pakistan and the SCO’s Connectivity Agenda”`: the genre, then the title in quotes
_GENRE_ON = re.compile(r"^\s*(?:issue|policy|research) brief on\s+[“\"](?P<title>[^”\"]{8,})[”\"]\s*$", re.I)
_SECTION_TYPES = [
    (re.compile(r"^(op-?eds?|opinions?|comments?|columns?|columnists?|editorials?|blogs?|views|perspectives?|"
                r"letters|viewpoints?|commentary|my view)$", re.I), "opinion"),
    (re.compile(r"^(analysis|news analysis|explainers?|explained|features?|in depth|in-depth|long reads?|insights?|"
                r"special reports?|investigations?|br research|the big picture|big story)$", re.I), "analysis"),
]  # fmt: skip
_TITLE_OUTLET_SUFFIX = re.compile(r"\s+(?:\||–|—|-)\s+(?P<outlet>[^|–—]{2,40})$")
_TITLE_OUTLET_PREFIX = re.compile(r"^(?P<outlet>[^|:–—]{2,40}?)\s*(?:\s[|–—-]\s|:\s)(?=\S)")
_NEWS_LABEL = re.compile(
    r"^(?:exclusive|breaking(?: news)?|watch|live(?: updates)?|updated?|video|photos?|in pictures|interview|"
    r"fact check|just in|breakingviews|analysis|explainer|factbox|instant view|column|ap photos|ap video|feature|"
    r"(?:news )?focus|spotlight|round-?up|wrap-?up|backgrounder|insight|profile|newsmaker|commentary)"
    r"\s*(?::|\||–|—|-)\s*(?=[A-Z])",
    re.I,
)
_WORDED = re.compile(r"[^\W_]")  # a letter or a digit: a line without one is a divider

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'’.]+(?:[ -/][A-Z][A-Za-z'’.]+){0,2})"
    # `, Jan. 18`; IRNA's `Tehran, IRNA –`, `Tehran, IRIB News Agency -`
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}|,\s*[A-Z]{2,8}(?:\s+[A-Z][a-z]+){0,2}(?=\s+[-–—]))?"
    r"(?:\s*\([A-Z][a-z]+(?: [A-Z][a-z]+)?\)(?=\s*\())?"  # AFP's country: `Torkham (Afghanistan) (AFP) –`
    # Fars glues the dash to its name: `TEHRAN (FNA)- Iran ...`
    r"\s*(?:\((?P<agency>[A-Za-z .&]{2,20})\))?\s*(?::|\s(?:--|[-–—])|(?<=\))(?:--|[-–—]))\s+\S"
)
_NOT_A_DATELINE = frozenset(
    "update updated note editor breaking watch read photo video opinion analysis exclusive live also related "
    "share advertisement comment comments correction disclaimer warning source sources".split()
)
_URL_LINE = re.compile(r"^(?:short ?url:?\s*)?(?P<url>https?://\S+|www\.\S+)$", re.I)
_HEADER_NOISE = re.compile(
    r"^(?:by|text by|words by|written by|published|updated|posted|last updated|first published|published on|"
    r"updated on|summary|highlights|key points|in short|story highlights|synopsis|at a glance|from)\s*:?$|"
    r"^(?:news id|id|story id|code)\s*:?\s*\d+$|^\d+\s*(?:min|minute)s?(?:\s+read)?$|^(?:reading time|read time)\b|"
    r"^\d+[\s*]+\d+$|^\d+$|^[·•|\s]*(?:about\s+)?(?:an?|\d+)\s*(?:seconds?|minutes?|mins?|hours?|days?|[mhd])\s+ago$|"
    # a catalogue's fields: USIP's `Publication Type: Analysis and Commentary`, a report's `Format: Situation Report`
    r"^(?:publication|content|article|document|report|resource)\s+type\s*:|^(?:format|series|program(?:me)?|"
    r"topics?|regions?|themes?)\s*:\s*\S[^.]{0,60}$",
    re.I,
)
_MESSENGER_OUTLET = re.compile(
    r"\bjoin\s+(?:the\s+|our\s+)?(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)\s+(?:on\s+)?(?:whatsapp|telegram)", re.I
)
_FOLLOW_OUTLET = re.compile(
    r"^(?:follow|like)\s+(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)(?:\s+(?:on|@)\s|$)|"
    r"^thanks for reading\s+(?P<read>[A-Z][\w&.'’ -]{1,40}?)\s*!",  # a newsletter's sign-off (Substack)
    re.I,
)
_COPYRIGHT_WORDS = re.compile(
    r"©|\(c\)|\bcopyrights?\b|\b(?:19|20)\d{2}\b|\ball rights reserved(?: (?:for|to|by)\b)?|\bprotected\b", re.I
)
_PUBLISHED_IN = re.compile(
    r"^(?:this article was )?(?:first |originally )?(?:published|printed|appeared) in (?P<outlet>(?:the )?[A-Z]"
    r"[\w&.'’ -]{1,60}?)(?:,|\s+on)\s+(?P<date>.*\d{4})\.?$",
    re.I,
)
# The Kathmandu Post: `A version of this article appears in the print on March 4, 2024, of The Kathmandu Post.`
_IN_PRINT_OF = re.compile(
    r"^a version of this (?:article|story) (?:appears|appeared) in (?:the )?print (?:edition )?on (?P<date>.*?\d{4}),? "
    r"of (?P<outlet>(?:the )?[A-Z][\w&.'’ -]{1,60}?)\.?$",
    re.I,
)
_SITE_IN_COPYRIGHT = re.compile(r"(?P<site>\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})\b", re.I)
_MORE_FROM = re.compile(
    r"^(?:more|recommended|latest|most read|top stories) (?:from|on) (?P<outlet>[A-Z][\w&.'’ -]{1,40})$|"
    r"^discover more from (?P<publication>[A-Z][\w&.'’ -]{1,40})$|"  # a Substack's subscription box
    r"^previously (?:in|on) (?P<newsletter>[A-Z][\w&.'’ -]{1,40}?):",  # a newsletter's link to its last issue
    re.I,
)
_SUBSCRIBE_TO = re.compile(
    r"^(?:(?i:subscribe to|share|support|follow)\s+(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)[.!]?"
    r"|(?i:thanks for reading)\s+(?P<read>[A-Z][\w&.'’ -]{1,40}?)!.*)$"  # Substack: `Thanks for reading X! ...`
)
_SHARED_FROM_APP = re.compile(r"^(?:shared|sent) (?:from|via) (?:the )?(?P<outlet>.{2,40}?) app$", re.I)
_SOURCE_CREDIT = re.compile(r"^(?:source|courtesy|via)\s*:\s*(?P<outlet>[A-Z][\w&.'’ -]{1,50}?)\.?$", re.I)
_REPUBLISHED_FROM = re.compile(
    r"\b(?:published|republished|reproduced) (?:by|with|from|on) (?:the )?(?P<org>.{3,80}?)\.?$", re.I
)
_INSTITUTION = re.compile(
    r"\b(forum|institute|center|centre|council|foundation|policy|think tank|studies|research)\b", re.I
)
# `KARACHI (APP) –`, AFP's `Torkham (Afghanistan) (AFP) –`
_AGENCY_IN_DATELINE = re.compile(
    r"^[A-Z][\w'’ ./,-]{1,60}?(?:\([A-Z][a-z]+(?: [A-Z][a-z]+)?\)\s*)?"
    r"\((?P<agency>[A-Za-z .&]{2,20})\)\s*(?:-|–|—|--|:)"
)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a text: one per line, except hard-wrapped blocks, whose lines are joined."""
    return paragraphs_and_blocks(text)[0]


def paragraphs_and_blocks(text: str) -> tuple[list[str], set[int], set[int]]:
    """The paragraphs, which of them open a block (follow a blank line), and which are a table's rows
    (cells set apart by tabs, as a browser copies a table; white space is collapsed in the paragraphs)."""
    units: list[str] = []
    block_starts: set[int] = set()
    table_rows: set[int] = set()
    for block in re.split(r"\n\s*\n", normalise_text(text)):
        raw = [line for line in block.split("\n") if line.strip()]
        lines = [" ".join(line.split()) for line in raw]
        if lines:
            block_starts.add(len(units))
        rows = [position for position, line in enumerate(raw) if _is_table_row(line)]
        if _is_hard_wrapped(lines) and not rows:
            units.append(" ".join(lines))
            continue
        table_rows.update(len(units) + position for position in rows)
        units.extend(lines)
    return units, block_starts, table_rows


MIN_BARRED_CELLS = 3


def _is_table_row(line: str) -> bool:
    """Cells set apart by tabs, or three or more by bars with a figure among them (`Deaths | 61 | +9`)."""
    if len([cell for cell in line.strip().split("\t") if cell.strip()]) >= 2:
        return True
    return len(line.split(" | ")) >= MIN_BARRED_CELLS and any(character.isdigit() for character in line)


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    """A block typed with line breaks inside its sentences (e-mail, plain-text exports).

    Its lines run to a similar width without ending a sentence, and most continuation lines
    start in lower case; headlines, repeated lines and lists never look like that.
    """
    if len(lines) < 2 or any(is_list_item(line) or _POST_SIGNATURE.match(line) for line in lines):
        return False
    if any(canonical_text(a) == canonical_text(b) for a, b in itertools.pairwise(lines)):
        return False
    open_lines = [line for line in lines[:-1] if 30 <= len(line) <= 100 and not SENTENCE_MARK_AT_END.search(line)]
    continuations = [line for line in lines[1:] if not line.lstrip("“‘\"'([")[:1].isupper()]  # `“Everyone ...` opens
    # the last line of a wrapped paragraph is no wider than the others (a Tumblr title over its first line is)
    overflows = len(lines[-1]) > 1.2 * max(len(line) for line in lines[:-1])
    return len(open_lines) >= 0.75 * (len(lines) - 1) and len(continuations) >= 0.5 * (len(lines) - 1) and not overflows


# --- The shapes of lines ------------------------------------------------------------------------


def opens_with_dateline(paragraph: str) -> bool:
    """`ISLAMABAD: ...`, `Kuala Lumpur, IRNA – ...`: a report's first paragraph, opening with where it was filed."""
    return bool(_DATELINE.match(paragraph))


def dateline_length(paragraph: str) -> int:
    """How much of a paragraph its opening dateline takes (`ISLAMABAD: `), 0 when it opens with none."""
    match = _DATELINE.match(paragraph)
    return match.end() - 1 if match else 0


def is_prose(unit: str) -> bool:
    """A paragraph of an article: a long line, or a full sentence of a dozen words or more."""
    words = len(unit.split())
    return len(unit) > MAX_TITLE_LENGTH or words >= 30 or (words >= 12 and ends_sentence(unit))


def _is_paragraph(unit: str) -> bool:
    """Too long or too many sentences for a headline."""
    words = len(unit.split())
    return len(unit) > MAX_TITLE_LENGTH or words >= 30 or (words >= 12 and len(split_sentences(unit)) >= 2)


# Where a story stood in the printed paper: Iran Daily's `Iran Daily No. 6421 - Page 3`.
_PRINT_REFERENCE = re.compile(r"\b(?:No|Issue|Vol)\.?\s*\d+\b.*\bPage\s+\d+\b", re.I)


def is_headline_like(unit: str) -> bool:
    words = unit.split()
    return (
        2 <= len(words) <= MAX_HEADLINE_WORDS
        and not _PRINT_REFERENCE.search(unit)
        and len(unit) <= MAX_TITLE_LENGTH
        and not (unit.rstrip().endswith(".") and not unit.rstrip().endswith("...") and not is_title_case(unit))
        and not unit.rstrip().endswith(":")  # IRNA's kicker `Energy minister in Yerevan:` above the headline
        and sum(character.isdigit() for character in unit) <= len(unit) / 4
        and any(character.isalpha() for character in unit)
    )


def _only_section_words(unit: str) -> bool:
    words = [word.casefold().strip(",|&:") for word in unit.split()]
    return all(word in SECTION_WORDS for word in words if word)


def is_short_label(unit: str) -> bool:
    """A section name or menu item: one to four words, not a sentence."""
    words = unit.split()
    return 1 <= len(words) <= 4 and not ends_sentence(unit)


def _title_without_labels(title: str, fields: dict[str, Any] | None = None) -> str:
    """A headline without its type label (`– OpEd`, `Analysis:`) and its `| Outlet` suffix."""
    fields = fields if fields is not None else {}
    for pattern, article_type in _TYPE_LABELS:
        stripped = pattern.sub("", title)
        if stripped != title and stripped.strip():
            fields["article_type"] = article_type
            title = stripped
    genre = _GENRE_ON.match(title)
    if genre:
        fields["article_type"] = "analysis"
        title = genre["title"]
    title = _WIRE_LABEL.sub("", title)  # Yonhap's `(LEAD) S. Korea's exports rise ...`
    without_trail = _BREADCRUMB_TRAIL.sub("", title)  # `Home / Cities / Mumbai News / Headline`
    return (without_trail if len(without_trail.split()) >= 4 else title).strip()


# An agency's label for the version of a story, before its headline; a paper's series in square brackets (the
# Korea Herald's `[Herald Interview]`, `[Weekender]`).
_WIRE_LABEL = re.compile(
    r"^\((?:LEAD|\d+(?:st|nd|rd|th) LD|URGENT|UPDATE(?: \d+)?|CORRECTED|REFILE|News Focus|[\w ]{2,20} Interview)\)"
    r"\s+(?=\S)|^\[[A-Z][\w'’&.]*(?: [\w'’&.]+){0,3}\]\s+(?=\S)",
    re.I,
)
_BREADCRUMB_TRAIL = re.compile(r"^(?:[\w&'’.-]+(?: [\w&'’.-]+){0,2}\s+[/›»>]\s+){2,}")


# --- Reading a page -----------------------------------------------------------------------------


@dataclass
class _Page:
    units: list[str]
    outlets: OutletIndex
    removed: dict[int, Removal] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=lambda: {"article_type": "news"})
    clues: list[OutletClue] = field(default_factory=list)
    published: list[tuple[float, DateStatement]] = field(default_factory=list)  # (rank, statement); lower wins
    month_first: bool = False
    order_from_page: bool = False
    block_starts: set[int] = field(default_factory=set)
    paragraphs: set[int] = field(default_factory=set)  # lines the markup sets as paragraphs of text
    headings: set[int] = field(default_factory=set)  # lines the markup sets as headings (`<h2>` to `<h6>`)
    byline_strength: int = 99
    statements: dict[int, DateStatement | None] = field(default_factory=dict)  # memo of statement()
    header_lines: dict[int, bool] = field(default_factory=dict)  # memo of _is_header_line
    author_names: list[str] = field(default_factory=list)  # names on lines of their own in the header
    reporters: str = ""  # `(Reporting by A; Editing by B)` under the article: who reported it
    co_writers: list[str] = field(default_factory=list)  # `This piece was co-written with B` under it
    dateline_agency: str = ""  # `KARACHI (APP) –`
    dateline_day: tuple[int, int] | None = None  # (month, day) of `PESHAWAR, Mar 12 (APP):`, which has no year
    from_institution: bool = False  # republished from a think tank ("This article was published by ...")
    standalone: set[str] = field(default_factory=set)  # every line of the page, canonical

    def __post_init__(self) -> None:
        self.standalone = {canonical_text(unit) for unit in self.units}

    def kept(self, start: int = 0, end: int | None = None) -> list[int]:
        end = len(self.units) if end is None else end
        return [index for index in range(start, end) if index not in self.removed]

    def remove(self, index: int, rule: str, note: str = "") -> None:
        self.removed.setdefault(index, Removal(rule, self.units[index], note=note))

    def statement(self, index: int) -> DateStatement | None:
        if index not in self.statements:
            self.statements[index] = read_date_statement(self.units[index], month_first=self.month_first)
        return self.statements[index]


def parse_text(
    text: str,
    *,
    known_title: str = "",
    outlets: OutletIndex = EMPTY_INDEX,
    extra_dates: Sequence[tuple[float, DateStatement]] = (),
) -> ParsedArticle:
    """Read plain text saved from a web page. With `known_title` (from metadata) no headline is sought;
    `extra_dates` are dates from elsewhere (an HTML page's markup) with their rank (see _choose_date)."""
    units, block_starts, table_rows = paragraphs_and_blocks(text)
    return read_page(
        units, block_starts, known_title=known_title, outlets=outlets, extra_dates=extra_dates, table_rows=table_rows
    )


def read_page(
    units: list[str],
    block_starts: set[int],
    *,
    known_title: str = "",
    outlets: OutletIndex = EMPTY_INDEX,
    extra_dates: Sequence[tuple[float, DateStatement]] = (),
    furniture: dict[int, str] | None = None,
    site_clues: Sequence[OutletClue] = (),
    paragraphs: set[int] | None = None,
    table_rows: set[int] | None = None,
    headings: set[int] | None = None,
) -> ParsedArticle:
    """Read a page given as its lines (`units`), which of them open a block, and the lines its markup
    already says are furniture (`furniture`: index -> rule, for an HTML page's captions and menus).
    `site_clues` name the site from its markup: an agency credited under the story is not the site.
    `paragraphs` are the lines the markup sets as paragraphs of text (an HTML `<p>`, not a heading);
    `table_rows` the lines that are rows of a table; `headings` the lines it sets as headings."""
    if not units:
        raise ParseError("no text, only white space")
    page = _Page(units, outlets, block_starts=block_starts, paragraphs=paragraphs or set(), headings=headings or set())
    for index, rule in (furniture or {}).items():
        if rule == "photo_caption" and _WRITERS_CREDIT.match(units[index]):
            continue  # Meduza's `Story by ...` in a note its markup calls a caption: the writer's credit
        page.remove(index, rule)
        if rule == "page_footer" and (found := classify_line(units[index])) is not None:
            _clues_in_furniture(page, index, found.name)  # a <footer>'s copyright line still names its owner
    _title_and_source_of_marked_tables(page)
    page.published.extend(extra_dates)
    order = numeric_date_order(units)
    page.month_first, page.order_from_page = bool(order), order is not None
    _remove_tables(page, table_rows or set())
    _remove_by_rule(page)
    _take_appeals(page)
    _take_skipped_blocks(page)
    _take_embedded_posts(page)
    _take_media_cards(page)
    _remove_key_points(page)
    start = _body_start(page, known_title=known_title)
    if start is None:
        if page.kept():
            raise ParseError("no body text after the title once page furniture is removed")
        raise ParseError("no body text left after removing page furniture")
    _take_link_lists(page, start)
    _take_authors_note_above(page, start)
    header = _header_block(page, start)
    title_index = _read_header(page, header, start, known_title)
    _read_page_header(page, header[0] if header else start, title_index)
    _remove_teaser_cards(page, start)
    end = _body_end(page, start)
    _take_labelled_synopsis(page, start, end)
    _read_metadata_under_the_article(page, end)
    _read_page_footer(page, end)
    _masthead_in_the_footer(page, end)
    _settle_author_names(page)
    body = page.kept(start, end + 1)
    for index in body:
        if not _WORDED.search(units[index]):
            page.remove(index, "separator")  # `___`, `* * *`: a divider, not text
        elif is_scene_caption(units[index]):
            page.remove(index, "photo_caption", note="a photo's description, without a credit")
        elif _is_post_time(page, index):
            page.remove(index, "date_line", note="a post's time among the paragraphs")  # a live page's updates
    body = _read_closing_lines(page, [index for index in body if index not in page.removed])
    _read_byline_under_the_lead(page, body)
    body = _take_note_opening_the_body(page, body)
    for position, rule in repeated_paragraphs([units[index] for index in body]).items():
        page.remove(body[position], rule)
    _remove_fact_boxes(page, [index for index in body if index not in page.removed])
    _remove_pull_quotes(page, [index for index in body if index not in page.removed])
    _remove_contents(page, [index for index in body if index not in page.removed])
    _remove_numbered_subheadings(page, [index for index in body if index not in page.removed])
    _remove_subheadings(page, [index for index in body if index not in page.removed])
    _remove_inline_teasers(page, [index for index in body if index not in page.removed])
    _remove_headline_runs(page, [index for index in body if index not in page.removed])
    body = [index for index in body if index not in page.removed]
    if not body:
        raise ParseError("no body text after the title once page furniture is removed")
    _read_dateline(page, units[body[0]])
    if "title" not in page.fields:
        sentence = split_sentences(units[body[0]])[0]
        page.fields.update(title=textwrap.shorten(sentence, MAX_TITLE_LENGTH, placeholder=" …"), title_derived=True)
    _choose_date(page)
    _read_type(page, [units[index] for index in body])
    if title_index is not None:
        page.removed.pop(title_index, None)
    body_text, removals = _assemble(units, body, page.removed, headline=title_index)
    identified = identify(page.clues, outlets)
    _credit_the_agency(page, identify([*page.clues, *site_clues], outlets) if site_clues else identified)
    return ParsedArticle(
        body=body_text,
        removals=tuple(removals),
        outlet_clues=tuple(page.clues),
        identified=identified,
        outlet=identified.name if identified else "",
        **page.fields,
    )


def _masthead_in_the_footer(page: _Page, end: int) -> None:
    """A masthead the archive does not know, shown again on a line of its own under the article (the footer's
    logo: `BUENOS AIRES TIMES` at the top, `Buenos Aires Times` at the bottom): the page's name for itself, not a
    menu item, and so stronger than the company named in the copyright line."""
    unknown = {
        canonical_text(clue.text)
        for clue in page.clues
        if clue.kind == Clue.MASTHEAD and page.outlets.named(clue.text) is None
    }
    for index in range(end + 1, len(page.units)) if unknown else ():
        if canonical_text(page.units[index]) in unknown:
            page.clues.append(OutletClue(Clue.FOOTER, page.units[index].strip(), page.units[index]))
            return


MAX_LABEL_WORDS = 3
_SYNOPSIS_LABEL = re.compile(r"^(?:synopsis|abstract|in brief|summary)\s*:?$", re.I)


def _take_labelled_synopsis(page: _Page, start: int, end: int) -> None:
    """RSIS's commentaries: `SYNOPSIS`, a paragraph that sums the piece up, then `COMMENTARY` and the text.
    The paragraph under its label is the standfirst, when the page has none and the article goes on below."""
    if (
        start == 0
        or not _SYNOPSIS_LABEL.match(page.units[start - 1].strip())
        or page.fields.get("summary")
        or not is_prose(page.units[start])
        or len(page.kept(start + 1, end + 1)) < MIN_PARAGRAPHS_AFTER_KEY_POINTS
    ):
        return
    page.fields["summary"] = page.units[start]
    page.remove(start, "standfirst", note="under its label")
    below = page.kept(start + 1, end + 1)[0]
    if page.units[below].isupper() and len(page.units[below].split()) <= MAX_LABEL_WORDS:
        page.remove(below, "subheading", note="the label of the text under it")  # `COMMENTARY`


_KEY_POINTS_LABEL = re.compile(
    r"^(?:in short|key points|key takeaways|story highlights|highlights|at a glance|summary|the gist|tl;?dr|"
    r"what you need to know|"  # the Daily Nation's box of points
    r"takeaways by [\w ]{2,30}|quick read|key findings|bottom line up front|bluf|"
    r"here['’]s the latest|here is the latest|the latest|what we know(?: so far)?)\s*:?$|"  # a live page's summary
    r"^this is (?:an? )?ai[- ]generated summar(?:y|ization)\b",
    re.I,
)
MAX_KEY_POINTS = 6
MIN_PARAGRAPHS_AFTER_KEY_POINTS = 3
_TOGGLE = re.compile(r"^(?:hide|show|close|expand|collapse|show (?:more|less))$", re.I)
_MACHINE_SUMMARY = re.compile(r"^(?:takeaways by [\w ]{2,30}|quick read)\s*:?$", re.I)
_MACHINE_NOTE = re.compile(r"^(?:the |this )?summary (?:is|was) (?:ai|machine)[- ]generated\b", re.I)


def _remove_key_points(page: _Page) -> None:
    """A box of key points above the article (`In short:`, `Story highlights`, Rappler's AI summary):
    its label and the short sentences (two or more) that follow it in its block. Only the first such box,
    and only with the article's own text after it: a few paragraphs of prose."""
    for index in range(len(page.units)):
        if index in page.removed or not _KEY_POINTS_LABEL.match(page.units[index]):
            continue
        points = []
        following = index + 1
        while following < len(page.units) and (
            (following in page.removed and page.removed[following].rule == "page_control")
            or _TOGGLE.match(page.units[following])
        ):
            page.remove(following, "page_control")  # the box's `Hide` button
            following += 1
        note = None  # NDTV's `Summary is AI generated, newsroom reviewed.` under its `Quick Read`
        if following < len(page.units) and following not in page.removed and _MACHINE_NOTE.match(page.units[following]):
            note, following = following, following + 1
        # Under a box that folds (its button), a machine's summary or a label that ends its block (a heading over a
        # list in the markup, with no more than a standfirst of prose above it: not `Key findings` halfway down a
        # report), the list opens a block of its own.
        label_alone = index + 1 in page.block_starts and sum(1 for unit in page.units[:index] if is_prose(unit)) <= 1
        first = following if following > index + 1 or _MACHINE_SUMMARY.match(page.units[index]) or label_alone else None
        while (
            following < len(page.units)
            and following - index <= MAX_KEY_POINTS + 1
            and (following not in page.block_starts or following == first)
            and following not in page.removed
            and len(page.units[following].split()) <= 40
            and (
                ends_sentence(page.units[following])
                or is_list_item(page.units[following])
                or _looks_like_link_title(page.units[following])  # Gulf News: points written as headlines
            )
        ):
            points.append(following)
            following += 1
        after = sum(1 for unit in page.units[following:] if is_prose(unit))
        if after < MIN_PARAGRAPHS_AFTER_KEY_POINTS:
            return
        if len(points) >= 2:  # one sentence under `Summary` is the standfirst (Mint)
            for point in [index, *([note] if note is not None else []), *points]:
                page.remove(point, "key_points")
        return


def _credit_the_agency(page: _Page, identified: Identified | None) -> None:
    """A story with no byline whose dateline or source line credits an agency other than the page's
    outlet (`KARACHI (APP) –` in Daily Times, `Source: IRNA` in the Tehran Times) was written by that
    agency; an agency's own story credits nobody."""
    credits = [page.dateline_agency] if page.dateline_agency else []
    credits += [clue.text for clue in page.clues if clue.kind == Clue.AGENCY_CREDIT and clue.line.startswith("Source")]
    if _WIRES.match(page.fields.get("byline", "")) and page.dateline_agency:
        page.fields["byline"] = ""  # France 24's `Text by: NEWS WIRES` over `Islamabad (AFP) –`: the agency's story
    for credit in credits:
        if not page.fields.get("byline") and OUTLET_AND_AGENCIES.match(credit):
            page.fields["byline"] = credit  # Al Jazeera's `Source: Al Jazeera and news agencies`
            continue
        agency = page.outlets.named(credit)
        if page.fields.get("byline") or agency is None or agency.kind != "agency":
            continue
        if identified is None or identified.outlet != agency:
            page.fields["byline"] = credit  # `Source: IRNA` under a Tehran Times story


_WIRES = re.compile(r"^(?:news )?(?:wires|wire services|agencies|news agencies)$", re.I)


# The outlet speaking to its reader: `At Premium Times, we believe ...`, `Thank you for being part of our community.`
_WE = re.compile(r"\b(?:we|our|us)\b", re.I)
_YOU = re.compile(r"\b(?:you|your)\b", re.I)
MAX_APPEAL_REACH = 4  # lines an appeal's block runs on either side of the line that asks
MAX_APPEAL_SIGNATURE_WORDS = 6


# The signature under an embedded post: `— EPD Punjab (@EPDPunjab) November 5, 2024`, Instagram's `A post shared
# by Zoha Malik (@zohamalikmusic)`
_POST_SIGNATURE = re.compile(
    r"^[—–-]{1,2}\s*(?:[^()]|\([^()@]{1,30}\)){1,80}\(@\w{1,30}\)\s+"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4})$|"
    r"^A post shared by [^()]{1,80}\(@[\w.]{1,30}\)$"
)
_POST_LABEL = re.compile(r"^view this post on (?:instagram|x|twitter|facebook|tiktok)$", re.I)
MAX_POST_WORDS = 80


_HANDLE = re.compile(r"(?:^|\s)@\w{1,30}$")  # `@pmdgov` alone, or Substack's `Farhad Nouri @fnouri_econ`
# X's card as a browser shows it: `10:44 PM · Jan 21, 2025`
_POST_TIME = re.compile(
    r"^\d{1,2}:\d\d\s*[AP]M\s*[·∙•]\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4})$"
)
_POST_COUNTS = re.compile(r"^[\d,.]+[KkM]?\s+(?:likes?|retweets?|reposts?|replies)(?:\s+[\d,.]+[KkM]?\s+\w+)*$", re.I)
MAX_CARD_POST_LINES = 4


def _take_post_card(page: _Page, end: int) -> bool:
    """An embedded post copied as its card shows it: the account's name and its `@handle`, the post's lines,
    the time it was posted (`10:44 PM · Jan 21, 2025`), then its counts (`212 Likes 58 Retweets`)."""
    above = range(end - 1, max(end - 2 - MAX_CARD_POST_LINES, -1), -1)
    handle = next((line for line in above if _HANDLE.search(page.units[line].strip())), None)
    if handle is None or handle == end - 1:
        return False
    named_above = handle > 0 and len(page.units[handle - 1].split()) <= MAX_SUBHEADING_WORDS
    first = handle - 1 if page.units[handle].strip().startswith("@") and named_above else handle  # the account's name
    last = end + 1 if end + 1 < len(page.units) and _POST_COUNTS.match(page.units[end + 1].strip()) else end
    for line in range(first, last + 1):
        page.removed.pop(line, None)  # not a date line, whatever its date says
        page.remove(line, "embedded_post")
    return True


def _take_embedded_posts(page: _Page) -> None:
    """A post embedded from a social network: its signature line, and the post's text right above it."""
    for index, unit in enumerate(page.units):
        if _POST_TIME.match(unit.strip()) and _take_post_card(page, index):
            continue
        if "(@" not in unit and "post" not in unit.lower():
            continue  # the cheap test first: this runs for every line of every page
        if _POST_LABEL.match(unit.strip()):
            page.remove(index, "embedded_post")
            continue
        if not _POST_SIGNATURE.match(unit.strip()):
            continue
        page.removed.pop(index, None)  # not a date line, whatever its date says
        page.remove(index, "embedded_post")
        if index > 0 and len(page.units[index - 1].split()) <= MAX_POST_WORDS:
            page.remove(index - 1, "embedded_post")


MAX_MEDIA_TITLE_WORDS = 15
# A player's own line, as opposed to a gallery's counter or a lone `Play`
_PLAYER = re.compile(
    r"^(?:watch now|play video|video\s*[\d:]+|listen now|listen here|no media source currently available|"
    r"(?:the )?[\w ]{2,30} podcast|duration\s*[\d:]+)$",
    re.I,
)


def _after_a_paragraph(page: _Page, index: int) -> bool:
    return any(is_prose(page.units[i]) for i in range(index) if i not in page.removed)


def _take_media_cards(page: _Page) -> None:
    """A video or podcast player among the paragraphs comes with its card: the clip's title and its show's
    name around the player's own lines (`watch now`, `VIDEO 2:31`, `Listen now`), and a blurb set between
    two of them. Only lines that end no sentence, or stand between two of the player's lines, are taken."""
    players = sorted(
        index
        for index, removal in page.removed.items()
        if removal.rule == "media_player" and _PLAYER.match(page.units[index]) and _after_a_paragraph(page, index)
    )
    for index in players:
        for step in (1, -1):
            taken, other = 0, index + step
            while 0 <= other < len(page.units) and taken < 2:
                if other in page.removed:
                    if page.removed[other].rule != "media_player":
                        break
                    other += step
                    continue
                unit = page.units[other]
                if page.statement(other) is not None or _is_name_like_byline(page, other):
                    break
                sandwiched = (other + step) in page.removed and page.removed[other + step].rule == "media_player"
                if not (sandwiched or (len(unit.split()) <= MAX_MEDIA_TITLE_WORDS and not ends_sentence(unit))):
                    break
                page.remove(other, "media_player", note="the player's card")
                taken += 1
                other += step


def _take_appeals(page: _Page) -> None:
    """An appeal to readers is a block of a few lines of which one asks (`Would you consider supporting
    us ...`); the others in its block are the outlet speaking to the reader, and the editor who signs
    it. Below the asking line that is any line in "we" or "you"; above it, in its block, only a line in
    both, so that an article's closing paragraph ("we must act") stays."""
    asking = sorted(
        index
        for index, removal in page.removed.items()
        if removal.rule in ("support_request", "appeal")
        or (removal.rule == "call_to_action" and removal.text.strip().lower().startswith("support "))  # its heading
    )
    for index in asking:
        closing = _appeals_button(page, index)
        for between in range(index + 1, closing or index):  # under its heading, above its button
            page.remove(between, "support_request", note="in the outlet's appeal")
        for below in range(index + 1, min(index + 1 + MAX_APPEAL_REACH, len(page.units))):
            if below in page.block_starts:
                break
            unit = page.units[below]
            if below in page.removed:
                continue
            signature = len(unit.split()) <= MAX_APPEAL_SIGNATURE_WORDS and not ends_sentence(unit)
            if _QUOTED.search(unit) or not (_WE.search(unit) or _YOU.search(unit) or signature):
                break
            page.remove(below, "support_request", note="in the outlet's appeal")
        above = index
        while above not in page.block_starts and above > 0 and index - above < MAX_APPEAL_REACH:
            above -= 1
            unit = page.units[above]
            if above in page.removed:
                continue
            if _QUOTED.search(unit) or not (_WE.search(unit) and _YOU.search(unit)):
                break
            page.remove(above, "support_request", note="in the outlet's appeal")


_SKIP_PAST = re.compile(r"^skip past (?P<what>.{3,40}?)\s*$", re.I)
MAX_SKIPPED_LINES = 15


def _take_skipped_blocks(page: _Page) -> None:
    """What a screen reader's link skips (the Guardian: `skip past newsletter promotion`, the promotion, `after
    newsletter promotion`): a box set into the article, not its text."""
    for index, unit in enumerate(page.units):
        skip = _SKIP_PAST.match(unit.strip())
        if skip is None:
            continue
        after = f"after {skip['what']}".casefold()
        end = next(
            (
                i
                for i in range(index + 1, min(index + 2 + MAX_SKIPPED_LINES, len(page.units)))
                if page.units[i].strip().casefold() == after
            ),
            None,
        )
        for inside in range(index, end + 1) if end is not None else ():
            page.remove(inside, "call_to_action", note=f"skipped past: {skip['what']}")


def _appeals_button(page: _Page, index: int) -> int | None:
    """The button that closes an appeal in the same block (Premium Times: `Support PREMIUM TIMES' journalism ...`,
    two sentences, `Make a donation`)."""
    for below in range(index + 1, min(index + 1 + MAX_APPEAL_REACH, len(page.units))):
        if below in page.block_starts:
            return None
        if getattr(page.removed.get(below), "rule", "") in {"call_to_action", "support_request", "appeal"}:
            return below
    return None


# A chart described for readers who cannot see it, and the source printed under it.
_CHART = re.compile(
    r"^(?:(?:line|bar|column|area|pie|scatter|stacked \w+) chart|map|table|graphic) (?:of|showing)\b", re.I
)
_PHOTO_NOTE = re.compile(
    r"^\(?(?:file|representational|representative|archive|stock) (?:photo|image|picture|pic)\)?\s*[.:]?$|"
    r"^\(?(?:photo|image|picture) (?:for|used for) representation(?:al purposes?)?(?: only)?\)?\s*\.?$",
    re.I,
)
_SOURCE_LABEL = re.compile(r"^sources?\s*:", re.I)
_CHART_SOURCE = re.compile(r"^sources?\s*:\s*\S.{0,80}$", re.I)
MAX_FACT_BOX_LINES, MAX_FACT_WORDS = 8, 8


def _fact_box_above(page: _Page, index: int) -> list[int]:
    """The lines of a box of facts above its `Source:` line: short, no sentences, figures set out as
    `Peak demand: about 2,800 megawatts`. Empty when the lines above are not such a box."""
    box: list[int] = []
    for above in range(index - 1, max(-1, index - 1 - MAX_FACT_BOX_LINES), -1):
        unit = page.units[above]
        if above in page.removed or len(unit.split()) > MAX_FACT_WORDS or ends_sentence(unit):
            break
        box.insert(0, above)
    facts = [line for line in box if re.match(r"^[^:]{2,40}:\s*\S", page.units[line])]
    # or a table copied as lines of figures: `2021 – 3.0`, `2022 – 5.1`
    figures = [line for line in box if re.search(r"\d", page.units[line]) and len(page.units[line].split()) <= 6]
    among_paragraphs = bool(box) and box[0] > 0 and is_prose(page.units[box[0] - 1])  # not a widget in the header
    return box if len(facts) >= 2 or (len(figures) >= 2 and among_paragraphs) else []


# A figure's label, alone or before its title: `Figure 1`, `Chart: Car sales (units) — Source: PAMA`
_FIGURE_LABEL = re.compile(
    r"^\[?(?:figure|fig\.|chart|graph|exhibit)(?:\s+\d+\w?\s*(?:$|[:.—–]\s*\S|\s-\s)|\s*:\s*\S)", re.I
)  # a pasted page's `[Chart: Workers' remittances, monthly, ...]` too
MAX_FIGURE_TITLE_WORDS = 20


def _take_the_figures_title(page: _Page, index: int) -> None:
    """Under a figure's label, its title: a short line that ends no sentence, with the figure's source under it
    (which _remove_by_rule takes as the figure's, since a caption stands above it)."""
    title = index + 1
    if (
        title + 1 < len(page.units)
        and len(page.units[title].split()) <= MAX_FIGURE_TITLE_WORDS
        and not ends_sentence(page.units[title])
        and _CHART_SOURCE.match(page.units[title + 1])
    ):
        page.remove(title, "photo_caption", note="the chart's title")


MIN_TABLE_ROWS = 2


def _title_and_source_of_marked_tables(page: _Page) -> None:
    """A table the markup gives (its rows already furniture) takes its title right above it and its `Source:` right
    under it (Khaleej Times' `Fuel prices for April 2024 (per litre)` over its <table>)."""
    tables = [i for i, removal in page.removed.items() if removal.rule == "data_table"]
    for index in tables:
        title, source = index - 1, index + 1
        if title >= 0 and title not in page.removed:
            unit = page.units[title]
            if (
                len(unit.split()) <= MAX_FIGURE_TITLE_WORDS
                and not ends_sentence(unit)
                and not unit.rstrip().endswith(":")
            ):
                page.remove(title, "data_table", note="the table's title")
        if source < len(page.units) and source not in page.removed and _CHART_SOURCE.match(page.units[source]):
            page.remove(source, "data_table", note="the table's source")


def _remove_tables(page: _Page, rows: set[int]) -> None:
    """A table pasted among the paragraphs (two rows or more), with its title right above it and its
    `Source:` right under it: figures set out for the eye, not sentences of the article, which goes on below."""
    for first in sorted(rows):
        if first - 1 in rows:
            continue
        last = first
        while last + 1 in rows:
            last += 1
        if last - first + 1 < MIN_TABLE_ROWS:
            continue
        cells = page.units[first].count(" | ")
        if cells and first - 1 >= 0 and first not in page.block_starts and page.units[first - 1].count(" | ") == cells:
            first -= 1  # the header row, in words only: `Indicator | Figure | Change`
        for index in range(first, last + 1):
            page.remove(index, "data_table")
        title = first - 1
        if (
            first not in page.block_starts
            and title >= 0
            and len(page.units[title].split()) <= MAX_FIGURE_TITLE_WORDS
            and not ends_sentence(page.units[title])
        ):
            page.remove(title, "data_table", note="the table's title")
        source = last + 1
        if source < len(page.units) and source not in page.block_starts and _CHART_SOURCE.match(page.units[source]):
            page.remove(source, "data_table", note="the table's source")


def _remove_by_rule(page: _Page) -> None:
    """Lines a furniture rule recognises wherever they stand."""
    for index, unit in enumerate(page.units):
        if index in page.removed:
            continue
        rule = classify_line(unit)
        above_rule = getattr(page.removed.get(index - 1), "rule", "")  # what the line above was taken for
        if rule is not None and rule.name == "share_prompt" and index < 12 and page.outlets.named(unit) is not None:
            continue  # `LinkedIn` at the top of a LinkedIn article: its masthead, not a share button
        if (
            rule is not None
            and rule.name == "share_prompt"
            and ACRONYM.match(unit.strip())
            and _beside_a_date(page, index)
        ):
            continue  # TRT World's `AA` by the date: Anadolu's credit, not a text-size button
        if (
            rule is not None
            and rule.name == "related_links"
            and _READ_MORE_BUTTON.match(unit)
            and above_rule == "photo_caption"
        ):
            page.remove(index, "photo_caption", note="the caption's `Read More`")  # the AP's gallery, not a list
            continue
        if rule is not None and rule.name == "disclaimer" and BIO_START.match(unit.lstrip("( ")):
            continue  # `About the author: A teaches ... The views expressed are her own.`: read below, as a note
        if rule is not None and rule.name == "source_credit":
            if above_rule == "data_table" and _SOURCE_LABEL.match(unit):  # however long: CNAS's, not the story's
                page.remove(index, above_rule, note="the source of the table above")
                continue
            charted = bool(_CHART_SOURCE.match(unit))
            if charted and above_rule in ("photo_caption", "data_table"):
                page.remove(index, above_rule, note="the source of the figure above")  # a table's, not the story's
                continue
            box = _fact_box_above(page, index) if charted else []
            if box:  # the BBC's `Karachi's power gap`, `Peak demand: about 2,800 megawatts`, ...
                for line in [*box, index]:
                    page.remove(line, "photo_caption", note="a fact box")
                continue
        if rule is not None and rule.name == "breadcrumb" and page.statement(index) is not None:
            continue  # Crisis Group's `Q&A / Africa 11 January 2024`: the type, the region and the date
        if rule is not None and rule.name == "copyright_line" and _PHOTO_COPYRIGHT.search(unit):
            page.remove(index, "photo_caption", note=unit)  # `© 2025 Farooq Naeem/AFP via Getty Images`
            continue
        field_label = rule is not None and rule.name == "comment_form" and _FORM_FIELD.match(unit.strip())
        if field_label and above_rule in {"call_to_action", "messenger_invite"}:
            page.remove(index, above_rule, note="a field of the sign-up box")  # the Independent's `Email*`: no comments
            continue
        if rule is not None:
            page.remove(index, rule.name)
            _clues_in_furniture(page, index, rule.name)
            continue
        if (
            index > 0
            and page.removed.get(index - 1)
            and page.removed[index - 1].rule == "media_player"
            and (_COUNTER.match(page.units[index - 1]) and len(unit.split()) <= 40)
            and byline_line(unit) is None  # the AP's `1 of 3`, then the story's `By RANIA NASSAR`
        ):
            page.remove(index, "photo_caption")  # a gallery's caption, under its "2/6"
            continue
        if _COUNTED_CAPTION.match(unit) and len(unit.split()) <= 40:
            page.remove(index, "photo_caption", note="a gallery's caption")  # the old Reuters: `1 of 2. Workers ...`
            continue
        if (_CHART.match(unit) or _FIGURE_LABEL.match(unit)) and len(unit.split()) <= 60:
            page.remove(index, "photo_caption", note="a chart")  # the FT: `Line chart of ... showing ...`
            _take_the_figures_title(page, index)
            continue
        if LABELLED_CAPTION.match(unit) and len(unit.split()) <= 60:
            page.remove(index, "photo_caption")
            continue
        if _VIDEO_LABEL.match(unit) and _take_video_teaser(page, index):
            continue
        if _PHOTO_NOTE.match(unit):
            page.remove(index, "photo_caption", note="a note on the photo")  # AIR's `File Photo` under its picture
            continue
        if CAPTION_LABEL.match(unit):
            page.remove(index, "photo_caption")
            following = index + 1
            if following < len(page.units) and len(page.units[following].split()) <= 40:
                page.remove(following, "photo_caption")
            continue
        slashed_outlet = "/" in unit and page.outlets.named(unit) is not None  # `Radio Free Europe/Radio Liberty`
        if CREDIT_LINE.match(unit) and len(unit.split()) <= 8 and not slashed_outlet:
            above = index - 1
            caption_above = (
                above >= 0
                and above not in page.removed
                and len(page.units[above].split()) <= 40
                and ends_sentence(page.units[above])
                and not page.units[above].rstrip().endswith("?")  # a photo is described, not asked about
                and not (is_prose(page.units[above]) and _caption_below(page, index))
            )
            if caption_above:
                page.remove(above, "photo_caption", note=unit)  # the caption, its credit on the next line
            photo_agency = bool(_PHOTO_AGENCY.match(unit.strip())) or (  # never a byline
                above >= 0 and is_prose(page.units[above]) and _caption_ends_the_block(page, index + 1)
            )  # the BBC, between two paragraphs: `Reuters`, then its photo's caption
            if caption_above or photo_agency or ("/" in unit and not _agencies_by_the_date(page, index)):
                page.remove(index, "photo_caption", note=unit)  # "Reuters" alone may be the byline of a wire story
            below = index + 1
            if photo_agency and not caption_above and below < len(page.units) and below not in page.removed:
                if not is_prose(page.units[below]) and len(page.units[below].split()) <= 40:
                    page.remove(below, "photo_caption", note=unit)  # the BBC: the credit, then the caption
                continue
        previous = page.removed.get(index - 1)
        if previous is not None and previous.rule in {"call_to_action", "messenger_invite"} and _PROMOTION.search(unit):
            page.remove(index, previous.rule)  # the blurb of a sign-up box
            continue
        credit = caption_credit(unit)
        if credit is not None and not _is_long_prose_with_credit(unit) and index not in page.removed:
            page.remove(index, "photo_caption", note=credit)
            if _LABELLED_CREDIT.match(unit) and _is_caption_above(page, index):
                page.remove(index - 1, "photo_caption", note=credit)  # The Economist: a caption, then its credit
            elif _LABELLED_CREDIT.match(unit) and _caption_ends_the_block(page, index + 1):
                page.remove(index + 1, "photo_caption", note=credit)  # the Times of Central Asia: the credit first
    for index in sorted(page.removed):
        _remove_what_a_button_belongs_to(page, index)


_LABELLED_CREDIT = re.compile(r"^(?:photo|photograph|image|picture|photo credit|credit)\s*:\s*\S", re.I)


_VIDEO_LABEL = re.compile(r"^(?:video|watch)\s*:?$", re.I)


_FORM_FIELD = re.compile(r"^(?:your )?(?:e-?mail(?: address)?|name|first name)\s*\*?$", re.I)


def _caption_ends_the_block(page: _Page, index: int) -> bool:
    """A short line closing the block a photo's credit opened: its caption."""
    return (
        index < len(page.units)
        and index not in page.removed
        and index not in page.block_starts
        and (index + 1 in page.block_starts or index + 1 == len(page.units))
        and len(page.units[index].split()) <= 40
        and not _REPORTS.search(page.units[index])  # Samaa: `Photo: File`, then the article's first paragraph
        and bool(page.block_starts)
    )


# A sentence that reports what someone said or what has happened, as a caption does not.
_REPORTS = re.compile(r"\b(?:said|says|told|has|have|had|will|according to)\b", re.I)


def _caption_below(page: _Page, index: int) -> bool:
    """A short line that is no paragraph right under a credit: the BBC prints the credit above its caption."""
    below = index + 1
    return below < len(page.units) and not is_prose(page.units[below]) and 3 <= len(page.units[below].split()) <= 40


_PHOTO_AGENCY = re.compile(r"^(?:Getty Images|Shutterstock|Alamy|AP Photo|EPA-EFE|EPA|File photo|Handout)$", re.I)


def _take_video_teaser(page: _Page, index: int) -> bool:
    """A `Video` label, the video's title under it and perhaps a line about it (Fox News puts one between
    the article's header and its first paragraph)."""
    title, blurb = index + 1, index + 2
    if title >= len(page.units) or title in page.removed or title in page.block_starts:
        return False  # a menu's `Video` ends its block (France 24); a teaser's label opens one
    if not is_headline_like(page.units[title]) or ends_sentence(page.units[title]) or is_prose(page.units[title]):
        return False
    for line in (index, title):
        page.remove(line, "media_player")
    if (
        blurb < len(page.units)
        and blurb not in page.removed
        and blurb not in page.block_starts
        and not is_prose(page.units[blurb])
    ):
        page.remove(blurb, "media_player")  # a line about the video, shorter than a paragraph
    return True


def _is_caption_above(page: _Page, index: int) -> bool:
    """The short line right above a credit-only line is its caption, when it stands under other text
    (a standfirst), not right under the page's menus where it would be the headline."""
    above, further = index - 1, index - 2
    return (
        further >= 0
        and above not in page.removed
        and further not in page.removed
        and len(page.units[above].split()) <= 25
        and (
            len(page.units[further].split()) >= 6
            # The Diplomat: the byline and date, then a sentence with its credit under it in one block
            or (
                _is_header_statement(page, further)
                and ends_sentence(page.units[above])
                and index not in page.block_starts
            )
        )
        # Trend: the date line, the headline, the photo's credit; a sentence there is a caption
        and (page.statement(further) is None or ends_sentence(page.units[above]))
        and not _is_header_statement(page, above)  # Times of Central Asia: the byline and date, then the credit
    )


def _add_by_line(page: _Page, index: int, name: str) -> None:
    """A `By` line's names: the byline, or one more author when another `By` line stands just above
    (PBS prints one `By — A, Associated Press` line per author)."""
    name = _without_outlet(page, clean_byline(name))
    current = page.fields.get("byline", "")
    if current and page.byline_strength == EXPLICIT and _follows_a_byline(page, index):
        if _is_organisation(page, current) and not _is_organisation(page, name):
            page.fields["byline"] = name  # Eurasia Review: `By IPCS`, the institute that posted it, then its writers
        elif canonical_text(name) not in canonical_text(current):
            page.fields["byline"] = with_author(current, name)
    else:
        _offer_byline(page, name, EXPLICIT)


def _follows_a_byline(page: _Page, index: int) -> bool:
    """A `By` line stands just above, with nothing between but the byline's name repeated (PBS)."""
    current = canonical_text(page.fields.get("byline", ""))
    for above in range(index - 1, max(index - 4, -1), -1):
        unit = page.units[above]
        if BYLINE.match(unit):
            return above in page.removed
        if current not in canonical_text(unit):
            return False
    return False


def _beside_a_date(page: _Page, index: int) -> bool:
    """The line right above or below is a date line (before any furniture is removed)."""
    return any(0 <= i < len(page.units) and page.statement(i) is not None for i in (index - 1, index + 1))


def _next_to_a_date(page: _Page, index: int) -> bool:
    return any(
        neighbour is not None and _is_header_statement(page, neighbour)
        for neighbour in (_kept_neighbour(page, index, -1), _kept_neighbour(page, index, 1))
    )


def _agencies_by_the_date(page: _Page, index: int) -> bool:
    """`Reuters/AFP` right above the date line: the agencies whose copy the story is, its byline (Samaa)."""
    following = index + 1
    agencies = [page.outlets.named(part.strip()) for part in page.units[index].split("/")]
    return (
        all(agency is not None and agency.kind == "agency" for agency in agencies)
        and following < len(page.units)
        and page.statement(following) is not None
    )


_READ_MORE_BUTTON = re.compile(r"^(?:read (?:more|on|the full story)|continue reading|full story)\W{0,3}$", re.I)


def _remove_what_a_button_belongs_to(page: _Page, index: int) -> None:
    """The line above a box's button is the box's: the blurb of a sign-up box above its `Learn more`
    (and the box's title above that: `Al-Monitor Pro`), the title of a teaser above its `Read more »`,
    the title of a video above its player."""
    rule, above = page.removed[index].rule, index - 1
    if above < 0 or above in page.removed:
        return
    unit = page.units[above]
    if rule in {"call_to_action", "messenger_invite"} and _PROMOTION.search(unit):
        page.remove(above, rule)
        title = above - 1
        box_title = title >= 0 and title not in page.removed and is_short_label(page.units[title])
        if box_title and (page.outlets.mentioned_in(page.units[title]) or _PROMOTION.search(page.units[title])):
            page.remove(title, rule)
    elif (
        (
            (rule == "media_player" and not _COUNTER.match(page.units[index]))  # a gallery's `1 of 6` has no title
            or (rule == "related_links" and _READ_MORE_BUTTON.match(page.units[index]))
        )
        and is_headline_like(unit)
        and not ends_sentence(unit)
        and len(unit.split()) <= 20
        and not (len(unit.split()) <= 3 and is_name_like(unit))  # Trend: the author, then `Read more` about them
    ):
        page.remove(above, rule)


_PROMOTION = re.compile(
    r"^(?=(?:\S+\s+){0,24}\S+$).*\b(newsletters?|inbox|briefing|favourite stories|top stories|sign up|subscribe|"
    r"unsubscribe|delivered|every (morning|week|day)|members-only|exclusive content|"
    r"(a|our) (pro|premium|digital) subscription|become a member|keep up with|by following|follow us|"
    r"get the latest|funded by (?:its|our) readers|small contribution|donate|donation)\b",
    re.I,
)
_COUNTER = re.compile(r"^\d+\s*(?:/|of)\s*\d+\s*\|?$")  # a gallery's `2/6`, the AP's `1 of 2 |`
_COUNTED_CAPTION = re.compile(r"^\d{1,2}\s+of\s+\d{1,2}\.\s+[A-Z]")
MAX_LIST_ITEMS = 15


def _carries_its_link(heading: str) -> bool:
    """`Also read: Markets close higher` is a teaser on its own, not the heading of a list; `Read more from Sky
    News:` heads one."""
    _, colon, after = heading.partition(":")
    return bool(colon and after.strip()) or (len(heading.split()) > 4 and not heading.rstrip().endswith(":"))


_LINKED_DATE = "a linked story's date"
_BESIDE_THE_HEADER = "a list of stories set in the article's header"  # its header reads on across it
_RELATED_HEADING = re.compile(r"^related (?:news|stories|articles|coverage|content)\s*:?$", re.I)


def _dated_cards_follow(page: _Page, index: int) -> bool:
    """`Related News`, then a headline and its bare day, at least twice."""
    if not _RELATED_HEADING.match(page.units[index].strip()):
        return False
    days = [index + 2, index + 4]
    return all(
        day < len(page.units)
        and (statement := page.statement(day)) is not None
        and statement.published is not None
        and not (statement.rest or statement.byline)
        for day in days
    )


def _take_link_lists(page: _Page, start: int) -> None:
    """The link lists under `Related`, `Most read`, `Tags` from the body on: the list items or link
    titles that follow in the same block (or the next, when the heading stands alone), up to a
    sentence, a date or byline line, another rule's line or MAX_LIST_ITEMS. Above the body, the
    page's layout decides (a menu's `Latest` must not swallow the headline)."""
    for index in range(len(page.units)):
        removal = page.removed.get(index)
        rule = RULES_BY_NAME.get(removal.rule) if removal else None
        if rule is None or not rule.takes_list or _carries_its_link(page.units[index]):
            continue
        if index < start and _topics_under_the_date(page, index, start) and rule.name == "tag_list":
            for item in range(index + 1, start):
                page.remove(item, rule.name)
            continue
        if index < start and _TRENDING.match(page.units[index].strip()):
            _take_trending_topics(page, index, rule.name)
            continue
        if index < start and not (
            (rule.name == "tag_list" and page.units[index].rstrip().endswith(":"))
            or (rule.name == "related_links" and _dated_cards_follow(page, index))
        ):
            continue  # above the body only a labelled list of topics (CFR's `More on:` under the date), or of
            # stories with their days (the old Reuters' `Related News` above its byline)
        if index < start and rule.name == "related_links":
            page.removed[index] = dataclasses.replace(page.removed[index], note=_BESIDE_THE_HEADER)
        for position, item in enumerate(range(index + 1, min(index + 1 + MAX_LIST_ITEMS, len(page.units)))):
            unit = page.units[item]
            if item in page.removed or (item in page.block_starts and position > 0):
                break
            statement = page.statement(item) if rule.name == "related_links" else None
            if _only_a_date(statement):
                page.remove(item, rule.name, note=_LINKED_DATE)  # the BBC's cards: headline, day, section
                continue
            header_line = _is_header_statement(page, item) if rule.name == "tag_list" else _is_header_line(page, item)
            deck = rule.name == "related_links" and position > 0 and _card_deck(page, item)
            if not (is_list_item(unit) or _looks_like_link_title(unit) or deck) or header_line:
                break  # a sentence, or a byline or date line (NPR's authors under its series' name)
            page.remove(item, rule.name, note=_BESIDE_THE_HEADER if index < start else "")


_TRENDING = re.compile(r"^(?:trending(?: now| topics| stories)?|hot topics|in focus)\s*:?$", re.I)
MAX_TOPIC_WORDS = 5


def _take_trending_topics(page: _Page, index: int, rule: str) -> None:
    """Above the article, `Trending` and its topics, a few words each (the Times of India: `Bengaluru Water Crisis`,
    `Bengaluru Weather`): names of topics, never the headline or the names of authors. They end at a sentence or
    a date line."""
    for item in range(index + 1, min(index + 1 + MAX_LIST_ITEMS, len(page.units))):
        unit = page.units[item]
        if item in page.removed or item in page.block_starts:
            break  # a menu's `Trending` ends its block
        if len(unit.split()) > MAX_TOPIC_WORDS or ends_sentence(unit) or page.statement(item) is not None:
            break
        if _only_section_words(unit):
            break  # the article's section label under the list (the Express Tribune's `PAKISTAN`)
        page.remove(item, rule, note=_BESIDE_THE_HEADER)


def _topics_under_the_date(page: _Page, index: int, start: int) -> bool:
    """Carnegie's `Programs / Regions / Topics` lists between the date and the article: a bare label below a
    date line, and only short names from it to the body."""
    return (
        start - index <= MAX_LIST_ITEMS * 2
        and any(page.statement(above) is not None for above in range(max(0, index - 6), index))
        and all(
            item in page.removed or (len(page.units[item].split()) <= 4 and _looks_like_link_title(page.units[item]))
            for item in range(index + 1, start)
        )
    )


def _is_long_prose_with_credit(unit: str) -> bool:
    """An article's closing paragraph signed by its agency (`... he said. — AFP`), not a caption."""
    return len(unit.split()) > 45 or ((len(split_sentences(unit)) >= 3 and '"' in unit) or "”" in unit)


MAX_DECK_WORDS = 20


def _card_deck(page: _Page, item: int) -> bool:
    """A card's deck: a short sentence under a link's title, in the list's block, with the card's label or another
    title under it (Foreign Policy's `Read More`: the title, its deck, `Argument | Liana Baumann`)."""
    below = item + 1
    return (
        len(page.units[item].split()) <= MAX_DECK_WORDS
        and below < len(page.units)
        and below not in page.block_starts
        and _looks_like_link_title(page.units[below])
        and not is_prose(page.units[below])
    )


def _looks_like_link_title(unit: str) -> bool:
    """A headline in a link list: short and without a full stop at the end."""
    return len(unit.split()) <= 20 and not unit.rstrip().endswith(".")


# a photographer and their agency (`Farooq Naeem/AFP`), not an outlet's own slash (`RFE/RL, Inc.`)
_PHOTO_COPYRIGHT = re.compile(r"\bvia getty\b|\bgetty images\b|(?-i:[a-z]/[A-Z]|[A-Z]/[A-Z][a-z])", re.I)


def _clues_in_furniture(page: _Page, index: int, rule: str) -> None:
    unit = page.units[index]
    if rule == "copyright_line":
        owner = copyright_owner(unit)
        if owner:
            page.clues.append(OutletClue(Clue.COPYRIGHT, owner, unit))
        elif site := _SITE_IN_COPYRIGHT.search(unit):
            page.clues.append(OutletClue(Clue.DOMAIN, site["site"], unit))  # `© 2024 www.kathmandupost.com.`
    elif rule == "published_in":
        match = _PUBLISHED_IN.match(unit) or _IN_PRINT_OF.match(unit)
        if match:
            page.clues.append(OutletClue(Clue.PUBLISHED_IN, match["outlet"].strip(), unit))
            statement = page.statement(index) or read_date_statement(match["date"], month_first=page.month_first)
            if statement is not None and statement.date is not None:
                page.published.append((3, dataclasses.replace(statement, phrase=unit.strip())))
    elif rule in {"related_links", "call_to_action"} and (match := _MORE_FROM.match(unit)):
        name = match["outlet"] or match["newsletter"] or match["publication"]
        if name.split()[0] not in {"this", "our", "the", "my"}:  # `More from this author`, not `More from The Hindu`
            page.clues.append(OutletClue(Clue.MESSENGER, name.strip(), unit))
    elif rule == "call_to_action" and (match := _SHARED_FROM_APP.match(unit)):
        page.clues.append(OutletClue(Clue.PUBLISHED_IN, match["outlet"].strip(), unit))
    elif rule in {"messenger_invite", "call_to_action", "share_prompt"} and (match := _SUBSCRIBE_TO.match(unit)):
        page.clues.append(OutletClue(Clue.MESSENGER, (match["outlet"] or match["read"]).strip(), unit))
    elif rule == "messenger_invite" or rule == "call_to_action":
        match = _MESSENGER_OUTLET.search(unit) or _FOLLOW_OUTLET.match(unit)
        outlet = (match["outlet"] or match.groupdict().get("read") or "") if match else ""
        outlet = re.sub(
            r"\s+(?:channel|page|account|community)$", "", outlet, flags=re.I
        )  # `the X channel on WhatsApp`
        if outlet and outlet.split()[0].lower() not in {"us", "our", "the", "my", "this"}:
            page.clues.append(OutletClue(Clue.MESSENGER, outlet.strip(), unit))
    elif rule == "wire_credits":
        _read_reporting_credit(page, unit)
    elif rule == "source_credit":
        statement = page.statement(index)
        if statement is not None and statement.date is not None:
            page.published.append((3, statement))  # China.org.cn's `Source: China.org.cn | March 12, 2024`
        republished = _REPUBLISHED_FROM.search(unit)
        if republished:
            known = page.outlets.named(republished["org"])
            page.from_institution = bool(_INSTITUTION.search(republished["org"])) or (
                known is not None and known.kind == "think_tank"
            )
        match = _SOURCE_CREDIT.match(unit)
        if match:
            page.clues.append(OutletClue(Clue.AGENCY_CREDIT, match["outlet"].strip(), unit))


_WELCOME = re.compile(r"^welcome to\s+(?:the\s+)?(?=[A-Z])", re.I)


def copyright_owner(line: str) -> str:
    """Who a copyright line names: `Copyright ©2024. All rights reserved. Geo Television Network` ->
    `Geo Television Network`; "" when it names nobody."""
    # `washingtonpost.com © 1996-2024 The Washington Post`: the © and the years part the domain from the owner
    # and an initial's full stop (`U.S. News & World Report L.P.`) parts nothing
    parts = r"(?<!\b[A-Z])[.|,;:]\s+|\s+[-–—·•]\s+|(?<!\b[A-Z])[.|;]$|\s{3,}"
    segments = re.split(parts, _COPYRIGHT_WORDS.sub("   ", line))
    for position, segment in enumerate(segments):
        if position + 1 < len(segments) and _NAME_GOES_ON.match(segments[position + 1]):
            segment = f"{segment}, {segments[position + 1]}"  # `Ministry of Lands, Water and Rural Resettlement`
            if len(segment.split()) > MAX_LISTING_NAME_WORDS:
                continue
            return _LEGAL_FORM.sub("", segment.strip(" .")) or segment
        name = re.sub(r"^by\s+", "", " ".join(segment.split()).strip(" .,-–—|"), flags=re.I)  # Wix's `© 2024 by X`
        if name and plausible_name(name) and not name.lower().startswith(("and ", "subject ", "unless ")):
            if _SITE_MAKER.search(name):
                continue  # `CoverNews by AF themes`, `Powered by WordPress`: who made the site, not who owns it
            return _LEGAL_FORM.sub("", name) or name  # `Karachi Chronicle Media Group Pvt Ltd`: its name, not its form
    return ""


# A name that lists what it covers after a comma: `Ministry of Lands, Water and Rural Resettlement`
_NAME_GOES_ON = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)* (?:and|&) [A-Z][a-z]+(?: [A-Z][a-z]+)*$")
MAX_LISTING_NAME_WORDS = 10
_LEGAL_FORM = re.compile(
    r",?\s+(?:(?:\(?pvt\.?\)?\s+|private\s+)?(?:ltd\.?|limited|inc\.?|llc|plc|gmbh|l\.p\.)|\(?pvt\.?\)?|tbk\.?)$", re.I
)


_SITE_MAKER = re.compile(r"\bthemes?\b|\bwordpress\b|\bpowered by\b|\bdesigned by\b|\bdeveloped by\b", re.I)


# --- Where the body starts, and the article's header above it ----------------------------------


def _is_header_statement(page: _Page, index: int) -> bool:
    return byline_line(page.units[index]) is not None or page.statement(index) is not None


HEADER_LINES_BELOW = 8  # how far under a standfirst its byline or date may stand


_WRITERS_CREDIT = re.compile(r"^(?:story|text|words|reporting|report) by\s+(?=[A-Z])", re.I)


def _read_byline_under_the_lead(page: _Page, body: list[int]) -> None:
    """A `By` line right under an agency's dated lead (Mehr's `TEHRAN, Jan. 21 (MNA) – ...`, then `Interview by
    Reza Sarmadi`): the writer, on a page that named nobody above the article."""
    if len(body) < 2 or page.fields.get("byline") or not _dated_lead(page, body[0]):
        return
    byline = byline_line(page.units[body[1]])
    if byline is not None and is_name_like(clean_byline(byline["name"])):
        _offer_byline(page, clean_byline(byline["name"]), EXPLICIT)
        page.remove(body[1], "byline", note="under the lead")


def _dated_lead(page: _Page, index: int) -> bool:
    """An agency's lead, its dateline and credit opening it (`TEHRAN, Jan. 21 (MNA) – ...`): the article's first
    paragraph even above a line that names its interviewer (Mehr's `Interview by ...`)."""
    match = _DATELINE.match(page.units[index])
    return match is not None and bool(match["agency"])


def _body_start(page: _Page, *, known_title: str = "") -> int | None:
    """The first paragraph of prose that is not a standfirst, reaching back over a short lead."""
    kept = page.kept()
    prose = [index for index in kept if is_prose(page.units[index]) and not _is_header_statement(page, index)]

    def above_a_byline_or_date(position: int) -> bool:
        """Eight lines of the page down, not counting its buttons (Medium: the name, `Follow`, `Published in`,
        the publication, `·`, `8 min read`, `·`, the date)."""
        index = prose[position]
        following = prose[position + 1] if position + 1 < len(prose) else len(page.units)
        below = [i for i in kept if index < i < min(following, index + 2 * HEADER_LINES_BELOW)]
        return any(
            _is_header_statement(page, i) or BYLINE_LABEL.match(page.units[i]) for i in below[:HEADER_LINES_BELOW]
        )  # Crisis Group: its `Contributors` under the introduction

    def signed(position: int) -> bool:
        """A `By` line right under this paragraph: a standfirst over its writer's name."""
        below = [i for i in kept if prose[position] < i][:HEADER_LINES_BELOW]
        return any(BYLINE.match(page.units[i]) for i in below)

    start = None
    for position, index in enumerate(prose):
        following = prose[position + 1] if position + 1 < len(prose) else len(page.units)
        between = [i for i in kept if index < i < min(following, index + 8)]
        if above_a_byline_or_date(position) and not _dated_lead(page, index):
            continue  # a standfirst, above the byline or date
        if (
            position + 1 < len(prose)
            and following - index <= 2
            and above_a_byline_or_date(position + 1)
            and (is_headline_like(page.units[index]) or (_headline_sized(page.units[index]) and signed(position + 1)))
        ):
            continue  # a headline written as a sentence (Stimson) or two (the Post), right above its standfirst
        if (
            following < len(page.units)
            and between
            and not _opens_run(page, index, prose)
            and not _one_container(page, index, following)
            and (_is_notice(page, index) or _over_a_menu(page, index))
        ):
            continue  # a sentence alone among labels (a disclosure, a promotion, a company's blurb), not the article
        if _is_site_tagline(page, index, kept) or _is_authors_note_above(page, index, prose):
            continue
        if _shown_among(page, index, range(index + 1, min(index + SHOWN_AGAIN_REACH, len(page.units)))):
            continue  # a headline shown twice (LinkedIn: the newsletter's card, then the article's header)
        if position + 1 < len(prose) and _shown_among(
            page, prose[position + 1], range(max(0, index - SHOWN_AGAIN_REACH), index)
        ):
            continue  # LinkedIn: the newsletter's description, above the headline's second showing
        if known_title and canonical_text(page.units[index]) == canonical_text(known_title):
            continue  # the headline the markup gives, written as two sentences (Wix)
        start = index
        break
    if start is None:  # no paragraph of prose: a short text; its first line is the headline
        text = [i for i in kept if not _is_header_statement(page, i)]
        candidates = [i for i in text if len(page.units[i].split()) >= 8 or ends_sentence(page.units[i])]
        if known_title:
            candidates = candidates or text
        else:
            candidates = [i for i in candidates if i != text[0] or ends_sentence(page.units[i])] or text[1:]
        return candidates[0] if candidates else None
    if _DATELINE.match(page.units[start]):
        return start
    following = next((i for i in kept if i > start), None)
    caption = following if following is not None and is_scene_caption(page.units[following]) else None
    if caption is not None:
        following = next((i for i in kept if i > caption), None)  # the Tehran Times: standfirst, photo, dateline
    if following is not None and _starts_report(page.units[following]) and len(page.units[start].split()) <= 60:
        if caption is not None:
            page.remove(caption, "photo_caption", note="a photo's description, without a credit")
        return following  # a report starts at its dateline: the sentence above it is the standfirst
    first_line = kept[0] if kept else None
    while start > 0 and start - 1 not in page.removed:
        previous = page.units[start - 1]
        if start - 1 == first_line and len(previous.split()) <= 25:
            break  # the page's first line, short: its headline, full stop or not
        if is_title_case(previous) and len(previous.split()) <= 25:
            break  # a headline in Title Case, question mark or not
        if not (ends_sentence(previous) and len(previous.split()) >= 4) or _is_header_statement(page, start - 1):
            break
        if _is_name_like_byline(page, start - 1) or BIO_START.match(previous):
            break
        start -= 1
    return start


_UPDATE_TIME = re.compile(
    r"^(?:(?:posted|updated|published)\s+(?:at\s+)?)?"
    r"(?:\d{1,3}\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?)\s+ago|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s+\d{1,2}\s+[A-Z][a-z]{2,8})?)(?:\s*\(\d{1,2}[:.]\d{2}\s*[A-Z]{2,4}\))?$|"
    # Iran International's `17:55 GMT+1 2 hours ago`: the clock, its zone, how long ago
    r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+(?:GMT|UTC)\s*[+-]?\s*\d{0,2}(?::?\d{2})?"
    r"(?:\s+\d{1,3}\s+(?:mins?|minutes?|hrs?|hours?|days?)\s+ago)?$",
    re.I,
)


def _is_post_time(page: _Page, index: int) -> bool:
    """A line that is only a time or a day among the paragraphs: when a live page's update was posted (Al Jazeera's
    `15 mins ago (14:05 GMT)`, `11 Nov 2025 - 14:20 GMT`, the BBC's `Posted at 17:21 26 Jun`), never a sentence."""
    unit = page.units[index].strip()
    if _UPDATE_TIME.match(unit):
        return True
    return _only_a_date(page.statement(index)) and len(unit.split()) <= MAX_LABEL_WORDS * 3


def _only_a_date(statement: DateStatement | None) -> bool:
    """A line that gives a publication date and nothing else: no byline, no words around it."""
    return statement is not None and statement.published is not None and not (statement.rest or statement.byline)


def _headline_sized(unit: str) -> bool:
    return len(unit.split()) <= MAX_SENTENCE_HEADLINE_WORDS and len(split_sentences(unit)) <= 2


MAX_SENTENCE_HEADLINE_WORDS = 20


def _take_authors_note_above(page: _Page, start: int) -> None:
    """The note on the writer right above the first paragraph (CFR's blog posts) is the author's bio."""
    above = max(page.kept(0, start), default=None)
    following = list(itertools.islice((i for i in page.kept(start) if is_prose(page.units[i])), 4))
    if above is not None and is_prose(page.units[above]) and _is_authors_note_above(page, above, following):
        _offer_byline(page, BIO_START.match(page.units[above])["name"], CREDIT)
        _keep_as_bio(page, above, note="above the article")


def _keep_as_bio(page: _Page, index: int, note: str = "") -> None:
    """A note on the author leaves the text and becomes their bio (the first one the page gives)."""
    page.fields.setdefault("author_bio", page.units[index])
    page.remove(index, "author_bio", note=note)


MAX_NOTE_WORDS = 60


def _take_note_opening_the_body(page: _Page, body: list[int]) -> list[int]:
    """The Washington Post's op-eds open with a note on their writers (`Jonathan Reyes, a retired Army colonel,
    commanded ...`): the first paragraph, when it is a note on an author the byline credits."""
    if len(body) < MIN_PARAGRAPHS_AFTER_KEY_POINTS + 1:
        return body
    unit = page.units[body[0]]
    if len(unit.split()) > MAX_NOTE_WORDS * 2 or _credited_authors_note(page, unit) is None:
        return body
    _keep_as_bio(page, body[0], note="above the article")
    return body[1:]


def _is_authors_note_above(page: _Page, index: int, prose: list[int]) -> bool:
    """`Tharindu Perera is a research associate ... at the Council on Foreign Relations.` above the article
    (CFR): a note on its writer, whose name the paragraphs below never mention (a profile's subject is)."""
    unit = page.units[index]
    note = BIO_START.match(unit)
    if note is None or note["name"].lower().startswith("the ") or len(unit.split()) > MAX_NOTE_WORDS:
        return False
    following = [page.units[i] for i in prose if i > index][:4]
    surname = note["name"].split()[-1].casefold()
    return bool(BIO_WORDS.search(unit)) and len(following) >= 2 and not any(surname in p.casefold() for p in following)


def _shown_among(page: _Page, line: int, others: range) -> bool:
    """A short line (a headline's length) that the page shows again among `others`: a headline shown twice."""
    key = canonical_text(page.units[line])
    return len(key.split()) <= MAX_HEADLINE_WORDS and any(canonical_text(page.units[i]) == key for i in others)


SHOWN_AGAIN_REACH = 15  # how many lines apart a headline's two showings stand


MIN_TAGLINE_WORDS = 6
MAX_TAGLINE_WORDS = 16  # `Notes on village life, old engineering and whatever the parish council is up to`


def _is_site_tagline(page: _Page, index: int, kept: list[int]) -> bool:
    """A blog's description under its name, above its menu (Tumblr: `Colombo Notebook`, `Reporting, notes
    and photographs from Sri Lanka by ...`, `Home`, `Archive`)."""
    unit = page.units[index]
    if index not in kept[1:3] or not (
        is_prose(unit) or (ends_sentence(unit) and len(unit.split()) >= MIN_TAGLINE_WORDS)
    ):
        return False  # Blogger: `Pakistan cricket, from the stands and the scorecards. Since 2011.`
    name = page.units[kept[kept.index(index) - 1]]  # Tumblr: `tumblr`, `Sign up`, then the blog's name
    menu = range(index + 1, min(index + 3, len(page.units)))
    return (
        plausible_name(name) and len(name.split()) <= 5 and len(menu) == 2 and all(_is_menu_item(page, i) for i in menu)
    )


def _is_menu_item(page: _Page, index: int) -> bool:
    removal = page.removed.get(index)
    return removal.rule == "site_chrome" if removal is not None else is_short_label(page.units[index])


def _opens_run(page: _Page, index: int, prose: list[int]) -> bool:
    """Whether a paragraph of prose opens the article's run of prose: the next line is prose too, or
    the rest of the page holds no run of two (an article of one paragraph). Sentences standing alone
    among short labels are a page's notices, as jusText finds boilerplate by its neighbours."""
    following = _kept_neighbour(page, index, 1)
    if following is not None and following in prose:
        return True
    after = _kept_neighbour(page, following, 1) if following is not None else None
    heading = page.units[following] if following is not None else ""
    if (
        after is not None
        and after in prose
        and _NUMBERED.match(heading)
        and _stacked_heading(heading.split(None, 1)[1])
    ):
        return True  # a newsletter's greeting, then its first section's heading (`1. The budget goes to the wire`)
    return not any(_kept_neighbour(page, other, 1) in prose for other in prose if other > index)


_NOTICE_WORDS = re.compile(
    r"\b(funding|funded|partners?|disclos\w*|republish\w*|licen[cs]e|creative commons|copyright|subscri\w+|"
    r"newsletter|sign up|cookies?|privacy|terms|advertis\w+|sponsor\w*|"
    # a newsletter's schedule
    r"every (?:other )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|every (?:other )?(?:week|weekday|morning))\b",
    re.I,
)


def _one_container(page: _Page, index: int, following: int) -> bool:
    """Two paragraphs the markup sets as `<p>` in one container: the first is the article's, however it speaks
    (Foreign Policy's `Welcome to Foreign Policy's Morning Brief, where we're highlighting ...`)."""
    return (
        index in page.paragraphs
        and following in page.paragraphs
        and not any(i in page.block_starts for i in range(index + 1, following + 1))
    )


MIN_MENU_ITEMS = 6


def _over_a_menu(page: _Page, index: int) -> bool:
    """The lines kept under a sentence are a menu: six or more in a row of a few words each (the Wall Street
    Journal's blurb on its owner above `The Wall Street Journal`, `English Edition`, `Print Edition`, ...)."""
    below = list(
        itertools.islice((i for i in range(index + 1, len(page.units)) if i not in page.removed), MIN_MENU_ITEMS)
    )
    return len(below) == MIN_MENU_ITEMS and all(is_short_label(page.units[i]) for i in below)


def _is_notice(page: _Page, index: int) -> bool:
    """A sentence about the page, the site or the author's funding: not the article's first paragraph."""
    unit = page.units[index]
    return bool(_NOTICE_WORDS.search(unit)) or _speaks_for_site(page, unit)


def _starts_report(unit: str) -> bool:
    dateline = _DATELINE.match(unit)
    return bool(dateline) and dateline["place"].lower() not in _NOT_A_DATELINE and is_prose(unit)


def _capitals_heading(page: _Page, index: int) -> bool:
    """A heading the markup sets in capitals (ReliefWeb's `SITUATION OVERVIEW`): a section's, never a name."""
    return index in page.headings and page.units[index].isupper()


def _is_name_like_byline(page: _Page, index: int) -> bool:
    """A name (or a few) on a line of its own, perhaps with the outlet or agency after it (Philstar's
    `Mariam Shah - Agence France-Presse`). Not a heading the markup sets in capitals (ReliefWeb's `SITUATION
    OVERVIEW` over a report's section)."""
    unit = page.units[index]
    if _capitals_heading(page, index):
        return False
    if not is_name_like(unit):
        person = _without_outlet(page, unit)
        if person == unit or not is_name_like(person):
            return False
        unit = person
    return len(CITY.sub("", unit).split()) <= 8


# Furniture below which nothing is the article: a comment section, tags, a copyright line, a page's
# footer element.
ARTICLE_ENDS = frozenset({rule.name for rule in RULES_BY_NAME.values() if rule.ends_article} | {"page_footer"})
# Furniture that never stands inside an article's header: above it, the page's own.
HEADER_BOUNDARY_RULES = frozenset({"related_links", "site_chrome", "tag_list", "copyright_line", "consent_control"})


def _bounds_the_header(removal: Removal) -> bool:
    return removal.rule in HEADER_BOUNDARY_RULES and removal.note not in {_LINKED_DATE, _BESIDE_THE_HEADER}


def _header_block(page: _Page, start: int) -> list[int]:
    """The article's header: the lines just above the body that are headline-, sentence-, byline- or
    date-like (furniture among them skipped), up to a short label such as a section name. Below the
    headline, short lines are buttons and counters (`Translate`, `0`, `Send to friend`) and do not
    stop it; between the byline or date and the body, nothing does (promotions, disclosures, players)."""
    cluster = _nearest_header_line(page, start)
    if cluster is not None:
        below = [i for i in range(cluster + 1, start) if i not in page.removed]
        return sorted(below + _walk_up(page, cluster))
    return sorted(_walk_up(page, start - 1))


MAX_HEADER_REACH = 25  # how far above the body an article's byline or date line is looked for


def _nearest_header_line(page: _Page, start: int) -> int | None:
    reached = 0
    for index in range(start - 1, -1, -1):
        if index in page.removed:
            if _bounds_the_header(page.removed[index]) and not _topics_under_the_byline(page, index, start):
                return None
            continue
        reached += 1
        if reached > MAX_HEADER_REACH:
            return None
        if _is_header_line(page, index):
            return index
    return None


def _topics_under_the_byline(page: _Page, index: int, start: int) -> bool:
    """A topic or tag list between the date line and the body (the Telegraph's `Related Topics`), not a
    list of other stories: close to the body, with a byline or date line right above it."""
    if start - index > MAX_TOPICS_UNDER_BYLINE or page.removed[index].rule not in {"related_links", "tag_list"}:
        return False
    above = [i for i in range(index - 1, max(index - 6, -1), -1) if i not in page.removed][:2]
    return any(_is_header_line(page, i) for i in above)


MAX_TOPICS_UNDER_BYLINE = 10


def _walk_up(page: _Page, first: int) -> list[int]:
    block: list[int] = []
    index = first
    buttons = 0
    while index >= 0:
        has_text = any(not _is_header_line(page, i) and not _is_noise(page, i) for i in block)
        if index in page.removed:
            if _bounds_the_header(page.removed[index]) and block:
                break
            index -= 1
            continue
        unit = page.units[index]
        if _belongs_to_header(page, index):
            block.append(index)
        elif not has_text and is_headline_like(unit) and not unit.isupper() and _next_is_header_line(page, index):
            block.append(index)  # a short headline right above its byline or date: "Border markets"
        elif not has_text and buttons < MAX_HEADER_BUTTONS and len(unit.split()) <= 4 and not ends_sentence(unit):
            block.append(index)
            buttons += 1
        elif _place_between_headline_and_standfirst(page, index, block):
            block.append(index)
        elif has_text and len(unit.split()) < 4 and _heads_a_standfirst(page, index):
            block.append(index)  # a short headline above its standfirst
        else:
            break
        index -= 1
    return block


def _place_between_headline_and_standfirst(page: _Page, index: int, block: list[int]) -> bool:
    """Hürriyet's `ANKARA` on a line of its own, under the headline and above the standfirst."""
    unit = page.units[index]
    above = _kept_neighbour(page, index, -1)
    texts = [i for i in block if not _is_header_line(page, i) and not _is_noise(page, i)]
    return (
        len(unit.split()) <= 2
        and unit.isupper()
        and above is not None
        and len(page.units[above].split()) >= 4
        and is_headline_like(page.units[above])
        and bool(texts)
        and ends_sentence(page.units[min(texts)])
    )


MAX_HEADER_BUTTONS = 6


def _is_noise(page: _Page, index: int) -> bool:
    unit = page.units[index]
    return bool(_URL_LINE.match(unit) or _HEADER_NOISE.match(unit)) or len(unit.split()) < 4


def _belongs_to_header(page: _Page, index: int) -> bool:
    """A byline, a date line, a URL or a line of header noise, or a line of four words or more that
    reads as a headline or a sentence."""
    unit = page.units[index]
    if _is_header_line(page, index) or _URL_LINE.match(unit) or _HEADER_NOISE.match(unit):
        return True
    return (is_headline_like(unit) or ends_sentence(unit)) and len(unit.split()) >= 4


def _is_header_line(page: _Page, index: int) -> bool:
    """A byline, a date line, a bare `By` or `Author` label, an author's affiliation under their name,
    or a name next to any of those (`Baqir Sajjad Syed` above `Published January 18, 2024`)."""
    if index in page.header_lines:
        return page.header_lines[index]
    page.header_lines[index] = False  # no cycles between neighbours
    unit = page.units[index]
    found = _is_header_statement(page, index) or bool(BYLINE_LABEL.match(unit))
    found = found or bool(_person_after_a_place(page, unit))
    if not found and is_affiliation(unit):
        above = _kept_neighbour(page, index, -1)
        found = above is not None and (_is_name_like_byline(page, above) or bool(BYLINE.match(page.units[above])))
    if not found and page.outlets.named(unit) is not None and not _is_name_like_byline(page, index):
        around = [_kept_neighbour(page, index, step) for step in (-1, 1)]  # an agency: "Reuters" by the date
        if around[1] is not None and is_place_line(page.units[around[1]]):
            around.append(_kept_neighbour(page, around[1], 1))  # `Press Trust of India`, `New Delhi`, the date
        found = any(i is not None and _is_header_statement(page, i) for i in around)
    if not found and _is_name_like_byline(page, index):
        around = [_kept_neighbour(page, index, step) for step in (-1, 1)]
        beside = around[1]
        beside_unit = page.units[beside] if beside is not None else ""
        if beside is not None and (
            is_affiliation(beside_unit) or _is_name_like_byline(page, beside) or is_place_line(beside_unit)
        ):
            around.append(_kept_neighbour(page, index, 2))  # a name, its role or town (`ISTANBUL`), then the date
        elif beside is not None and len(page.units[beside].split()) >= 8 and _is_standfirst_below(page, index):
            around.append(_kept_neighbour(page, index, 2))  # headline, name, standfirst, date (the Guardian)
        found = any(
            i is not None
            and (
                _is_header_statement(page, i)
                or BYLINE_LABEL.match(page.units[i])
                or (i > index and is_affiliation(page.units[i]))
            )
            for i in around
        ) or _name_run(page, index)
    page.header_lines[index] = found
    return found


def _is_standfirst_below(page: _Page, index: int) -> bool:
    """The line below a name is the standfirst of the headline above it."""
    above, below = _kept_neighbour(page, index, -1), _kept_neighbour(page, index, 1)
    return (
        above is not None
        and below is not None
        and len(page.units[above].split()) >= 4
        and is_headline_like(page.units[above])
        and _is_standfirst_of(page.units[below], page.units[above])
    )


def _kept_neighbour(page: _Page, index: int, step: int) -> int | None:
    """The `step`-th line from `index` (negative: above), counting only lines not removed."""
    direction = 1 if step > 0 else -1
    count, current = 0, index
    while 0 <= current + direction < len(page.units):
        current += direction
        if current in page.removed:
            continue
        count += 1
        if count == abs(step):
            return current
    return None


def _name_run(page: _Page, index: int) -> bool:
    """A name in a run of names and affiliations that ends in a date, or starts under one (several
    authors, each with their role: `Eleanor Whitfield,` `Senior Fellow - ...` `Rohan Mehta, and` ...
    `January 30, 2024`; the Lowy Institute's date, then one name a line)."""
    for step in (1, -1):
        current = index
        for _ in range(12):
            current = _kept_neighbour(page, current, step)
            if current is None:
                break
            unit = page.units[current]
            if _is_header_statement(page, current):
                return True
            if not (_is_name_like_byline(page, current) or is_affiliation(unit) or is_place_line(unit)):
                break  # past names, their roles and their towns (Prothom Alo: `A`, `Teknaf, Cox's Bazar`, `B`, `Dhaka`)
    return False


def _next_is_header_line(page: _Page, index: int) -> bool:
    """The next kept line is a byline or date line, perhaps under the piece's label (The News: the deck, `Editorial`
    in the byline's place, the day)."""
    following = next((i for i in range(index + 1, len(page.units)) if i not in page.removed), None)
    if following is not None and type_of_label(page.units[following]) and not _is_header_line(page, following):
        following = next((i for i in range(following + 1, len(page.units)) if i not in page.removed), None)
    return following is not None and _is_header_line(page, following)


def _read_header(page: _Page, block: list[int], start: int, known_title: str) -> int | None:
    """Headline, title repeats, standfirst, byline and dates from the article's header; the rest of
    it is furniture. Returns the headline's index (None when it came from metadata or is missing)."""
    fields = page.fields
    title_index = None
    if known_title:
        fields["title"] = _title_without_labels(known_title, fields)
        fields.update(_suffix_outlet(page, fields["title"]))
    else:
        title_index = _headline(page, block)
        first_line = min(page.kept(), default=None)
        if title_index is None and block and block[0] == first_line and not _is_header_line(page, first_line):
            title_index = first_line  # a short text's first line: its headline, however short
        if title_index is not None:
            title = _title_without_labels(page.units[title_index], fields)
            title = _take_suffix(page, title)
            fields["title"], fields["title_derived"] = title, False
    title_keys = {canonical_text(fields["title"])} if "title" in fields else set()
    if known_title:
        repeats = [
            i
            for i in block
            if canonical_text(_take_suffix(page, _title_without_labels(page.units[i]), record=False)) in title_keys
        ]
        title_index = repeats[0] if repeats else None
        if title_index is not None:
            page.remove(title_index, "title_repeat")
    blog = _blog_name_and_description(page, block) if title_index is not None else None
    if blog and title_index > blog[1]:
        name, description = blog
        page.clues.append(OutletClue(Clue.SITE_TITLE, page.units[name], page.units[name]))
        page.remove(name, "masthead")
        page.remove(description, "masthead", note="the site's description")
    byline_pending = listing = False
    first_header_line = next((i for i in block if _is_header_line(page, i) and i > (title_index or -1)), None)
    last_text = max((i for i in block if not _is_header_line(page, i)), default=None)
    co_authors: set[int] = set()
    for index in block:
        if index == title_index or index in co_authors:
            continue
        unit = page.units[index]
        following = _kept_neighbour(page, index, 1)
        co_author = unit.strip().lower() in {"and", "&"} and fields.get("byline") and following in block
        if co_author and _is_name_like_byline(page, following):  # the BBC: a name, a role, `and`, a name, a role
            name = clean_byline(page.units[following])
            fields["byline"] = with_author(fields["byline"], name)
            if page.author_names:
                page.author_names.append(name)
            page.remove(index, "byline")
            page.remove(following, "byline")
            co_authors.add(following)
            continue
        if title_keys and canonical_text(_take_suffix(page, _title_without_labels(unit), record=False)) in title_keys:
            page.remove(index, "title_repeat")
            continue
        if title_index is not None and index < title_index:
            statement = page.statement(index)
            above_byline = BYLINE.match(unit)
            if above_byline and statement is None and len(unit.split()) <= 14:
                _add_by_line(page, index, above_byline["name"])  # "By X" above the headline
                page.remove(index, "byline")
            elif statement is not None and statement.published is not None:
                page.published.append((2, statement))  # a date right above the headline (Fars, Tasnim)
                page.remove(index, "date_line", note=str(statement.published.date))
            elif statement is None and _is_header_line(page, index) and AGENCY_ONLY.match(unit.strip()):
                _offer_byline(page, unit.strip(), NAME_LINE)  # Arab News: `AFP` by the date, above the headline
                page.remove(index, "byline")
            else:
                url = _URL_LINE.match(unit)
                if url:
                    page.clues.append(OutletClue(Clue.DOMAIN, url["url"], unit))  # the page's address, above it
                page.remove(index, "article_header")
            continue
        if BYLINE_LABEL.match(unit):
            page.remove(index, "byline")
            byline_pending = True
            listing = (
                unit.strip().lower().startswith(("authors", "contributors"))
            )  # Stimson: `Authors`, then names and roles
            continue
        if listing and not byline_pending:
            if is_affiliation(unit):
                page.remove(index, "byline", note="the author's role")
                continue
            if _is_name_like_byline(page, index):
                fields["byline"] = with_author(fields.get("byline", ""), clean_byline(unit))
                page.remove(index, "byline")
                continue
            listing = False  # `Program`: the list of authors has ended
        if (
            is_affiliation(unit)
            and _is_header_line(page, index)
            and not page.statement(index)
            and not BYLINE.match(unit)
        ):
            page.remove(index, "byline", note="the author's role")
            continue
        if _under_a_name_line(page, index) and _read_name_run(page, index):
            continue
        if _read_byline_or_date(page, index, byline_pending):
            byline_pending = False
            continue
        url = _URL_LINE.match(unit)
        if url:
            page.clues.append(OutletClue(Clue.DOMAIN, url["url"], unit))
            page.remove(index, "article_header")
            continue
        if _credited_authors_note(page, unit):
            _keep_as_bio(page, index, note="above the article")  # the Washington Post's note on its writers
            continue
        standfirst_place = first_header_line is None or index < first_header_line or index == last_text
        if standfirst_place and not fields.get("summary") and len(unit.split()) >= 5 and not _HEADER_NOISE.match(unit):
            fields["summary"] = unit
            page.remove(index, "standfirst")
            continue
        page.remove(index, "article_header")
    return title_index


def _under_a_name_line(page: _Page, index: int) -> bool:
    """Right under a byline that is a name on its own line (or under that name's place)."""
    above = page.removed.get(index - 1)
    if above is not None and above.rule == "article_header" and ACRONYM.match(above.text.strip()):
        above = page.removed.get(index - 2)  # Balkan Insight: the names, `BIRN`, their towns
    return above is not None and above.rule == "byline" and page.byline_strength == NAME_LINE


def _read_name_run(page: _Page, index: int) -> bool:
    """Names one to a line, each perhaps with its place under it (Prothom Alo: `A`, `Teknaf, Cox's Bazar`,
    `B`, `Dhaka`): a place is the author's, a further name a co-author."""
    unit = page.units[index].strip()
    if any(page.outlets.named(part.strip()) is not None for part in unit.split(",")):
        return False
    words = unit.split()
    if 2 <= len(words) <= 4 and _starts_with_an_outlet(page, unit) and is_name_like(unit):
        page.remove(index, "byline", note="the author's service")  # the BBC's `BBC Nepali` under a name
        return True
    if is_place_line(unit):  # `Teknaf, Cox's Bazar`, the BBC's `Reporting fromKathmandu`
        page.remove(index, "byline", note="the author's place")
        return True
    name, _, role = unit.partition(",")
    if role and ENDS_IN_ROLE.search(role.strip()) and 2 <= len(name.split()) <= 4:
        unit, words = name.strip(), name.split()  # Gulf News: `A, Senior Business Reporter`, `B, Correspondent`
    if (
        2 <= len(words) <= 4
        and "," not in unit
        and is_name_like(unit)
        and not DESKS.match(unit)
        and not CREDIT_LINE.match(unit)
        and not _only_section_words(unit)
    ):
        name = _without_outlet(page, clean_byline(unit))  # `Mariam Shah - Agence France-Presse`
        page.fields["byline"] = with_author(page.fields.get("byline", ""), name)
        if page.author_names:
            page.author_names.append(name)
        page.remove(index, "byline")
        return True
    return False


_FROM_LABEL = re.compile(r"^from\s*:?$", re.I)


def _headline(page: _Page, block: list[int]) -> int | None:
    """The headline among the header's lines of text above its first byline or date line: the last of
    them, unless it is the standfirst of the line above (longer, and a sentence or a dozen words)."""
    header_lines = [i for i in block if _is_header_line(page, i)]

    def texts_between(after: int, before: int | None) -> list[int]:
        return [
            i
            for i in block
            if after < i and (before is None or i < before)
            and not _is_header_line(page, i)
            and not _URL_LINE.match(page.units[i])
            and not _HEADER_NOISE.match(page.units[i])
            and not REPORTING_FROM.match(page.units[i])
            and not _only_section_words(page.units[i])  # `Press Statement`, `World News`
            and not (i > 0 and _FROM_LABEL.match(page.units[i - 1]))  # GOV.UK: `From:` and the department
            and (len(page.units[i].split()) >= 4 or (len(page.units[i].split()) >= 2 and _next_is_header_line(page, i))
                 or (len(page.units[i].split()) >= 2 and _heads_a_standfirst(page, i)))  # `The freelancer's dilemma`
        ]  # fmt: skip

    texts = texts_between(-1, header_lines[0] if header_lines else None)
    if not texts and header_lines:
        # A date above the headline and the byline below it (Atlantic Council): the text between them.
        after = header_lines[0]
        texts = texts_between(after, next((i for i in header_lines if i > after + 1), None))
    below = texts_between(header_lines[-1], None) if header_lines else []
    if (
        texts
        and below
        and all(len(page.units[i].split()) <= 4 for i in texts)
        and is_headline_like(page.units[below[0]])
        and len(page.units[below[0]].split()) >= 6
    ):
        return below[0]  # only labels above the date line (UN press releases), the headline under it
    if texts and below and _under_a_list_heading(page, texts) and _stands_as_headline(page.units[below[0]]):
        return below[0]  # Fars: a ticker of other stories above the date, the story's headline under it
    blog = _blog_name_and_description(page, block)
    if blog and texts == list(blog) and below and is_headline_like(page.units[below[0]]):
        return below[0]  # Blogger: the blog's name and description, the day, then the post's title
    if not texts:
        texts = [
            i
            for i in block
            if not _is_header_line(page, i)
            and is_headline_like(page.units[i])
            and not REPORTING_FROM.match(page.units[i])
        ]
    if not texts:
        return None
    position = len(texts) - 1
    while (
        position > 0
        and not _last_of_labels(page, texts[position - 1], texts[position])
        and (
            _is_standfirst_of(page.units[texts[position]], page.units[texts[position - 1]])
            or _is_deck_under(page.units[texts[position]], page.units[texts[position - 1]])
            or (texts[position - 1] == texts[position] - 1 and _heads_a_standfirst(page, texts[position - 1]))
            or _repeated_headline_over(page, texts[position - 1], texts[position])
        )
    ):
        position -= 1
    return texts[position]


MAX_REPEATED_HEADLINE_WORDS = 16


def _repeated_headline_over(page: _Page, above: int, index: int) -> bool:
    """A headline written as sentences (Substack's `Kazakhstan picked Rosatom. Now comes the hard part.`), right
    above its longer deck, that the page shows again on a line of its own (its share card): the page's headline."""
    headline, deck = page.units[above], page.units[index]
    if (
        above != index - 1
        or not 4 <= len(headline.split()) <= MAX_REPEATED_HEADLINE_WORDS
        or len(deck) <= len(headline)
    ):
        return False
    if not ends_sentence(headline) or is_headline_like(headline):
        return False  # a headline of the usual shape, or a label (`Foreign Relations & International Law`)
    key = canonical_text(headline)
    return sum(1 for unit in page.units if canonical_text(unit) == key) >= 2


def _under_a_list_heading(page: _Page, texts: list[int]) -> bool:
    """The lines above the date are other stories: they stand under a list's heading (`Latest News`)."""
    heading = texts[0] - 1
    removal = page.removed.get(heading)
    return (
        len(texts) >= 2
        and removal is not None
        and removal.rule == "related_links"
        and _LIST_HEADING.match(page.units[heading].strip())
        and all(is_headline_like(page.units[index]) for index in texts)
    )


def _stands_as_headline(unit: str) -> bool:
    return is_headline_like(unit) and len(unit.split()) >= MIN_DECK_WORDS - 2 and not ends_sentence(unit)


def _last_of_labels(page: _Page, label: int, line: int) -> bool:
    """The Lowy Institute's topics above the headline (`Pacific Islands`, `Banking & Finance`, `Australia in
    the World`), then a blank line and the headline: the last label heads no deck."""
    above = _kept_neighbour(page, label, -1)
    return (
        line in page.block_starts
        and label not in page.block_starts
        and above is not None
        and is_short_label(page.units[label])
        and is_short_label(page.units[above])
    )


def _blog_name_and_description(page: _Page, block: list[int]) -> tuple[int, int] | None:
    """A blog's name and its one-sentence description at the top of the page, right above a date line
    (Blogger's layout: `The Long Handle`, `Cricket from Karachi: mostly Pakistan, occasionally despair.`)."""
    kept = page.kept()
    if len(kept) < 3 or not block or block[0] != kept[0] or kept[1] not in block:
        return None
    name, description = kept[0], kept[1]
    words = page.units[description].split()
    return (
        (name, description)
        if plausible_name(page.units[name])
        and len(page.units[name].split()) <= 5
        and page.statement(name) is None
        and ends_sentence(page.units[description])
        and 5 <= len(words) <= 25
        and any(word[:1].islower() for word in words)
        and _is_header_line(page, kept[2])
        else None
    )


def _heads_a_standfirst(page: _Page, index: int) -> bool:
    """A short headline in words (no name, no figures) with its standfirst under it, then the byline or date
    (the Express Tribune's op-eds: `The freelancer's dilemma`, its deck, the writer, the day)."""
    unit = page.units[index]
    following, above = _kept_neighbour(page, index, 1), _kept_neighbour(page, index, -1)
    return (
        following is not None
        and following not in page.block_starts  # the two lines one block
        and (above is None or _only_section_words(page.units[above]))  # under its section's label: `OPINION`
        and page.outlets.mentioned_in(unit) is None
        and not is_name_like(unit)
        and not any(character.isdigit() for character in unit)
        and (
            _is_standfirst_of(page.units[following], unit)
            # under a section's label, a line of a few words is the headline, not a kicker (The News: `Opinion`,
            # `Counting every drop`, its deck)
            or (above is not None and index not in page.block_starts and _is_longer_deck(page.units[following], unit))
        )
        and _next_is_header_line(page, following)
    )


def _is_longer_deck(line: str, above: str) -> bool:
    return len(line.split()) >= MIN_DECK_WORDS and len(line) > len(above) and is_headline_like(above)


MIN_DECK_WORDS = 8


def _is_deck_under(line: str, above: str) -> bool:
    """Two headline-sized lines, one above the other: the headline and its deck, whichever is longer
    (the Korea Herald's deck is the shorter one). A kicker above a headline is a few words."""
    return len(above.split()) >= 8 and len(line.split()) >= 6 and is_headline_like(above) and not ends_sentence(above)


def _is_standfirst_of(line: str, above: str) -> bool:
    """A deck under its headline: longer, or in sentence case under a headline in Title Case."""
    words = len(line.split())
    return (
        (len(line) > len(above) or (is_title_case(above) and not is_title_case(line)))
        and (words >= 8 or ends_sentence(line) or (":" in above and words >= 6))  # HRW: `Pakistan: Repeal ...`
        and (len(above.split()) >= 4 or ends_sentence(line) or words >= 14)  # a short line above a headline: kicker
        and len(above.split()) <= 25
        and is_headline_like(above)
        and not (_SECTION_PATH.match(above) and len(above.split()) <= 5)  # `Hong Kong/Transport & Infrastructure`
        and not _SECTION_TRAIL.match(above)  # The Diplomat: `Crossroads Asia | Politics | Central Asia`
        # a kicker in Title Case above a headline in Title Case (Lawfare's `Foreign Relations & International Law`)
        and not (len(above.split()) <= 5 and ":" not in above and is_title_case(above) and is_title_case(line))
    )


_SECTION_NAME = r"[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,2}"
_SECTION_TRAIL = re.compile(rf"^{_SECTION_NAME}(?:\s+\|\s+{_SECTION_NAME})+$")
_SECTION_PATH = re.compile(r"^[A-Z][\w&'’ -]*(?:/ ?[A-Z][\w&'’ -]*)+$")  # the Asahi's `SOCIETY/ Crime & Courts`


def is_title_case(unit: str) -> bool:
    """Most words capitalised, as headlines are in many outlets (`Pakistan Stocks Fall Most in a Month`)."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", unit) if len(word) > 3]
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


_PLACE_THEN_NAME = re.compile(
    r"^(?P<place>[A-Z][\w'’.]+(?: [A-Z][\w'’.]+)?)\s+[-–—]\s+(?P<name>[A-Z](?:(?! [-–—] )[^|]){3,60})$"
)


def _person_after_a_place(page: _Page, unit: str) -> str:
    """The person in `Baghdad - Karim al-Saadi` (a town bureaus file from, a dash, a name), or the outlet in
    `Beirut - Asharq Al-Awsat`: the credit a page gives after its bureau's town."""
    placed = _PLACE_THEN_NAME.match(unit.strip())
    person = placed["name"].strip() if placed else ""
    if placed and is_place_line(placed["place"]) and is_name_like(person):
        return person
    return ""


_CONTROLS = frozenset({"site_chrome", "messenger_invite", "share_prompt", "page_control"})


def _only_controls(text: str) -> bool:
    """Links and buttons of the site beside a date (`E-PAPER Login`), each word one: no name."""
    words = text.split()
    rules = [classify_line(word) for word in words]
    return bool(words) and all(rule is not None and rule.name in _CONTROLS for rule in rules)


def _without_section_part(page: _Page, rest: str) -> str:
    """What a date line says beside its date, without a section's part between bars (NDTV's
    `India News | Press Trust of India | Updated: ...`: the section is recorded, the agency remains)."""
    parts = [part.strip() for part in rest.split("|") if part.strip()]
    if len(parts) < 2:
        return rest
    sections = [part for part in parts if _only_section_words(part)]
    others = [part for part in parts if part not in sections]
    if sections and len(others) == 1:
        page.fields.setdefault("section", sections[0])
        return others[0]
    return rest


def _read_byline_or_date(page: _Page, index: int, byline_pending: bool) -> bool:
    unit = page.units[index]
    fields = page.fields
    statement = page.statement(index)
    if statement is not None:
        rank = 1 if statement.published is not None else 3.5  # after a print footer's date
        page.published.append((rank, statement))
        rest = _without_section_part(page, statement.rest)
        rest = "" if _only_controls(rest) else rest  # the Kathmandu Post's top bar: the day, `E-PAPER`, `Login`
        byline = clean_byline(statement.byline) or byline_in(rest) or _name_before_a_service(rest)
        if byline:
            _offer_byline(page, byline, EXPLICIT)
        elif (
            rest
            and not is_place_line(rest.strip(" |/"))  # the Indian Express's `New Delhi |`: where, not who
            and (
                is_name_like(_without_outlet(page, rest))
                or page.outlets.named(rest) is not None
                or AGENCY_ONLY.match(rest.strip(" /|"))  # TOI's `PTI / Updated: Jun 3, 2025`
            )
        ):
            name = _without_outlet(page, clean_byline(rest))
            known = page.outlets.named(name)
            # "AFP January 18, 2024": the agency wrote it; "April 23 2025, The Times": the paper's own name, which a
            # name line beside it outranks
            if known is None or known.kind == "agency":
                _offer_byline(page, name, NAME_LINE)
                page.author_names.append(name)
            else:
                _offer_byline(page, name, CREDIT)
        elif (
            statement.rest
            and not fields.get("section")
            and not BYLINE.match(statement.rest)
            and statement.rest[0] != "("
        ):
            fields["section"] = statement.rest
        note = f"updated {statement.updated.date}" if statement.published is None else str(statement.published.date)
        page.remove(index, "date_line", note=note)
        return True
    byline = byline_line(unit)
    if byline:
        _add_by_line(page, index, byline["name"])
        page.remove(index, "byline")
        return True
    person = _person_after_a_place(page, unit)
    if person:
        _offer_byline(page, person, EXPLICIT)  # Asharq Al-Awsat's `Baghdad - Karim al-Saadi`
        page.remove(index, "byline")
        return True
    # Moneycontrol's `PTI` above the date; a longer word in capitals must be a known agency's (Hürriyet's `AYDIN`
    # is the town the story was filed from)
    short_or_known = len(unit.strip()) <= 4 or page.outlets.named(unit.strip()) is not None
    if (
        ACRONYM.match(unit.strip())
        and short_or_known
        and _next_to_a_date(page, index)
        and page.byline_strength > NAME_LINE
    ):
        _offer_byline(page, unit.strip(), NAME_LINE)
        page.remove(index, "byline")
        return True
    if "/" in unit and _agencies_by_the_date(page, index) and page.byline_strength >= NAME_LINE:
        page.fields["byline"] = " and ".join(part.strip() for part in unit.split("/"))  # agencies, not one outlet
        page.byline_strength = NAME_LINE
        page.remove(index, "byline")
        return True
    above = page.removed.get(index - 1)
    if above is not None and above.rule == "byline" and ENDS_IN_ROLE.search(unit) and not byline_pending:
        page.remove(index, "byline", note="the author's role")  # "Amber Whitlock" then "Pakistan correspondent"
        return True
    if (
        byline_pending
        or _is_header_line(page, index)
        or (is_name_like(unit) and not fields.get("byline") and not _capitals_heading(page, index))
    ):
        name = _without_outlet(page, clean_byline(unit))  # `Mariam Shah - Agence France-Presse`
        strength = EXPLICIT if byline_pending else NAME_LINE
        if page.outlets.named(name) is not None and WITH_AGENCIES.search(unit) and strength < page.byline_strength:
            fields["byline"], page.byline_strength = " ".join(unit.split()), strength  # `FRANCE 24 with AFP`, whole
        else:
            _offer_byline(page, name, strength)
        service = bool(page.author_names) and bool(DESKS.match(name))  # `Tribune News Service` under a name
        if not byline_pending and " and " not in name and page.outlets.named(name) is None and not service:
            page.author_names.append(name)  # not `USA TODAY` beside the names: the outlet, not an author
        page.remove(index, "byline")
        return True
    return False


def _name_before_a_service(rest: str) -> str:
    """The Times of India's `Nikhil Rao Jadhav / TNN / Updated: ...`: a person, then the paper's news service."""
    parts = [part.strip() for part in re.split(r"\s[/|]\s|\s[/|]$", rest.strip()) if part.strip()]
    services = parts[1:]
    if (
        len(parts) >= 2
        and is_name_like(parts[0])
        and all(ACRONYM.match(part) or AGENCY_ONLY.match(part) for part in services)
    ):
        return parts[0]
    return ""


def _is_organisation(page: _Page, name: str) -> bool:
    """A byline naming an organisation: by its words, as a known outlet, or as an acronym (`RSIS`)."""
    return bool(ORGANISATION.search(name)) or page.outlets.named(name) is not None or bool(ACRONYM.match(name))


def _without_outlet(page: _Page, name: str) -> str:
    """A byline without the outlet named after it: "JOHN DOE and JANE ROE Associated Press", "A / AFP",
    CBC's "Marie-Claude Tremblay · CBC News"; or before it: "DECCAN CHRONICLE. | SAI TEJA PULLURI"."""
    first, *rest = re.split(r"\s*\|\s*|\s+and\s+", name, maxsplit=1)
    person = bool(rest) and is_name_like(rest[0].strip()) and not DESKS.match(rest[0].strip())
    if person and page.outlets.named(first.strip(" .")) is not None:  # not `TRT World and Agencies`
        name = rest[0].strip()
    words = name.split()
    for length in range(min(4, len(words) - 2), 0, -1):
        if page.outlets.named(" ".join(words[-length:]).strip(",/|·•")) is not None:
            person = re.sub(r"\s+for(?:\s+the)?$", "", " ".join(words[:-length]).rstrip(",/|·• "), flags=re.I)
            return clean_byline(person)  # `Asma Zaidi for Dawn`, `A For The Diplomat`
    return name


EXPLICIT, NAME_LINE, CREDIT = 1, 2, 3  # how sure a byline is: "By X", a name by the date, a credit or note


def _offer_byline(page: _Page, name: str, strength: int) -> None:
    """Keep the surest byline: "By X" over a name by the date over a credit; of two "By" lines, a
    person's over an organisation's (a think tank republished under its own name)."""
    name = _without_outlet(page, name.strip())
    if not name or type_of_label(name):
        return  # `Editorial`: what the piece is, not who wrote it
    current = page.fields.get("byline")
    if (
        current is None
        or strength < page.byline_strength
        or (
            strength == page.byline_strength in (EXPLICIT, NAME_LINE)
            and _is_organisation(page, current)
            and not _is_organisation(page, name)
        )
    ):
        page.fields["byline"] = name
        page.byline_strength = strength


def _take_suffix(page: _Page, title: str, *, record: bool = True) -> str:
    """A headline without its `| Outlet` or `- Outlet` suffix, when that names a known outlet (or, with
    a bar, any outlet), and without an outlet's name or a label in front (`ISNA - `, `EXCLUSIVE: `)."""
    title = _NEWS_LABEL.sub("", title) or title
    prefix = _TITLE_OUTLET_PREFIX.match(title)
    if prefix and page.outlets.named(prefix["outlet"]) is not None:
        if record:
            page.clues.append(OutletClue(Clue.TITLE_SUFFIX, prefix["outlet"].strip(), title))
        title = title[prefix.end() :].strip()
    match = _TITLE_OUTLET_SUFFIX.search(title)
    if not match:
        return title
    name = match["outlet"].strip()
    known = page.outlets.named(name)
    shown = canonical_text(name) in page.standalone  # the site's name stands on a line of its own
    if known is None and not shown and not (match.group().strip().startswith("|") and plausible_name(name)):
        return title
    if record:
        page.clues.append(OutletClue(Clue.TITLE_SUFFIX, name, title))
    stripped = title[: match.start()].strip()
    return _take_suffix(page, stripped, record=record) if "|" in stripped else stripped


def _suffix_outlet(page: _Page, title: str) -> dict[str, Any]:
    return {"title": _take_suffix(page, title)}


# --- The page around the article ----------------------------------------------------------------


def _read_bylines_above_the_header(page: _Page, kept: list[int]) -> None:
    """`By` lines above the headline, among the page's own lines (PBS prints its bylines above the
    share bar, the headline below it): the byline, when the article's header had none."""
    names = [
        _without_outlet(page, clean_byline(match["name"]))
        for index in kept
        if (match := BYLINE.match(page.units[index])) and len(page.units[index].split()) <= 12
    ]
    names = list(dict.fromkeys(name for name in names if name))
    if names and page.byline_strength > NAME_LINE:
        page.fields["byline"] = joined_names(names)
        page.byline_strength = NAME_LINE


_LOGO = re.compile(r"\s+logo$", re.I)


def _read_page_header(page: _Page, header_start: int, title_index: int | None) -> None:
    """Everything above the article's header is the page's: its masthead names the outlet, the label
    right above the headline is the section (and may say the article's type)."""
    kept = page.kept(0, header_start)
    if not kept:
        return
    first = kept[0]
    tagline = kept[1] if len(kept) > 1 else None
    title_key = canonical_text(page.fields.get("title", ""))
    described = next((i for i in kept[1:3] if _is_site_tagline(page, i, kept)), None)
    if described is not None:
        name = kept[kept.index(described) - 1]
        page.clues.append(OutletClue(Clue.SITE_TITLE, page.units[name], page.units[name]))
        page.remove(name, "masthead")
        page.remove(described, "masthead", note="the site's description")
    invited = {
        canonical_text(clue.text)
        for clue in page.clues
        if clue.kind == Clue.MESSENGER and plausible_name(clue.text) and not _only_section_words(clue.text)
    }
    for index in kept:
        if index in page.removed:
            continue
        unit = page.units[index]
        if canonical_text(unit) in invited:  # Substack: its name again, after `Discover more from <name>`
            page.clues.append(OutletClue(Clue.MASTHEAD, unit.strip(), unit))
            page.remove(index, "masthead")
            continue
        masthead = _masthead_name(page, unit)
        if masthead and not _only_section_words(unit):  # VOA's menu item `U.S. News` names a section, not an outlet
            page.clues.append(OutletClue(Clue.MASTHEAD, masthead, unit))
            page.remove(index, "masthead")
            continue
        if title_key and canonical_text(_take_suffix(page, _title_without_labels(unit))) == title_key:
            page.remove(index, "title_repeat")  # a saved page's <title>, above the menus
            continue
        if is_prose(unit) and not page.fields.get("summary"):
            page.fields["summary"] = unit  # its description, above the menus
            page.remove(index, "standfirst")
            continue
        url = _URL_LINE.match(unit)
        if url:
            page.clues.append(OutletClue(Clue.DOMAIN, url["url"], unit))
        statement = page.statement(index)
        if statement is not None and statement.date is not None:
            page.published.append((5, statement))
    welcomed = _WELCOME.sub("", page.units[first])  # `Welcome to the United Nations`
    if (
        first not in page.removed
        and plausible_name(welcomed)
        and len(welcomed.split()) <= 5
        and not page.statement(first)
    ):
        page.clues.append(OutletClue(Clue.MASTHEAD, welcomed, page.units[first]))  # believed if corroborated
    if (
        first == min(kept)
        and all(page.removed[i].rule == "site_chrome" for i in range(first))
        and first not in page.removed
        and tagline is not None
        and plausible_name(page.units[first])
        and "," not in page.units[first]
        and 3 <= len(page.units[tagline].split()) <= MAX_TAGLINE_WORDS
        and any(word[:1].islower() for word in page.units[tagline].split())
        and not ends_sentence(page.units[tagline])
    ):
        page.clues.append(OutletClue(Clue.SITE_TITLE, page.units[first], page.units[first]))
        page.remove(first, "masthead")
    _read_bylines_above_the_header(page, kept)
    label = kept[-1]
    columnist = (
        len(kept) >= 2 and _is_name_like_byline(page, label) and type_of_label(page.units[kept[-2]]) == "opinion"
    )
    if columnist and label not in page.removed:  # an opinion page's columnist, named above the headline
        _offer_byline(page, clean_byline(page.units[label]), NAME_LINE)
        page.remove(label, "byline")
        label = kept[-2]
    if label not in page.removed and is_short_label(page.units[label]):
        parts = [part.strip() for part in re.split(r"[|»›/>]", page.units[label]) if part.strip()]
        page.fields.setdefault("section", page.units[label].strip())
        for part in parts:
            article_type = type_of_label(part)
            if article_type and page.fields["article_type"] == "news":
                page.fields["article_type"] = article_type
        page.remove(label, "section_label")
    for index in kept:
        page.remove(index, "page_header")


def _masthead_name(page: _Page, unit: str) -> str:
    """A known outlet's name standing alone, or before its tagline (`FRANCE 24 - International news`), or its
    logo's text (`Dawn Logo`)."""
    unit = _LOGO.sub("", unit)
    if page.outlets.named(unit) is not None:
        return unit.strip()
    name = re.split(r"\s+[-–—|:]\s+", unit, maxsplit=1)[0]
    if name != unit and page.outlets.named(name) is not None:
        return name.strip()
    words = unit.split()
    if len(words) > MAX_MASTHEAD_WORDS or ends_sentence(unit):
        return ""
    # the logo and its tagline copied as one line: `The Caravan A Journal of Politics and Culture`
    return next(
        (" ".join(words[:n]) for n in range(min(5, len(words) - 1), 1, -1) if page.outlets.named(" ".join(words[:n]))),
        "",
    )


MAX_MASTHEAD_WORDS = 14


def type_of_label(label: str) -> str:
    for pattern, article_type in _SECTION_TYPES:
        if pattern.match(label.strip()):
            return article_type
    return ""


_WRITTEN_BY = re.compile(r"^(?:[Ww]ritten|[Pp]osted) by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")


# A closing paragraph its agency signs: `... closed since Saturday. — Agence France-Presse`, `... district. (ANI)`
_SIGNED_OFF = re.compile(
    r"[.!?”\"]\s*(?:[—–-]{1,2}\s*(?:[A-Z][\w.&'’ -]{1,40}|dpa)|\((?:[A-Z][\w.&'’ -]{1,20}|dpa)\))$"
)  # dpa writes its name in lower case


_DATE_LABEL = re.compile(r"^(?:date|published|posted|updated)\s*:?\s+(?=\d)", re.I)
_AUTHOR_LABEL = re.compile(r"^(?i:author|authors|writer|by)\s*:?\s+(?=[A-Z])")


def _metadata_under_the_article(page: _Page, index: int) -> bool:
    """The article's own facts set out under it, each after its label (DW: `Date 03.09.2021`, `Author Katrin
    Weller`, `Keywords ...`): a date line, then its author."""
    following = _kept_neighbour(page, index, 1)
    return (
        bool(_DATE_LABEL.match(page.units[index]))
        and page.statement(index) is not None
        and following is not None
        and bool(_AUTHOR_LABEL.match(page.units[following]))
    )


def _read_metadata_under_the_article(page: _Page, end: int) -> None:
    """The date and the author the article's facts under it give (see _metadata_under_the_article)."""
    first = _kept_neighbour(page, end, 1)
    if first is None or not _metadata_under_the_article(page, first):
        return
    statement = page.statement(first)
    if statement is not None and statement.date is not None:
        page.published.append((3, statement))
        page.remove(first, "date_line", note="under the article")
    author = _kept_neighbour(page, first, 1)
    if author is not None:
        name = clean_byline(_AUTHOR_LABEL.sub("", page.units[author]))
        if is_name_like(name):
            _offer_byline(page, name, EXPLICIT)
            page.remove(author, "byline", note="under the article")


def _body_end(page: _Page, start: int) -> int:
    """The last line of the body: its last paragraph of prose before the first line only a page's
    footer has, then any short closing sentences after it."""
    limit = next(
        (
            index
            for index in range(start + 1, len(page.units))
            if (index in page.removed and page.removed[index].rule in ARTICLE_ENDS)
            or (index not in page.removed and CONTRIBUTORS.match(page.units[index]))  # The Diplomat's `Authors` box
            or (index not in page.removed and _WRITTEN_BY.match(page.units[index]))  # Medium's author card
            or (index not in page.removed and _the_date_again(page, index))  # The Hindu's `Published - <date>`
            or (index not in page.removed and _metadata_under_the_article(page, index))  # DW's `Date`, `Author`
        ),
        len(page.units),
    )  # fmt: skip
    limit = _list_after_the_article(page, start, limit)
    kept = page.kept(start, limit)
    prose = [index for index in kept if is_prose(page.units[index])]
    end = prose[-1] if prose else start
    for index in kept:
        if index <= end:
            continue
        unit = page.units[index]
        if not (
            ends_sentence(unit)
            or BIO_START.match(unit)
            or WIRE_CREDITS.match(unit)
            or _SIGNED_OFF.search(unit)
            or _LABELLED_LIST.match(unit)
        ):
            break
        end = index
    end = _before_site_voice(page, start, end)
    while end > start and _is_site_notice(page, page.units[end]):
        end = max(page.kept(start, end), default=start)  # "Middle East Eye delivers independent coverage ..."
    return end


# The heading of a list of other stories (`Related`, `More from the BBC`, `Most read`, `You may also like`).
_LIST_HEADING = re.compile(
    r"^(?:related(?: stories| articles| content| news| posts| coverage| reading)?|more (?:from|on|in) [\w .'’&-]{2,30}|"
    r"more (?:stories|news)|most (?:read|popular|viewed|shared)|you (?:may|might) (?:also )?(?:like|be interested in)|"
    r"recommended(?: for you| stories)?|top (?:stories|headlines)|read next|what to read next|editor['’]?s picks|"
    r"(?:latest|breaking|trending)(?: news| stories| headlines)?)\s*:?$",
    re.I,
)


def _list_after_the_article(page: _Page, start: int, limit: int) -> int:
    """A list of other stories under its heading ends the article when no more than one sentence of prose
    follows it (a card's summary): a box of links set among the paragraphs is followed by the rest of them."""
    for index in range(start + 1, limit):
        removal = page.removed.get(index)
        if removal is None or removal.rule != "related_links" or not _LIST_HEADING.match(page.units[index].strip()):
            continue
        if sum(is_prose(page.units[line]) for line in page.kept(index, limit)) <= 1:
            return index
    return limit


# A list the article closes with, each line a label and its names: `Goalkeepers: A, B, C` (a squad, a cabinet).
_LABELLED_LIST = re.compile(r"^[A-Z][\w ’'-]{2,30}:\s+[A-Z][^,:]{2,40}(?:,\s*[^,:]{2,40}){2,}\.?$")
_DATE_LABEL = re.compile(r"\b(?:published|updated|posted|modified|date[ds]?)\b", re.I)
_PUBLISHED_LABEL = re.compile(r"^(?:first |originally )?(?:published|posted)\b", re.I)


def _the_date_again(page: _Page, index: int) -> bool:
    """The header's publication date said again under the article (`Published - April 02, 2024 12:20 am IST`):
    the article ended above it."""
    if not _PUBLISHED_LABEL.match(page.units[index]) or len(page.units[index].split()) > 12:
        return False
    statement = page.statement(index)
    return (
        statement is not None
        and statement.published is not None
        and any(known.published == statement.published for _, known in page.published)
    )


def _remove_teaser_cards(page: _Page, start: int) -> None:
    """Cards of other stories below the article's start: a line that is only a date, then a headline
    or two and a `By ...` line (`Mar 12, 2024` / `Egypt's pound float ...` / `By Atlantic Council
    experts`), with the section label above the date. Without its `By` line a date is left alone:
    it may be the article's own, under a header that was not found."""
    kept = [
        index
        for index in range(start + 1, len(page.units))
        if index not in page.removed or page.removed[index].note == _LINKED_DATE  # a list's card may go on
    ]
    for position, index in enumerate(kept):
        statement = page.statement(index)
        if statement is None or statement.published is None or statement.rest or statement.byline:
            continue
        if _DATE_LABEL.search(page.units[index]):
            continue  # `First Published: 14 Nov 2023`: the article's own date, at its foot
        card = kept[position + 1 : position + 4]
        closing = next(
            (k for k, i in enumerate(card) if BYLINE.match(page.units[i]) and len(page.units[i].split()) <= 8), None
        )
        if not closing:
            continue
        for i in [index, *card[: closing + 1]]:
            page.remove(i, "related_links", note="a teaser")
        above = kept[position - 1] if position > 0 else None
        if above is not None and len(page.units[above].split()) <= 3 and not ends_sentence(page.units[above]):
            page.remove(above, "related_links", note="a teaser's label")


MIN_FURNITURE_STRETCH = 4  # lines of furniture in a row that a page's footer has and an article hasn't


def _before_site_voice(page: _Page, start: int, end: int) -> int:
    """The body's end moved up above a stretch of furniture (tags, link lists, menus) after which only
    the site speaks about itself (`Write an article and join ...`, `X is an independent news
    organisation ...`): the article ended before that stretch."""
    stretch: list[int] = []
    for index in range(start + 1, end + 1):
        unit = page.units[index]
        if index in page.removed or (len(unit.split()) <= 6 and not unit.rstrip().endswith(".")):
            stretch.append(index)
            continue
        if len(stretch) >= MIN_FURNITURE_STRETCH:
            after = [i for i in page.kept(index, end + 1) if is_prose(page.units[i]) or ends_sentence(page.units[i])]
            if after and all(_speaks_for_site(page, page.units[i]) for i in after):
                return max(page.kept(start, stretch[0]), default=start)
        stretch = []
    return end


_SITE_VOICE = re.compile(
    r"\b(we|our|us|your|join|subscribe|sign up|newsletter|download|write for|republish|independent news|"
    r"news (organi[sz]ation|agency|website|portal)|media (group|network|company)|all rights|leading)\b",
    re.I,
)
_REPORTING = re.compile(r"\b(said|says|told|added|according to)\b", re.I)


# The outlet describing itself at the end of its articles: "X is the Afghan service of ...", "X delivers
# independent coverage ...", "X website contains only a portion of the stories offered to subscribers".
_SELF_DESCRIPTION = re.compile(
    r"^(?P<name>[A-Z][^,.]{1,60}?)(?:’s|'s)?\s+(?:is|are|delivers|offers|provides|brings|publishes|website|app)\b"
)
_ABOUT_A_SITE = re.compile(
    r"\b(coverage|website|apps?|subscri\w+|service of|news and information|independent|award-winning|journalism|"
    r"readers|audiences?|(?:product|project|publication|initiative) of)\b",
    re.I,
)


def _is_site_notice(page: _Page, unit: str) -> bool:
    """A closing line in which the outlet speaks about itself, not about the news."""
    text = _QUOTED.sub(" ", unit)
    if _REPORTING.search(text) or not _ABOUT_A_SITE.search(text):
        return False
    opening = _SELF_DESCRIPTION.match(text)
    if opening and page.outlets.named(opening["name"]) is not None:
        return True
    return bool(re.search(r"\b(website|apps?)\b", text, re.I)) and _speaks_for_site(page, unit)


def _speaks_for_site(page: _Page, unit: str) -> bool:
    text = _QUOTED.sub(" ", unit)
    return bool(_SITE_VOICE.search(text)) and not _REPORTING.search(text)


_HASHTAG = re.compile(r"^#\w")


_COMPANY = re.compile(
    r"\b(?:ltd|limited|inc|llc|plc|gmbh|group|media|news|newspapers?|press|publishing|publications|corp|"
    r"corporation|company|trust|foundation|network)\b",
    re.I,
)
_PUBLISHED_BY = re.compile(r"^published by (?P<owner>(?-i:[A-Z])[\w&.,'’ -]{2,60}?)\.?$", re.I)


# The page's own parts: below them, a name and a town are a widget's (`Prayer Times` / `Riyadh`), no letter's signer.
_PAGE_PARTS = frozenset({"related_links", "tag_list", "share_prompt", "comment_form", "reader_comments", "site_chrome",
                         "advertisement", "call_to_action", "messenger_invite"})  # fmt: skip


_AGENCY_SIGN_OFF = re.compile(r"^[—–-]\s*(?P<agency>[A-Z][\w .&'’-]{1,40})$")


def _read_page_footer(page: _Page, end: int) -> None:
    """Everything below the article is the page's: comments, related stories, footers. An author's
    note or wire credits right after the article are read first."""
    in_comments = False
    contributors_from = None
    first = True
    under_the_post = True  # nothing but the post's tags between the article and this line
    for index in range(end + 1, len(page.units)):
        removal = page.removed.get(index)
        if removal is not None:
            in_comments = in_comments or removal.rule == "comment_form"
            under_the_post = under_the_post and removal.rule not in {"related_links", "comment_form", "page_footer"}
            first = first and removal.rule not in _PAGE_PARTS  # a signer stands right under the letter
            continue
        statement = None if in_comments else page.statement(index)
        if under_the_post and statement is not None and statement.published is not None and not statement.rest:
            page.published.append((5.5, statement))  # Tumblr: the post, its tags, then its date
        under_the_post = under_the_post and bool(_HASHTAG.match(page.units[index]))
        if first and _signs_the_letter(page, index, _kept_neighbour(page, index, 1)):
            _take_signature(page, index, _kept_neighbour(page, index, 1))  # a letter's signer
            first = False
            continue
        signed_off = _AGENCY_SIGN_OFF.match(page.units[index].strip())
        agency = page.outlets.named(signed_off["agency"]) if first and signed_off else None
        if agency is not None and agency.kind == "agency":
            if not page.fields.get("byline"):  # the Buenos Aires Times' `– AFP` under AFP's story
                page.fields["byline"], page.byline_strength = signed_off["agency"].strip(), NAME_LINE
            page.remove(index, "byline", note="the agency, under the article")
            first = False
            continue
        if first and (_reporter_under_the_article(page, page.units[index]) or _signed_above_the_tools(page, index)):
            page.fields["byline"], page.byline_strength = page.units[index].strip(), NAME_LINE
            page.author_names = [page.units[index].strip()]
            page.remove(index, "byline", note="the reporter, under the article")
            first = False
            continue
        first = False
        if CONTRIBUTORS.match(page.units[index]):
            contributors_from = index
        elif (
            contributors_from is not None
            and index - contributors_from <= MAX_CONTRIBUTORS
            and not page.fields.get("byline")
        ):
            unit = page.units[index].strip()
            alone = 2 <= len(unit.split()) <= 4 and is_name_like(unit) and not is_affiliation(unit)
            name = name_before_role(unit) or (unit if alone else "")  # `Zoe Ashford` above her role
            if name:
                page.author_names.append(name)
        if not in_comments and _read_credit_or_bio(page, index):
            continue
        if statement is not None and statement.published is not None and _FOOTER_PUBLISHED.match(page.units[index]):
            page.published.append((3, statement))  # "This article was first published on January 18, 2024"
        publisher = _PUBLISHED_BY.match(page.units[index])
        owner = publisher["owner"].strip() if publisher else ""
        person = is_name_like(owner) and not _COMPANY.search(owner) and page.outlets.named(owner) is None
        if publisher and not in_comments and person:
            _offer_byline(page, owner, NAME_LINE)  # WordPress's author box: `Published by Geoff Marsh`, a bio
            page.remove(index, "byline")
            continue
        if publisher:  # the Daily Mail's `Published by Associated Newspapers Ltd`
            page.clues.append(OutletClue(Clue.COPYRIGHT, owner, page.units[index]))
        byline = BYLINE.match(_unbracketed(page.units[index]))  # CNA's `(By Pan Tzu-yu and Frances Huang)` too
        if byline and not in_comments and index <= end + FOOTER_BYLINE_REACH and len(page.units[index].split()) <= 12:
            _offer_byline(page, clean_byline(byline["name"]), NAME_LINE)  # a blog's "By X" under the post
            page.remove(index, "byline")
            continue
        page.remove(index, "reader_comments" if in_comments else "page_footer")


def _unbracketed(unit: str) -> str:
    text = unit.strip()
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text


def _reporter_under_the_article(page: _Page, unit: str) -> bool:
    """A person's name alone right under the last paragraph, on a page whose only credit so far is the
    outlet's own name (TOLOnews credits itself by the date and its reporter under the story)."""
    byline = page.fields.get("byline", "")
    credited = page.outlets.named(byline) if byline else None
    return (
        credited is not None
        and credited.kind != "agency"  # the page's own name (TOLOnews), not an agency's story (AFP)
        and _a_name_alone(page, unit, max_words=4)
    )


def _a_name_alone(page: _Page, unit: str, *, max_words: int) -> bool:
    """A person's name on a line of its own: two words or more, not a desk, not an outlet's product or service."""
    return (
        2 <= len(unit.split()) <= max_words
        and is_name_like(unit)
        and not DESKS.match(unit.strip())
        and not _starts_with_an_outlet(page, unit)
    )


_TOOLS = frozenset({"share_prompt", "page_control", "site_chrome"})


def _signed_above_the_tools(page: _Page, index: int) -> bool:
    """A writer's name alone right under the last paragraph, the page's tools (`Share this:`, `Print version`)
    opening the next block, on a page that credits nobody (SANA's `Lina Haddad`, Kommersant's `Mikhail Zotov`)."""
    unit = page.units[index].strip()
    following = index + 1
    return (
        not page.fields.get("byline")
        and _a_name_alone(page, unit, max_words=3)
        and not is_place_line(unit)
        and not _only_section_words(unit)
        and page.outlets.named(unit) is None
        and (
            _tools_follow(page, following) or (_a_notice_follows(page, following) and _named_nowhere_above(page, index))
        )
    )


def _tools_follow(page: _Page, index: int) -> bool:
    """The page's tools open the next block (`Share this:`, `Print version`)."""
    return index in page.block_starts and getattr(page.removed.get(index), "rule", "") in _TOOLS


def _a_notice_follows(page: _Page, index: int) -> bool:
    """The next line is one of the page's notices, whatever the blocks (24.kg's `Link to 24.kg news agency is
    required ...`, `Subscribe to ... in Telegram!`)."""
    found = classify_line(page.units[index]) if index < len(page.units) else None
    return (found.name if found else getattr(page.removed.get(index), "rule", "")) in _PAGE_NOTICES


def _named_nowhere_above(page: _Page, index: int) -> bool:
    """Words the article above never uses: a writer's name, not the story's tags (`Dengue Rawalpindi Punjab` under
    a story on dengue in Rawalpindi)."""
    above = {word.casefold() for i in page.kept(0, index) for word in re.findall(r"\w+", page.units[i])}
    return not any(word.casefold() in above for word in re.findall(r"\w+", page.units[index]))


_PAGE_NOTICES = frozenset({"copyright_line", "messenger_invite"})


def _starts_with_an_outlet(page: _Page, unit: str) -> bool:
    """`Kyodo News Plus`, `BBC Nepali`: an outlet's product or service, not a person."""
    words = unit.split()
    return any(page.outlets.named(" ".join(words[:length])) is not None for length in range(1, min(3, len(words)) + 1))


MAX_CONTRIBUTORS = 6


_FOOTER_PUBLISHED = re.compile(
    r"^(?:this (?:article|story|piece) was )?(?:first |originally )?(?:published|posted)\b", re.I
)
FOOTER_BYLINE_REACH = 4  # how far below the article a blog's "By X" line may stand


# A fact box's heading among the paragraphs: Arab News's `Fast Facts`, `The Middle Corridor at a glance`
_FACT_BOX_HEADING = re.compile(
    r"^(?:fast facts|quick facts|key facts|fact ?box|fact ?file|key figures|in numbers|by the numbers|"
    r"(?:[\w’'-]+ ){0,5}at a glance)\s*:?$",
    re.I,
)
_FACT = re.compile(r"^(?:[-•*·▪]\s*)?[^:]{1,40}:\s+\S")  # `56.9: PMI reading for October`, `Route: ...`
MAX_FACT_WORDS = 20


def _remove_fact_boxes(page: _Page, body: list[int]) -> None:
    """A fact box set among the paragraphs: its heading, then two or more short facts, each a label and
    what it says (`56.9: PMI reading for October`). The box repeats or sums up the article; it is not its text."""
    for position, index in enumerate(body):
        if not _FACT_BOX_HEADING.match(page.units[index].strip()):
            continue
        facts = list(
            itertools.takewhile(
                lambda line: _FACT.match(page.units[line].strip()) and len(page.units[line].split()) <= MAX_FACT_WORDS,
                body[position + 1 :],
            )
        )
        if len(facts) >= 2:
            for line in [index, *facts]:
                page.remove(line, "key_points", note="a fact box")


MAX_PULL_QUOTE_WORDS = 40
MIN_FAR_PULL_QUOTE_WORDS = 6  # words enough that a line found again anywhere in the article is a quote of it
_ATTRIBUTION = re.compile(r"^[—–-]\s*[A-Z][\w.'’ -]{2,40},\s*[\w ,.'’-]{2,60}$")
_QUOTATION_ALONE = re.compile(r"^[“\"‘'][^“”\"]+[”\"’']$")


def _remove_pull_quotes(page: _Page, body: list[int]) -> None:
    """A short line that repeats words of a paragraph near it is a pull quote: set large between the
    paragraphs, its words are already in the article."""
    texts = {index: canonical_text(page.units[index]) for index in body}
    words = {index: len(page.units[index].split()) for index in body}
    for position, index in enumerate(body):
        if words[index] > MAX_PULL_QUOTE_WORDS or words[index] < 5:
            continue
        quoted = texts[index].strip("\"'“”‘’ .,")
        near = body[max(0, position - 3) : position] + body[position + 1 : position + 4]
        far = [  # a quote of a longer paragraph, not a paragraph given twice (with and without its dateline)
            other
            for other in body
            if words[index] >= MIN_FAR_PULL_QUOTE_WORDS and words[other] >= words[index] + MIN_FAR_PULL_QUOTE_WORDS
        ]
        repeats = [other for other in near + far if other != index and quoted in texts[other]]
        if not repeats and _in_quotes(page.units[index]):  # Kayhan Life's pull quote, its words trimmed
            repeats = [other for other in near if _shares_a_run(quoted, texts[other])]
        if any(texts[other].strip("\"'“”‘’ .,") == quoted and _in_quotes(page.units[other]) for other in repeats):
            continue  # a short paragraph the page quotes again in quotation marks: that copy is the pull quote
        if repeats:
            page.remove(index, "pull_quote")
    for position, index in enumerate(body[1:], start=1):
        above = body[position - 1]
        quoted = page.removed.get(above) is not None and page.removed[above].rule == "pull_quote"
        boxed = (
            _QUOTATION_ALONE.match(page.units[above].strip()) and len(page.units[above].split()) <= MAX_PULL_QUOTE_WORDS
        )
        if _ATTRIBUTION.match(page.units[index].strip()) and (quoted or boxed):
            page.remove(above, "pull_quote")  # a quote box: the words, then `— Hassan Rahimi, economist`
            page.remove(index, "pull_quote", note="the quotation's speaker")


MIN_SHARED_RUN_WORDS = 7


def _shares_a_run(quoted: str, paragraph: str) -> bool:
    """A quotation set apart that gives a run of a nearby paragraph's words, trimmed or joined anew (`The haft-sin
    has to be built anew every year, with whatever is to hand.` beside `The haft-sin, by contrast, has to be built
    anew every year, with whatever the local supermarket ... had in stock`), and is shorter than it."""
    mine, theirs = re.findall(r"\w+", quoted), re.findall(r"\w+", paragraph)
    if len(theirs) <= len(mine):
        return False
    runs = {" ".join(theirs[i : i + MIN_SHARED_RUN_WORDS]) for i in range(len(theirs) - MIN_SHARED_RUN_WORDS + 1)}
    return any(
        " ".join(mine[i : i + MIN_SHARED_RUN_WORDS]) in runs for i in range(len(mine) - MIN_SHARED_RUN_WORDS + 1)
    )


def _in_quotes(unit: str) -> bool:
    text = unit.strip()
    return len(text) > 2 and text[0] in "\"“‘'" and text[-1] in "\"”’'"


MAX_SUBHEADING_WORDS = 8
MIN_PROSE_WORDS = 12  # a line this long above a short one is text or a caption, never a menu or a header
MIN_RHETORICAL_QUESTION_WORDS = 5  # an opinion's `How much more can they take?`, not its signpost `Who benefits?`
MAX_QUESTION_SUBHEADING_WORDS = 10  # an explainer's `How did the lynx come back from the brink?`
_DASHED_SUBHEADING = re.compile(r"^[-–—]\s+\S.{0,60}\s+[-–—]$")  # AFP's `- 'Nowhere to go' -`
# A page that says it is an interview or a Q&A: its questions are the interviewer's, part of the text.
_INTERVIEW = re.compile(
    r"\bQ\s?&\s?A\b|\bQ\s?and\s?A\b|^interviews?\b|\binterview(?:ed)? by\b|\bin conversation with\b|"
    r"\basked [^.]{2,80}? to (?:explain|answer|discuss|walk)\b|^(?:Q|Question)\s*\d*\s*[:.]|"
    r"\|\s*interviews?\s*(?:\||$)|\bin an interview with\b|"
    r"\b(?:speaks|spoke|talks|talked) (?:with|to)\b(?:[^.]|\.(?= [A-Z])){2,200}?\babout\b",
    re.I,
)
# An explainer's question opens with its question word (`What is causing the smog?`); a writer's aside does not
# (`So what went wrong?`, `But who will pay for it?`).
_ASKS = re.compile(
    r"^(?:what|why|how|who|whom|whose|where|when|which|is|are|was|were|do|does|did|can|could|will|would|should|has|have)\b",
    re.I,
)
# A writer's question to the reader, turned with an aside: `What, then, would work?`, `Why, after all, ...?`
_ASIDE = re.compile(
    r"^\w+,\s*(?:then|though|however|after all|in (?:short|other words)|of course|again|in turn),", re.I
)
# A question put by someone named before it: `Q: Do you ...?`, `IRNA: Why ...?`, `Q1: What ...?`
_PUT_QUESTION = re.compile(r"^[\w.&-]{1,20}\d*\s*:\s")


def _is_interview(page: _Page) -> bool:
    """A Q&A: said so, or its answers opening with who gives them (`Bakri: Geography, mostly.`), two or more."""
    if any(_INTERVIEW.search(unit) for unit in page.units if len(unit.split()) <= MAX_TEASER_WORDS * 2):
        return True
    answers = [
        match["speaker"]
        for index in page.kept()
        if (match := _SPEAKER.match(page.units[index])) and len(page.units[index].split()) > MIN_ANSWER_WORDS
    ]
    return any(answers.count(speaker) >= 2 for speaker in set(answers) - _NOT_SPEAKERS)


MIN_ANSWER_WORDS = 8
_SPEAKER = re.compile(r"^(?P<speaker>[A-Z][\w'’-]+):\s+[A-Z‘'\"“]")
_NOT_SPEAKERS = frozenset(
    "Note Update Updated Source Sources Editor Correction Clarification Photo Read Watch Listen Tagged Tags Published "
    "Explainer Analysis Opinion Comment".split()
)


_CONTRIBUTOR_NOTE = re.compile(r"^\(?(?:the )?(?:writer|author|columnist)s? (?:is|was|are)\b", re.I)


def _is_argued(page: _Page) -> bool:
    """An opinion: so typed, filed under an opinion section by a label or a breadcrumb (`Home / Opinion /
    Editorial`), or signed with a contributor's note (`The writer is a former ambassador ...`)."""
    if page.fields["article_type"] == "opinion":
        return True
    for index, removal in page.removed.items():
        if removal.rule in {"breadcrumb", "section_label"} and any(
            type_of_label(part) == "opinion" for part in re.split(r"[/›»>|]", page.units[index])
        ):
            return True
    return any(_CONTRIBUTOR_NOTE.match(unit.strip()) for unit in page.units)


_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+[A-Z‘'\"“]")
MAX_NUMBERED_SUBHEADING_WORDS = 14


MIN_CONTENTS_ENTRIES, MAX_CONTENTS_ENTRY_WORDS = 3, 14


def _remove_contents(page: _Page, body: list[int]) -> None:
    """A table of contents among the paragraphs: three or more headings on lines of their own, none a sentence,
    after a paragraph that ends one, at least one of them standing again further down as its section's heading
    (ISW's `Russian Main Effort – Eastern Ukraine`). A list the article gives is introduced by a colon, and its
    items do not come back."""
    later = {canonical_text(unit): index for index, unit in enumerate(page.units)}  # where each line last stands
    position = 1
    while position < len(body):
        run = list(itertools.takewhile(lambda index: _is_contents_entry(page.units[index]), body[position:]))
        run = run[: next((i for i in range(1, len(run)) if run[i] != run[i - 1] + 1), len(run))]  # lines in a row
        if (
            len(run) >= MIN_CONTENTS_ENTRIES
            and ends_sentence(page.units[body[position - 1]])
            and not page.units[body[position - 1]].rstrip().endswith(":")
            and any(later[canonical_text(page.units[index])] > run[-1] for index in run)
        ):
            for index in run:
                page.remove(index, "contents")
        position += len(run) + 1 if run else 1


def _is_contents_entry(unit: str) -> bool:
    return _heading_shaped(unit, MAX_CONTENTS_ENTRY_WORDS)


def _remove_numbered_subheadings(page: _Page, body: list[int]) -> None:
    """Numbered signposts between paragraphs (`1. The target assumes an economy we don't have`, `2. ...`):
    two or more, counting up, each short, none a sentence closed by a full stop, each with prose on both sides."""
    numbered = [
        (position, int(match[1]))
        for position, index in enumerate(body[1:-1], start=1)
        if (match := _NUMBERED.match(page.units[index].strip()))
        and len(page.units[index].split()) <= MAX_NUMBERED_SUBHEADING_WORDS
        and not page.units[index].rstrip().endswith(".")
        and is_prose(page.units[body[position + 1]])
    ]
    counts = [number for _, number in numbered]
    if len(numbered) >= 2 and counts == list(range(counts[0], counts[0] + len(counts))):
        for position, _ in numbered:
            page.remove(body[position], "subheading", note="numbered")


def _remove_subheadings(page: _Page, body: list[int]) -> None:
    """A short line between two paragraphs of prose, not a sentence, is a subheading (`Deeper in
    debt`, `Why Rosatom is the favourite`, an explainer's `What is causing the smog?`): the outlet's
    signpost, not the reporter's text. It is kept as a removal, so a curator who counts it as text
    restores it in one step. A question on a page that is an interview is the interviewer's, and text."""
    interview: bool | None = None
    personal: bool | None = None  # the writer speaks as "I": a question is theirs, put to the reader
    argued: bool | None = None  # an opinion: its longer questions are the writer's
    asked: list[int] = []  # questions in sentence case, between paragraphs of a page with no markup
    for position, index in enumerate(body[1:-1], start=1):
        unit = page.units[index]
        before, after = _beside_a_heading(page, body, position, -1), _beside_a_heading(page, body, position, 1)
        first = unit.strip()[:1]
        question = unit.strip().endswith("?")
        if _set_as_a_subheading(page, index, before, after):
            page.remove(index, "subheading", note="set as a heading")
            continue
        if (
            question
            and (index in page.paragraphs or _ASIDE.match(unit))
            and not (is_title_case(unit) or unit.isupper())
        ):
            continue  # a paragraph of its own in the markup, or an aside: the writer asks the reader
        if question and not is_title_case(unit) and interview is None:
            interview = _is_interview(page)
            personal = first_person_rate([page.units[i] for i in body]) >= FIRST_PERSON_OPINION
            argued = _is_argued(page)
        rhetorical = personal or (argued and len(unit.split()) >= MIN_RHETORICAL_QUESTION_WORDS)
        if question and rhetorical and not is_title_case(unit):
            continue
        if _DASHED_SUBHEADING.match(unit) and is_prose(before) and is_prose(after):
            page.remove(index, "subheading")
            continue
        if (
            len(unit.split()) <= (MAX_QUESTION_SUBHEADING_WORDS if question else MAX_SUBHEADING_WORDS)
            and not re.search(r"[.:;,!]$", unit.strip())
            and (
                not question
                or is_title_case(unit)
                or (_ASKS.match(unit) and not (interview or _PUT_QUESTION.match(unit)))
            )
            and (first.isupper() or first in "‘'\"“")
            # `By the second week, half my plan was gone.`, `Here is what we know so far:`
            and (
                is_prose(before)
                or ends_sentence(before)
                or len(before.split()) >= MIN_PROSE_WORDS  # a caption without its full stop
                or (before.rstrip().endswith(":") and first not in "‘'\"“")
            )
            and is_prose(after)
            and not _DATELINE.match(unit)
            and page.statement(index) is None
        ):
            if question and not page.paragraphs and not (is_title_case(unit) or unit.isupper()):
                asked.append(index)
            else:
                page.remove(index, "subheading")
    _remove_signpost_questions(page, asked)


def _set_as_a_subheading(page: _Page, index: int, before: str, after: str) -> bool:
    """A short line the markup sets as a heading between two paragraphs (ARY's `<h3>What happens if I do not
    pay?</h3>` over `This is the biggest change.`) is a subheading, whatever its words; an interviewer's question
    so set stays, as text."""
    unit = page.units[index]
    if index not in page.headings or len(unit.split()) > MAX_QUESTION_SUBHEADING_WORDS or unit.rstrip().endswith("."):
        return False
    if unit.strip().endswith("?") and _is_interview(page):
        return False
    return bool(before) and bool(after) and page.statement(index) is None  # `FACTBOX: KEY NUMBERS` is no dateline


def _beside_a_heading(page: _Page, body: list[int], position: int, step: int) -> str:
    """The paragraph before (or after) a line, reaching over one heading stacked on it (a report's `Humanitarian
    response` over `Shelter and non-food items`): a section's heading and its first subheading."""
    near = page.units[body[position + step]]
    far = position + 2 * step
    beyond = page.units[body[far]] if 0 <= far < len(body) else ""
    listed = any(page.units[body[i]].rstrip().endswith(":") for i in (far, position - 1) if 0 <= i < len(body))
    if _stacked_heading(near) and is_prose(beyond) and not listed:
        return beyond  # but not over a list's items, after the sentence that brings them in
    return near


def _stacked_heading(unit: str) -> bool:
    return _heading_shaped(unit, MAX_SUBHEADING_WORDS)


def _heading_shaped(unit: str, max_words: int) -> bool:
    """A heading's shape: a few words opening with a capital, no closing mark, no prose."""
    text = unit.strip()
    return (
        len(text.split()) <= max_words
        and text[:1].isupper()
        and not re.search(r"[.:;,!?]$", text)
        and not is_prose(text)
    )


def _remove_signpost_questions(page: _Page, asked: list[int]) -> None:
    """Questions set between paragraphs are an explainer's signposts when the page has others (`What has
    changed?`, `Who is affected?`, or `Why the south?` among `A pattern, not a spike`). A page's only one
    (`Why?`, `Is a lasting fix in sight?`) is the writer asking, and the next paragraph answers it."""
    signposts = len(asked) + sum(removal.rule == "subheading" for removal in page.removed.values())
    if signposts >= 2:
        for index in asked:
            page.remove(index, "subheading")


MAX_TEASER_WORDS = 30


def _remove_inline_teasers(page: _Page, body: list[int]) -> None:
    """Links to other stories set among the paragraphs: a headline in capitals (Fox News: `TRUMP WARNS IRAN
    ...`) or one trailing off (the Daily Mail: `Tourist gored by bison in Yellowstone ...`). A paragraph is
    never written in capitals, and one that trails off is a quotation or longer."""
    for index in body[1:]:
        unit = page.units[index].strip()
        words = unit.split()
        shouted = unit.isupper() and 4 <= len(words) <= MAX_TEASER_WORDS and not unit.endswith(".")
        trailing = (
            unit.endswith(("...", "…"))
            and len(words) <= MAX_TEASER_WORDS // 2
            and not re.search('["“”]', unit)
            and is_headline_like(unit.rstrip(".… "))
        )
        if shouted or trailing:
            page.remove(index, "related_links", note="a link among the paragraphs")


MIN_LINKED_HEADLINE_WORDS, MAX_LINKED_HEADLINES = 5, 4


def _remove_headline_runs(page: _Page, body: list[int]) -> None:
    """The BBC's links set between two paragraphs: two to four headlines on lines of their own (`Cost of living:
    How to save money on your food shop`, `Why are food prices still so high?`), none a sentence closed by a
    full stop, after a paragraph that ends a sentence. A subheading stands alone; a list is introduced by a colon."""
    position = 1
    while position < len(body) - 1:
        run = list(
            itertools.takewhile(
                lambda index: (
                    is_headline_like(page.units[index])
                    and len(page.units[index].split()) >= MIN_LINKED_HEADLINE_WORDS
                    and not re.search(r"[.:;,]$", page.units[index].strip())
                    and not is_prose(page.units[index])
                ),
                body[position:],
            )
        )
        after = position + len(run)
        if (
            2 <= len(run) <= MAX_LINKED_HEADLINES
            and after < len(body)
            and ends_sentence(page.units[body[position - 1]])
            and is_prose(page.units[body[after]])
        ):
            for index in run:
                page.remove(index, "related_links", note="a link among the paragraphs")
        position = after + 1 if run else position + 1


def _settle_author_names(page: _Page) -> None:
    """Authors named on lines of their own (several, each with a role) make the byline when no surer
    one was found; an agency's reporters named under its story, rather than the agency."""
    if page.author_names and page.byline_strength >= NAME_LINE:
        names = list(dict.fromkeys(page.author_names))
        page.fields["byline"] = joined_names(names)
    reporters = page.reporters
    people = bool(reporters) and not DESKS.match(reporters) and page.outlets.named(reporters.split()[0]) is None
    agency = page.outlets.named(page.fields.get("byline", "")) if people else None  # not `Reuters staff`
    if agency is not None and agency.kind == "agency":
        page.fields["byline"] = page.reporters  # `Reuters` above the story, its reporters named below it
    for name in page.co_writers:
        if page.fields.get("byline") and canonical_text(name) not in canonical_text(page.fields["byline"]):
            page.fields["byline"] = with_author(page.fields["byline"], name)


def _read_closing_lines(page: _Page, body: list[int]) -> list[int]:
    """Credits and an author's note among the last lines of the body, as in `Reporting by ...` or
    `Asad Ali` then `Asad Ali is an Islamabad based expert ...`. The last four lines are read, and above
    them any run of such notes (the AP: where one reporter filed from, then each reporter's name and note)."""
    first = max(len(body) - 4, 0)
    while first > 1 and _is_closing_note(page, page.units[body[first - 1]]):
        first -= 1
    for index in body[first:]:
        _read_credit_or_bio(page, index)
    body = [index for index in body if index not in page.removed]
    _read_signature(page, body)
    body = [index for index in body if index not in page.removed]
    # Tags left between the last paragraph and the author's note (`Transport`, `Sydney Metro`).
    while len(body) > 1 and _is_trailing_tag(page.units[body[-1]]):
        page.remove(body.pop(), "page_footer", note="a short line after the article's last paragraph")
    return body


MAX_BIO_WORDS = 80


MAX_TAG_WORDS, MAX_LOWER_CASE_TAGS_WORDS = 4, 12


def _is_trailing_tag(unit: str) -> bool:
    """A few words that end no sentence, or a run of tags in lower case (`climate change disaster management`)."""
    if ends_sentence(unit):
        return False
    words = len(unit.split())
    return words <= MAX_TAG_WORDS or (words <= MAX_LOWER_CASE_TAGS_WORDS and unit == unit.lower())


def _is_signature(unit: str) -> bool:
    """A letter's signer: a name in capitals (`FARHAN SIDDIQUI`, the Irish Times' `MARTIN REDDAN,`)."""
    name = unit.strip().rstrip(",")
    return name.isupper() and 2 <= len(name.split()) <= 4 and is_name_like(name.title())


def _is_town(unit: str) -> bool:
    return len(unit.split()) <= 3 and not ends_sentence(unit) and unit.strip()[:1].isupper()


def _read_signature(page: _Page, body: list[int]) -> None:
    """A letter's signer in capitals, perhaps with their town, under its last paragraph (`FARHAN
    SIDDIQUI` / `Karachi`), or in plain letters above a town bureaus file from (`Imtiaz Ali Shah` /
    `Hyderabad`): its author when nobody else is credited."""
    ending = body[-2:] if len(body) > 2 else []
    if not ending:
        return
    town = page.units[ending[1]].strip() if len(ending) == 2 else ""
    if _signs_the_letter(page, ending[0], ending[1] if len(ending) == 2 else None) and _is_town(town):
        _take_signature(page, ending[0], ending[1])


def _signs_the_letter(page: _Page, index: int, town: int | None) -> bool:
    """A letter's signer: a name in capitals, or in plain letters above a town bureaus file from (`Imtiaz Ali
    Shah` / `Hyderabad`) when nobody else is credited."""
    name = page.units[index].strip()
    if _is_signature(name):
        return True
    place = page.units[town].strip() if town is not None else ""
    return not page.fields.get("byline") and 2 <= len(name.split()) <= 4 and is_name_like(name) and is_place_line(place)


def _take_signature(page: _Page, index: int, town: int | None) -> None:
    """The signer is the author when nobody else is credited; their town, if one follows, goes with them."""
    if not page.fields.get("byline"):
        _offer_byline(page, page.units[index].strip().rstrip(",").title(), CREDIT)
    page.remove(index, "byline", note="the letter's signer")
    if town is not None and _is_town(page.units[town]):
        page.remove(town, "byline", note="the signer's town")


def _read_reporting_credit(page: _Page, unit: str) -> None:
    """`(Reporting by A in Amman and B in Damascus; Editing by C)`: A and B reported the story; `This piece was
    co-written with B, an economist ...`: B wrote it too."""
    co_writer = CO_WRITTEN.match(unit)
    if co_writer:
        page.co_writers.append(co_writer["name"])
    reporting = REPORTING_BY.match(unit)
    if reporting:
        page.reporters = clean_byline(reporting["names"].strip())
        _offer_byline(page, page.reporters, CREDIT)


def _is_closing_note(page: _Page, unit: str) -> bool:
    """A credit or an author's note, as _read_credit_or_bio reads them."""
    if WIRE_CREDITS.match(unit) or surname_note(unit, page.fields.get("byline", "")):
        return True
    return _authors_note(unit) is not None


def _authors_note(unit: str) -> re.Match[str] | None:
    """An author's note (`Asad Ali is an Islamabad based expert ...`, `(The author is ...)`): its opening, which
    names the author."""
    bio = BIO_START.match(unit.lstrip("( "))
    return bio if bio and BIO_WORDS.search(unit) and len(unit.split()) <= MAX_BIO_WORDS else None


def _credited_authors_note(page: _Page, unit: str) -> re.Match[str] | None:
    """A note on an author the byline credits (`Niamh Costello is a housing solicitor in Leeds ...`), whatever
    their trade: a reporter never writes of themselves so in the article."""
    bio = BIO_START.match(unit.lstrip("( ")) or _APPOSITIVE_NOTE.match(unit.lstrip("( "))
    if bio is None or len(unit.split()) > MAX_BIO_WORDS or not page.fields.get("byline"):
        return None
    return bio if _credits(page, bio["name"]) else None


def _credits(page: _Page, name: str) -> bool:
    """Whether the byline names this person among its authors."""
    byline = page.fields.get("byline", "")
    return bool(byline) and canonical_text(name) in {canonical_text(author) for author in split_names(byline)}


# The Conversation's disclosure: `Ayesha Qureshi receives funding from ...`
_FUNDING_NOTE = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s+(?:receives|has received)\s+funding from\b"
)
# An outlet describing itself under a story it supplied: `The Indo-Asian News Service (IANS) is India's largest ...`
_OUTLET_ABOUT = re.compile(
    r"^(?:the )?(?P<name>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,5})(?:\s+\((?P<short>[A-Z]{2,8})\))?\s+is\s+"
    r"(?:a|an|the|one of|[A-Z][\w'’]*['’]s)\s(?:[\w'’,-]+\s){0,8}?(?:news|agency|service|newspaper|broadcaster|"
    r"institution|organi[sz]ation|publication|media|outlet|network|magazine|website|think[- ]tank|publisher)\b"
)
# `Jonathan Reyes, a retired Army colonel, commanded ...`: a credited author, who they are, then what they did
_APPOSITIVE_NOTE = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+),\s+(?:an?|the)\s+[^,]{2,80},\s+[a-z]+"
)
_PAST_CAREER = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s+(?:taught|served|worked|headed|spent)\b"
)


def _note_under_a_name(page: _Page, index: int) -> re.Match[str] | None:
    """An author box: the writer's name on its line, then their career in the past tense (`Helen Okafor` /
    `Helen Okafor taught secondary mathematics ...`) under `About the author`."""
    unit = page.units[index]
    note = _PAST_CAREER.match(unit)
    above = page.removed.get(index - 2)
    labelled = above is not None and re.match(r"^about the (author|writer)s?\s*:?$", above.text.strip(), re.I)
    if note is None or not labelled or len(unit.split()) > MAX_BIO_WORDS * 2 or index < 1:  # a box says more
        return None
    return note if canonical_text(page.units[index - 1]) == canonical_text(note["name"]) else None


def _organisation_box(page: _Page, index: int) -> bool:
    """An organisation's box under the article: its name on a line, then `The University of Copenhagen is the
    oldest university ...`. Neither is the article, nor an author's note."""
    if len(page.units[index].split()) > MAX_BIO_WORDS or not ORGANISATION.search(page.units[index]):
        return False
    previous = _kept_neighbour(page, index, -1)
    if previous is None:
        return False
    name = page.units[previous].strip()
    if not ORGANISATION.search(name) or len(name.split()) > MAX_TAG_WORDS + 2:
        return False
    if not re.match(rf"(?:the\s+)?{re.escape(name)}\s+(?:is|was|are|has been)\b", page.units[index].strip(), re.I):
        return False
    page.remove(previous, "page_footer", note="the author organisation's name")
    page.remove(index, "page_footer", note="the author organisation's description")
    return True


_SIGNED_WITH_A_DASH = re.compile(r"^\s*[—–-]\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}\s*$")


def _read_credit_or_bio(page: _Page, index: int) -> bool:
    unit = page.units[index]
    fields = page.fields
    if WIRE_CREDITS.match(unit):
        page.remove(index, "wire_credits")
        _read_reporting_credit(page, unit)
        return True
    note = surname_note(unit, fields.get("byline", ""))
    if note:  # a staff reporter's note, kept as a removal: it makes no opinion of an agency's story
        page.remove(index, note, note="a note on a credited reporter")
        return True
    if _organisation_box(page, index):
        return True
    funded = _FUNDING_NOTE.match(unit.strip())
    if funded and _credits(page, funded["name"]):
        page.remove(index, "disclaimer", note="the author's disclosure")  # The Conversation's, under the article
        return True
    about = _OUTLET_ABOUT.match(unit.strip())
    if about and any(page.outlets.named(about[part] or "") is not None for part in ("name", "short")):
        page.remove(index, "page_footer", note="the outlet describing itself")  # `IPS is a communication ...`
        return True
    if page.kept()[-1:] == [index] and contributor_note(unit, fields.get("byline", "")):
        _keep_as_bio(page, index)  # TIME's `Raman is a climate scientist at ...` under the article
        return True
    bio = _authors_note(unit) or _credited_authors_note(page, unit) or _note_under_a_name(page, index)
    if bio is None:
        return False
    if page.outlets.named(bio["name"]) is not None:
        page.remove(index, "page_footer", note="the outlet describing itself")  # `The Associated Press is ...`
        return True
    _keep_as_bio(page, index)
    name = bio["name"]
    previous = max((i for i in range(index) if i not in page.removed), default=None)
    above = page.removed.get(index - 1)
    if index > 0 and above is not None and above.rule == "page_footer":
        previous = index - 1  # the writer's name, read as the page's under the article: the note says whose
    if previous is not None and canonical_text(page.units[previous]) == canonical_text(name):
        page.remove(previous, "byline")
    elif previous is not None and name.lower().startswith("the ") and _is_name_like_byline(page, previous):
        _offer_byline(page, clean_byline(page.units[previous]), CREDIT)  # "Ayesha Khan" then "The writer is ..."
        page.remove(previous, "byline")
    elif previous is not None and name.lower().startswith("the ") and _SIGNED_WITH_A_DASH.match(page.units[previous]):
        _offer_byline(page, page.units[previous].strip().lstrip("—–- ").strip(), CREDIT)  # "— Khalid Qazi"
        page.remove(previous, "byline")
    if not name.lower().startswith("the "):
        _offer_byline(page, name, CREDIT)
    return True


_DATELINE_DAY = re.compile(
    rf"^[A-Z][A-Za-z'’. -]{{1,40}},\s+(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+"
    r"(?P<day>[0-3]?\d)\s*\(",
    re.I,
)
MAX_DATELINE_DAYS_BEFORE = 31  # how long before the top of the page's day an agency's dateline may be


def _read_dateline(page: _Page, first_paragraph: str) -> None:
    day = _DATELINE_DAY.match(first_paragraph)
    if day and 1 <= int(day["day"]) <= 31:
        page.dateline_day = (MONTHS[day["month"].lower()], int(day["day"]))
    dateline = _DATELINE.match(first_paragraph)
    if dateline and dateline["place"].lower() not in _NOT_A_DATELINE:
        place = dateline["place"]
        page.fields["dateline"] = place.title() if place.isupper() else place
    agency = _AGENCY_IN_DATELINE.match(first_paragraph)
    if agency and DESKS.match(agency["agency"].strip()):
        _offer_byline(page, agency["agency"].strip(), CREDIT)  # "ISLAMABAD (Web Desk) – ...": the desk wrote it
    elif agency:
        page.clues.append(OutletClue(Clue.AGENCY_CREDIT, agency["agency"].strip(), first_paragraph[:80]))
        page.dateline_agency = agency["agency"].strip()
    byline = page.fields.get("byline", "")
    if byline and page.outlets.named(byline) is not None:
        page.clues.append(OutletClue(Clue.AGENCY_CREDIT, byline, byline))
    elif byline and DESK_WORD.search(byline):
        desk_of = page.outlets.mentioned_in(byline)
        if desk_of is not None:
            page.clues.append(OutletClue(Clue.DESK_CREDIT, desk_of.name, byline))


def _choose_date(page: _Page) -> None:
    """The publication date, by rank: the article header's published date (1), the markup's (1.5), a
    date right above the headline (2), the print footer's or a "first published on" line below the
    article (3), the header's updated date (3.5), a date at the top of the page (5), a blog's date under
    its post's tags (5.5), the date in a URL's path on the page (6)."""
    for unit in page.units:
        for url in _URL_IN_TEXT.findall(unit):
            date = url_date(url)
            if date is not None:
                page.published.append((6, DateStatement(date, None, url[:300])))
    if not page.published:
        return
    rank, statement = min(page.published, key=lambda item: item[0])
    date = statement.published or statement.updated
    if date is None:
        return
    shown = _shown_day_of_a_universal_time(page, rank, statement, date)
    if shown is not None:
        rank, statement, date = shown
    if rank >= 5 and page.dateline_day and date.date is not None:
        filed = _dateline_date(page.dateline_day, date.date)
        if filed is not None:  # the agency's dateline, not the day the page was saved at its top
            page.fields.update(published=PartialDate(filed, DatePrecision.DAY), date_order_from_page=True)
            page.fields["published_text"] = f"{filed:%b} {filed.day} (dateline; year from: {statement.phrase})"[:300]
            return
    if statement.numeric and not page.order_from_page and date.date is not None:
        swapped = _swapped(date)
        others = {other.date.date for _, other in page.published if other is not statement and other.date}
        if swapped is not None and swapped.date in others and date.date not in others:
            date = swapped  # the other reading of 05/02/2024 is the date the page gives elsewhere
    page.fields["published"] = date
    page.fields["published_text"] = statement.phrase[:300]
    page.fields["date_order_from_page"] = page.order_from_page or not statement.numeric


_UNIVERSAL_TIME = re.compile(r"T\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]00:?00)$")


def _shown_day_of_a_universal_time(
    page: _Page, rank: float, markup: DateStatement, date: PartialDate
) -> tuple[float, DateStatement, PartialDate] | None:
    """The markup's time in UTC (`2024-02-17T21:45:00Z`) falls on the day before or after the one the page shows
    above its headline (`February 18, 2024 - 01:15`, Tehran): the reader's day is the page's."""
    if rank != 1.5 or not _UNIVERSAL_TIME.search(markup.phrase) or date.date is None:
        return None
    for other_rank, other in page.published:
        day = other.published
        if other_rank == 2 and day is not None and day.date is not None and abs((day.date - date.date).days) == 1:
            return other_rank, other, day
    return None


def _dateline_date(month_day: tuple[int, int], later: datetime.date) -> datetime.date | None:
    """The day of a dateline without a year (`Mar 12`), in the year that puts it on or shortly before `later`."""
    for year in (later.year, later.year - 1):
        try:
            filed = datetime.date(year, *month_day)
        except ValueError:
            continue
        if datetime.timedelta(0) <= later - filed <= datetime.timedelta(days=MAX_DATELINE_DAYS_BEFORE):
            return filed
    return None


def _swapped(date: PartialDate) -> PartialDate | None:
    try:
        return dataclasses.replace(date, date=date.date.replace(month=date.date.day, day=date.date.month))
    except ValueError:
        return None


_URL_IN_TEXT = re.compile(r"https?://\S+")
_URL_PATH_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>0?[1-9]|1[0-2])[/-](?P<day>0?[1-9]|[12]\d|3[01])(?=[/-]|$)"
    # NHK's `/news/20241003_21/`, Xinhua's `/20231005/`
    r"|/(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])[_/]"
)


def url_date(url: str) -> PartialDate | None:
    """The date in a URL's path, as many outlets write it: `/2024/01/18/...`."""
    match = _URL_PATH_DATE.search(urlsplit(url).path)
    if not match:
        return None
    try:
        year, month, day = match.group("year", "month", "day") if match["year"] else match.group("y", "m", "d")
        date = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return PartialDate(date, DatePrecision.DAY)


def _read_type(page: _Page, body: list[str]) -> None:
    """A think tank's piece republished is an analysis; a writer speaking as "I" writes an opinion."""
    if page.fields["article_type"] != "news":
        return
    if page.from_institution:
        page.fields["article_type"] = "analysis"
    elif "dateline" not in page.fields and first_person_rate(body) >= FIRST_PERSON_OPINION:
        page.fields["first_person"] = True  # an opinion, unless its outlet says otherwise (see with_outlet)


# A writer speaking as "I" outside quotations, at least once in 150 words, writes an opinion (a news
# report's "I" stands in quotes: someone else speaking).
FIRST_PERSON_OPINION = 1 / 150
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|myself)\b")


def first_person_rate(paragraphs: Sequence[str]) -> float:
    """How often the writer says I, me or my outside quotations, per word."""
    text = _QUOTED.sub(" ", " ".join(paragraphs))
    words = len(text.split())
    return len(_FIRST_PERSON.findall(text)) / words if words else 0.0


def _assemble(
    units: list[str], body_indexes: list[int], removed: dict[int, Removal], *, headline: int | None = None
) -> tuple[str, list[Removal]]:
    """Join the body; each removal gets the body offset of the paragraph that followed it. The
    headline's line is the title; every other line not in the body is a removal."""
    body_set = set(body_indexes)
    parts: list[str] = []
    removals: list[Removal] = []
    next_paragraph_at = 0
    for index, unit in enumerate(units):
        if index in body_set:
            parts.append(unit)
            next_paragraph_at += len(unit) + 2
        elif index in removed:
            removals.append(dataclasses.replace(removed[index], body_offset=next_paragraph_at))
        elif index != headline:
            removals.append(Removal("page_footer", unit, body_offset=next_paragraph_at))
    body = "\n\n".join(parts)
    return body, [dataclasses.replace(r, body_offset=min(r.body_offset, len(body))) for r in removals]
