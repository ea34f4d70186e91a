"""Text reuse: passages shared between documents, with their spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import natojp
from natojp.errors import QueryError

POINT = "the security of Europe and the security of Asia are closely connected"


def doc(doc_id: str, body: str) -> natojp.Document:
    return natojp.parse(f"Title {doc_id}\n\n{body}", id=doc_id, metadata={"date": "2024-01-02"})


@pytest.fixture(scope="module")
def docs() -> natojp.Corpus:
    return natojp.Corpus(
        [
            doc("a", f"He said that {POINT}. Then he left for Madrid."),
            doc(
                "b",
                "“The Security of Europe, and the security of Asia, are closely connected,” "
                "she wrote, and then he left for Madrid.",
            ),
            doc("c", f"Ministers agreed: {POINT} and must be defended together."),
            doc("d", "Nothing shared here at all, apart from short words like the and of."),
        ]
    )


def test_finds_a_talking_point_in_every_document_despite_case_and_punctuation(
    docs: natojp.Corpus,
) -> None:
    passages = docs.shared_passages(min_words=8)
    top = passages[0]
    assert top.document_ids == ("a", "b", "c")
    assert top.words == len(POINT.split())
    for occurrence in top.occurrences:
        text = docs[occurrence.document_id].text
        assert text[occurrence.span.start : occurrence.span.end] == occurrence.text
        assert occurrence.text.lower().replace(",", "").startswith("the security of europe")
        assert occurrence.text.endswith("connected")


def test_pairs_share_their_own_passages(docs: natojp.Corpus) -> None:
    passages = docs.shared_passages(min_words=4)
    groups = {p.document_ids for p in passages}
    assert ("a", "b") in groups  # "then he left for Madrid"
    assert all("d" not in ids for ids in groups)


def test_short_repeats_are_not_passages(docs: natojp.Corpus) -> None:
    assert docs.shared_passages(min_words=20) == ()
    with pytest.raises(QueryError, match="min_words is at least 2"):
        docs.shared_passages(min_words=1)


def test_bundled_talking_point(corpus: natojp.Corpus) -> None:
    watching = [p for p in corpus.shared_passages(min_words=8) if "watching closely" in p.text]
    assert watching and set(watching[0].document_ids) == {
        "2023-01-31-tokyo-news-release",
        "2023-02-01-keio-speech",
        "2023-01-31-tokyo-joint-press-point",
    }


def _reference(documents, n):
    """Every shared passage found the plain way: each n-gram's documents kept
    exactly, as a dict of word tuples (what natojp did before it hashed them)."""
    from natojp.corpus._reuse import _words
    from natojp.models import Occurrence, SharedPassage, Span

    tokenised = [_words(d.text) for d in documents]
    seen_in: dict[tuple[str, ...], set[int]] = {}
    grams_of = []
    for index, (words, _) in enumerate(tokenised):
        grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
        grams_of.append(grams)
        for gram in grams:
            seen_in.setdefault(gram, set()).add(index)
    groups: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
    for index, grams in enumerate(grams_of):
        words = tokenised[index][0]
        start, run = -1, frozenset()
        for position in range(len(grams) + 1):
            in_docs = seen_in[grams[position]] if position < len(grams) else set()
            if start >= 0 and in_docs != run:
                last = position + n - 2
                groups.setdefault(tuple(words[start : last + 1]), []).append((index, start, last))
                start = -1
            if start < 0 and len(in_docs) > 1:
                start, run = position, frozenset(in_docs)
    passages = []
    for key, places in groups.items():
        if len({i for i, _, _ in places}) < 2:
            continue
        found = []
        for index, first, last in places:
            offsets = tokenised[index][1]
            span = Span(offsets[first][0], offsets[last][1])
            text = span.of(documents[index].text)
            found.append(Occurrence(document_id=documents[index].id, item=span, text=text))
        passages.append(SharedPassage(text=found[0].text, words=len(key), occurrences=found))
    passages.sort(key=lambda p: (-len(p.document_ids), -p.words, p.text))
    return tuple(passages)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["peace", "and", "security", "Asia", "Europe", "the"]), max_size=40
        ),
        min_size=2,
        max_size=6,
    ),
    st.integers(2, 5),
)
def test_hashed_shingles_find_what_exact_counting_finds(bodies, n):
    corpus = natojp.Corpus([doc(f"d{i}", " ".join(words) + ".") for i, words in enumerate(bodies)])
    assert corpus.shared_passages(min_words=n) == _reference(list(corpus), n)


def test_a_real_sample_gives_the_passages_of_exact_counting():
    corpus = natojp.load_corpus()
    for n in (3, 5, 8):
        assert corpus.shared_passages(min_words=n) == _reference(list(corpus), n)
