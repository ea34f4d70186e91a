"""The :class:`Corpus`: an immutable sequence of documents with lookup by id.

>>> import natojp
>>> corpus = natojp.load_corpus()
>>> len(corpus)
5
>>> corpus["2023-01-31-tokyo-news-release"].kind.value
'news_release'
>>> [doc.id for doc in corpus[:2]]
['2022-06-30-nikkei-op-ed', '2023-01-31-tokyo-joint-press-point']
"""

from __future__ import annotations

import bisect
import datetime as _dt
import html
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

import attrs

from natojp._infer import infer_dates
from natojp.errors import DateError, QueryError
from natojp.models import DateProvenance, Document, DocumentKind, PartialDate
from natojp.people import Registry, annotate, default_registry, name_key

__all__ = ["Corpus", "LoadFailure", "LoadReport"]


@attrs.frozen(kw_only=True)
class LoadFailure:
    """A file that did not load: where, which error, why, and the line if known."""

    path: str
    error: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.error}: {self.message}"


@attrs.frozen(kw_only=True)
class LoadReport:
    """What a lenient load did: how many files loaded and each failure.

    >>> LoadReport(loaded=3, failures=())
    LoadReport(loaded=3, failures=())
    >>> LoadReport(loaded=3, failures=()).ok
    True
    """

    loaded: int
    failures: tuple[LoadFailure, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every file loaded."""
        return not self.failures

    def __str__(self) -> str:
        lines = [f"{self.loaded} loaded, {len(self.failures)} failed"]
        lines.extend(f"  {failure}" for failure in self.failures)
        return "\n".join(lines)


class Corpus(Sequence[Document]):
    """An immutable, ordered collection of documents, looked up by position,
    slice or id. Every operation returns a new corpus; none changes one.

    ``report`` is the :class:`LoadReport` of the load that made the corpus, if any.
    """

    __slots__ = ("_by_id", "_documents", "_index", "_report")
    _documents: tuple[Document, ...]
    _by_id: dict[str, Document]
    _report: LoadReport | None
    _index: _Index | None

    def __init__(
        self, documents: Iterable[Document] = (), *, report: LoadReport | None = None
    ) -> None:
        docs = tuple(documents)
        by_id: dict[str, Document] = {}
        for doc in docs:
            if not isinstance(doc, Document):
                raise TypeError(f"a Corpus holds Documents, not {type(doc).__name__}")
            if doc.id in by_id:
                raise ValueError(f"two documents share the id {doc.id!r}")
            by_id[doc.id] = doc
        object.__setattr__(self, "_documents", docs)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_report", report)
        object.__setattr__(self, "_index", None)

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
    def __getitem__(self, key: int) -> Document: ...
    @overload
    def __getitem__(self, key: str) -> Document: ...
    @overload
    def __getitem__(self, key: slice) -> Corpus: ...
    def __getitem__(self, key: int | str | slice) -> Document | Corpus:
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise QueryError(
                    f"no document with id {key!r}; ids look like {self._hint()}"
                ) from None
        if isinstance(key, slice):
            return Corpus(self._documents[key])
        if isinstance(key, int):
            try:
                return self._documents[key]
            except IndexError:
                raise QueryError(
                    f"document index {key} is out of range for {len(self)} documents"
                ) from None
        raise TypeError(f"index a Corpus by position, slice or id, not {type(key).__name__}")

    def _hint(self) -> str:
        return ", ".join(repr(i) for i in self.ids[:2]) or "(the corpus is empty)"

    def get(self, doc_id: str, default: Document | None = None) -> Document | None:
        """The document with id ``doc_id``, or ``default``."""
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
        dates = sorted(d.date.isoformat() for d in self._documents if d.date)
        span = f", {dates[0]} .. {dates[-1]}" if dates else ""
        shown = ", ".join(repr(i) for i in self.ids[:3])
        more = f", … {len(self) - 3} more" if len(self) > 3 else ""
        return f"<Corpus: {len(self)} documents{span}: {shown}{more}>"

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
        """
        return Corpus(infer_dates(self._documents), report=self._report)

    # --- filters -----------------------------------------------------------------------

    def _indexed(self) -> _Index:
        if self._index is None:
            object.__setattr__(self, "_index", _Index(self._documents))
        assert self._index is not None
        return self._index

    def _subset(self, positions: Iterable[int]) -> Corpus:
        return Corpus(self._documents[i] for i in sorted(positions))

    def where(
        self,
        *,
        kind: str | DocumentKind | Iterable[str | DocumentKind] | None = None,
        outlet: str | None = None,
        speaker: str | None = None,
        mentions: str | None = None,
        predicate: Callable[[Document], bool] | None = None,
    ) -> Corpus:
        """The documents that match every condition given, in order.

        ``kind`` is a kind or several; ``outlet`` matches the source's outlet
        ignoring case; ``speaker`` is who speaks or writes the document and
        ``mentions`` someone it mentions, each a person id, a name or an alias
        (``"stoltenberg"``, ``"Mr Stoltenberg"``), resolved with the people
        registry; ``predicate`` is any test of your own. Conditions on kind,
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
        chosen: set[int] | None = None

        def narrow(positions: Iterable[int]) -> None:
            nonlocal chosen
            found = set(positions)
            chosen = found if chosen is None else chosen & found

        if kind is not None:
            kinds = [kind] if isinstance(kind, (str, DocumentKind)) else list(kind)
            narrow(i for k in kinds for i in index.kinds.get(_kind(k), ()))
        if outlet is not None:
            narrow(index.outlets.get(outlet.casefold(), ()))
        if speaker is not None:
            narrow(index.people(index.speakers, speaker))
        if mentions is not None:
            narrow(index.people(index.mentioned, mentions))
        positions: Iterable[int] = range(len(self._documents)) if chosen is None else chosen
        if predicate is not None:
            positions = [i for i in positions if predicate(self._documents[i])]
        return self._subset(positions)

    def between(
        self,
        start: str | _dt.date | PartialDate | None = None,
        end: str | _dt.date | PartialDate | None = None,
        *,
        by: str = "event",
    ) -> Corpus:
        """The documents dated inside ``start``..``end`` (both inclusive; either
        may be left open), compared by interval: a document dated "June 2022"
        is inside ``"2022-06-01"``..``"2022-06-30"`` and inside ``"2022"``, but
        not inside ``"2022-06-15"``..``"2022-12-31"``. ``by="event"`` uses when
        the document's event happened (a speech, not its video's upload), falling
        back to the publication date; ``by="published"`` the publication date.
        Undated documents are left out.

        >>> import natojp
        >>> corpus = natojp.load_corpus()
        >>> corpus.between("2023-02", "2023-12-31").ids
        ('2023-02-01-keio-speech',)
        >>> corpus.between("2023-09", by="published").ids
        ('2023-02-01-keio-speech',)
        """
        if by not in ("event", "published"):
            raise QueryError(f"by= is 'event' or 'published', not {by!r}")
        lo = _bound(start).start if start is not None else _dt.date.min
        hi = _bound(end).end if end is not None else _dt.date.max
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
        """The documents in date order (undated ones last), ties by id."""

        def key(doc: Document) -> tuple[int, str, str]:
            when = doc.date.start.isoformat() if doc.date else ""
            return (doc.date is None, when, doc.id)

        return Corpus(sorted(self._documents, key=key))


def _kind(value: str | DocumentKind) -> DocumentKind:
    try:
        return DocumentKind(value)
    except ValueError:
        kinds = ", ".join(k.value for k in DocumentKind)
        raise QueryError(f"unknown kind {value!r}; kinds are {kinds}") from None


def _bound(value: str | _dt.date | PartialDate) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day)
    try:
        return PartialDate.fromisoformat(value)
    except (ValueError, DateError):
        raise QueryError(
            f"cannot read {value!r} as a date; write it as 2023, 2023-06 or 2023-06-30"
        ) from None


class _Index:
    """Lookups from kind, outlet, speaker and mentioned person to positions,
    and documents' date intervals in order; built once per corpus."""

    __slots__ = ("_dates", "kinds", "mentioned", "outlets", "speakers")

    def __init__(self, documents: Sequence[Document]) -> None:
        self.kinds: dict[DocumentKind, list[int]] = {}
        self.outlets: dict[str, list[int]] = {}
        self.speakers: dict[str, set[int]] = {}
        self.mentioned: dict[str, set[int]] = {}
        self._dates: dict[str, list[tuple[_dt.date, _dt.date, int]]] = {}
        for i, doc in enumerate(documents):
            self.kinds.setdefault(doc.kind, []).append(i)
            if doc.source.outlet:
                self.outlets.setdefault(doc.source.outlet.casefold(), []).append(i)
            for speaker in doc.speakers:
                self.speakers.setdefault(speaker.person_id or name_key(speaker.name), set()).add(i)
            for segment in doc.segments:
                if segment.speaker:
                    key = segment.speaker_id or name_key(segment.speaker)
                    self.speakers.setdefault(key, set()).add(i)
            for mention in doc.mentions:
                if mention.person_id:
                    self.mentioned.setdefault(mention.person_id, set()).add(i)

    @staticmethod
    def people(table: dict[str, set[int]], who: str) -> set[int]:
        """Positions under ``who``: a person id, or a name resolved by the registry."""
        if who in table:
            return table[who]
        found = default_registry().resolve(who)
        if found.person is not None:
            return table.get(found.person.id, set())
        return table.get(name_key(who), set())

    def dates(self, documents: Sequence[Document], by: str) -> list[tuple[_dt.date, _dt.date, int]]:
        table = self._dates.get(by)
        if table is None:
            table = []
            for i, doc in enumerate(documents):
                day = (doc.event_date or doc.date) if by == "event" else doc.date
                if day is not None:
                    table.append((day.start, day.end, i))
            table.sort()
            self._dates[by] = table
        return table
