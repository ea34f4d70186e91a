"""Corpus.search and Corpus.kwic on a small corpus with generated queries and
patterns: hits, or a QueryError, never anything else."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import natojp
from natojp.errors import NatojpError
from tests.fuzz._guard import said
from tests.strategies import queries, regex_patterns, weird_text

CORPUS = natojp.load_corpus()


@given(queries, st.none() | st.integers(-2, 60))
@example('"unclosed', 50)
@example("NOT NOT", 50)
@example("()", 50)
@example('"" *', 50)
@example("NEAR(a b)", 50)
@example("Indo-Pacific*", None)
@example("\x00", 50)
@example("\ud800", 50)
@example("AND OR NOT ( ) * ^ : -", 50)
def test_search(query: str, limit: int | None) -> None:
    try:
        hits = CORPUS.search(query, limit=limit)
    except NatojpError as exc:
        said(exc)
        return
    for hit in hits:
        text = CORPUS[hit.document_id].text
        assert 0 <= hit.span.start <= hit.span.end <= len(text)


@given(
    st.one_of(queries, weird_text),
    st.integers(-1, 12),
    st.booleans(),
)
@example("nuclear weap*", 3, False)
@example("*", 5, False)
@example("", 5, True)
def test_kwic_words(pattern: str, window: int, case_sensitive: bool) -> None:
    try:
        CORPUS.kwic(pattern, window, case_sensitive=case_sensitive)
    except NatojpError as exc:
        said(exc)


@given(regex_patterns, st.integers(0, 8), st.booleans())
@example("(a+)+$", 5, False)
@example("", 5, False)
@example(r"\b", 2, False)
@example("(?=x)", 2, False)
@example("[", 5, False)
@example("[[", 0, False)  # re warned FutureWarning: Possible nested set
@example("a||b--c&&d~~", 2, True)
def test_kwic_regex(pattern: str, window: int, case_sensitive: bool) -> None:
    try:
        lines = CORPUS.kwic(pattern, window, regex=True, case_sensitive=case_sensitive, timeout=0.5)
    except NatojpError as exc:
        said(exc)
        return
    for line in lines:
        assert line.document_id in CORPUS
