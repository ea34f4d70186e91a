"""What queries over a corpus return: hits, KWIC lines, text units and shared passages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, Literal, TypeVar

import attrs

from natojp.models import _html
from natojp.models._annotations import PersonMention, Quote
from natojp.models._base import Span, accept_renamed_keyword, warn_renamed_field


def _span_tuple(items: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(items)


def _occurrences(items: Iterable[Occurrence[Span]]) -> tuple[Occurrence[Span], ...]:
    return tuple(items)


_Item = TypeVar("_Item", Span, PersonMention, Quote)


@attrs.frozen(kw_only=True)
class Hit:
    """A document that matched a full-text search, best first.

    ``score`` is its BM25 relevance (higher is better, comparable only within one
    search); ``spans`` are the places in ``text`` where the query's words or
    phrases occur, ``span`` the first of them (``None`` only when the match lies
    in letters the search folded, such as diacritics); ``snippet`` is the text
    around ``span`` on one line.

    >>> import natojp
    >>> hit = natojp.load_corpus().search('"Beijing is watching"')[0]
    >>> hit.document_id in natojp.load_corpus()
    True
    >>> hit.snippet.startswith("…"), "Beijing is watching" in hit.snippet
    (True, True)
    """

    #: The id of the document that matched.
    document_id: str
    #: Its BM25 relevance, higher is better (comparable only within one search).
    score: float
    #: The first place the query matched in the document's text, if any.
    span: Span | None
    #: Every place the query's words or phrases occur in the document's text.
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_span_tuple)
    #: The text around ``span`` on one line, for showing the hit.
    snippet: str = ""

    def __str__(self) -> str:
        return f"{self.document_id} ({self.score:.3g}): {self.snippet}"

    def _repr_html_(self) -> str:
        return _html.hit(self)


@attrs.frozen(kw_only=True)
class KwicLine:
    """One keyword-in-context row: the words ``left`` of a ``match`` and the
    words ``right`` of it, on one line each; ``span`` is the match in the
    document's text.

    >>> import natojp
    >>> line = natojp.load_corpus().kwic("Indo-Pacific", window=3)[0]
    >>> line.match
    'Indo-Pacific'
    >>> print(line)  # doctest: +NORMALIZE_WHITESPACE
    2022-06-30-nikkei-op-ed  from our four | Indo-Pacific | partners — Australia
    """

    #: The id of the document the match is in.
    document_id: str
    #: The words before the match.
    left: str
    #: The matched text.
    match: str
    #: The words after the match.
    right: str
    #: Where the match is in the document's text.
    span: Span

    def __str__(self) -> str:
        return f"{self.document_id}  {self.left[-40:]:>40} | {self.match} | {self.right[:40]}"

    def _repr_html_(self) -> str:
        return _html.kwic_line(self)


@attrs.frozen(kw_only=True)
class TextUnit:
    """A paragraph or a sentence of a document, with where it came from.

    ``kind`` is ``"paragraph"`` or ``"sentence"``; ``number`` counts units of
    that kind in the document from 0; ``span`` is the unit in the document's
    text and ``text`` that part of it; ``speaker`` and ``person_id`` are who
    says or writes it, where the document tells (a transcript turn's speaker,
    a one-author op-ed's author).

    >>> import natojp
    >>> unit = natojp.load_corpus().sentences()[0]
    >>> unit.document_id, unit.kind, unit.number
    ('2022-06-30-nikkei-op-ed', 'sentence', 0)

    .. versionchanged:: 0.1
       ``speaker_id`` is now ``person_id``, as on every model; the old name warns.
    """

    #: The id of the document it comes from.
    document_id: str
    #: ``"paragraph"`` or ``"sentence"``.
    kind: Literal["paragraph", "sentence"]
    #: Its position among the document's units of that kind, from 0.
    number: int
    #: Where it is in the document's text.
    span: Span
    #: Its text (the part of the document's text at ``span``).
    text: str
    #: Who says or writes it, where the document tells.
    speaker: str | None = None
    #: The registry id of the speaker, when known.
    person_id: str | None = None

    @property
    def speaker_id(self) -> str | None:
        """Deprecated alias of :attr:`person_id` (removed in 0.3).

        .. deprecated:: 0.1
           Use :attr:`person_id`, the name every model uses for a registry id.
        """
        warn_renamed_field(type(self).__name__, "speaker_id", "person_id")
        return self.person_id

    def _repr_html_(self) -> str:
        return _html.text_unit(self)


@attrs.frozen(kw_only=True)
class Occurrence(Generic[_Item]):
    """Something found in one document of a corpus: a :class:`Quote`, a
    :class:`PersonMention` or a bare :class:`Span`, with the text it covers.

    >>> import natojp
    >>> found = natojp.load_corpus().mentions("yoon suk yeol")[0]
    >>> found.document_id, found.text
    ('tokyo-visit-news-article', 'South Korean President Yoon Suk-yeol')
    """

    #: The id of the document it was found in.
    document_id: str
    #: What was found, a :class:`Quote`, a :class:`PersonMention` or a :class:`Span`.
    item: _Item
    #: The part of the document's text it covers.
    text: str

    @property
    def span(self) -> Span:
        """Where ``item`` is in the document's text."""
        item = self.item
        return item if isinstance(item, Span) else item.span

    def _repr_html_(self) -> str:
        return _html.occurrence(self)


@attrs.frozen(kw_only=True)
class SharedPassage:
    """A passage of at least ``min_words`` words that recurs across documents:
    ``text`` as it first appears, its length in ``words``, and each
    ``occurrences`` (document id and span).

    >>> import natojp
    >>> passage = natojp.load_corpus().shared_passages(min_words=8)[0]
    >>> passage.words >= 8 and len({o.document_id for o in passage.occurrences}) >= 2
    True
    """

    #: The passage as it first appears.
    text: str
    #: How many words long it is.
    words: int
    #: Each place it occurs, as the document id and its span there.
    occurrences: tuple[Occurrence[Span], ...] = attrs.field(converter=_occurrences)

    @property
    def document_ids(self) -> tuple[str, ...]:
        """The ids of the documents it occurs in, each once, in order."""
        return tuple(dict.fromkeys(o.document_id for o in self.occurrences))


accept_renamed_keyword(TextUnit, "speaker_id", "person_id")
