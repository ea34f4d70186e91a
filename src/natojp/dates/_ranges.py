"""Ranges of dates: "9–11 July 2024", "October 3-4", "2024-2025", "1891-92",
"from 1995 to 2003", "between 2019 and 2022", "from May to November, 1910",
"until May 19th", "through August".

The scanner finds single dates; this pass joins them into one mention with a
:class:`~natojp.models.DateInterval`, so that the second day of "October 3-4"
or the "92" of "1891-92" is never read as a date of its own.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

import attrs

from natojp.dates._parse import MONTH_CAPITALISED, MONTHS, find_single_dates, fold
from natojp.models import DateInterval, DateMention, PartialDate, Span

__all__ = [
    "DIGIT_DASH_DIGIT",
    "OPEN_AFTER",
    "OPEN_BEFORE",
    "RANGE_LINKS",
    "join_ranges",
    "open_ranges",
]

_DASH = r"\s?[-–—]\s?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# "October 3-4", "July 3–5, 2024"
_MONTH_DAYS = re.compile(
    rf"(?P<m>{MONTH_CAPITALISED})\s(?P<d1>\d{{1,2}}){_ORDINAL}{_DASH}(?P<d2>\d{{1,2}}){_ORDINAL}"
    rf"(?!\d|[-–—/:])(?:,?\s(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?"
)
# "13-14 April", "9–11 July 2024"
_DAYS_MONTH = re.compile(
    rf"(?<![\d/.:-])(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})\s(?P<m>{MONTH_CAPITALISED})"
    rf"(?:,?\s(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?"
)
# "2024-2025", "2009 – 2014", "1891-92"
_YEARS = re.compile(
    r"(?<![\w$€£¥#.,/:-])(?P<y1>(?:1[6-9]|20)\d\d)\s?[-–—]\s?(?P<y2>(?:1[6-9]|20)\d\d|\d\d)"
    r"(?![\w%°-]|[.,/:]\d)"
)
# Every compact range has a digit, a dash and a digit: looked for first, so the
# patterns above run only on the few stretches of text around one.
DIGIT_DASH_DIGIT = re.compile(r"\d\s?[-–—]\s?\d")
# A month's name anywhere in a date ("7 December", "the 7th of December"),
# which "now" or "today" has not.
_MONTH_NAME = re.compile(MONTH_CAPITALISED)
# A month and perhaps a day, written alone: "May", "May 5th".
_MONTH_DAY = re.compile(rf"^(?P<m>{MONTH_CAPITALISED})(?:\s(?P<d>\d{{1,2}}){_ORDINAL})?$")
# What joins the two ends of a range written out: "from X to Y", "X through Y".
RANGE_LINKS = frozenset(["to", "until", "till", "through", "thru", "-", "–", "—"])
OPEN_BEFORE = ("until", "till", "through", "thru")
OPEN_AFTER = ("since", "starting", "beginning")


def join_ranges(
    text: str, mentions: tuple[DateMention, ...], anchor: PartialDate | None
) -> tuple[DateMention, ...]:
    """``mentions`` with each range they make joined into one mention carrying
    its :class:`~natojp.models.DateInterval`."""
    if not mentions and "-" not in text and "–" not in text:
        return mentions
    joined = _compact_ranges(text, list(mentions), anchor)
    joined = [m for m in _written_ranges(text, joined) if not _lone_now(text, m)]
    joined = _second_days(text, _days_before_month(text, joined))
    return tuple(_parts_of_years(text, _weeks_of(text, open_ranges(text, joined))))


def _lone_now(text: str, mention: DateMention) -> bool:
    """ "Now" is found only to start a range ("between now and 2030"); one
    that starts none ("between now and then") is no date."""
    return mention.interval is None and mention.span.of(text).lower() == "now"


def _compact_ranges(
    text: str, mentions: list[DateMention], anchor: PartialDate | None
) -> list[DateMention]:
    """Ranges written in one expression with a dash."""
    if "-" not in text and "–" not in text and "—" not in text:
        return mentions
    found: list[tuple[int, int, PartialDate, PartialDate]] = []
    windows = _windows(text)
    if not windows:
        return mentions
    for match in _matches(_YEARS, text, windows):
        y1 = int(match["y1"])
        y2 = int(match["y2"]) if len(match["y2"]) == 4 else y1 - y1 % 100 + int(match["y2"])
        if y1 < y2 <= y1 + 100:
            found.append((match.start(), match.end(), PartialDate(y1), PartialDate(y2)))
    for pattern in (_MONTH_DAYS, _DAYS_MONTH):
        for match in _matches(pattern, text, windows):
            month = MONTHS[fold(match["m"]).rstrip(".")]
            d1, d2 = int(match["d1"]), int(match["d2"])
            year = int(match["y"]) if match["y"] else _year_found(mentions, match, month)
            if year is None:
                year = _year_of(match["m"], int(match["d1"]), anchor)
            if year is None or not 1 <= d1 < d2 <= calendar.monthrange(year, month)[1]:
                continue
            first, last = PartialDate(year, month, d1), PartialDate(year, month, d2)
            found.append((match.start(), match.end(), first, last))
    if not found:
        return mentions
    kept = [
        m for m in mentions if not any(s < m.span.end and m.span.start < e for s, e, *_ in found)
    ]
    for start, end, first, last in found:
        # what the scanner read inside the range (its relative reading and anchor)
        inside = [m for m in mentions if start <= m.span.start and m.span.end <= end]
        relative = any(m.relative for m in inside)
        anchor = next((m.anchor for m in inside if m.anchor is not None), None)
        kept.append(
            DateMention(
                span=Span(start, end),
                value=first,
                relative=relative,
                anchor=anchor if relative else None,
                interval=DateInterval(start=first, end=last),
            )
        )
    return sorted(kept, key=lambda m: m.span.start)


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around each digit-dash-digit, merged."""
    windows: list[tuple[int, int]] = []
    for hit in DIGIT_DASH_DIGIT.finditer(text):
        lo, hi = max(0, hit.start() - 16), hit.end() + 24
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _matches(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """``pattern``'s matches inside the windows (its lookbehinds still see the
    text before a window)."""
    return [match for lo, hi in windows for match in pattern.finditer(text, lo, hi)]


def _year_found(mentions: list[DateMention], match: re.Match[str], month: int) -> int | None:
    """The year the scanner gave a date inside ``match`` ("October 3" of
    "October 3-4", resolved against the text's date)."""
    for mention in mentions:
        value = mention.value
        if (
            value is not None
            and match.start() <= mention.span.start < match.end()
            and value.month == month
        ):
            return value.year
    return None


def _year_of(month: str, day: int, anchor: PartialDate | None) -> int | None:
    """The year "October 3" has in a text written on ``anchor`` (the nearest)."""
    if anchor is None:
        return None
    found = find_single_dates(f"{month} {day}", anchor=anchor)
    value = found[0].value if found else None
    return value.year if value is not None else None


def _written_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Ranges written as two dates and a word between: "from 1995 to 2003",
    "between 2019 and 2022", "from May to November, 1910"."""
    joined: list[DateMention] = []
    i = 0
    while i < len(mentions):
        first = mentions[i]
        second = mentions[i + 1] if i + 1 < len(mentions) else None
        if second is not None and first.interval is None and second.interval is None:
            merged = _join(text, first, second)
            if merged is not None:
                joined.append(merged)
                i += 2
                continue
        joined.append(first)
        i += 1
    return joined


def _join(text: str, first: DateMention, second: DateMention) -> DateMention | None:
    if first.value is None and second.value is not None:
        # "May 5 - June 2, 2021" with no anchor: the year written once is both ends'
        value = _month_day_in(text[first.span.start : first.span.end], second.value)
        if value is not None:
            first = attrs.evolve(first, value=value, relative=False, anchor=None)
    if first.value is None or second.value is None:
        return None
    link = text[first.span.end : second.span.start].strip(" ,\n\t").casefold().removesuffix(" the")
    before = text[max(0, first.span.start - 13) : first.span.start].casefold().split()
    if before and before[-1] == "the":
        before.pop()  # "from the first of January to ..."
    opener = before[-1] if before else ""
    if not (link in RANGE_LINKS or (link == "and" and opener == "between")):
        return None
    if (
        link in ("-", "–", "—", "to")
        and opener not in ("from", "between")
        and not (first.value.precision == second.value.precision == "year")
    ):
        return None  # "May 5 - the day ..." is no range; "2003 to 2005" is
    start, end = first.value, second.value
    if (
        _no_year_written(text, first)
        and start.year != end.year
        and start.month is not None
        and _MONTH_NAME.search(text, first.span.start, first.span.end) is not None
    ):
        # "from May to November, 1910": the year written once is both ends'
        year = (
            end.year
            if (start.month, start.day or 1) <= (end.month or 12, end.day or 31)
            else end.year - 1
        )
        if year < 1:
            return None
        start = PartialDate(year, start.month, start.day)
    if (
        start.start > end.end
        and first.relative
        and second.relative
        and start.month is not None
        and start.year > 1
    ):
        # "from the first of January to the 30th of September", neither with a
        # year: both in the year that ends on the second, not across New Year
        try:
            start = PartialDate(start.year - 1, start.month, start.day)
        except ValueError:  # 29 February, a year before: no such day
            return None
    if start.start > end.end:
        return None
    return DateMention(
        span=Span(first.span.start, second.span.end),
        value=start,
        relative=first.relative and second.relative,
        anchor=first.anchor if first.relative and second.relative else None,
        ambiguous=first.ambiguous or second.ambiguous,
        interval=DateInterval(start=start, end=end),
    )


def _month_day_in(written: str, later: PartialDate) -> PartialDate | None:
    """A month, or a month and day, written with no year ("May", "May 5"), as
    the last such before or on ``later``."""
    match = _MONTH_DAY.match(written)
    if match is None:
        return None
    month = MONTHS[fold(match["m"]).rstrip(".")]
    day = int(match["d"]) if match["d"] else None
    for year in (later.year, later.year - 1):
        if year < 1 or (day is not None and day > calendar.monthrange(year, month)[1]):
            return None
        value = PartialDate(year, month, day)
        if value.start <= later.end:
            return value
    return None


def _no_year_written(text: str, mention: DateMention) -> bool:
    return re.search(r"\d{4}", text[mention.span.start : mention.span.end]) is None


# "between the 11th and 12th of August", "from the 1st to the 5th of May": a
# first day written before a date that gives the month to both.
_DAY_BEFORE_DATE = re.compile(
    r"\b(?P<opener>[Bb]etween|[Ff]rom)\s{1,3}(?:the\s{1,3})?(?P<day>\d{1,2})(?:st|nd|rd|th|d)?"
    r"\s{1,3}(?P<link>and|to|till|until|through|[-–—])\s{1,3}(?:the\s{1,3})?$"
)


def _widened(
    mention: DateMention, start: int, first: PartialDate, last: PartialDate
) -> DateMention:
    """``mention`` as the range ``first``..``last``, its span begun earlier at
    ``start`` (on the words that make it a range: "between the 11th and")."""
    return attrs.evolve(
        mention,
        span=Span(start, mention.span.end),
        value=first,
        interval=DateInterval(start=first, end=last),
    )


def _days_before_month(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Each day with its month after a first day and "and" or "to" as the range
    from that first day."""
    ranged = []
    for mention in mentions:
        value = mention.value
        if value is not None and value.day is not None and mention.interval is None:
            before = _DAY_BEFORE_DATE.search(
                text, max(0, mention.span.start - 36), mention.span.start
            )
            joins = before is not None and (before["opener"].lower() == "between") == (
                before["link"] == "and"
            )
            if before is not None and joins and 1 <= int(before["day"]) < value.day:
                first = PartialDate(value.year, value.month, int(before["day"]))
                mention = _widened(mention, before.start(), first, value)
        ranged.append(mention)
    return ranged


# A second day after a month and day: "May 12 and 13", "June 3 to 5, 2022".
_SECOND_DAY_AFTER = re.compile(
    r"\s{1,3}(?P<link>and|to|through|thru|&)\s{1,3}(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"(?![\w%:/-]|[.,]\d|\s{1,3}[a-z]+s\b)(?:,?\s{1,3}(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?"
)
_ENDS_ON_DAY = re.compile(rf"{MONTH_CAPITALISED}\s{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?$")


def _second_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Each month and day followed by "to" and a later day of that month as the
    range to it; after "and" only the next day ("on May 12 and 13"), since "and"
    may go on to a number of something else."""
    ranged = []
    for mention in mentions:
        value = mention.value
        if (
            value is not None
            and value.month is not None
            and value.day is not None
            and mention.interval is None
        ):
            after = _SECOND_DAY_AFTER.match(text, mention.span.end)
            words = mention.span.of(text)
            if after is not None and _ENDS_ON_DAY.search(words):
                last_day = int(after["day"])
                close = after["link"] not in ("and", "&") or last_day == value.day + 1
                year = int(after["year"]) if after["year"] else value.year
                if close and value.day < last_day <= calendar.monthrange(year, value.month)[1]:
                    first = PartialDate(year, value.month, value.day)
                    last = PartialDate(year, value.month, last_day)
                    mention = attrs.evolve(
                        mention,
                        span=Span(mention.span.start, after.end()),
                        value=first,
                        interval=DateInterval(start=first, end=last),
                    )
        ranged.append(mention)
    return ranged


# "the week of 2/14", "during the week of March 3": the ISO week of that day.
_WEEK_OF = re.compile(r"\b(?:[Tt]he\s{1,3})?[Ww]eek\s{1,3}of\s{1,3}$")


def _weeks_of(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Each day after "the week of" as the ISO week it falls in."""
    weeks = []
    for mention in mentions:
        value = mention.value
        if value is not None and value.day is not None and mention.interval is None:
            before = _WEEK_OF.search(text, max(0, mention.span.start - 16), mention.span.start)
            if before is not None:
                year, week, _ = value.to_date().isocalendar()
                mention = attrs.evolve(
                    mention,
                    span=Span(before.start(), mention.span.end),
                    value=PartialDate(year, week=week, approximate=value.approximate),
                )
        weeks.append(mention)
    return weeks


# "the first half of 1970", "the last quarter of this year": the months of that
# part of the year.
_PART_OF_YEAR = re.compile(
    r"\b(?:[Tt]he\s{1,3})?(?P<which>(?i:first|second|third|fourth|latter|last))\s{1,3}"
    r"(?:(?P<count>(?i:two|three))\s{1,3})?(?P<part>(?i:half|quarters?))\s{1,3}of\s{1,3}$"
)
_PART_COUNT = {"two": 2, "three": 3}
_PART_ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _parts_of_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Each year after "the first half of", "the third quarter of" as the
    range of months that part covers."""
    parts = []
    for mention in mentions:
        value = mention.value
        if value is not None and value.precision == "year" and mention.interval is None:
            before = _PART_OF_YEAR.search(text, max(0, mention.span.start - 28), mention.span.start)
            if before is not None:
                months = 6 if before["part"].lower() == "half" else 3
                which = fold(before["which"])
                # "the first two quarters", "the last three quarters": several parts
                count = _PART_COUNT.get(fold(before["count"] or ""), 1)
                if which in ("latter", "last"):
                    index = 12 // months - count + 1
                else:
                    index = _PART_ORDER[which]
                if count > 1 and which not in ("first", "last"):
                    index = 0  # "the second two quarters": no such part
                if index >= 1 and (index + count - 1) * months <= 12:
                    first = PartialDate(value.year, (index - 1) * months + 1)
                    last = PartialDate(value.year, (index + count - 1) * months)
                    mention = _widened(mention, before.start(), first, last)
        parts.append(mention)
    return parts


_OPENERS = frozenset((*OPEN_BEFORE, *OPEN_AFTER))
_SKIPPED_BEFORE = ("in", "on", "the", "early", "late", "mid")
# "Since" opening a clause that ends on the date: "Since President Biden signed
# the law more than two months ago", "since the battlefields were transferred to
# the Park Service in the 1930s"; not across a clause break.
_SINCE_CLAUSE = re.compile(
    r"(?<!\blong\s)(?<!\bever\s)\b[Ss]ince\s(?!then\b|that\b)"
    r"(?:[^.,;:!?()\[\]\n\d—–]|\n(?![ \t]*\n)){8,100}$"
)
# A clause in the present or the future gives a reason, not a time: "Since the
# treaty expires in 2026", "Since the election is on November 5".
_REASON_CLAUSE = re.compile(
    r"\b(?:is|are|am|will|shall|can|must|may|might|would|should|does|do|expires?|takes?|begins?"
    r"|starts?|ends?|comes?|goes?|falls?|runs?|remains?|stands?|means?)\b|['’](?:s|re|ll)\b",
    re.IGNORECASE,
)
_CLAUSE_ENDS_AFTER = re.compile(r"\s{0,2}(?:[,.;:!?)—–]|$)")
# A time of day between "until" or "since" and the date it is on.
_CLOCK_BEFORE = re.compile(
    r"(?<![\w:.])(?:\d{1,2}(?::\d\d)?\s?[AaPp]\.?\s?[Mm]\.?|(?i:noon|midnight))(?:,?\s{1,3}(?i:on))?[\s,]{1,3}$"
)


def open_ranges(text: str, mentions: Iterable[DateMention]) -> list[DateMention]:
    """A date after "until" or "through" ends a range open at the start; one
    after "since", "starting" or "beginning" starts a range open at the end; so
    does one that ends a clause "since" opens ("since the Park Service took the
    battlefields over in the 1930s")."""
    opened: list[DateMention] = []
    for mention in mentions:
        if mention.interval is None and mention.value is not None:
            cut = mention.span.start
            clock = _CLOCK_BEFORE.search(text, max(0, cut - 30), cut)
            if clock is not None:  # "until 8:00 p.m. tonight", "since 2:00 a.m. on February 4th"
                cut = clock.start()
            before = text[max(0, cut - 16) : cut].casefold().split()
            if len(before) > 1 and before[-1] in _SKIPPED_BEFORE:
                before = before[:-1]  # "starting in 2026", "since the 7th", "through early"
            clause = None
            if not before or before[-1] not in _OPENERS:
                if text.find("ince", max(0, cut - 110), cut) != -1:
                    clause = _SINCE_CLAUSE.search(text, max(0, cut - 110), cut)
                after_last = opened[-1].span.end if opened else 0
                if clause is not None and (
                    clause.start() < after_last  # a date in the clause before: that one's
                    or not _CLAUSE_ENDS_AFTER.match(text, mention.span.end)
                    or _REASON_CLAUSE.search(clause[0])
                ):
                    clause = None  # or the date does not close the clause ("today or ...")
            if before and before[-1] in OPEN_BEFORE:
                mention = attrs.evolve(mention, interval=DateInterval(end=mention.value))
            elif before and before[-1] in OPEN_AFTER:
                mention = attrs.evolve(mention, interval=DateInterval(start=mention.value))
            elif clause is not None:
                mention = attrs.evolve(
                    mention,
                    span=Span(clause.start(), mention.span.end),
                    interval=DateInterval(start=mention.value),
                )
        opened.append(mention)
    return opened
