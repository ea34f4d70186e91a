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
        # a year closing an "of" phrase before a function word
        ("Under the convention of 1818 each side kept its fisheries.", 1818),
        ("The grant of 1820 of $40,000 was spent.", 1820),
        # in apposition to "year", after "born"/"died", before a name or after a possessive
        ("We shall, in the coming year, 1952, build more ships.", 1952),
        ("The poet (d. 1967) wrote of the river.", 1967),
        ("The judge, born 1931, retired.", 1931),
        ("She won the 2019 Pulitzer Prize for it.", 2019),
        ("The senators’ 2011 budget deal failed.", 2011),
        ("The city’s 2016 marathon was cancelled.", 2016),
        # the eighteenth century's years
        ("In the session of the year 1791 the act passed.", 1791),
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
        "The 1800 Hessians crossed the river.",
        "The population of 1700 in the valley grew.",
        "We lost the 1850 of them that sailed.",
    ],
)
def test_counts_stay_counts(text: str) -> None:
    assert [m for m in find_dates(text, anchor=ANCHOR) if m.value is not None] == []


@pytest.mark.parametrize(
    "text",
    ["We are committed to the 2030 Agenda for Sustainable Development.", "Our 2050 targets hold."],
)
def test_a_programme_a_year_names_is_no_date(text: str) -> None:
    assert [m for m in find_dates(text, anchor=ANCHOR) if m.value is not None] == []
