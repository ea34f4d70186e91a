"""Exports: plain records, pandas, Arrow and Parquet, and JSON Lines with progress."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import natojp
from natojp.errors import DecodeError, MissingExtraError, SchemaError


def test_records_are_plain_and_follow_the_documents(corpus: natojp.Corpus) -> None:
    records = corpus.to_records()
    assert json.loads(json.dumps(records)) == records  # JSON-ready, nothing exotic
    for doc, row in zip(corpus, records, strict=True):
        assert row["id"] == doc.id and row["text"] == doc.text and row["kind"] == doc.kind.value
        assert row["authors"] == list(doc.authors)
        assert set(row["people"]) == {m.person_id for m in doc.mentions if m.person_id}
        assert row["quotes"] == len(doc.quotes)
    undated = [r for r in records if r["date_provenance"] == "inferred"]
    assert undated and undated[0]["date"] == "2023-01-31"
    op_ed = records[corpus.ids.index("2022-06-30-nikkei-op-ed")]
    assert (op_ed["date"], op_ed["date_start"], op_ed["date_end"]) == (
        "2022-06-30", "2022-06-30", "2022-06-30",
    )  # fmt: skip
    assert op_ed["outlet"] == "Nikkei Asia" and op_ed["speakers"] == ["Jens Stoltenberg"]


def test_month_dates_span_the_month() -> None:
    doc = natojp.parse("Title\n\nText.", id="x", metadata={"date": "2022-06"})
    row = natojp.Corpus([doc]).to_records()[0]
    assert (row["date"], row["date_start"], row["date_end"]) == (
        "2022-06",
        "2022-06-01",
        "2022-06-30",
    )


def test_pandas(corpus: natojp.Corpus) -> None:
    pd = pytest.importorskip("pandas")
    frame = corpus.to_pandas()
    assert list(frame["id"]) == list(corpus.ids)
    assert pd.api.types.is_datetime64_any_dtype(frame["date_start"])
    assert frame.groupby("kind").size()["transcript"] == 1


def test_arrow_and_parquet(corpus: natojp.Corpus, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = corpus.to_arrow()
    assert (
        table.num_rows == len(corpus)
        and str(table.schema.field("date_start").type) == "date32[day]"
    )
    path = tmp_path / "corpus.parquet"
    corpus.to_parquet(path)
    back = pq.read_table(path).to_pylist()
    assert [row["id"] for row in back] == list(corpus.ids)
    assert back[0]["text"] == corpus[0].text
    # metadata is a struct (one typed field per key across the corpus), not JSON text
    for row, doc in zip(back, corpus, strict=True):
        present = {key: value for key, value in row["metadata"].items() if value is not None}
        assert present == {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in doc.metadata.items()
            if value is not None
        }


def test_missing_extra_names_it(corpus: natojp.Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'natojp\[pandas\]'"):
        corpus.to_pandas()
    with pytest.raises(ImportError, match=r"pip install 'natojp\[arrow\]'"):
        corpus.to_parquet("never-written.parquet")


def test_jsonl_round_trip_with_progress(corpus: natojp.Corpus, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    seen: list[tuple[int, int | None]] = []
    assert corpus.to_jsonl(path, progress=lambda done, total: seen.append((done, total))) == 5
    assert seen[-1] == (5, 5)
    read: list[int] = []
    again = natojp.Corpus.from_jsonl(path, progress=lambda done, total: read.append(done))
    assert again == corpus and read[-1] == 5
    assert again.report is not None and again.report.ok


def test_progress_true_writes_a_line_to_stderr(
    corpus: natojp.Corpus, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus.to_jsonl(io.StringIO(), progress=True)
    assert "Writing [####################] 5/5 documents" in capsys.readouterr().err


def bad_file(tmp_path: Path, corpus: natojp.Corpus) -> Path:
    lines = [json.dumps(natojp.serialize.to_dict(d), ensure_ascii=False) for d in corpus[:2]]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        (lines[0] + "\n{not json\n").encode()
        + b'{"title": "caf\xe9"}\n'
        + ('{"schema_version": 1, "id": "x"}\n' + lines[1] + "\n").encode()
    )
    return path


def test_strict_jsonl_stops_at_the_first_bad_line(corpus: natojp.Corpus, tmp_path: Path) -> None:
    path = bad_file(tmp_path, corpus)
    with pytest.raises(SchemaError, match=r"mixed.jsonl:2:2: not JSON"):
        natojp.Corpus.from_jsonl(path)


def test_lenient_jsonl_reports_every_bad_line(corpus: natojp.Corpus, tmp_path: Path) -> None:
    loaded = natojp.Corpus.from_jsonl(bad_file(tmp_path, corpus), strict=False)
    assert loaded.ids == corpus.ids[:2]
    assert loaded.report is not None
    assert [(f.line, f.error) for f in loaded.report.failures] == [
        (2, "SchemaError"),
        (3, "DecodeError"),
        (4, "SchemaError"),
    ]


def test_non_utf8_line_is_a_decode_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"title": "caf\xe9"}\n')
    with pytest.raises(DecodeError, match=r"latin1.jsonl:1: not UTF-8 text \(at byte 14\)"):
        natojp.Corpus.from_jsonl(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(natojp.FormatError, match="cannot open"):
        natojp.Corpus.from_jsonl(tmp_path / "nope.jsonl")


def test_csv_has_a_row_per_record(corpus: natojp.Corpus, tmp_path: Path) -> None:
    import csv

    from natojp.corpus._export import COLUMNS

    path = tmp_path / "corpus.csv"
    assert corpus.to_csv(path) == len(corpus)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records = corpus.to_records()
    assert list(rows[0]) == list(COLUMNS)
    for row, record in zip(rows, records, strict=True):
        assert row["id"] == record["id"] and row["text"] == record["text"]
        assert row["authors"] == "; ".join(record["authors"])
        assert json.loads(row["metadata"]) == record["metadata"]
        assert row["quotes"] == str(record["quotes"])
    empty = io.StringIO()
    assert natojp.Corpus().to_csv(empty) == 0
    assert empty.getvalue().strip() == ",".join(COLUMNS)
