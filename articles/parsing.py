"""Pure: the text of a saved page, an HTML page or an export record -> ParsedArticle. No Django.

Plain text is read as a web page saved as text: an optional header (headline, repeats of it,
standfirst, masthead, section and date line, byline, photo captions), the article's paragraphs,
and page furniture around them. Every input line ends up in the title, a metadata field, the
body, or a `Removal` that names the rule which took it out of the body, so nothing is lost and
a curator can put any removal back.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import yaml

from archive.common.dates import UNKNOWN_DATE, DatePrecision, PartialDate, find_date_line, partial_date
from archive.common.sentences import split_sentences
from articles.cleaning import (
    canonical_text,
    classify_line,
    is_list_item,
    normalise_text,
    outlet_named_in,
    repeated_paragraphs,
)
from articles.limits import DEFAULT_LIMITS, ImportLimits, expanded_size, storable_value

MAX_TITLE_LENGTH = 300  # a first line longer than this is a paragraph, not a headline
HEADER_SCAN_UNITS = 14  # how far below the headline header lines (date, byline...) are looked for


class ParseError(ValueError):
    """The input cannot become an article; the message says why in one line."""


@dataclass(frozen=True)
class Removal:
    """Text kept out of the body, the rule that did it, and where in the body it stood."""

    rule: str
    text: str
    body_offset: int = 0
    note: str = ""


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    body: str
    summary: str = ""
    byline: str = ""
    author_bio: str = ""
    outlet: str = ""  # the outlet's name as the text or metadata gives it
    outlet_url: str = ""
    section: str = ""
    published: PartialDate = UNKNOWN_DATE
    dateline: str = ""  # the place a report is filed from: "Islamabad:"
    url: str = ""
    language: str = ""
    article_type: str = "news"
    title_derived: bool = False  # the text had no headline; the title is its first sentence
    removals: tuple[Removal, ...] = ()
    metadata_fields: frozenset[str] = frozenset()  # fields a curator's metadata supplied

    @property
    def captions(self) -> list[Removal]:
        return [removal for removal in self.removals if removal.rule == "photo_caption"]


# --- Header, footer and caption patterns ------------------------------------------------------

_TYPE_LABELS = [
    (re.compile(r"\s*[-–—|:]\s*(op-?ed|opinion|comment|column|editorial|blog)\s*$", re.I), "opinion"),
    (re.compile(r"^\s*(op-?ed|opinion|comment|column|editorial)\s*[:|–—-]\s*", re.I), "opinion"),
    (re.compile(r"\s*[-–—|:]\s*(analysis|explainer|long read)\s*$", re.I), "analysis"),
    (re.compile(r"^\s*(analysis|explainer|news analysis)\s*[:|–—-]\s*", re.I), "analysis"),
]
_TITLE_OUTLET_SUFFIX = re.compile(r"\s+\|\s+(?P<outlet>[^|]{2,40})$")
_BYLINE = re.compile(
    r"^(?:by|written by|author|authors|reporter|story by|report by)\s*[:\-–]?\s+(?P<name>[^\d].{1,120})$",
    re.I,
)
_CAPTION_CREDIT = [
    re.compile(
        r"\((?:photo|photos|image|picture|pic|file photo|file|credit|courtesy|source)\s*(?:by|:|/|-)?\s*"
        r"(?P<credit>[^)]{2,80})\)\s*\.?$",
        re.I,
    ),
    re.compile(r"^(?:photo|image|picture|file photo|pic)\s*(?:by|:|/|–|-)\s*(?P<credit>.{2,80})$", re.I),
    re.compile(r"[-–—|]\s*(?:photo|image|picture)\s*(?:by|:|/)\s*(?P<credit>[^.]{2,60})\.?$", re.I),
    re.compile(r"\s[-–—|/]\s*(?P<credit>(?:AFP|Reuters|AP|Getty Images|EPA|Anadolu|Xinhua|PPI|APP)[\w ./]*)$"),
]
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'’.]+(?:[ -][A-Z][A-Za-z'’.]+){0,2})"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?P<agency>[A-Za-z .&]{2,20})\))?\s*(?::|\s(?:--|[-–—]))\s+\S"
)
_NOT_A_DATELINE = frozenset(
    "update updated note editor breaking watch read photo video opinion analysis exclusive live also related "
    "share advertisement comment comments correction disclaimer warning source sources".split()
)
_BIO_START = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+|the (?:writer|author|columnist|contributor))\s+"
    r"(?:is|was|has been|writes|works|teaches|heads|serves|covers|reports)\b",
    re.I,
)
_BIO_WORDS = re.compile(
    r"\b(expert|analyst|journalist|writer|author|columnist|correspondent|reporter|researcher|professor|"
    r"lecturer|editor|fellow|scholar|student|freelance|based|contributor|reached|e-?mail|twitter|"
    r"commentator|practitioner|retired|diplomat|former)\b|@",
    re.I,
)
_WIRE_CREDITS = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced)(?: and \w+)? by\b.{0,200}$", re.I
)
_REPORTING_BY = re.compile(
    r"^\(?(?:reporting|writing)(?: and \w+)? by\s+(?P<names>[^;()]+?)(?:\s+in\s+[A-Z][\w ]+)?\s*(?:[;)]|$)", re.I
)
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+$")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?]['\"”’)]*$")


def parse_text(text: str, *, known_title: str = "") -> ParsedArticle:
    """Read plain text saved from a web page. With `known_title` (from metadata) no headline is sought."""
    units = paragraphs(text)
    if not units:
        raise ParseError("no text, only white space")
    removed: dict[int, Removal] = {}
    outlet_hints = _remove_boilerplate(units, removed)
    _remove_captions(units, removed)

    fields: dict[str, Any] = {"article_type": "news"}
    kept = [index for index in range(len(units)) if index not in removed]
    if not kept:
        raise ParseError("no body text left after removing page furniture")
    title, title_derived, body_start = _find_title(units, kept, known_title, fields)
    fields.update(title=title, title_derived=title_derived)
    body_start = _read_header(units, kept, body_start, title, removed, fields)
    body_indexes = [index for index in kept if index >= body_start and index not in removed]
    _read_footer(units, body_indexes, removed, fields)
    body_indexes = [index for index in body_indexes if index not in removed]
    _remove_repeats(units, body_indexes, removed)
    body_indexes = [index for index in body_indexes if index not in removed]
    if not body_indexes:
        raise ParseError("no body text after the title once page furniture is removed")

    dateline = _DATELINE.match(units[body_indexes[0]])
    if dateline and dateline["place"].lower() not in _NOT_A_DATELINE:
        fields["dateline"] = dateline["place"].title() if dateline["place"].isupper() else dateline["place"]
    if not fields.get("outlet") and outlet_hints:
        fields["outlet"] = outlet_hints[0]

    body, removals = _assemble(units, body_indexes, removed)
    return ParsedArticle(body=body, removals=tuple(removals), **fields)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a text: one per line, except hard-wrapped blocks, whose lines are joined."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", normalise_text(text)):
        lines = [" ".join(line.split()) for line in block.split("\n") if line.strip()]
        units.extend([" ".join(lines)] if _is_hard_wrapped(lines) else lines)
    return [unit for unit in units if unit]


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    """A block typed with line breaks inside its sentences (e-mail, plain-text exports).

    Its lines run to a similar width without ending a sentence, and most continuation lines
    start in lower case; headlines, repeated lines and lists never look like that.
    """
    if len(lines) < 2 or any(is_list_item(line) for line in lines):
        return False
    if any(canonical_text(a) == canonical_text(b) for a, b in itertools.pairwise(lines)):
        return False
    open_lines = [line for line in lines[:-1] if 30 <= len(line) <= 100 and not _SENTENCE_PUNCTUATION.search(line)]
    continuations = [line for line in lines[1:] if not line[:1].isupper()]
    return len(open_lines) >= 0.75 * (len(lines) - 1) and len(continuations) >= 0.5 * (len(lines) - 1)


def _remove_boilerplate(units: list[str], removed: dict[int, Removal]) -> list[str]:
    outlet_hints = []
    taking_list_for = None
    for index, unit in enumerate(units):
        if taking_list_for and (is_list_item(unit) or _looks_like_link_title(unit)):
            removed[index] = Removal(taking_list_for, unit)
            continue
        taking_list_for = None
        rule = classify_line(unit)
        if rule is None:
            continue
        removed[index] = Removal(rule.name, unit)
        if rule.takes_list:
            taking_list_for = rule.name
        outlet = outlet_named_in(unit)
        if outlet:
            outlet_hints.append(outlet)
    return outlet_hints


def _looks_like_link_title(unit: str) -> bool:
    """A headline in a link list: short and without a full stop at the end."""
    return len(unit.split()) <= 20 and not unit.rstrip().endswith(".")


def _remove_captions(units: list[str], removed: dict[int, Removal]) -> None:
    for index, unit in enumerate(units):
        if index in removed or len(unit.split()) > 60:
            continue
        for pattern in _CAPTION_CREDIT:
            match = pattern.search(unit)
            if match:
                removed[index] = Removal("photo_caption", unit, note=match["credit"].strip(" .)"))
                break


def _is_paragraph(unit: str) -> bool:
    words = len(unit.split())
    return len(unit) > MAX_TITLE_LENGTH or words >= 30 or (words >= 12 and len(split_sentences(unit)) >= 2)


def _find_title(units: list[str], kept: list[int], known_title: str, fields: dict[str, Any]) -> tuple[str, bool, int]:
    """The headline, whether it had to be derived, and the index where the header continues."""
    if known_title:
        return _clean_title(known_title, fields), False, kept[0]
    first = kept[0]
    if _is_paragraph(units[first]):
        sentence = split_sentences(units[first])[0]
        title = textwrap.shorten(sentence, MAX_TITLE_LENGTH, placeholder=" …")
        return title, True, first
    return _clean_title(units[first], fields), False, first + 1


def _clean_title(title: str, fields: dict[str, Any]) -> str:
    """Take type labels (`– OpEd`, `Analysis:`) and a trailing `| Outlet` off a headline."""
    for pattern, article_type in _TYPE_LABELS:
        stripped = pattern.sub("", title)
        if stripped != title and stripped.strip():
            fields["article_type"] = article_type
            title = stripped
    outlet = _TITLE_OUTLET_SUFFIX.search(title)
    if outlet:
        fields["outlet"] = outlet["outlet"].strip()
        title = title[: outlet.start()]
    return title.strip()


def _read_header(
    units: list[str],
    kept: list[int],
    start: int,
    title: str,
    removed: dict[int, Removal],
    fields: dict[str, Any],
) -> int:
    """Consume the lines between the headline and the body; return where the body starts."""
    title_key = canonical_text(title)
    candidates = [index for index in kept if start <= index < start + HEADER_SCAN_UNITS]
    body_start = start
    for position, index in enumerate(candidates):
        unit = units[index]
        kind, note = _header_kind(unit, title_key, fields)
        if kind is None and _is_paragraph(unit) and not fields.get("summary"):
            following = candidates[position + 1 : position + 4]
            if any(_header_kind(units[i], title_key, dict(fields))[0] for i in following):
                kind = "standfirst"
                fields["summary"] = unit
        if kind is None:
            break
        removed[index] = Removal(kind, unit, note=note)
        body_start = index + 1
    return body_start


def _header_kind(unit: str, title_key: str, fields: dict[str, Any]) -> tuple[str | None, str]:
    """What a header line is and a note on it, recording what it says in `fields`.

    (None, "") means the line belongs to the body.
    """
    if canonical_text(unit) == title_key or canonical_text(_clean_title(unit, {})) == title_key:
        return "title_repeat", ""
    byline = _BYLINE.match(unit)
    if byline and len(unit.split()) <= 14:
        fields.setdefault("byline", _clean_byline(byline["name"]))
        return "byline", ""
    date_line = find_date_line(unit)
    if date_line:
        if date_line.label in {"updated", "last updated", "modified"}:
            return "date_line", f"updated {date_line.date.date}"
        if fields.get("published", UNKNOWN_DATE).precision == DatePrecision.UNKNOWN:
            fields["published"] = date_line.date
        byline_in_rest = _BYLINE.match(date_line.rest)
        if byline_in_rest:
            fields.setdefault("byline", _clean_byline(byline_in_rest["name"]))
        elif date_line.rest and not fields.get("section"):
            fields["section"] = date_line.rest
        return "date_line", str(date_line.date.date)
    if _is_masthead(unit):
        if not fields.get("outlet"):
            fields["outlet"] = unit.strip()
            return "masthead", ""
        if not fields.get("section"):
            fields["section"] = unit.strip()
            return "section_label", ""
    return None, ""


def _is_masthead(unit: str) -> bool:
    """A site or section name on a line of its own: one to three words, no sentence punctuation."""
    words = unit.split()
    return (
        1 <= len(words) <= 3
        and not any(character.isdigit() for character in unit)
        and not re.search(r"[.,:;!?\"“”]", unit)
        and all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    )


def _clean_byline(name: str) -> str:
    return re.sub(r"\s*[|,–—-]\s*$", "", name.strip()).strip()


def _read_footer(units: list[str], body: list[int], removed: dict[int, Removal], fields: dict[str, Any]) -> None:
    """Credits at the end: `Reporting by ...; Editing by ...`, or an author block such as
    `Asad Ali` then `Asad Ali is an Islamabad based expert ...`."""
    for index in body[-3:]:
        if _WIRE_CREDITS.match(units[index]):
            removed[index] = Removal("wire_credits", units[index])
            reporting = _REPORTING_BY.match(units[index])
            if reporting and not fields.get("byline"):
                fields["byline"] = reporting["names"].strip()
    body = [index for index in body if index not in removed]
    for position in range(len(body) - 1, max(len(body) - 4, 0) - 1, -1):
        index = body[position]
        unit = units[index]
        bio = _BIO_START.match(unit)
        if not (bio and _BIO_WORDS.search(unit) and len(unit.split()) <= 60):
            continue
        fields["author_bio"] = unit
        removed[index] = Removal("author_bio", unit)
        name = bio["name"]
        previous = units[body[position - 1]] if position > 0 else ""
        if previous and _NAME_LINE.match(previous) and canonical_text(previous) == canonical_text(name):
            removed[body[position - 1]] = Removal("byline", previous)
        if not name.lower().startswith("the ") and not fields.get("byline"):
            fields["byline"] = name
        return


def _remove_repeats(units: list[str], body: list[int], removed: dict[int, Removal]) -> None:
    for position, rule in repeated_paragraphs([units[index] for index in body]).items():
        removed[body[position]] = Removal(rule, units[body[position]])


def _assemble(units: list[str], body_indexes: list[int], removed: dict[int, Removal]) -> tuple[str, list[Removal]]:
    """Join the body; each removal gets the body offset of the paragraph that followed it."""
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
    body = "\n\n".join(parts)
    return body, [dataclasses.replace(r, body_offset=min(r.body_offset, len(body))) for r in removals]


# --- Metadata: front matter, sidecar files, export records -----------------------------------

METADATA_FIELDS = {
    "title": "title",
    "url": "url",
    "published": "published",
    "date": "published",
    "source": "outlet",
    "outlet": "outlet",
    "source_url": "outlet_url",
    "author": "byline",
    "byline": "byline",
    "language": "language",
    "type": "article_type",
    "section": "section",
    "summary": "summary",
}
ARTICLE_TYPES = {"news", "opinion", "analysis"}
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, *, limits: ImportLimits = DEFAULT_LIMITS) -> tuple[dict[str, Any], str]:
    """YAML between `---` lines at the very top of a text file, and the text after it."""
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return {}, text
    metadata = load_metadata(match["yaml"], what="front matter", first_line=2, limits=limits)
    return metadata, text.replace("\r\n", "\n")[match.end() :]


class MetadataLoader(yaml.SafeLoader):
    """YAML as metadata needs it: dates stay text (partial_date reads them, and refuses 2025-02-31
    with a message rather than an exception), and a document whose aliases could expand into
    gigabytes (an alias bomb) is refused while it is read."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    max_aliases = DEFAULT_LIMITS.max_yaml_aliases

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases_read = getattr(self, "aliases_read", 0) + 1
            if self.aliases_read > self.max_aliases:
                raise ParseError(f"more than {self.max_aliases} YAML aliases")
        return super().compose_node(parent, index)


