"""Whose words a document is, read from its title: the signer of a statement,
the issuers of a joint statement, the principals of a readout.

These are facts a title states ("Statement from President Joe Biden on ...",
"Readout of President Biden's Call with Prime Minister Kishida of Japan"), not
guesses; a phrase that does not name a person (or, for joint statements, a
government) is left out.

>>> readout_principals("Readout of President Biden's Call with Prime Minister Kishida of Japan")
['President Biden', 'Prime Minister Kishida']
>>> statement_authors("Statement from President Joe Biden and Vice President Harris on Ukraine")
['President Joe Biden', 'Vice President Harris']
>>> joint_issuers("Joint Statement of Japan, the Republic of Korea, and the United States")
['Japan', 'Republic of Korea', 'United States']
"""

from __future__ import annotations

import re

from natojp._text.lexicon import HONORIFICS, OFFICE_WORDS, STYLES, with_periods

__all__ = [
    "is_joint",
    "is_readout",
    "joint_issuers",
    "readout_principals",
    "reported_speakers",
    "statement_authors",
]

_OFFICE_WORDS = OFFICE_WORDS | STYLES | with_periods(HONORIFICS)
_NOT_PEOPLE = frozenset(
    """house department administration officials official office council group committee
    agency agencies team delegation delegations government governments leaders members
    staff senior ministry task force forum dialogue summit meeting meetings call calls
    commission bureau board roundtable convening coalition partners policy policies act law
    plan program programme initiative strategy report declaration statement agreement
    partnership framework order proclamation""".split()  # noqa: SIM905
)
# Country names that are "X of Y" ("the Republic of Korea").
_STATE_HEADS = frozenset(
    {
        "republic", "kingdom", "emirates", "union", "federation", "islands", "states",
        "commonwealth", "sultanate", "principality", "duchy",
    }
)  # fmt: skip
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_READOUT = re.compile(
    r"^(?:joint\s+)?readout\b|\((?:summary|readout)\)\s*$|^summary\s+of\s+(?:the\s+)?"
    r"(?:meeting|call|telephone|talks)|^(?:meeting|telephone\s+(?:call|talks?)|talks)"
    r"\s+between\b",
    re.IGNORECASE,
)
# "... on National Security Advisor Jake Sullivan's Call with ..." in a title.
_REPORTED_CALL = re.compile(
    r"\b(?:on|regarding)\s+(?P<who>[A-Z][^;:]*?)(?:['’]s?)?\s+(?i:(?:phone|telephone|video)\s+)?"
    r"(?i:call|calls|meeting|meetings|conversation|talks|visit)\s+(?i:with)\s+(?P<rest>.+)$"
)
_READOUT_OF = re.compile(
    r"^(?:joint\s+)?readout\s+(?:of|from)\s+(?:the\s+)?(?P<who>.+?)(?:['’]s?)?\s+"
    r"(?:(?:phone|telephone|video|virtual|bilateral|trilateral)\s+)*"
    r"(?:call|calls|meeting|meetings|conversation|talks|visit|engagement|discussion)s?"
    r"(?:\s+(?:with|between|to)\s+(?P<rest>.+)|\s+.*)?$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    r"^(?:meeting|telephone\s+(?:call|talks?)|talks|summary\s+of\s+(?:the\s+)?\w+)"
    r"\s+between\s+(?P<rest>.+?)(?:\s*\((?:summary|readout)\))?$",
    re.IGNORECASE,
)
_STATEMENT = re.compile(
    r"^(?:joint\s+)?statements?\s+(?:by|from|of)\s+(?P<who>.+?)"
    r"(?:\s+(?:on|regarding|about|marking|welcoming|celebrating|honoring|honouring|"
    r"commemorating|announcing|in\s+support\s+of|in\s+recognition\s+of|in\s+observance\s+of|"
    r"following|after|for|to)\s+.*)?$",
    re.IGNORECASE,
)
_JOINT = re.compile(
    r"\bjoint\s+(?:leaders['’]?\s+|vision\s+|press\s+)?(?:statement|declaration|communiqu[eé])",
    re.IGNORECASE,
)
_JOINT_OF = re.compile(
    r"\bjoint\s+(?:leaders['’]?\s+|vision\s+)?(?:statement|declaration|communiqu[eé])s?"
    r"\s+(?:of|by|from|between)\s+(?:the\s+)?(?:leaders\s+of\s+)?(?:the\s+)?(?P<rest>.+?)"
    r"(?:\s+(?:on|regarding|about|to|for|at)\s+.*)?$",
    re.IGNORECASE,
)
_HYPHEN_PAIR = re.compile(
    r"^(?:the\s+)?(?P<pair>[A-Z][\w.]*(?:\s+(?:of\s+)?[A-Z][\w.]*)*(?:\s*[-–]\s*[A-Z][\w.]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w.]*)*)+)\s+(?:Leaders['’]?\s+)?(?i:joint)\b",
)
_STATED = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=,\s))(?P<who>(?:[A-Z][\w.'’\-]*\s+){1,6}[A-Z][\w'’\-]+)\s+"
    r"(?:stated|said|expressed|explained|noted|emphasized|emphasised|stressed|welcomed)"
    r"\s+(?:that|his|her|the)\b"
)


def _words(phrase: str) -> list[str]:
    return [w.strip(".,'’").lower() for w in phrase.split()]


def _is_person(phrase: str) -> bool:
    """A phrase that names a person: a title or two capitalised words, and no
    word of an organisation or a meeting."""
    words = _words(phrase)
    if not words or not phrase[:1].isupper() or len(words) > 8:
        return False
    last = words[-1]
    if last in _NOT_PEOPLE or (last.endswith("s") and last[:-1] in _OFFICE_WORDS):
        return False  # "the White House", "Senior Administration Officials", "Advisors"
    capitalised = sum(1 for w in phrase.split() if w[:1].isupper())
    return any(w in _OFFICE_WORDS for w in words) or capitalised >= 2


