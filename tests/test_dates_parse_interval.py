"""Issue 16, ranges read alone: parse_date values a range at its first day (never
its second day, never a day read as a year) and parse_interval gives both ends.
Expressions written for the rules, in the forms pages and front matter use."""

from __future__ import annotations

import pytest

from natojp import DateInterval, PartialDate
from natojp.dates import parse_date, parse_interval
from natojp.errors import DateError


@pytest.mark.parametrize(
    ("text", "first", "interval"),
    [
        ("11-12 July 2023", "2023-07-11", "2023-07-11..2023-07-12"),
        ("9–11 July 2024", "2024-07-09", "2024-07-09..2024-07-11"),
        # the second day must not be read as a two-digit year (was 2011-07-09)
        ("July 9-11, 2024", "2024-07-09", "2024-07-09..2024-07-11"),
        ("June 28 - 30, 2022", "2022-06-28", "2022-06-28..2022-06-30"),
        ("11 Jul. 2023 - 12 Jul. 2023", "2023-07-11", "2023-07-11..2023-07-12"),
        ("12 June 2023 to 14 June 2023", "2023-06-12", "2023-06-12..2023-06-14"),
        ("May 5 - June 2, 2021", "2021-05-05", "2021-05-05..2021-06-02"),
        ("December 28 - January 3, 2021", "2020-12-28", "2020-12-28..2021-01-03"),
        ("from May to November 1910", "1910-05", "1910-05..1910-11"),
        ("from 1995 to 2003", "1995", "1995..2003"),
        ("between 2019 and 2022", "2019", "2019..2022"),
        ("2024-2025", "2024", "2024..2025"),
        ("1891-92", "1891", "1891..1892"),
        ("Madrid, 28-30 June 2022", "2022-06-28", "2022-06-28..2022-06-30"),
        # ISO 8601 / EDTF intervals, and DateInterval's own form
        ("2023-07-11/2023-07-12", "2023-07-11", "2023-07-11..2023-07-12"),
        ("2019/2022", "2019", "2019..2022"),
        ("2023-07-11..2023-07-12", "2023-07-11", "2023-07-11..2023-07-12"),
        ("2019/..", "2019", "2019.."),
    ],
)
def test_a_range_is_its_first_day_and_its_interval(text: str, first: str, interval: str) -> None:
    assert str(parse_date(text)) == first
    assert str(parse_interval(text)) == interval


@pytest.mark.parametrize(
    ("text", "value", "interval"),
    [
        ("until May 19, 2020", "2020-05-19", "..2020-05-19"),
        ("through August 2021", "2021-08", "..2021-08"),
    ],
)
def test_a_range_open_at_the_start_is_the_date_it_names(
    text: str, value: str, interval: str
) -> None:
    assert str(parse_date(text)) == value
    assert str(parse_interval(text)) == interval


def test_a_single_date_is_an_interval_of_itself() -> None:
    day = PartialDate(2022, 6, 30)
    assert parse_interval("June 30, 2022") == DateInterval(start=day, end=day)
    assert parse_interval("06/07/2023") == DateInterval(
        start=PartialDate(2023, 6, 7), end=PartialDate(2023, 6, 7)
    )
    assert parse_interval("06/07/2023", dayfirst=True).start == PartialDate(2023, 7, 6)


def test_a_range_without_a_year_needs_the_anchor() -> None:
    anchor = PartialDate(2024, 2, 20)
    assert str(parse_interval("1-2 March", anchor=anchor)) == "2024-03-01..2024-03-02"
    assert str(parse_interval("from May 5 to June 2", anchor=PartialDate(2021, 1, 1))) == (
        "2021-05-05..2021-06-02"
    )
    # without one no date is right: the "1" of "1-2 March" is not the year 2001
    with pytest.raises(DateError, match="anchor="):
        parse_date("1-2 March")
    with pytest.raises(DateError, match="anchor="):
        parse_date("from May 5 to June 2")


@pytest.mark.parametrize(
    "text",
    [
        "2023-13-01/2023-14-01",
        "../..",
        "2023-07-12/2023-07-11",
        "the 2019-2020 session",
        "not a date",
    ],
)
def test_what_is_no_interval_raises_a_date_error(text: str) -> None:
    with pytest.raises(DateError, match="not a date"):
        parse_interval(text)


def test_numeric_dates_with_dashes_are_not_ranges() -> None:
    assert parse_date("06-07-2023") == PartialDate(2023, 7, 6)
    assert parse_date("2023-07-11") == PartialDate(2023, 7, 11)


def test_an_iso_month_alone_is_a_month_not_two_years() -> None:
    # in running text "the 2000-01 session" is two years; alone, ISO 8601 reads a month
    assert parse_date("1900-01") == PartialDate(1900, 1)
    assert parse_interval("2000-01") == DateInterval(
        start=PartialDate(2000, 1), end=PartialDate(2000, 1)
    )
