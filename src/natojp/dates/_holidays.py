"""Holidays and observance months by name: "Thanksgiving", "Memorial Day",
"New Year's Eve", "Black History Month". Each holiday is a rule giving its day
in any year (a fixed day, the nth weekday of a month, Easter and the days
counted from it), so that "on Thanksgiving" can be read like "on November 23":
the nearest one, or the one the tense points at.

The holidays are those of the calendars natojp's documents come from (the
United States' federal holidays, and a few kept across the West); an
observance month is read only where the text uses it as a time ("during Pride
Month", "it is Black History Month"), not as a name ("the Black History Month
reception").
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Callable

import dateutil.easter

__all__ = [
    "HOLIDAY",
    "HOLIDAY_WORDS",
    "NAMED_DAY_WORD",
    "OBSERVANCE",
    "OBSERVANCE_WORDS",
    "holiday_day",
    "holiday_key",
    "observance_month",
]


def _fixed(month: int, day: int) -> Callable[[int], _dt.date]:
    return lambda year: _dt.date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], _dt.date]:
    """The ``n``-th ``weekday`` (0 = Monday) of ``month``; ``n = -1``, the last."""

    def day_in(year: int) -> _dt.date:
        days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday] != 0]
        return _dt.date(year, month, days[n - 1] if n > 0 else days[n])

    return day_in


def _from_easter(days: int) -> Callable[[int], _dt.date]:
    return lambda year: dateutil.easter.easter(year) + _dt.timedelta(days=days)


def _election_day(year: int) -> _dt.date:
    """The Tuesday after the first Monday of November (United States)."""
    first_monday = _nth_weekday(11, 0, 1)(year)
    return first_monday + _dt.timedelta(days=1)


# By the key the pattern below gives each name.
_DAYS: dict[str, Callable[[int], _dt.date]] = {
    "newyear": _fixed(1, 1),
    "newyeareve": _fixed(12, 31),
    "christmas": _fixed(12, 25),
    "christmaseve": _fixed(12, 24),
    "independence": _fixed(7, 4),
    "juneteenth": _fixed(6, 19),
    "veterans": _fixed(11, 11),
    "valentine": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "patrick": _fixed(3, 17),
    "thanksgiving": _nth_weekday(11, 3, 4),
    "memorial": _nth_weekday(5, 0, -1),
    "labor": _nth_weekday(9, 0, 1),
    "mlk": _nth_weekday(1, 0, 3),
    "presidents": _nth_weekday(2, 0, 3),
    "easter": _from_easter(0),
    "goodfriday": _from_easter(-2),
    "election": _election_day,
}

_PLACE_AFTER = r"(?:in|of)\s+(?:the\s+)?[A-Z]"

# The names, with what may follow them ("Day", "Eve"); the key is the first
# group that matched, with "eve" added for an eve.
HOLIDAY = re.compile(
    r"\b(?:(?P<newyear>New\s+Year['’]s)(?:\s+(?P<nyday>Day|Eve))?"
    r"|(?P<christmas>Christmas)(?:\s+(?P<xday>Day|Eve))?"
    r"|(?P<independence>Independence\s+Day|(?:the\s+)?Fourth\s+of\s+July|July\s+Fourth)"
    r"|(?P<juneteenth>Juneteenth)"
    r"|(?P<veterans>Veterans['’]?\s+Day)"
    r"|(?P<valentine>(?:St\.?\s+|Saint\s+)?Valentine['’]s\s+Day)"
    r"|(?P<halloween>Halloween)"
    r"|(?P<patrick>(?:St\.?|Saint)\s+Patrick['’]s\s+Day)"
    r"|(?P<thanksgiving>Thanksgiving)(?:\s+Day)?"
    r"|(?P<memorial>Memorial\s+Day)"
    r"|(?P<labor>Labor\s+Day)"  # the United States' ("Labour Day" is 1 May elsewhere)
    r"|(?P<mlk>(?:Dr\.?\s+)?Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day|MLK\s+Day)"
    r"|(?P<presidents>Presidents['’]?\s+Day)"
    r"|(?P<easter>Easter)(?:\s+Sunday)?"
    r"|(?P<goodfriday>Good\s+Friday)"
    r"|(?P<election>Election\s+Day))\b"
    r"(?:,?\s{1,3}(?P<year>(?:1[7-9]|20)\d\d)\b"
    # without a year, a holiday's name before a noun names something else
    # ("Christmas tree", "Good Friday Agreement"), and one of a place is that
    # place's ("Independence Day in Kosovo")
    rf"|(?!\s+(?:[a-z]{{3,}}\b(?<!\band)(?<!\bwas)(?<!\bwill)(?<!\bfor)|[A-Z][a-z]|{_PLACE_AFTER})))"
)
# Literal words of which one is in every holiday name: a text with none of them
# is not searched.
HOLIDAY_WORDS = ("New Year", "Christmas", "Independence", "Fourth", "Juneteenth", "Veteran",
                 "Valentine", "Halloween", "Patrick", "Thanksgiving", "Memorial", "Labo",
                 "King", "MLK", "Presidents", "Easter", "Good Friday", "Election Day")  # fmt: skip


# Literal words of which one is in every observance month's name.
OBSERVANCE_WORDS = ("History", "Heritage", "Pride", "Chance", "Awareness")
# Either kind's words, in one pattern of literals: one pass finds where to look.
NAMED_DAY_WORD = re.compile("|".join(re.escape(w) for w in (*HOLIDAY_WORDS, *OBSERVANCE_WORDS)))


def holiday_key(match: re.Match[str]) -> str:
    """The key of the holiday ``match`` (of :data:`HOLIDAY`) names."""
    name = next(group for group, value in match.groupdict().items() if value and group in _DAYS)
    if (match["nyday"] or match["xday"]) == "Eve":
        name += "eve"
    return name


def holiday_day(key: str, year: int) -> _dt.date | None:
    """The day of holiday ``key`` in ``year``, or ``None`` outside the calendar.

    >>> holiday_day("thanksgiving", 2023), holiday_day("memorial", 2024)
    (datetime.date(2023, 11, 23), datetime.date(2024, 5, 27))
    """
    try:
        return _DAYS[key](year)
    except (ValueError, OverflowError):  # year 1 or 9999 and a day outside it
        return None


# Observance months, when used as a time: after "during", "in", "throughout",
# "this" or "it is". The month is that of the United States' proclamations.
OBSERVANCE = re.compile(
    r"\b(?P<lead>(?i:during|in|throughout|this|it\s+is|it['’]s)\s+(?:the\s+)?)"
    r"(?P<name>(?:National\s+)?(?:Black\s+History|Women['’]s\s+History|Pride"
    r"|(?:Asian\s+American(?:,?\s+Native\s+Hawaiian,?)?(?:\s+and)?\s+Pacific\s+Islander|AAPI|AANHPI)"
    r"\s+Heritage|Jewish\s+American\s+Heritage|Native\s+American\s+Heritage|Second\s+Chance"
    r"|Mental\s+Health\s+Awareness|Domestic\s+Violence\s+Awareness|Breast\s+Cancer\s+Awareness)"
    r"\s+[Mm]onth)\b"
    # a name before a noun: "the Black History Month reception"
    r"(?!\s+[a-z]{3,}\b(?<!\band)(?<!\bwas)(?<!\bwill)(?<!\bfor)(?<!\bwhen))"
)
_OBSERVANCE_MONTHS = (
    ("Black", 2), ("Women", 3), ("Pride", 6), ("Jewish", 5), ("Native American", 11),
    ("Second", 4), ("Mental", 5), ("Domestic", 10), ("Breast", 10), ("Heritage", 5),
)  # fmt: skip


def observance_month(name: str) -> int:
    """The month of the observance ``name`` (a match of :data:`OBSERVANCE`).

    >>> observance_month("Black History Month"), observance_month("Pride month")
    (2, 6)
    """
    return next(month for word, month in _OBSERVANCE_MONTHS if word in name)
