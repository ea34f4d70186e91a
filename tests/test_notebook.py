"""Notebooks: the HTML models and result collections show, and the result
collections' tables (``Results``, ``Timeline``)."""

from __future__ import annotations

import html
import pickle
import re
import sys
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import natojp
from natojp.errors import MissingExtraError
from natojp.models import (
    Document,
    DocumentKind,
    Hit,
    KwicLine,
    Occurrence,
    PartialDate,
    Quote,
    Results,
    Span,
    Timeline,
)

SCRIPT = "<script>alert('x')</script>"

# The six queries that return Results, each with a query that finds something.
QUERIES: dict[str, Callable[[natojp.Corpus], Results[Any]]] = {
    "search": lambda c: c.search("Kishida"),
    "kwic": lambda c: c.kwic("Ukraine", window=4),
    "paragraphs": lambda c: c.paragraphs(),
    "sentences": lambda c: c.sentences(),
    "quotes": lambda c: c.quotes(),
    "mentions": lambda c: c.mentions("Kishida"),
}


def rows_of(html_text: str) -> int:
    """How many body rows a result table has."""
    body = html_text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return body.count("<tr>")


# --- the models ---------------------------------------------------------------------


def test_document_html_escapes_everything_from_the_document() -> None:
    doc = Document(
        id="evil",
        title=SCRIPT,
        kind=DocumentKind.OTHER,
        text=f"Body {SCRIPT} & <b>more</b>",
        authors=["<img src=x onerror=alert(1)>"],
    )
    shown = doc._repr_html_()
    assert "<script>" not in shown and "<img" not in shown and "<b>more" not in shown
    assert html.escape(SCRIPT) in shown  # the title, visible as text
    assert html.escape(f"Body {SCRIPT} & <b>more</b>") in shown
    assert html.escape("<img src=x onerror=alert(1)>") in shown


def test_document_html_shows_the_key_facts(corpus: natojp.Corpus) -> None:
    speech = corpus["2023-02-01-keio-speech"]
    assert speech.date is not None and speech.event_date is not None
    shown = speech._repr_html_()
    assert speech.id in shown and html.escape(speech.title) in shown
    assert speech.kind.value in shown
    assert speech.date.isoformat() in shown and speech.event_date.isoformat() in shown
    for count, noun in (
        (len(speech.segments), "segment"),
        (len(speech.mentions), "mention"),
        (len(speech.quotes), "quote"),
    ):
        assert f"{count} {noun}{'' if count == 1 else 's'}" in shown
    assert html.escape(speech.text[:299]) in shown  # the opening of the text
    assert len(speech.text) > 400 and html.escape(speech.text[:400]) not in shown
    assert "…" in shown
    if speech.source.outlet:
        assert html.escape(speech.source.outlet) in shown

    op_ed = corpus["2022-06-30-nikkei-op-ed"]
    shown = op_ed._repr_html_()
    assert all(html.escape(a) in shown for a in op_ed.authors) and op_ed.authors
    assert "(stated)" not in shown  # a stated date is just the date


def test_document_html_says_when_the_date_is_inferred_or_missing(corpus: natojp.Corpus) -> None:
    inferred = corpus["tokyo-visit-news-article"]
    assert inferred.date is not None
    assert f"{inferred.date.isoformat()} (inferred)" in inferred._repr_html_()
    undated = Document(id="x", title="T", kind=DocumentKind.OTHER, text="Short.")
    shown = undated._repr_html_()
    assert "undated" in shown and "Short." in shown and "…" not in shown


def test_kwic_line_html_has_left_bold_keyword_and_right(corpus: natojp.Corpus) -> None:
    line = corpus.kwic("Ukraine", window=4)[0]
    shown = line._repr_html_()
    assert f"<b>{html.escape(line.match)}</b>" in shown
    assert html.escape(line.left) in shown and html.escape(line.right) in shown
    keyword = shown.index(f"<b>{html.escape(line.match)}</b>")
    assert shown.index(html.escape(line.left)) < keyword < shown.index(html.escape(line.right))
    evil = KwicLine(document_id="x", left="<i>", match="<b>", right="&", span=Span(0, 3))
    shown = evil._repr_html_()
    assert "<b>&lt;b&gt;</b>" in shown and "<i>" not in shown and "&amp;" in shown


def test_hit_html_shows_document_and_snippet(corpus: natojp.Corpus) -> None:
    hit = corpus.search("Kishida")[0]
    shown = hit._repr_html_()
    assert hit.document_id in shown and html.escape(hit.snippet) in shown
    evil = Hit(document_id="x", score=1.0, span=None, snippet=SCRIPT)
    assert "<script>" not in evil._repr_html_()


