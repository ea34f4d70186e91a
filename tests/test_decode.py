from __future__ import annotations

import codecs

import pytest

import natojp
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


JAPANESE = "日米同盟とNATOの協力について、岸田総理大臣は記者会見で説明しました。"


@pytest.mark.parametrize(
    ("codec", "names"),
    [
        ("shift_jis", {"shift_jis"}),
        ("cp932", {"shift_jis"}),  # the same bytes for this text
        ("euc_jp", {"euc_jp"}),
        ("iso2022_jp", {"iso2022_jp"}),
    ],
)
def test_legacy_japanese_encodings(codec, names):
    text = f"{JAPANESE}\n第二段落：NATO事務総長の訪日。\n"
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding in names
    assert decoded.codec == decoded.encoding


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp", "iso2022_jp"])
def test_a_short_japanese_phrase_is_enough(codec):
    decoded = decode("日米同盟とNATOの協力について".encode(codec))
    assert decoded.text == "日米同盟とNATOの協力について"
    assert decoded.encoding == codec


def test_windows_only_characters_make_it_cp932():
    # ① and the full-width tilde are Microsoft's additions to Shift_JIS.
    text = "日米同盟とNATOの協力について①～"
    decoded = decode(text.encode("cp932"))
    assert decoded.text == text
    assert decoded.encoding == "cp932"


def test_japanese_in_an_english_shift_jis_file():
    text = f"The joint statement reads:\n{JAPANESE}\nEnd of statement.\n"
    decoded = decode(text.encode("shift_jis"))
    assert decoded.text == text
    assert decoded.encoding == "shift_jis"


def test_iso2022_jp_is_valid_ascii_but_read_as_japanese():
    data = JAPANESE.encode("iso2022_jp")
    assert data.isascii() and data.decode("utf-8") != JAPANESE
    assert decode(data).text == JAPANESE


def test_valid_utf8_stays_utf8_even_when_it_could_be_something_else():
    # "é" in UTF-8 (C3 A9) would be "Ã©" in Windows-1252 and a kanji in Shift_JIS.
    decoded = decode("Café au lait 日本".encode())
    assert decoded.text == "Café au lait 日本"
    assert decoded.encoding == "utf-8"


def test_english_with_windows_1252_quotes_is_not_taken_for_another_code_page():
    text = "The Prime Minister said Japan’s role “matters” – a lot.\n" * 3
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_cyrillic_code_page_is_detected():
    text = "Министр иностранных дел Японии посетил штаб-квартиру НАТО в Брюсселе."
    decoded = decode(text.encode("cp1251"))
    assert decoded.text == text
    assert decoded.encoding == "cp1251"


def _mojibake(text: str) -> str:
    # UTF-8 opened as Windows-1252 (and then saved as UTF-8): "Ã©" for "é", "â€™" for "’".
    # Bytes Windows-1252 leaves undefined (the 9D of "”") come through as C1 controls,
    # as Windows' own conversion passes them.
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
        for b in text.encode("utf-8")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Japan’s “partner” – café",
        "NATO–Japan: “closely connected”\nDéclaration à Tokyo, naïve façade",
        "Secretary General’s visit to 日本 (Tokyo)",
    ],
)
def test_cp1252_mojibake_of_utf8_is_repaired(text):
    mojibake = _mojibake(text)
    assert "Ã" in mojibake or "â€" in mojibake
    decoded = decode(mojibake.encode("utf-8"))
    assert decoded.text == text
    assert decoded.encoding == "utf-8 (repaired from cp1252 mojibake)"
    assert decoded.repaired and decoded.codec == "utf-8"


def test_text_that_only_looks_like_mojibake_in_part_is_left_alone():
    # "Ã©" beside a real "’" that Windows-1252 cannot turn back into UTF-8 bytes.
    text = "Ministers’ meeting — the word Ã© stays"
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text
    assert decoded.encoding == "utf-8"
    assert not decoded.repaired


