"""Issue 16: the forms of older and formal English that State of the Union
messages and proclamations use: days written as ordinals ("the 1st day of
January, 1879", "the twenty-second of March", "the 22d March, 1794"), "last"
and "next" after a day ("the 26th of May last"), "the present year", "the
ensuing year", "the year just closed", "this decade", and ranges that open
with "since" or "starting". Sentences written for the rules."""

from __future__ import annotations

import datetime as dt

import pytest

from natojp.dates import find_dates, parse_date
from natojp.models import PartialDate


def _dates(text: str, anchor: dt.date) -> list[tuple[str, str | None]]:
    return [
        (m.span.of(text), str(m.value) if m.value else None)
        for m in find_dates(text, anchor=anchor)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paid on the 1st day of January, 1879, in full.", ("1st day of January, 1879", "1879-01-01")),
        ("As early as the 22d March, 1794, the act passed.", ("22d March, 1794", "1794-03-22")),
        ("Signed the twenty-second day of March, 1794.", ("twenty-second day of March, 1794", "1794-03-22")),
        ("Signed the thirty-first of May, 1810.", ("thirty-first of May, 1810", "1810-05-31")),
        ("The report of the 3d of March, 1825, showed it.", ("3d of March, 1825", "1825-03-03")),
        # "last" and "next" after a day: the last one before the anchor, the next one after
        ("The treaty of the 26th of May last was ratified.", ("26th of May last", "1825-05-26")),
        ("It takes effect on the first of January next.", ("first of January next", "1826-01-01")),
        ("The receipts to the 30th day of September last were large.", ("30th day of September last", "1825-09-30")),
    ],
)  # fmt: skip
def test_days_written_as_ordinals(text: str, expected: tuple[str, str]) -> None:
    assert expected in _dates(text, dt.date(1825, 12, 6))


def test_first_of_all_is_no_date() -> None:
    assert _dates("First of all, we thank May for her work.", dt.date(1825, 12, 6)) == []


def test_a_range_of_days_written_as_ordinals_in_one_year() -> None:
    text = "The receipts from the first of January to the 30th of September were large."
    [found] = find_dates(text, anchor=dt.date(1825, 12, 6))
    assert str(found.interval) == "1825-01-01..1825-09-30"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("The revenue of the present year exceeds it.", dt.date(1838, 12, 3), "1838"),
        ("Estimates for the ensuing year are enclosed.", dt.date(1838, 12, 3), "1839"),
        ("The coming year will test us.", dt.date(1941, 1, 6), "1942"),
        ("The year just closed was one of plenty.", dt.date(1889, 12, 3), "1889"),
        ("The year just closed was one of plenty.", dt.date(1890, 1, 20), "1889"),
        ("We will finish by the end of this decade.", dt.date(2021, 4, 28), "202X"),
    ],
)
def test_years_named_from_the_anchor(text: str, anchor: dt.date, expected: str) -> None:
    assert [value for _, value in _dates(text, anchor)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Over the past year, prices fell.",
        "In the coming year we will hire.",
        "Within the next year the plant will open.",
        "Over the last year we learned a lot.",
        "In the next month we will decide.",
    ],
)
def test_spans_of_time_are_no_dates(text: str) -> None:
    assert [m for m in find_dates(text, anchor=dt.date(2024, 5, 1)) if m.value] == []


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("Rates have not been this low since 1987.", "1987.."),
        ("Prices are at their lowest since March 2021.", "2021-03.."),
        ("Premiums will spike starting in 2026.", "2026.."),
        ("Beginning on May 2, the office is closed.", "2024-05-02.."),
        ("The plan runs until 2030.", "..2030"),
    ],
)
def test_since_and_starting_open_a_range(text: str, interval: str) -> None:
    [found] = find_dates(text, anchor=dt.date(2024, 5, 1))
    assert str(found.interval) == interval
    assert found.value is not None and str(found.value) == interval.strip(".")


def test_parse_date_reads_an_ordinal_day() -> None:
    assert parse_date("the 1st day of January, 1879") == PartialDate(1879, 1, 1)
    assert parse_date("the twenty-second of March, 1794") == PartialDate(1794, 3, 22)
