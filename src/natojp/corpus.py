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

from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import attrs

from natojp._infer import infer_dates
from natojp.errors import QueryError
from natojp.models import Document
from natojp.people import Registry, annotate

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

    __slots__ = ("_by_id", "_documents", "_report")
    _documents: tuple[Document, ...]
    _by_id: dict[str, Document]
    _report: LoadReport | None

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
