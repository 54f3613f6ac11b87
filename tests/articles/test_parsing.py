"""Text handling is pure: these tests need no database."""

import pytest

from articles.cleaning import content_hash, normalise_text
from articles.parsing import MAX_TITLE_LENGTH, ParseError, decode_text, parse_plain_text


def test_normalising_unifies_line_breaks_trailing_space_and_blank_runs():
    assert normalise_text("\ufeffTitle  \r\n\r\n\r\n\r\nBody\rmore\t\n") == "Title\n\nBody\nmore"


def test_normalising_composes_unicode():
    assert normalise_text("Bu\u0308ro") == "B\u00fcro"


def test_content_hash_ignores_layout_noise_but_not_words():
    assert content_hash("Title\r\nBody  \n") == content_hash("Title\nBody")
    assert content_hash("Title\nBody") != content_hash("Title\nBody!")


def test_plain_text_title_is_first_non_blank_line_and_body_the_rest():
    parsed = parse_plain_text("\n\n  Headline here \n\nFirst paragraph.\n\nSecond.\n")
    assert parsed.title == "Headline here"
    assert parsed.body == "First paragraph.\n\nSecond."


def test_a_first_line_that_is_a_paragraph_gives_a_short_title_and_stays_in_the_body():
    paragraph = "Pakistan and Iran pledged to work together. " * 20
    parsed = parse_plain_text(f"{paragraph}\n\nNext paragraph.")
    assert len(parsed.title) <= MAX_TITLE_LENGTH
    assert parsed.title.endswith("…")
    assert parsed.body.startswith(paragraph.strip())


def test_a_title_without_body_is_refused():
    with pytest.raises(ParseError, match="no body"):
        parse_plain_text("Only a headline\n\n")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n ", "only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 9)) * 100, "binary"),
        ("Caf\u00e9 au lait\nin Latin-1".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3)"),
    ],
)
def test_undecodable_input_is_refused_with_its_reason(data, reason):
    with pytest.raises(ParseError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode_text(data)


def test_utf8_with_byte_order_mark_decodes_without_it():
    assert decode_text("\ufeffTitle\nBody".encode()) == "Title\nBody"
