"""Finding people in running text: names, titles, honorifics and pronouns,
each resolved against a registry on the document's day.

One pass over the words finds names and titles (longest match first); a
second resolves bare titles from the rest of the document and pronouns to the
person they stand for.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

from natojp._text.lexicon import (
    COURTESY,
    GIVEN_NAMES,
    HONORIFIC_TITLES,
    NAME_PARTICLES,
    NOT_PERSON_HEADS,
    NOT_THE_HOLDER,
    OFFICE_WORDS,
    OTHER_OFFICE,
    PAST_QUALIFIERS,
    PLACE_PREPOSITIONS,
)
from natojp._text.spans import Layout
from natojp._text.words import NAME_PART
from natojp.dates import MONTHS, WEEKDAYS, find_dates
from natojp.models import UNREGISTERED, PartialDate, PersonMention, Span
from natojp.people._names import GENERATIONS, display_name, name_key, other_gender, slug
from natojp.people._registry import Person, Registry, Resolution, Title, Trie

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:last|previous) year\b")
_WORD_SPLIT = re.compile(f"({NAME_PART})")
_FOLD_GAPS = frozenset(("’", "'", "."))
_GAP = re.compile(r"[ \t\u00a0\n\[\]\-‐–]{1,4}|\.[ \t\u00a0\n]{1,2}|\.")
_NAME_PARTICLES = NAME_PARTICLES
_ACADEMIC = frozenset(["dr", "prof", "professor"])
_SPACED_DASH = re.compile(r"\s[-‐–]|[-‐–]\s")
# Endings of English nouns and participles that no given name has ("Emerging", "Technologies").
_NOUN_ENDINGS = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ship",
    "ogy",
    "ogies",
    "ities",
    "ing",
    "ism",
    "ics",
)
# Before an appositive office: "Jake Sullivan, our National Security Advisor".
_APPOSITION_DETERMINERS = frozenset(["the", "our", "its", "his", "her", "their", "a", "an"])
# A name right after these is a place more often than a person.
_PLACE_PREPOSITIONS = PLACE_PREPOSITIONS
# Words that open a question or a clause before a title ("Is President Biden ...").
_OPENERS = frozenset(
    """is are was were do does did will would can could should shall may might must has
    have had and but so then if as when why how what where who while after before""".split()  # noqa: SIM905
)
# Words of an office addressed after an honorific ("Madam Speaker", "Mr. President").
_ADDRESSED = OFFICE_WORDS | {"speaker"}
# Offices addressed after an honorific that are not registry titles ("Madam Speaker").
_ADDRESSED_OFFICES = frozenset(
    [
        "speaker",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "mayor",
        "secretary",
        "ambassador",
        "president",
        "minister",
        "governor",
        "senator",
    ]
)
_HONORIFICS: dict[str, str | None] = dict.fromkeys(COURTESY) | dict(HONORIFIC_TITLES)
# Words before a title that say the holder is not the one in office that day.
_PAST_QUALIFIERS = PAST_QUALIFIERS
# Words that make a title another office ("Deputy Secretary General").
_OTHER_OFFICE = OTHER_OFFICE
_QUALIFIERS = _PAST_QUALIFIERS | _OTHER_OFFICE
# The chair of the UN General Assembly, whom its speakers address as "Mr. President".
ASSEMBLY_CHAIR = "President of the General Assembly"
_DETERMINERS = frozenset(["the", "our", "their", "its", "his", "her", "your", "my"])

# The head of the UN's secretariat, addressed in its General Assembly.
_UN_CHIEF = "Secretary General"
# Where a text is spoken to the UN General Assembly, "the President" is its chair.
ASSEMBLY_HOME = "United Nations"
# Forms of address on their own, to the chair of an assembly.
_VOCATIVES = frozenset(["sir", "madam"])
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
# Capitalised words that do not start or continue a name.
_NOT_NAMES = (
    frozenset(
        [
            "the",
            "a",
            "an",
            "and",
            "but",
            "or",
            "nor",
            "so",
            "yet",
            "in",
            "on",
            "at",
            "of",
            "for",
            "to",
            "from",
            "by",
            "with",
            "as",
            "if",
            "when",
            "while",
            "after",
            "before",
            "since",
            "until",
            "during",
            "thank",
            "thanks",
            "good",
            "dear",
            "hello",
            "welcome",
            "i",
            "we",
            "you",
            "it",
            "this",
            "that",
            "these",
            "those",
            "he",
            "she",
            "they",
            "his",
            "her",
            "its",
            "their",
            "our",
            "your",
            "my",
            "me",
            "us",
            "them",
            "there",
            "here",
            "what",
            "who",
            "why",
            "how",
            "all",
            "some",
            "many",
            "most",
            "no",
            "not",
            "yes",
            "also",
            "today",
            "yesterday",
            "tomorrow",
            "meanwhile",
            "however",
            "earlier",
            "later",
            "then",
            "now",
            "still",
            "both",
            "speaking",
            "according",
            "asked",
            "last",
            "next",
            "this",
        ]
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)
# Offices named after another's: "the Office of the President", "the Special
# Representative of the Secretary-General".
_OFFICES_OF = frozenset(
    ["office", "representative", "envoy", "spokesman", "spokesperson", "spokeswoman",
     "adviser", "advisor", "cabinet", "staff", "chef"]
)  # fmt: skip
# Months and weekdays as name keys: given or family names only with more ("April",
# "May"); shared with the given-name linking in _annotate.
CALENDAR_WORDS = frozenset(name_key(w) for w in (*MONTHS, *WEEKDAYS))
# A place preposition before a name makes it a place ("in Sydney"); "to" does
# not ("talked to Mary Barra", "over to Brian").
PLACES_BEFORE_NAMES = PLACE_PREPOSITIONS - {"to"}
# The last word of an office's name, before the name of whoever holds it.
_OFFICE_NOUNS = frozenset(
    [
        "administrator",
        "advisor",
        "adviser",
        "coordinator",
        "diplomat",
        "secretary",
        "minister",
        "ambassador",
        "envoy",
        "director",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chair",
        "chairman",
        "chairwoman",
        "commissioner",
        "governor",
        "senator",
        "representative",
        "chancellor",
        "premier",
        "president",
        "mayor",
        "king",
        "queen",
        "prince",
        "emperor",
        "admiral",
        "general",
        "commander",
        "speaker",
        "judge",
        "justice",
        "pope",
        "cardinal",
        "archbishop",
        "bishop",
        "captain",
        "colonel",
        "lieutenant",
        "sergeant",
        "congressman",
        "congresswoman",
        "councilmember",
        "emir",
        "sheikh",
        "sultan",
    ]
)


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return name_key(word)


class _Words:
    """The words of a text, with their offsets and how they join."""

    __slots__ = ("end", "joined", "key", "possessive", "start", "text", "upper")

    def __init__(self, text: str) -> None:
        # Split around the words, the gaps between them come with them and the
        # offsets are running sums of the pieces' lengths. Most words are plain;
        # only one-letter words need a look at their neighbours (a possessive
        # "'s", a dotted "U.S."), so the lists are built whole and those few fixed after.
        pieces = _WORD_SPLIT.split(text)
        offsets = list(accumulate(map(len, pieces), initial=0))
        words = pieces[1::2]
        self.start = offsets[1:-1:2]
        self.end = offsets[2::2]
        self.key = list(map(_key, words))
        self.upper = list(map(str.isupper, map(itemgetter(0), words)))
        self.possessive = [False] * len(words)
        gaps = pieces[2:-1:2]
        # Only a letter right after an apostrophe or a period can fold.
        folds = [
            i + 1
            for i in compress(range(len(gaps)), map(_FOLD_GAPS.__contains__, gaps))
            if len(words[i + 1]) == 1
        ]
        if folds:
            gaps = self._join_letters(text, words, folds, gaps)
        self.text = text
        self.joined = self._joined(gaps)

    def _join_letters(
        self, text: str, words: list[str], candidates: list[int], gaps: list[str]
    ) -> list[str]:
        """Fold a possessive "'s" into the word before it, and the letters of a
        dotted abbreviation ("U.S.", "H.E.") into one word keyed "u.s", "h.e";
        ``candidates`` are the one-letter words that may fold, ``gaps`` what
        stands between each word and the next. The gaps between the words left."""
        start, end, key, upper, possessive = (
            self.start,
            self.end,
            self.key,
            self.upper,
            self.possessive,
        )
        into: dict[int, int] = {}  # a folded word -> the word it became part of
        for i in candidates:
            before = into.get(i - 1, i - 1)
            at, word = start[i], words[i]
            if end[before] != at - 1:
                continue
            if (
                word in ("s", "S")
                and text[at - 1] in "’'"
                and text[at + 1 : at + 2] in ("", " ", ",", ".", ";", ":", "\n", "\u00a0")
            ):
                possessive[before] = True
                into[i] = before
            elif (
                text[at - 1] == "."
                and all(len(part) == 1 for part in key[before].split("."))
                and text[at + 1 : at + 2] == "."
            ):
                # Only an honorific among dotted abbreviations stands before a name.
                end[before] = end[i]
                key[before] = f"{key[before]}.{word.casefold()}"
                upper[before] = key[before] in _HONORIFICS
                into[i] = before
        if not into:
            return gaps
        kept = [True] * len(words)
        for i in into:
            kept[i] = False
        self.start = list(compress(start, kept))
        self.end = list(compress(end, kept))
        self.key = list(compress(key, kept))
        self.upper = list(compress(upper, kept))
        self.possessive = list(compress(possessive, kept))
        # a folded word follows the word it joins, so the gap after a kept word's
        # last folded word is the gap before the next kept word
        return list(compress(gaps, kept[1:]))

    def _joined(self, gaps: list[str]) -> list[bool]:
        """For each word, whether it and the next can be parts of one name, from
        the ``gaps`` between them; decided once per text, as every name, title
        and run asks it many times."""
        keys = self.key
        gap_ok = _GAP.fullmatch
        joined = [gap == " " for gap in gaps]
        for i in compress(range(len(gaps)), map(" ".__ne__, gaps)):
            gap = gaps[i]
            # A period joins only after an initial or an abbreviated honorific ("J. Smith").
            joined[i] = (
                gap_ok(gap) is not None
                and gap.count("\n") <= 1
                and ("." not in gap or len(keys[i]) == 1 or keys[i] in _HONORIFICS)
            )
        for i in compress(range(len(gaps)), self.possessive):
            joined[i] = False
        joined.append(False)
        return joined

    def __len__(self) -> int:
        return len(self.start)

    def joins(self, i: int) -> bool:
        """Whether word ``i`` and word ``i + 1`` can be parts of one name."""
        return 0 <= i < len(self.joined) and self.joined[i]

    def longest(self, trie: Trie, i: int) -> tuple[int, str] | None:
        """The longest entry of ``trie`` that the joined words from word ``i``
        spell: its size in words and its value."""
        key, joined = self.key, self.joined
        if i >= len(key):
            return None
        node, best, j, last = trie, None, i, len(key) - 1
        while True:
            entry = node.get(key[j])
            if entry is None:
                return best
            node, value = entry
            if value is not None:
                best = (j - i + 1, value)
            if j == last or not joined[j] or not node:
                return best
            j += 1

    def capitalised_name(self, i: int) -> bool:
        return self.upper[i] and self.key[i] not in _NOT_NAMES

    def hyphenated(self, i: int) -> bool:
        """Whether word ``i`` continues the word before it after a hyphen (``Suk-yeol``)."""
        return i > 0 and self.text[self.end[i - 1] : self.start[i]] in ("-", "‐")

    def name_shaped(self, i: int, size: int) -> bool:
        """Whether words ``i`` to ``i + size`` are written like a name: capitalised,
        but for particles (``de Hoop Scheffer``) and hyphenated parts."""
        return all(
            self.upper[j] or self.key[j] in _NAME_PARTICLES or (j > i and self.hyphenated(j))
            for j in range(i, i + size)
        ) and any(self.upper[j] for j in range(i, i + size))


class _Found:
    """A mention in the making: its words, what kind it is and, once resolved,
    who it names and how (``method``, ``confidence``)."""

    __slots__ = (
        "alone",
        "candidates",
        "confidence",
        "end",
        "gender",
        "honorific",
        "kind",
        "method",
        "organisation",
        "person_id",
        "qualifier",
        "refused",
        "start",
        "title",
    )

    def __init__(self, start: int, end: int, kind: str) -> None:
        self.start, self.end, self.kind = start, end, kind
        self.method = "none"
        self.confidence = 0.0
        self.person_id: str | None = None
        self.candidates: tuple[str, ...] = ()
        self.gender: str | None = None
        self.honorific = ""  # the courtesy or academic word before a name ("mrs")
        self.title: str | None = None
        self.organisation: str | None = None
        self.qualifier: str | None = None
        self.refused: str | None = None  # a person its title or honorific rules out
        self.alone = False  # a family name with no title, honorific or given name


class _Scanner:
    def __init__(
        self,
        text: str,
        registry: Registry,
        on: _dt.date | PartialDate | None,
        layout: Layout | None = None,
        home: str | None = None,
        presiding: Person | None = None,
    ) -> None:
        if isinstance(on, _dt.datetime):  # compared with dates below: keep its day
            on = on.date()
        self.text = text
        self.home = home
        # Who chairs the assembly the text is spoken to: its "Mr. President".
        self.presiding = presiding
        self.registry = registry
        self.lexicon = registry.lexicon
        self.on = on
        self.today = on.start if isinstance(on, PartialDate) else on
        self.words = _Words(text)
        self.layout = layout or Layout(text)
        self.local: dict[str, str] = {}  # last word of an unregistered name -> its id
        self.names: dict[str, str] = {}  # an unregistered person's id -> their display name
        self.org_counts: dict[str, int] | None = None  # how often the text names each org
        self.lower_keys: set[str] | None = None  # words the text writes in lower case
        # sentence index -> the day it is about (see _day_of)
        self.days: dict[int, _dt.date | PartialDate | None] = {}

    # --- the first pass: names, titles, honorifics --------------------------------

    def scan(self) -> list[_Found]:
        words = self.words
        found: list[_Found] = []
        title_starts = self.lexicon.starts | _QUALIFIERS | {"the"}
        # Only these words can begin a mention (any other is a lower-case word
        # no title, particle, pronoun or address starts with), so the scan
        # jumps from one to the next.
        starters = title_starts | _NAME_PARTICLES | _PRONOUNS.keys() | _VOCATIVES
        starts = [
            i
            for i, (key, upper) in enumerate(zip(words.key, words.upper, strict=True))
            if upper or key in starters
        ]
        at, i = 0, 0
        while True:
            at = bisect.bisect_left(starts, i, at)
            if at == len(starts):
                break
            i = starts[at]
            key = words.key[i]
            hit = None
            if key in title_starts:
                hit = self._title(i)
            if hit is None and (words.upper[i] or key in _NAME_PARTICLES):
                hit = self._honorific(i) or self._name(i, after_title=False)
            if hit is None and key in _VOCATIVES and self.home == ASSEMBLY_HOME:
                hit = self._vocative(i)
            if hit is None and key in _PRONOUNS and not self._inside_quote(i):
                pronoun = _Found(words.start[i], words.end[i], "pronoun")
                pronoun.gender = _PRONOUNS[key]
                found.append(pronoun)
                i += 1
                continue
            if hit is None:
                hit = self._local(i)
            if hit is None:
                i += 1
                continue
            mention, i = hit
            found.append(mention)
            if mention.kind == "title" and mention.qualifier != "address":
                named = self._named_after(mention, i)
                if named is not None:
                    found.append(named[0])
                    i = named[1]
        return found

    def _named_after(self, title: _Found, i: int) -> tuple[_Found, int] | None:
        """The name a title has in apposition after a comma: "the President of
        Cameroon, Paul Biya, spoke" (two to four capitalised words, then a
        comma or the sentence's end)."""
        words = self.words
        # the first word after the comma that follows the title (and its "of ...")
        i = next(
            (
                j
                for j in range(i, min(i + 8, len(words)))
                if self.text[title.end : words.start[j]].rstrip().endswith(",")
            ),
            len(words),
        )
        if i >= len(words) or not words.upper[i]:
            return None
        if not (
            self._comma_only(title.end, words.start[i])
            or self._of_phrase_then_comma(title.end, words.start[i])
        ):
            return None
        honorific = words.key[i] in _HONORIFICS  # "our Secretary-General, Mr. Kurt Waldheim,"
        named = self._honorific(i) if honorific else self._name(i, after_title=True)
        if named is None:
            return None
        mention, end = named
        size = end - i - honorific
        if not 2 <= size <= 4 or self.text[mention.end : mention.end + 1] not in (",", ".", ";"):
            return None
        return mention, end

    def _inside_quote(self, i: int) -> bool:
        return self.layout.quotation_at(self.words.start[i]) is not None

    def _title(self, i: int) -> tuple[_Found, int] | None:
        words, lex = self.words, self.lexicon
        j, determiner, qualifier = i, False, None
        if words.key[j] == "the" and words.joins(j):
            j, determiner = j + 1, True
        if (
            words.key[j] in _QUALIFIERS
            and words.joins(j)
            and words.longest(lex.trie_titles, j) is None
        ):
            qualifier, j = words.key[j], j + 1
        if (
            qualifier is None
            and not determiner
            and i > 0
            and words.key[i - 1] in NOT_THE_HOLDER
            and words.joins(i - 1)
        ):
            qualifier = words.key[i - 1]  # "a new Secretary General": no one holder
        first, organisation = j, None
        title = words.longest(lex.trie_titles, j)
        if title is not None:
            organisation = lex.title_organisations.get(tuple(words.key[j : j + title[0]]))
        else:
            org = words.longest(lex.trie_organisations, j)
            if org is None:
                return None
            last = j + org[0] - 1
            if last + 1 >= len(words) or not (words.joins(last) or self._possessive_gap(last)):
                return None
            organisation, j = org[1], last + 1
            title = words.longest(lex.trie_titles, j)
            if title is None:
                return None
        size, office = title
        end = j + size
        named = self._name(end, after_title=True) if words.joins(end - 1) else None
        if not words.upper[j] and not (determiner or organisation or named):
            return None
        start = words.start[first]
        if named is not None:
            mention, after = named
            mention.start = start
            mention.organisation, mention.qualifier = organisation, qualifier
            if qualifier not in _OTHER_OFFICE:
                mention.title = office
                if mention.person_id is None:
                    self._narrow_by_title(mention, office, organisation)
                else:
                    self._check_title(mention, office)
            return mention, after
        unknown_org = (
            organisation is None
            and not determiner
            and qualifier is None
            and i > 0
            and (words.joins(i - 1) or self._possessive_gap(i - 1))
            and words.capitalised_name(i - 1)
            and (not self._sentence_start(i - 1) or self._possessive_gap(i - 1))
        )
        k = j - 1 if j >= 1 and words.key[j - 1] == "the" else j
        if k >= 2 and words.key[k - 1] == "of" and words.key[k - 2] in _OFFICE_NOUNS | _OFFICES_OF:
            # "the Special Representative of the Secretary-General": another
            # office, whose holder the title does not name
            return None
        mention = _Found(start, words.end[end - 1], "title")
        mention.title = office
        mention.organisation = "?" if unknown_org else organisation
        if organisation is None and not unknown_org:
            mention.organisation = self._of_organisation(end)
        mention.qualifier = qualifier
        if (
            not determiner
            and qualifier is None
            and organisation is None
            and self.layout.quotation_at(start) is not None
            and self._vocative_title(start, words.end[end - 1])
        ):
            mention.organisation, mention.qualifier, mention.method = "?", "address", "address"
        return mention, end

    def _vocative_title(self, start: int, end: int) -> bool:
        """Whether a title stands alone as an address in a quoted exchange: "he
        said: 'President, you have ...'" (no article, a comma after it, and a
        quotation mark, a comma or a sentence's start before it)."""
        if self.text[end : end + 1] != ",":
            return False
        before = self.text[max(0, start - 3) : start].rstrip()
        return before == "" or before[-1] in "\"“‘',.:;" or before.endswith("\n")

    def _of_organisation(self, i: int) -> str | None:
        """The organisation named by "of ..." at word ``i`` ("the President of
        Poland"): the registry's name for it, "?" for one it does not know (the
        title is then someone else's office), None when no "of" follows."""
        words, lex = self.words, self.lexicon
        if i + 1 >= len(words) or words.key[i] != "of" or not words.joins(i - 1):
            return None
        j = i + 1
        if words.key[j] == "the" and j + 1 < len(words):
            j += 1
        org = words.longest(lex.trie_organisations, j)
        if org is not None:
            return org[1]
        return "?" if words.upper[j] else None

    def _possessive_gap(self, i: int) -> bool:
        words = self.words
        return (
            words.possessive[i]
            and i + 1 < len(words)
            and self.text[words.end[i] : words.start[i + 1]].strip() in ("’s", "'s", "’", "'")
        )

    def _sentence_start(self, i: int) -> bool:
        return self.layout.starts_sentence(self.words.start[i])

    def _honorific(self, i: int) -> tuple[_Found, int] | None:
        words = self.words
        key = words.key[i]
        if key not in _HONORIFICS or not words.upper[i] or not words.joins(i):
            return None
        address = self._address(i)
        if address is not None:
            return address
        if i + 1 < len(words) and words.key[i + 1] in self.lexicon.starts:
            titled = self._title(i + 1)  # "Mr. President Biden", "H.E. Prime Minister Kishida"
            if titled is not None and titled[0].kind == "name":
                titled[0].start = words.start[i]
                return titled
        named = self._name(i + 1, after_title=True)
        if named is None:
            return None
        mention, after = named
        mention.start = words.start[i]
        if mention.title is None:
            mention.title = _HONORIFICS[key]
        family_only = after - (i + 1) == 1
        mention.honorific = key
        self._check_honorific(mention, key, family_only=family_only)
        mention.alone = family_only  # "Mr. Mitsotakis": a family name, nothing more
        return mention, after

    def _vocative(self, i: int) -> tuple[_Found, int] | None:
        """ "I congratulate you, Sir, on your election": a "Sir" or "Madam" set
        off by punctuation, which in a speech to an assembly addresses its chair."""
        words = self.words
        if not words.upper[i]:
            return None
        before = self.text[: words.start[i]].rstrip()
        after = self.text[words.end[i] : words.end[i] + 1]
        if not (before.endswith((",", ".", ":", ";")) or self._sentence_start(i)):
            return None
        if after not in (",", ".", ";", ":", "!"):
            return None
        mention = _Found(words.start[i], words.end[i], "title")
        mention.organisation, mention.qualifier, mention.method = "?", "address", "address"
        return mention, i + 1

    def _address(self, i: int) -> tuple[_Found, int] | None:
        """ "Mr. President", "Madam Speaker": an honorific before an office with no
        name is a form of address, not a person natojp can name."""
        words, lex = self.words, self.lexicon
        j = i + 1
        title = words.longest(lex.trie_titles, j)
        size = title[0] if title is not None else 0
        while j + size < len(words) and size < 4 and words.key[j + size] in _ADDRESSED:
            if size and not words.joins(j + size - 1):
                break
            size += 1
        if size == 0:
            return None
        end = j + size
        if end < len(words) and words.joins(end - 1) and words.capitalised_name(end):
            return None  # "Mr. President Biden": a name follows
        mention = _Found(words.start[i], words.end[end - 1], "title")
        mention.title = self.text[words.start[j] : words.end[end - 1]]
        mention.organisation, mention.qualifier, mention.method = "?", "address", "address"
        return mention, end

    def _check_title(self, mention: _Found, office: str) -> None:
        """Undo a resolution the title contradicts: "Foreign Minister Abe" in 1983
        is not Shinzo Abe, who never held that office, nor "President Bush" in
        1990 George W. Bush, who first held it in 2001 (the registry holds their
        roles; a namesake's it may not)."""
        person = self.registry.get(mention.person_id) if mention.person_id else None
        if person is None:
            return
        # "President Ashe" is the President of the General Assembly, "Secretary
        # Blinken" the Secretary of State: a title is the start of the office's.
        held = [role for role in person.roles if (role.title + " ").startswith(office + " ")]
        on = self.on
        last = on.end if isinstance(on, PartialDate) else on
        if held and not (
            last is not None and all(r.start is not None and r.start > last for r in held)
        ):
            return  # "President Bush" in 1990 is not George W. Bush, president from 2001
        mention.candidates = (person.id,)
        mention.person_id, mention.gender = None, None
        mention.method, mention.confidence = "none", 0.0

    def _check_honorific(self, mention: _Found, key: str, *, family_only: bool) -> None:
        """Undo a resolution the honorific contradicts: "Mrs. Kishida" is not the
        prime minister, nor "Dr. Biden" the president (a family name alone after an
        academic honorific names someone the registry may not hold)."""
        person = self.registry.get(mention.person_id) if mention.person_id else None
        if person is None or mention.person_id is None:
            return
        wrong_gender = other_gender(key, person.gender)
        academic = (
            key in _ACADEMIC
            and family_only
            and bool(person.roles)  # an office-holder, not someone known as an academic
            and not any(role.title == _HONORIFICS[key] for role in person.roles)
        )
        if wrong_gender or academic:
            mention.refused = person.id
            mention.candidates = (person.id,)
            mention.person_id, mention.gender = None, None
            mention.method, mention.confidence = "none", 0.0

    def _name(self, i: int, *, after_title: bool) -> tuple[_Found, int] | None:
        words, lex = self.words, self.lexicon
        if i >= len(words) or not (words.upper[i] or words.key[i] in _NAME_PARTICLES):
            return None
        if words.key[i] in GENERATIONS:
            return None  # "King, Jr.": the end of a name, never a name
        match = words.longest(lex.trie_names, i)
        if match is not None:
            size, key = match
            end = i + size
            lone = size == 1 or all(k in _NAME_PARTICLES for k in words.key[i : end - 1])
            crowded = (
                i > 0
                and words.joins(i - 1)
                and words.capitalised_name(i - 1)
                and not after_title
                and words.key[i - 1] not in _HONORIFICS
            ) or (end < len(words) and words.joins(end - 1) and words.capitalised_name(end))
            word_alone = lone and not after_title and self._common_word(i)
            if words.name_shaped(i, size) and not (lone and crowded) and not word_alone:
                mention = self._resolved(i, end, key)
                mention.alone = lone and not after_title
                return mention, end
        # A name the registry does not hold exactly: close to one, or someone new.
        run = self._capitalised_run(i, particle_first=after_title)
        if not run:
            return None
        end = i + len(run)
        resolution = None
        if len(run) > 1 and tuple(run) not in lex.names:
            resolution = self.registry._by_name(" ".join(run), on=self.on)
        if (
            resolution is not None
            and resolution.method == "fuzzy"
            and (resolution.person or resolution.candidates)
        ):
            mention = _Found(words.start[i], words.end[end - 1], "name")
            self._set(mention, resolution)
            return mention, end
        if not after_title:
            held = self._office_holder(i, run)
            if held is None and (
                self._appositive(i, end, run)
                or self._given_first(i, run)
                or (self._plain_name(i, run) and self._initialled(i, run))
            ):
                mention = _Found(words.start[i], words.end[end - 1], "name")
                self._unregistered(mention, run)
                return mention, end
            return held
        mention = _Found(words.start[i], words.end[end - 1], "name")
        if _thing(run[-1]):
            return None  # "the Kennedy Center", "Dr. Seuss Museum": not a person
        self._unregistered(mention, run)
        return mention, end

    def _common_word(self, i: int) -> bool:
        """Whether word ``i`` alone is more likely a word than a family name: a
        month or weekday ("May" is not Theresa May), or a word the text also
        writes in lower case ("may", "key")."""
        key = self.words.key[i]
        if key in CALENDAR_WORDS:
            return True
        if self.lower_keys is None:
            words = self.words
            self.lower_keys = {k for k, up in zip(words.key, words.upper, strict=True) if not up}
        return key in self.lower_keys

    def _registered_within(self, name: str | None) -> Resolution | None:
        """The registered person whose full name ends ``name`` (a run that took in
        a capitalised word before the name: "Climate John Kerry")."""
        words = (name or "").split()
        for start in range(1, len(words) - 1):
            found = self.registry._by_name(name_key(" ".join(words[start:])), on=self.on)
            if found.person is not None and found.method == "name":
                return found
        return None

    def _appositive(self, i: int, end: int, run: list[str]) -> bool:
        """Whether a name of two to four words has an office beside it, set off by
        a comma: "Hiroshi Tanaka, Ambassador of Japan", "Jake Sullivan, our
        National Security Advisor", "Tokyo's chief diplomat, Yoko Kamikawa"."""
        if not 2 <= len(run) <= 4 or _thing(run[-1]) or self._sentence_start(i):
            return False
        words, text = self.words, self.text
        if i > 0 and words.key[i - 1] in _PLACE_PREPOSITIONS | {"of"}:
            # "officials from Saudi Arabia, whose ..." is a place; "the Economic
            # Community of Central African States, the President ..." a body's name
            return False
        after = text[words.end[end - 1] : words.end[end - 1] + 2]
        if after.startswith(",") and end < len(words):
            j = end
            while j < len(words) and words.key[j] in _APPOSITION_DETERMINERS:
                j += 1
            # the office right after the comma, in capitals or all lower case words of it
            for k in range(j, min(j + 3, len(words))):
                if "," in text[words.end[end - 1] + 1 : words.start[k]]:
                    break
                if words.key[k] in _OFFICE_NOUNS:
                    return True
                if not (words.upper[k] or words.key[k] in OFFICE_WORDS):
                    break
        before = text[max(0, words.start[i] - 2) : words.start[i]]
        return i > 0 and before.rstrip().endswith(",") and words.key[i - 1] in _OFFICE_NOUNS

    def _given_first(self, i: int, run: list[str]) -> bool:
        """Whether a run of two or three capitalised words is a name by its first
        word, a common given name the text never writes in lower case ("Mark
        Leno", "Elon Musk"; not "Will Smith Street", "Grace Church"), with no
        capitalised word before it, no office, place or body among its words."""
        if not 2 <= len(run) <= 3 or run[0] not in GIVEN_NAMES or self._common_word(i):
            return False
        if self._inside_longer_name(i):
            return False  # "Fort Mark Twain"
        if i > 0 and self.words.key[i - 1] in PLACES_BEFORE_NAMES | {"of", "the"}:
            return False  # "in Grace Bay"; but "talked to Mary Barra"
        if self._among_things(i, i + len(run)):
            return False
        return not self._has_word_of_no_name(run) and all(len(key) > 1 for key in run)

    def _inside_longer_name(self, i: int) -> bool:
        """Whether word ``i`` continues a capitalised word before it in the same
        sentence ("Fort Mark Twain")."""
        words = self.words
        return i > 0 and words.joins(i - 1) and words.upper[i - 1] and not self._sentence_start(i)

    def _has_word_of_no_name(self, run: list[str]) -> bool:
        """Whether a run has an office, a body's or place's last word, a month or
        weekday, an honorific or a country among its words."""
        organisations = self.lexicon.organisations
        return any(
            key in OFFICE_WORDS
            or key in NOT_PERSON_HEADS
            or key in CALENDAR_WORDS
            or (key,) in organisations
            or key in _HONORIFICS
            for key in run
        )

    def _plain_name(self, i: int, run: list[str]) -> bool:
        """Whether a run of capitalised words could be a person's name by its words
        alone: two to four words, none an office, a body, a country, a month or an
        honorific, the first and last no word the text also writes in lower case,
        and not the tail of a longer capitalised phrase."""
        if not 2 <= len(run) <= 4 or self._common_word(i) or self._inside_longer_name(i):
            return False
        words = self.words
        if i > 0 and words.key[i - 1] in PLACES_BEFORE_NAMES | {"the"}:
            return False
        last = i + len(run) - 1
        if len(run[-1]) < 2 or self._common_word(last) or self._among_things(i, last + 1):
            return False
        if any(
            _SPACED_DASH.search(self.text, words.end[k], words.start[k + 1]) for k in range(i, last)
        ):
            return False  # "Yugoslavia - Serbia": a dash between spaces joins no name
        if (
            self._has_word_of_no_name(run)
            or any(_singular(key) in OFFICE_WORDS for key in run)  # "Governors Hochul"
            or tuple(run) in self.lexicon.organisations
        ):
            return False
        # "Emerging Technologies Anne Neuberger": words of an office before a name
        return not any(len(key) >= 6 and key.endswith(_NOUN_ENDINGS) for key in run[:-1])

    def _initialled(self, i: int, run: list[str]) -> bool:
        """Whether a run is a given name, middle initials and a family name:
        "Tovah R. Calderon", "Francis D. Murnaghan"."""
        if not 3 <= len(run) <= 4 or len(run[0]) < 2:
            return False
        words = self.words
        inner = range(i + 1, i + len(run) - 1)
        return all(
            len(words.key[k]) == 1
            and self.text[words.end[k] : words.end[k] + 1] == "."
            and not self._sentence_start(k + 1)  # "Hepatitis B. Doctors agree."
            for k in inner
        )

    def link_family_names(self, found: list[_Found]) -> None:
        """A family name alone ("Mrs. Clinton", "Professor Awoonor") names the one
        person the text names in full with that family name ("Hillary Clinton",
        "Kofi Awoonor"), where no one else of that family name its honorific allows
        is named in a fuller form ("President Clinton" beside "Hillary Rodham
        Clinton" leaves "candidate Clinton" to no one)."""
        if not any(m.alone and m.kind == "name" for m in found):
            return
        in_full: dict[str, set[str]] = {}  # family name -> people named in full
        fuller: dict[str, set[str]] = {}  # ... and all named with more than it
        families: dict[str, str | None] = {}  # person id -> family name (none: one word)
        for m in found:
            if m.kind == "pronoun" or m.alone or m.method == "address":
                continue
            for pid in (m.person_id,) if m.person_id else m.candidates:
                if pid not in families:
                    words = (self.name_of(pid) or "").split()
                    parts = [w for w in words if name_key(w) not in GENERATIONS]
                    families[pid] = name_key(parts[-1]) if len(parts) > 1 else None
                family = families[pid]
                if family is not None:
                    fuller.setdefault(family, set()).add(pid)
                    if m.kind == "name" and m.person_id:
                        in_full.setdefault(family, set()).add(pid)
        if not in_full:
            return
        for m in found:
            if m.kind != "name" or not m.alone:
                continue
            if m.person_id and not m.person_id.startswith(UNREGISTERED):
                continue
            family = self.words.key[bisect.bisect_right(self.words.start, m.end - 1) - 1]
            if family not in in_full or (m.person_id and m.person_id in in_full[family]):
                continue
            named = {
                pid
                for pid in fuller[family] - {m.person_id}
                if pid != m.refused and not other_gender(m.honorific, self._gender_of(pid))
            }
            if len(named) != 1 or not named <= in_full[family]:
                continue
            (pid,) = named
            person = self.registry.get(pid)
            if person is None and (
                other_gender(m.honorific, "m") or other_gender(m.honorific, "f")
            ):
                continue  # "Mr. Pelosi" and an unregistered "Nancy Pelosi": gender unknown
            m.person_id, m.candidates = pid, ()
            m.gender = person.gender if person is not None else m.gender
            m.method = "name" if person is not None else "unregistered"

    def _gender_of(self, person_id: str) -> str | None:
        person = self.registry.get(person_id)
        return person.gender if person is not None else None

    def _among_things(self, i: int, end: int) -> bool:
        """Whether words ``i`` to ``end`` are an item of a list whose item beside
        them is one capitalised word that is no name ("Kroger, Harris Teeter,
        Fred Meyer": stores, not people)."""
        words, text = self.words, self.text
        neighbours = []
        if i >= 2 and text[words.end[i - 1] : words.start[i]].strip() == ",":
            gap = text[words.end[i - 2] : words.start[i - 1]].strip()
            alone = gap in ("(", ",") or (gap == "" and not words.upper[i - 2])
            neighbours.append((i - 1, alone and (i < 2 or words.key[i - 2] != "and")))
        if end + 1 < len(words) and text[words.end[end - 1] : words.start[end]].strip() == ",":
            after = text[words.end[end] : words.start[end + 1]]
            after = after.replace("’s", "").replace("'s", "").strip()
            neighbours.append((end, after in (",", ")")))
        for k, single in neighbours:
            key = words.key[k]
            if (
                single
                and words.upper[k]
                and key not in GIVEN_NAMES
                and (key,) not in self.lexicon.names
            ):
                return True
        return False

    def _office_holder(self, i: int, run: list[str]) -> tuple[_Found, int] | None:
        """Someone new named after an office the registry does not list:
        "National Security Advisor Jake Sullivan"."""
        office = max((k for k, key in enumerate(run) if key in _OFFICE_NOUNS), default=-1)
        if office < 0 or office == len(run) - 1:
            return None
        words, first, end = self.words, i + office + 1, i + len(run)
        if not words.upper[first] or _thing(run[-1]):
            return None
        # The office is the run's office words and an acronym before them
        # ("EPA Administrator"); a capitalised word before those ("Is President
        # Biden" opening a question) is not part of the mention.
        k = 0
        while k < office and run[k] in _OPENERS:
            k += 1
        mention = _Found(words.start[i + k], words.end[end - 1], "name")
        name = run[office + 1 :]
        found = self.registry._by_name(" ".join(name), on=self.on)
        person = found.person
        if (
            person is not None
            and len(name) == 1
            and not any(run[office] in name_key(role.title).split() for role in person.roles)
        ):
            # "Speaker Johnson", "Captain Cook": a family name after an office the
            # registered namesake never held is someone else
            person = None
        if person is not None:
            self._set(mention, found)
        else:
            self._unregistered(mention, name)
        mention.title = self.text[words.start[i + k] : words.end[i + office]]
        return mention, end

    def _capitalised_run(self, i: int, *, particle_first: bool = False) -> list[str]:
        """The keys of the capitalised words from word ``i`` that can make one name;
        after a title a particle may come first ("President von der Leyen")."""
        words = self.words
        run: list[str] = []
        j = i
        while j < len(words) and len(run) < 10:
            key = words.key[j]
            if not (
                words.capitalised_name(j)
                or ((run or particle_first) and (key in _NAME_PARTICLES or words.hyphenated(j)))
            ):
                break
            if key in _HONORIFICS and run:
                break
            run.append(key)
            if not words.joins(j):
                break
            j += 1
        while run and run[-1] in _NAME_PARTICLES:
            run.pop()
        return run

    def _local(self, i: int) -> tuple[_Found, int] | None:
        words = self.words
        person_id = self.local.get(words.key[i])
        if person_id is None or not words.upper[i]:
            return None
        mention = _Found(words.start[i], words.end[i], "name")
        mention.person_id, mention.method = person_id, "unregistered"
        return mention, i + 1

    def name_of(self, person_id: str | None) -> str | None:
        """The display name of a registered or unregistered person's id."""
        if person_id is None:
            return None
        person = self.registry.get(person_id)
        return person.name if person is not None else self.names.get(person_id)

    def _resolved(self, i: int, end: int, key: str) -> _Found:
        mention = _Found(self.words.start[i], self.words.end[end - 1], "name")
        self._set(mention, self.registry._by_name(key, on=self.on))
        return mention

    def _set(self, mention: _Found, resolution: Resolution) -> None:
        mention.method, mention.confidence = resolution.method, resolution.confidence
        if resolution.person is not None:
            mention.person_id = resolution.person.id
            mention.gender = resolution.person.gender
        mention.candidates = tuple(p.id for p in resolution.candidates)

    def _unregistered(self, mention: _Found, run: list[str]) -> None:
        """Someone the registry does not know: one id per person in the text, from
        their fullest name; a later family name alone ("Professor Watanabe")
        takes the id of the full name found earlier ("Kenji Watanabe")."""
        earlier = self.local.get(run[-1]) if len(run) == 1 else None
        if earlier is not None:
            person_id = earlier
        else:
            name = display_name(self.text[mention.start : mention.end])
            known = self._registered_within(name)
            if known is not None:  # "Envoy for Climate John Kerry": a registered name
                self._set(mention, known)
                return
            # one id function for mentions and speaker labels: from the display
            # name, so "Ms. Jean-Pierre" is unregistered:jean-pierre, not :pierre
            person_id = UNREGISTERED + slug(name) if name else unregistered_id(run)
            if name is not None:
                self.names.setdefault(person_id, name)
        mention.person_id, mention.method = person_id, "unregistered"
        self.local.setdefault(run[-1], person_id)

    def _narrow_by_title(self, mention: _Found, title: str, organisation: str | None) -> None:
        holders = {
            p.id for p in self.registry.holders(title, anchor=self.on, organisation=organisation)
        }
        narrowed = [c for c in mention.candidates if c in holders]
        if len(narrowed) == 1:
            person = self.registry[narrowed[0]]
            self._set(mention, Resolution(person, method="title+date", confidence=0.9))

    # --- the second pass: bare titles and pronouns ---------------------------------

    def resolve_titles(self, found: list[_Found]) -> None:
        named: dict[str, Person] = {}
        titled: dict[str, list[_Found]] = {}  # named mentions with a title, in text order
        for mention in found:
            if (
                mention.kind == "name"
                and mention.person_id
                and mention.title
                and mention.qualifier is None
            ):
                titled.setdefault(mention.title, []).append(mention)
            person = self.registry.get(mention.person_id) if mention.person_id else None
            if mention.kind == "name" and person is not None:
                named[person.id] = person
        # A bare title's resolution depends only on its sentence, title and
        # organisation: worked out once for each, however many times a long
        # sentence repeats the title.
        by_sentence: dict[tuple[int, str, str | None], Resolution] = {}
        self._link_appositions(found)
        for mention in found:
            if mention.method == "apposition":
                continue
            if mention.qualifier == "address":
                # "he said: 'President, you ...'": not to anyone in the hall
                quoted = self.layout.quotation_at(mention.start) is not None
                chair = None if quoted else self.presiding
                addressed = (
                    self.lexicon.titles.get(tuple(name_key(mention.title).split()))
                    if mention.title
                    else None
                )
                honorific = name_key(self.text[mention.start : mention.end]).split()[0]
                if chair is not None and addressed in (None, "President", ASSEMBLY_CHAIR):
                    if not other_gender(honorific, chair.gender):  # "Madam President"
                        self._set(mention, Resolution(chair, method="address", confidence=0.8))
                elif (
                    addressed == _UN_CHIEF
                    and self.home == ASSEMBLY_HOME
                    and self.on is not None
                    and self.text[mention.end : mention.end + 4] != " of "  # "... of NATO"
                ):
                    # "Mr. Secretary-General" in a speech to the Assembly: the UN's
                    # Secretary-General that day, who sits beside its chair
                    chief = self.registry.holders(
                        _UN_CHIEF, anchor=self.on, organisation=ASSEMBLY_HOME
                    )
                    if (
                        len(chief) == 1
                        and not quoted
                        and not other_gender(honorific, chief[0].gender)
                    ):
                        self._set(mention, Resolution(chief[0], method="address", confidence=0.8))
                continue
            if mention.kind != "title" or mention.title is None:
                continue
            if (
                self.home == ASSEMBLY_HOME
                and mention.title == "President"
                and mention.organisation is None
                and mention.qualifier is None
                and self.text[mention.end : mention.end + 8].split()[:1] != ["of"]
                and self.text[max(0, mention.start - 4) : mention.start].strip().lower() == "the"
                and self.layout.quotation_at(mention.start) is None
            ):
                # "The President took the Chair": in the record of an assembly, its
                # chair, whoever else the text calls President.
                if self.presiding is not None:
                    self._set(mention, Resolution(self.presiding, method="title", confidence=0.8))
                else:
                    mention.method = "title"
                continue
            if mention.qualifier == "our" and mention.organisation is None:
                # "our Secretary-General" in a speech to the UN is the UN's: an
                # office of the text's own organisation is everyone's there
                at_home = self._at_home(
                    mention.title, self._day_of(self.layout.sentence_index(mention.start))
                )
                if at_home is not None and len(at_home) == 1:
                    self._set(mention, Resolution(at_home[0], method="title+date", confidence=0.8))
                    continue
            if mention.qualifier in NOT_THE_HOLDER:
                mention.method = "title"
                continue
            if mention.organisation == "?" or mention.qualifier in _OTHER_OFFICE:
                if mention.qualifier in _OTHER_OFFICE:
                    mention.title = f"{mention.qualifier.capitalize()} {mention.title}"
                mention.method = "title"
                continue
            if mention.qualifier in _PAST_QUALIFIERS:
                self._set(mention, self._former(mention, named))
                continue
            antecedent = self._titled_before(mention, titled.get(mention.title, ()))
            if antecedent is not None and self._home_holds(mention, antecedent):
                antecedent = None  # the text's own office-holder, not the one named before
            if antecedent is not None:
                # "Foreign Minister Taro Kono ... the Foreign Minister": the writer's
                # own reference wins over who held the office on the day.
                mention.person_id, mention.gender = antecedent.person_id, antecedent.gender
                mention.method, mention.confidence = "context", 0.8
                continue
            index = self.layout.sentence_index(mention.start)
            key = (index, mention.title, mention.organisation)
            resolution = by_sentence.get(key)
            if resolution is None:
                resolution = by_sentence[key] = self._by_title(index, mention, named)
            self._set(mention, resolution)

    def _link_appositions(self, found: list[_Found]) -> None:
        """A title set off by a comma beside a name is that person's ("Jake
        Sullivan, our National Security Advisor,"; "the President of Cameroon,
        Paul Biya,")."""
        named = [m for m in found if m.kind == "name" and m.person_id]
        starts = [m.start for m in named]
        for mention in found:
            if mention.kind != "title" or mention.qualifier == "address" or mention.title is None:
                continue
            at = bisect.bisect_left(starts, mention.start)
            before = named[at - 1] if at > 0 else None
            after = named[at] if at < len(named) else None
            if before is not None and self._comma_only(before.end, mention.start):
                person = before
            elif (
                after is not None
                and (
                    self._comma_only(mention.end, after.start)
                    or self._of_phrase_then_comma(mention.end, after.start)
                )
                and self.text[after.end : after.end + 1] in (",", ".", ";", "")
            ):
                person = after
            else:
                continue
            mention.person_id, mention.gender = person.person_id, person.gender
            mention.candidates = ()
            mention.method, mention.confidence = "apposition", 0.8

    def _of_phrase_then_comma(self, start: int, end: int) -> bool:
        """Whether "of" and a capitalised name, then a comma, stand between
        ``start`` and ``end`` (" of the Republic of Cameroon, ")."""
        gap = self.text[start:end]
        parts = gap.replace(",", " , ").split()
        return (
            gap.count("\n") <= 1
            and len(parts) >= 3
            and parts[0] == "of"
            and parts[-1] == ","
            and "," not in parts[:-1]
            and all(p[:1].isupper() or p in ("of", "the") for p in parts[1:-1])
        )

    def _comma_only(self, start: int, end: int) -> bool:
        """Whether only a comma (and a determiner: "Jake Sullivan, our National
        Security Advisor") stands between ``start`` and ``end``."""
        gap = self.text[start:end]
        parts = gap.split()
        return (
            gap.count("\n") <= 1
            and parts[:1] == [","]
            and (len(parts) == 1 or (len(parts) == 2 and parts[1].lower() in _DETERMINERS))
        )

    def _at_home(self, title: str, day: _dt.date | PartialDate | None) -> list[Person] | None:
        """The holders of ``title`` on ``day`` at the organisation the text is
        from (its *home*), or None when the home has no such office or is unknown."""
        if self.home is None or not self.registry.holders(title, organisation=self.home):
            return None
        holders = self.registry.holders(title, anchor=day, organisation=self.home)
        return [p for p in holders if _held_throughout(p, title, self.home, day)]

    def _home_holds(self, mention: _Found, antecedent: _Found) -> bool:
        """Whether a bare title names the home's own office-holder rather than
        someone named with the title earlier in another sentence."""
        if mention.organisation is not None or mention.title is None:
            return False
        index = self.layout.sentence_index(mention.start)
        if self.layout.sentence_index(antecedent.start) == index:
            return False  # "President Macron said ..., and the President added"
        holders = self._at_home(mention.title, self._day_of(index))
        return bool(holders) and antecedent.person_id not in {p.id for p in holders or ()}

    def _by_title(self, index: int, mention: _Found, named: dict[str, Person]) -> Resolution:
        """Who a bare title in sentence ``index`` names: the holder on the
        sentence's day at the organisation the text is from, where it has the
        office; else the holder on the day, chosen among several by the
        sentence's organisations, else (for a text whose organisation is not
        known) the one holder the text names."""
        assert mention.title is not None
        lo, hi = self.layout.sentences[index]
        day = self._day_of(index)
        if day is None:
            # An undated text: a title names whoever held it then, which natojp
            # cannot tell; only an office one person ever held names them.
            ever = self.registry.holders(mention.title, organisation=mention.organisation)
            if len(ever) == 1 and mention.organisation not in (None, "?"):
                return Resolution(ever[0], method="title", confidence=0.5, title=mention.title)
            return Resolution(None, ever, method="title", confidence=0.0, title=mention.title)
        if mention.organisation is None:
            at_home = self._at_home(mention.title, day)
            if at_home is not None:
                if len(at_home) == 1:
                    return Resolution(
                        at_home[0], method="title+date", confidence=0.9, title=mention.title
                    )
                return Resolution(
                    None, tuple(at_home), method="title+date", confidence=0.0, title=mention.title
                )
        resolution = self.registry._by_title(
            Title(mention.title, mention.organisation, ""),
            on=day,
            context=self.text[lo:hi],
        )
        held = resolution.person
        if held is not None and not _held_throughout(held, mention.title, None, day):
            # a year in which the office changed hands: its other holder may be one
            # the registry does not know
            return Resolution(None, (held,), method="title", confidence=0.0, title=mention.title)
        if (
            resolution.person is not None
            and mention.organisation is None
            and self._at_home(mention.title, None) is None
        ):
            # Without an organisation in the title, nor the office at the text's
            # own, the holder's organisation must be one the text names: "The
            # Foreign Minister said no" in a text about France is not Japan's.
            orgs = {
                r.organisation for r in resolution.person.roles_on(day) if r.title == mention.title
            }
            if not any(self._organisation_counts().get(org) for org in orgs):
                return Resolution(
                    None, (resolution.person,), method="title", confidence=0.0, title=mention.title
                )
        if resolution.person is None and len(resolution.candidates) > 1:
            # Several offices share the title ("Secretary General" at NATO and at
            # the UN): the organisation the text is about decides, where one
            # holder's is named in it more than any other's.
            about = self._text_organisation({p.id: p for p in resolution.candidates}, day)
            if about is not None:
                return Resolution(about, method="context", confidence=0.7, title=mention.title)
        if self.home is None and (resolution.person is None or resolution.method == "title"):
            pool = resolution.candidates or ((resolution.person,) if resolution.person else ())
            known = [p for p in pool if p.id in named]
            if len(known) == 1:
                resolution = Resolution(known[0], method="context", confidence=0.7)
        return resolution

    def _text_organisation(
        self, candidates: dict[str, Person], day: _dt.date | PartialDate | None
    ) -> Person | None:
        """The candidate whose office's organisation the whole text names most,
        when it names it more often than any other candidate's."""
        counts = self._organisation_counts()
        scored = []
        for person in candidates.values():
            orgs = {role.organisation for role in person.roles_on(day)}
            scored.append((max((counts.get(org, 0) for org in orgs), default=0), person))
        scored.sort(key=lambda item: -item[0])
        # A text is about an organisation it names at least half as often as
        # the one it names most: five "China"s in a speech that names the United
        # Nations twenty times do not make "the President" China's.
        top = scored[0][0] if scored else 0
        second = scored[1][0] if len(scored) > 1 else 0
        if top > second and 2 * top >= max(counts.values(), default=0):
            return scored[0][1]
        return None

    def _organisation_counts(self) -> dict[str, int]:
        if self.org_counts is None:
            counts: dict[str, int] = {}
            lex, words = self.lexicon, self.words
            for i in range(len(words)):
                if words.upper[i] and words.key[i] in lex.starts:  # "US", not "us"
                    org = words.longest(lex.trie_organisations, i)
                    if org is not None:
                        counts[org[1]] = counts.get(org[1], 0) + 1
            self.org_counts = counts
        return self.org_counts

    def _former(self, mention: _Found, named: dict[str, Person]) -> Resolution:
        """A "former" title holder: one named elsewhere in the text, or the candidates
        (at the text's own organisation, where it has the office)."""
        assert mention.title is not None
        today = self.today
        organisation = mention.organisation
        if organisation is None and self._at_home(mention.title, None) is not None:
            organisation = self.home
        past = tuple(
            person
            for person in self.registry.holders(mention.title, organisation=organisation)
            if any(
                role.title == mention.title
                and role.end is not None
                and (today is None or role.end <= today)
                for role in person.roles
            )
        )
        known = [p for p in past if p.id in named]
        if len(known) == 1:
            return Resolution(known[0], method="context", confidence=0.7)
        return Resolution(None, past, method="title", confidence=0.0)

    def _titled_before(self, mention: _Found, titled: Sequence[_Found]) -> _Found | None:
        """The last earlier mention naming someone with the same title (at the
        mention's organisation, where it names one)."""
        index = bisect.bisect_left(titled, mention.start, key=lambda m: m.start)
        for other in reversed(titled[max(0, index - 8) : index]):
            if mention.organisation and other.organisation not in (None, mention.organisation):
                continue
            person = self.registry.get(other.person_id) if other.person_id else None
            if (
                mention.organisation
                and other.organisation is None
                and person is not None
                and not any(
                    r.title == mention.title and r.organisation == mention.organisation
                    for r in person.roles
                )
            ):
                continue  # "President Zelenskyy ... I, the President of Poland"
            return other
        return None

    def _day_of(self, index: int) -> _dt.date | PartialDate | None:
        """The day sentence ``index`` is about: a past date it names ("In 2016,
        the Secretary General..."), else the text's own day."""
        if index not in self.days:
            self.days[index] = self._find_day_of(*self.layout.sentences[index])
        return self.days[index]

    def _find_day_of(self, lo: int, hi: int) -> _dt.date | PartialDate | None:
        if self.today is None or not _YEAR.search(self.text, lo, hi):
            return self.on
        on = self.on
        for found in find_dates(self.text[lo:hi], anchor=on):
            value = found.value
            if value is None:
                continue
            if value.end < self.today:
                return value
            if (
                isinstance(on, PartialDate)
                and on.start <= value.start
                and value.end <= on.end
                and value.end - value.start < on.end - on.start
            ):
                return value  # "on 10 August 1953" in a text dated 1953
        return on

    def confirm_alone(self, found: list[_Found]) -> None:
        """Undo a family name alone ("Go ahead, Kelly.", "Mr. Mitsotakis") that
        names a registered office-holder out of office on the text's day whom the text
        names in no fuller form: a Kelly in a 2021 briefing is not John F. Kelly,
        who left office in 2019, nor a Mr. Mitsotakis in 1992 Kyriakos (prime
        minister from 2019); "Obama" is Barack Obama where the text also says
        "President Obama"."""
        if self.today is None:
            return
        fuller = {m.person_id for m in found if m.person_id and not m.alone and m.kind != "pronoun"}
        for mention in found:
            if not mention.alone or mention.person_id is None or mention.person_id in fuller:
                continue
            person = self.registry.get(mention.person_id)
            if person is not None and person.roles and not person.roles_on(self.on):
                mention.candidates = (person.id,)
                mention.person_id, mention.gender = None, None
                mention.method, mention.confidence = "none", 0.0

    def resolve_pronouns(self, found: list[_Found]) -> None:
        """Each pronoun stands for the first mention of someone of its gender
        in its sentence before it, else in one of the three sentences before
        (the pronouns resolved so far count as mentions)."""
        layout = self.layout
        # sentence index -> gender -> the first mention there that can stand
        # for a pronoun of that gender: one lookup per pronoun, not a rescan.
        first: dict[int, dict[str | None, _Found]] = {}
        for mention in found:
            if mention.kind != "pronoun" and layout.quotation_at(mention.start) is None:
                _offer(first.setdefault(layout.sentence_index(mention.start), {}), mention)
        for mention in found:
            if mention.kind != "pronoun":
                continue
            index = layout.sentence_index(mention.start)
            antecedent = first.get(index, {}).get(mention.gender)
            if antecedent is not None and antecedent.start >= mention.start:
                antecedent = None
            back = index - 1
            while antecedent is None and back >= max(0, index - 3):
                antecedent = first.get(back, {}).get(mention.gender)
                back -= 1
            mention.method = "pronoun"
            if antecedent is not None:
                mention.person_id = antecedent.person_id
                mention.candidates = antecedent.candidates
                mention.confidence = 0.6 if antecedent.person_id else 0.0
            _offer(first.setdefault(index, {}), mention)


