"""Time stamps: "2:43 P.M. EDT", "10:02 am CET", "@ 7:40 pm BST", "08:15 JST",
"March 09, 2021 | 11:45 PM", "9:05 a.m. GMT+0900".

A time stamp is a moment of a day: the day a date just before it on the same
line names, else the day the text was written (its anchor). Its zone, where
natojp knows the abbreviation, gives the UTC offset; an abbreviation several
zones share (IST: India, Ireland, Israel) is read by the place the text names
before it, and left without an offset when none decides. A time is never read
as a year.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
import zoneinfo

import attrs

from natojp.models import DateMention, PartialDate, Span

__all__ = ["add_timestamps", "without_times"]

_TIME = re.compile(
    r"(?<![\w:.,/])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
    r"(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\.?)(?![A-Za-z]))?"
    r"(?:\s?(?P<zone>[A-Z]{2,5})(?:\s?(?P<sign>[+-])(?P<oh>\d{1,2}):?(?P<om>\d\d)?)?(?![A-Za-z]))?"
)

# Every time stamp has a digit, a colon and two digits: looked for first, so the
# pattern above runs only around one.
_CLOCK = re.compile(r"\d:\d\d")


def _times(text: str) -> list[re.Match[str]]:
    """The time stamps' matches, found around each digit-colon-digits."""
    found: list[re.Match[str]] = []
    for hit in _CLOCK.finditer(text):
        if found and hit.start() < found[-1].end():
            continue
        match = _TIME.search(text, max(0, hit.start() - 1), hit.end() + 24)
        if (
            match is not None
            and match.start() <= hit.start()
            and (not found or match.start() >= found[-1].end())
        ):
            found.append(match)
    return found


# Zones by abbreviation: hours from UTC.
_ZONES: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "IDT": 3, "EAT": 3, "CAT": 2, "WAT": 1, "SAST": 2,
    "GST": 4, "PKT": 5, "ICT": 7, "WIB": 7, "WITA": 8, "PHT": 8, "HKT": 8, "SGT": 8,
    "AWST": 8, "JST": 9, "KST": 9, "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12,
    "NZDT": 13, "HST": -10, "AKST": -9, "AKDT": -8, "PST": -8, "PDT": -7, "MST": -7,
    "MDT": -6, "CDT": -5, "EST": -5, "EDT": -4, "AST": -4, "ADT": -3, "BRT": -3,
    "ART": -3, "PET": -5, "COT": -5,
}  # fmt: skip
# Abbreviations several zones share: (hours, places that name that zone); the
# first entry with no places is the reading when no place decides.
_SHARED: dict[str, tuple[tuple[float, tuple[str, ...]], ...]] = {
    "IST": ((5.5, ("India", "Delhi", "Mumbai")), (1, ("Ireland", "Dublin")),
            (2, ("Israel", "Jerusalem", "Tel Aviv"))),
    "CST": ((8, ("China", "Beijing", "Shanghai", "Taipei", "Taiwan")), (-6, ())),
    "AMT": ((-4, ("Brazil", "Manaus", "Amazon")), (4, ("Armenia", "Yerevan"))),
    "SST": ((8, ("Singapore",)), (-11, ("Samoa", "Pago Pago"))),
}  # fmt: skip
# Zones named without saying standard or daylight time: the offset is the one
# the place kept on the day.
_GENERIC = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}  # fmt: skip
# How far before a time stamp a place or a date of its own may be.
_LOOK_BACK = 400


def add_timestamps(
    text: str, mentions: tuple[DateMention, ...], anchor: PartialDate | None
) -> tuple[DateMention, ...]:
    """``mentions`` with each time stamp in ``text`` as a mention carrying its
    ``timestamp``: joined to a date just before it on its line ("March 09, 2021
    | 11:45 PM"), else a mention of its own on the anchor's day."""
    if ":" not in text:
        return mentions
    result = list(mentions)
    starts = [mention.span.start for mention in mentions]  # in text order
    for match in _times(text):
        if match["ampm"] is None and not _zone_known(match["zone"]):
            continue  # "3:16", "10:30" alone: a ratio, a verse, a score
        # the given mentions do not overlap one another, so only the last two
        # starting before the time's end can overlap it (the times added so far
        # lie before it)
        index = bisect.bisect_left(starts, match.end())
        overlapping = [
            m
            for m in result[max(0, index - 2) : index]
            if m.span.start < match.end() and match.start() < m.span.end
        ]
        if overlapping and not (
            len(overlapping) == 1
            and overlapping[0].span.start < match.start()
            and overlapping[0].timestamp is None
            and overlapping[0].value is not None
            and overlapping[0].value.day is not None
        ):
            continue  # the time is inside another expression, not a dated one's end
        hour = int(match["h"])
        if match["ampm"]:
            if not 1 <= hour <= 12:
                continue
            pm = match["ampm"][0] in "Pp"
            hour = hour % 12 + (12 if pm else 0)
        clock = _dt.time(hour, int(match["m"]), int(match["s"] or 0))
        date_of: DateMention | None
        day: _dt.date | None
        after = None
        if not overlapping and index < len(starts):  # the first given mention after it
            after = _dated_after(text, match, result[index])
        if overlapping:  # "Friday, October 6, 2023, 9:05 a.m.": the date read its time
            date_of = overlapping[0]
            day = date_of.value.start if date_of.value is not None else None
        elif after is not None:  # "until 9:00 a.m. tomorrow morning": the day after it
            date_of, day = after, after.value.start if after.value is not None else None
        else:
            date_of, day = _day_before(text, match.start(), _last_before(result, starts, match))
        if day is None:
            if anchor is None or anchor.day is None:
                continue
            day = anchor.start
        moment = _dt.datetime.combine(day, clock, tzinfo=_offset(text, match, day))
        end = match.end()
        if date_of is not None:
            index = result.index(date_of)
            span = Span(min(match.start(), date_of.span.start), max(end, date_of.span.end))
            result[index] = attrs.evolve(date_of, span=span, timestamp=moment)
        else:
            result.append(
                DateMention(
                    span=Span(match.start(), end),
                    value=PartialDate.from_date(day),
                    relative=True,
                    anchor=anchor,
                    timestamp=moment,
                )
            )
    return tuple(sorted(result, key=lambda m: m.span.start))


