"""Pure: where the sentences of a text start and end. The archive's one sentence splitter.

A full stop, question or exclamation mark (and any closing quotes) followed by white space and a
capital, a digit or an opening quote ends a sentence, and so does a blank line; a full stop does
not when it closes an abbreviation (Gen., Dr., Jan., U.S., e.g.) or an initial (A. Khan).
"""

from __future__ import annotations

import re
from functools import lru_cache

ABBREVIATIONS = frozenset(
    "gen lt col maj brig capt cmdr adm sgt mr mrs ms dr prof sen rep gov pres st jr sr mt ft inc ltd co corp no "
    "vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]|[a-z]")
# A line's last sentence mark, perhaps followed by the outlet signing off (`... Court of Appeals. – Rappler.com`).
SENTENCE_MARK_AT_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s+[–—]\s*[A-Z][\w&-]*(?:\.(?:com|net|org))?)?$")


def is_abbreviation(word: str) -> bool:
    """Whether a full stop after `word` (written without it) closes an abbreviation or an initial."""
    return word.lower() in ABBREVIATIONS or bool(_INITIALS.fullmatch(word))


def ends_sentence(line: str) -> bool:
    """A line that ends as a sentence does and has a word in lower case (a headline in capitals has none)."""
    return bool(SENTENCE_MARK_AT_END.search(line)) and any(word[:1].islower() for word in line.split())


@lru_cache(maxsize=8)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, white space trimmed; text[start:end] keeps its final mark. The
    last few texts' spans are kept: an import splits each body three times (cleaning, extraction,
    event proposals)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        word = (text[start : match.start()].rsplit(None, 1)[-1:] or [""])[0].strip('("“')
        if match.group().startswith(".") and is_abbreviation(word):
            continue
        end = match.start() + (1 if match.group()[0] in ".!?" else 0)
        if text[start:end].strip():
            spans.append(_trimmed(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return tuple(spans)


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, each with its final mark."""
    return [text[start:end] for start, end in sentence_spans(text)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
