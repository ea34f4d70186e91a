"""Normalised display names: what a mention calls a person, without what is not
the name (honorifics, styles, ranks, offices, adjectives, possessives), in the
order and casing a reader expects.

>>> display_name("Prof. Dr. Kenji Watanabe"), display_name("H.E. Mr. Hiroshi Tanaka")
('Kenji Watanabe', 'Hiroshi Tanaka')
>>> display_name("Mr. MOTEGI Toshimitsu"), display_name("KISHIDA Fumio")
('Toshimitsu Motegi', 'Fumio Kishida')
>>> display_name("French President Emmanuel Macron’s"), display_name("the then Prime Minister")
('Emmanuel Macron', None)
>>> display_name("MS. JEAN-PIERRE"), display_name("President von der Leyen")
('Jean-Pierre', 'von der Leyen')
>>> display_name("Martin Luther King Jr."), display_name("Mr. President")
('Martin Luther King Jr.', None)
>>> display_name("Mr. LEE Jae-myung"), display_name("MODERATOR")
('Lee Jae-myung', None)
>>> display_name("LEE Jae Myung"), display_name("President Yoon Suk-Yeol")
('Lee Jae-myung', 'Yoon Suk-yeol')
>>> display_name("Dr. Seuss Museum"), display_name("UN Secretary-General Antonio Guterres")
(None, 'Antonio Guterres')
"""

from __future__ import annotations

import re

from natojp._text.lexicon import (
    FEMALE_HONORIFICS,
    HONORIFICS,
    KOREAN_FAMILY_NAMES,
    MALE_HONORIFICS,
    NAME_PARTICLES,
    NOT_PERSON_HEADS,
    NOT_THE_HOLDER,
    OFFICE_WORDS,
    OTHER_OFFICE,
    PAST_QUALIFIERS,
    STYLES,
)
from natojp._text.spans import one_line
from natojp._text.words import without_diacritics

__all__ = ["display_name", "name_key", "other_gender", "slug"]

# Words before a name that are not part of it, beside the lexicon's: ranks,
# parliamentary styles, determiners and title words the office list leaves out.
_RANKS = frozenset(
    """gen lt col maj capt cpt adm sgt cpl pvt brig cmdr cdr rear major colonel captain
    lieutenant sergeant corporal private brigadier commander admiral marshal field""".split()  # noqa: SIM905
)
_STYLES = STYLES | frozenset(["rt", "right", "hon", "honourable", "honorable", "the", "excellency"])
_TITLE_WORDS = OFFICE_WORDS | frozenset(
    """speaker senator congressman congresswoman representative rep sen gov judge justice
    chief director officer official spokesperson ambassador secretary minister
    foreign defence defense state finance national security affairs senior administration
    moderator operator participant interpreter narrator announcer staff aide audience member
    reporter journalist question""".split()  # noqa: SIM905
)
_ROMAN = re.compile(r"^[IVX]+$")
_AFTER_NAME = frozenset(["mp", "qc", "kc", "phd", "md", "esq"])
GENERATIONS = frozenset(["jr", "sr", "ii", "iii", "iv"])
"""What may follow a family name and is no name itself ("Jr.", "III")."""
_TOKEN = re.compile(r"[^\s,;:]+")
_POSSESSIVE = re.compile(r"['’]s?$")


def _bare(token: str) -> str:
    return token.strip(".").casefold()


def _not_name(token: str) -> bool:
    if "-" in token.strip("-"):  # "Major-General", "Secretary-General"
        return all(_not_name(part) for part in token.split("-") if part)
    word = _bare(token)
    return (
        word in HONORIFICS
        or word in _STYLES
        or word in _RANKS
        or word in _TITLE_WORDS
        or word in PAST_QUALIFIERS
        or word in OTHER_OFFICE
        or word in NOT_THE_HOLDER
        or not any(ch.isalpha() for ch in token)
    )


def _cased(token: str) -> str:
    """An ALL-CAPS word as a name is written: ``JEAN-PIERRE`` -> ``Jean-Pierre``."""
    if not (token.isupper() and len(token) > 1) or _ROMAN.match(token):
        return token
    if token.casefold() in NAME_PARTICLES:
        return token.casefold()
    return "-".join(part[:1] + part[1:].lower() for part in token.split("-"))


