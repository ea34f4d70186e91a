"""The CLI's --json rows use the models' field names and JSON shapes, so a tool
reading them needs to know one vocabulary: natojp's."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import natojp
from natojp.cli import main
from natojp.serialize import to_dict


def _json(*argv: str) -> Any:
    out = io.StringIO()
    assert main([*argv, "--json"], out=out) == 0
    return json.loads(out.getvalue())


def _fields(cls: type) -> set[str]:
    return {field.name for field in attrs.fields(cls)}


def test_list_rows_are_document_fields_with_their_json_values() -> None:
    rows = _json("list")
    corpus = natojp.load_corpus()
    assert [row["id"] for row in rows] == list(corpus.ids)
    for row, doc in zip(rows, corpus, strict=True):
        assert set(row) <= _fields(natojp.Document)
        full = to_dict(doc)
        assert all(row[key] == full[key] for key in row)  # same shapes as natojp's JSON


@pytest.mark.parametrize(
    ("argv", "cls"),
    [(("search", "partner*"), natojp.Hit), (("kwic", "alliance"), natojp.KwicLine)],
)
def test_search_and_kwic_rows_are_their_models(argv: tuple[str, ...], cls: type) -> None:
    rows = _json(*argv)
    assert rows
    for row in rows:
        assert set(row) == _fields(cls)
        assert set(row["span"]) == {"start", "end"}


def test_kwic_rows_point_into_the_document_text() -> None:
    corpus = natojp.load_corpus()
    for row in _json("kwic", "alliance"):
        text = corpus[row["document_id"]].text
        assert text[row["span"]["start"] : row["span"]["end"]].lower() == row["match"].lower()


def test_quote_rows_are_occurrences_of_quotes() -> None:
    rows = _json("quotes", "--speaker", "jens-stoltenberg")
    assert rows
    for row in rows:
        assert set(row) == _fields(natojp.Occurrence)
        assert set(row["item"]) == _fields(natojp.Quote)
        assert row["item"]["person_id"] == "jens-stoltenberg"


def test_dates_rows_are_date_mentions_plus_their_text() -> None:
    doc = natojp.load_corpus()["2023-01-31-tokyo-news-release"]
    rows = _json("dates", doc.id)
    assert len(rows) == len(doc.dates)
    for row, mention in zip(rows, doc.dates, strict=True):
        assert set(row) == _fields(natojp.DateMention) | {"text"}
        assert row["text"] == mention.span.of(doc.text)


def test_people_rows_name_the_person_id() -> None:
    rows = _json("people")
    assert rows[0]["person_id"] == "jens-stoltenberg"
    assert set(rows[0]) == {"person_id", "name", "count"}


def test_load_rows_and_failures_use_model_names(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Budget talks\n\nThe ministers met.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    out = io.StringIO()
    assert main(["load", str(tmp_path), "--lenient", "--json"], out=out) in (0, 1)
    data = json.loads(out.getvalue())
    assert [row["id"] for row in data["documents"]] == ["good"]
    assert set(data["documents"][0]) <= _fields(natojp.Document)
    assert set(data["failures"][0]) == _fields(natojp.LoadFailure)
    assert data["failures"][0]["path"].endswith("bad.txt")
