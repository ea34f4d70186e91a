"""Dates relative to the text: "that year", "the same day", "the following
week", "the previous year", "the day after", "three years later" mean a time
counted from the date the text last named, not from when it was written.

Without a date named before them (within a few sentences), they are left
unresolved: natojp does not guess the referent.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re

import attrs

from natojp.dates._parse import (
    MONTH_CAPITALISED,
    few_count,
    fold,
    lower_keeping_length,
    nearest_day,
    sentence_bounds,
    tense_of,
)
from natojp.models import DateInterval, DateMention, PartialDate, Span

__all__ = ["in_apposition", "in_named_year", "resolve_against_text"]

_UNITS = "day|night|morning|evening|afternoon|week|month|year"
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "a": 1, "an": 1,
}  # fmt: skip
_NUMBER_WORDS = "|".join(_NUMBERS)
_ANAPHORA = re.compile(
    rf"\b(?:(?P<same>that|the same|which) (?P<u1>{_UNITS})"
    rf"|the (?P<dir>previous|preceding|following|next|succeeding) (?P<u2>day|week|month|year)"
    rf"|the (?P<u3>day|week|month|year) (?P<rel>after|before)(?! \w+ \w+ing\b)"
    rf"|(?P<n>\d{{1,3}}|a few|a couple of|{_NUMBER_WORDS}) (?P<u4>days?|weeks?|months?|years?)"
    r" (?P<way>later|afterwards?|earlier)"
    r"|the (?P<edge>end|beginning|start|middle) of the (?P<u5>week|month|year)"
    r")\b",
    re.IGNORECASE,
)
# Every such expression has a unit of time in it: looked for first (in lower
# case), so the pattern above runs only around one.
_UNIT_LITERALS = tuple(
    re.compile(unit)
    for unit in ("day", "night", "morning", "evening", "afternoon", "week", "month", "year")
)
# "the 17th" on its own: a day of the month the text last named (or of the
# anchor's). What may follow it: punctuation, or a word that is no noun.
# Literal first (the regex engine then skips to each "the "); the word
# boundary before it is checked by hand.
_DAY_ALONE = re.compile(r"the (?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b")
_AFTER_DAY = frozenset(
    [
        "at",
        "and",
        "when",
        "in",
        "to",
        "we",
        "i",
        "he",
        "she",
        "they",
        "there",
        "it",
        "this",
        "that",
        "which",
        "as",
        "but",
        "or",
        "so",
    ]
)
# Words before "the next year" that make it a duration ("over the next year").
_DURATION_BEFORE = frozenset(["over", "for", "within", "during", "in", "throughout", "through"])
# How far back the date the expression counts from may be.
_LOOK_BACK = 600


def resolve_against_text(
    text: str,
    mentions: tuple[DateMention, ...],
    anchor: PartialDate | None = None,
    *,
    lowered: str | None = None,
) -> tuple[DateMention, ...]:
    """``mentions`` and a mention for each date the text gives relative to a
    date it named before (resolved against that date; unresolved when there is
    none)."""
    added: list[DateMention] = []
    joined: set[int] = set()  # months joined to the year after them
    if not mentions and anchor is None:
        return tuple(_days_alone(text, mentions, anchor))
    for match in _candidates(text, lowered or lower_keeping_length(text)):
        if any(m.span.start < match.end() and match.start() < m.span.end for m in mentions):
            continue
        before = text[max(0, match.start() - 12) : match.start()].casefold().split()
        if match["dir"] and before and before[-1] in _DURATION_BEFORE:
            continue  # "over the next year" is a span of time, not a date
        start = match.start()
        month = _month_just_before(text, mentions, match)
        if month is not None:  # "in May the following year": May of the year after
            start = mentions[month].span.start
        base = _named_before(text, mentions, start)
        if match["edge"]:
            # "by the end of the year": of a year named in its own sentence; of
            # the year the text is written in where none is named before it; and
            # left open where one is named in an earlier sentence (the story's
            # year or the writer's: the text does not say)
            if base is None and anchor is not None:
                base = DateMention(span=Span(0, 0), value=anchor, relative=True)
            elif base is not None and base.span.start < sentence_bounds(text, start, start)[0]:
                continue
        if (base is None or base.value is None) and anchor is not None and _year_of_writing(match):
            # "the preceding year" with no year named before it, as an annual
            # report writes it: counted from the year the text was written
            base = DateMention(span=Span(0, 0), value=PartialDate(anchor.year), relative=True)
        if base is None or base.value is None:
            continue
        value = _counted(match, base.value)
        if value is not None and month is not None:
            named = mentions[month].value
            assert named is not None  # _month_just_before gives a resolved month or season
            value = PartialDate(value.year, named.month, season=named.season)
            joined.add(month)
        if value is not None:
            span = Span(start, match.end())
            added.append(DateMention(span=span, value=value, relative=True, anchor=base.value))
    added.extend(_since_then(text, mentions))
    added.extend(_days_alone(text, mentions, anchor))
    if not added:
        return mentions
    kept = [m for i, m in enumerate(mentions) if i not in joined]
    return tuple(sorted((*kept, *added), key=lambda m: m.span.start))


def _year_of_writing(match: re.Match[str]) -> bool:
    """Whether the expression, with no date named before it, counts from the
    year the text was written: "the previous / preceding / following /
    succeeding year" (not "the next year", nor a day or month)."""
    direction = (match["dir"] or "").casefold()
    return direction in ("previous", "preceding", "following", "succeeding") and (
        (match["u2"] or "").casefold() == "year"
    )