def load_metadata(
    source: str, *, what: str, first_line: int = 1, limits: ImportLimits = DEFAULT_LIMITS
) -> dict[str, Any]:
    """Parse YAML (JSON is YAML too) metadata into a mapping, with a one-line error; characters
    PostgreSQL cannot store are taken out.

    `first_line` is the file's line number of the source's first line, for error messages.
    """
    loader = None
    try:
        loader = MetadataLoader(source)  # reads the first characters, so may fail already
        loader.max_aliases = limits.max_yaml_aliases
        data = loader.get_single_data()
    except ParseError as exc:
        raise ParseError(f"{what}: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + first_line}" if mark else ""
        raise ParseError(f"{what}: invalid YAML{where}") from exc
    except (ValueError, OverflowError, RecursionError) as exc:
        raise ParseError(f"{what}: invalid YAML ({type(exc).__name__})") from exc
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParseError(f"{what}: expected key: value pairs, not {type(data).__name__}")
    if expanded_size(data, limit=limits.max_metadata_characters) > limits.max_metadata_characters:
        raise ParseError(f"{what}: more than {limits.max_metadata_characters:,} characters once its aliases expand")
    return storable_value(data)[0]


def apply_metadata(
    parsed: ParsedArticle, metadata: Mapping[str, Any], *, what: str, limits: ImportLimits = DEFAULT_LIMITS
) -> ParsedArticle:
    """What a curator supplied wins over what the parser guessed."""
    changes: dict[str, Any] = {}
    for key, value in metadata.items():
        target = METADATA_FIELDS.get(str(key).lower())
        if target is None:
            known = ", ".join(sorted(METADATA_FIELDS))
            raise ParseError(f"{what}: unknown field {key!r} (known: {known})")
        if value is None or value == "":
            continue
        changes[target] = _metadata_value(target, value, what=what, limits=limits)
    if "title" in changes:
        changes["title_derived"] = False
    changes["metadata_fields"] = parsed.metadata_fields | {name for name in changes if name != "title_derived"}
    return dataclasses.replace(parsed, **changes)


def _metadata_value(target: str, value: Any, *, what: str, limits: ImportLimits) -> Any:
    if target == "published":
        date = partial_date(value)
        if date is None:
            raise ParseError(f"{what}: published {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
        if limits.date_problem(date.date):
            raise ParseError(f"{what}: published {limits.date_problem(date.date)}")
        return date
    if target in {"url", "outlet_url"}:
        url = str(value).strip()
        if urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).netloc:
            raise ParseError(f"{what}: {target} {url!r} is not an http(s) URL")
        return url
    if target == "article_type":
        article_type = str(value).strip().lower()
        if article_type not in ARTICLE_TYPES:
            raise ParseError(f"{what}: type {value!r} is not one of {', '.join(sorted(ARTICLE_TYPES))}")
        return article_type
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value).strip()


