"""Reading one expression that may be a range: :func:`parse_date` (its first
day) and :func:`parse_interval` (the whole span)."""

from __future__ import annotations

import datetime as _dt
import re

from natojp.dates._find import find_dates
from natojp.dates._parse import MONTHS, clean_expression, parse_single_date
from natojp.dates._ranges import OPEN_AFTER, OPEN_BEFORE, RANGE_LINKS
from natojp.errors import DateError
from natojp.models import DateInterval, DateMention, PartialDate

__all__ = ["parse_date", "parse_interval"]

# ISO 8601 and EDTF intervals: "2023-07-11/2023-07-12", "2019/2022",
# "2023-07-11..2023-07-12" (DateInterval's own form), an open end as "..".
_ISO_END = r"\d{4}(?:-\d\d){0,2}"
_ISO_INTERVAL = re.compile(rf"^(?P<a>{_ISO_END}|\.\.)?\s?(?:/|\.\.)\s?(?P<b>{_ISO_END}|\.\.)?$")
_ISO_DATE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])(?:-\d\d)?$")
# What a range needs somewhere in it: a dash, or a word that joins or opens one.
# Texts without any are read as one date at once.
_RANGE_CUE = re.compile(
    r"[-–—]|\b(?:to|until|till|through|thru|between|from|and|since|starting|beginning)\b",
    re.IGNORECASE,
)
# Two days joined by a dash ("1-2 March"), not a numeric date ("06-07-2023").
_DAY_RANGE = re.compile(r"(?<![\d/.:-])\d{1,2}\s?[-–—]\s?\d{1,2}(?![\d/.:-])")
# Words that may open a whole expression before its range.
_OPENERS = ("from", "between", *OPEN_BEFORE, *OPEN_AFTER)
# What joins the two dates of a range written whole (after "between", "and").
_LINKS = RANGE_LINKS | {"and"}


def parse_interval(
    text: str, *, anchor: PartialDate | _dt.date | None = None, dayfirst: bool | None = None
) -> DateInterval:
    """Parse one date expression into the :class:`~natojp.models.DateInterval`
    it spans: a range (``9–11 July 2024``, ``July 9-11, 2024``, ``from 1995 to
    2003``, ``11 Jul. 2023 - 12 Jul. 2023``, ``until May 19``, an ISO or EDTF
    interval ``2023-07-11/2023-07-12``) from its first to its last day, month
    or year; a single date from itself to itself. ``anchor`` and ``dayfirst``
    are as in :func:`parse_date`; what is not a date raises
    :class:`~natojp.errors.DateError`.

    >>> str(parse_interval("9–11 July 2024")), str(parse_interval("from 1995 to 2003"))
    ('2024-07-09..2024-07-11', '1995..2003')
    >>> str(parse_interval("2023-07-11/2023-07-12")), str(parse_interval("until 2019"))
    ('2023-07-11..2023-07-12', '..2019')
    >>> parse_interval("June 30, 2022")
    DateInterval(start=PartialDate('2022-06-30'), end=PartialDate('2022-06-30'))

    .. versionadded:: 0.1
    """
    interval = _range_of(text, anchor, dayfirst)
    if interval is not None:
        return interval
    try:
        value = parse_single_date(text, anchor=anchor, dayfirst=dayfirst, with_dateutil=False)
    except DateError:
        found = _as_in_running_text(text, anchor, dayfirst)
        if found is None:
            # dateutil's reading, or its error, for forms running text does not have
            value = parse_single_date(text, anchor=anchor, dayfirst=dayfirst)
        elif found.value is None:
            raise DateError(
                f"{text!r} is relative to when it was written; pass anchor= (a date) to resolve it"
                if anchor is None
                else f"{text!r} cannot be resolved from the anchor {anchor} (too coarse for it?)"
            ) from None
        else:
            return found.interval or DateInterval(start=found.value, end=found.value)
    return DateInterval(start=value, end=value)


