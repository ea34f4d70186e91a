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
