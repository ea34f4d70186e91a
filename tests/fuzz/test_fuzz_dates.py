"""natojp.dates on generated text: a PartialDate, a tuple of mentions or a
DateError, never anything else; every span lies inside the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given

from natojp.dates import find_dates, iter_absolute, parse_date
from natojp.errors import NatojpError
from natojp.models import PartialDate
from tests.fuzz._guard import said
from tests.strategies import anchors, date_texts, dayfirst_options


@given(date_texts(), anchors(), dayfirst_options)
@example("2024-13-45", None, None)
@example("JAN000000B", None, None)  # dateutil warned: unknown tzname B
@example("June 30 2022 10:00 XYZ", None, None)
@example("c. c. c.", None, None)
@example("31 December 9999 and a day later", None, None)
@example("next year", PartialDate(9999), None)
@example("yesterday", dt.date(1, 1, 1), None)
@example("tomorrow", dt.date(9999, 12, 31), None)
def test_parse_date(text: str, anchor: object, dayfirst: bool | None) -> None:
    try:
        value = parse_date(text, anchor=anchor, dayfirst=dayfirst)  # type: ignore[arg-type]
    except NatojpError as exc:
        said(exc)
        said(exc, value_error=True)
        return
    assert isinstance(value, PartialDate)
    assert PartialDate.fromisoformat(value.isoformat()) == value


@given(date_texts(), anchors(), dayfirst_options)
@example("31 December 9999, a year later", PartialDate(9999, 12, 31), None)
@example("in the 10th century and last week", dt.date(1, 1, 2), None)
def test_find_dates(text: str, anchor: object, dayfirst: bool | None) -> None:
    try:
        mentions = find_dates(text, anchor=anchor, dayfirst=dayfirst)  # type: ignore[arg-type]
    except NatojpError:
        return
    for m in mentions:
        assert 0 <= m.span.start < m.span.end <= len(text)


@given(date_texts(), dayfirst_options)
def test_iter_absolute(text: str, dayfirst: bool | None) -> None:
    try:
        for found in iter_absolute(text, dayfirst=dayfirst):
            assert 0 <= found.span.start < found.span.end <= len(text)
            assert isinstance(found.value, PartialDate)
    except NatojpError:
        return
