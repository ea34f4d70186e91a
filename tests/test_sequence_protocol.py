"""Corpus is a real Sequence, and its lookup errors are the built-in ones too."""

from __future__ import annotations

import pickle
from collections.abc import Sequence

import attrs
import pytest

import natojp
from natojp.errors import (
    DuplicateIdError,
    NatojpError,
    NotInCorpusError,
    PositionError,
    QueryError,
    UnknownIdError,
)

CORPUS = natojp.load_corpus()


class Position:
    """Any object with __index__ indexes a sequence (NumPy integers are such)."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def test_corpus_is_a_sequence_of_documents() -> None:
    assert isinstance(CORPUS, Sequence)
    assert list(CORPUS) == [CORPUS[i] for i in range(len(CORPUS))]


@pytest.mark.parametrize("i", [0, 1, 4, -1, -5])
def test_any_index_integer_and_negative_positions(i: int) -> None:
    documents = list(CORPUS)
    assert CORPUS[i] is documents[i]
    assert CORPUS[Position(i)] is documents[i]


def test_numpy_integers_index_a_corpus() -> None:
    numpy = pytest.importorskip("numpy")
    assert CORPUS[numpy.int64(1)] is CORPUS[1]
    assert CORPUS[numpy.intp(-1)] is CORPUS[4]


def test_a_float_is_not_a_position() -> None:
    with pytest.raises(TypeError, match="position, slice or id"):
        CORPUS[1.0]  # type: ignore[call-overload]


def test_index_count_contains_reversed() -> None:
    documents = list(CORPUS)
    for i, doc in enumerate(documents):
        assert CORPUS.index(doc) == i
        assert CORPUS.index(doc.id) == i
        assert CORPUS.count(doc) == 1
        assert doc in CORPUS
    assert list(reversed(CORPUS)) == documents[::-1]
    assert CORPUS.index(documents[3], 2) == 3
    with pytest.raises(ValueError):
        CORPUS.index(documents[3], 0, 3)  # outside start..stop, as list.index


def test_a_document_not_held_is_a_value_error() -> None:
    stranger = attrs.evolve(CORPUS[0], id="someone-else")
    changed = attrs.evolve(CORPUS[0], title="Another title")  # same id, other document
    for missing in (stranger, changed, "nope", 42):
        with pytest.raises(ValueError, match="not in this corpus") as caught:
            CORPUS.index(missing)
        assert isinstance(caught.value, NotInCorpusError)
        assert CORPUS.count(missing) == 0
        assert missing not in CORPUS


def test_unknown_id_is_a_key_error_with_natojps_message() -> None:
    with pytest.raises(KeyError) as caught:
        CORPUS["nope"]
    err = caught.value
    assert isinstance(err, UnknownIdError) and isinstance(err, QueryError)
    assert str(err).startswith("no document with id 'nope'; ids look like")  # not a quoted repr
    assert CORPUS.get("nope") is None


def test_position_past_the_end_is_an_index_error() -> None:
    with pytest.raises(IndexError) as caught:
        CORPUS[len(CORPUS)]
    assert isinstance(caught.value, PositionError)
    assert str(caught.value) == "document index 5 is out of range for 5 documents"


def test_duplicate_ids_are_a_value_error_naming_the_id() -> None:
    for make in (lambda: CORPUS + CORPUS, lambda: natojp.Corpus([CORPUS[0], CORPUS[0]])):
        with pytest.raises(ValueError, match="'2022-06-30-nikkei-op-ed'") as caught:
            make()
        assert isinstance(caught.value, DuplicateIdError)
        assert isinstance(caught.value, NatojpError)


def test_lookup_errors_pickle_with_their_type_and_message() -> None:
    for err in (
        UnknownIdError("no document with id 'x'"),
        PositionError("document index 9 is out of range for 5 documents"),
    ):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err)