_MONTH_ALONE = re.compile(rf"^(?:{MONTH_CAPITALISED}|(?i:spring|summer|autumn|fall|winter))$")
_JOINING_YEAR = re.compile(r"\s{1,3}(?:of\s{1,3})?$")


def _month_just_before(
    text: str, mentions: tuple[DateMention, ...], match: re.Match[str]
) -> int | None:
    """The index of a month or season named alone just before a year counted
    from the text ("May the following year", "the summer of that year")."""
    if (match["u1"] or match["u2"] or match["u3"] or "").casefold() != "year":
        return None
    for i in range(len(mentions) - 1, -1, -1):
        mention = mentions[i]
        if mention.span.end > match.start():
            continue
        value = mention.value
        if (
            value is None
            or (value.month is None and value.season is None)
            or value.day is not None
            or not _MONTH_ALONE.match(mention.span.of(text))
            or not _JOINING_YEAR.match(text[mention.span.end : match.start()])
        ):
            return None
        return i
    return None


# A month, or a day and month, written without a year: "April 16", "the 7th of
# October", "September the 11th", "December".
_NO_YEAR = re.compile(
    rf"^(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th|d)?\s+(?:of\s+)?)?{MONTH_CAPITALISED}"
    r"(?:\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th|d)?)?$"
)


