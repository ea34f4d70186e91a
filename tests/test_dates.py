from __future__ import annotations

import datetime as dt

import pytest

from natojp.dates import iter_absolute, parse_date
from natojp.errors import DateError, NatojpError
from natojp.models import PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01 FEB 2023", PartialDate(2023, 2, 1)),
        ("17.09.2023", PartialDate(2023, 9, 17)),
        ("June 30, 2022", PartialDate(2022, 6, 30)),
        ("31 Jan. 2023", PartialDate(2023, 1, 31)),
        ("31 Jan. 2023 -", PartialDate(2023, 1, 31)),
        ("Tuesday (31 January 2023)", PartialDate(2023, 1, 31)),
        ("Wednesday (12 July 2023)", PartialDate(2023, 7, 12)),
        ("25-May-2017 09:01", PartialDate(2017, 5, 25)),
        ("24 May. 2017", PartialDate(2017, 5, 24)),
        ("2022-05-24", PartialDate(2022, 5, 24)),
        ("2022-05-24 02:51:26-04:00", PartialDate(2022, 5, 24)),
        ("Tuesday, May 24, 2022", PartialDate(2022, 5, 24)),
        ("December 3, 2020", PartialDate(2020, 12, 3)),
        ("October 2014", PartialDate(2014, 10)),
        ("2027", PartialDate(2027)),
        ("in 2027", PartialDate(2027)),
    ],
)
def test_parse_date_keeps_the_precision_the_text_gives(text, expected):
    assert parse_date(text) == expected


def test_numeric_dates_follow_the_separator_or_dayfirst():
    assert parse_date("06/07/2023") == PartialDate(2023, 6, 7)
    assert parse_date("06/07/2023", dayfirst=True) == PartialDate(2023, 7, 6)
    assert parse_date("06.07.2023") == PartialDate(2023, 7, 6)
    assert parse_date("13/07/2023") == PartialDate(2023, 7, 13)


def test_slashed_numeric_dates_are_marked_ambiguous():
    (found,) = iter_absolute("on 06/07/2023 we met")
    assert found.ambiguous
    (found,) = iter_absolute("on 13/07/2023 we met")
    assert not found.ambiguous


def test_a_day_and_month_without_year_need_an_anchor():
    assert parse_date("June 29", anchor=dt.date(2022, 6, 30)) == PartialDate(2022, 6, 29)
    with pytest.raises(DateError, match="anchor"):
        parse_date("June 29")


@pytest.mark.parametrize(
    "text",
    [
        "98 views",
        "1080p",
        "2% of GDP",
        "NATO 2030 agenda",
        "COVID-19",
        "G7",
        "",
        "   ",
        "75 years",
        "40 partners",
    ],
)
def test_things_that_are_not_dates(text):
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert isinstance(info.value, NatojpError)
    assert isinstance(info.value, ValueError)


def test_iter_absolute_finds_time_and_span():
    text = "  • Last updated: 31 Jan. 2023 11:36"
    (found,) = iter_absolute(text)
    assert found.span.of(text) == "31 Jan. 2023 11:36"
    assert found.time == "11:36"


def test_iter_absolute_skips_impossible_dates():
    assert list(iter_absolute("31 February 2023")) == []
