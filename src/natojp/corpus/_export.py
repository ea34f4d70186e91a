"""One row per document, for CSV, pandas, Arrow and Parquet (extras ``pandas``
and ``arrow``, imported only when used). Files are written whole or not at all
(:mod:`natojp._atomic`)."""

from __future__ import annotations

import csv
import datetime as _dt
import json
import math
import os
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any

from natojp._atomic import atomic_write
from natojp._progress import Progress, ProgressOption
from natojp.errors import MissingExtraError, SchemaError
from natojp.models import Document, PartialDate

COLUMNS = (
    "id",
    "kind",
    "title",
    "date",
    "date_start",
    "date_end",
    "date_provenance",
    "event_date",
    "event_date_start",
    "event_date_end",
    "event_interval",
    "outlet",
    "section",
    "url",
    "authors",
    "speakers",
    "speaker_ids",
    "people",
    "quotes",
    "text",
    "path",
    "metadata",
)


def _iso(date: PartialDate | None) -> str | None:
    return date.isoformat() if date else None


def _day(date: PartialDate | None, end: bool) -> str | None:
    if date is None:
        return None
    return (date.end if end else date.start).isoformat()


def record(doc: Document) -> dict[str, Any]:
    """One document as a flat, JSON-ready dict with the keys of :data:`COLUMNS`."""
    return {
        "id": doc.id,
        "kind": doc.kind.value,
        "title": doc.title,
        "date": _iso(doc.date),
        "date_start": _day(doc.date, False),
        "date_end": _day(doc.date, True),
        "date_provenance": doc.date_provenance.value,
        "event_date": _iso(doc.event_date),
        "event_date_start": _day(doc.event_date, False),
        "event_date_end": _day(doc.event_date, True),
        "event_interval": str(doc.event_interval) if doc.event_interval else None,
        "outlet": doc.source.outlet,
        "section": doc.source.section,
        "url": doc.source.url,
        "authors": list(doc.authors),
        "speakers": [s.name for s in doc.speakers],
        "speaker_ids": [s.person_id for s in doc.speakers if s.person_id],
        "people": list(dict.fromkeys(m.person_id for m in doc.mentions if m.person_id)),
        "quotes": len(doc.quotes),
        "text": doc.text,
        "path": doc.origin.path if doc.origin else None,
        "metadata": {k: list(v) if isinstance(v, tuple) else v for k, v in doc.metadata.items()},
    }


def records(
    documents: Sequence[Document], progress: ProgressOption = False
) -> list[dict[str, Any]]:
    """:func:`record` of every document, reporting ``progress``."""
    meter = Progress(progress, label="export", total=len(documents))
    rows = []
    for done, doc in enumerate(documents, 1):
        rows.append(record(doc))
        meter.update(done)
    meter.close(len(rows))
    return rows


def metadata_json(doc_id: str, metadata: Mapping[str, Any]) -> str:
    """A record's ``metadata`` as JSON text; :class:`SchemaError` naming the
    value if one is a float JSON has no number for (NaN, an infinity)."""
    try:
        return json.dumps(metadata, ensure_ascii=False, allow_nan=False)
    except ValueError:
        for key, value in metadata.items():
            if isinstance(value, float) and not math.isfinite(value):
                raise SchemaError(
                    f"document {doc_id!r}: {value!r} is not a JSON number "
                    "(JSON has no NaN or Infinity)",
                    json_path=f"$.metadata[{json.dumps(key, ensure_ascii=False)}]",
                ) from None
        raise  # pragma: no cover - json.dumps refuses nothing else that metadata holds


def to_pandas(documents: Sequence[Document], progress: ProgressOption = False) -> Any:
    """A pandas DataFrame, one row per document, dates as datetimes (to the
    microsecond, which reaches year 9999; nanoseconds end in 2262)."""
    try:
        import numpy as np
        import pandas as pd
    except ImportError:
        raise MissingExtraError("pandas", "pandas") from None
    rows = records(documents, progress)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in _DAYS:
        # From the records, where a missing day is None ("NaT" to NumPy).
        days = np.array([row[column] or "NaT" for row in rows], dtype="datetime64[us]")
        frame[column] = pd.Series(days, index=frame.index)
    return frame


# The columns that hold a day (ISO text in a record, a date in pandas and Arrow).
_DAYS = ("date_start", "date_end", "event_date_start", "event_date_end")


def pyarrow_module() -> Any:
    """pyarrow, or a MissingExtraError naming the ``arrow`` extra."""
    try:
        import pyarrow
    except ImportError:
        raise MissingExtraError("pyarrow", "arrow") from None
    return pyarrow