# A sentence that opens with its year sets the time of what follows: "In 1945,
# ...", "Early in 1962 ...", "By 1990 ...".
_OPENING_YEAR = re.compile(
    r"\W{0,3}(?:(?:early|late|later|earlier)\s+)?(?:(?:in|by|during)\s+)?"
    r"(?:(?:early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)


def in_named_year(text: str, mentions: tuple[DateMention, ...]) -> tuple[DateMention, ...]:
    """``mentions`` with each month or day written without a year, in a
    sentence in the past tense that opens with a year, in that year: "In 1945,
    when I came before the Congress on April 16" is April 1945, whenever the
    text was written ("He was born in 1920 and on April 16 he signed" is not)."""
    changed = list(mentions)
    for i, mention in enumerate(mentions):
        value = mention.value
        if (
            not mention.relative
            or value is None
            or value.month is None
            or mention.interval is not None
            or not _NO_YEAR.match(mention.span.of(text))
        ):
            continue
        left, _ = sentence_bounds(text, mention.span.start, mention.span.end)
        named = [
            m.value
            for m in mentions[:i]
            if m.span.start >= left
            and not m.relative
            and m.interval is None
            and m.value is not None
            and m.value.precision == "year"
            and _OPENING_YEAR.match(text, left, m.span.start) is not None
        ]
        if not named or named[-1].year == value.year:
            continue
        if tense_of(text, mention.span.start, mention.span.end) >= 0:
            continue
        try:
            moved = PartialDate(named[-1].year, value.month, value.day)
        except ValueError:  # 29 February of no leap year
            continue
        changed[i] = attrs.evolve(mention, value=moved, anchor=named[-1])
    return tuple(changed)


# "Since then", "since that time": a range from the date the text last named.
_SINCE_THEN = re.compile(r"\b[Ss]ince (?:then|that (?:time|date|day|year))\b")


def _since_then(text: str, mentions: tuple[DateMention, ...]) -> list[DateMention]:
    """Each "since then" as a range open at the end, from the date named before it."""
    if "ince " not in text:
        return []
    found = []
    for match in _SINCE_THEN.finditer(text):
        if any(m.span.start < match.end() and match.start() < m.span.end for m in mentions):
            continue
        base = _named_before(text, mentions, match.start())
        if base is None or base.value is None:
            continue
        start = base.interval.start if base.interval is not None else base.value
        if start is None:
            continue
        found.append(
            DateMention(
                span=Span(match.start(), match.end()),
                value=start,
                relative=True,
                anchor=start,
                interval=DateInterval(start=start),
            )
        )
    return found


def _days_alone(
    text: str, mentions: tuple[DateMention, ...], anchor: PartialDate | None
) -> list[DateMention]:
    """Each "the 17th" standing alone, as a day of the month the text last
    named before it, else of the anchor's month."""
    if "the " not in text:
        return []
    found = []
    for match in _DAY_ALONE.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] == "_"):
            continue  # "bathe 5th": no word "the"
        if any(m.span.start < match.end() and match.start() < m.span.end for m in mentions):
            continue
        after = text[match.end() : match.end() + 16]
        next_word = after.split()[:1]
        if not (
            after[:1] in (",", ".", ";", ":", ")", "")
            or (next_word and next_word[0].casefold().strip(",.;:") in _AFTER_DAY)
        ):
            continue  # "the 17th century", "the 64th session": not a day
        base = _named_before(text, mentions, match.start())
        month = base.value if base is not None and base.value is not None else anchor
        if month is None or month.month is None:
            continue
        day = int(match["d"])
        if day > calendar.monthrange(month.year, month.month)[1]:
            continue
        value = PartialDate(month.year, month.month, day)
        found.append(
            DateMention(
                span=Span(match.start(), match.end()), value=value, relative=True, anchor=month
            )
        )
    return found


def _units(lowered: str) -> list[tuple[int, int]]:
    """Where the units of time ("day", "years") are, each found as a literal (which the
    regex engine looks for far faster than an alternation), then checked to be
    a whole word."""
    found = []
    size = len(lowered)
    for literal in _UNIT_LITERALS:
        for match in literal.finditer(lowered):
            start, end = match.span()
            if start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
                continue
            end += end < size and lowered[end] == "s"
            if end < size and (lowered[end].isalnum() or lowered[end] == "_"):
                continue
            found.append((start, end))
    return sorted(found)


def _candidates(text: str, lowered: str) -> list[re.Match[str]]:
    """The pattern's matches, looked for only around a unit of time."""
    found: list[re.Match[str]] = []
    for start, end in _units(lowered):
        if found and start < found[-1].end():
            continue
        match = _ANAPHORA.search(text, max(0, start - 24), end + 12)
        if match is not None and (not found or match.start() >= found[-1].end()):
            found.append(match)
    return found


