"""Pure: an article's language, and the PostgreSQL text search configuration that searches it.

The language is detected from the article's own words (py3langid, a naive Bayes classifier over
byte n-grams for 97 languages, well under a millisecond for an article), unless a curator's metadata
says it. A page's `<html lang>` is kept only where it agrees with the words (templates declare `en`
on pages in Urdu). Search uses PostgreSQL's built-in configuration for the language where it has
one, so that "elections" finds "election" in English and "élections" finds "élection" in French;
other languages are searched word for word (`simple`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_LETTER = re.compile(r"[^\W\d_]")
UNDETERMINED = "und"  # BCP 47: the language cannot be told (no words, or too few)
MIN_LETTERS = 20  # fewer letters than this and no language is guessed
SAMPLE_CHARACTERS = 600  # the classifier reads the title and the start of the body: enough, and 0.3 ms

# PostgreSQL's built-in text search configurations, by the language's BCP 47 primary subtag.
SEARCH_CONFIGS = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish", "nl": "dutch",
    "en": "english", "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali",
    "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
FALLBACK_CONFIG = "simple"


def primary_subtag(tag: str) -> str:
    return tag.strip().replace("_", "-").split("-")[0].casefold()


def search_config(tag: str) -> str:
    """The text search configuration for a language tag (`en-GB` -> `english`, `ur` -> `simple`)."""
    return SEARCH_CONFIGS.get(primary_subtag(tag), FALLBACK_CONFIG)


@lru_cache(maxsize=1)
def _classifier() -> Callable[[str], tuple[str, float]]:
    """py3langid's classifier, loaded on first use (half a second)."""
    import py3langid

    return py3langid.classify


def detect_language(text: str) -> str:
    """The BCP 47 primary subtag of the language a text is written in, or `und`."""
    sample = text[:SAMPLE_CHARACTERS]
    if len(_LETTER.findall(sample, 0, 400)) < MIN_LETTERS and len(_LETTER.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED
    language, _ = _classifier()(sample)
    return language


def article_language(title: str, body: str, *, declared: str = "") -> str:
    """The article's language: detected from its words; a declared tag (a page's `lang`) is kept, with
    its region, when it agrees with them."""
    detected = detect_language(f"{title}\n\n{body}")
    if declared and (detected == UNDETERMINED or primary_subtag(declared) == detected):
        return declared.strip().replace("_", "-")[:12]
    return detected