def test_utf8_with_a_few_bad_bytes_is_utf8_with_replacements():
    good = "NATO–Japan: “closely connected” — 日米同盟。\n" * 3
    data = good.encode("utf-8") + b"Japan\x92s role\n" + good.encode("utf-8") + b"end \xe6\x97"
    decoded = decode(data, path="partly.txt")
    first = data.index(b"\x92")
    assert decoded.codec == "utf-8"
    assert decoded.replaced == 3  # the lone \x92 and the cut-off two bytes at the end
    assert decoded.first_replaced == first
    assert decoded.encoding == f"utf-8 (3 bad bytes replaced, the first at byte {first})"
    assert decoded.text == good + "Japan\ufffds role\n" + good + "end \ufffd"


def test_a_single_bad_byte():
    data = "Tokyo — Brussels".encode() + b"\xff"
    decoded = decode(data)
    assert decoded.text == "Tokyo — Brussels\ufffd"
    assert decoded.encoding == f"utf-8 (1 bad byte replaced, at byte {len(data) - 1})"


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp", "iso2022_jp"])
def test_loading_a_japanese_file(tmp_path, codec):
    text = f"日米首脳会談\n\n{JAPANESE}\n\n両首脳はNATOとの協力を確認した。\n"
    path = tmp_path / f"kaidan-{codec}.txt"
    path.write_bytes(text.encode(codec))
    doc = natojp.load_document(path)
    assert doc.origin.encoding == codec
    assert doc.title == "日米首脳会談"
    assert JAPANESE in doc.text and "両首脳はNATOとの協力を確認した。" in doc.text


def test_loading_a_mojibake_file_and_a_damaged_file(tmp_path):
    text = "Japan’s partner\n\nThe Secretary General’s visit to Tokyo – a “historic” step.\n"
    (tmp_path / "mojibake.txt").write_bytes(_mojibake(text).encode("utf-8"))
    damaged = text.encode("utf-8").replace(b"Tokyo", b"T\xf6ky\xf6")
    (tmp_path / "damaged.txt").write_bytes(damaged)
    corpus = natojp.load(tmp_path)
    repaired = corpus["mojibake"]
    assert repaired.title == "Japan’s partner"
    assert "The Secretary General’s visit to Tokyo – a “historic” step." in repaired.text
    assert repaired.origin.encoding == "utf-8 (repaired from cp1252 mojibake)"
    partly = corpus["damaged"]
    # The rest of the file is read as the UTF-8 it is (not as Windows-1252 mojibake).
    assert "The Secretary General’s visit to T" in partly.text
    assert "ky" in partly.text and "– a “historic” step." in partly.text
    first = damaged.index(b"\xf6")
    assert partly.origin.encoding == f"utf-8 (2 bad bytes replaced, the first at byte {first})"


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


def test_binary_data_is_refused_at_its_first_control_character():
    data = b"one\ntwo\nthree \x01" + b"\x02\x03\x04\x05" * 10 + b"\ttab\r\nand\x0cpage"
    with pytest.raises(DecodeError, match="41 control characters in the first 69") as info:
        decode(data, path="x.bin")
    assert info.value.line == 3
    assert info.value.offset == len(b"one\ntwo\nthree ")


_AWKWARD = "ab .\n\t\f\v\x00\x07\x1f\x7f\x85\x9f\xa0\xad\u1680\u2000\u2009\u200a\u200b\u200d\u2028\u2029\u202f\u2060\u3000\ufeff\ufffcé"


@pytest.mark.parametrize("seed", range(5))
def test_normalize_leaves_only_plain_spaces_and_line_breaks(seed):
    import random

    rng = random.Random(seed)
    for _ in range(200):
        raw = "".join(rng.choice(_AWKWARD) for _ in range(rng.randint(0, 40)))
        clean = normalize(raw)
        assert set(clean) <= set("ab .\né"), repr(raw)
        assert clean.count("a") == raw.count("a") and clean.count(".") == raw.count(".")
        assert normalize(clean) == clean
        # each wide space is one plain space, each line separator one line break
        wide = sum(raw.count(c) for c in "\t\xa0\u1680\u2000\u2009\u200a\u202f\u3000\ufffc")
        assert clean.count(" ") <= raw.count(" ") + wide
        assert clean.count("\n") == sum(raw.count(c) for c in "\n\f\v\x85\u2028\u2029")
