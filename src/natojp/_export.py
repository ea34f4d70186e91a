"""One row per document, for pandas, Arrow and Parquet (extras ``pandas`` and
``arrow``, imported only when used)."""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Sequence
from typing import Any

from natojp._progress import Progress, ProgressOption
from natojp.errors import MissingExtraError
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


def to_pandas(documents: Sequence[Document], progress: ProgressOption = False) -> Any:
    """A pandas DataFrame, one row per document, dates as datetimes."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError("pandas", "pandas") from None
    frame = pd.DataFrame(records(documents, progress), columns=list(COLUMNS))
    for column in ("date_start", "date_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise MissingExtraError("pyarrow", "arrow") from None
    return pyarrow


def to_arrow(documents: Sequence[Document], progress: ProgressOption = False) -> Any:
    """A pyarrow Table, one row per document; ``metadata`` as a JSON string."""
    pa = _pyarrow()
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
            ("metadata", pa.string()),
        ]
    )
    rows = records(documents, progress)
    for row in rows:
        for column in ("date_start", "date_end"):
            day = row[column]
            row[column] = _dt.date.fromisoformat(day) if day else None
        row["metadata"] = json.dumps(row["metadata"], ensure_ascii=False)
    return pa.Table.from_pylist(rows, schema=schema)


def to_parquet(
    documents: Sequence[Document], path: str | os.PathLike[str], progress: ProgressOption = False
) -> None:
    """Write the :func:`to_arrow` table to a Parquet file at ``path``."""
    table = to_arrow(documents, progress)
    import pyarrow.parquet as pq

    pq.write_table(table, os.fspath(path))
