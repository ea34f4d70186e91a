"""The :class:`Corpus` class; imported from :mod:`natojp.corpus`."""

from __future__ import annotations

import bisect
import datetime as _dt
import html
import math
import numbers
import operator
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Literal, SupportsIndex, TypeVar, overload

from natojp._progress import ProgressOption
from natojp.corpus import _export, _fulltext, _kwic, _reuse, _units
from natojp.dates import infer_dates
from natojp.errors import (
    DateError,
    DuplicateIdError,
    NotInCorpusError,
    PositionError,
    QueryError,
    UnknownIdError,
)
from natojp.models import (
    UNREGISTERED,
    DateInterval,
    DateProvenance,
    Document,
    DocumentKind,
    Hit,
    KwicLine,
    LoadReport,
    Occurrence,
    PartialDate,
    PersonMention,
    Quote,
    Results,
    SharedPassage,
    Span,
    TextUnit,
    Timeline,
)
from natojp.people import Registry, annotate, default_registry, name_key, slug
from natojp.serialize import dump_jsonl, jsonl_documents

if TYPE_CHECKING:
    import pandas
    import pyarrow

_T = TypeVar("_T")

__all__ = ["Corpus", "DateBasis", "Frequency", "SentenceSplitter"]

DateBasis = Literal["event", "published"]
"""Which date a query goes by, ``"event"`` (when it happened, else when it was
published) or ``"published"``.

.. versionadded:: 0.1
"""

Frequency = Literal["day", "month", "year"]
"""The periods :meth:`Corpus.timeline` counts by.

.. versionadded:: 0.1
"""

SentenceSplitter = Literal["natojp", "pysbd", "syntok"]
"""The sentence splitters :meth:`Corpus.sentences` can use (the last two need
the ``sentences`` extra).

.. versionadded:: 0.1
"""