def _zone_known(zone: str | None) -> bool:
    return zone is not None and (zone in _ZONES or zone in _SHARED or zone in _GENERIC)


def _after_time(text: str, at: int) -> int:
    """Where what a byline's time stamp carries after it ends: a zone in
    brackets ("(JST)") or a place that ends the text ("Tokyo")."""
    rest = text[at:]
    word = rest.strip()
    if (
        word.startswith("(")
        and word.endswith(")")
        and word[1:-1].isupper()
        and 2 <= len(word) - 2 <= 5
    ):
        return len(text)
    if word.isalpha() and word[:1].isupper() and word[1:].islower():
        return len(text)
    return at


def without_times(text: str) -> str:
    """``text`` without its time stamps, for reading the date around them:
    "March 09, 2021 | 11:45 PM" -> "March 09, 2021 |"."""
    if ":" not in text:
        return text
    parts, at = [], 0
    for match in _times(text):
        if match["ampm"] is None and not _zone_known(match["zone"]) and not match["s"]:
            continue
        parts.append(text[at : match.start()])
        at = _after_time(text, match.end())
    parts.append(text[at:])
    return "".join(parts)


def _offset(text: str, match: re.Match[str], day: _dt.date) -> _dt.tzinfo | None:
    """The UTC offset the time stamp's zone (or "+0900") gives on ``day``, if any."""
    zone = match["zone"]
    if zone in _GENERIC:
        try:
            place = zoneinfo.ZoneInfo(_GENERIC[zone])
        except zoneinfo.ZoneInfoNotFoundError:  # no time zone data on this machine
            return None
        noon = _dt.datetime.combine(day, _dt.time(12), tzinfo=place)
        kept = noon.utcoffset()
        return _dt.timezone(kept) if kept is not None else None
    if match["sign"] and zone in ("GMT", "UTC"):
        digits = match["oh"] + (match["om"] or "")
        if len(digits) <= 2:  # "+9"
            hours, minutes = int(digits), 0
        else:  # "+0900", "+09:00"
            hours, minutes = int(digits[:-2]), int(digits[-2:])
        sign = 1 if match["sign"] == "+" else -1
        return _dt.timezone(sign * _dt.timedelta(hours=hours, minutes=minutes))
    if zone in _ZONES:
        return _dt.timezone(_dt.timedelta(hours=_ZONES[zone]))
    if zone in _SHARED:
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        readings = _SHARED[zone]
        for shift, places in readings:
            if any(place in before for place in places):
                return _dt.timezone(_dt.timedelta(hours=shift))
        default = [shift for shift, places in readings if not places]
        if default:
            return _dt.timezone(_dt.timedelta(hours=default[0]))
    return None


def _dated_after(text: str, time: re.Match[str], mention: DateMention) -> DateMention | None:
    """``mention`` when it is the day the time just before it is on ("9:00 a.m.
    tomorrow", "2:00 a.m. on February 4th"): nothing but a space, a comma or
    "on" between them, and no sentence ending with the time (a capitalised
    "Tomorrow" or "Today" starts one: "at 11:30 p.m. Tomorrow we sign")."""
    between = text[time.end() : mention.span.start]
    value = mention.value
    if (
        between.strip(" ,\n") not in ("", "on")
        or "\n\n" in between
        or (text[time.end() - 1] == "." and mention.span.of(text)[:2] in ("To", "Ye"))
        or mention.timestamp is not None
        or value is None
        or value.day is None
    ):
        return None
    return mention


def _last_before(
    result: list[DateMention], starts: list[int], time: re.Match[str]
) -> DateMention | None:
    """The mention to look at before a time stamp: the last time added so far,
    if any, else the last given mention starting before it."""
    if len(result) > len(starts):
        return result[-1]
    index = bisect.bisect_left(starts, time.start())
    return result[index - 1] if index else None


def _day_before(
    text: str, at: int, mention: DateMention | None
) -> tuple[DateMention | None, _dt.date | None]:
    """``mention`` when it ends just before ``at`` on the same line (a dated
    byline), and its day; (None, None) when it does not."""
    if mention is None or mention.span.end > at:
        return None, None
    between = text[mention.span.end : at]
    value = mention.value
    if (
        "\n" not in between
        and between.strip(" ,|@-–—:") in ("", "at")
        and value is not None
        and value.day is not None
    ):
        return mention, value.start
    return None, None
