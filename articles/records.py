"""Pure: one record of a JSON or JSON Lines export -> a parsed article. No Django.

Exports of the tools analysts use name the same things differently. A record is read whatever its
shape, as long as it holds the article's text:

- **NewsAPI**: `source: {id, name}`, `author`, `title`, `description`, `url`, `publishedAt`, and a
  `content` cut short with a `… [+1234 chars]` tail, which is taken off and recorded (rule
  `truncated`), and the article marked truncated;
- **GDELT**: `seendate` (`20240118T103200Z`), `domain`, `language` as a name (`English`),
  `sourcecountry`; GDELT's lists carry no text, so such a record says so and fails alone;
- **Media Cloud**: `media_name`, `media_url`, `publish_date`, `text`;
- **Event Registry**: `source: {uri, title}`, `dateTime`/`dateTimePub` or `date` and `time`, `body`,
  `authors: [{name}]`, `lang` (`eng`);
- **news-please**: `maintext`, `date_publish`, `source_domain`, `authors: [...]`, `title_page`;
- and plain records with `title`, `text`, `published`, `author`, `source`, `url`.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from articles.layout import parse_text
from articles.limits import DEFAULT_LIMITS, ImportLimits
from articles.outlets import EMPTY_INDEX, Clue, OutletClue, OutletIndex, host_of
from articles.parsed import ParsedArticle, ParseError, Removal
from articles.parsing import METADATA_FIELDS, apply_metadata

# Where records keep the text, best first: an export with both a full and a cut `content` keeps the full.
TEXT_KEYS = ("body", "text", "maintext", "full_text", "fulltext", "article_text", "article", "story", "content")
TITLE_KEYS = ("title", "headline", "title_page", "title_rss")
DATE_KEYS = ("published", "publishedAt", "published_at", "datePublished", "date_publish", "publish_date",
             "publication_date", "pub_date", "pubDate", "dateTimePub", "dateTime", "date", "seendate",
             "firstPublished", "first_published", "created_at")  # fmt: skip
AUTHOR_KEYS = ("author", "authors", "byline", "creator", "creators")
OUTLET_KEYS = ("source", "outlet", "media_name", "publisher", "site_name", "source_name", "site", "sitename",
               "medium", "media")  # fmt: skip
OUTLET_DOMAIN_KEYS = ("source_domain", "domain", "media_url", "source_url", "website")
URL_KEYS = ("url", "link", "canonical_url", "article_url", "uri_url")
SUMMARY_KEYS = ("summary", "description", "standfirst", "excerpt", "abstract", "dek")
LANGUAGE_KEYS = ("language", "lang", "languageCode", "language_code")
SECTION_KEYS = ("section", "category", "categories")
TYPE_KEYS = ("type", "article_type")
_TRUNCATION = re.compile(r"(?:…|\.\.\.)?\s*\[\+\s*(?P<count>\d[\d,]*)\s*chars?\]\s*$", re.IGNORECASE)
_COMPACT_DATE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?Z?)?$")
LANGUAGE_NAMES = {
    "english": "en", "eng": "en", "urdu": "ur", "urd": "ur", "persian": "fa", "farsi": "fa", "fas": "fa", "per": "fa",
    "arabic": "ar", "ara": "ar", "pashto": "ps", "pus": "ps", "hindi": "hi", "hin": "hi", "french": "fr", "fra": "fr",
    "fre": "fr", "german": "de", "deu": "de", "ger": "de", "spanish": "es", "spa": "es", "russian": "ru", "rus": "ru",
    "chinese": "zh", "zho": "zh", "chi": "zh", "turkish": "tr", "tur": "tr", "italian": "it", "ita": "it",
    "portuguese": "pt", "por": "pt", "dutch": "nl", "nld": "nl", "dut": "nl", "bengali": "bn", "ben": "bn",
    "indonesian": "id", "ind": "id", "japanese": "ja", "jpn": "ja", "korean": "ko", "kor": "ko",
}  # fmt: skip
GDELT_HINT = "GDELT lists give links, not text: fetch the pages and import those"


def parse_record(
    record: Any, *, what: str, limits: ImportLimits = DEFAULT_LIMITS, outlets: OutletIndex = EMPTY_INDEX
) -> ParsedArticle:
    """One article of an export, its metadata read from whichever fields the exporting tool uses."""
    if not isinstance(record, dict):
        raise ParseError(f"{what}: expected an object, not {type(record).__name__}")
    text_key = next((key for key in TEXT_KEYS if isinstance(record.get(key), str) and record[key].strip()), None)
    if text_key is None:
        hint = f"; {GDELT_HINT}" if "seendate" in record else ""
        raise ParseError(f"{what}: no text (looked for {', '.join(TEXT_KEYS)}){hint}")
    text, truncation = _without_truncation(record[text_key])
    metadata = record_metadata(record)
    parsed = parse_text(text, known_title=str(metadata.get("title") or ""), outlets=outlets)
    domain = _first(record, OUTLET_DOMAIN_KEYS) or _nested(record, "source", ("uri", "domain", "url"))
    if isinstance(domain, str) and host_of(domain) and "." in host_of(domain):
        parsed = _with_clue(parsed, OutletClue(Clue.DOMAIN, host_of(domain), f"{what}: {domain}"))
    if truncation is not None:
        note = f"the export gave the first {len(text):,} characters; {truncation}"
        removal = Removal("truncated", truncation, body_offset=len(parsed.body), note=note[:300])
        parsed = _replace(parsed, removals=(*parsed.removals, removal), truncated=True)
    return apply_metadata(parsed, metadata, what=what, limits=limits)


def record_metadata(record: dict[str, Any]) -> dict[str, Any]:
    """The record's fields under the archive's metadata names (see parsing.METADATA_FIELDS)."""
    metadata: dict[str, Any] = {}
    title = _first(record, TITLE_KEYS)
    if title:
        metadata["title"] = str(title)
    published = _record_date(record)
    if published:
        metadata["published"] = published
    authors = _first(record, AUTHOR_KEYS)
    if authors:
        metadata["author"] = _names(authors)
    outlet = _first(record, OUTLET_KEYS)
    if isinstance(outlet, dict):
        outlet = outlet.get("name") or outlet.get("title") or ""
    if isinstance(outlet, str) and outlet.strip():
        metadata["source"] = outlet.strip()
    url = _first(record, URL_KEYS)
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        metadata["url"] = url
    summary = _first(record, SUMMARY_KEYS)
    if isinstance(summary, str) and summary.strip():
        metadata["summary"] = summary.strip()
    language = _first(record, LANGUAGE_KEYS)
    if isinstance(language, str) and language.strip():
        metadata["language"] = language_tag(language)
    section = _first(record, SECTION_KEYS)
    if section:
        metadata["section"] = section if isinstance(section, str) else ", ".join(map(str, section))
    article_type = _first(record, TYPE_KEYS)
    if isinstance(article_type, str) and article_type.strip().lower() in {"news", "opinion", "analysis"}:
        metadata["type"] = article_type.strip().lower()
    return {key: value for key, value in metadata.items() if key in METADATA_FIELDS and value not in ("", None)}


def language_tag(value: str) -> str:
    """`en`, `eng`, `English`, `en-GB` -> a BCP 47 tag (`en`, `en-GB`)."""
    text = value.strip()
    return LANGUAGE_NAMES.get(text.casefold(), text if len(text) <= 12 else text[:12])


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[key] for key in keys if record.get(key) not in (None, "", [], {})), None)


def _nested(record: dict[str, Any], key: str, inner: tuple[str, ...]) -> Any:
    value = record.get(key)
    return _first(value, inner) if isinstance(value, dict) else None


def _record_date(record: dict[str, Any]) -> str:
    """The publication date as text: Event Registry's `date` and `time` joined, GDELT's compact
    `20240118T103200Z` written out."""
    value = _first(record, DATE_KEYS)
    if value is None:
        return ""
    text = str(value).strip()
    if record.get("date") == value and isinstance(record.get("time"), str) and "T" not in text:
        text = f"{text}T{record['time']}"
    compact = _COMPACT_DATE.match(text)
    if compact:
        parts = compact.groupdict()
        text = f"{parts['y']}-{parts['m']}-{parts['d']}"
        if parts["H"]:
            text += f"T{parts['H']}:{parts['M']}:{parts['S'] or '00'}Z"
    return text


def _names(value: Any) -> str:
    """Authors as one byline: a string, a list of strings, or a list of {name: ...} objects."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return str(value.get("name") or "").strip()
    if isinstance(value, list):
        names = [_names(item) for item in value]
        return ", ".join(name for name in names if name)
    return str(value)


