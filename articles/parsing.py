"""Pure: what a curator's metadata and the page's own clues settle about a parsed article. No Django.

The text of a saved page is read by articles/layout.py, an HTML page by articles/html_pages.py, an
export's record by articles/records.py; each gives a `ParsedArticle`. Metadata (front matter, a
sidecar file, an export record's fields) then wins over what the parser guessed, and `with_outlet`
settles the outlet from every clue the page gave, which in turn settles how a figures-only date is
read (month first for an outlet in the United States) and the type of a signed piece.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import yaml

from archive.common.dates import partial_date, read_date_statement
from articles.bylines import DESKS, NEWSROOM_WORD
from articles.languages import article_language
from articles.layout import MAX_TITLE_LENGTH, paragraphs, parse_text, url_date
from articles.limits import DEFAULT_LIMITS, ImportLimits, expanded_size, storable_value
from articles.outlets import Clue, OutletClue, OutletIndex, identify, name_key
from articles.parsed import ParsedArticle, ParseError, Removal

__all__ = [
    "MAX_TITLE_LENGTH", "ParseError", "ParsedArticle", "Removal", "apply_metadata", "load_metadata", "paragraphs",
    "parse_text", "split_front_matter", "with_language", "with_outlet",
]  # fmt: skip

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
        if target == "published":
            changes["published_text"] = str(value).strip()[:300]
            changes["date_order_from_page"] = True
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


def with_outlet(parsed: ParsedArticle, outlets: OutletIndex) -> ParsedArticle:
    """The article with its outlet identified from every clue (metadata's first), a figures-only date
    read as its outlet writes dates, and its type when nothing labelled it: a think tank's piece is an
    analysis, a signed piece (an author's note) an opinion (an analysis at a magazine), and so is a piece
    whose writer speaks as "I"."""
    author = name_key(parsed.byline) if parsed.byline else ""
    # A copyright line in the author's own name (a newsletter's, a blog's) names no outlet.
    clues = [
        clue for clue in parsed.outlet_clues if not (clue.kind == Clue.COPYRIGHT and name_key(clue.text) == author)
    ]
    if parsed.outlet and "outlet" in parsed.metadata_fields:
        clues.append(OutletClue(Clue.METADATA, parsed.outlet, parsed.outlet))
    for url in (parsed.outlet_url, parsed.url):
        if url:
            clues.append(OutletClue(Clue.DOMAIN, url, url))
    identified = identify(clues, outlets)
    changes: dict[str, Any] = {"identified": identified, "outlet": identified.name if identified else ""}
    known = identified.outlet if identified else None
    if (
        known is not None
        and known.month_first
        and parsed.published_text
        and not parsed.date_order_from_page
        and "published" not in parsed.metadata_fields
    ):
        statement = read_date_statement(parsed.published_text, month_first=True)
        if statement is not None and statement.date is not None:
            changes["published"] = statement.date
    if (
        known is not None
        and known.kind == "agency"
        and identified.clue < Clue.DESK_CREDIT  # its own site, known by more than the credit itself
        and parsed.byline
        and "byline" not in parsed.metadata_fields
        and outlets.named(NEWSROOM_WORD.sub("", parsed.byline).strip()) is known
    ):
        changes["byline"] = ""  # an agency's story on its own site, credited only to itself, is signed by nobody
    if parsed.published.date is None and parsed.url and url_date(parsed.url) is not None:
        changes["published"], changes["published_text"] = url_date(parsed.url), parsed.url[:300]
    if parsed.article_type == "news" and "article_type" not in parsed.metadata_fields:
        if known is not None and known.kind == "think_tank":
            changes["article_type"] = "analysis"  # a think tank publishes analysis, not news
        elif parsed.author_bio and not DESKS.match(parsed.byline.strip()):  # a desk's note signs no op-ed
            changes["article_type"] = (
                "analysis" if known is not None and known.kind in SIGNED_ANALYSIS_KINDS else "opinion"
            )
        elif parsed.first_person:
            changes["article_type"] = "opinion"
    return dataclasses.replace(parsed, **changes)


# A signed piece with an author's note is an op-ed in a newspaper, an analysis at a think tank or magazine.
SIGNED_ANALYSIS_KINDS = frozenset({"think_tank", "magazine"})


def with_language(parsed: ParsedArticle) -> ParsedArticle:
    """The article with its language detected from its words, unless a curator's metadata gave it (a
    page's own `lang` is kept where the words agree; see articles.languages)."""
    if "language" in parsed.metadata_fields:
        return parsed
    language = article_language(parsed.title, parsed.body, declared=parsed.language)
    return dataclasses.replace(parsed, language=language)