def parse_date(
    text: str, *, anchor: PartialDate | _dt.date | None = None, dayfirst: bool | None = None
) -> PartialDate:
    """Parse one date expression into a :class:`~natojp.models.PartialDate`.

    ``anchor`` is the date the expression was written on: it supplies the year
    of a day and month written without one (``June 29``) and resolves relative
    expressions (``yesterday``, ``last summer``). ``dayfirst`` settles numeric
    dates such as ``06/07/2023``; without it, slashes read month first and dots
    or dashes day first. Anything that is not a date, or a relative date without
    an anchor, raises :class:`~natojp.errors.DateError`.

    >>> parse_date("June 30, 2022")
    PartialDate('2022-06-30')
    >>> parse_date("06/07/2023"), parse_date("06/07/2023", dayfirst=True)
    (PartialDate('2023-06-07'), PartialDate('2023-07-06'))
    >>> parse_date("June 29", anchor=PartialDate(2022, 6, 30))
    PartialDate('2022-06-29')
    >>> parse_date("2027")
    PartialDate('2027')
    >>> parse_date("yesterday", anchor=PartialDate(2023, 2, 1))
    PartialDate('2023-01-31')
    >>> parse_date("c. 1995"), parse_date("mid-2022")
    (PartialDate('1995~'), PartialDate('2022'))

    A range is read whole and valued at its first day, as a
    :class:`~natojp.models.DateMention` of it is (:func:`parse_interval` gives
    its last day too); its second day is never read as a year:

    >>> parse_date("July 9-11, 2024"), parse_date("from May to November 1910")
    (PartialDate('2024-07-09'), PartialDate('1910-05'))

    A byline is read whole: its time stamp (``11:45 PM``, ``9:05 a.m. Tokyo``,
    ``GMT+0900 (JST)``) is left aside, never read as a year, and a ``Last
    updated:`` or ``Posted ... updated ...`` gives the first date:

    >>> parse_date("March 09, 2021 | 11:45 PM"), parse_date("Posted 12 June 2023, updated 14 June")
    (PartialDate('2021-03-09'), PartialDate('2023-06-12'))

    .. versionchanged:: 0.1
       Reads archival hedges (``c. 1995``, ``circa 1995``, ``about June 2022``) as
       approximate dates, and ``early``, ``mid`` and ``late 2023`` as the year;
       reads bylines with times, zones and "Last updated:" prefixes; reads a
       range as its first day; reads what :func:`find_dates` reads in running
       text where the words around the date do not move it to another date:

    >>> anchor = PartialDate(2021, 12, 15)
    >>> parse_date("just last week", anchor=anchor), parse_date("the treaty of 1871")
    (PartialDate('2021-W49'), PartialDate('1871'))
    """
    interval = parse_interval(text, anchor=anchor, dayfirst=dayfirst)
    # a range is valued at its first day; one open at the start, at its end
    value = interval.start or interval.end
    assert value is not None  # parse_interval never gives a range open at both ends
    return value


def _range_of(
    text: str, anchor: PartialDate | _dt.date | None, dayfirst: bool | None
) -> DateInterval | None:
    """The range that is all of ``text``, or ``None`` when it is no range."""
    cleaned = clean_expression(text).rstrip(" .,;")
    iso = _ISO_INTERVAL.match(cleaned)
    if iso is not None:
        ends = [_iso_end(iso[name], text) for name in ("a", "b")]
        if ends[0] is None and ends[1] is None:
            raise DateError(f"not a date: {text!r} (an interval open at both ends)")
        if ends[0] is not None and ends[1] is not None and ends[0].start > ends[1].end:
            raise DateError(f"not a date: {text!r} (the interval ends before it starts)")
        return DateInterval(start=ends[0], end=ends[1])
    if not _RANGE_CUE.search(cleaned) or _ISO_DATE.match(cleaned):
        return None  # "2000-01" alone is ISO's January 2000, not the years 2000-2001
    words = cleaned.split(maxsplit=1)
    opened = bool(words) and words[0].casefold() in _OPENERS
    # The whole text is the range, so a dash or "to" joins its two dates as it
    # would after "from" ("11 Jul. 2023 - 12 Jul. 2023").
    reading = cleaned if opened else "from " + cleaned
    mentions = find_dates(reading, anchor=anchor, dayfirst=dayfirst)
    if (
        len(mentions) == 2
        and reading[mentions[0].span.end : mentions[1].span.start].strip(" ,").casefold() in _LINKS
    ):
        # two dates written as a range that could not be joined: no one date is right
        raise DateError(
            f"{text!r} is a range whose ends cannot be read together"
            + ("; pass anchor= (a date) to resolve it" if anchor is None else "")
        )
    whole = _whole(reading, mentions)
    days = _DAY_RANGE.search(cleaned) if whole is None else None
    if days is not None:
        # "1-2 March" left unjoined: no one date is right, and its "1" is no year
        raise DateError(
            f"not a date: {text!r} (the days {days[0]!r} are not read as one range with a "
            "month and year; pass anchor= for a range written without a year)"
        )
    return whole.interval if whole is not None else None


