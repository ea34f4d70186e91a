from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import natojp
from natojp import load_jsonl
from natojp.serialize import dump_jsonl, iter_jsonl, to_dict
from tests.strategies import document_lists, documents, non_finite_floats, partial_dates


def test_every_bundled_document_round_trips(corpus):
    for doc in corpus:
        assert natojp.loads_document(natojp.dumps(doc)) == doc
    assert natojp.loads(natojp.dumps(corpus)) == corpus


def test_loads_is_always_a_corpus_and_loads_document_one_document(corpus):
    doc = corpus["2023-01-31-tokyo-news-release"]
    one = natojp.loads(natojp.dumps(doc))
    assert isinstance(one, natojp.Corpus) and one == natojp.Corpus([doc])
    assert natojp.serialize.loads_document(natojp.dumps(doc)) == doc
    with pytest.raises(natojp.SchemaError, match=r"this is a corpus.*natojp\.loads\(\)") as info:
        natojp.loads_document(natojp.dumps(corpus))
    assert info.value.json_path == "$"


def test_dumps_takes_a_document_or_any_iterable_of_documents(corpus):
    docs = list(corpus[:2])
    assert natojp.dumps(docs) == natojp.dumps(tuple(docs)) == natojp.dumps(corpus[:2])
    assert natojp.dumps(iter(docs)) == natojp.dumps(corpus[:2])
    assert natojp.loads(natojp.dumps(d for d in docs)) == corpus[:2]
    assert natojp.loads(natojp.dumps([])) == natojp.Corpus()
    with pytest.raises(TypeError, match="item 1 is a str"):
        natojp.dumps([docs[0], "not a document"])
    with pytest.raises(TypeError, match="not dict"):
        natojp.dumps({"id": "x"})


def test_json_shape_for_downstream_tools(corpus):
    data = json.loads(natojp.dumps(corpus["2023-02-01-keio-speech"]))
    assert data["schema_version"] == natojp.SCHEMA_VERSION
    assert data["kind"] == "video"
    assert data["date"] == "2023-09-17" and data["event_date"] == "2023-02-01"
    assert data["date_provenance"] == "stated"
    assert data["segments"][1]["speaker"] == "NATO Secretary General"
    assert set(data["segments"][1]["span"]) == {"start", "end"}
    assert data["metadata"]["view_count"] == 98


def test_jsonl_round_trip(tmp_path, corpus):
    path = tmp_path / "corpus.jsonl"
    assert dump_jsonl(corpus, path) == 5
    assert len(path.read_text(encoding="utf-8").splitlines()) == 5
    assert load_jsonl(path) == corpus


@pytest.mark.parametrize(
    ("payload", "json_path", "message"),
    [
        ({"id": "x"}, "$", "missing schema_version"),
        ({"schema_version": 99}, "$.schema_version", "upgrade natojp"),
        (
            {"schema_version": 1, "id": "x", "title": "T", "kind": "memo", "text": ""},
            "$.kind",
            "DocumentKind",
        ),
        (
            {
                "schema_version": 1,
                "id": "x",
                "title": "T",
                "kind": "other",
                "text": "",
                "date": 2023,
            },
            "$.date",
            "EDTF",
        ),
        (
            {
                "schema_version": 1,
                "id": "x",
                "title": "T",
                "kind": "other",
                "text": "abc",
                "segments": [{"span": {"start": 0, "end": "nine"}}],
            },
            "$.segments[0].span.end",
            "int",
        ),
        (
            {
                "schema_version": 1,
                "id": "x",
                "title": "T",
                "kind": "other",
                "text": "abc",
                "segments": [{"span": {"start": 0, "end": 9}}],
            },
            "$",
            "runs past the end",
        ),
        (
            {
                "schema_version": 1,
                "id": "x",
                "title": "T",
                "kind": "other",
                "text": "",
                "colour": "red",
            },
            "$",
            "colour",
        ),
    ],
)
@pytest.mark.parametrize("read", [natojp.loads, natojp.loads_document])
def test_bad_json_names_the_offending_field(payload, json_path, message, read):
    with pytest.raises(natojp.SchemaError) as info:
        read(json.dumps(payload))
    assert info.value.json_path == json_path
    assert message in str(info.value)


def test_not_json_at_all():
    with pytest.raises(natojp.SchemaError, match="not JSON") as info:
        natojp.loads("{nope")
    assert info.value.line == 1


def test_bad_jsonl_line_reports_its_line_number():
    good = json.dumps(to_dict(natojp.load_corpus()[0]))
    stream = io.StringIO(good + "\n\n" + '{"schema_version": 1}' + "\n")
    with pytest.raises(natojp.SchemaError) as info:
        list(iter_jsonl(stream))
    assert info.value.line == 3


# --- hypothesis-generated documents (strategies in tests/strategies.py) ------------


@settings(max_examples=150, deadline=None)
@given(documents())
def test_generated_documents_round_trip_through_json(doc):
    assert natojp.loads_document(natojp.dumps(doc)) == doc


@settings(max_examples=50, deadline=None)
@given(document_lists)
def test_generated_corpora_round_trip_through_jsonl(docs):
    buffer = io.StringIO()
    dump_jsonl(docs, buffer)
    buffer.seek(0)
    assert list(iter_jsonl(buffer)) == docs


def test_fast_reading_gives_what_cattrs_gives(corpus):
    from natojp.serialize import converter
    from natojp.serialize._json import _fast_document

    for doc in corpus:
        data = to_dict(doc)
        slow = converter.structure({k: v for k, v in data.items() if k != "schema_version"},
                                   natojp.Document)  # fmt: skip
        assert _fast_document(json.loads(json.dumps(data))) == slow == doc


def test_unusual_but_valid_json_still_reads(corpus):
    data = json.loads(json.dumps(to_dict(corpus["tokyo-visit-news-article"])))
    data["mentions"][0]["confidence"] = 1  # an int where a float is written
    del data["quotes"]  # a field left at its default
    doc = natojp.serialize.from_dict(data)
    assert doc.mentions[0].confidence == 1.0 and doc.quotes == ()


def test_documents_follow_the_json_schema(corpus):
    import jsonschema

    from natojp.serialize import json_schema

    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for doc in corpus:
        errors = list(validator.iter_errors(json.loads(json.dumps(to_dict(doc)))))
        assert errors == [], errors[:1]
    bad = to_dict(corpus[0])
    bad["mentions"][0]["span"]["start"] = "3"
    bad["date"] = "June 2022"
    bad["extra"] = 1
    messages = {e.validator for e in validator.iter_errors(bad)}
    assert {"type", "anyOf", "additionalProperties"} <= messages


@settings(max_examples=50, deadline=None)
@given(partial_dates)
def test_every_partial_date_fits_the_schema_pattern(date):
    import re

    from natojp.serialize._schema import _EDTF

    assert re.match(_EDTF, date.isoformat())


@settings(max_examples=50, deadline=None)
@given(
    documents(),
    st.text(max_size=8),
    non_finite_floats,
)
def test_no_document_is_written_with_nan_or_infinity(doc, key, value):
    import attrs

    from natojp.errors import SchemaError

    bad = attrs.evolve(doc, metadata={**doc.metadata, key: value})
    with pytest.raises(SchemaError, match="is not a JSON number") as caught:
        natojp.dumps(bad)
    assert caught.value.json_path == (
        f"$.metadata.{key}" if key.isidentifier() else f"$.metadata[{json.dumps(key)}]"
    )
    with pytest.raises(SchemaError):
        dump_jsonl([bad], io.StringIO())
