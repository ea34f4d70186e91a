"""Dates as written: :class:`PartialDate`, its precision, and where a date came from."""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re

import attrs

from natojp.models._base import Span, str_tuple


class DateProvenance(str, enum.Enum):
    """Where a document's date comes from.

    ``stated``: the document (or metadata the user supplied for it) says it.
    ``inferred``: natojp worked it out from other evidence, recorded beside it.
    ``unknown``: nothing says it; the date is ``None``, never a guess such as today.

    >>> import natojp
    >>> natojp.load_corpus()["tokyo-visit-news-article"].date_provenance
    <DateProvenance.INFERRED: 'inferred'>
    """

    STATED = "stated"
    INFERRED = "inferred"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


class DatePrecision(str, enum.Enum):
    """How much of a :class:`PartialDate` is known.

    >>> PartialDate(2022, 6).precision, PartialDate(2022, season=Season.SUMMER).precision
    (<DatePrecision.MONTH: 'month'>, <DatePrecision.SEASON: 'season'>)
    """

    DAY = "day"
    #: An ISO week (``2024-W23``): "last week", "next week".
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    #: A century written as EDTF does (``19XX``: 1900 to 1999).
    CENTURY = "century"

    def __str__(self) -> str:
        return self.value


class Season(str, enum.Enum):
    """A season of a year (northern-hemisphere meteorological seasons).

    >>> summer = PartialDate(2022, season=Season.SUMMER)
    >>> summer.isoformat(), summer.start, summer.end
    ('2022-22', datetime.date(2022, 6, 1), datetime.date(2022, 8, 31))
    """

    SPRING = "spring"
    SUMMER = "summer"
    AUTUMN = "autumn"
    WINTER = "winter"

    def __str__(self) -> str:
        return self.value


# EDTF (ISO 8601-2) codes for seasons, and the months each covers; winter runs
# from December into the next year's February.
_SEASON_CODE = {
    Season.SPRING: 21,
    Season.SUMMER: 22,
    Season.AUTUMN: 23,
    Season.WINTER: 24,
}
_CODE_SEASON = {code: season for season, code in _SEASON_CODE.items()}
_SEASON_MONTHS = {
    Season.SPRING: (3, 5),
    Season.SUMMER: (6, 8),
    Season.AUTUMN: (9, 11),
    Season.WINTER: (12, 14),
}

_EDTF = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<approx>~)?$"
    r"|^(?P<decade>\d{3})X(?P<dapprox>~)?$"
    r"|^(?P<century>\d{2})XX(?P<capprox>~)?$"
    r"|^(?P<wyear>\d{4})-W(?P<week>\d{2})(?P<wapprox>~)?$"
)


def _check_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if not 1 <= value <= 12:
        raise ValueError(f"month must be 1..12, not {value}")
    if instance.season is not None:
        raise ValueError("a date has either a month or a season, not both")


