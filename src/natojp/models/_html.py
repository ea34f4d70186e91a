"""HTML for notebooks: what ``_repr_html_`` of a model or a result collection shows.

Every piece of text from a document or a query is escaped with
:func:`html.escape`; only the tags written here reach the notebook. The blocks
are small tables and paragraphs with no scripts and no style sheets (only inline
alignment), so they read the same in Jupyter, VS Code and a static HTML export.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import attrs

from natojp.models._base import Span
from natojp.models._dates import DateProvenance, PartialDate

if TYPE_CHECKING:
    # For annotations only: these models call into this module.
    from natojp.models import Document, Hit, KwicLine, Occurrence, Quote, TextUnit

#: How much of a document's text a :class:`Document` shows.
PREVIEW = 300
#: How many rows a result collection shows before "… N more".
ROWS = 20
#: How much of a long text a table cell shows.
CELL = 200

_RIGHT = ' style="text-align:right"'
_LEFT = ' style="text-align:left"'


def text(value: object) -> str:
    """``value`` as escaped text: ``None`` as nothing, spans as ``start–end``,
    enums by value, dates in EDTF, tuples joined with commas."""
    if value is None:
        return ""
    if isinstance(value, Span):
        return f"{value.start}–{value.end}"
    if isinstance(value, enum.Enum):
        return escape(str(value.value))
    if isinstance(value, PartialDate):
        return escape(value.isoformat())
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (tuple, list)):
        return ", ".join(text(v) for v in value)
    return escape(str(value))


def cut(value: str, size: int = CELL) -> str:
    """``value``, escaped, cut to ``size`` characters with ``…`` where cut."""
    return escape(value if len(value) <= size else value[: size - 1] + "…")


def marked(value: str, marks: Iterable[tuple[int, int]]) -> str:
    """``value``, escaped, with the ``(start, end)`` ranges ``marks`` in ``<mark>``;
    ranges that overlap one already marked, or fall outside ``value``, are left out."""
    out: list[str] = []
    done = 0
    for start, end in sorted(marks):
        if start < done or end > len(value) or end <= start:
            continue
        out.append(escape(value[done:start]))
        out.append(f"<mark>{escape(value[start:end])}</mark>")
        done = end
    out.append(escape(value[done:]))
    return "".join(out)


def _fields(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column table of ``(name, cell HTML)`` rows; names are escaped."""
    body = "".join(
        f"<tr><th{_LEFT}>{escape(name)}</th><td{_LEFT}>{cell}</td></tr>" for name, cell in rows
    )
    return f"<table>{body}</table>"


def _heading(what: str, ident: str, extra: str = "") -> str:
    return f"<p><b>{escape(what)}</b> <code>{escape(ident)}</code>{extra}</p>"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``"1 quote"``, ``"2 quotes"``; ``nouns`` where the plural is not ``noun + "s"``."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def document(doc: Document) -> str:
    """A document: its facts in a table, then the opening of its text."""
    if doc.date is None:
        date = "undated"
    else:
        date = escape(doc.date.isoformat())
        if doc.date_provenance is not DateProvenance.STATED:
            date += f" ({escape(doc.date_provenance.value)})"
    rows = [("title", escape(doc.title)), ("kind", text(doc.kind)), ("date", date)]
    if doc.event_interval is not None:
        rows.append(("event", escape(str(doc.event_interval))))
    elif doc.event_date is not None:
        rows.append(("event date", text(doc.event_date)))
    if doc.authors:
        rows.append(("authors", text(doc.authors)))
    if doc.source.outlet:
        rows.append(("outlet", escape(doc.source.outlet)))
    counts = (
        plural(len(doc.segments), "segment"),
        plural(len(doc.mentions), "mention"),
        plural(len(doc.quotes), "quote"),
        plural(len(doc.text), "character"),
    )
    rows.append(("contains", ", ".join(counts)))
    opening = cut(doc.text, PREVIEW)
    return (
        _heading("Document", doc.id)
        + _fields(rows)
        + f'<blockquote style="white-space:pre-wrap">{opening}</blockquote>'
    )


def hit(found: Hit, marks: Sequence[tuple[int, int]] = ()) -> str:
    """A search hit: its document, score and snippet, with ``marks`` (ranges
    of the snippet: where the query's terms are) in ``<mark>``."""
    extra = f", score {found.score:.3g}, {plural(len(found.spans), 'match', 'matches')}"
    return (
        _heading("Hit", found.document_id, escape(extra)) + f"<p>{marked(found.snippet, marks)}</p>"
    )


