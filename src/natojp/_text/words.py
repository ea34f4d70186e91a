"""What natojp calls a word, in one place, and the foldings that compare words.

A word is a run of letters and digits, with inner apostrophes (``don't``,
``Japan’s``); :data:`WORD_PART` is the run without them and :data:`NAME_PART`
the run of letters alone (digits never make up a name).

>>> WORD_RE.findall("Japan’s PM met snake_case on 31 Jan.")
['Japan’s', 'PM', 'met', 'snake', 'case', 'on', '31', 'Jan']
>>> fold("Kōno Tarō"), without_diacritics("ﬁnal Kōno")
('Kono Taro', 'final Kono')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "NAME_PART",
    "WORD",
    "WORD_PART",
    "WORD_RE",
    "fold",
    "without_diacritics",
]

WORD_PART = r"[^\W_]+"
"""A run of letters and digits (``_`` is not part of a word)."""

WORD = rf"{WORD_PART}(?:['’]{WORD_PART})*"
"""A word: runs of letters and digits joined by inner apostrophes."""

NAME_PART = r"[^\W\d_]+"
"""A run of letters alone: the pieces a name is made of."""

WORD_RE = re.compile(WORD)


class _Folding(dict[int, str]):
    """Each character to its letter without diacritics, one character for one,
    so that offsets in folded text are offsets in the original."""

    def __missing__(self, code: int) -> str:
        folded = unicodedata.normalize("NFD", chr(code))[0]
        self[code] = folded
        return folded


_FOLDING = _Folding()


def fold(text: str) -> str:
    """``text`` without diacritics, the same length as ``text`` (offsets carry over)."""
    return text if text.isascii() else text.translate(_FOLDING)


def without_diacritics(text: str) -> str:
    """``text`` in compatibility form without combining marks (``ﬁ`` -> ``fi``);
    the length may change, so use it to compare, not to find offsets."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))
