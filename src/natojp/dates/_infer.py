"""Dating undated documents from the dated documents that report the same events.

A news article that says "Stoltenberg said on Tuesday during a visit to the Iruma
airbase" and a dated release whose sentence "Earlier on Tuesday, the Secretary
General visited Iruma Air Base" resolves to Tuesday 31 January 2023 report the
same event: the article's "Tuesday" is that day. A weekday written in the past
tense is at most six days before the writing, one in the future tense at most
six days after; the days every matched weekday allows give the article's date.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from natojp._text.lexicon import HONORIFICS
from natojp.dates._find import find_dates
from natojp.dates._order import source_order
from natojp.dates._parse import (
    MONTHS,
    WEEKDAYS,
    Expression,
    numeric_order,
    scan_expressions,
    sentence_bounds,
)
from natojp.models import DateEvidence, DateMention, DateProvenance, Document, PartialDate

_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z’'-]{2,}")
_STOPWORDS = (
    frozenset(
        [
            "the",
            "this",
            "that",
            "these",
            "those",
            "there",
            "then",
            "than",
            "and",
            "but",
            "for",
            "with",
            "from",
            "into",
            "onto",
            "over",
            "under",
            "after",
            "before",
            "during",
            "while",
            "when",
            "where",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "why",
            "how",
            "its",
            "his",
            "her",
            "hers",
            "their",
            "theirs",
            "our",
            "ours",
            "your",
            "yours",
            "mine",
            "they",
            "them",
            "she",
            "he",
            "him",
            "we",
            "you",
            "it",
            "not",
            "all",
            "any",
            "both",
            "each",
            "few",
            "more",
            "most",
            "other",
            "some",
            "such",
            "only",
            "own",
            "same",
            "very",
            "can",
            "will",
            "just",
            "should",
            "now",
            "also",
            "yet",
            "still",
            "even",
            "earlier",
            "later",
            "last",
            "next",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "said",
            "says",
            "say",
            "according",
            "arriving",
            "speaking",
        ]
    )
    | HONORIFICS
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)
_EVIDENCE_PER_MATCH = 3
_WINDOW = 6  # a bare weekday is within a week of the day it is written


def mention_dates(
    text: str, date: PartialDate | None, event_date: PartialDate | None, url: str | None = None
) -> tuple[DateMention, ...]:
    """The date mentions of a document's text, resolved against the day it
    records (its event date) or else the day it was published. Its slashed
    dates are read in the order one of them shows, else in the order of the
    country whose site ``url`` is on, else as :func:`find_dates` reads them."""
    order = numeric_order(text)
    if order is None:
        order = source_order(url)
    return find_dates(text, anchor=event_date or date, dayfirst=order)


def key_terms(sentence: str) -> frozenset[str]:
    """The names in a sentence (capitalised words that are not function words)."""
    terms = set()
    for match in _CAPITALISED.finditer(sentence):
        word = match[0].lower().removesuffix("’s").removesuffix("'s").strip("’'-")
        if len(word) >= 3 and word not in _STOPWORDS:
            terms.add(word)
    return frozenset(terms)


@attrs.frozen
class _Event:
    day: _dt.date
    document_id: str
    phrase: str
    terms: frozenset[str]


def _events(doc: Document) -> Iterable[_Event]:
    """Days the document places something on, with the names around each."""
    anchor = doc.event_date or doc.date
    if anchor is not None and anchor.day is not None and not anchor.approximate:
        yield _Event(anchor.to_date(), doc.id, doc.title, key_terms(doc.title))
    for mention in doc.dates:
        value = mention.value
        if value is None or value.day is None or value.approximate:
            continue
        left, right = sentence_bounds(doc.text, mention.span.start, mention.span.end)
        yield _Event(
            value.to_date(),
            doc.id,
            mention.span.of(doc.text),
            key_terms(doc.text[left:right]),
        )


def _as_written(sentence: str, terms: Iterable[str]) -> list[str]:
    """The terms as the sentence spells them."""
    written = []
    for term in sorted(terms):
        match = re.search(rf"\b{re.escape(term)}", sentence, re.IGNORECASE)
        written.append(match[0] if match else term)
    return written


def _allowed_days(expr: Expression, day: _dt.date) -> tuple[_dt.date, _dt.date]:
    """The writing days on which ``expr`` would mean ``day``."""
    if expr.mode == "last":
        return _shift(day, 1), _shift(day, 7)
    if expr.mode == "next":
        return _shift(day, -7), _shift(day, -1)
    if expr.mode == "this":  # the weekday of the week the text was written in
        monday, sunday = _shift(day, -day.weekday()), _shift(day, 6 - day.weekday())
        if expr.tense > 0:
            return monday, day
        return (day, sunday) if expr.tense < 0 else (monday, sunday)
    if expr.tense > 0:
        return _shift(day, -_WINDOW), day
    return day, _shift(day, _WINDOW)


def _shift(day: _dt.date, days: int) -> _dt.date:
    """``day`` moved by ``days``, stopping at the first and last days a date holds."""
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return _dt.date.max if days > 0 else _dt.date.min


@attrs.frozen
class _Match:
    expr: Expression
    day: _dt.date
    events: tuple[_Event, ...]
    terms: frozenset[str]


class _EventIndex:
    def __init__(self, documents: Sequence[Document]) -> None:
        self._by_key: dict[tuple[int, str], list[_Event]] = defaultdict(list)
        frequency: dict[str, int] = defaultdict(int)
        for doc in documents:
            for term in key_terms(doc.text) | key_terms(doc.title):
                frequency[term] += 1
            if doc.date_provenance is not DateProvenance.STATED:
                continue
            for event in _events(doc):
                for term in event.terms:
                    self._by_key[(event.day.weekday(), term)].append(event)
        total = max(len(documents), 1)
        # Names every document shares tell little; rare ones (a base, a summit) tell most.
        self._weight = {term: math.log((total + 1) / count) for term, count in frequency.items()}

    def best(self, expr: Expression, terms: frozenset[str]) -> _Match | None:
        """The day whose events share the most weight of names with ``terms``;
        ``None`` when no event shares one, or two days tie."""
        scores: dict[_dt.date, float] = defaultdict(float)
        shared: dict[_dt.date, set[str]] = defaultdict(set)
        events: dict[_dt.date, dict[str, _Event]] = defaultdict(dict)
        for term in sorted(terms):  # sorted: the evidence must not depend on hash order
            for event in self._by_key.get((expr.weekday, term), ()):
                if term not in shared[event.day]:
                    shared[event.day].add(term)
                    scores[event.day] += self._weight.get(term, 0.0)
                events[event.day].setdefault(event.document_id + event.phrase, event)
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
            return None
        day = ranked[0][0]

        def weight(event: _Event) -> float:
            return sum(self._weight.get(term, 0.0) for term in event.terms & terms)

        supporting = sorted(
            events[day].values(), key=lambda e: (-weight(e), e.document_id, e.phrase)
        )
        best_per_document: dict[str, _Event] = {}
        for event in supporting:
            if event.terms & terms:
                best_per_document.setdefault(event.document_id, event)
        return _Match(expr, day, tuple(best_per_document.values()), terms)


def infer_dates(documents: Sequence[Document]) -> list[Document]:
    """The documents, each undated one given the date its weekdays and names
    agree on with dated documents (provenance ``inferred``, with evidence).

    Only dates change: the people a newly dated document mentions by title are
    not looked up again for the new day. :meth:`natojp.corpus.Corpus.infer_dates`
    does both, and is what most callers want.

    >>> import natojp
    >>> from natojp.dates import infer_dates
    >>> undated = [doc for doc in natojp.load_corpus() if doc.id != "tokyo-visit-news-article"]
    >>> [doc.date for doc in infer_dates(undated)][:1]
    [PartialDate('2022-06-30')]

    .. versionadded:: 0.1
    """
    if all(doc.date is not None for doc in documents):
        return list(documents)
    index = _EventIndex(documents)
    return [doc if doc.date is not None else _infer(doc, index) for doc in documents]


def _infer(doc: Document, index: _EventIndex) -> Document:
    lo, hi = _dt.date.min, _dt.date.max
    matches = []
    for expr in scan_expressions(doc.text, None):
        if expr.kind != "weekday":
            continue
        left, right = sentence_bounds(doc.text, expr.start, expr.end)
        found = index.best(expr, key_terms(doc.text[left:right]))
        if found is None:
            continue
        first, last = _allowed_days(expr, found.day)
        if first > hi or last < lo:
            return doc  # the matches disagree: leave it undated rather than guess
        lo, hi = max(lo, first), min(hi, last)
        matches.append(found)
    if not matches:
        return doc
    date = PartialDate.from_date(lo, approximate=hi > lo)
    evidence = []
    for found in matches:
        phrase = doc.text[found.expr.start : found.expr.end]
        left, right = sentence_bounds(doc.text, found.expr.start, found.expr.end)
        first, last = _allowed_days(found.expr, found.day)
        window = f"{first:%d %b %Y}" + ("" if first == last else f" .. {last:%d %b %Y}")
        for event in found.events[:_EVIDENCE_PER_MATCH]:
            names = _as_written(doc.text[left:right], event.terms & found.terms)
            evidence.append(
                DateEvidence(
                    document_id=event.document_id,
                    phrases=(phrase, event.phrase, *names),
                    note=(
                        f"{phrase!r} is {found.day:%A %d %B %Y}: {event.document_id} puts "
                        f"{event.phrase!r} on that day beside {', '.join(names)}; "
                        f"so this was written {window}"
                    ),
                )
            )
    return attrs.evolve(
        doc,
        date=date,
        date_provenance=DateProvenance.INFERRED,
        date_evidence=tuple(evidence),
        dates=mention_dates(doc.text, date, doc.event_date, doc.source.url),
    )
