"""Reading dates: one expression with :func:`parse_date`.

Dates keep the precision the text gives them: ``October 2014`` is a month, not
the first of October. Numeric dates follow the order their separator implies
(``17.09.2023`` is day first, ``06/07/2023`` month first) unless ``dayfirst`` says
otherwise.

>>> parse_date("01 FEB 2023")
PartialDate('2023-02-01')
>>> parse_date("Tuesday (31 January 2023)")
PartialDate('2023-01-31')
>>> parse_date("October 2014")
PartialDate('2014-10')
>>> parse_date("17.09.2023")
PartialDate('2023-09-17')
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

import attrs
import dateutil.parser

from natojp.errors import DateError
from natojp.models import PartialDate, Span

__all__ = ["parse_date"]

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?))?"
_ORD = r"(?:st|nd|rd|th)?"

_ABSOLUTE = re.compile(
    rf"""
    (?:(?P<wd>{_WEEKDAY}),?\s*\(?\s*)?
    (?:
        (?P<d1>\d{{1,2}}){_ORD}(?:\s+of)?[\s-]+(?P<m1>{_MONTH})[\s,-]+(?P<y1>\d{{4}})
      | (?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})
      | (?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?:[T\s](?P<itime>\d{{2}}:\d{{2}}))?
      | (?P<n1>\d{{1,2}})(?P<sep>[./-])(?P<n2>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}})
    )
    (?:\s*\))?
    {_TIME}
    (?![\w%])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_MONTH_YEAR = re.compile(rf"^(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:in\s+)?(?P<y>\d{4})$", re.IGNORECASE)


@attrs.frozen(kw_only=True)
class AbsoluteDate:
    """An absolute date found in running text: where it is, what it is, the time
    of day written beside it (``"11:36"``), and whether its day/month order was a
    guess."""

    span: Span
    value: PartialDate
    time: str | None = None
    ambiguous: bool = False


def _numeric(
    a: int, b: int, year: int, sep: str, dayfirst: bool | None
) -> tuple[PartialDate, bool]:
    ambiguous = a <= 12 and b <= 12 and a != b
    if dayfirst is None:
        # Dots and dashes are European day-first; slashes are ambiguous and read US-style.
        dayfirst = sep in ".-"
    if a > 12:
        day, month = a, b
    elif b > 12:
        month, day = a, b
    elif dayfirst:
        day, month = a, b
    else:
        month, day = a, b
    return PartialDate(year, month, day), ambiguous and sep == "/"


def iter_absolute(text: str, *, dayfirst: bool | None = None) -> Iterator[AbsoluteDate]:
    """Every complete (day, month and year) date written in ``text``.

    >>> [d.value for d in iter_absolute("Last updated: 31 Jan. 2023 11:36")]
    [PartialDate('2023-01-31')]
    """
    for match in _ABSOLUTE.finditer(text):
        try:
            if match["y1"]:
                value = PartialDate(int(match["y1"]), _month(match["m1"]), int(match["d1"]))
                ambiguous = False
            elif match["y2"]:
                value = PartialDate(int(match["y2"]), _month(match["m2"]), int(match["d2"]))
                ambiguous = False
            elif match["iy"]:
                value = PartialDate(int(match["iy"]), int(match["im"]), int(match["id"]))
                ambiguous = False
            else:
                value, ambiguous = _numeric(
                    int(match["n1"]), int(match["n2"]), int(match["ny"]), match["sep"], dayfirst
                )
        except ValueError:
            continue  # 31 February and the like: digits, not a date
        start, end = match.span()
        # A weekday prefix belongs to the date; a dangling "(" without one does not.
        if not match["wd"]:
            start = match.start("d1") if match["d1"] else start
        time = match["time"] or match["itime"]
        yield AbsoluteDate(span=Span(start, end), value=value, time=time, ambiguous=ambiguous)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def parse_date(
    text: str, *, anchor: PartialDate | _dt.date | None = None, dayfirst: bool | None = None
) -> PartialDate:
    """Parse one date expression into a :class:`~natojp.models.PartialDate`.

    ``anchor`` supplies the year for a day and month written without one
    (``June 29``). ``dayfirst`` settles numeric dates such as ``06/07/2023``;
    without it, slashes read month first and dots or dashes day first.
    Anything that is not a date raises :class:`~natojp.errors.DateError`.

    >>> parse_date("June 30, 2022")
    PartialDate('2022-06-30')
    >>> parse_date("06/07/2023"), parse_date("06/07/2023", dayfirst=True)
    (PartialDate('2023-06-07'), PartialDate('2023-07-06'))
    >>> parse_date("June 29", anchor=PartialDate(2022, 6, 30))
    PartialDate('2022-06-29')
    >>> parse_date("2027")
    PartialDate('2027')
    """
    cleaned = " ".join(text.replace("(", " ").replace(")", " ").split()).strip(" -|,")
    if not cleaned:
        raise DateError(f"not a date: {text!r}")
    found = next(iter_absolute(cleaned, dayfirst=dayfirst), None)
    if found is not None and len(cleaned[found.span.end :].strip(" -|,.")) == 0:
        return found.value
    match = _MONTH_YEAR.match(cleaned)
    if match:
        return PartialDate(int(match["y"]), _month(match["m"]))
    match = _YEAR.match(cleaned)
    if match:
        return PartialDate(int(match["y"]))
    return _parse_with_dateutil(text, cleaned, anchor=anchor, dayfirst=dayfirst)


_DEFAULT_A = _dt.datetime(2000, 1, 1)
_DEFAULT_B = _dt.datetime(2001, 2, 2)


def _parse_with_dateutil(
    original: str,
    cleaned: str,
    *,
    anchor: PartialDate | _dt.date | None,
    dayfirst: bool | None,
) -> PartialDate:
    # Parsing twice with different defaults shows which fields the text leaves out.
    if not re.search(r"[A-Za-z]{3}|\d", cleaned) or not re.search(r"\d", cleaned):
        raise DateError(f"not a date: {original!r}")
    try:
        first = dateutil.parser.parse(cleaned, default=_DEFAULT_A, dayfirst=bool(dayfirst))
        second = dateutil.parser.parse(cleaned, default=_DEFAULT_B, dayfirst=bool(dayfirst))
    except (ValueError, OverflowError, TypeError):
        raise DateError(f"not a date: {original!r}") from None
    has_year = first.year == second.year
    has_month = first.month == second.month
    has_day = first.day == second.day
    if not has_month and not has_year:
        raise DateError(f"not a date: {original!r}")
    if not has_year:
        if anchor is None:
            raise DateError(f"{original!r} has no year; pass anchor= to say which year it is in")
        year = anchor.year
    else:
        year = first.year
    if has_month and has_day:
        return PartialDate(year, first.month, first.day)
    if has_month:
        return PartialDate(year, first.month)
    return PartialDate(year)