def test_search_results_mark_every_term_in_each_snippet(corpus: natojp.Corpus) -> None:
    hits = corpus.search("Kishida OR Stoltenberg")
    shown = hits._repr_html_()
    marked = re.findall(r"<mark>(.*?)</mark>", shown)
    expected = sum(
        len(re.findall(r"\b(?:Kishida|Stoltenberg)\b", h.snippet, re.IGNORECASE)) for h in hits
    )
    assert expected > len(hits)  # the snippets do hold the terms, several times
    assert len(marked) == expected
    assert {m.casefold() for m in marked} == {"kishida", "stoltenberg"}
    # the text around the marks is the snippet, unchanged
    for hit in hits:
        assert html.escape(hit.snippet) in re.sub(r"</?mark>", "", shown)


def test_quote_html_shows_the_speaker(corpus: natojp.Corpus) -> None:
    found = next(q for q in corpus.quotes() if q.item.speaker)
    quote = found.item
    assert quote.speaker is not None
    shown = quote._repr_html_()
    assert html.escape(quote.speaker) in shown and f"{quote.span.start}–{quote.span.end}" in shown
    # an occurrence of the quote has its words as well
    shown = found._repr_html_()
    assert html.escape(quote.speaker) in shown and html.escape(found.text) in shown
    assert found.document_id in shown
    evil = Quote(span=Span(0, 1), speaker=SCRIPT, cue="<said>")
    assert "<script>" not in evil._repr_html_() and "<said>" not in evil._repr_html_()


def test_occurrence_html_shows_document_and_item(corpus: natojp.Corpus) -> None:
    found = corpus.mentions("Kishida")[0]
    shown = found._repr_html_()
    assert found.document_id in shown and html.escape(found.text) in shown
    assert found.item.person_id is not None and found.item.person_id in shown
    bare = Occurrence(document_id="x", item=Span(2, 5), text=SCRIPT)
    shown = bare._repr_html_()
    assert "<script>" not in shown and "2–5" in shown


def test_text_unit_html(corpus: natojp.Corpus) -> None:
    unit = corpus.sentences()[0]
    shown = unit._repr_html_()
    assert unit.document_id in shown and html.escape(unit.text) in shown


# --- result collections -------------------------------------------------------------


@pytest.mark.parametrize("query", QUERIES)
def test_results_are_tuples(corpus: natojp.Corpus, query: str) -> None:
    found = QUERIES[query](corpus)
    plain = tuple(found)
    assert isinstance(found, tuple) and isinstance(found, Results)
    assert found == plain and plain == found and hash(found) == hash(plain)
    assert len(found) == len(plain) > 0
    assert found[0] == plain[0] and found[-1] == plain[-1]
    assert found[1:3] == plain[1:3] and isinstance(found[1:3], Results)
    first, *rest = found
    assert first == plain[0] and tuple(rest) == plain[1:]
    assert repr(found) == repr(plain)  # it prints as the tuple it is


def test_empty_results_equal_the_empty_tuple(corpus: natojp.Corpus) -> None:
    assert corpus.quotes(containing="no such words here") == ()
    assert corpus.search("zzyzx") == () and corpus.kwic("zzyzx") == ()


@pytest.mark.parametrize("query", QUERIES)
def test_results_pickle(corpus: natojp.Corpus, query: str) -> None:
    found = QUERIES[query](corpus)
    again = pickle.loads(pickle.dumps(found))
    assert again == found and type(again) is Results
    assert again._repr_html_() == found._repr_html_()  # search marks survive too


def test_results_are_immutable(corpus: natojp.Corpus) -> None:
    found = corpus.kwic("Ukraine")
    with pytest.raises(AttributeError):
        found.extra = 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("query", QUERIES)
def test_results_html_shows_twenty_rows_then_how_many_more(
    corpus: natojp.Corpus, query: str
) -> None:
    found = QUERIES[query](corpus)
    shown = found._repr_html_()
    assert rows_of(shown) == min(len(found), 20)
    if len(found) > 20:
        assert f"… {len(found) - 20} more" in shown
    else:
        assert "more</p>" not in shown
    for item in found[:20]:
        assert item.document_id in shown


def test_results_html_escapes_its_items() -> None:
    lines = Results(
        [KwicLine(document_id="x", left=SCRIPT, match="<b>", right="", span=Span(0, 3))]
    )
    shown = lines._repr_html_()
    assert "<script>" not in shown and html.escape(SCRIPT) in shown
    assert "<b>&lt;b&gt;</b>" in shown


