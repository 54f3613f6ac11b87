"""Pure: the bytes of a file -> text, whatever encoding it was saved in. No Django here.

UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are decoded directly; UTF-16 without a BOM
is recognised by its pattern of zero bytes. Other bytes are taken as Windows-1252 (a superset of
Latin-1's printable characters, the usual legacy encoding of Western news text) when the letters
that gives are mostly ASCII, as in any Western language; otherwise charset-normalizer
detects the encoding (Cyrillic, Greek, Arabic code pages and others). Binary files are refused.
"""

import codecs
import re
from dataclasses import dataclass

import charset_normalizer


class DecodeError(ValueError):
    """The bytes are not text; the message says why in one line."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    nul_characters: int = 0  # NUL characters taken out: PostgreSQL cannot store them


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# In French, German or Spanish text well under a third of the letters are accented; text in
# another script read as Windows-1252 is almost all accented letters.
_MAX_ACCENTED_LETTER_SHARE = 0.3
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # C0 controls but tab and line breaks, and DEL


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a text file, refusing empty, binary and undecodable ones."""
    if not data:
        raise DecodeError("empty file")
    decoded = _decode_by_bom(data) or _decode_utf16_without_bom(data) or _decode_utf8(data)
    if decoded is None:
        if b"\x00" in data:
            raise DecodeError("binary file, not text")
        decoded = _decode_as_western(data) or _decode_by_detection(data)
    text = decoded.text.replace("\x00", "")
    if not text.strip():
        raise DecodeError("no text, only white space" if text else "binary file, not text")
    if _control_ratio(text) > 0.01:
        raise DecodeError("binary file, not text")
    return DecodedText(text=text, encoding=decoded.encoding, nul_characters=len(decoded.text) - len(text))


def _decode_by_bom(data: bytes) -> DecodedText | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} text after its byte order mark") from exc
    return None


def _decode_utf16_without_bom(data: bytes) -> DecodedText | None:
    """Mostly-ASCII UTF-16 has a zero byte in every other position."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    for zeros, other, encoding in (
        (odd_zeros, even_zeros, "utf-16-le"),
        (even_zeros, odd_zeros, "utf-16-be"),
    ):
        if zeros > 0.3 and other < 0.05:
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf8(data: bytes) -> DecodedText | None:
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _decode_as_western(data: bytes) -> DecodedText | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [character for character in text if character.isalpha()]
    accented = sum(ord(character) > 0x7F for character in letters)
    if letters and accented / len(letters) <= _MAX_ACCENTED_LETTER_SHARE:
        return DecodedText(text, "cp1252")
    return None


def _decode_by_detection(data: bytes) -> DecodedText:
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        raise DecodeError("not text in any known encoding")
    return DecodedText(str(match), match.encoding)


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    return len(_CONTROL_CHARACTER.findall(sample)) / len(sample)
