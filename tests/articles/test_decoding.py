"""Any file a curator throws at the importer becomes text or a one-line reason. No database."""

import codecs

import pytest

from articles.decoding import DecodeError, decode_bytes

ARTICLE = "Pakistan and Iran agreed to step up intelligence sharing along their border."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + "Pakistan’s army chief visited Tehran.".encode(), "utf-8"),
        ("Déjà vu à Téhéran : les négociations ont repris.".encode("latin-1"), "cp1252"),
        ("“Smart quotes” – and a dash… saved by Windows".encode("cp1252"), "cp1252"),
        ("Die Gespräche über Grenzsicherheit wurden fortgesetzt.".encode("latin-1"), "cp1252"),
        (ARTICLE.encode("utf-16"), "utf-16-le"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"), "utf-32-le"),
        ("Москва и Тегеран подписали соглашение о сотрудничестве в области безопасности".encode("cp1251"), "cp1251"),
        ("باكستان وإيران تتفقان على تعزيز التعاون الأمني على الحدود المشتركة".encode("cp1256"), "cp1256"),
        ("پاکستان اور ایران نے سرحدی تعاون پر اتفاق کیا".encode(), "utf-8"),
    ],
)
def test_text_in_any_common_encoding_is_decoded(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert "\ufffd" not in decoded.text
    assert decoded.text == data.decode(encoding).lstrip("\ufeff")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n \r\n", "no text, only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file, not text"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4, "binary file, not text"),
        (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8, "binary file, not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(32)) * 40, "binary file, not text"),
        (bytes(range(1, 9)) * 100, "binary file, not text"),
    ],
)
def test_files_that_are_not_text_are_refused_with_their_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)
