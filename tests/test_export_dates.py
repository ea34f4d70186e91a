"""The document table's dates and metadata: event-date columns beside the
publication date's, and Parquet that reads back with dates as dates and
metadata as a struct (not JSON text)."""

from __future__ import annotations

import csv
import datetime
import io
import math
from pathlib import Path
from typing import Any

import attrs
import pytest

import natojp
from natojp.models import DateProvenance, PartialDate

DAYS = ("date_start", "date_end", "event_date_start", "event_date_end")


def days_of(doc: natojp.Document) -> dict[str, datetime.date | None]:
    """The four day columns of a document, worked out from its dates."""
    return {
        "date_start": doc.date.start if doc.date else None,
        "date_end": doc.date.end if doc.date else None,
        "event_date_start": doc.event_date.start if doc.event_date else None,
        "event_date_end": doc.event_date.end if doc.event_date else None,
    }


@pytest.fixture(scope="module")
def mixed(corpus: natojp.Corpus) -> natojp.Corpus:
    """The bundled corpus, plus an undated document with an event month, and a
    document whose event is a season."""
    undated = attrs.evolve(
        corpus[0],
        id="undated-with-event",
        date=None,
        date_provenance=DateProvenance.UNKNOWN,
        date_evidence=(),
        event_date=PartialDate(2022, 6),
        metadata={},
    )
    season = attrs.evolve(
        corpus[1],
        id="summer-event",
        event_date=PartialDate.fromisoformat("2022-22"),
        metadata={"view_count": 7},
    )
    return corpus + natojp.Corpus([undated, season])


def test_records_have_event_day_columns_like_the_dates(mixed: natojp.Corpus) -> None:
    records = mixed.to_records()
    for doc, row in zip(mixed, records, strict=True):
        expected = {k: v.isoformat() if v else None for k, v in days_of(doc).items()}
        assert {k: row[k] for k in DAYS} == expected
        assert row["event_date"] == (doc.event_date.isoformat() if doc.event_date else None)
    speech = records[mixed.ids.index("2023-02-01-keio-speech")]
    assert (speech["event_date"], speech["event_date_start"], speech["event_date_end"]) == (
        "2023-02-01", "2023-02-01", "2023-02-01",
    )  # fmt: skip
    month = records[mixed.ids.index("undated-with-event")]
    assert (month["date"], month["event_date_start"], month["event_date_end"]) == (
        None, "2022-06-01", "2022-06-30",
    )  # fmt: skip
    summer = records[mixed.ids.index("summer-event")]
    assert (summer["event_date_start"], summer["event_date_end"]) == ("2022-06-01", "2022-08-31")


def test_columns_come_in_pairs_after_the_date_they_belong_to() -> None:
    from natojp.corpus._export import COLUMNS

    at = COLUMNS.index
    assert at("date") < at("date_start") < at("date_end")
    assert at("event_date") + 1 == at("event_date_start") == at("event_date_end") - 1


def test_csv_has_the_event_days(mixed: natojp.Corpus) -> None:
    buffer = io.StringIO()
    assert mixed.to_csv(buffer) == len(mixed)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    for doc, row in zip(mixed, rows, strict=True):
        for column, day in days_of(doc).items():
            assert row[column] == (day.isoformat() if day else "")


def test_pandas_has_event_days_as_datetimes_and_copes_with_undated(
    mixed: natojp.Corpus,
) -> None:
    pd = pytest.importorskip("pandas")
    frame = mixed.to_pandas()
    for column in DAYS:
        assert pd.api.types.is_datetime64_any_dtype(frame[column]), column
    for doc, (_, row) in zip(mixed, frame.iterrows(), strict=True):
        for column, day in days_of(doc).items():
            if day is None:
                assert pd.isna(row[column]), (doc.id, column)
            else:
                assert row[column].date() == day, (doc.id, column)


def test_arrow_days_are_date32(mixed: natojp.Corpus) -> None:
    pytest.importorskip("pyarrow")
    table = mixed.to_arrow()
    for column in DAYS:
        assert str(table.schema.field(column).type) == "date32[day]", column
    for doc, row in zip(mixed, table.to_pylist(), strict=True):
        assert {k: row[k] for k in DAYS} == days_of(doc)


def read_back(corpus: natojp.Corpus, tmp_path: Path) -> tuple[Any, Any]:
    """The corpus written to Parquet, read back by pyarrow and by pandas."""
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    import pandas as pd
    import pyarrow.parquet as pq

    path = tmp_path / "corpus.parquet"
    corpus.to_parquet(path)
    return pq.read_table(path), pd.read_parquet(path)