def to_arrow(documents: Sequence[Document], progress: ProgressOption = False) -> Any:
    """A pyarrow Table, one row per document: days as ``date32`` and
    ``metadata`` as a struct (see :func:`metadata_struct`)."""
    pa = pyarrow_module()
    strings = pa.list_(pa.string())
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("kind", pa.string()),
            ("title", pa.string()),
            ("date", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("date_provenance", pa.string()),
            ("event_date", pa.string()),
            ("event_date_start", pa.date32()),
            ("event_date_end", pa.date32()),
            ("event_interval", pa.string()),
            ("outlet", pa.string()),
            ("section", pa.string()),
            ("url", pa.string()),
            ("authors", strings),
            ("speakers", strings),
            ("speaker_ids", strings),
            ("people", strings),
            ("quotes", pa.int32()),
            ("text", pa.string()),
            ("path", pa.string()),
        ]
    )
    rows = records(documents, progress)
    metadata_type, convert = metadata_struct(pa, [row["metadata"] for row in rows])
    schema = schema.append(pa.field("metadata", metadata_type))
    for row in rows:
        for column in _DAYS:
            day = row[column]
            row[column] = _dt.date.fromisoformat(day) if day else None
        row["metadata"] = convert(row["metadata"])
    return pa.Table.from_pylist(rows, schema=schema)


_INT64 = (-(2**63), 2**63 - 1)


def _meta_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int" if _INT64[0] <= value <= _INT64[1] else "text"
    if isinstance(value, float):
        return "float"
    if isinstance(value, list):
        return "list"
    return "str"


def _as_text(value: Any) -> Any:
    """A metadata value in a key of mixed types: a string as itself, anything
    else as its JSON text (``3``, ``true``, ``["a", "b"]``)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def metadata_struct(
    pa: Any, metadata: Sequence[Mapping[str, Any]]
) -> tuple[Any, Callable[[Mapping[str, Any]], Any]]:
    """The Arrow type of the ``metadata`` column and a function making a
    record's metadata a value of it.

    The type is a struct with a field per key any document has, in order of
    first appearance, typed by the key's values: ``string``, ``int64``,
    ``float64`` (integers and floats mixed), ``bool`` or ``list<string>``. A
    key whose values are of several other types (or an integer past int64) is
    ``string``: text as itself, other values as their JSON text. A document
    without a key has null there. Parquet cannot store a struct with no
    fields, so when no document has metadata the column is all nulls (type
    ``null``)."""
    kinds: dict[str, set[str]] = {}
    for meta in metadata:
        for key, value in meta.items():
            found = kinds.setdefault(key, set())
            if value is not None:
                found.add(_meta_kind(value))
    if not kinds:
        return pa.null(), lambda meta: None
    types = {
        frozenset({"str"}): pa.string(),
        frozenset({"int"}): pa.int64(),
        frozenset({"float"}): pa.float64(),
        frozenset({"int", "float"}): pa.float64(),
        frozenset({"bool"}): pa.bool_(),
        frozenset({"list"}): pa.list_(pa.string()),
        frozenset(): pa.string(),
    }
    fields = [(key, types.get(frozenset(found))) for key, found in kinds.items()]
    as_text = {key for key, type_ in fields if type_ is None}
    struct = pa.struct([(key, type_ or pa.string()) for key, type_ in fields])

    def convert(meta: Mapping[str, Any]) -> dict[str, Any]:
        return {k: _as_text(v) if k in as_text else v for k, v in meta.items()}

    return struct, convert


def to_parquet(
    documents: Sequence[Document], path: str | os.PathLike[str], progress: ProgressOption = False
) -> None:
    """Write the :func:`to_arrow` table to a Parquet file at ``path``, whole
    or not at all."""
    table = to_arrow(documents, progress)
    import pyarrow.parquet as pq

    with atomic_write(path, binary=True) as handle:
        pq.write_table(table, handle)


# A cell a spreadsheet would run as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A record's value as a CSV cell: lists joined with ``"; "``, maps as
    JSON, and text that a spreadsheet would take for a formula (it starts with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) behind a ``'``, as
    OWASP advises against CSV injection."""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Sequence[Mapping[str, Any]], handle: IO[str]) -> None:
    """The ``rows`` (:func:`record` dicts) as CSV with a header; every cell
    through :func:`csv_cell`."""
    writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else list(COLUMNS))
    writer.writeheader()
    for row in rows:
        cells = {
            key: csv_cell(metadata_json(row["id"], value) if isinstance(value, dict) else value)
            for key, value in row.items()
        }
        writer.writerow(cells)


def to_csv(
    documents: Sequence[Document],
    target: str | os.PathLike[str] | IO[str],
    progress: ProgressOption = False,
) -> int:
    """Write the :func:`records` as CSV to a file (whole or not at all) or a
    stream; returns how many rows were written."""
    rows = records(documents, progress)
    if isinstance(target, (str, os.PathLike)):
        with atomic_write(target, newline="") as handle:
            write_csv(rows, handle)
    else:
        write_csv(rows, target)
    return len(rows)
