"""Issue 16, ranges: one mention with an interval, never the second day or the
short second year read as a date of its own. Sentences written for the rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import natojp
from natojp import DateInterval, PartialDate
from natojp.dates import find_dates

ANCHOR = dt.date(2024, 4, 11)


def _ranges(text: str, anchor: dt.date = ANCHOR) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            m.span.of(text),
            str(m.value) if m.value else None,
            str(m.interval) if m.interval else None,
        )
        for m in find_dates(text, anchor=anchor)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit is on 9–11 July 2024.", ("9–11 July 2024", "2024-07-09", "2024-07-09..2024-07-11")),
        ("They met on 29-30 June 2022 in Madrid.", ("29-30 June 2022", "2022-06-29", "2022-06-29..2022-06-30")),
        ("We meet October 3-4 in Tokyo.", ("October 3-4", "2024-10-03", "2024-10-03..2024-10-04")),
        ("the 2024-2025 season", ("2024-2025", "2024", "2024..2025")),
        ("the 1891-92 budget", ("1891-92", "1891", "1891..1892")),
        ("From 1995 to 2003, he served.", ("1995 to 2003", "1995", "1995..2003")),
        ("between 2019 and 2022 we grew", ("2019 and 2022", "2019", "2019..2022")),
        ("It rained from May to November, 1910.", ("May to November, 1910", "1910-05", "1910-05..1910-11")),
        ("from February 11 to February 19, 2021.", ("February 11 to February 19, 2021", "2021-02-11", "2021-02-11..2021-02-19")),
    ],
)  # fmt: skip
def test_a_range_is_one_mention_valued_at_its_first_day(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert _ranges(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her detention was extended until May 19th.", ("May 19th", "2024-05-19", "..2024-05-19")),
        ("Benefits rose through September 2021.", ("September 2021", "2021-09", "..2021-09")),
    ],
)
def test_until_or_through_ends_a_range_open_at_the_start(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert _ranges(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "On May 5 - the day after the vote - we met.",  # a dash that is no range
        "Call 202-456-1414 for details.",  # a telephone number
        "The score was 2024-07 in the database.",  # no range of years
        "Pages 12-14 of the report.",  # days with no month
        "It grew 2000-3000 units.",  # counts, not years (no 16xx-20xx pair)
    ],
)
def test_look_alikes_are_not_ranges(text: str) -> None:
    assert all(m.interval is None for m in find_dates(text, anchor=ANCHOR))


def test_impossible_or_backwards_ranges_are_not_joined() -> None:
    assert all(r[2] is None for r in _ranges("on 30-31 April 2024"))  # April has 30 days
    assert all(r[2] is None for r in _ranges("from 2003 to 1995"))


def test_an_interval_round_trips_through_json(tmp_path: Path) -> None:
    doc = natojp.parse("Summit\n\nThe summit is on 9–11 July 2024 in Washington.")
    [mention] = [m for m in doc.dates if m.interval]
    assert mention.interval == DateInterval(
        start=PartialDate(2024, 7, 9), end=PartialDate(2024, 7, 11)
    )
    natojp.Corpus([doc]).to_jsonl(tmp_path / "docs.jsonl")
    again = natojp.load_jsonl(tmp_path / "docs.jsonl")[0]
    assert again.dates == doc.dates
