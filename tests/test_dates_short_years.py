"""Issue 16, numbers: a two-digit year after an apostrophe is a year when a month
or a year cue says so, in the century that puts it nearest the anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from natojp.dates import find_dates
from natojp.models import PartialDate

ANCHOR = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("text", "said", "value"),
    [
        ("We will win in ‘28.", "‘28", PartialDate(2028)),
        ("Since ’21 we have grown.", "’21", PartialDate(2021)),
        ("The Fiscal Year ‘23 budget passed.", "‘23", PartialDate(2023)),
        ("May ’21 was hard.", "May ’21", PartialDate(2021, 5)),
        ("It was July of ‘23.", "July of ‘23", PartialDate(2023, 7)),
        ("The class of '89 met again.", "'89", PartialDate(1989)),
        ("in ‘34, they say", "‘34", PartialDate(2034)),  # ten years ahead: still this century
        ("in ‘35, they said", "‘35", PartialDate(1935)),  # further: the last century
    ],
)
def test_apostrophe_years(text: str, said: str, value: PartialDate) -> None:
    found = [(m.span.of(text), m.value) for m in find_dates(text, anchor=ANCHOR)]
    assert found == [(said, value)]


@pytest.mark.parametrize(
    "text",
    ["He said ‘24 hours’ later.", "‘21 hearts beat.", "rock ’n’ roll", "a 3’10 gap", "x'99y"],
)
def test_apostrophes_that_are_not_years(text: str) -> None:
    assert [m for m in find_dates(text, anchor=ANCHOR) if m.value is not None] == []


def test_without_an_anchor_a_short_year_is_found_but_not_guessed() -> None:
    [mention] = find_dates("We will win in ‘28.")
    assert mention.value is None and mention.relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Article 5 was invoked once, after 9/11.", ("9/11", "2001-09-11")),
        ("Are we still in a post-9/11 mindset?", ("9/11", "2001-09-11")),
        ("India and the US remember 26/11.", ("26/11", "2008-11-26")),
    ],
)
def test_a_day_named_in_figures_is_that_day(text: str, expected: tuple[str, str]) -> None:
    [mention] = find_dates(text, anchor=dt.date(2023, 1, 31))
    assert (mention.span.of(text), str(mention.value)) == expected


@pytest.mark.parametrize(
    "text", ["Due 9/11/2024 at noon.", "We offer 24/7 support.", "Score 19/11."]
)
def test_other_figures_are_not_named_days(text: str) -> None:
    assert all(str(m.value) != "2001-09-11" for m in find_dates(text, anchor=dt.date(2023, 1, 31)))
