"""The lexicon of honorifics, forms of address, office words and abbreviations,
read once from ``lexicon.yaml`` beside this module (the data is there, not in code).

>>> "mr" in HONORIFICS and HONORIFIC_TITLES["prof"]
'Professor'
>>> sorted(with_periods({"mr"}))
['mr', 'mr.']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

__all__ = [
    "ABBREVIATIONS",
    "COURTESY",
    "FEMALE_HONORIFICS",
    "GIVEN_NAMES",
    "HONORIFICS",
    "HONORIFIC_TITLES",
    "KOREAN_FAMILY_NAMES",
    "MALE_HONORIFICS",
    "NAME_PARTICLES",
    "NOT_PERSON_HEADS",
    "NOT_THE_HOLDER",
    "OFFICE_WORDS",
    "OTHER_OFFICE",
    "PAST_QUALIFIERS",
    "PLACE_PREPOSITIONS",
    "STYLES",
    "with_periods",
]


def _read() -> dict[str, Any]:
    text = (resources.files("natojp._text") / "lexicon.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


_DATA = _read()

COURTESY: frozenset[str] = frozenset(_DATA["honorifics"]["courtesy"])
"""Courtesy forms before a name (``mr``, ``madam``), without a final period."""

FEMALE_HONORIFICS: frozenset[str] = frozenset(_DATA["honorifics"]["female"])
"""Courtesy forms for a woman (``mrs``, ``ms``)."""

MALE_HONORIFICS: frozenset[str] = frozenset(_DATA["honorifics"]["male"])
"""Courtesy forms for a man (``mr``, ``sir``)."""

HONORIFIC_TITLES: Mapping[str, str] = MappingProxyType(dict(_DATA["honorifics"]["titles"]))
"""Honorifics that give a title: ``dr`` -> ``Dr``, ``professor`` -> ``Professor``."""

HONORIFICS: frozenset[str] = COURTESY | frozenset(HONORIFIC_TITLES)
"""Every honorific, courtesy or title-giving, without a final period."""

STYLES: frozenset[str] = frozenset(_DATA["styles"])
"""Forms of address for the holder of an office (``his``, ``excellency``)."""

OFFICE_WORDS: frozenset[str] = frozenset(_DATA["offices"])
"""Words that make up the name of an office (``prime``, ``minister``)."""

PAST_QUALIFIERS: frozenset[str] = frozenset(_DATA["qualifiers"]["past"])
"""Words before a title saying its holder is not in office that day (``former``)."""

OTHER_OFFICE: frozenset[str] = frozenset(_DATA["qualifiers"]["other_office"])
"""Words before a title making it another office (``deputy``)."""

NOT_THE_HOLDER: frozenset[str] = frozenset(_DATA["qualifiers"]["not_the_holder"])
"""Words before a title saying it names no one holder that day (``a new``)."""

NOT_PERSON_HEADS: frozenset[str] = frozenset(_DATA["not_person_heads"])
"""Last words that make a name a place or a body (``museum``, ``assembly``)."""


def _given_names() -> frozenset[str]:
    text = (resources.files("natojp") / "_text" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


GIVEN_NAMES: frozenset[str] = _given_names()
"""Common given names (``mark``, ``jennifer``), lower case: the US Census
Bureau's 1990 name files, less names more often places."""

PLACE_PREPOSITIONS: frozenset[str] = frozenset(_DATA["place_prepositions"])
"""Words before a name that make it a place more often than a person (``in``)."""

NAME_PARTICLES: frozenset[str] = frozenset(_DATA["name_particles"])
"""Lower-case words inside a name (``de``, ``von``, ``bin``)."""

KOREAN_FAMILY_NAMES: frozenset[str] = frozenset(_DATA["korean_family_names"])
"""Romanised Korean family names (``lee``, ``yoon``), for one canonical spelling."""

ABBREVIATIONS: frozenset[str] = frozenset(_DATA["abbreviations"])
"""Words after which a period does not end a sentence (``mr``, ``jan``, ``u.s``)."""


def with_periods(words: Iterable[str]) -> frozenset[str]:
    """Each word as written with and without a final period."""
    return frozenset(form for word in words for form in (word, word + "."))
