"""Issue 16, bylines and stamps: a time is a moment of a dated day, with its
zone's UTC offset where natojp knows it, and never a year. Sentences written for
the rules (zone offsets checked against the zones' definitions)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from natojp import PartialDate
from natojp.dates import find_dates, parse_date
from natojp.errors import DateError

DAY = dt.date(2022, 5, 2)


def _tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "stamp", "moment"),
    [
        ("Briefing Room\n\n2:43 P.M. EDT\n\nMS. SMITH: Hi.", "2:43 P.M. EDT",
         dt.datetime(2022, 5, 2, 14, 43, tzinfo=_tz(-4))),
        ("Oval Office\n\n10:01 A.M. EST", "10:01 A.M. EST",
         dt.datetime(2022, 5, 2, 10, 1, tzinfo=_tz(-5))),
        ("Posted at 08:15 JST on the site.", "08:15 JST",
         dt.datetime(2022, 5, 2, 8, 15, tzinfo=_tz(9))),
        ("Updated 10:02 am CET", "10:02 am CET", dt.datetime(2022, 5, 2, 10, 2, tzinfo=_tz(1))),
        ("@ 7:40 pm BST", "7:40 pm BST", dt.datetime(2022, 5, 2, 19, 40, tzinfo=_tz(1))),
        # the date on the line before the time is its day; no zone, no offset
        ("March 09, 2021 | 11:45 PM", "March 09, 2021 | 11:45 PM", dt.datetime(2021, 3, 9, 23, 45)),
        ("Friday, October 6, 2023, 9:05 a.m. GMT+0900", "Friday, October 6, 2023, 9:05 a.m. GMT+0900",
         dt.datetime(2023, 10, 6, 9, 5, tzinfo=_tz(9))),
        # "ET": the offset New York kept that day (daylight time in May, standard in January)
        ("Call at 10:45 a.m. ET", "10:45 a.m. ET", dt.datetime(2022, 5, 2, 10, 45, tzinfo=_tz(-4))),
    ],
)  # fmt: skip
def test_a_time_stamp_is_a_moment_of_its_day(text: str, stamp: str, moment: dt.datetime) -> None:
    if text.endswith(" ET"):
        try:
            zoneinfo.ZoneInfo("America/New_York")
        except zoneinfo.ZoneInfoNotFoundError:
            pytest.skip("no time zone data on this machine")
    [mention] = [m for m in find_dates(text, anchor=DAY) if m.timestamp is not None]
    assert mention.span.of(text) == stamp
    assert mention.timestamp == moment
    assert mention.value == PartialDate.from_date(moment.date())


@pytest.mark.parametrize(
    ("place", "hours"),
    [("Dublin, Republic of Ireland", 1), ("New Delhi, India", 5.5), ("Jerusalem", 2)],
)
def test_a_zone_several_places_share_is_read_by_the_place_named(place: str, hours: float) -> None:
    text = f"{place}\n\n2:09 P.M. IST"
    [mention] = find_dates(text, anchor=DAY)
    assert mention.timestamp is not None and mention.timestamp.utcoffset() == dt.timedelta(
        hours=hours
    )


def test_a_shared_zone_with_no_place_has_no_offset() -> None:
    [mention] = find_dates("10:44 A.M. SST", anchor=DAY)  # Singapore or Samoa
    assert mention.timestamp == dt.datetime(2022, 5, 2, 10, 44)


@pytest.mark.parametrize(
    "text", ["John 3:16 says so.", "The score was 10:30 at half time.", "a 2:1 ratio"]
)
def test_a_bare_clock_without_am_pm_or_zone_is_not_a_time_stamp(text: str) -> None:
    assert find_dates(text, anchor=DAY) == ()


def test_a_time_stamp_without_a_dated_day_has_no_moment() -> None:
    assert find_dates("2:43 P.M. EDT", anchor=PartialDate(2022)) == ()
    assert find_dates("2:43 P.M. EDT") == ()


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("March 09, 2021 | 11:45 PM", "2021-03-09"),
        ("Friday, October 6, 2023, 9:05 a.m. Tokyo", "2023-10-06"),
        ("Mon Oct 09 2023 10:15:00 GMT+0900 (JST)", "2023-10-09"),
        ("Last updated: 3 May 2024", "2024-05-03"),
        ("Posted 12 June 2023, updated 14 June 2023", "2023-06-12"),
        ("Updated: March 3, 2022 at 10:45 a.m. ET", "2022-03-03"),
        ("2024/11/3", "2024-11-03"),
        ("2023.02.01", "2023-02-01"),
        ("26. 10. 2021", "2021-10-26"),
    ],
)
def test_parse_date_reads_a_byline_whole(byline: str, expected: str) -> None:
    assert parse_date(byline) == PartialDate.fromisoformat(expected)


def test_parse_date_of_a_time_alone_is_the_anchors_day() -> None:
    assert parse_date("08:15 JST", anchor=DAY) == PartialDate(2022, 5, 2)
    with pytest.raises(DateError, match="anchor="):
        parse_date("08:15 JST")