def _without_truncation(text: str) -> tuple[str, str | None]:
    """NewsAPI's `content` ends `… [+1234 chars]` where it was cut; the marker is no article text."""
    match = _TRUNCATION.search(text)
    if not match:
        return text, None
    count = match["count"].replace(",", "")
    return text[: match.start()].rstrip(), f"{match.group().strip()} (about {int(count):,} more characters)"


def _with_clue(parsed: ParsedArticle, clue: OutletClue) -> ParsedArticle:
    return _replace(parsed, outlet_clues=(*parsed.outlet_clues, clue))


def _replace(parsed: ParsedArticle, **changes: Any) -> ParsedArticle:
    return dataclasses.replace(parsed, **changes)


def parse_json_document(text: str, *, what: str) -> list[Any]:
    """The records of a .json file: one object, a list of them, or a tool's envelope around the list
    (NewsAPI's `articles`, GDELT's `articles`, Event Registry's `articles.results`, `results`, `data`)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"{what}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    return records_in(data)


def records_in(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("articles", "results", "stories", "data", "items", "records"):
            inner = data.get(key)
            if isinstance(inner, dict) and isinstance(inner.get("results"), list):
                return inner["results"]
            if isinstance(inner, list) and all(isinstance(item, dict) for item in inner):
                return inner
    return [data]
