"""Issue 16, tense: a weekday in a sentence about the future is the next one
after the anchor; in the past tense, the last. Sentences written for the rules."""

from __future__ import annotations

import datetime as dt

import pytest

from natojp.dates import find_dates

THURSDAY = dt.date(2023, 8, 17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I’ll be there on Monday.", "2023-08-21"),  # a curly apostrophe, as printed
        ("I'll be there on Monday.", "2023-08-21"),
        ("The President is talking to President Macron on Saturday.", "2023-08-19"),
        ("They are not sending a delegation on Tuesday.", "2023-08-22"),
        ("We’re meeting the allies on Friday.", "2023-08-18"),
        ("He met the allies on Monday.", "2023-08-14"),
    ],
)
def test_the_verb_decides_which_weekday(text: str, expected: str) -> None:
    [mention] = find_dates(text, anchor=THURSDAY)
    assert str(mention.value) == expected
