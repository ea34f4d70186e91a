"""What a corpus query returns: :class:`Results`, a tuple that also makes a
table, and :class:`Timeline`, the counts of :meth:`Corpus.timeline`."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, get_args, get_origin, overload

import attrs

from natojp.errors import MissingExtraError
from natojp.models import _html
from natojp.models._annotations import PersonMention, Quote
from natojp.models._base import Span
from natojp.models._dates import PartialDate
from natojp.models._results import Hit, KwicLine, Occurrence, TextUnit

if TYPE_CHECKING:
    import pandas

_T = TypeVar("_T")

# A column of a table of items: its name, the attributes to follow from an
# item to its value, and its kind: "span" (a span's start or end, int64),
# "span?" (the same where the span may be None, pandas' nullable Int64) or
# "value" (anything else).
_Column = tuple[str, tuple[str, ...], str]


class Results(tuple[_T, ...]):
    """The items a corpus query returns, in order: a tuple (index it, slice it,
    unpack it, compare it with a tuple) that also makes a table.

    :meth:`to_pandas` gives one row per item; in a notebook the results show
    as a table of the first 20. A slice is :class:`Results` again; other tuple
    operations (``+``, ``*``) give plain tuples. It prints as the tuple it is.

    ``of`` is the model of the items (``KwicLine``, ``Occurrence[Quote]``),
    which names the columns of :meth:`to_pandas` when there are no items;
    ``highlights`` maps an item to ranges of its shown text to mark in a
    notebook (:meth:`Corpus.search <natojp.corpus.Corpus.search>` marks the
    query's terms in each snippet).

    >>> import natojp
    >>> corpus = natojp.load_corpus()
    >>> lines = corpus.kwic("watching closely", window=2)
    >>> len(lines), lines == tuple(lines), type(lines[:1]).__name__
    (3, True, 'Results')
    >>> first, *rest = lines
    >>> first.match, len(rest)
    ('watching closely', 2)
    >>> frame = lines.to_pandas()
    >>> list(frame.columns)
    ['document_id', 'left', 'match', 'right', 'start', 'end']
    >>> row = frame.iloc[0]
    >>> corpus[row.document_id].text[row.start : row.end]
    'watching closely'

    .. versionadded:: 0.1
    """

    _of: Any
    _highlights: dict[Any, tuple[tuple[int, int], ...]]

    def __new__(
        cls,
        items: Iterable[_T] = (),
        *,
        of: type[_T] | None = None,
        highlights: Mapping[_T, Sequence[tuple[int, int]]] | None = None,
    ) -> Results[_T]:
        self = super().__new__(cls, items)
        object.__setattr__(self, "_of", of)
        marks = {item: tuple(ranges) for item, ranges in (highlights or {}).items()}
        object.__setattr__(self, "_highlights", marks)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; cannot delete {name!r}")

    @overload
    def __getitem__(self, index: SupportsIndex) -> _T: ...
    @overload
    def __getitem__(self, index: slice) -> Results[_T]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> _T | Results[_T]:
        if isinstance(index, slice):
            return type(self)(super().__getitem__(index), of=self._of, highlights=self._highlights)
        return super().__getitem__(index)

    def to_pandas(self) -> pandas.DataFrame:
        """One row per item, a column per field of its model, in order. Spans
        become ``start`` and ``end`` integer columns (``speaker_span`` becomes
        ``speaker_span_start`` and ``speaker_span_end``; pandas' nullable
        ``Int64`` where a span may be missing, as a hit's may); an
        :class:`Occurrence` gives ``document_id``, then its item's columns,
        then ``text``. Enums are their values, dates their EDTF strings
        (``"2023-01"``), tuples lists, and a tuple of spans a list of
        ``(start, end)`` pairs. Needs the ``pandas`` extra.

        >>> import natojp
        >>> quotes = natojp.load_corpus().quotes(speaker="Stoltenberg")
        >>> frame = quotes.to_pandas()
        >>> len(frame) == len(quotes), list(frame.columns)[:5]
        (True, ['document_id', 'start', 'end', 'speaker', 'person_id'])
        """
        pd, np = _pandas()
        columns = _table_columns(self, self._of)
        data: dict[str, Any] = {}
        for name, path, kind in columns:
            values = [_value(_follow(item, path)) for item in self]
            if kind == "span":
                data[name] = np.array(values, dtype="int64")
            elif kind == "span?":
                data[name] = pd.array(values, dtype="Int64")
            else:
                data[name] = values if values else pd.Series(values, dtype=object)
        return pd.DataFrame(data, columns=[name for name, _, _ in columns])

    def _repr_html_(self) -> str:
        return _results_html(self)


class Timeline(Results[tuple[PartialDate, int]]):
    """How many documents fall in each period, in date order, as
    ``(period, count)`` pairs: what :meth:`Corpus.timeline
    <natojp.corpus.Corpus.timeline>` returns. A :class:`Results` (so a tuple)
    of pairs; :meth:`to_pandas` makes a table.

    >>> import natojp
    >>> timeline = natojp.load_corpus().timeline("year")
    >>> timeline
    ((PartialDate('2022'), 1), (PartialDate('2023'), 4))
    >>> timeline == ((natojp.PartialDate(2022), 1), (natojp.PartialDate(2023), 4))
    True
    >>> dict(timeline)[natojp.PartialDate(2023)]
    4

    .. versionadded:: 0.1
    """

    def to_pandas(self) -> pandas.DataFrame:
        """A table with a row per period: ``period`` (its EDTF string, as
        ``"2023-01"``), ``count``, and ``start`` and ``end``, its first and last
        days as datetimes (as :meth:`Corpus.to_pandas
        <natojp.corpus.Corpus.to_pandas>` gives dates). Needs the ``pandas``
        extra.

        >>> import natojp
        >>> frame = natojp.load_corpus().timeline("month").to_pandas()
        >>> frame[["period", "count"]].values.tolist()
        [['2022-06', 1], ['2023-01', 3], ['2023-02', 1]]
        >>> str(frame["start"].dtype), str(frame["end"][1].date())
        ('datetime64[us]', '2023-01-31')
        """
        pd, np = _pandas()
        return pd.DataFrame(
            {
                "period": pd.Series([p.isoformat() for p, _ in self], dtype=object),
                "count": np.array([c for _, c in self], dtype="int64"),
                "start": np.array([p.start.isoformat() for p, _ in self], dtype="datetime64[us]"),
                "end": np.array([p.end.isoformat() for p, _ in self], dtype="datetime64[us]"),
            }
        )

    def _repr_html_(self) -> str:
        top = max((count for _, count in self), default=0)
        rows = [
            [_html.text(period), f"{count:,}", "█" * max(1, round(20 * count / top))]
            for period, count in tuple(self)[: _html.ROWS]
        ]
        total = sum(count for _, count in self)
        caption = (
            f"Timeline: {_html.plural(len(self), 'period')}, {_html.plural(total, 'document')}"
        )
        return _html.table(caption, ("period", "count", ""), rows, len(self), right=(1,))


def _pandas() -> tuple[Any, Any]:
    try:
        import numpy
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "pandas") from None
    return pandas, numpy


# --- the columns of a table of items ------------------------------------------------


def _span_kind(annotation: object) -> str | None:
    """``"span"`` for a field annotated ``Span``, ``"span?"`` for ``Span | None``,
    ``None`` for any other annotation (a string, as this package writes them, or
    a type)."""
    if isinstance(annotation, str):
        parts: set[object] = {part.strip() for part in annotation.split("|")}
        span: object = "Span"
        none: object = "None"
    else:
        parts = set(get_args(annotation) or (annotation,))
        span, none = Span, type(None)
    if parts == {span}:
        return "span"
    if parts == {span, none}:
        return "span?"
    return None


def _model_columns(model: Any, inner: Any = None) -> list[_Column]:
    """The columns of items of ``model``; ``inner`` is an occurrence's item model."""
    if model is Span:
        return [("start", ("start",), "span"), ("end", ("end",), "span")]
    if not (isinstance(model, type) and attrs.has(model)):
        return [("value", (), "value")]
    columns: list[_Column] = []
    for field in attrs.fields(model):
        name = field.name
        if issubclass(model, Occurrence) and name == "item" and inner is not None:
            outer = {f.name for f in attrs.fields(model)}
            for column, path, inner_kind in _model_columns(inner):
                column = f"item_{column}" if column in outer else column
                columns.append((column, ("item", *path), inner_kind))
            continue
        kind = _span_kind(field.type)
        if kind is None:
            columns.append((name, (name,), "value"))
        else:
            prefix = "" if name == "span" else f"{name}_"
            columns.append((f"{prefix}start", (name, "start"), kind))
            columns.append((f"{prefix}end", (name, "end"), kind))
    return columns


def _item_model(item: object) -> tuple[Any, Any]:
    inner = type(item.item) if isinstance(item, Occurrence) else None
    return type(item), inner


def _table_columns(items: Sequence[Any], of: Any) -> list[_Column]:
    """The columns for ``items``: those of their model (or models, in order of
    first appearance), or of ``of`` when there are none."""
    if not items:
        if of is None:
            return []
        return _model_columns(get_origin(of) or of, next(iter(get_args(of)), None))
    columns: dict[str, _Column] = {}
    for model in dict.fromkeys(_item_model(item) for item in items):
        for column in _model_columns(*model):
            columns.setdefault(column[0], column)
    return list(columns.values())


def _follow(item: object, path: tuple[str, ...]) -> object:
    for name in path:
        if item is None:
            return None
        item = getattr(item, name, None)
    return item


def _value(value: object) -> object:
    """A field's value as a table cell (see :meth:`Results.to_pandas`)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, Span):
        return (value.start, value.end)
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    return value


# --- HTML ----------------------------------------------------------------------------


def _noun(items: Sequence[Any]) -> tuple[str, str]:
    """What to call the items: ``("hit", "hits")``, ``("quote", "quotes")``..."""
    kinds = {type(i) for i in items}
    if kinds == {Hit}:
        return "hit", "hits"
    if kinds == {KwicLine}:
        return "KWIC line", "KWIC lines"
    if kinds == {TextUnit}:
        units = {i.kind for i in items}
        if len(units) == 1:
            (unit,) = units
            return unit, f"{unit}s"
        return "text unit", "text units"
    if kinds == {Occurrence}:
        inner = {type(i.item) for i in items}
        if inner == {Quote}:
            return "quote", "quotes"
        if inner == {PersonMention}:
            return "mention", "mentions"
        return "occurrence", "occurrences"
    return "item", "items"


def _results_html(results: Results[Any]) -> str:
    items = tuple(results)
    shown = items[: _html.ROWS]
    noun, nouns = _noun(items)
    caption = f"{type(results).__name__}: {_html.plural(len(items), noun, nouns)}"
    if not items:
        return f"<p>{_html.text(caption)}</p>"
    kinds = {type(i) for i in items}
    headers: Sequence[str]
    rows: list[list[str]]
    if kinds == {Hit}:
        headers = ("document_id", "score", "snippet")
        rows = [_html.hit_row(h, results._highlights.get(h, ())) for h in shown]
        return _html.table(caption, headers, rows, len(items), right=(1,))
    elif kinds == {KwicLine}:
        headers = ("document_id", "left", "match", "right")
        rows = [[_html.text(line.document_id), *_html.kwic_row(line)] for line in shown]
        return _html.table(caption, headers, rows, len(items), right=(1,))
    elif kinds == {TextUnit}:
        headers = ("document_id", "number", "speaker", "text")
        rows = [_html.unit_row(unit) for unit in shown]
    elif kinds == {Occurrence} and {type(i.item) for i in items} == {Quote}:
        headers = ("document_id", "speaker", "text", "cue", "route")
        rows = [_html.quote_row(found) for found in shown]
    elif kinds == {Occurrence}:
        headers = ("document_id", "span", "text", "details")
        rows = [_html.occurrence_row(found) for found in shown]
    else:
        columns = _table_columns(shown, results._of)
        headers = [name for name, _, _ in columns]
        rows = [
            _html.record_row({name: _value(_follow(i, path)) for name, path, _ in columns}, headers)
            for i in shown
        ]
    return _html.table(caption, headers, rows, len(items))