def expected_metadata(doc: natojp.Document, keys: list[str]) -> dict[str, Any]:
    """A document's metadata as a struct row: every key, None where it has none."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in doc.metadata.items()} | {
        k: None for k in keys if k not in doc.metadata
    }


def test_parquet_keeps_dates_as_dates_and_metadata_as_a_struct(
    mixed: natojp.Corpus, tmp_path: Path
) -> None:
    pa = pytest.importorskip("pyarrow")
    table, frame = read_back(mixed, tmp_path)
    for column in DAYS:
        assert table.schema.field(column).type == pa.date32(), column
    metadata = table.schema.field("metadata").type
    assert pa.types.is_struct(metadata)
    keys = [metadata.field(i).name for i in range(metadata.num_fields)]
    assert set(keys) == {k for doc in mixed for k in doc.metadata}
    # each key is typed by its values (the bundled video's are a number and a flag)
    assert metadata.field("view_count").type == pa.int64()
    assert metadata.field("truncated").type == pa.bool_()
    assert metadata.field("tags").type == pa.list_(pa.string())
    assert metadata.field("edition").type == pa.string()

    for doc, row in zip(mixed, table.to_pylist(), strict=True):
        assert {k: row[k] for k in DAYS} == days_of(doc)
        assert row["metadata"] == expected_metadata(doc, keys)

    # pandas reads the same: date objects (None where undated) and dicts
    for doc, (_, row) in zip(mixed, frame.iterrows(), strict=True):
        for column, day in days_of(doc).items():
            assert (row[column] if isinstance(row[column], datetime.date) else None) == day
        meta = row["metadata"]
        assert isinstance(meta, dict) and set(meta) == set(keys)
        for key, value in doc.metadata.items():
            got = meta[key]
            assert (list(got) if isinstance(value, tuple) else got) == (
                list(value) if isinstance(value, tuple) else value
            ), (doc.id, key)


def test_metadata_of_mixed_types_is_text_and_numbers_widen(
    corpus: natojp.Corpus, tmp_path: Path
) -> None:
    pa = pytest.importorskip("pyarrow")
    docs = [
        attrs.evolve(corpus[0], metadata={"page": 3, "score": 1, "flag": True, "big": 1}),
        attrs.evolve(
            corpus[1],
            metadata={"page": "iv", "score": 2.5, "flag": ["a", "b"], "big": 10**30},
        ),
        attrs.evolve(corpus[2], metadata={"nothing": None}),
    ]
    table, _ = read_back(natojp.Corpus(docs), tmp_path)
    metadata = table.schema.field("metadata").type
    assert metadata.field("page").type == pa.string()
    assert metadata.field("score").type == pa.float64()
    assert metadata.field("flag").type == pa.string()
    assert metadata.field("big").type == pa.string()
    assert metadata.field("nothing").type == pa.string()
    rows = [row["metadata"] for row in table.to_pylist()]
    assert [r["page"] for r in rows] == ["3", "iv", None]
    assert [r["score"] for r in rows] == [1.0, 2.5, None]
    assert [r["flag"] for r in rows] == ["true", '["a", "b"]', None]
    assert [r["big"] for r in rows] == ["1", str(10**30), None]
    assert [r["nothing"] for r in rows] == [None, None, None]


def test_a_corpus_without_metadata_writes_parquet(corpus: natojp.Corpus, tmp_path: Path) -> None:
    docs = [attrs.evolve(doc, metadata={}) for doc in corpus]
    table, frame = read_back(natojp.Corpus(docs), tmp_path)
    assert table.num_rows == len(docs)
    assert table.column("metadata").null_count == len(docs)
    assert list(frame["id"]) == list(corpus.ids)


def test_an_empty_corpus_writes_parquet(tmp_path: Path) -> None:
    table, frame = read_back(natojp.Corpus(), tmp_path)
    assert table.num_rows == 0 and len(frame) == 0
    assert str(table.schema.field("event_date_start").type) == "date32[day]"


def test_nan_metadata_is_a_float_in_parquet(corpus: natojp.Corpus, tmp_path: Path) -> None:
    one = natojp.Corpus([attrs.evolve(corpus[0], metadata={"score": math.nan})])
    table, _ = read_back(one, tmp_path)
    assert math.isnan(table.column("metadata")[0]["score"].as_py())
