"""Finding dates in running text: single dates, joined into ranges, with time
stamps."""

from __future__ import annotations

import datetime as _dt
import itertools
import re

from natojp.dates._anaphora import in_apposition, in_named_year, resolve_against_text
from natojp.dates._parse import as_partial, find_single_dates, lower_keeping_length
from natojp.dates._ranges import join_ranges, open_ranges
from natojp.dates._times import add_timestamps
from natojp.models import DateMention, PartialDate

__all__ = ["find_dates"]


def find_dates(
    text: str, *, anchor: PartialDate | _dt.date | None = None, dayfirst: bool | None = None
) -> tuple[DateMention, ...]:
    """Every date expression in ``text``, absolute and relative, in text order.

    Each :class:`~natojp.models.DateMention` has the span of the expression (a
    leading ``on`` or ``in`` is left out), its resolved value with the precision
    the text gives, whether it was relative and the ``anchor`` it was resolved
    against. Relative expressions need an anchor, the date the text was written
    or spoken; without one (or with one too coarse, such as a year for
    ``yesterday``) they are found with ``value=None``. Numbers that are not
    dates (``75 years``, ``2% of GDP``, ``NATO 2030 agenda``) are not reported.
    A range ("9–11 July 2024", "from 1995 to 2003", "until May 19") is one
    mention with its :class:`~natojp.models.DateInterval`, valued at its first
    day; a time stamp ("2:43 P.M. EDT", "March 09, 2021 | 11:45 PM") has its
    ``timestamp``, on the day a date before it on its line names, else the
    anchor's.

    Where the text names the day its "today", "tomorrow" or "yesterday" is
    ("embargoed until 7:00 a.m. tomorrow, May 12th") and that puts its writing a
    day or two from ``anchor``, its relative dates are read from that day (a
    call held the evening before the date it is filed under); each mention's
    ``anchor`` says which day was used.

    ``dayfirst`` settles numeric dates such as ``06/07/2023``; left as ``None``,
    the text's own unambiguous dates decide, then the separator (slashes month
    first, dots day first), and such a mention is marked ``ambiguous``.

    >>> text = "On Wednesday, he will meet the Foreign Minister. He met Kishida on Tuesday."
    >>> for m in find_dates(text, anchor=PartialDate(2023, 1, 31)):
    ...     print(m.span.of(text), m.value, m.relative)
    Wednesday 2023-02-01 True
    Tuesday 2023-01-31 True
    >>> [m.value for m in find_dates("Almost one year ago, in December 2021, ...")]
    [None, PartialDate('2021-12')]
    >>> [str(m.interval) for m in find_dates("The summit is on 9–11 July 2024.")]
    ['2024-07-09..2024-07-11']

    .. versionchanged:: 0.1
       Ranges are one mention with an ``interval``; time stamps have a
       ``timestamp``; holidays by name are read; the text's own day of writing
       is followed.
    """
    lowered = lower_keeping_length(text)  # read by several passes
    mentions = find_single_dates(text, anchor=anchor, dayfirst=dayfirst, lowered=lowered)
    day = as_partial(anchor)
    written = _day_of_writing(text, mentions, day)
    if written is not None:
        day = written  # the text's own "tomorrow, May 12th" outranks the date it was given
        mentions = find_single_dates(text, anchor=day, dayfirst=dayfirst, lowered=lowered)
    mentions = in_apposition(text, mentions)
    joined = in_named_year(text, join_ranges(text, mentions, day))
    resolved = resolve_against_text(text, joined, day, lowered=lowered)
    if resolved != joined:
        # the dates read from the text ("through the end of the year") open ranges too
        seen = {id(mention) for mention in joined}
        resolved = tuple(
            mention if id(mention) in seen else open_ranges(text, [mention])[0]
            for mention in resolved
        )
    return add_timestamps(text, resolved, day)


_DAY_WORD = re.compile(
    r"(?:today|tonight|tomorrow|yesterday)(?:\s+(?:morning|afternoon|evening|night))?"
)
_DAY_WORD_STEP = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
# Between a day word and the date it is: "tomorrow, Wednesday, February 21st".
_APPOSITION = re.compile(
    r",?\s{1,3}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{1,3})?", re.IGNORECASE
)
# How many days the text may move the day it was written from the date it was
# given: a call held the day before the date it is filed under.
_MOST_DAYS_MOVED = 2


def _day_of_writing(
    text: str, mentions: tuple[DateMention, ...], given: PartialDate | None
) -> PartialDate | None:
    """The day the text says it was written on, where it names the day its
    "today", "tomorrow" or "yesterday" is ("embargoed until 7:00 a.m. tomorrow,
    May 12th") and it is not ``given``, at most two days from it; ``None``
    where it names none, or names days that disagree."""
    if given is None or given.day is None:
        return None
    days: set[_dt.date] = set()
    for word, date in itertools.pairwise(mentions):
        said = word.span.of(text).lower()
        if (
            word.value is None
            or date.value is None
            or date.value.day is None
            or not _DAY_WORD.fullmatch(said)
            or not _APPOSITION.fullmatch(text, word.span.end, date.span.start)
            or not any(char.isdigit() for char in date.span.of(text))  # "today, tomorrow"
        ):
            continue
        if _inside_quotes(text, word.span.start):
            continue  # a speaker's "tomorrow, May 11" says when they spoke, not the text
        step = _DAY_WORD_STEP[said.split()[0]]
        try:
            days.add(date.value.start - _dt.timedelta(days=step))
        except OverflowError:  # "yesterday, December 31" at the end of year 9999
            continue
    if len(days) != 1:
        return None
    (written,) = days
    if not 0 < abs((written - given.start).days) <= _MOST_DAYS_MOVED:
        return None
    return PartialDate.from_date(written)


def _inside_quotes(text: str, at: int) -> bool:
    """Whether ``at`` is inside a quotation opened earlier in its paragraph."""
    start = text.rfind("\n\n", 0, at) + 1
    before = text[start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