def _check_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if instance.month is None:
        raise ValueError("a day needs a month")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise ValueError(
            f"day must be 1..{last} in {instance.year}-{instance.month:02d}, not {value}"
        )


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 9999:
        raise ValueError(f"year must be 1..9999, not {value}")


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the day, week, month, season, year, decade or century.

    A document dated "June 2022" is not June 1st: it stays a month, and compares
    by its interval (:attr:`start` .. :attr:`end`). Construct it positionally like
    :class:`datetime.date`; leave out what is not known.

    >>> PartialDate(2022, 6)
    PartialDate('2022-06')
    >>> PartialDate(2022, 6).precision
    <DatePrecision.MONTH: 'month'>
    >>> PartialDate(2022, season=Season.SUMMER).start
    datetime.date(2022, 6, 1)
    >>> PartialDate(2020, decade=True).isoformat(), PartialDate(1900, century=True).isoformat()
    ('202X', '19XX')
    >>> PartialDate.fromisoformat("2023-02-01~")
    PartialDate('2023-02-01~')

    The string form is EDTF (ISO 8601-2): ``2023-02-01``, ``2023-02``, ``2022-22``
    (summer 2022), ``2023``, ``202X`` (the 2020s), ``19XX`` (1900 to 1999, the
    twentieth century as EDTF counts it); a trailing ``~`` marks an approximate
    date.
    """

    #: The year, 1 to 9999 (for a decade or century, its first year: ``2020``
    #: for the 2020s, ``1900`` for ``19XX``).
    year: int = attrs.field(validator=_check_year)
    #: The season, for a date known to the season (then ``month`` is ``None``).
    season: Season | None = attrs.field(default=None, kw_only=True)
    #: The month, 1 to 12, or ``None`` when it is not known.
    month: int | None = attrs.field(default=None, validator=_check_month)
    #: The day of the month, or ``None`` when it is not known (a day needs a month).
    day: int | None = attrs.field(default=None, validator=_check_day)
    #: Whether the date is a whole decade (``202X``), the one ``year`` starts.
    decade: bool = attrs.field(default=False, kw_only=True)
    #: Whether the date is a whole century (``19XX``), the one ``year`` starts.
    century: bool = attrs.field(default=False, kw_only=True)
    #: The ISO week (1 to 53) of ISO year ``year``, for a date known to the week
    #: (then ``month``, ``day`` and ``season`` are ``None``).
    week: int | None = attrs.field(default=None, kw_only=True)
    #: Whether the date is approximate (``c. 1995``), EDTF's trailing ``~``.
    approximate: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.decade and (self.month is not None or self.season is not None or self.year % 10):
            raise ValueError("a decade is a year ending in 0 with no month or season")
        if self.century and (
            self.month is not None or self.season is not None or self.decade or self.year % 100
        ):
            raise ValueError("a century is a year ending in 00 with no month, season or decade")
        if self.week is not None:
            if self.month is not None or self.season is not None or self.decade or self.century:
                raise ValueError(
                    "a week is an ISO year and week, with no month, season, decade or century"
                )
            if not 1 <= self.week <= _dt.date(self.year, 12, 28).isocalendar()[1]:
                raise ValueError(f"{self.year} has no ISO week {self.week}")

    @property
    def precision(self) -> DatePrecision:
        """How much of the date is known."""
        if self.day is not None:
            return DatePrecision.DAY
        if self.week is not None:
            return DatePrecision.WEEK
        if self.month is not None:
            return DatePrecision.MONTH
        if self.season is not None:
            return DatePrecision.SEASON
        if self.decade:
            return DatePrecision.DECADE
        if self.century:
            return DatePrecision.CENTURY
        return DatePrecision.YEAR

    @property
    def start(self) -> _dt.date:
        """The first day the date could be."""
        if self.week is not None:
            return _dt.date.fromisocalendar(self.year, self.week, 1)
        if self.month is not None:
            return _dt.date(self.year, self.month, self.day or 1)
        if self.season is not None:
            return _dt.date(self.year, _SEASON_MONTHS[self.season][0], 1)
        return _dt.date(self.year, 1, 1)

    @property
    def end(self) -> _dt.date:
        """The last day the date could be (inclusive). An interval that runs
        past the last day :class:`datetime.date` holds (winter 9999, which
        ends in February 10000) ends on that day, 9999-12-31, as the decade
        ``999X`` does.

        >>> PartialDate(2022, season=Season.WINTER).end
        datetime.date(2023, 2, 28)
        >>> PartialDate.fromisoformat("9999-24").end
        datetime.date(9999, 12, 31)
        """
        if self.day is not None:
            return self.start
        if self.week is not None:
            if (self.year, self.week) == (9999, 52):
                return _dt.date.max  # ISO week 9999-W52 ends on 9999-12-31 already
            return _dt.date.fromisocalendar(self.year, self.week, 7)
        if self.month is not None:
            return _dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if self.season is not None:
            last = _SEASON_MONTHS[self.season][1]
            year, month = self.year + (last - 1) // 12, (last - 1) % 12 + 1
            if year > _dt.MAXYEAR:
                return _dt.date.max
            return _dt.date(year, month, calendar.monthrange(year, month)[1])
        if self.decade:
            return _dt.date(min(self.year + 9, 9999), 12, 31)
        if self.century:
            return _dt.date(min(self.year + 99, 9999), 12, 31)
        return _dt.date(self.year, 12, 31)

    def contains(self, day: _dt.date) -> bool:
        """Whether ``day`` falls inside this date's interval.

        >>> import datetime
        >>> PartialDate(2022, 6).contains(datetime.date(2022, 6, 29))
        True
        """
        return self.start <= day <= self.end

    @property
    def sort_key(self) -> tuple[_dt.date, _dt.date]:
        """A key that sorts dates by interval start, then by interval end."""
        return (self.start, self.end)

    def to_date(self) -> _dt.date:
        """The :class:`datetime.date`, for a date known to the day.

        >>> PartialDate(2023, 1, 31).to_date()
        datetime.date(2023, 1, 31)
        """
        if self.day is None:
            raise ValueError(f"{self.isoformat()} is not known to the day")
        return self.start

    @classmethod
    def from_date(cls, day: _dt.date, *, approximate: bool = False) -> PartialDate:
        """The partial date of a :class:`datetime.date` (day precision).

        >>> import datetime
        >>> PartialDate.from_date(datetime.date(2023, 2, 1))
        PartialDate('2023-02-01')
        """
        return cls(day.year, day.month, day.day, approximate=approximate)

    def isoformat(self) -> str:
        """The EDTF string: ``2023-02-01``, ``2023-02``, ``2022-22``, ``2023``, ``202X``,
        ``19XX``; a week in ISO 8601's form, ``2024-W23``.

        >>> PartialDate(2023, 2).isoformat(), PartialDate(2019, approximate=True).isoformat()
        ('2023-02', '2019~')
        >>> PartialDate(2024, week=23).isoformat(), PartialDate(2024, week=23).start
        ('2024-W23', datetime.date(2024, 6, 3))

        .. versionchanged:: 0.1
           Weeks (:attr:`week`) and centuries (:attr:`century`).
        """
        if self.week is not None:
            text = f"{self.year:04d}-W{self.week:02d}"
        elif self.decade:
            text = f"{self.year // 10:03d}X"
        elif self.century:
            text = f"{self.year // 100:02d}XX"
        elif self.season is not None:
            text = f"{self.year:04d}-{_SEASON_CODE[self.season]}"
        else:
            text = f"{self.year:04d}"
            if self.month is not None:
                text += f"-{self.month:02d}"
                if self.day is not None:
                    text += f"-{self.day:02d}"
        return text + ("~" if self.approximate else "")

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Parse the EDTF string :meth:`isoformat` writes.

        >>> PartialDate.fromisoformat("2022-22").season
        <Season.SUMMER: 'summer'>
        """
        match = _EDTF.match(text.strip())
        if not match:
            raise ValueError(f"not an EDTF date: {text!r}")
        if match["week"] is not None:
            return cls(
                int(match["wyear"]), week=int(match["week"]), approximate=bool(match["wapprox"])
            )
        if match["century"] is not None:
            if match["century"] == "00":
                raise ValueError(f"not an EDTF date: {text!r} (there is no year 0)")
            return cls(
                int(match["century"]) * 100, century=True, approximate=bool(match["capprox"])
            )
        if match["decade"] is not None:
            return cls(
                int(match["decade"]) * 10,
                decade=True,
                approximate=bool(match["dapprox"]),
            )
        year, approximate = int(match["year"]), bool(match["approx"])
        month = int(match["month"]) if match["month"] else None
        if month is not None and month > 12:
            if month not in _CODE_SEASON:
                raise ValueError(f"not an EDTF date: {text!r}")
            return cls(year, season=_CODE_SEASON[month], approximate=approximate)
        day = int(match["day"]) if match["day"] else None
        return cls(year, month, day, approximate=approximate)

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"


