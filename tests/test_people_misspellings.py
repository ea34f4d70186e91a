"""A misspelt registered name is found as difflib would find it among every
registered name: the cheap bounds natojp checks first never drop a match."""

from __future__ import annotations

import difflib
import random

import pytest

from natojp.people import default_registry

CUTOFF = 0.84  # how alike natojp asks a misspelling to be to a registered name


def _registered_keys() -> list[str]:
    return sorted(default_registry().lexicon.names.values())


def _misspelt(key: str, rng: random.Random) -> str:
    chars = list(key)
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(chars))
        roll = rng.random()
        if roll < 0.4:
            chars[at] = rng.choice("abcdefghijklmnopqrstuvwxyz ")
        elif roll < 0.7 and len(chars) > 1:
            del chars[at]
        else:
            chars.insert(at, rng.choice("aeiouy"))
    return "".join(chars)


@pytest.mark.parametrize("seed", [1, 2])
def test_close_names_are_difflibs_matches_among_names_with_the_same_first_letter(
    seed: int,
) -> None:
    lexicon = default_registry().lexicon
    keys = _registered_keys()
    rng = random.Random(seed)
    found_any = 0
    for key in rng.sample(keys, 400):
        typo = _misspelt(key, rng)
        same_letter = [k for k in keys if k[:1] == typo[:1]]
        expected = difflib.get_close_matches(typo, same_letter, n=2, cutoff=CUTOFF)
        assert lexicon.close_names(typo) == expected, typo
        found_any += bool(expected)
    assert found_any > 100  # the misspellings are close enough to be found


def test_a_name_with_letters_no_registered_name_has_finds_nothing() -> None:
    assert default_registry().lexicon.close_names("xqzvw jjkkq") == []
