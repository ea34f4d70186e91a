"""Issue 16, weeks: "last week" is the ISO week before the anchor's, a date of week
precision; a span of time ("over the next week") is not a date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import natojp
from natojp.dates import find_dates
from natojp.models import DatePrecision, PartialDate

ANCHOR = dt.date(2024, 5, 8)  # a Wednesday of ISO week 19


@pytest.mark.parametrize(
    ("text", "said", "week"),
    [
        ("We met last week.", "last week", 18),
        ("This week we travel.", "This week", 19),
        ("Next week he will go.", "Next week", 20),
        ("Earlier this week, he said so.", "this week", 19),
        ("As last week’s summit showed,", "last week’s", 18),
    ],
)
def test_week_expressions_are_iso_weeks(text: str, said: str, week: int) -> None:
    [mention] = find_dates(text, anchor=ANCHOR)
    assert mention.span.of(text) == said
    assert mention.value == PartialDate(2024, week=week)
    assert mention.value.precision is DatePrecision.WEEK
    # the week is Monday to Sunday around the day the text was written, shifted
    assert mention.value.start <= ANCHOR + dt.timedelta(weeks=week - 19) <= mention.value.end


@pytest.mark.parametrize(
    "text", ["over the next week", "for the next week or so", "within the next week"]
)
def test_a_span_of_time_is_not_a_date(text: str) -> None:
    assert find_dates(text, anchor=ANCHOR) == ()


def test_a_week_across_new_year_belongs_to_its_iso_year() -> None:
    [mention] = find_dates("We met last week.", anchor=dt.date(2021, 1, 6))
    assert mention.value == PartialDate(2020, week=53)
    assert (mention.value.start, mention.value.end) == (dt.date(2020, 12, 28), dt.date(2021, 1, 3))


def test_week_dates_round_trip_through_text_and_json() -> None:
    week = PartialDate(2024, week=23)
    assert week.isoformat() == "2024-W23" and PartialDate.fromisoformat("2024-W23") == week
    assert PartialDate.fromisoformat("2024-W23~") == PartialDate(2024, week=23, approximate=True)
    doc = natojp.parse("A note\n\nWe met last week in Oslo.", metadata={"date": "2024-05-08"})
    assert [m.value for m in doc.dates if m.value and m.value.week] == [PartialDate(2024, week=18)]
    back = natojp.loads_document(natojp.dumps(doc))
    assert back == doc
    assert any(d["value"] == "2024-W18" for d in json.loads(natojp.dumps(doc))["dates"])


@pytest.mark.parametrize(
    "bad",
    [
        lambda: PartialDate(2024, week=54),
        lambda: PartialDate(2021, week=53),  # 2021 has 52 ISO weeks
        lambda: PartialDate(2024, 5, week=3),
    ],
)
def test_impossible_weeks_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        bad()  # type: ignore[operator]