_GENDERS = (None, *sorted(set(_PRONOUNS.values())))


def _held_throughout(
    person: Person, title: str, organisation: str | None, day: _dt.date | PartialDate | None
) -> bool:
    """Whether ``person`` held ``title`` for the whole of ``day`` (a year or a
    month, when the text gives no more): one holder found for a year in which
    the office changed hands is not evidence enough."""
    if not isinstance(day, PartialDate) or day.day is not None:
        return True
    return any(
        role.title == title
        and (organisation is None or role.organisation == organisation)
        and (role.start is None or role.start <= day.start)
        and (role.end is None or role.end > day.end)
        for role in person.roles
    )


def _offer(first: dict[str | None, _Found], mention: _Found) -> None:
    """Record ``mention`` in ``first`` for each pronoun gender it can stand for,
    where it comes before the one recorded."""
    if mention.method == "address" or not (
        mention.person_id or mention.candidates or mention.kind in ("name", "title")
    ):
        return  # someone natojp cannot name still stands between a pronoun and others
    for gender in _GENDERS:
        if mention.gender is not None and gender is not None and mention.gender != gender:
            continue
        held = first.get(gender)
        if held is None or mention.start < held.start:
            first[gender] = mention


def _thing(key: str) -> bool:
    """Whether a name's last word makes it a place, a body or a thing ("Museum",
    "Mosques"; only plurals in -es, as "Parks", "Banks" and "Rivers" are people's
    names too)."""
    return key in NOT_PERSON_HEADS or (
        key.endswith("es") and (key[:-1] in NOT_PERSON_HEADS or key[:-2] in NOT_PERSON_HEADS)
    )