# Words an expression may have around the date find_dates finds in it, which
# do not move it to another date: "just last week", "the year 1790", "Fiscal
# Year 2022", "today's"; "at the start of 2006" is read as the year.
_AROUND = frozenset(
    ("the", "a", "an", "in", "on", "at", "by", "of", "for", "during", "over", "just", "only",
     "early", "earlier", "mid", "late", "later", "start", "beginning", "end", "middle",
     "close", "year", "fiscal", "financial", "fy", "calendar", "s")
)  # fmt: skip
# Words that move a date ("two days before"), or make it a span, an anniversary or
# a count: before "of 1871", they stop it naming the year.
_NOT_AROUND = frozenset(
    ("before", "after", "prior", "following", "preceding", "since", "until", "till", "ago",
     "next", "last", "anniversary", "half", "quarter", "first", "second", "third", "fourth",
     "eve", "rest", "remainder", "day", "days", "week", "weeks", "month", "months")
)  # fmt: skip
_AROUND_WORD = re.compile(r"[^\W\d_]+|\d+")
_LETTER = re.compile(r"[^\W\d_]")


def _as_in_running_text(
    text: str, anchor: PartialDate | _dt.date | None, dayfirst: bool | None
) -> DateMention | None:
    """The one date :func:`find_dates` finds in ``text``, when the rest of it
    does not move it to another date: the words of :data:`_AROUND`, or, before
    a year, a name that the year closes ("the treaty of 1871")."""
    cleaned = clean_expression(text)
    if len(cleaned) > 200 or not _LETTER.search(cleaned):
        return None  # figures alone ("1900-01") are read as dates, not as running text
    mentions = find_dates(cleaned, anchor=anchor, dayfirst=dayfirst)
    if len(mentions) != 1:
        return None
    found = mentions[0]
    before = _AROUND_WORD.findall(cleaned[: found.span.start].casefold())
    after = _AROUND_WORD.findall(cleaned[found.span.end :].casefold())
    if all(word in _AROUND for word in before + after):
        return found
    names_year = (
        found.value is not None
        and not found.relative
        and found.value.precision == "year"
        and not after
        and before[-1:] == ["of"]
        and not any(word.isdigit() or word in _NOT_AROUND or word in MONTHS for word in before)
    )
    return found if names_year else None


def _whole(reading: str, mentions: tuple[DateMention, ...]) -> DateMention | None:
    """The one mention, a range, that ends ``reading`` (words before it, such
    as a place, are allowed, as they are before a single date)."""
    if len(mentions) != 1 or mentions[0].interval is None:
        return None
    found = mentions[0]
    return found if not reading[found.span.end :].strip(" .,;") else None


def _iso_end(written: str | None, text: str) -> PartialDate | None:
    if written is None or written == "..":
        return None
    try:
        return PartialDate(*(int(part) for part in written.split("-")))
    except (ValueError, TypeError):
        raise DateError(f"not a date: {text!r} ({written!r} is no calendar date)") from None