class Corpus(Sequence[Document]):
    """An immutable, ordered collection of documents, looked up by position,
    slice or id. Every operation returns a new corpus; none changes one.

    ``report`` is the :class:`~natojp.models.LoadReport` of the load that made the corpus, if any.

    >>> import natojp
    >>> corpus = natojp.load_corpus()
    >>> len(corpus), corpus[0].id, corpus["2023-02-01-keio-speech"].kind.value
    (5, '2022-06-30-nikkei-op-ed', 'video')
    >>> corpus.where(kind="transcript")
    <Corpus: 1 document, 2023-01-31: '2023-01-31-tokyo-joint-press-point'>

    .. versionchanged:: 0.1
       A full sequence: any integer with ``__index__`` indexes it. An unknown id
       raises :exc:`~natojp.errors.UnknownIdError` (a :class:`KeyError`), a
       position past the end :exc:`~natojp.errors.PositionError` (an
       :class:`IndexError`), and two documents with one id
       :exc:`~natojp.errors.DuplicateIdError` (a :class:`ValueError`).
    """

    __slots__ = (
        "_base",
        "_by_id",
        "_documents",
        "_fulltext",
        "_index",
        "_positions",
        "_report",
        "_rows",
    )
    _documents: tuple[Document, ...]
    _by_id: dict[str, Document]
    _report: LoadReport | None
    _index: _Index | None
    # The full-text index is built over the corpus a chain of queries started
    # from (``_base``) and shared by every corpus derived from it; ``_rows`` are
    # this corpus's positions in ``_base`` (None when it is ``_base``).
    _base: tuple[Document, ...]
    _fulltext: _fulltext.FullTextIndex
    _rows: tuple[int, ...] | None
    _positions: dict[str, int] | None

    def __init__(
        self, documents: Iterable[Document] = (), *, report: LoadReport | None = None
    ) -> None:
        docs = tuple(documents)
        by_id: dict[str, Document] = {}
        for doc in docs:
            if not isinstance(doc, Document):
                raise TypeError(f"a Corpus holds Documents, not {type(doc).__name__}")
            if doc.id in by_id:
                raise DuplicateIdError(
                    f"two documents share the id {doc.id!r}; ids in a corpus are unique "
                    "(rename one with attrs.evolve(doc, id=...))"
                )
            by_id[doc.id] = doc
        object.__setattr__(self, "_documents", docs)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_report", report)
        object.__setattr__(self, "_index", None)
        object.__setattr__(self, "_base", docs)
        object.__setattr__(self, "_fulltext", _fulltext.FullTextIndex(docs))
        object.__setattr__(self, "_rows", None)
        object.__setattr__(self, "_positions", None)

    def _derived(self, positions: Iterable[int]) -> Corpus:
        """The documents at ``positions``, sharing this corpus's full-text index."""
        chosen = list(positions)
        derived = Corpus(self._documents[i] for i in chosen)
        rows = tuple(chosen) if self._rows is None else tuple(self._rows[i] for i in chosen)
        object.__setattr__(derived, "_base", self._base)
        object.__setattr__(derived, "_fulltext", self._fulltext)
        object.__setattr__(derived, "_rows", rows)
        return derived

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._documents, self._report))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(
            f"a Corpus is immutable; cannot set {name!r} (queries return new corpora)"
        )

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Corpus is immutable; cannot delete {name!r}")

    @property
    def report(self) -> LoadReport | None:
        """How the load that made this corpus went (``None`` if it was not loaded)."""
        return self._report

    @property
    def ids(self) -> tuple[str, ...]:
        """The document ids, in order."""
        return tuple(self._by_id)

    def __len__(self) -> int:
        return len(self._documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return isinstance(item, Document) and self._by_id.get(item.id) == item

    @overload
    def __getitem__(self, key: SupportsIndex) -> Document: ...
    @overload
    def __getitem__(self, key: str) -> Document: ...
    @overload
    def __getitem__(self, key: slice) -> Corpus: ...
    def __getitem__(self, key: SupportsIndex | str | slice) -> Document | Corpus:
        """A document by id (``corpus["an-id"]``) or position (any integer,
        including NumPy's, negative from the end), or a corpus by slice.

        An unknown id raises :class:`~natojp.errors.UnknownIdError` (a
        :class:`KeyError`); a position past the end,
        :class:`~natojp.errors.PositionError` (an :class:`IndexError`).
        """
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise UnknownIdError(
                    f"no document with id {key!r}; ids look like {self._hint()}"
                ) from None
        if isinstance(key, slice):
            return self._derived(range(len(self._documents))[key])
        try:
            position = operator.index(key)
        except TypeError:
            raise TypeError(
                f"index a Corpus by position, slice or id, not {type(key).__name__}"
            ) from None
        try:
            return self._documents[position]
        except IndexError:
            raise PositionError(
                f"document index {position} is out of range for {len(self)} documents"
            ) from None

    def index(
        self, value: object, start: SupportsIndex = 0, stop: SupportsIndex | None = None
    ) -> int:
        """The position of a document (or of the document with an id), as
        :meth:`list.index`; :class:`~natojp.errors.NotInCorpusError` (a
        :class:`ValueError`) when it is not in the corpus.

        >>> import natojp
        >>> corpus = natojp.load_corpus()
        >>> corpus.index(corpus[2]), corpus.index("2022-06-30-nikkei-op-ed")
        (2, 0)

        .. versionchanged:: 0.1
           Finds an id as well as a document, and raises
           :exc:`~natojp.errors.NotInCorpusError` when it is not there (it raised
           :exc:`~natojp.errors.QueryError`).
        """
        wanted = self._by_id.get(value) if isinstance(value, str) else value
        if isinstance(wanted, Document) and self._by_id.get(wanted.id) == wanted:
            position = self._position(wanted.id)
            lo, hi, _ = slice(start, stop).indices(len(self._documents))
            if lo <= position < hi:
                return position
        shown = value if isinstance(value, str) else getattr(value, "id", type(value).__name__)
        raise NotInCorpusError(f"{shown!r} is not in this corpus")

    def count(self, value: object) -> int:
        """How many times a document (or an id) is in the corpus: 0 or 1, since
        ids are unique.

        >>> import natojp
        >>> corpus = natojp.load_corpus()
        >>> corpus.count(corpus[0]), corpus.count("nope")
        (1, 0)

        .. versionchanged:: 0.1
           Counts ids as well as documents (it raised :exc:`~natojp.errors.QueryError`).
        """
        return 1 if value in self else 0

    def _position(self, doc_id: str) -> int:
        positions = self._positions
        if positions is None:
            positions = {doc.id: i for i, doc in enumerate(self._documents)}
            object.__setattr__(self, "_positions", positions)
        return positions[doc_id]

    def _hint(self) -> str:
        return ", ".join(repr(i) for i in self.ids[:2]) or "(the corpus is empty)"

    @overload
    def get(self, doc_id: str) -> Document | None: ...
    @overload
    def get(self, doc_id: str, default: Document) -> Document: ...
    @overload
    def get(self, doc_id: str, default: _T) -> Document | _T: ...
    def get(self, doc_id: str, default: object = None) -> object:
        """The document with id ``doc_id``, or ``default``.

        >>> import natojp
        >>> corpus = natojp.load_corpus()
        >>> corpus.get("2022-06-30-nikkei-op-ed").kind.value, corpus.get("no-such-id")
        ('op_ed', None)

        .. versionchanged:: 0.1
           Typed with overloads: with a :class:`~natojp.models.Document` as
           ``default`` it returns a ``Document``, not ``Document | None``.
        """
        return self._by_id.get(doc_id, default)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Corpus):
            return self._documents == other._documents
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._documents)

    def __add__(self, other: Corpus) -> Corpus:
        if not isinstance(other, Corpus):
            return NotImplemented
        return Corpus((*self._documents, *other._documents))

    def __repr__(self) -> str:
        if not self._documents:
            return "<Corpus: 0 documents>"
        dates = sorted((d.date for d in self._documents if d.date), key=lambda d: d.sort_key)
        span = ""
        if dates:
            first, last = dates[0].isoformat(), dates[-1].isoformat()
            span = f", {first}" if first == last else f", {first} .. {last}"
        shown = ", ".join(repr(i) for i in self.ids[:3])
        more = f", … {len(self) - 3} more" if len(self) > 3 else ""
        noun = "document" if len(self) == 1 else "documents"
        return f"<Corpus: {len(self)} {noun}{span}: {shown}{more}>"

    def _repr_html_(self) -> str:
        """A table of the documents for notebooks (the first 20, then a count)."""
        rows = []
        for doc in self._documents[:20]:
            date = doc.date.isoformat() if doc.date else "undated"
            if doc.date_provenance is DateProvenance.INFERRED:
                date += " (inferred)"
            speakers = ", ".join(s.name for s in doc.speakers)
            cells = (doc.id, doc.kind.value, date, doc.source.outlet or "", speakers, doc.title)
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        more = len(self) - len(rows)
        foot = f"<p>… and {more} more</p>" if more > 0 else ""
        head = "".join(
            f"<th>{h}</th>" for h in ("id", "kind", "date", "outlet", "speakers", "title")
        )
        return (
            f"<p><b>Corpus</b>: {len(self)} documents</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{foot}"
        )

    def infer_dates(self) -> Corpus:
        """A corpus in which each undated document is dated from the others, where
        they agree.

        An undated report that says something happened "on Tuesday" beside the
        same names (places, people, events) as a dated document's sentence about
        a Tuesday is dated by that day and the tense of its own sentences: a
        weekday in the past tense is at most six days before the writing, one in
        the future tense at most six days after. The date gets provenance
        ``inferred`` and :class:`~natojp.models.DateEvidence` naming the other
        document and the matched phrases; where several writing days remain, the
        earliest is given, marked approximate. Documents whose matches disagree,
        or that match nothing, stay undated.

        >>> import natojp
        >>> doc = natojp.load_corpus()["tokyo-visit-news-article"]
        >>> doc.date, doc.date_provenance.value
        (PartialDate('2023-01-31'), 'inferred')
        >>> sorted({e.document_id for e in doc.date_evidence})[:1]
        ['2023-01-31-tokyo-joint-press-point']

        .. versionchanged:: 0.1
           Calls :func:`natojp.dates.infer_dates`, now public, and then finds the
           newly dated documents' people again.
        """
        dated = infer_dates(self._documents)
        # Titles name whoever held them on the day, now that the day is known.
        return Corpus(
            (
                new if new is old else annotate(new)
                for old, new in zip(self._documents, dated, strict=True)
            ),
            report=self._report,
        )

    # --- filters -----------------------------------------------------------------------

    def _indexed(self) -> _Index:
        if self._index is None:
            object.__setattr__(self, "_index", _Index(self._documents))
        assert self._index is not None
        return self._index

    def _subset(self, positions: Iterable[int]) -> Corpus:
        return self._derived(sorted(positions))

    def where(
        self,
        *,
        kind: str | DocumentKind | Iterable[str | DocumentKind] | None = None,
        outlet: str | None = None,
        speaker: str | None = None,
        mentions: str | None = None,
        predicate: Callable[[Document], bool] | None = None,
        registry: Registry | None = None,
    ) -> Corpus:
        """The documents that match every condition given, in order.

        ``kind`` is a kind or several; ``outlet`` matches the source's outlet
        ignoring case; ``speaker`` is who speaks or writes the document and
        ``mentions`` someone it mentions, each a person id, a name or an alias
        (``"stoltenberg"``, ``"Mr Stoltenberg"``), resolved with the people
        registry (``registry``, or the bundled one); ``predicate`` is any test
        of your own. Conditions on kind,
        outlet, speaker and mentions use indexes built once per corpus.

        >>> import natojp
        >>> corpus = natojp.load_corpus()
        >>> corpus.where(kind="transcript", speaker="stoltenberg").ids
        ('2023-01-31-tokyo-joint-press-point',)
        >>> corpus.where(mentions="Yoon Suk Yeol").ids
        ('tokyo-visit-news-article',)
        >>> corpus.where(kind="nonsense")
        Traceback (most recent call last):
        ...
        natojp.errors.QueryError: unknown kind 'nonsense'; kinds are speech, transcript, ...
        """
        index = self._indexed()
        conditions: list[set[int]] = []
        if kind is not None:
            kinds = [kind] if isinstance(kind, (str, DocumentKind)) else list(kind)
            found = [index.kinds.get(_kind(k), set()) for k in kinds]
            conditions.append(found[0] if len(found) == 1 else set().union(*found))
        if outlet is not None:
            conditions.append(index.outlets.get(outlet.casefold(), set()))
        if speaker is not None:
            conditions.append(index.people(index.speakers, _person_keys(speaker, registry)))
        if mentions is not None:
            conditions.append(index.people(index.mentioned, _person_keys(mentions, registry)))
        positions: Iterable[int] = range(len(self._documents))
        if conditions:
            conditions.sort(key=len)  # intersecting from the smallest reads the least
            positions = conditions[0].intersection(*conditions[1:])
        if predicate is not None:
            positions = [i for i in positions if predicate(self._documents[i])]
        return self._subset(positions)

    def between(
        self,
        start: str | _dt.date | PartialDate | None = None,
        end: str | _dt.date | PartialDate | None = None,
        *,
        by: DateBasis = "event",
    ) -> Corpus:
        """The documents dated inside ``start``..``end`` (both inclusive; either
        may be left open), compared by interval: a document dated "June 2022"
        is inside ``"2022-06-01"``..``"2022-06-30"`` and inside ``"2022"``, but
        not inside ``"2022-06-15"``..``"2022-12-31"``. ``by="event"`` uses when
        the document's event happened (a speech, not its video's upload), falling
        back to the publication date; ``by="published"`` the publication date.
        An event that ran over several days (its
        :attr:`~natojp.models.Document.event_interval`, a summit on 11–12 July)
        is inside when all its days are. Undated documents are left out.

        >>> import natojp
        >>> corpus = natojp.load_corpus()
        >>> corpus.between("2023-02", "2023-12-31").ids
        ('2023-02-01-keio-speech',)
        >>> corpus.between("2023-09", by="published").ids
        ('2023-02-01-keio-speech',)
        """
        _check_by(by)
        lo = date_bound(start).start if start is not None else _dt.date.min
        hi = date_bound(end).end if end is not None else _dt.date.max
        if lo > hi:
            raise QueryError(f"the range is empty: {start} is after {end}")
        table = self._indexed().dates(self._documents, by)
        first = bisect.bisect_left(table, (lo,))
        return self._subset(i for s, e, i in table[first:] if s <= hi and e <= hi)

    def annotate(self, registry: Registry | None = None) -> Corpus:
        """A corpus whose documents have their people found again against
        ``registry`` (see :func:`natojp.people.annotate`): use it after
        extending the registry with people of your own.

        >>> import natojp
        >>> from natojp.people import Person, default_registry
        >>> itoh = Person(id="itoh", name="Akio Itoh")
        >>> corpus = natojp.load_corpus().annotate(default_registry().with_people([itoh]))
        >>> [q.person_id for q in corpus["2023-02-01-keio-speech"].mentions][3:5]
        ['itoh', 'unregistered:tsuruoka']
        """
        return Corpus((annotate(doc, registry) for doc in self._documents), report=self._report)

    def sorted(self) -> Corpus:
        """The documents in date order (undated ones last), ties by id.

        >>> import natojp
        >>> natojp.load_corpus().sorted().ids[-1]
        '2023-02-01-keio-speech'
        """

        def key(position: int) -> tuple[int, str, str]:
            doc = self._documents[position]
            when = doc.date.start.isoformat() if doc.date else ""
            return (doc.date is None, when, doc.id)

        return self._derived(sorted(range(len(self._documents)), key=key))

    # --- text --------------------------------------------------------------------------

    def _positions_of_rows(self, rows: Iterable[int]) -> list[int]:
        """This corpus's positions of the base corpus's ``rows``, in order,
        leaving out rows that are not in this corpus."""
        if self._rows is None:
            return sorted(rows)
        local = self._indexed().local(self._rows)
        return sorted(local[row] for row in rows if row in local)

    def search(self, query: str, *, limit: int | None = 50) -> Results[Hit]:
        """The documents matching ``query``, best first (BM25), at most ``limit``
        of them (``None`` for all).

        Words match whole words, ignoring case and diacritics; ``"a phrase"``
        matches the words in order; ``nuclear*`` and ``"nuclear weap"*`` match
        prefixes; terms side by side must all occur (as with ``AND``); ``OR``,
        ``NOT`` and parentheses combine them. ``Indo-Pacific`` is searched as
        the phrase ``"Indo Pacific"``. Each :class:`~natojp.models.Hit` has the
        spans in ``text`` where the query's terms occur and a snippet. The index
        (SQLite FTS5) is built on the first search and shared with every corpus
        filtered from this one. The hits are :class:`~natojp.models.Results`,
        as what :meth:`kwic`, :meth:`paragraphs`, :meth:`sentences`,
        :meth:`quotes` and :meth:`mentions` return: a tuple with
        ``to_pandas()``, shown as a table in a notebook.

        >>> import natojp
        >>> corpus = natojp.load_corpus()
        >>> hits = corpus.search('"Beijing is watching closely"')
        >>> sorted(hit.document_id for hit in hits)  # doctest: +NORMALIZE_WHITESPACE
        ['2023-01-31-tokyo-joint-press-point', '2023-01-31-tokyo-news-release',
         '2023-02-01-keio-speech']
        >>> hit = corpus.search("Kishida AND (Ukraine OR Taiwan) NOT Yoon")[0]
        >>> hit.document_id, corpus[hit.document_id].text[hit.span.start:hit.span.end]
        ('2023-01-31-tokyo-joint-press-point', 'Kishida')
        >>> corpus.search('"unclosed')
        Traceback (most recent call last):
        ...
        natojp.errors.QueryError: unclosed quotation mark in '"unclosed'; close the phrase with "
        >>> corpus.search("NATO", limit=1.5)
        Traceback (most recent call last):
        ...
        natojp.errors.QueryError: limit= is a whole number, 1 or more, or None; not 1.5

        .. versionchanged:: 0.1
           Returns :class:`~natojp.models.Results` (a tuple that also makes a
           table), not a plain tuple.
        """
        limit = _count("limit", limit, least=1, none=True)
        _text("query", query)
        parsed = _fulltext.parse(query)
        matches = _fulltext.finder(_fulltext.wanted_terms(parsed))
        if self._rows is None:
            ranked = self._fulltext.ranked(parsed, limit)
        else:
            local = self._indexed().local(self._rows)
            ranked = [(row, score) for row, score in self._fulltext.ranked(parsed) if row in local]
        hits = []
        marks: dict[Hit, list[tuple[int, int]]] = {}
        for row, score in ranked[:limit]:
            doc = self._base[row]
            spans = [Span(*m.span()) for m in matches(doc.text)]
            first = spans[0] if spans else None
            hit = Hit(
                document_id=doc.id,
                score=score,
                span=first,
                spans=spans,
                snippet=_fulltext.snippet(doc.text, first),
            )
            hits.append(hit)
            marks[hit] = [m.span() for m in matches(hit.snippet)]
        return Results(hits, of=Hit, highlights=marks)

    def kwic(
        self,
        pattern: str,
        window: int = 5,
        *,
        regex: bool = False,
        case_sensitive: bool = False,
        timeout: float = 10.0,
    ) -> Results[KwicLine]:
        """Every occurrence of ``pattern`` with ``window`` words (punctuation
        marks count as words) on each side, in document order.

        ``pattern`` is a word or a phrase, matched as whole words ignoring
        diacritics, and may end in ``*`` for a prefix (``"nuclear weap*"``);
        with ``regex=True`` it is a Python regular expression. Case is ignored
        unless ``case_sensitive``. Words and phrases are looked up in the
        full-text index first, so only documents containing them are read. An
        invalid regular expression raises :class:`~natojp.errors.QueryError`;
        a pattern runs under a time limit of ``timeout`` seconds for the whole
        search (the :mod:`regex` package's), and one that backtracks past it
        (``(a+)+$``) stops with a :class:`~natojp.errors.QueryError`.

        >>> import natojp
        >>> corpus = natojp.load_corpus()
        >>> line = corpus.kwic("watching closely", window=3)[0]
        >>> line.document_id, line.left, line.match, line.right
        ('2023-01-31-tokyo-joint-press-point', '. Beijing is', 'watching closely', '. And learning')
        >>> acronyms = corpus.kwic(r"\\b[A-Z]{3,}\\b", regex=True, case_sensitive=True)
        >>> sorted({line.match for line in acronyms})
        ['GDP', 'NATO']
        >>> corpus.kwic("(unclosed", regex=True)
        Traceback (most recent call last):
        ...
        natojp.errors.QueryError: invalid regular expression '(unclosed': missing ), ...

        .. versionchanged:: 0.1
           Returns :class:`~natojp.models.Results` (a tuple that also makes a
           table), not a plain tuple.
        """
        window = _count("window", window, least=0)
        _text("pattern", pattern)
        timeout = _seconds("timeout", timeout)
        documents = self._documents
        if regex:
            compiled = _kwic.compile_pattern(pattern, case_sensitive=case_sensitive)
            positions: Sequence[int] = range(len(documents))
            texts = [doc.text for doc in documents]
            found = _kwic.guarded_spans(compiled, texts, timeout=timeout)
        else:
            wanted = _fulltext.written(pattern, keep_case=case_sensitive)
            matches = _fulltext.finder([wanted], case_sensitive=case_sensitive)
            positions = self._positions_of_rows(self._fulltext.positions(wanted))
            found = [[m.span() for m in matches(documents[i].text)] for i in positions]
        lines: list[KwicLine] = []
        for position, spans in zip(positions, found, strict=True):
            doc = documents[position]
            lines.extend(_kwic.lines(doc.id, doc.text, spans, window))
        return Results(lines, of=KwicLine)

    def paragraphs(self) -> Results[TextUnit]:
        """Every paragraph of every document, in order, with its document id,
        span and speaker (see :class:`~natojp.models.TextUnit`). A transcript
        turn of several paragraphs gives several paragraphs with one speaker.

        >>> import natojp
        >>> units = natojp.load_corpus().where(kind="transcript").paragraphs()
        >>> unit = units[0]
        >>> unit.speaker, unit.text[:32]
        ('Jens Stoltenberg', 'Prime Minister Kishida, Thank yo')

        .. versionchanged:: 0.1
           Returns :class:`~natojp.models.Results` (a tuple that also makes a
           table), not a plain tuple.
        """
        return Results(_units.paragraph_units(self._documents), of=TextUnit)

    def sentences(self, *, splitter: SentenceSplitter = "natojp") -> Results[TextUnit]:
        """Every sentence of every document, found inside its paragraphs, with
        document id, span and speaker. ``splitter`` is ``"natojp"`` (built in;
        it does not break after ``Mr.``, ``Jan.``, ``U.S.`` or inside quotation
        marks), or ``"pysbd"`` or ``"syntok"`` (the ``sentences`` extra).

        >>> import natojp
        >>> units = natojp.load_corpus().sentences()
        >>> sentence = units[1]
        >>> text = natojp.load_corpus()[sentence.document_id].text
        >>> sentence.text[:40], sentence.span.of(text) == sentence.text
        ('This is the first time leaders from our ', True)

        .. versionchanged:: 0.1
           Returns :class:`~natojp.models.Results` (a tuple that also makes a
           table), not a plain tuple.
        """
        return Results(
            _units.sentence_units(self._documents, _units.splitter(splitter)), of=TextUnit
        )

    # --- people and dates ----------------------------------------------------------------

    def quotes(
        self,
        *,
        speaker: str | None = None,
        containing: str | None = None,
        registry: Registry | None = None,
    ) -> Results[Occurrence[Quote]]:
        """The quotations in the corpus, in order, with their document id and
        text: of ``speaker`` only (a person id, name or alias) and only those
        ``containing`` a word or phrase (whole words, ignoring case; ``*`` for a
        prefix), when given.

        >>> import natojp
        >>> found = natojp.load_corpus().quotes(speaker="Stoltenberg", containing="Ukraine")
        >>> found[1].document_id, found[1].text[:30], found[1].item.person_id
        ('tokyo-visit-news-article', 'The war in Ukraine also demons', 'jens-stoltenberg')

        .. versionchanged:: 0.1
           Returns :class:`~natojp.models.Results` (a tuple that also makes a
           table), not a plain tuple.
        """
        keys = _person_keys(speaker, registry) if speaker is not None else None
        wanted = None
        if containing is not None:
            wanted = _fulltext.finder([_fulltext.written(containing)])
        found: list[Occurrence[Quote]] = []
        for doc in self._documents:
            for quote in doc.quotes:
                if keys is not None and not (
                    quote.person_id in keys or (quote.speaker and name_key(quote.speaker) in keys)
                ):
                    continue
                text = quote.span.of(doc.text)
                if wanted is not None and next(wanted(text), None) is None:
                    continue
                found.append(Occurrence(document_id=doc.id, item=quote, text=text))
        return Results(found, of=Occurrence[Quote])

    def mentions(
        self, person: str, *, registry: Registry | None = None
    ) -> Results[Occurrence[PersonMention]]:
        """Every mention of ``person`` (a person id, name or alias), in order,
        with its document id and the words that mention them (names, titles,
        pronouns).

        >>> import natojp
        >>> [m.text for m in natojp.load_corpus().mentions("Kishida")][:3]
        ['Prime Minister Fumio Kishida', 'Prime Minister Kishida', 'Prime Minister']

        .. versionchanged:: 0.1
           Returns :class:`~natojp.models.Results` (a tuple that also makes a
           table), not a plain tuple.
        """
        keys = _person_keys(person, registry)
        index = self._indexed()
        positions = sorted(index.people(index.mentioned, keys))
        found: list[Occurrence[PersonMention]] = []
        for position in positions:
            doc = self._documents[position]
            for mention in doc.mentions:
                named = mention.name is not None and _NAMED + name_key(mention.name) in keys
                if mention.person_id in keys or named:
                    found.append(
                        Occurrence(document_id=doc.id, item=mention, text=mention.span.of(doc.text))
                    )
        return Results(found, of=Occurrence[PersonMention])

    def timeline(self, freq: Frequency = "month", *, by: DateBasis = "event") -> Timeline:
        """How many documents fall in each ``freq`` (``"day"``, ``"month"`` or
        ``"year"``), in date order, as ``(period, count)`` pairs (a
        :class:`~natojp.models.Timeline`, whose ``to_pandas()`` makes a table);
        periods with no documents are left out. ``by`` is as in :meth:`between`. A document
        dated less precisely than ``freq`` (only "June 2022" when counting days)
        is counted under its own date rather than dropped; undated documents
        are not counted. With ``by="event"``, a document whose event ran over
        several days (its :attr:`~natojp.models.Document.event_interval`) is
        counted in each period it covers, so the counts can add up to more
        than the documents.

        >>> import natojp
        >>> natojp.load_corpus().timeline("month")
        ((PartialDate('2022-06'), 1), (PartialDate('2023-01'), 3), (PartialDate('2023-02'), 1))

        .. versionchanged:: 0.1
           Returns a :class:`~natojp.models.Timeline` (a tuple of pairs that also
           makes a table), not a plain tuple.
        """
        keep = {"day": 3, "month": 2, "year": 1}.get(freq)
        if keep is None:
            raise QueryError(f"freq= is 'day', 'month' or 'year', not {freq!r}")
        _check_by(by)
        counts: dict[PartialDate, int] = {}
        for doc in self._documents:
            if by == "event" and doc.event_interval is not None:
                periods = _periods(doc.event_interval, keep)
            else:
                when = _when(doc, by)
                if when is None:
                    continue
                periods = [_period(when, keep)]
            for period in periods:
                counts[period] = counts.get(period, 0) + 1
        return Timeline(sorted(counts.items(), key=lambda item: (item[0].start, item[0].end)))

    def shared_passages(self, min_words: int = 8) -> tuple[SharedPassage, ...]:
        """Passages of at least ``min_words`` words that occur in two or more
        documents (talking points, quoted statements, copied paragraphs), with
        their spans in each; compared ignoring case, diacritics and punctuation.
        Passages found in the most documents come first.

        >>> import natojp
        >>> passage = natojp.load_corpus().shared_passages(min_words=8)[0]
        >>> len(passage.document_ids), "watching closely" in passage.text
        (3, True)
        """
        if isinstance(min_words, bool) or not isinstance(min_words, numbers.Integral):
            raise QueryError(f"min_words= is a whole number, 2 or more; not {min_words!r}")
        return _reuse.shared_passages(self._documents, min(int(min_words), sys.maxsize))

    # --- export ---------------------------------------------------------------------------

    def to_records(self, *, progress: ProgressOption = False) -> list[dict[str, Any]]:
        """One plain, JSON-ready dict per document: ``id``, ``kind``,
        ``title``, ``date`` (as written, e.g. ``"2022-06"``), ``date_start`` and
        ``date_end`` (the days it spans), ``date_provenance``, ``event_date``
        with ``event_date_start`` and ``event_date_end`` (likewise),
        ``event_interval`` (the days an event ran over, ``"2023-07-11..2023-07-12"``),
        ``outlet``, ``section``, ``url``, ``authors``, ``speakers``,
        ``speaker_ids``, ``people`` (ids mentioned), ``quotes`` (how many),
        ``text``, ``path`` and ``metadata``. For every field, use
        :meth:`to_jsonl`. ``progress`` is as in :meth:`to_jsonl`; so it is for
        :meth:`to_pandas`, :meth:`to_arrow` and :meth:`to_parquet`.

        >>> import natojp
        >>> row = natojp.load_corpus().to_records()[0]
        >>> row["id"], row["date"], row["date_start"], row["speakers"]
        ('2022-06-30-nikkei-op-ed', '2022-06-30', '2022-06-30', ['Jens Stoltenberg'])

        .. versionchanged:: 0.1
           Rows have ``event_date_start`` and ``event_date_end``.
        """
        return _export.records(self._documents, progress)

    def to_pandas(self, *, progress: ProgressOption = False) -> pandas.DataFrame:
        """The :meth:`to_records` rows as a pandas DataFrame, with
        ``date_start``, ``date_end``, ``event_date_start`` and
        ``event_date_end`` as datetimes (``NaT`` where undated). Needs the
        ``pandas`` extra (``pip install 'natojp[pandas]'``).

        >>> import natojp
        >>> frame = natojp.load_corpus().to_pandas()
        >>> int(frame.groupby("kind").size()["transcript"])
        1
        >>> str(frame["date_start"].dtype).startswith("datetime64")
        True

        .. versionchanged:: 0.1
           ``event_date_start`` and ``event_date_end`` columns; the days are
           ``datetime64[us]`` on pandas 2 as on pandas 3.
        """
        return _export.to_pandas(self._documents, progress)

    def to_arrow(self, *, progress: ProgressOption = False) -> pyarrow.Table:
        """The :meth:`to_records` rows as a pyarrow Table: the ``*_start`` and
        ``*_end`` days as ``date32``, and ``metadata`` as a struct with a field
        per key, typed by its values (``string``, ``int64``, ``float64``,
        ``bool`` or ``list<string>``; ``string`` for a key of mixed types,
        with non-text values as their JSON text), null where a document lacks
        the key; all null when no document has metadata. Needs the ``arrow``
        extra.

        >>> import natojp
        >>> table = natojp.load_corpus().to_arrow()
        >>> table.num_rows, str(table.schema.field("date_start").type)
        (5, 'date32[day]')
        >>> table.column("metadata")[4]["view_count"].as_py()
        98

        .. versionchanged:: 0.1
           ``metadata`` is a struct (it was one JSON string), and the table has
           ``event_date_start`` and ``event_date_end``.
        """
        return _export.to_arrow(self._documents, progress)

    def to_parquet(self, path: str | os.PathLike[str], *, progress: ProgressOption = False) -> None:
        """Write the :meth:`to_arrow` table to a Parquet file, whole or not
        at all (as :meth:`to_jsonl` writes a file); it reads back with its
        days as dates and ``metadata`` as a struct. Needs the ``arrow`` extra.

        >>> import natojp, pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "natojp.parquet"
        >>> natojp.load_corpus().to_parquet(path)
        >>> path.stat().st_size > 0
        True

        .. versionchanged:: 0.1
           Written whole or not at all; ``metadata`` is a struct (it was JSON text).
        """
        _export.to_parquet(self._documents, path, progress)

    def to_csv(
        self, target: str | os.PathLike[str] | IO[str], *, progress: ProgressOption = False
    ) -> int:
        """Write the :meth:`to_records` rows as CSV, with a header; returns how
        many rows were written. Lists are joined with ``"; "`` and ``metadata``
        is JSON text. A cell a spreadsheet would run as a formula (text starting
        with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) starts with
        ``'`` instead, as OWASP advises against CSV injection; for the exact
        text, use :meth:`to_jsonl`. A file is written as :meth:`to_jsonl` writes it.

        >>> import io, natojp
        >>> buffer = io.StringIO()
        >>> natojp.load_corpus().to_csv(buffer)
        5
        >>> buffer.getvalue().splitlines()[0][:42]
        'id,kind,title,date,date_start,date_end,dat'

        .. versionadded:: 0.1
        """
        return _export.to_csv(self._documents, target, progress)

    def to_jsonl(
        self, target: str | os.PathLike[str] | IO[str], *, progress: ProgressOption = False
    ) -> int:
        """Write every document, with every field, as one JSON object per line
        (the format of :mod:`natojp.serialize`); returns how many were written.
        ``progress=True`` shows a count on stderr; a function is called with
        ``(done, total)``.

        A file is written whole or not at all: to a temporary file beside it,
        renamed over it once everything is on disk, so an error, a full disk or
        a kill in the middle leaves the old file (or none). An :class:`OSError`
        names ``target``. A stream is written as it goes.

        >>> import io, natojp
        >>> buffer = io.StringIO()
        >>> natojp.load_corpus().to_jsonl(buffer)
        5

        .. versionchanged:: 0.1
           A file is written whole or not at all.
        """
        return dump_jsonl(self._documents, target, progress=progress)

    @classmethod
    def from_jsonl(
        cls,
        source: str | os.PathLike[str] | IO[str],
        *,
        strict: bool = True,
        progress: ProgressOption = False,
    ) -> Corpus:
        """A corpus from the JSON Lines :meth:`to_jsonl` writes, read line by
        line. A bad line raises :class:`~natojp.errors.SchemaError` with its line
        number; with ``strict=False`` the good lines load and
        :attr:`report` lists the bad ones. ``progress`` is as in :meth:`to_jsonl`.

        >>> import io, natojp
        >>> buffer = io.StringIO()
        >>> _ = natojp.load_corpus().to_jsonl(buffer)
        >>> _ = buffer.seek(0)
        >>> natojp.Corpus.from_jsonl(buffer) == natojp.load_corpus()
        True
        """
        documents, report = jsonl_documents(source, strict=strict, progress=progress)
        return cls(documents, report=report)


