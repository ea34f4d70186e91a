"""The blind-labelled date sets 2 to 5 (tests/data/dates_heldout_*.jsonl) held
to the figures natojp reaches on them, so that a change that loses ground on
real text fails here. Scored as benchmarks/dates.py scores them (which also
prints dateparser and datefinder beside): a date is right when a mention
overlapping it has its value (a range: its interval), a look-alike non-date
when nothing overlapping it gets a value."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from natojp.dates import find_dates, parse_interval
from natojp.errors import DateError
from natojp.models import DateMention, PartialDate, Span

DATA = Path(__file__).parent / "data"
NOT_DATES = ("non_date", "duration_not_date")


def _matches(value: PartialDate | None, label: str) -> bool:
    if value is None:
        return False
    try:
        return value == PartialDate.fromisoformat(label)
    except ValueError:  # a value natojp has no form for (a century, "20XX")
        return False


def _right(found: list[DateMention], label: dict[str, str]) -> bool:
    value = label["value"]
    if label.get("family") in NOT_DATES or value is None:
        return all(m.value is None for m in found)
    if "T" in value:  # a time stamp
        return any(m.timestamp is not None and m.timestamp.isoformat() == value for m in found)
    if value.endswith("-WE"):  # a weekend, "2023-W44-WE": its Saturday and Sunday
        year, week = int(value[:4]), int(value[6:8])
        days = tuple(datetime.date.fromisocalendar(year, week, day) for day in (6, 7))
        return any(
            m.interval is not None
            and m.interval.start is not None
            and m.interval.end is not None
            and (m.interval.start.start, m.interval.end.end) == days
            for m in found
        )
    if "end" in label:
        first, last = value, label["end"]
        for m in found:
            if m.interval is None:
                continue
            start, end = m.interval.start, m.interval.end
            start_ok = start is None if first == ".." else _matches(start, first)
            end_ok = end is None if last == ".." else _matches(end, last)
            if start_ok and end_ok:
                return True
        return False
    return any(_matches(m.value, value) for m in found)


def _score(name: str) -> tuple[float, float]:
    """(share right of everything, share right of the dates alone)."""
    right = total = dates_right = dates = 0
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("header"):
            continue
        text = row["text"]
        mentions = find_dates(text, anchor=PartialDate.fromisoformat(row["anchor"]))
        for label in row["dates"]:
            start = text.find(label["expression"])
            end = start + len(label["expression"])
            found = [m for m in mentions if m.span.start < end and start < m.span.end]
            ok = _right(found, label)
            right, total = right + ok, total + 1
            if label.get("family") not in NOT_DATES:
                dates_right, dates = dates_right + ok, dates + 1
    return right / total, dates_right / dates


@pytest.mark.parametrize(
    ("name", "everything", "dates_alone"),
    [
        # set 2: first run 66.8% (before issue 16); tuned on since
        ("dates_heldout_2.jsonl", 0.91, 0.87),
        # set 3: first run 84.2% / 64.6% (session 5, before any change for it); tuned on since
        ("dates_heldout_3.jsonl", 0.91, 0.81),
        # set 4: first run 88.9% / 73.7% at the start of session 6, 90.0% / 76.4%
        # with that session's changes, made on sets 2 and 3 before it was scored;
        # tuned on since
        ("dates_heldout_4.jsonl", 0.91, 0.79),
        # set 5: labelled blind after session 6's tuning: 88.7% / 74.1% at the
        # session's start, 89.8% / 76.8% at its end (its first runs); tuned on
        # in session 7
        ("dates_heldout_5.jsonl", 0.92, 0.83),
        # set 6 (White House only): labelled blind in session 7; first runs
        # 86.7% / 73.7% at the session's start, 87.0% / 74.0% after the changes
        # made on set 5; tuned on since
        ("dates_heldout_6.jsonl", 0.89, 0.79),
        # set 7 (White House only): labelled blind after session 7's tuning:
        # 89.9% / 78.3% at the session's start, 90.3% / 79.5% at its end
        ("dates_heldout_7.jsonl", 0.90, 0.79),
    ],
)
def test_held_out_dates_keep_their_figures(
    name: str, everything: float, dates_alone: float
) -> None:
    share, share_of_dates = _score(name)
    assert share >= everything, f"{name}: {share:.1%} right, below {everything:.0%}"
    assert share_of_dates >= dates_alone, (
        f"{name}: {share_of_dates:.1%} of dates right, below {dates_alone:.0%}"
    )


# The families whose meaning is in the expression itself (benchmarks/dates.py's
# ALONE_FAMILIES): read alone with parse_interval and the document's date.
ALONE_FAMILIES = ("absolute", "numeric", "range", "relative_anchor", "week")


def _read_alone(expression: str, anchor: PartialDate) -> DateMention | None:
    try:
        interval = parse_interval(expression, anchor=anchor)
    except DateError:
        return None
    value = interval.start or interval.end
    ranged = interval if interval.start != interval.end else None
    return DateMention(span=Span(0, len(expression)), value=value, interval=ranged)


def _score_alone(name: str) -> float:
    right = total = 0
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("header"):
            continue
        anchor = PartialDate.fromisoformat(row["anchor"])
        for label in row["dates"]:
            if label.get("family") not in ALONE_FAMILIES or label["value"] is None:
                continue
            found = _read_alone(label["expression"], anchor)
            right += _right([found] if found is not None else [], label)
            total += 1
    return right / total


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        # at the start of session 6: 77.7%, 72.0% and 74.1%
        ("dates_heldout_2.jsonl", 0.93),
        ("dates_heldout_3.jsonl", 0.83),
        ("dates_heldout_4.jsonl", 0.82),
        ("dates_heldout_5.jsonl", 0.86),  # 77.5% at the start of session 6
        ("dates_heldout_6.jsonl", 0.80),  # 79.1% at its first run (session 7)
        ("dates_heldout_7.jsonl", 0.80),  # 80.2% at the session's start, 80.5% at its end
    ],
)
def test_expressions_read_alone_keep_their_figures(name: str, floor: float) -> None:
    share = _score_alone(name)
    assert share >= floor, f"{name}: {share:.1%} of expressions read alone, below {floor:.0%}"
