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
