"""Issue 16, numbers: a bare year is a year where its phrase says so ("the tariff
act of 1930.", "goals for 2030", "my 1974 budget"), and a count stays a count."""

from __future__ import annotations

import datetime as dt

import pytest

from natojp.dates import find_dates
from natojp.models import PartialDate

ANCHOR = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("These duties came by virtue of the tariff act of 1930.", 1930),
        ("Let us remember the lessons of 1918. Then act.", 1918),
        ("From the census of 1790, until that of 1860, we grew.", 1860),
        ("The plan sets goals for 2030 and 2035.", 2030),
        ("My 1974 budget includes a reform.", 1974),
    ],
)
def test_years_their_phrase_makes_years(text: str, year: int) -> None:
    values = [m.value for m in find_dates(text, anchor=ANCHOR)]
    assert PartialDate(year) in values


@pytest.mark.parametrize(
    "text",
    [
        "A crowd of 2000 people gathered.",
        "They sent a force of 1900 troops.",
        "We paid for 1950 tons of grain.",
        "A total of 2015 votes were cast for the measure.",
    ],
)
def test_counts_stay_counts(text: str) -> None:
    assert [m for m in find_dates(text, anchor=ANCHOR) if m.value is not None] == []
