"""Hardening of reading, writing and querying: each test is an input from the
"Hardening" issue that used to escape as a bare Python error, write NaN, leave
half a file behind or put a live formula in a CSV cell."""

from __future__ import annotations

from typing import Any

import pytest

import natojp
from natojp.errors import QueryError

# --- queries: bad arguments and deep nesting are QueryErrors -------------------------


def test_search_nested_1200_deep_is_a_query_error(corpus: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match="nests too deeply"):
        corpus.search("(" * 1200 + "Kishida" + ")" * 1200)
    # 30 levels still search, and mean what the word alone means.
    nested = corpus.search("(" * 30 + "Kishida" + ")" * 30)
    assert [h.document_id for h in nested] == [h.document_id for h in corpus.search("Kishida")]


def test_long_chains_of_terms_are_no_deeper_than_one(corpus: natojp.Corpus) -> None:
    # Thousands of terms used to build a tree thousands deep (RecursionError).
    assert {h.document_id for h in corpus.search(" ".join(["Kishida"] * 3000))} == {
        h.document_id for h in corpus.search("Kishida")
    }
    either = corpus.search(" OR ".join(["Kishida", "Yoon"] * 1500), limit=None)
    assert {h.document_id for h in either} == {
        h.document_id for h in corpus.search("Kishida OR Yoon", limit=None)
    }
    assert corpus.search(" NOT ".join(["Kishida"] * 3000)) == ()


@pytest.mark.parametrize("limit", [1.5, -1, 0, "3", True, float("nan")])
def test_search_limit_must_be_a_whole_number(corpus: natojp.Corpus, limit: Any) -> None:
    with pytest.raises(QueryError, match=r"limit= is a whole number"):
        corpus.search("NATO", limit=limit)


def test_search_limit_beyond_any_index_means_all(corpus: natojp.Corpus) -> None:
    assert corpus.search("NATO", limit=10**30) == corpus.search("NATO", limit=None)


def test_search_query_must_be_text(corpus: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match="query is a string, not int"):
        corpus.search(123)  # type: ignore[arg-type]


@pytest.mark.parametrize("window", [1.5, -1, "3", True])
def test_kwic_window_must_be_a_whole_number(corpus: natojp.Corpus, window: Any) -> None:
    with pytest.raises(QueryError, match=r"window= is a whole number"):
        corpus.kwic("NATO", window=window)


def test_kwic_window_beyond_any_text_means_every_word(corpus: natojp.Corpus) -> None:
    line = corpus.kwic("watching closely", window=10**30)[0]
    text = corpus[line.document_id].text
    assert line.left == " ".join(text[: line.span.start].split())


@pytest.mark.parametrize("timeout", [0, -1, "3", True, float("nan"), float("inf")])
def test_kwic_timeout_must_be_seconds(corpus: natojp.Corpus, timeout: Any) -> None:
    with pytest.raises(QueryError, match=r"timeout= is a number of seconds"):
        corpus.kwic("NATO", regex=True, timeout=timeout)


@pytest.mark.parametrize("min_words", [1.5, "3", True])
def test_shared_passages_min_words_must_be_a_whole_number(
    corpus: natojp.Corpus, min_words: Any
) -> None:
    with pytest.raises(QueryError, match=r"min_words= is a whole number, 2 or more"):
        corpus.shared_passages(min_words=min_words)
    with pytest.raises(QueryError, match="min_words is at least 2, not 1"):
        corpus.shared_passages(min_words=1)
    assert corpus.shared_passages(min_words=10**30) == ()


def test_between_a_bare_number_is_a_query_error(corpus: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match="not int"):
        corpus.between(2023)  # type: ignore[arg-type]
