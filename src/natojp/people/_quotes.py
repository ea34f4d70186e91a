"""Direct quotations and who said them.

A quotation is attributed by the words around it, in the order a reader
looks: a cue right after it (``…,” he said``, ``…,” said the Secretary
General``), else a cue before it in its sentence (``Mr Stoltenberg warned
that: “…``, ``Stoltenberg said …, adding that “…``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from natojp._text.spans import Layout, Quotation
from natojp.models import PersonMention, Quote, QuoteRoute, Span
from natojp.people._registry import Registry

_CUES = [
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adds",
    "adding",
    "told",
    "tells",
    "telling",
    "warned",
    "warns",
    "warning",
    "stressed",
    "stresses",
    "stressing",
    "noted",
    "notes",
    "noting",
    "underlined",
    "underlines",
    "underlining",
    "explained",
    "explains",
    "explaining",
    "argued",
    "argues",
    "arguing",
    "insisted",
    "insists",
    "declared",
    "declares",
    "stated",
    "states",
    "urged",
    "urges",
    "asked",
    "asks",
    "replied",
    "replies",
    "wrote",
    "writes",
    "recalled",
    "recalls",
    "remarked",
    "commented",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "emphasising",
    "emphasizing",
    "continued",
    "concluded",
    "acknowledged",
    "acknowledges",
    "called",
    "calling",
    "described",
    "describing",
    "criticised",
    "criticized",
    "condemned",
    "announced",
    "announces",
    "pledged",
    "vowed",
    "promised",
    "observed",
    "suggested",
    "claimed",
    "claims",
    "cautioned",
    "highlighted",
    "highlights",
    "reiterated",
    "affirmed",
    "tweeted",
    "posted",
    "recognised",
    "recognized",
    "recognises",
    "recognizes",
]
# The lookahead on the first letters lets most words fail at once: the text is
# scanned for cues once, start to end.
_CUE = re.compile(
    r"\b(?=[" + "".join(sorted({w[0] for w in _CUES} | {"a"})) + r"])"
    r"(?:according to|" + "|".join(sorted(set(_CUES), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# Between a closing mark and a following attribution: punctuation and space.
_AFTER_GAP = re.compile(r"[\s,;:—–-]*")
# Between a speaker and its cue, or a cue and its speaker: a few small words.
_SMALL_WORDS = re.compile(r"(?:\s+(?:also|then|later|has|had|have|was|once|again|\w+ly))*\s+")
_LEADING_THE = re.compile(r"[Tt]he\s+")
_ARTICLE = re.compile(r"\s+(?:the\s+)?")
_NAME_WORDS = r"[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}"
# A non-person source right before its cue: "Pyongyang has criticised".
_SOURCE_TAIL = (
    rf"(?:[Tt]he\s+)?(?P<source>{_NAME_WORDS})(?:\s+(?:has|have|had|also|then|later))*\s+$"
)
_SOURCE = re.compile(rf"(?:^|[,;]\s+){_SOURCE_TAIL}")
# The same, in a window that starts inside the clause (where ``^`` is not its start).
_SOURCE_INSIDE = re.compile(rf"[,;]\s+{_SOURCE_TAIL}")
_SOURCE_FIRST = re.compile(
    rf"(?:[Tt]he\s+)?(?P<source>{_NAME_WORDS})\s+(?P<cue>said|says|added|told|wrote|stated)\b"
)
_SUBJECT = re.compile(rf"(?:The\s+)?(?P<source>{_NAME_WORDS})\s+(?!of\b)[a-z]")


def _speaker_of(mention: PersonMention, text: str, registry: Registry) -> tuple[str, QuoteRoute]:
    """The speaker's display name and the route: named, title or pronoun."""
    route: QuoteRoute
    if mention.method == "pronoun":
        route = "pronoun"
    elif mention.title is not None and mention.method in ("title+date", "title", "context"):
        route = "title"
    else:
        route = "named"
    person = registry.get(mention.person_id) if mention.person_id else None
    return (person.name if person else mention.span.of(text)), route


# How far before its cue a non-person source is looked for ("…, the Kremlin
# has warned that"): far more than any name and its auxiliaries, and a bound on
# the work per quotation in a sentence that never ends.
_CLAUSE_WINDOW = 1000


class _Cues:
    """The cue words outside quotations and the mentions that can be a
    speaker before a cue, so that each quotation is attributed by a binary
    search instead of a rescan of its sentence. Cues are read once, as far as
    the quotations asked about so far need: ask in text order."""

    __slots__ = ("cues", "eligible", "eligible_starts", "ends", "layout", "scanned", "text")

    def __init__(self, text: str, layout: Layout, mentions: Sequence[PersonMention]) -> None:
        self.text, self.layout = text, layout
        self.cues: list[re.Match[str]] = []
        self.ends: list[int] = []
        self.scanned = 0  # every cue before this is in ``cues`` (from the sentences asked about)
        # Outside quotations; not "his"/"her" (the speaker is their owner's
        # antecedent, not the pronoun); not a possessive ("Kishida's").
        self.eligible = [
            m
            for m in mentions
            if layout.quotation_at(m.span.start) is None
            and not (
                m.method == "pronoun"
                and text[m.span.start : m.span.end].lower() in ("his", "her", "him", "hers")
            )
            and text[m.span.end : m.span.end + 2] not in ("’s", "'s")
        ]
        self.eligible_starts = [m.span.start for m in self.eligible]

    def last_cue(self, lo: int, hi: int) -> re.Match[str] | None:
        """The last cue inside ``lo..hi``, where ``hi`` is a quotation mark (no
        cue runs over it) and neither bound is before the last call's."""
        start = max(lo, self.scanned)
        if start < hi:
            for match in _CUE.finditer(self.text, start, hi):
                if self.layout.quotation_at(match.start()) is None:
                    self.cues.append(match)
                    self.ends.append(match.end())
            self.scanned = hi
        index = bisect.bisect_right(self.ends, hi) - 1
        if index >= 0 and self.cues[index].start() >= lo:
            return self.cues[index]
        return None

    def speaker(self, lo: int, hi: int, *, first: bool) -> PersonMention | None:
        """The first (else the last) eligible mention starting inside ``lo..hi``."""
        start = bisect.bisect_left(self.eligible_starts, lo)
        stop = bisect.bisect_left(self.eligible_starts, hi)
        if start >= stop:
            return None
        return self.eligible[start if first else stop - 1]


