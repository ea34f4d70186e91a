"""String options with a closed set of values are Literals: type checkers see
them, the JSON Schema lists them, and reading JSON refuses other values."""

from __future__ import annotations

import json
import typing

import pytest

import natojp
from natojp.corpus import DateBasis, Frequency, SentenceSplitter
from natojp.models import QuoteRoute, SpeakerRole
from natojp.serialize import json_schema


def test_models_route_and_role_are_literals_listed_in_the_schema() -> None:
    defs = json_schema()["$defs"]
    assert defs["Quote"]["properties"]["route"]["enum"] == list(typing.get_args(QuoteRoute))
    assert defs["Speaker"]["properties"]["role"]["enum"] == list(typing.get_args(SpeakerRole))
    corpus = natojp.load_corpus()
    assert {q.route for doc in corpus for q in doc.quotes} <= set(typing.get_args(QuoteRoute))
    assert {s.role for doc in corpus for s in doc.speakers} <= set(typing.get_args(SpeakerRole))


@pytest.mark.parametrize(
    ("field", "index", "key"), [("quotes", 0, "route"), ("speakers", 0, "role")]
)
def test_json_with_a_value_outside_the_literal_is_refused(field: str, index: int, key: str) -> None:
    doc = next(d for d in natojp.load_corpus() if getattr(d, field))
    data = json.loads(natojp.dumps(doc))
    data[field][index][key] = "guessed"
    with pytest.raises(natojp.SchemaError, match=rf"\$\.{field}\[{index}\]\.{key}.*guessed"):
        natojp.loads_document(json.dumps(data))


def test_query_options_are_literals_and_other_values_are_query_errors() -> None:
    assert typing.get_args(DateBasis) == ("event", "published")
    assert typing.get_args(Frequency) == ("day", "month", "year")
    assert "natojp" in typing.get_args(SentenceSplitter)
    corpus = natojp.load_corpus()
    with pytest.raises(natojp.QueryError, match="by= is 'event' or 'published'"):
        corpus.timeline("month", by="evnt")  # type: ignore[arg-type]
    with pytest.raises(natojp.QueryError, match="freq="):
        corpus.timeline("week")  # type: ignore[arg-type]
