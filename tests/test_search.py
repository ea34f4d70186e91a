"""Full-text search: the query language, ranking, spans, and filtered corpora."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import natojp
from natojp.corpus._fulltext import parse
from natojp.errors import QueryError
from tests.strategies import queries


def doc(doc_id: str, body: str) -> natojp.Document:
    return natojp.parse(f"Title {doc_id}\n\n{body}", id=doc_id, metadata={"date": "2024-01-02"})


@pytest.fixture(scope="module")
def small() -> natojp.Corpus:
    return natojp.Corpus(
        [
            doc("a", "Beijing is watching closely. Japan and NATO met in Tokyo."),
            doc("b", "Watching Beijing closely is what NATO does. Nuclear weapons were discussed."),
            doc("c", "The Indo-Pacific region matters; the U.S. agreed. Nuclear nuclear nuclear."),
            doc("d", "A café in Brussels hosted the ministers. Russia was not discussed."),
            doc("e", "Russia and Japan held talks about fishing rights."),
            doc("f", "Nothing here concerns any of the search words at all."),
            doc("g", "Another unrelated text about the weather in Oslo."),
        ]
    )


def found(corpus: natojp.Corpus, query: str) -> set[str]:
    return {hit.document_id for hit in corpus.search(query, limit=None)}


def test_words_phrases_and_operators(small: natojp.Corpus) -> None:
    assert found(small, "beijing") == {"a", "b"}
    assert found(small, '"beijing is watching"') == {"a"}  # b has the words, not the phrase
    assert found(small, "beijing closely") == {"a", "b"}  # side by side means AND
    assert found(small, "Japan OR Russia") == {"a", "d", "e"}
    assert found(small, "Japan NOT Russia") == {"a"}
    assert found(small, "(Japan OR Russia) AND discussed") == {"d"}
    assert found(small, "nuc*") == {"b", "c"}
    assert found(small, '"nuclear weap"*') == {"b"}


def test_punctuated_words_and_diacritics(small: natojp.Corpus) -> None:
    assert found(small, "Indo-Pacific") == {"c"}
    assert found(small, '"indo pacific"') == {"c"}
    assert found(small, "U.S.") == {"c"}
    assert found(small, "cafe") == {"d"}
    hit = small.search("cafe")[0]
    assert hit.span is not None and small["d"].text[hit.span.start : hit.span.end] == "café"


def test_hits_point_at_the_words_and_rank_by_relevance(small: natojp.Corpus) -> None:
    hits = small.search("nuclear")
    assert [h.document_id for h in hits] == ["c", "b"]  # three times beats once
    assert hits[0].score > hits[1].score
    text = small["c"].text
    assert [s.of(text) for s in hits[0].spans] == ["Nuclear", "nuclear", "nuclear"]
    assert hits[0].span == hits[0].spans[0]
    assert "Nuclear nuclear" in hits[0].snippet and "\n" not in hits[0].snippet


def test_not_terms_are_not_highlighted(small: natojp.Corpus) -> None:
    hit = small.search("Japan NOT Russia")[0]
    assert {s.of(small[hit.document_id].text) for s in hit.spans} == {"Japan"}


def test_limit(small: natojp.Corpus) -> None:
    assert len(small.search("the", limit=1)) == 1
    assert len(small.search("the", limit=None)) == len(found(small, "the"))
    with pytest.raises(QueryError, match="limit"):
        small.search("the", limit=0)


def test_filtered_corpora_search_only_their_documents(small: natojp.Corpus) -> None:
    subset = small.where(predicate=lambda d: d.id in {"b", "e"})
    assert found(subset, "Japan OR Beijing") == {"b", "e"}
    assert subset._fulltext is small._fulltext  # one index for the whole chain
    assert found(small[4:], "Japan") == {"e"}
    assert found(small.sorted()[::-1], "Japan") == {"a", "e"}


def test_bundled_talking_point(corpus: natojp.Corpus) -> None:
    hits = corpus.search('"Beijing is watching closely"')
    assert {h.document_id for h in hits} == {
        "2023-01-31-tokyo-news-release",
        "2023-02-01-keio-speech",
        "2023-01-31-tokyo-joint-press-point",
    }
    for hit in hits:
        assert hit.span is not None
        assert corpus[hit.document_id].text[hit.span.start : hit.span.end] == (
            "Beijing is watching closely"
        )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "the query is empty"),
        ('"unclosed phrase', "unclosed quotation mark"),
        ("(NATO OR Japan", "unclosed parenthesis"),
        ("NOT Russia", "NOT needs something before it"),
        ("NATO AND", "ends too early"),
        ("NATO )", r"unexpected '\)'"),
        ("— –", "no letters or digits"),
    ],
)
def test_bad_queries_raise_query_error(small: natojp.Corpus, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        small.search(query)


def test_parse_follows_fts5_precedence() -> None:
    assert parse("a OR b c").fts() == '("a") OR (("b") AND ("c"))'
    assert parse("a b NOT c").fts() == '("a") AND (("b") NOT ("c"))'


@settings(max_examples=200, deadline=None)
@given(queries)
def test_any_query_runs_or_raises_query_error(query: str) -> None:
    corpus = natojp.Corpus([doc("x", "a b ab ba AND or not")])
    try:
        hits = corpus.search(query)
    except QueryError:
        return
    for hit in hits:
        for span in hit.spans:
            assert 0 <= span.start < span.end <= len(corpus["x"].text)