def _rebuild(documents: tuple[Document, ...], report: LoadReport | None) -> Corpus:
    return Corpus(documents, report=report)


# Index keys for a display name, apart from ids ("name:kenji watanabe").
_NAMED = "name:"


def _person_keys(who: str, registry: Registry | None = None) -> set[str]:
    """What ``who`` (a person id, name or alias) may be recorded as: its id,
    the registry's id for it, or its name key (for people not registered)."""
    keys = {who, name_key(who)}
    found = (registry or default_registry()).resolve(who)
    if found.person is not None:
        keys.add(found.person.id)
    elif found.name:
        # someone the registry does not know, by the name the texts give them
        keys.update({_NAMED + name_key(found.name), UNREGISTERED + slug(found.name)})
    return keys


def _count(name: str, value: Any, *, least: int, none: bool = False) -> Any:
    """``value`` as a whole number of at least ``least`` (or ``None`` where
    ``none``); :class:`QueryError` naming the argument for anything else,
    ``True`` and ``1.5`` included. A number too big to index with stands for
    "all"."""
    if value is None and none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < least:
        also = ", or None" if none else ""
        raise QueryError(f"{name}= is a whole number, {least} or more{also}; not {value!r}")
    return min(int(value), sys.maxsize)


def _seconds(name: str, value: Any) -> float:
    """``value`` as a number of seconds above zero; :class:`QueryError` otherwise."""
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise QueryError(f"{name}= is a number of seconds above 0; not {value!r}")
    return float(value)


