"""Text reuse: passages shared between documents, with their spans."""

from __future__ import annotations

import pytest

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
