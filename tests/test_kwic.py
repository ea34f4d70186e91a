"""Keyword in context: words, phrases, prefixes, regular expressions, and the
guard against regular expressions that backtrack without end."""

from __future__ import annotations

import time

import pytest

import natojp
from natojp._kwic import risk
from natojp.errors import QueryError


@pytest.fixture(scope="module")
def small() -> natojp.Corpus:
    body = (
        "In Tokyo, NATO and Japan agreed. Japan’s navy sailed; the JAPANESE press noted it.\n\n"
        "Later, in Madrid, Japan joined the summit as a partner."
    )
    return natojp.Corpus(
        [
            natojp.parse(f"Title\n\n{body}", id="one", metadata={"date": "2024-01-02"}),
            natojp.parse("Title\n\nNothing to see.", id="two", metadata={"date": "2024-01-03"}),
        ]
    )


def test_word_with_window_of_words_and_punctuation(small: natojp.Corpus) -> None:
    lines = small.kwic("japan", window=2)
    assert [line.match for line in lines] == ["Japan", "Japan", "Japan"]  # not JAPANESE
    assert (lines[0].left, lines[0].right) == ("NATO and", "agreed.")
    assert (lines[2].left, lines[2].right) == ("Madrid,", "joined the")
    text = small["one"].text
    for line in lines:
        assert text[line.span.start : line.span.end] == line.match
        assert line.document_id == "one"


def test_context_crosses_paragraphs_on_one_line(small: natojp.Corpus) -> None:
    line = small.kwic("later", window=3)[0]
    assert line.left == "noted it."


def test_phrases_prefixes_and_case(small: natojp.Corpus) -> None:
    assert [line.match for line in small.kwic("NATO and Japan")] == ["NATO and Japan"]
    assert [line.match for line in small.kwic("jap*")] == [
        "Japan",
        "Japan",
        "JAPANESE",
        "Japan",
    ]  # fmt: skip  (Japan’s is the words Japan and s, as the index has it)
    assert [line.match for line in small.kwic("Japan", case_sensitive=True)] == ["Japan"] * 3
    assert small.kwic("japan", window=0)[0].left == ""


def test_regular_expressions(small: natojp.Corpus) -> None:
    found = small.kwic(r"\b[A-Z]{4,}\b", regex=True, case_sensitive=True)
    assert [line.match for line in found] == ["NATO", "JAPANESE"]
    assert [line.match for line in small.kwic(r"japan\w*", regex=True)][:3] == [
        "Japan", "Japan", "JAPANESE",
    ]  # fmt: skip


def test_invalid_regex_says_where(small: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match=r"invalid regular expression '\(unclosed'.*position 0"):
        small.kwic("(unclosed", regex=True)
    with pytest.raises(QueryError, match="window"):
        small.kwic("japan", window=-1)


@pytest.mark.parametrize(
    "pattern", [r"(a+)+$", r"(\w+\s?)*;", r"(?:NATO|Japan)+", r"(.)\1", r".*.*.*x"]
)
def test_risky_shapes_are_recognised(pattern: str) -> None:
    assert risk(pattern) is not None


@pytest.mark.parametrize("pattern", [r"Japan(ese)?", r"\bNATO\b", r"[A-Z]{2,}", r"\w+ing"])
def test_ordinary_patterns_are_not_risky(pattern: str) -> None:
    assert risk(pattern) is None


def test_risky_but_quick_pattern_gives_the_same_lines(small: natojp.Corpus) -> None:
    guarded = small.kwic(r"(?:NATO|Japan)+", regex=True)
    plain = small.kwic(r"NATO|Japan", regex=True)
    assert guarded == plain and len(plain) == 5


def test_catastrophic_regex_cannot_hang_on_the_bundled_corpus(corpus: natojp.Corpus) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match="did not finish in 1 s; it has a repeat inside a repeat"):
        corpus.kwic(r"(\w+\s?)*;", regex=True, timeout=1)
    assert time.monotonic() - started < 30  # stopped, not run to its end (hours)


def test_words_match_their_accented_forms() -> None:
    doc = natojp.parse("Title\n\nMeeting at the Café Zélie in Brussels.", id="x",
                       metadata={"date": "2024-01-02"})  # fmt: skip
    corpus = natojp.Corpus([doc])
    assert [line.match for line in corpus.kwic("cafe zelie")] == ["Café Zélie"]
    assert [line.match for line in corpus.kwic("Café")] == ["Café"]
