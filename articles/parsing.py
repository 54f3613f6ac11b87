"""Pure: bytes of an imported file -> text -> ParsedArticle. Raises ParseError with a one-line reason."""

import textwrap
from dataclasses import dataclass

from articles.cleaning import normalise_text

# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})
# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_LENGTH = 300


class ParseError(ValueError):
    """The file cannot become an article; the message says why in one line."""


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    body: str


def decode_text(data: bytes) -> str:
    """Decode a text file as UTF-8 (with or without BOM); refuse empty and binary files."""
    if not data:
        raise ParseError("empty file")
    if b"\x00" in data or _looks_binary(data):
        raise ParseError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    if not text.strip():
        raise ParseError("no text, only white space")
    return text


def _looks_binary(data: bytes, sample_size: int = 4096) -> bool:
    sample = data[:sample_size]
    control = sum(sample.count(byte) for byte in _CONTROL_BYTES)
    return control > len(sample) * 0.02


def parse_plain_text(text: str) -> ParsedArticle:
    """Title is the first non-blank line, body the rest.

    When the first line is a whole paragraph, the title is its shortened start and the body keeps
    the paragraph, so no text is lost.
    """
    lines = normalise_text(text).split("\n")
    title = lines[0].strip()
    body = normalise_text("\n".join(lines[1:]))
    if len(title) > MAX_TITLE_LENGTH:
        title, body = textwrap.shorten(title, MAX_TITLE_LENGTH, placeholder=" …"), normalise_text(text)
    if not body:
        raise ParseError("no body text after the title line")
    return ParsedArticle(title=title, body=body)
