"""Keyword in context: words, phrases, prefixes, regular expressions, and the
time limit on regular expressions that backtrack without end."""

from __future__ import annotations

import multiprocessing
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import natojp
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


def test_patterns_that_could_backtrack_give_the_same_lines(small: natojp.Corpus) -> None:
    repeated = small.kwic(r"(?:NATO|Japan)+", regex=True)
    plain = small.kwic(r"NATO|Japan", regex=True)
    assert repeated == plain and len(plain) == 5


@pytest.mark.parametrize(
    ("pattern", "case_sensitive"),
    [
        (r"(?<=[Ii]n )(?P<city>[A-Z]\w+)", True),  # lookbehind, named group
        (r"\bjap\w*\b(?=\W)", False),  # lookahead, case folded
        (r"(?i)\b(\w)\w*\1\b", True),  # inline flag, backreference
        (r"[^\W\d_]{4,}", True),  # Unicode classes
        (r"x*", False),  # empty matches are not lines
    ],
)
def test_matches_are_those_of_re(corpus: natojp.Corpus, pattern: str, case_sensitive: bool) -> None:
    assert _spans(corpus, pattern, case_sensitive) == _re_spans(corpus, pattern, case_sensitive)


def test_a_repeat_inside_a_repeat_that_matches_finds_what_re_finds(small: natojp.Corpus) -> None:
    # On the bundled corpus ``re`` would take hours to find that it does not match.
    pattern = r"(\w+\s?)*;"
    assert _spans(small, pattern, False) == _re_spans(small, pattern, False)
    assert [line.match for line in small.kwic(pattern, regex=True)] == ["s navy sailed;"]


def _spans(corpus: natojp.Corpus, pattern: str, case_sensitive: bool) -> list[object]:
    found = corpus.kwic(pattern, regex=True, case_sensitive=case_sensitive)
    return [(line.document_id, (line.span.start, line.span.end)) for line in found]


def _re_spans(corpus: natojp.Corpus, pattern: str, case_sensitive: bool) -> list[object]:
    flags = 0 if case_sensitive else re.IGNORECASE
    return [
        (doc.id, m.span())
        for doc in corpus
        for m in re.finditer(pattern, doc.text, flags)
        if m.end() > m.start()
    ]


def test_syntax_only_regex_reads_is_refused_as_before(small: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match=r"invalid regular expression '\\\\p\{L\}\+'"):
        small.kwic(r"\p{L}+", regex=True)


SLOW = r"(\w{1,50}\s?){1,50};"


def _long_sentence_corpus() -> natojp.Corpus:
    sentence = "NATO and Japan agreed to deepen their cooperation in cyber defence "
    text = "Title\n\n" + sentence * 200 + "- indeed; they did."
    return natojp.Corpus([natojp.parse(text, id="long", metadata={"date": "2024-01-02"})])


def test_a_pattern_that_backtracks_without_end_is_stopped() -> None:
    # With ``re`` this search would run for hours; it stops at the time limit.
    with pytest.raises(QueryError, match=r"too slow on this text: it did not finish in 0.5 s"):
        _long_sentence_corpus().kwic(SLOW, regex=True, timeout=0.5)


def _slow_search_in_worker(timeout: float) -> str:
    try:
        _long_sentence_corpus().kwic(SLOW, regex=True, timeout=timeout)
    except QueryError as exc:
        return f"QueryError: {exc}"
    return "finished"


def test_the_time_limit_works_in_a_daemonic_pool_worker() -> None:
    # Pool workers are daemonic and may not start processes of their own.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        outcome = pool.apply_async(_slow_search_in_worker, (0.5,)).get(timeout=120)
    assert outcome.startswith("QueryError: the regular expression")
    assert "too slow" in outcome


def test_words_match_their_accented_forms() -> None:
    doc = natojp.parse("Title\n\nMeeting at the Café Zélie in Brussels.", id="x",
                       metadata={"date": "2024-01-02"})  # fmt: skip
    corpus = natojp.Corpus([doc])
    assert [line.match for line in corpus.kwic("cafe zelie")] == ["Café Zélie"]
    assert [line.match for line in corpus.kwic("Café")] == ["Café"]


def _context_reference(text, span, window):
    """KWIC context the plain way: tokens within the whole reach either side."""
    import itertools

    from natojp._text.spans import one_line
    from natojp.corpus._kwic import _TOKEN

    if window <= 0:
        return "", ""
    reach = 40 * window + 40
    before = text[max(0, span.start - reach) : span.start]
    left = list(_TOKEN.finditer(before))[-window:]
    after = text[span.end : span.end + reach]
    right = list(itertools.islice(_TOKEN.finditer(after), window))
    return (
        one_line(before[left[0].start() :] if left else ""),
        one_line(after[: right[-1].end()] if right else ""),
    )


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="ab’'. \n-xyzJapn", max_size=300),
    st.integers(0, 299),
    st.integers(0, 3),
    st.integers(0, 12),
)
def test_the_context_is_that_of_the_whole_reach(text, at, length, window):
    from natojp.corpus._kwic import context
    from natojp.models import Span

    start = min(at, len(text))
    span = Span(start, min(len(text), start + length))
    assert context(text, span, window) == _context_reference(text, span, window)
