"""Pure text to text: normalisation and content hashes. No Django here."""

import hashlib
import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """NFC, Unix line breaks, no trailing spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    text = _LINE_BREAKS.sub("\n", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _EXTRA_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: two files with the same words and layout hash the same."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