@attrs.frozen(kw_only=True)
class DateEvidence:
    """Why an inferred date was inferred: the other document that supports it and
    the phrases that matched.

    >>> import natojp
    >>> evidence = natojp.load_corpus()["tokyo-visit-news-article"].date_evidence
    >>> [e.phrases[:2] for e in evidence if e.document_id.endswith("news-release")]
    [('Tuesday', 'Tuesday (31 January 2023)'), ('later on Tuesday', 'Tuesday (31 January 2023)')]
    """

    #: The id of the dated document that supports the inferred date.
    document_id: str
    #: The date phrase in this document, the one in the other document that
    #: dates it, then the names both share.
    phrases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    #: The reasoning in one sentence, for people to read.
    note: str = ""


@attrs.frozen(kw_only=True)
class DateInterval:
    """The span of time a range names, from ``start`` to ``end`` (both
    inclusive, each a :class:`PartialDate`); ``None`` leaves that end open
    ("until May 19": no start).

    >>> interval = DateInterval(start=PartialDate(2024, 7, 9), end=PartialDate(2024, 7, 11))
    >>> interval.first_day, interval.last_day, str(interval)
    (datetime.date(2024, 7, 9), datetime.date(2024, 7, 11), '2024-07-09..2024-07-11')

    .. versionadded:: 0.1
    """

    #: The first day, month or year of the range; ``None`` when it is open.
    start: PartialDate | None = None
    #: The last day, month or year of the range (inclusive); ``None`` when open.
    end: PartialDate | None = None

    @property
    def first_day(self) -> _dt.date:
        """The range's first day (``date.min`` for an open start)."""
        return self.start.start if self.start is not None else _dt.date.min

    @property
    def last_day(self) -> _dt.date:
        """The range's last day (``date.max`` for an open end)."""
        return self.end.end if self.end is not None else _dt.date.max

    def __str__(self) -> str:
        start = self.start.isoformat() if self.start is not None else ""
        end = self.end.isoformat() if self.end is not None else ""
        return f"{start}..{end}"


