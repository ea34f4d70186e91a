"""Emoji, flags and pictographs decorate titles and video descriptions; they
go, and every other character stays, whichever line it is on."""

from __future__ import annotations

import unicodedata

import pytest

from natojp.loaders._text import strip_decorations


def _decoration(char: str) -> bool:
    """What the docs call decoration: a symbol ("So") past the punctuation
    block, emoji and pictograph blocks, the emoji presentation selector and
    the joiner; not letter-like symbols (№, ™) nor U+FFFD."""
    code = ord(char)
    if 0x2100 <= code <= 0x214F or code == 0xFFFD:
        return False
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or code in (0xFE0F, 0x200D)
        or (code > 0x2000 and unicodedata.category(char) == "So")
    )


_SAMPLED = [
    c for c in [*range(0x80, 0x3000), *range(0x3000, 0x110000, 37)] if not 0xD800 <= c <= 0xDFFF
]


@pytest.mark.parametrize("chunk", range(8))
def test_each_character_between_words_goes_only_if_it_decorates(chunk: int) -> None:
    for code in _SAMPLED[chunk::8]:
        char = chr(code)
        expected = "a b" if _decoration(char) else f"a {char} b"
        assert strip_decorations(f"a {char} b") == expected, hex(code)


def test_lines_with_typographic_punctuation_only_are_kept_as_they_are() -> None:
    line = "“We stand together” – said the Secretary General… ‘twice’"
    assert strip_decorations(line) is line


def test_a_flag_and_a_joined_emoji_go_from_a_title() -> None:
    assert strip_decorations("🇯🇵 NATO and Japan 👩‍💻 talk") == "NATO and Japan talk"
