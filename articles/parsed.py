"""Pure: what the parser makes of one input, whatever its format. No Django."""

from __future__ import annotations

from dataclasses import dataclass

from archive.common.dates import UNKNOWN_DATE, PartialDate
from articles.outlets import Identified, OutletClue


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
    outlet: str = ""  # the outlet's name, as identified from the clues (or as metadata gives it)
    outlet_url: str = ""
    section: str = ""
    published: PartialDate = UNKNOWN_DATE
    published_text: str = ""  # the words the date was read from, as the page or metadata wrote them
    date_order_from_page: bool = False  # a figures-only date's order was settled by the page itself
    dateline: str = ""  # the place a report is filed from: "Islamabad:"
    url: str = ""
    language: str = ""
    article_type: str = "news"
    title_derived: bool = False  # the text had no headline; the title is its first sentence
    removals: tuple[Removal, ...] = ()
    metadata_fields: frozenset[str] = frozenset()  # fields a curator's metadata supplied
    outlet_clues: tuple[OutletClue, ...] = ()  # where the page names its outlet
    identified: Identified | None = None  # the outlet the clues (and metadata) decided on
    truncated: bool = False  # an export gave only the first part of the text
    first_person: bool = False  # the writer speaks as "I" outside quotations

    @property
    def captions(self) -> list[Removal]:
        return [removal for removal in self.removals if removal.rule == "photo_caption"]

    def caption_positions(self) -> list[int]:
        """Where the photo captions are among the removals, in the order they stand in the text (as
        the archive reads stored captions: by body offset, then as they were made)."""
        positions = [i for i, removal in enumerate(self.removals) if removal.rule == "photo_caption"]
        return sorted(positions, key=lambda i: self.removals[i].body_offset)