def kwic_row(line: KwicLine) -> list[str]:
    """The cells of a KWIC line: left context, keyword in bold, right context."""
    return [escape(line.left), f"<b>{escape(line.match)}</b>", escape(line.right)]


def kwic_line(line: KwicLine) -> str:
    """A keyword in context: left | **keyword** | right, under its document."""
    left, match, right = kwic_row(line)
    extra = f" at {text(line.span)}"
    return (
        _heading("KwicLine", line.document_id, escape(extra))
        + f"<table><tr><td{_RIGHT}>{left}</td><td>{match}</td><td{_LEFT}>{right}</td></tr></table>"
    )


def text_unit(unit: TextUnit) -> str:
    """A paragraph or sentence, with its number and speaker."""
    extra = f" {unit.kind} {unit.number} at {text(unit.span)}"
    if unit.speaker:
        extra += f", {unit.speaker}"
    return (
        _heading("TextUnit", unit.document_id, escape(extra))
        + f"<blockquote>{cut(unit.text)}</blockquote>"
    )


def _item_fields(item: object, skip: Sequence[str] = ("span",)) -> list[tuple[str, str]]:
    """The fields of an attrs model that have a value, as ``(name, cell)`` rows."""
    model = type(item)
    if isinstance(item, Span) or not attrs.has(model):
        return [("item", text(item))]
    rows = []
    for field in attrs.fields(model):
        value = getattr(item, field.name)
        if field.name in skip or value is None or value == ():
            continue
        rows.append((field.name, text(value)))
    return rows


def quote(found: Quote) -> str:
    """A quotation: who said it, with what verb, and where its words are (a
    :class:`Quote` holds their span, not the words; an :class:`Occurrence`
    of it holds both)."""
    who = escape(found.speaker) if found.speaker else "<i>no speaker</i>"
    if found.person_id:
        who += f" (<code>{escape(found.person_id)}</code>)"
    rows = [("speaker", who), ("words at", text(found.span))]
    rows.extend(_item_fields(found, skip=("span", "speaker", "person_id")))
    return "<p><b>Quote</b></p>" + _fields(rows)


def occurrence(found: Occurrence[Any]) -> str:
    """Something found in a document: the document, the words, then the item."""
    item = found.item
    speaker = getattr(item, "speaker", None) if not isinstance(item, Span) else None
    said = f"<b>{escape(speaker)}</b>: " if isinstance(speaker, str) else ""
    extra = f" at {text(found.span)}"
    rows = [] if isinstance(item, Span) else _item_fields(item)
    return (
        _heading("Occurrence", found.document_id, escape(extra))
        + f"<blockquote>{said}“{cut(found.text)}”</blockquote>"
        + (_fields(rows) if rows else "")
    )


def table(
    caption: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: int,
    right: Sequence[int] = (),
) -> str:
    """A table of ``rows`` (cells already HTML) under escaped ``headers``, with
    ``caption`` above and "… N more" below when ``total`` is more than shown;
    the columns numbered in ``right`` are aligned right, the others left."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td{_RIGHT if n in right else _LEFT}>{c}</td>" for n, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    more = total - len(rows)
    foot = f"<p>… {more:,} more</p>" if more > 0 else ""
    return (
        f"<p>{escape(caption)}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{foot}"
    )


def hit_row(found: Hit, marks: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The cells of a hit in a table: document, score, marked snippet."""
    return [escape(found.document_id), f"{found.score:.3g}", marked(found.snippet, marks)]


def unit_row(unit: TextUnit) -> list[str]:
    """The cells of a paragraph or sentence in a table."""
    return [escape(unit.document_id), str(unit.number), text(unit.speaker), cut(unit.text)]


def quote_row(found: Occurrence[Quote]) -> list[str]:
    """The cells of a quotation in a table: document, speaker, words, verb, route."""
    quote = found.item
    return [
        escape(found.document_id),
        text(quote.speaker),
        cut(found.text),
        text(quote.cue),
        text(quote.route),
    ]


def occurrence_row(found: Occurrence[Any]) -> list[str]:
    """The cells of an occurrence in a table: document, where, words, details."""
    item = found.item
    details = (
        ""
        if isinstance(item, Span)
        else "; ".join(f"{escape(name)}: {cell}" for name, cell in _item_fields(item))
    )
    return [escape(found.document_id), text(found.span), cut(found.text), details]


def record_row(record: dict[str, Any], columns: Sequence[str]) -> list[str]:
    """The cells of a flat record (a row of ``to_pandas()``) in a table."""
    cells = []
    for column in columns:
        value = record.get(column)
        cells.append(cut(value) if isinstance(value, str) else text(value))
    return cells