@attrs.frozen(kw_only=True)
class DateMention:
    """A date expression found in a document's text.

    ``value`` is ``None`` when the expression could not be resolved (a relative
    date with no anchor). ``anchor`` is the date a relative expression was
    resolved against; ``ambiguous`` marks a day/month order that the text does not
    settle.

    >>> import natojp
    >>> speech = natojp.load_corpus()["2023-02-01-keio-speech"]
    >>> m = next(m for m in speech.dates if m.relative)
    >>> m.span.of(speech.text), m.value, m.anchor, m.ambiguous
    ('today', PartialDate('2023-02-01'), PartialDate('2023-02-01'), False)
    """

    #: Where the date expression is in :attr:`Document.text`.
    span: Span
    #: The date it means, or ``None`` when it could not be resolved.
    value: PartialDate | None
    #: Whether the expression is relative (``yesterday``, ``last June``).
    relative: bool = False
    #: The date a relative expression was resolved against (``None`` for an absolute one).
    anchor: PartialDate | None = None
    #: Whether the text leaves the day/month order open (``06/07/2023``).
    ambiguous: bool = False
    #: The span of time a range names ("9–11 July 2024", "from 1995 to 2003",
    #: "until May 19"); ``value`` is then its first day, or for a range open at
    #: the start ("until May 19") the date it names. ``None`` for a single date.
    interval: DateInterval | None = None
    #: The moment a time stamp names ("2:43 P.M. EDT" on the text's day, "March
    #: 09, 2021 | 11:45 PM"): aware where its zone gives the UTC offset, naive
    #: where it does not; ``None`` for a date with no time.
    timestamp: _dt.datetime | None = None