def find_quotes(
    text: str,
    mentions: Sequence[PersonMention],
    registry: Registry,
    layout: Layout | None = None,
) -> tuple[Quote, ...]:
    layout = layout or Layout(text)
    if not layout.quotations:
        return ()
    starts = sorted(mentions, key=lambda m: m.span.start)
    by_start = {m.span.start: m for m in starts}
    cues = _Cues(text, layout, starts)
    return tuple(
        _attribute(text, quotation, layout, cues, by_start, registry)
        for quotation in layout.quotations
    )


def _attribute(
    text: str,
    quotation: Quotation,
    layout: Layout,
    cues: _Cues,
    by_start: dict[int, PersonMention],
    registry: Registry,
) -> Quote:
    span = Span(quotation.start, quotation.end)
    lo, _ = layout.sentences[layout.sentence_index(quotation.open_at)]
    found = _after(text, quotation, by_start) or _before(text, quotation, lo, cues, by_start)
    if found is not None:
        who, cue = found
        if isinstance(who, PersonMention):
            name, route = _speaker_of(who, text, registry)
            return Quote(
                span=span,
                speaker=name,
                person_id=who.person_id,
                speaker_span=who.span,
                cue=cue,
                route=route,
            )
        return Quote(span=span, speaker=who[0], speaker_span=who[1], cue=cue, route="source")
    return Quote(span=span, route="none")


def _named_after(text: str, at: int, by_start: dict[int, PersonMention]) -> PersonMention | None:
    """The mention right after a cue: ``said [the] Secretary General``."""
    rest = _ARTICLE.match(text, at)
    return by_start.get(rest.end()) if rest else None


def _after(
    text: str,
    quotation: Quotation,
    by_start: dict[int, PersonMention],
) -> tuple[PersonMention | tuple[str, Span], str] | None:
    """``…,” he said`` or ``…,” said the Secretary General``."""
    if not quotation.closer:
        return None
    close_end = quotation.close_at + len(quotation.closer)
    last = text[quotation.start : quotation.close_at].rstrip()
    gap = _AFTER_GAP.match(text, close_end)
    at = gap.end() if gap else close_end
    ends_sentence = (
        last.endswith((".", "…"))
        and "," not in text[close_end:at]
        and not text[at : at + 1].islower()
    )
    if ends_sentence or at >= len(text):
        return None
    # the speaker first: "he said", "the Secretary General added"
    article = _LEADING_THE.match(text, at)
    mention = by_start.get(article.end() if article else at)
    if mention is not None:
        small = _SMALL_WORDS.match(text, mention.span.end)
        cue = _CUE.match(text, small.end()) if small else None
        if cue:
            return mention, cue.group().lower()
    # the cue first: "said the Secretary General", "according to Mr Stoltenberg"
    cue = _CUE.match(text, at)
    if cue:
        mention = _named_after(text, cue.end(), by_start)
        return (mention, cue.group().lower()) if mention is not None else None
    # a source that is not a person: "…,” the Kremlin said
    source = _SOURCE_FIRST.match(text, at)
    if source is not None:
        start = source.start("source")
        name = source.group("source")
        return (name, Span(start, start + len(name))), source.group("cue").lower()
    return None


def _before(
    text: str,
    quotation: Quotation,
    lo: int,
    cues: _Cues,
    by_start: dict[int, PersonMention],
) -> tuple[PersonMention | tuple[str, Span], str] | None:
    """``Mr Stoltenberg warned that: “…`` or ``X said …, adding that “…``."""
    cue = cues.last_cue(lo, quotation.open_at)
    if cue is None:
        return None
    word = cue.group().lower()
    if word == "according to":
        mention = _named_after(text, cue.end(), by_start)
        return (mention, word) if mention is not None else None
    # the sentence's subject for a participle ("Kishida ..., adding"), else the
    # nearest speaker before the cue
    chosen = cues.speaker(lo, cue.start(), first=word.endswith("ing"))
    if chosen is not None:
        return chosen, word
    # a participle's subject opens the sentence ("North Korea ..., saying")
    subject = (
        _SUBJECT.match(text, lo, min(cue.start(), lo + _CLAUSE_WINDOW))
        if word.endswith("ing")
        else None
    )
    if subject is not None:
        source, start = subject.group("source"), subject.start("source")
    else:
        # the source just before the cue, in at most the last _CLAUSE_WINDOW characters
        first = max(lo, cue.start() - _CLAUSE_WINDOW)
        pattern = _SOURCE if first == lo else _SOURCE_INSIDE
        found = pattern.search(text[first : cue.start()])
        if found is None:
            return None
        source, start = found.group("source"), first + found.start("source")
    return (source, Span(start, start + len(source))), word
