from __future__ import annotations

import codecs

import pytest

from natojp.errors import DecodeError
from natojp.loaders.decode import decode, normalize

TEXT = "NATO–Japan: “closely connected”\nSecond line é"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_encodings_with_and_without_bom(data, encoding):
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_windows_1252_is_read_as_a_legacy_encoding():
    decoded = decode("Japan’s “partner” – café".encode("cp1252"))
    assert decoded.text == "Japan’s “partner” – café"
    assert decoded.encoding == "cp1252"


def test_nul_bytes_are_not_text_and_the_error_says_where():
    data = b"line one\nline two\x00\x01"
    with pytest.raises(DecodeError) as info:
        decode(data, path="scan.bin")
    err = info.value
    assert err.path == "scan.bin"
    assert err.offset == data.index(b"\x00")
    assert err.line == 2
    assert "scan.bin:2" in str(err)


def test_utf16_without_bom_is_refused_with_advice():
    with pytest.raises(DecodeError, match="UTF-16 without a byte-order mark"):
        decode("hello".encode("utf-16-le"))


def test_bytes_that_no_known_encoding_reads():
    # 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte.
    data = b"abc\ndef \x81\x8d"
    with pytest.raises(DecodeError) as info:
        decode(data, path="x.txt")
    assert info.value.offset == 8
    assert info.value.line == 2


def test_binary_data_full_of_control_characters_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(1, 32)) * 20)


def test_invalid_utf16_after_its_bom():
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8\x41")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("Q\u00a0\u00a0\u00a0 Why?", "Q    Why?"),
        ("closely\u202fconnected", "closely connected"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("trailing  \nspaces \t", "trailing\nspaces"),
        ("Cafe\u0301", "Café"),
        ("bell\x07 char", "bell char"),
        ("tab\there", "tab here"),
    ],
)
def test_normalize(raw, clean):
    assert normalize(raw) == clean
