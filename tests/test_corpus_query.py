"""Corpus filters: where() and between(), and the notebook view."""

from __future__ import annotations

import datetime as dt

import pytest

import natojp
from natojp.errors import QueryError
from natojp.models import Document, DocumentKind, PartialDate


def make(doc_id: str, date: PartialDate | None, kind: str = "news_release") -> Document:
    return natojp.parse(
        f"Title {doc_id}\n\nSecretary General Jens Stoltenberg met Prime Minister Kishida.",
        id=doc_id,
        metadata={"date": date.isoformat() if date else None, "kind": kind},
    )


def test_where_by_kind_speaker_and_mention(corpus: natojp.Corpus) -> None:
    assert corpus.where(kind="transcript", speaker="stoltenberg").ids == (
        "2023-01-31-tokyo-joint-press-point",
    )
    assert set(corpus.where(speaker="jens-stoltenberg").ids) == {
        "2022-06-30-nikkei-op-ed",
        "2023-01-31-tokyo-joint-press-point",
        "2023-02-01-keio-speech",
    }
    assert corpus.where(mentions="Mr Kishida").ids == (
        "2022-06-30-nikkei-op-ed",
        "2023-01-31-tokyo-joint-press-point",
        "2023-01-31-tokyo-news-release",
        "tokyo-visit-news-article",
        "2023-02-01-keio-speech",
    )
    assert corpus.where(mentions="unregistered:itoh").ids == ("2023-02-01-keio-speech",)
    assert corpus.where(kind=["op_ed", DocumentKind.VIDEO]).ids == (
        "2022-06-30-nikkei-op-ed",
        "2023-02-01-keio-speech",
    )
    assert len(corpus.where(speaker="Nobody Atall")) == 0


def test_where_chains_and_takes_a_predicate(corpus: natojp.Corpus) -> None:
    long = corpus.where(predicate=lambda d: len(d.text) > 4000)
    assert all(len(d.text) > 4000 for d in long) and len(long) == 2
    assert long.where(kind="op_ed").ids == ("2022-06-30-nikkei-op-ed",)
    assert corpus.where(outlet="NIKKEI ASIA").ids == corpus.where(kind="op_ed").ids


def test_queries_return_new_corpora_and_leave_the_old(corpus: natojp.Corpus) -> None:
    before = corpus.ids
    corpus.where(kind="op_ed")
    corpus.between("2023")
    assert corpus.ids == before


def test_between_compares_partial_dates_by_interval() -> None:
    docs = natojp.Corpus(
        [make("june", PartialDate(2022, 6)), make("day", PartialDate(2022, 6, 20)),
         make("year", PartialDate(2022)), make("undated", None)]
    )  # fmt: skip
    assert docs.between("2022-06-01", "2022-06-30").ids == ("june", "day")
    assert docs.between("2022").ids == ("june", "day", "year")
    assert docs.between("2022-06-15", "2022-12-31").ids == ("day",)
    assert docs.between(dt.date(2022, 6, 20), dt.date(2022, 6, 20)).ids == ("day",)
    assert docs.between(end="2022-06").ids == ("june", "day")


def test_between_by_event_or_publication(corpus: natojp.Corpus) -> None:
    # The Keio speech was given on 1 February 2023 and posted on 17 September 2023.
    assert "2023-02-01-keio-speech" in corpus.between("2023-02-01", "2023-02-01").ids
    assert (
        "2023-02-01-keio-speech"
        not in corpus.between("2023-02-01", "2023-02-01", by="published").ids
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.between("June"), "cannot read 'June' as a date"),
        (lambda c: c.between("2024", "2023"), "the range is empty"),
        (lambda c: c.between("2023", by="written"), "by= is 'event' or 'published'"),
        (lambda c: c.where(kind="memo"), "unknown kind 'memo'"),
    ],
)
def test_bad_queries_say_what_to_write(corpus: natojp.Corpus, call, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        call(corpus)


def test_repr_html_lists_documents_for_notebooks(corpus: natojp.Corpus) -> None:
    page = corpus._repr_html_()
    assert page.count("<tr>") == len(corpus) + 1
    assert "2023-01-31 (inferred)" in page and "Jens Stoltenberg" in page


def test_quotes_by_speaker_and_words(corpus: natojp.Corpus) -> None:
    everything = corpus.quotes()
    assert len(everything) == sum(len(d.quotes) for d in corpus)
    for found in everything:
        assert corpus[found.document_id].text[found.span.start : found.span.end] == found.text
    by_name = corpus.quotes(speaker="Mr Stoltenberg")
    assert by_name == corpus.quotes(speaker="jens-stoltenberg")
    assert by_name and {q.item.person_id for q in by_name} == {"jens-stoltenberg"}
    china = corpus.quotes(containing="Beijing")
    assert china and all("beijing" in q.text.lower() for q in china)
    assert corpus.quotes(speaker="Stoltenberg", containing="no such words here") == ()


def test_mentions_of_a_person(corpus: natojp.Corpus) -> None:
    found = corpus.mentions("Yoon Suk Yeol")
    assert {m.document_id for m in found} == {"tokyo-visit-news-article"}
    assert all(m.item.person_id == found[0].item.person_id for m in found)
    for mention in corpus.mentions("Kishida"):
        assert corpus[mention.document_id].text[mention.span.start : mention.span.end] == (
            mention.text
        )
    assert corpus.mentions("Nobody Atall") == ()


def test_timeline_counts_documents_by_period() -> None:
    docs = natojp.Corpus(
        [make("a", PartialDate(2022, 6, 1)), make("b", PartialDate(2022, 6, 20)),
         make("c", PartialDate(2022, 6)), make("d", PartialDate(2023, 1, 5)), make("e", None)]
    )  # fmt: skip
    assert docs.timeline("month") == ((PartialDate(2022, 6), 3), (PartialDate(2023, 1), 1))
    assert docs.timeline("year") == ((PartialDate(2022), 3), (PartialDate(2023), 1))
    assert docs.timeline("day") == (
        (PartialDate(2022, 6, 1), 1),
        (PartialDate(2022, 6), 1),  # known only to the month: counted, not dropped
        (PartialDate(2022, 6, 20), 1),
        (PartialDate(2023, 1, 5), 1),
    )
    with pytest.raises(QueryError, match="freq= is 'day', 'month' or 'year'"):
        docs.timeline("week")


def test_slices_and_sorting_share_the_index(corpus: natojp.Corpus) -> None:
    assert corpus[1:3]._fulltext is corpus._fulltext
    assert corpus.sorted().ids[0] == "2022-06-30-nikkei-op-ed"
    assert corpus[1:3] == natojp.Corpus(list(corpus)[1:3])


def test_corpus_pickles(corpus: natojp.Corpus) -> None:
    import pickle

    again = pickle.loads(pickle.dumps(corpus))
    assert again == corpus and again.search("Kishida")


def test_people_of_your_own_registry_are_found_by_name(corpus: natojp.Corpus) -> None:
    from natojp.people import Person, default_registry

    registry = default_registry().with_people([Person(id="itoh", name="Akio Itoh")])
    mine = corpus.annotate(registry)
    assert mine.where(mentions="itoh").ids == ("2023-02-01-keio-speech",)
    assert mine.where(mentions="Akio Itoh", registry=registry).ids == ("2023-02-01-keio-speech",)
    assert [m.text for m in mine.mentions("Mr Itoh", registry=registry)] == ["Professor Itoh"]
    assert mine.mentions("Mr Itoh") == ()  # the bundled registry does not know him