def _named_before(text: str, mentions: tuple[DateMention, ...], at: int) -> DateMention | None:
    """The last date the text names before ``at`` (not "today" or "this
    year", which are the writer's time, not the story's), within the look-back."""
    for mention in reversed(mentions):
        if mention.span.end <= at:
            if at - mention.span.end > _LOOK_BACK:
                return None
            value, anchor = mention.value, mention.anchor
            if value is None or (anchor is not None and value.start <= anchor.start <= value.end):
                continue
            if value.decade or value.century:
                return None  # "two years later" than "the sixties" is no year
            return mention
    return None


def _counted(match: re.Match[str], base: PartialDate) -> PartialDate | None:
    """The date the expression means, counted from ``base``; None where
    ``base`` is too coarse for it ("the next day" after "in 1990")."""
    unit = fold(match["u1"] or match["u2"] or match["u3"] or match["u4"] or match["u5"] or "")
    unit = unit.rstrip("s")
    if unit in ("night", "morning", "evening", "afternoon"):
        unit = "day"
    approximate = False
    if match["same"] or match["edge"]:
        steps = 0
    elif match["dir"]:
        steps = -1 if match["dir"].casefold() in ("previous", "preceding") else 1
    elif match["rel"]:
        steps = 1 if match["rel"].casefold() == "after" else -1
    else:
        number = fold(match["n"])
        approximate = number.startswith(("a few", "a couple"))
        if number.isdigit():
            steps = int(number)
        else:
            steps = few_count(number) if approximate else _NUMBERS[number]
        if match["way"].casefold() == "earlier":
            steps = -steps
    try:
        counted = _step(unit, steps, base)
    except (ValueError, OverflowError):
        return None  # past the calendar's ends ("a year later" than 9999)
    if counted is not None and approximate:
        return attrs.evolve(counted, approximate=True)
    return counted


def _step(unit: str, steps: int, base: PartialDate) -> PartialDate | None:
    if unit == "year":
        return PartialDate(base.year + steps)
    if unit == "month":
        if base.month is None:
            return None
        index = base.year * 12 + base.month - 1 + steps
        return PartialDate(index // 12, index % 12 + 1)
    if unit == "day":
        if base.day is None:
            return None
        return PartialDate.from_date(base.start + _dt.timedelta(days=steps))
    if unit == "week":
        if base.day is None:
            return None
        year, week, _ = (base.start + _dt.timedelta(weeks=steps)).isocalendar()
        return PartialDate(year, week=week)
    return None


# Between a count back from now and the day it names: "11 months ago, on
# January 6th", "two years ago in May".
_COUNT_THEN_DAY = re.compile(r",?\s{1,3}(?:(?:on|in)\s{1,3})?(?:the\s{1,3})?")
_AGO_WORDS = re.compile(r"\b(?i:ago)$")


def in_apposition(text: str, mentions: tuple[DateMention, ...]) -> tuple[DateMention, ...]:
    """``mentions`` with each day or month named without a year right after a
    count back from now ("11 months ago, on January 6th") read in the year
    that count reaches, and the count given that day."""
    changed = list(mentions)
    for index in range(len(changed) - 1):
        ago, named = changed[index], changed[index + 1]
        if (
            ago.value is None
            or named.value is None
            or named.value.month is None
            or not named.relative
            or _AGO_WORDS.search(ago.span.of(text)) is None
            or not _COUNT_THEN_DAY.fullmatch(text, ago.span.end, named.span.start)
        ):
            continue
        day = named.value.start
        if named.value.day is None:  # "two years ago in May": the month's first day stands in
            day = day.replace(day=1)
        nearest = nearest_day(
            PartialDate.from_date(ago.value.start), functools.partial(_same_day, day)
        )
        if nearest is None:
            continue
        best = nearest.start
        value = attrs.evolve(named.value, year=best.year)
        changed[index + 1] = attrs.evolve(named, value=value)
        if ago.value.precision != "day" and ago.value.contains(best):
            changed[index] = attrs.evolve(ago, value=value)
    return tuple(changed)


def _same_day(day: _dt.date, year: int) -> _dt.date | None:
    """``day``'s day and month in ``year`` (``None`` for 29 February in a common year)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None