def test_long_results_say_how_many_more(corpus: natojp.Corpus) -> None:
    sentences = corpus.sentences()
    assert len(sentences) > 20
    shown = sentences._repr_html_()
    assert f"{len(sentences)} sentences" in shown and f"… {len(sentences) - 20} more" in shown


# --- to_pandas ----------------------------------------------------------------------


def frame_of(found: Results[Any]) -> Any:
    pytest.importorskip("pandas")
    frame = found.to_pandas()
    assert len(frame) == len(found)
    return frame


def test_kwic_to_pandas(corpus: natojp.Corpus) -> None:
    lines = corpus.kwic("Ukraine", window=4)
    frame = frame_of(lines)
    assert list(frame.columns) == ["document_id", "left", "match", "right", "start", "end"]
    assert str(frame["start"].dtype) == "int64" and str(frame["end"].dtype) == "int64"
    for line, row in zip(lines, frame.itertuples(), strict=True):
        assert (row.document_id, row.left, row.match, row.right) == (
            line.document_id, line.left, line.match, line.right,
        )  # fmt: skip
        assert (row.start, row.end) == (line.span.start, line.span.end)
        assert corpus[row.document_id].text[row.start : row.end] == row.match


def test_search_to_pandas(corpus: natojp.Corpus) -> None:
    hits = corpus.search("Kishida")
    frame = frame_of(hits)
    assert list(frame.columns) == ["document_id", "score", "start", "end", "spans", "snippet"]
    assert str(frame["start"].dtype) == "Int64"  # a hit's span may be missing
    for hit, row in zip(hits, frame.itertuples(), strict=True):
        assert hit.span is not None
        assert row.document_id == hit.document_id and row.score == hit.score
        assert (row.start, row.end) == (hit.span.start, hit.span.end)
        assert list(row.spans) == [(s.start, s.end) for s in hit.spans]
        assert row.snippet == hit.snippet
        text = corpus[row.document_id].text
        assert text[row.start : row.end].casefold() == "kishida"


@pytest.mark.parametrize("query", ["paragraphs", "sentences"])
def test_text_units_to_pandas(corpus: natojp.Corpus, query: str) -> None:
    units = QUERIES[query](corpus)
    frame = frame_of(units)
    assert list(frame.columns) == [
        "document_id", "kind", "number", "start", "end", "text", "speaker", "person_id",
    ]  # fmt: skip
    assert set(frame["kind"]) == {query[:-1]}
    for unit, row in zip(units, frame.itertuples(), strict=True):
        assert (row.document_id, row.number, row.text) == (unit.document_id, unit.number, unit.text)
        assert corpus[row.document_id].text[row.start : row.end] == unit.text
        assert (row.speaker if isinstance(row.speaker, str) else None) == unit.speaker


def test_quotes_to_pandas(corpus: natojp.Corpus) -> None:
    quotes = corpus.quotes()
    frame = frame_of(quotes)
    assert list(frame.columns) == [
        "document_id", "start", "end", "speaker", "person_id",
        "speaker_span_start", "speaker_span_end", "cue", "route", "text",
    ]  # fmt: skip
    assert str(frame["speaker_span_start"].dtype) == "Int64"
    for found, (_, row) in zip(quotes, frame.iterrows(), strict=True):
        quote = found.item
        text = corpus[row["document_id"]].text
        assert text[row["start"] : row["end"]] == found.text == row["text"]
        assert row["route"] == quote.route
        if quote.speaker_span is None:
            assert frame_is_na(row["speaker_span_start"])
        else:
            span = text[row["speaker_span_start"] : row["speaker_span_end"]]
            assert span == quote.speaker_span.of(text)
        assert (None if frame_is_na(row["speaker"]) else row["speaker"]) == quote.speaker
        assert (None if frame_is_na(row["cue"]) else row["cue"]) == quote.cue
    assert frame["speaker"].notna().sum() == sum(1 for q in quotes if q.item.speaker)


def frame_is_na(value: Any) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_mentions_to_pandas(corpus: natojp.Corpus) -> None:
    mentions = corpus.mentions("Kishida")
    frame = frame_of(mentions)
    assert list(frame.columns) == [
        "document_id", "start", "end", "person_id", "candidates", "method", "confidence",
        "title", "name", "text",
    ]  # fmt: skip
    assert set(frame["person_id"]) == {"fumio-kishida"}
    for found, row in zip(mentions, frame.itertuples(), strict=True):
        assert corpus[row.document_id].text[row.start : row.end] == found.text == row.text
        assert list(row.candidates) == list(found.item.candidates)
        assert (row.method, row.confidence) == (found.item.method, found.item.confidence)