def _without_place(phrase: str) -> str:
    """``"Prime Minister Kishida of Japan"`` -> ``"Prime Minister Kishida"``: the
    last "of/from <Place>" goes, a whole "of the Republic of Korea" included, but
    not the "of Defense" inside "Minister of Defense Benny Gantz", nor the "of
    State" of "Secretary of State" (what is left must still hold a name)."""
    out = phrase
    for _ in range(2):
        cut = max(out.rfind(" of "), out.rfind(" from "))
        tail = out[cut:].split(maxsplit=1)[-1] if cut > 0 else ""
        tail = tail[4:] if tail.lower().startswith("the ") else tail
        if cut <= 0 or not tail[:1].isupper():
            break
        head = out[:cut].rstrip(" ,")
        words = _words(head)
        if not words or all(
            w in _OFFICE_WORDS or w in ("of", "the", "state", "defense", "defence", "nsc")
            for w in words
        ):
            break  # "Secretary of State Blinken": no name would be left
        out = head
        if words[-1] not in _STATE_HEADS:
            break
    return out.strip()


def _people(phrases: str) -> list[str]:
    out = []
    for part in _SPLIT.split(phrases):
        part = _without_place(part.strip(" .,"))
        part = re.sub(r"^(?:the|his|her)\s+", "", part)
        if _is_person(part) and part not in out:
            out.append(part)
    return out


def is_joint(title: str) -> bool:
    """Whether a title names a joint statement, declaration or communiqué.

    >>> is_joint("United States-Japan Joint Leaders' Statement"), is_joint("Statement")
    (True, False)
    """
    return _JOINT.search(title) is not None


def is_readout(title: str) -> bool:
    """Whether a title names a readout: "Readout of ...", "... (Summary)",
    "Meeting between ...", or a statement on someone's call or meeting with
    someone.

    >>> is_readout("Readout of the Secretary's Meeting with the King of Jordan")
    True
    >>> is_readout("Statement by NSC Spokesperson Emily Horne on National Security "
    ...            "Advisor Jake Sullivan's Call with National Security Advisor Suh Hoon")
    True
    >>> is_readout("Statement from President Biden on the Passing of a Friend")
    False
    """
    title = " ".join(title.split())
    return bool(_READOUT.search(title) or _REPORTED_CALL.search(title))


def readout_principals(title: str) -> list[str]:
    """The people whose meeting or call a readout's title names.

    >>> readout_principals("Meeting between Prime Minister Kishida and Secretary "
    ...                    "General Stoltenberg (Summary)")
    ['Prime Minister Kishida', 'Secretary General Stoltenberg']
    >>> readout_principals("Readout of the White House's Meeting on Supply Chains")
    []
    """
    title = " ".join(title.split()).rstrip(". ")
    found = _REPORTED_CALL.search(title) or _READOUT_OF.match(title)
    if found:
        rest = found["rest"] or ""
        rest = re.split(r"\s+(?:on|to\s+discuss|regarding|about|at|in|during)\s+", rest)[0]
        return _people(found["who"]) + [p for p in _people(rest) if p not in found["who"]]
    between = _BETWEEN.match(title)
    return _people(between["rest"]) if between else []


def statement_authors(title: str) -> list[str]:
    """The people a statement's title says it is by.

    >>> statement_authors("Statement by NSC Spokesperson Emily Horne on Afghanistan")
    ['NSC Spokesperson Emily Horne']
    >>> statement_authors("Statement on the Anniversary of the Invasion")
    []
    """
    found = _STATEMENT.match(" ".join(title.split()))
    return _people(found["who"]) if found else []


def joint_issuers(title: str) -> list[str]:
    """The governments or leaders that issue a joint statement, as its title
    names them ("Joint Statement of X, Y and Z", "U.S.-Japan Joint Statement").

    >>> joint_issuers("United States-Japan Joint Leaders' Statement")
    ['United States', 'Japan']
    >>> joint_issuers("Joint Statement by President Biden and Taoiseach Martin")
    ['President Biden', 'Taoiseach Martin']
    """
    title = " ".join(title.split()).rstrip(". ")
    if not _JOINT.search(title):
        return []
    pair = _HYPHEN_PAIR.match(title)
    if pair:
        return [p.strip() for p in re.split(r"\s*[-–]\s*", pair["pair"]) if p.strip()]
    found = _JOINT_OF.search(title)
    if not found:
        return []
    out = []
    for part in _SPLIT.split(found["rest"]):
        part = re.sub(r"^(?:the\s+)", "", part.strip(" .,"))
        part = re.sub(r"\s+(?:on|to|for|at)\s+.*$", "", part)
        if part[:1].isupper() and not any(w in _NOT_PEOPLE for w in _words(part)):
            out.append(part)
    return out


def reported_speakers(text: str, *, limit: int = 20_000) -> list[str]:
    """The people a readout's body reports as speaking ("Prime Minister Kishida
    stated that ..."), in order, from its first ``limit`` characters.

    >>> reported_speakers("Prime Minister Kishida stated that Japan would help. "
    ...                   "Secretary General Stoltenberg said that NATO agreed.")
    ['Prime Minister Kishida', 'Secretary General Stoltenberg']
    """
    out: list[str] = []
    for found in _STATED.finditer(text[:limit]):
        who = re.sub(r"^(?:The|Then|Also|And|But)\s+", "", found["who"])
        if _is_person(who) and who not in out:
            out.append(who)
    return out
