"""Reshaping: paragraphs and sentences that keep their document, speaker and span."""

from __future__ import annotations

import pytest

import natojp
from natojp.errors import QueryError

TRANSCRIPT = """Press point

PRIME MINISTER KISHIDA: Thank you. We met in Tokyo.

We agreed on many things.

SECRETARY GENERAL STOLTENBERG: Thanks, Mr. Prime Minister. On Jan. 31 we spoke with \
the U.S. and the U.N. about it. Dr. Smith said: "Go on. Please." That was good.
"""


@pytest.fixture(scope="module")
def press_point() -> natojp.Corpus:
    doc = natojp.parse(TRANSCRIPT, id="pp", format="transcript", metadata={"date": "2023-01-31"})
    return natojp.Corpus([doc])


def test_paragraphs_split_turns_and_keep_the_speaker(press_point: natojp.Corpus) -> None:
    units = press_point.paragraphs()
    assert [u.text for u in units] == [
        "Thank you. We met in Tokyo.",
        "We agreed on many things.",
        units[2].text,
    ]
    assert units[2].text.startswith("Thanks, Mr. Prime Minister.")
    assert [u.person_id for u in units] == ["fumio-kishida", "fumio-kishida", "jens-stoltenberg"]
    assert [u.number for u in units] == [0, 1, 2]
    assert {u.kind for u in units} == {"paragraph"}


def test_sentences_do_not_break_at_abbreviations_or_in_quotes(
    press_point: natojp.Corpus,
) -> None:
    units = press_point.sentences()
    assert [u.text for u in units] == [
        "Thank you.",
        "We met in Tokyo.",
        "We agreed on many things.",
        "Thanks, Mr. Prime Minister.",
        "On Jan. 31 we spoke with the U.S. and the U.N. about it.",
        'Dr. Smith said: "Go on. Please."',
        "That was good.",
    ]
    assert units[4].speaker == "SECRETARY GENERAL STOLTENBERG"
    assert [u.number for u in units] == list(range(7))


def test_units_point_into_the_document(corpus: natojp.Corpus) -> None:
    for units in (corpus.paragraphs(), corpus.sentences()):
        assert {u.document_id for u in units} == set(corpus.ids)
        for unit in units:
            assert corpus[unit.document_id].text[unit.span.start : unit.span.end] == unit.text
            assert unit.text == unit.text.strip() and unit.text


def test_sentences_stay_inside_paragraphs(corpus: natojp.Corpus) -> None:
    paragraphs = corpus.paragraphs()
    for sentence in corpus.sentences():
        assert any(
            p.document_id == sentence.document_id
            and p.span.start <= sentence.span.start
            and sentence.span.end <= p.span.end
            for p in paragraphs
        )


def test_single_author_speaks_every_paragraph_of_an_op_ed(corpus: natojp.Corpus) -> None:
    units = corpus.where(kind="op_ed").paragraphs()
    assert {u.person_id for u in units} == {"jens-stoltenberg"}
    assert {u.speaker for u in corpus.where(kind="news_release").paragraphs()} == {None}


@pytest.mark.parametrize("name", ["pysbd", "syntok"])
def test_other_splitters(press_point: natojp.Corpus, name: str) -> None:
    pytest.importorskip(name)
    units = press_point.sentences(splitter=name)
    text = press_point["pp"].text
    assert "On Jan. 31 we spoke with the U.S. and the U.N. about it." in [u.text for u in units]
    for unit in units:
        assert text[unit.span.start : unit.span.end] == unit.text


def test_unknown_splitter(press_point: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match="unknown sentence splitter 'nltk'; choose one of"):
        press_point.sentences(splitter="nltk")


def test_builtin_splitter_on_the_labelled_paragraphs() -> None:
    import json
    from pathlib import Path

    from natojp.corpus._units import splitter

    split = splitter("natojp")
    path = Path(__file__).parent / "data" / "sentences.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        assert [text[a:b] for a, b in split(text)] == row["sentences"]


def test_a_number_before_a_period_ends_the_sentence() -> None:
    from natojp.corpus._units import splitter

    text = "They spoke on Sept. 5. They did not take questions. Joseph R. Biden left."
    assert [text[a:b] for a, b in splitter("natojp")(text)] == [
        "They spoke on Sept. 5.",
        "They did not take questions.",
        "Joseph R. Biden left.",
    ]


def test_units_are_the_same_objects_their_constructor_would_make() -> None:
    # units are built without attrs' checks: each must equal, hash and compare
    # like one made through TextUnit(...), with offsets that pass its checks
    from natojp.models import Span, TextUnit

    corpus = natojp.load_corpus()
    for unit in (*corpus.sentences(), *corpus.paragraphs()):
        made = TextUnit(
            document_id=unit.document_id, kind=unit.kind, number=unit.number,
            span=Span(unit.span.start, unit.span.end), text=unit.text,
            speaker=unit.speaker, person_id=unit.person_id,
        )  # fmt: skip
        assert unit == made and hash(unit) == hash(made)
        assert unit.text == corpus[unit.document_id].text[unit.span.start : unit.span.end]