def test_empty_results_still_have_their_columns(corpus: natojp.Corpus) -> None:
    pytest.importorskip("pandas")
    pairs = [
        (corpus.quotes(), corpus.quotes(containing="no such words here")),
        (corpus.mentions("Kishida"), corpus.mentions("Nobody Atall")),
        (corpus.search("Kishida"), corpus.search("zzyzx")),
        (corpus.kwic("Ukraine"), corpus.kwic("zzyzx")),
    ]
    for some, none in pairs:
        assert len(none) == 0
        empty = none.to_pandas()
        assert len(empty) == 0 and list(empty.columns) == list(some.to_pandas().columns)


def test_results_of_shared_passage_spans_to_pandas(corpus: natojp.Corpus) -> None:
    places = Results(corpus.shared_passages(min_words=8)[0].occurrences)
    frame = frame_of(places)
    assert list(frame.columns) == ["document_id", "start", "end", "text"]
    for row in frame.itertuples():
        assert corpus[row.document_id].text[row.start : row.end] == row.text


def test_to_pandas_names_the_missing_extra(
    corpus: natojp.Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = corpus.kwic("Ukraine")
    timeline = corpus.timeline()
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'natojp\[pandas\]'"):
        lines.to_pandas()
    with pytest.raises(MissingExtraError, match=r"pip install 'natojp\[pandas\]'"):
        timeline.to_pandas()
    assert "<table>" in lines._repr_html_()  # notebooks need no pandas for the HTML


# --- the timeline -------------------------------------------------------------------


def test_timeline_is_a_tuple_of_pairs(corpus: natojp.Corpus) -> None:
    timeline = corpus.timeline("month")
    assert isinstance(timeline, Timeline) and isinstance(timeline, tuple)
    plain = tuple(timeline)
    assert timeline == plain and plain == timeline
    assert all(isinstance(p, PartialDate) and isinstance(n, int) for p, n in timeline)
    dated = [d.event_date or d.date for d in corpus]
    assert sum(n for _, n in timeline) == sum(1 for d in dated if d is not None)
    assert isinstance(timeline[:1], Timeline) and timeline[:1] == plain[:1]
    again = pickle.loads(pickle.dumps(timeline))
    assert type(again) is Timeline and again == timeline


def test_timeline_to_pandas(corpus: natojp.Corpus) -> None:
    pytest.importorskip("pandas")
    timeline = corpus.timeline("month")
    frame = timeline.to_pandas()
    assert list(frame.columns) == ["period", "count", "start", "end"]
    assert len(frame) == len(timeline)
    for (period, count), row in zip(timeline, frame.itertuples(), strict=True):
        assert row.period == period.isoformat() and row.count == count
        assert row.start.date() == period.start and row.end.date() == period.end
    # counted from the documents, not copied from the timeline
    months = [(d.event_date or d.date) for d in corpus]
    for row in frame.itertuples():
        assert row.count == sum(1 for m in months if m and m.isoformat()[:7] == row.period)
    empty = natojp.Corpus().timeline().to_pandas()
    assert len(empty) == 0 and list(empty.columns) == ["period", "count", "start", "end"]


def test_timeline_html(corpus: natojp.Corpus) -> None:
    timeline = corpus.timeline("month")
    shown = timeline._repr_html_()
    assert rows_of(shown) == len(timeline)
    for period, count in timeline:
        assert f'<td style="text-align:left">{period.isoformat()}</td>' in shown
        assert f">{count}</td>" in shown
    assert f"{sum(n for _, n in timeline)} documents" in shown


@attrs.frozen
class Note:
    """A model of a user's own, with spans (its annotations are strings here)."""

    document_id: str
    span: Span
    where: Span | None = None
    tags: tuple[str, ...] = ()


def test_results_of_a_users_own_model_flatten_its_spans() -> None:
    notes = Results([Note("a", Span(1, 4), Span(0, 1), ("x",)), Note("b", Span(2, 3))])
    frame = frame_of(notes)
    assert list(frame.columns) == [
        "document_id",
        "start",
        "end",
        "where_start",
        "where_end",
        "tags",
    ]
    assert str(frame["start"].dtype) == "int64" and str(frame["where_start"].dtype) == "Int64"
    assert frame["start"].tolist() == [1, 2] and frame["end"].tolist() == [4, 3]
    assert frame["where_start"].iloc[0] == 0 and frame_is_na(frame["where_start"].iloc[1])
    assert frame["tags"].tolist() == [["x"], []]
    shown = notes._repr_html_()
    assert "2 items" in shown and rows_of(shown) == 2