def _text(name: str, value: Any) -> None:
    if not isinstance(value, str):
        raise QueryError(f"{name} is a string, not {type(value).__name__}")


def _check_by(by: str) -> None:
    if by not in ("event", "published"):
        raise QueryError(f"by= is 'event' or 'published', not {by!r}")


def _when(doc: Document, by: str) -> PartialDate | None:
    """The date a query ``by`` event or publication goes by: an event falls
    back to the publication date."""
    return (doc.event_date or doc.date) if by == "event" else doc.date


def days_of(doc: Document, by: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day a query ``by`` event or publication goes by: the
    days an event ran over where it has a range, else the days its date spans."""
    if by == "event" and doc.event_interval is not None:
        return doc.event_interval.first_day, doc.event_interval.last_day
    when = _when(doc, by)
    return (when.start, when.end) if when is not None else None


def _periods(interval: DateInterval, keep: int) -> list[PartialDate]:
    """The periods (years, months or days, no finer than ``keep`` nor than
    either end) that an event's range covers, in order."""
    start, end = interval.start, interval.end
    assert start is not None  # a document's event range is closed
    assert end is not None
    if any(d.season is not None or d.decade or d.century for d in (start, end)):
        return [_period(start, keep)]
    if start.month is None or end.month is None:
        keep = 1
    elif start.day is None or end.day is None:
        keep = min(keep, 2)
    first, last = start.start, end.end
    if keep == 1:
        return [PartialDate(year) for year in range(first.year, last.year + 1)]
    if keep == 2:
        months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        return [PartialDate(m // 12, m % 12 + 1) for m in months]
    days = (last - first).days + 1
    return [PartialDate.from_date(first + _dt.timedelta(n)) for n in range(days)]


def _period(when: PartialDate, keep: int) -> PartialDate:
    if when.season is not None or when.decade or when.century:
        return PartialDate(when.year, season=when.season, decade=when.decade, century=when.century)
    month = when.month if keep >= 2 else None
    day = when.day if keep >= 3 and month is not None else None
    return PartialDate(when.year, month, day)


def _kind(value: str | DocumentKind) -> DocumentKind:
    try:
        return DocumentKind(value)
    except ValueError:
        kinds = ", ".join(k.value for k in DocumentKind)
        raise QueryError(f"unknown kind {value!r}; kinds are {kinds}") from None


def date_bound(value: str | _dt.date | PartialDate) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise QueryError(
            f"a date is a string such as '2023-06', a datetime.date or a PartialDate, "
            f"not {type(value).__name__}"
        )
    try:
        return PartialDate.fromisoformat(value)
    except (ValueError, DateError):
        raise QueryError(
            f"cannot read {value!r} as a date; write it as 2023, 2023-06 or 2023-06-30"
        ) from None


class _Index:
    """Lookups from kind, outlet, speaker and mentioned person to positions,
    and documents' date intervals in order; built once per corpus."""

    __slots__ = ("_dates", "_local", "kinds", "mentioned", "outlets", "speakers")

    def __init__(self, documents: Sequence[Document]) -> None:
        self.kinds: dict[DocumentKind, set[int]] = {}
        self.outlets: dict[str, set[int]] = {}
        self.speakers: dict[str, set[int]] = {}
        self.mentioned: dict[str, set[int]] = {}
        self._dates: dict[str, list[tuple[_dt.date, _dt.date, int]]] = {}
        self._local: dict[int, int] | None = None
        for i, doc in enumerate(documents):
            self.kinds.setdefault(doc.kind, set()).add(i)
            if doc.source.outlet:
                self.outlets.setdefault(doc.source.outlet.casefold(), set()).add(i)
            for speaker in doc.speakers:
                self.speakers.setdefault(speaker.person_id or name_key(speaker.name), set()).add(i)
            for segment in doc.segments:
                if segment.speaker:
                    key = segment.person_id or name_key(segment.speaker)
                    self.speakers.setdefault(key, set()).add(i)
            for mention in doc.mentions:
                if mention.person_id:
                    self.mentioned.setdefault(mention.person_id, set()).add(i)
                if mention.name:
                    self.mentioned.setdefault(_NAMED + name_key(mention.name), set()).add(i)

    @staticmethod
    def people(table: dict[str, set[int]], keys: set[str]) -> set[int]:
        """Positions under any of ``keys`` (see :func:`_person_keys`)."""
        return {i for key in keys for i in table.get(key, ())}

    def local(self, rows: Sequence[int]) -> dict[int, int]:
        """Position in the base corpus -> position in this one."""
        if self._local is None:
            self._local = {row: i for i, row in enumerate(rows)}
        return self._local

    def dates(self, documents: Sequence[Document], by: str) -> list[tuple[_dt.date, _dt.date, int]]:
        table = self._dates.get(by)
        if table is None:
            table = []
            for i, doc in enumerate(documents):
                days = days_of(doc, by)
                if days is not None:
                    table.append((*days, i))
            table.sort()
            self._dates[by] = table
        return table