# --- Export records and HTML ------------------------------------------------------------------

_RECORD_TEXT_KEYS = ("text", "body", "content", "article", "full_text")
_RECORD_ALIASES = {
    "headline": "title",
    "link": "url",
    "published_at": "published",
    "publish_date": "published",
    "pub_date": "published",
    "publication_date": "published",
    "authors": "author",
    "publisher": "source",
    "media_name": "source",
    "site": "source",
    "site_name": "source",
    "source_name": "source",
    "lang": "language",
    "description": "summary",
    "category": "section",
}


def parse_record(record: Any, *, what: str, limits: ImportLimits = DEFAULT_LIMITS) -> ParsedArticle:
    """One article of a JSON/JSON Lines export: fields such as title, url, published, author, source, text."""
    if not isinstance(record, dict):
        raise ParseError(f"{what}: expected an object, not {type(record).__name__}")
    text_key = next(
        (key for key in _RECORD_TEXT_KEYS if isinstance(record.get(key), str) and record[key].strip()), None
    )
    if text_key is None:
        raise ParseError(f"{what}: no text (looked for {', '.join(_RECORD_TEXT_KEYS)})")
    metadata = {}
    for key, value in record.items():
        if key in _RECORD_TEXT_KEYS or key in {"id", "_id", "guid"}:
            continue
        name = _RECORD_ALIASES.get(key, key)
        if name in METADATA_FIELDS:
            metadata[name] = value.get("name", "") if isinstance(value, dict) else value
    title = str(metadata.get("title") or "").strip()
    parsed = parse_text(record[text_key], known_title=title)
    return apply_metadata(parsed, metadata, what=what, limits=limits)


def parse_html(html: str, *, what: str, limits: ImportLimits = DEFAULT_LIMITS) -> ParsedArticle:
    """The article in an HTML page, found by trafilatura, then cleaned like plain text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        raise ParseError(f"{what}: no article text found in the HTML")
    parsed = parse_text(document.text, known_title=document.title or "")
    metadata: dict[str, Any] = {
        "url": document.url if document.url and document.url.startswith("http") else None,
        "published": document.date,
        "source": document.sitename,
        "author": document.author,
        "language": document.language,
    }
    if document.description and not parsed.summary:
        metadata["summary"] = document.description
    return apply_metadata(parsed, {k: v for k, v in metadata.items() if v}, what=what, limits=limits)


def parse_json_document(text: str, *, what: str) -> list[Any]:
    """The records of a .json file: one object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"{what}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    return data if isinstance(data, list) else [data]
