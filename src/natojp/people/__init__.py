"""People: who held which office when, and who a text mentions, quotes and is
spoken by.

The same person is ``NATO Secretary General``, ``Secretary General Jens
Stoltenberg``, ``Mr Stoltenberg``, ``NATO chief Stoltenberg`` and ``he``; a
title names someone else on another day. :func:`default_registry` is the
registry natojp ships; :func:`find_mentions` and :func:`find_quotes` read
running text against it.

>>> import datetime
>>> registry = default_registry()
>>> registry.resolve("NATO Secretary General", anchor=datetime.date(2025, 3, 1)).person
<Person 'mark-rutte' Mark Rutte>
>>> registry.resolve("Mr Stoltenberg").person.id
'jens-stoltenberg'
>>> registry.resolve("President", anchor=datetime.date(2023, 1, 31)).candidates[:2]
(<Person 'yoon-suk-yeol' Yoon Suk-yeol>, <Person 'vladimir-putin' Vladimir Putin>)
"""

from __future__ import annotations

from natojp._public import publish
from natojp.people._annotate import annotate, find_mentions, find_quotes
from natojp.people._names import name_key
from natojp.people._registry import Person, Registry, Resolution, Role, default_registry

__all__ = [
    "Person",
    "Registry",
    "Resolution",
    "Role",
    "annotate",
    "default_registry",
    "find_mentions",
    "find_quotes",
    "name_key",
]

publish(__name__, globals(), __all__)

# Shared with natojp's other packages, not a promise to users (not in __all__).
from natojp.people._names import slug as slug  # noqa: E402
