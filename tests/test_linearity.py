"""Loading a text takes time linear in its size, on real text and on the
inputs that once made the enrichment passes (dates, people, quotations)
quadratic: dense quotation marks in HTML attributes and in prose, bare titles,
pronouns, digits and slashes, capitalised words and text with no sentence end.

Each family is parsed at ``SMALL`` and at eight times that size; a linear pass
takes about eight times as long, a quadratic one 64 times. The bound, 12,
leaves room for noise (the best of up to three runs is kept at each size). The
inputs that took seconds to minutes before are parsed here too, and must finish.

benchmarks/linearity.py prints the same families at 1 to 8 MB.
"""

from __future__ import annotations

import gc
import itertools
import random
import time
from collections.abc import Callable

import pytest

import natojp

SMALL = 64_000
GROWTH = 8
LIMIT = 12.0
DAY = {"date": "2023-01-31"}  # a dated text: titles and relative dates resolve on it


def repeated(unit: str, size: int) -> str:
    """``unit`` repeated and cut to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def random_words(words: list[str], size: int, seed: int, marks: float = 0.0) -> str:
    """``size`` characters of ``words`` in a seeded random order; with
    ``marks``, that share of words opens or closes with a straight ``"``."""
    rng = random.Random(seed)
    out, length = [], 0
    while length < size:
        word = rng.choice(words)
        if rng.random() < marks:
            word = '"' + word
        if rng.random() < marks:
            word += '"'
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:size]


def real(size: int) -> str:
    """The bundled documents' texts, one after another, repeated."""
    return repeated("\n\n".join(doc.text for doc in natojp.load_corpus()) + "\n\n", size)


def html(size: int) -> str:
    """An HTML table left in Markdown: a ``"`` in every attribute."""
    row = (
        '<tr class="odd">\n<td class="has-text-align-left" data-align="left">ANTWON ABBOTT</td>\n'
        '<td style="width: 10%">16383-028</td>\n</tr>\n'
    )
    return "Clemency Recipient List\n\n<table>\n" + repeated(row, size)


def quotes(size: int) -> str:
    """Prose with straight quotation marks at random, cue words among the words."""
    words = ["the", "said", "Minister", "we", "He", "will", "meet", "Kishida", "told", "them"]
    return random_words(words, size, seed=1, marks=0.15)


def titles(size: int) -> str:
    """Bare titles in one sentence that never ends, a past year in it."""
    return repeated("In 2016 the President met the Prime Minister and ", size)


def pronouns(size: int) -> str:
    """Pronouns, and a name for them to stand for, in one sentence."""
    return repeated("Stoltenberg said he told her that his view and hers met him ", size)


def digits(size: int) -> str:
    """Numbers, years and slashed and dotted dates, with no words between."""
    words = ["12/3/2019", "4/5", "2020", "1/2/3", "31.12.2023", "17", "2001-02-03", "/", "9/11"]
    return random_words(words, size, seed=2)


def capitals(size: int) -> str:
    """Capitalised words: names, titles, months and weekdays run together."""
    words = ["Alpha", "Beta", "Gamma", "Secretary", "General", "President", "Japan", "NATO",
             "Tuesday", "March", "Mr", "Smith", "De", "Van"]  # fmt: skip
    return random_words(words, size, seed=3)


def no_sentence_end(size: int) -> str:
    """One paragraph of prose with dates and titles and no full stop."""
    return repeated(
        "the ministers met on Tuesday and discussed the 2023 summit while the Secretary "
        "General said that ",
        size,
    )


def transcript(size: int) -> str:
    """Speaker turns, each label a span the mentions must stay out of."""
    turns = (
        "MODERATOR: Prime Minister Kishida, thank you. You said he would come.\n\n"
        "PRIME MINISTER KISHIDA: Thank you, Secretary General, you are right. She told him.\n\n"
    )
    return "Press point\n\n" + repeated(turns, size)


FAMILIES: dict[str, Callable[[int], str]] = {
    "real": real,
    "html": html,
    "quotes": quotes,
    "titles": titles,
    "pronouns": pronouns,
    "digits": digits,
    "capitals": capitals,
    "no sentence end": no_sentence_end,
    "transcript": transcript,
}


_RUNS = itertools.count()


def seconds(text: str) -> float:
    """How long ``natojp.parse`` takes on ``text`` (a dated text), with a
    number of its own at the end: no run finds the one before it in the
    loaders' cache of recent texts."""
    text = f"{text}\n\n{next(_RUNS)}"
    # The collector runs as parse allocates, but over this run's objects only:
    # what earlier runs and tests left alive would make its pace differ.
    gc.collect()
    gc.freeze()
    try:
        started = time.perf_counter()
        natojp.parse(text, metadata=DAY)
        return time.perf_counter() - started
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("family", list(FAMILIES))
def test_parse_time_grows_linearly(family: str) -> None:
    make = FAMILIES[family]
    small, large = make(SMALL), make(SMALL * GROWTH)
    seconds(small)  # warm caches (the registry, compiled patterns)
    base = took = float("inf")
    for _ in range(3):  # the two sizes side by side, so a busy moment slows both
        base = min(base, seconds(small))
        took = min(took, seconds(large))
        if took / base < LIMIT:
            break  # a second or third round only when noise may have slowed one
    ratio = took / base
    assert ratio < LIMIT, f"{family}: {SMALL * GROWTH:,} characters took {ratio:.1f}x {SMALL:,}"


# --- the inputs that were slow, as found --------------------------------------------


def finishes(text: str, within: float, **metadata: str) -> natojp.Document:
    """``text`` parsed, failing if it takes more than ``within`` seconds (each
    took at least three times that before parsing was made linear)."""
    started = time.perf_counter()
    doc = natojp.parse(text, metadata=metadata or None)
    took = time.perf_counter() - started
    assert took < within, f"{len(text):,} characters took {took:.1f} s"
    return doc


def test_bare_titles_do_not_rerun_date_finding_on_their_sentence() -> None:
    """29 s before: each title ran find_dates on the whole 16 KB sentence."""
    text = ("In 2016 the President met the Prime Minister and " * 2000)[:16384]
    doc = finishes(text, 8, date="2023-01-31")
    titled = [m for m in doc.mentions if m.title == "President"]
    assert len(titled) == text.count("President")
    # the sentence's year sets the day: every President is resolved the same way
    assert len({(m.person_id, m.candidates, m.method) for m in titled}) == 1


def test_random_quotation_marks() -> None:
    """44 s before: each quotation rescanned cue words from its sentence's start."""
    doc = finishes(quotes(128_000), 12, date="2023-01-31")
    assert doc.quotes


def test_pronouns_in_one_long_sentence() -> None:
    """14 s before: each pronoun rescanned the mentions before it."""
    doc = finishes(pronouns(256_000), 5, date="2023-01-31")
    male = {m.person_id for m in doc.mentions if m.span.of(doc.text) in ("he", "his", "him")}
    female = {m.person_id for m in doc.mentions if m.span.of(doc.text) in ("her", "hers")}
    assert male == {"jens-stoltenberg"} and female == {None}


def test_html_attributes_are_not_quotations() -> None:
    """Minutes before, for a 252 KB White House table: every attribute was a
    quotation attributed by a rescan of its sentence."""
    doc = finishes(html(256_000), 12, date="2024-12-12")
    assert doc.quotes == ()


def test_a_long_paragraph_with_no_sentence_end() -> None:
    """57 s before for 1.25 MB; the same text at a fifth of the size."""
    doc = finishes(no_sentence_end(250_000), 12, date="2023-01-31")
    assert doc.mentions and doc.dates
