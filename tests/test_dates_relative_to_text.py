"""Issue 16, dates relative to the text: counted from the date the text last
named, not from when it was written; none without such a date. Sentences
written for the rules."""

from __future__ import annotations

import datetime as dt

import pytest

from natojp import PartialDate
from natojp.dates import find_dates

ANCHOR = dt.date(2024, 6, 5)


def _said(text: str) -> dict[str, str | None]:
    return {
        m.span.of(text): (m.value.isoformat() if m.value else None)
        for m in find_dates(text, anchor=ANCHOR)
    }


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("In 1860 the deficit grew; the receipts of that year fell.", "that year", "1860"),
        ("The treaty was signed on 3 March 1871. The previous year had been hard.",
         "The previous year", "1870"),
        ("They arrived on June 6, 2024 and left the next day.", "the next day", "2024-06-07"),
        ("The vote was in March 2022; that month prices rose.", "that month", "2022-03"),
        ("The war ended in 1945. Three years later the alliance was formed.", "Three years later",
         "1948"),
        ("We met on 10 May 2023 and again the following week.", "the following week", "2023-W20"),
    ],
)  # fmt: skip
def test_a_date_relative_to_the_text_counts_from_the_last_date_named(
    text: str, expression: str, value: str
) -> None:
    assert _said(text)[expression] == value


def test_with_no_date_named_before_it_is_left_out() -> None:
    assert _said("We will see what happens the next day.") == {}


def test_the_writers_today_is_no_date_of_the_story() -> None:
    # "today" is the writer's time: "80 years later" counts from no date here
    assert "80 years later" not in _said("So, today, 80 years later, we are here again.")


def test_over_the_next_year_is_a_span_of_time_not_a_date() -> None:
    assert "the next year" not in _said("In 2023 we pledged aid over the next year.")


def test_the_base_is_kept_as_the_anchor() -> None:
    [_, later] = find_dates("The war ended in 1945. Three years later it began.", anchor=ANCHOR)
    assert later.relative and later.anchor == PartialDate(1945)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will meet on the 17th.", {"the 17th": "2024-06-17"}),  # the anchor's month
        ("It was published on May 21. By the 24th, it was gone.",
         {"May 21": "2024-05-21", "the 24th": "2024-05-24"}),  # the month named before
        ("In the 17th century, and at the 64th session, nothing.",
         {"the 17th century": "16XX"}),  # a century; the session is no date
        ("On the 31st, we left.", {}),  # June has 30 days
    ],
)  # fmt: skip
def test_the_17th_alone_is_a_day_of_the_last_named_month(
    text: str, expected: dict[str, str]
) -> None:
    assert _said(text) == expected
