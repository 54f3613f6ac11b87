"""An input worked out from its text alone, before the database is asked anything: parsed, cleaned,
hashed and fingerprinted. Pure (no queries), so that the import's worker processes do it; the
one-by-one save (importing.py) and the batch save (batch_saving.py) share what it computes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from articles import fingerprints
from articles.cleaning import content_hash, text_hash
from articles.inputs import Item
from articles.limits import storable
from articles.outcomes import ItemResult, Outcome
from articles.outlets import OutletIndex
from articles.parsing import ParsedArticle, ParseError

log = logging.getLogger(__name__)
UNSTORABLE_RULE = "unstorable_characters"  # the Removal that records what PostgreSQL could not store


@dataclass(frozen=True)
class Prepared:
    """An input parsed and worked out from its text alone, ready to be saved; `annotations` is what
    the caller's own preparation added (the pipeline's mentions and event proposals)."""

    item: Item
    parsed: ParsedArticle
    fields: dict[str, object]  # the article's fields but its source, which the database decides
    content_hash: str
    text_hash: str
    shingles: frozenset[str]
    fingerprint: fingerprints.Fingerprint
    outlets_known: int  # how many outlets it was parsed knowing: parsed again if the import found more
    annotations: object = None

    @property
    def caption_texts(self) -> list[str]:
        return [self.parsed.removals[position].text for position in self.parsed.caption_positions()]


def prepare(item: Item, *, outlets: OutletIndex, annotate: Callable[[Prepared], object] | None = None) -> Ready:
    """The input worked out from its text alone, or its failure in one line."""
    parsed = parsed_or_failure(item, outlets)
    if isinstance(parsed, ItemResult):
        return parsed
    fields = parsed_fields(parsed, item)
    shingle_set = frozenset(fingerprints.shingles(f"{fields['title']}\n{fields['body']}"))
    prepared = Prepared(
        item=item,
        parsed=parsed,
        fields=fields,
        content_hash=content_hash(item.raw_text),
        text_hash=text_hash(fields["title"], fields["body"]),
        shingles=shingle_set,
        fingerprint=fingerprints.fingerprint(set(shingle_set)),
        outlets_known=len(outlets),
    )
    return replace(prepared, annotations=annotate(prepared)) if annotate else prepared


Ready = Prepared | ItemResult  # an input prepared, or what failed it


def parsed_or_failure(item: Item, outlets: OutletIndex) -> ParsedArticle | ItemResult:
    """The article the input holds, or why it cannot be imported: whatever it holds fails it alone."""
    try:
        parsed = item.parse(outlets)
    except ParseError as exc:
        return ItemResult(item.origin, Outcome.FAILED, detail=str(exc))
    except Exception as exc:
        log.exception("parsing %s", item.origin)
        return ItemResult(item.origin, Outcome.FAILED, detail=f"cannot be parsed ({type(exc).__name__}: {exc})")
    problem = unstorable(parsed)
    return ItemResult(item.origin, Outcome.FAILED, detail=problem) if problem else parsed


def parsed_fields(parsed: ParsedArticle, item: Item) -> dict[str, object]:
    """The article's fields as the parser gives them, cut to their columns; all but the source."""
    published = parsed.published
    return {
        "title": parsed.title[:1000],
        "title_derived": parsed.title_derived,
        "summary": parsed.summary,
        "byline": parsed.byline[:500],
        "author_bio": parsed.author_bio,
        "section": parsed.section[:200],
        "dateline": parsed.dateline[:100],
        "published_on": published.date,
        "published_precision": published.precision,
        "published_time": published.time,
        "published_text": parsed.published_text[:300],
        "url": parsed.url,
        "language": parsed.language or "en",
        "article_type": parsed.article_type,
        "body": parsed.body,
        "encoding": item.encoding,
    }


def unstorable(parsed: ParsedArticle) -> str:
    """A last guard: text PostgreSQL cannot store is refused here, never sent to it."""
    for name in ("title", "body", "summary", "byline", "author_bio", "section", "dateline", "url", "outlet"):
        found = storable(getattr(parsed, name))[1]
        if found:
            return f"the {name} holds characters PostgreSQL cannot store ({', '.join(map(ascii, found))})"
    return ""
