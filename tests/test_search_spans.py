"""The quick literal scan that finds search and KWIC spans finds exactly what the
case- and accent-blind pattern finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import natojp
from natojp.corpus import _fulltext

QUERIES = ["peace", "nuclear*", "united nations", "Indo-Pacific", "NATO", "e", "café", "strasse"]
TEXTS = [
    "Peace, PEACE and peaceful peace_keeping; _peace peace1 apeace.",
    "The United\u00a0Nations — united-nations — UNITED  NATIONS — unitednations.",
    "A caf\u00e9, a CAFÉ, a cafe; nuclear, Nuclear-armed, NUCLEAR weapons.",
    "Kelvin \u212aelvin, long \u017fs, \u0130stanbul, d\u0131plomacy: peace.",
    "Straße and STRASSE and strasse.",
    "İİİ peace",  # lower() makes İ two characters: offsets would move
]


def _plain_pattern(term, accents):
    """The term's pattern written the plain way: no letter before it, its words
    (each letter or its accented forms) apart by non-letters, no letter after
    (or any, for a prefix). natojp writes it to start with the first letter."""
    spell = _fulltext._letters if accents else re.escape
    body = r"[\W_]+".join(spell(w) for w in term.words)
    tail = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
    return r"(?<![^\W_])" + body + tail


def _reference(terms, text):
    accents = not text.isascii() and _fulltext._accented().search(text) is not None
    pattern = re.compile("|".join(_plain_pattern(t, accents) for t in terms), re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aeAEpcé _-.\u212a\u017f\u0130\u0131ßKÉ\n", max_size=40),
    st.sampled_from(["pea", "a*", "ae pe", "k", "s", "e", "café", "é*"]),
)
def test_the_pattern_starting_with_its_first_letter_finds_what_the_plain_one_finds(text, query):
    for term in _fulltext.wanted_terms(_fulltext.parse(query)):
        for accents in (True, False):
            ours = re.compile(term.pattern(accents=accents), re.IGNORECASE)
            plain = re.compile(_plain_pattern(term, accents), re.IGNORECASE)
            assert [m.span() for m in ours.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]


@pytest.mark.parametrize("query", QUERIES)
def test_the_quick_scan_matches_the_reference_pattern(query):
    terms = _fulltext.wanted_terms(_fulltext.parse(query))
    find = _fulltext.finder(terms)
    texts = [*TEXTS, *(doc.text for doc in natojp.load_corpus())]
    for text in texts:
        assert [m.span() for m in find(text)] == _reference(terms, text), text[:60]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aeAEpcé _-.\u212a\u017f\u0130\u0131ßK\n", max_size=40),
    st.sampled_from(["pea", "a*", "ae pe", "k", "s", "e"]),
)
def test_any_text_gives_the_spans_of_the_reference_pattern(text, query):
    terms = _fulltext.wanted_terms(_fulltext.parse(query))
    assert [m.span() for m in _fulltext.finder(terms)(text)] == _reference(terms, text)


def test_spans_point_at_the_words_in_the_original_text():
    corpus = natojp.load_corpus()
    for hit in corpus.search("nato", limit=None):
        text = corpus[hit.document_id].text
        assert all(text[s.start : s.end].casefold() == "nato" for s in hit.spans)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), max_size=24),
    st.integers(0, 23),
)
def test_a_word_of_any_text_is_found_where_the_reference_finds_it(text, at):
    # The query is a word of the text itself (as written, in another case), so
    # that a miss of the quick path would show.
    words = _fulltext._WORD_PART.findall(text)
    if not words:
        return
    word = words[at % len(words)]
    for query in (word, word.upper(), word.lower()):
        try:
            terms = _fulltext.wanted_terms(_fulltext.parse(f'"{query}"'))
        except natojp.QueryError:
            continue
        found = [m.span() for m in _fulltext.finder(terms)(text)]
        assert found == _reference(terms, text), (text, query)


@pytest.mark.parametrize(
    ("text", "query", "span"),
    [("ΛΟΓΟΣ ΚΑΙ", "λογος", (0, 5)), ("ο λογος", "ΛΟΓΟΣ", (2, 7)), ("dose 5 µg", "µg", (7, 9))],
)
def test_greek_sigma_and_the_micro_sign(text, query, span):
    terms = _fulltext.wanted_terms(_fulltext.parse(query))
    assert [m.span() for m in _fulltext.finder(terms)(text)] == [span]