def _singular(key: str) -> str:
    """A plural's singular, roughly: "governors" -> "governor", "secretaries" ->
    "secretary" (enough to know an office word in the plural)."""
    if key.endswith("ies"):
        return key[:-3] + "y"
    return key[:-1] if key.endswith("s") else key


def unregistered_id(words: Sequence[str]) -> str:
    """The id of someone the registry does not know, from the name keys of the
    words naming them: the last word with any particles before it
    (``unregistered:itoh``, ``unregistered:von-der-leyen``)."""
    tail = len(words) - 1
    while tail > 0 and words[tail - 1] in _NAME_PARTICLES:
        tail -= 1
    return UNREGISTERED + "-".join(k.replace(" ", "-") for k in words[tail:])


def find_mentions(
    text: str,
    registry: Registry,
    *,
    on: _dt.date | PartialDate | None = None,
    layout: Layout | None = None,
    home: str | None = None,
    known: Iterable[PersonMention] = (),
    presiding: Person | None = None,
) -> tuple[PersonMention, ...]:
    scanner = _Scanner(text, registry, on, layout, home, presiding)
    for mention in known:  # people named in full elsewhere (the document's title)
        if mention.person_id and mention.name and mention.person_id.startswith(UNREGISTERED):
            family = name_key(mention.name.split()[-1])
            scanner.local.setdefault(family, mention.person_id)
            scanner.names.setdefault(mention.person_id, mention.name)
    found = scanner.scan()
    scanner.link_family_names(found)
    scanner.confirm_alone(found)
    scanner.resolve_titles(found)
    scanner.resolve_pronouns(found)
    return tuple(_mention(m, scanner.name_of(m.person_id)) for m in found)


def _mention(found: _Found, name: str | None) -> PersonMention:
    return PersonMention(
        span=Span(found.start, found.end),
        person_id=found.person_id,
        candidates=() if found.person_id else found.candidates,
        method=found.method,
        confidence=found.confidence,
        title=found.title,
        name=name,
    )
