"""natojp.serialize on generated JSON-ish text and bytes: a document or
corpus, or a SchemaError/DecodeError, never anything else; round trips of
generated documents are exact, as JSON and as JSON Lines."""

from __future__ import annotations

import io
import json

from hypothesis import example, given
from hypothesis import strategies as st

import natojp
from natojp import read_jsonl
from natojp.errors import NatojpError
from natojp.serialize import dump_jsonl, iter_jsonl
from tests.fuzz._guard import said
from tests.strategies import (
    document_lists,
    documents,
    json_values,
    mutated_documents,
    weird_text,
)


def _loads(payload: str | bytes) -> None:
    try:
        result = natojp.loads(payload)
    except NatojpError as exc:
        said(exc)
    else:
        assert natojp.loads(natojp.dumps(result)) == result
    try:
        doc = natojp.loads_document(payload)
    except NatojpError as exc:
        said(exc)
    else:
        assert natojp.loads_document(natojp.dumps(doc)) == doc


@given(json_values)
def test_loads_any_json(value: object) -> None:
    _loads(json.dumps(value))


@given(mutated_documents())
def test_loads_mutated_documents(value: object) -> None:
    _loads(json.dumps(value))


@given(st.one_of(st.text(max_size=200), weird_text, mutated_documents().map(json.dumps)), st.data())
@example('{"schema_version": 1, "id": "x"', None)
@example("[" * 100_000, None)
@example("1" * 10_000, None)
@example('"\\ud800"', None)
@example("\ufeff{}", None)
@example('{"a": 1e999}', None)
@example("NaN", None)
def test_loads_text(text: str, data: st.DataObject | None) -> None:
    if data is not None and text and data.draw(st.booleans()):
        cut = data.draw(st.integers(0, len(text)))
        text = text[:cut]  # truncated JSON
    _loads(text)


@given(st.one_of(st.binary(max_size=200),
                 mutated_documents().map(lambda v: json.dumps(v).encode("utf-8")),
                 st.text(max_size=50).map(lambda t: t.encode("utf-16"))))  # fmt: skip
@example(b"\xff\xfe{\x00}\x00")
@example(b'"\xed\xa0\x80"')
@example(b"\x00")
def test_loads_bytes(raw: bytes) -> None:
    _loads(raw)


@given(documents())
def test_document_round_trip(doc: natojp.Document) -> None:
    assert natojp.loads_document(natojp.dumps(doc)) == doc
    assert natojp.loads_document(natojp.dumps(doc, indent=2)) == doc
    assert natojp.loads_document(natojp.dumps(doc).encode("utf-8")) == doc
    assert natojp.loads(natojp.dumps(doc)) == natojp.Corpus([doc])


@given(document_lists)
def test_corpus_round_trip_json_and_jsonl(docs: list[natojp.Document]) -> None:
    corpus = natojp.Corpus(docs)
    assert natojp.loads(natojp.dumps(corpus)) == corpus
    buffer = io.StringIO()
    assert corpus.to_jsonl(buffer) == len(docs)
    buffer.seek(0)
    assert read_jsonl(buffer) == corpus
    buffer.seek(0)
    assert list(iter_jsonl(buffer)) == docs
    raw = io.BytesIO(buffer.getvalue().encode("utf-8"))
    assert read_jsonl(raw) == corpus  # type: ignore[arg-type]


@given(st.lists(st.one_of(st.text(max_size=60), mutated_documents().map(json.dumps)), max_size=5))
def test_read_jsonl_lines(lines: list[str]) -> None:
    stream = io.StringIO("\n".join(line.replace("\n", " ") for line in lines))
    corpus = read_jsonl(stream, strict=False)
    assert corpus.report is not None
    stream.seek(0)
    try:
        read_jsonl(stream)
    except NatojpError as exc:
        said(exc, line=True)


@given(documents())
def test_dump_jsonl_stream_round_trip(doc: natojp.Document) -> None:
    buffer = io.StringIO()
    dump_jsonl([doc], buffer)
    assert buffer.getvalue().count("\n") == 1
    buffer.seek(0)
    assert list(iter_jsonl(buffer)) == [doc]