def display_name(text: str) -> str | None:
    """The name in ``text`` (a mention or a speaker label), normalised; None when
    nothing in it is a name (a bare title, an address)."""
    raw = _TOKEN.findall(text)
    # a possessive before the name is whose it is, not part of it ("Japan's Kishida")
    owners = [k for k, token in enumerate(raw[:-1]) if _POSSESSIVE.search(token)]
    if owners:
        raw = raw[owners[-1] + 1 :]
    tokens = [_POSSESSIVE.sub("", t) for t in raw]
    tokens = [t for t in tokens if t]
    while tokens and _bare(tokens[-1]) in _AFTER_NAME:
        tokens.pop()
    suffix: list[str] = []
    while len(tokens) > 1 and _bare(tokens[-1]) in GENERATIONS:
        suffix.insert(0, tokens.pop())
    # The name follows the last word before it that is not a name word; the last
    # word itself is part of the name even when it is also an office ("King").
    start = 1 + max((i for i in range(len(tokens) - 1) if _not_name(tokens[i])), default=-1)
    # a particle that opens the name stays ("von der Leyen")
    while start > 0 and _bare(tokens[start - 1]) in NAME_PARTICLES:
        start -= 1
    name = tokens[start:]
    if (
        not name
        or all(_not_name(t) or len(t.strip(".")) < 2 for t in name)
        or not any(t[:1].isupper() for t in name)
        or _bare(name[-1]) in NOT_PERSON_HEADS
    ):
        return None
    if (
        len(name) == 2
        and name[0].isupper()
        and len(name[0]) > 1
        and not name[1].isupper()
        and _japanese_given(name[1])
    ):
        # Japanese order with the family name in capitals: "KISHIDA Fumio". (A
        # Korean given name is hyphenated, a Chinese one in pinyin ends in a
        # consonant or is one syllable: both stay after the family name.)
        name = [name[1], name[0]]
    name = _korean(name)
    return " ".join(_cased(t) for t in [*name, *suffix])


def other_gender(honorific: str, gender: str | None) -> bool:
    """Whether ``honorific`` (a name key: ``mrs``, ``mr``) says the other gender
    than a person's ``gender`` ("Mrs. Kishida" is not the prime minister).

    >>> other_gender("mrs", "m"), other_gender("mr", "m"), other_gender("dr", "f")
    (True, False, False)
    """
    return (honorific in FEMALE_HONORIFICS and gender == "m") or (
        honorific in MALE_HONORIFICS and gender == "f"
    )


def _japanese_given(word: str) -> bool:
    """Whether ``word`` reads as a romanised Japanese given name: three letters or
    more, no hyphen, ending in a vowel ("Fumio", "Taro"; not "Yi", "Qiang")."""
    return len(word) >= 3 and "-" not in word and word[-1].lower() in "aeiou"


def _korean(name: list[str]) -> list[str]:
    """A Korean name in one spelling: family name, then the given name's two
    syllables hyphenated with the second in lower case ("Lee Jae Myung",
    "LEE Jae-Myung" -> "Lee Jae-myung")."""
    parts = [name[0], *name[1].split("-")] if len(name) == 2 else list(name)
    # Only where the name shows it is Korean: a hyphenated given name, or the
    # family name in capitals (as diplomatic lists write it); "Lee Kuan Yew" stays.
    if not (len(name) == 2 and "-" in name[1]) and not (name[0].isupper() and len(name[0]) > 1):
        return name
    if (
        len(parts) != 3
        or _bare(parts[0]) not in KOREAN_FAMILY_NAMES
        or not all(p.isalpha() and len(p) <= 5 for p in parts[1:])
    ):
        return name
    family = _cased(parts[0]) if parts[0].isupper() else parts[0]
    first, second = (_cased(p) if p.isupper() else p for p in parts[1:])
    return [family, f"{first[:1].upper()}{first[1:].lower()}-{second.lower()}"]


def slug(name: str) -> str:
    """``Kenji Watanabe`` -> ``kenji-watanabe``: an id's part from a display name."""
    return "-".join(name_key(name).split())


def name_key(text: str) -> str:
    """``text`` as a name is compared: no case, diacritics, hyphens, periods,
    editorial brackets or possessive.

    >>> name_key("President [Vladimir] Putin’s")
    'president vladimir putin'
    >>> name_key("Yoon Suk-yeol"), name_key("KISHIDA Fumio")
    ('yoon suk yeol', 'kishida fumio')
    """
    text = without_diacritics(text)
    text = text.replace("[", "").replace("]", "")
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[-‐–.’'`]", " ", text)
    return one_line(text).lower()
