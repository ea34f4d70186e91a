"""Parsing and finding date expressions; the public names are in :mod:`natojp.dates`."""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator

import attrs
import dateutil.parser

from natojp._text.spans import sentence_around
from natojp.dates._holidays import (
    HOLIDAY,
    HOLIDAY_WORDS,
    NAMED_DAY_WORD,
    OBSERVANCE,
    OBSERVANCE_WORDS,
    holiday_day,
    holiday_key,
    observance_month,
)
from natojp.dates._times import without_times
from natojp.errors import DateError
from natojp.models import DateInterval, DateMention, PartialDate, Season, Span

__all__ = [
    "clean_expression",
    "few_count",
    "find_single_dates",
    "fold",
    "lower_keeping_length",
    "nearest_day",
    "numeric_order",
    "parse_single_date",
    "sentence_bounds",
    "tense_of",
]

MONTHS: dict[str, int] = {}
for _index, _names in enumerate(
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
        MONTHS[_name] = _index

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_SEASONS = {
    "spring": Season.SPRING,
    "summer": Season.SUMMER,
    "autumn": Season.AUTUMN,
    "fall": Season.AUTUMN,
    "winter": Season.WINTER,
}
_SEASON_ORDER = (Season.SPRING, Season.SUMMER, Season.AUTUMN, Season.WINTER)

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}

_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
          "sixteenth", "seventeenth", "eighteenth", "nineteenth")  # fmt: skip
# The days of a month in words, as older and formal texts write them: "the
# first of January", "the twenty-second day of March".
ORDINAL_DAYS: dict[str, int] = {word: n for n, word in enumerate(_UNITS, 1)}
ORDINAL_DAYS.update({word: n for n, word in enumerate(_TEENS, 10)})
ORDINAL_DAYS.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31})
ORDINAL_DAYS.update({f"twenty-{unit}": 20 + n for n, unit in enumerate(_UNITS, 1)})
_ORDINAL_WORD = "|".join(
    word.replace("-", r"[\s-]") for word in sorted(ORDINAL_DAYS, key=len, reverse=True)
)


# What the regex engine's case-blind matching takes for "i" and "s" ("İ", "ı",
# "ſ"), folded to them, so that a word it matched is found in the tables.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": ""})


def fold(word: str) -> str:
    """``word`` in lower case as the tables of month and number names spell it:
    "Aprİl" (a dotted capital I) is "april"."""
    return word.lower().translate(_FOLD)


def _day_number(digits: str | None, word: str | None) -> int:
    """A day of the month written in figures ("22") or in words ("twenty-second")."""
    if digits:
        return int(digits)
    return ORDINAL_DAYS[re.sub(r"[\s-]+", "-", fold(word or ""))]


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Month names in running text must be capitalised: "may" and "march" are verbs.
# Only an abbreviation takes a dot, so a sentence's full stop stays out of a span.
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")  # fmt: skip
_SHORT_MONTHS = ("Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec")  # fmt: skip


def _capitalised(words: tuple[str, ...]) -> str:
    return "|".join(f"{word[0]}(?i:{word[1:]})" for word in words)


_MONTH_FULL_CAP = rf"(?:{_capitalised(_FULL_MONTHS)})\b"
_MONTH_CAP = rf"(?:{_MONTH_FULL_CAP}|(?:{_capitalised(_SHORT_MONTHS)})\.?(?!\w))"
#: A month's name as written in running text, capitalised, full or abbreviated.
MONTH_CAPITALISED = _MONTH_CAP
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_WEEKDAY_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?))?"
# "22d" and "3d" are older English for 22nd and 3rd.
_ORD = r"(?:st|nd|rd|th|d)?"
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"

_ABSOLUTE = re.compile(
    rf"""
    \b(?:(?P<wd>{_WEEKDAY}),?\s*(?P<paren>\(\s*)?)?
    (?:
        (?:(?P<d1>\d{{1,2}}){_ORD}(?:\s+day)?(?:\s+of)?|(?P<d1w>{_ORDINAL_WORD})(?:\s+day)?\s+of)
        [\s-]+(?P<m1>{_MONTH})[\s,-]+(?P<y1>\d{{4}})
      | (?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})
      | (?:(?<=\bof\s)|(?<=\bon\s)|(?<=dated\s))(?P<y3>(?:1[7-9]|20)\d\d)
        \s+(?-i:(?P<m3>{_MONTH_CAP}))\s+(?P<d3>\d{{1,2}}){_ORD}(?![,.]?\s*\d)
      | (?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?:[T\s](?P<itime>\d{{2}}:\d{{2}}))?
      | (?P<n1>\d{{1,2}})(?P<sep>[./-])(?P<n2>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}})
    )
    (?(paren)(?:\s*\))?)
    {_TIME}
    (?![\w%])
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Dates with less than a day in them: a month, a season or a decade with its
# year, or a day and month whose year the anchor must supply.
_PARTIAL = re.compile(
    rf"""
    \b(?<![.-])
    (?:
        (?P<mq>(?i:early|mid|late)[\s-]+)?(?P<mm>{_MONTH_CAP}),?\s+(?:of\s+)?(?P<my>(?:1[89]|20)\d\d)
      | (?P<sq>(?i:early|late)\s+)?(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))
        (?:\s+of)?,?\s+(?P<sy>(?:1[89]|20)\d\d)
      | (?:(?i:the)\s+)?(?P<dq>(?i:early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)'?s
      | (?P<mdm>{_MONTH_CAP})\s+(?P<mdd>\d{{1,2}}){_ORD}
      | (?P<mtm>{_MONTH_CAP})\s+(?i:the)\s+(?P<mtd>\d{{1,2}})(?i:st|nd|rd|th)
      | (?:(?P<dmd>\d{{1,2}}){_ORD}\s+(?:day\s+)?(?:of\s+)?|(?P<dmdw>(?i:{_ORDINAL_WORD}))
        \s+(?:(?i:day)\s+)?(?i:of)\s+)(?P<dmm>{_MONTH_CAP})
    )
    (?![\w%]|[.,:/-]\d)
    """,
    re.VERBOSE,
)

_RELATIVE = re.compile(
    rf"""
    \b(?:
        (?P<dayword>
            (?:(?:earlier|later)\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))
          | (?:the\s+day\s+before\s+)?yesterday(?:\s+(?:morning|afternoon|evening|night))?
          | (?:the\s+day\s+after\s+)?tomorrow(?:\s+(?:morning|afternoon|evening|night))?
          | last\s+night
          | (?:(?<=between\s)|(?<=from\s))now(?=\s+(?:and|to|until|till|through)\b)
        )
      | (?P<wmod>(?:earlier|later)\s+(?:on\s+)?|last\s+|next\s+|this\s+(?:coming\s+|past\s+)?)?
        (?P<weekday>{_WEEKDAY_FULL})
      | (?P<ylmod>last|this|next)\s+year\s+in\s+(?P<ylm>(?-i:{_MONTH_FULL_CAP}))
      | (?P<umod>(?:earlier|later)\s+this|this|last|next|upcoming
              |the\s+(?:present|current|ensuing|coming|upcoming|past))\s+(?P<unit>month|year)\b
      | (?P<closed>the\s+year\s+(?:that\s+has\s+)?just\s+(?:closed|ended))\b
      | (?P<decmod>this|the\s+(?:present|current))\s+decade\b
      | (?P<mmod>(?i:last|next|this|this\s+past|this\s+coming|early|late|mid|earlier\s+in
              |later\s+in)[\s-]+)(?P<mon>(?-i:{_MONTH_FULL_CAP}))
      | (?P<mofy>(?-i:{_MONTH_FULL_CAP}))(?:\s+(?P<mofyd>\d{{1,2}})(?:st|nd|rd|th)?)?\s+of\s+
        (?P<ymod>last|this|next|the\s+present|the\s+current)\s+year\b
      | (?P<monln>(?-i:{_MONTH_FULL_CAP}))(?=\s{{1,3}}(?:last|next)\b|,\s{{1,3}}last\b)
      | (?P<smod>last|next|this|this\s+past|this\s+coming|early|late)\s+
        (?P<season>spring|summer|autumn|fall|winter)\b
      | (?P<ud>[1-9]|[12]\d|3[01])(?:st|nd|rd|th|d)\s+
        (?P<uw>ult(?:imo\b|\.)|inst(?:ant\b|\.)|prox(?:imo\b|\.))
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Found from the "ago" backwards: the window before it ends at "ago".
_AGO = re.compile(
    rf"""
    \b(?P<aq>(?:almost|nearly|about|around|some|roughly|approximately|more\s+than|over
          |less\s+than|under|just\s+over|just\s+under|exactly|only|barely)\s+)?
    (?:(?P<few>a\s+few|a\s+couple(?:\s+of)?)|(?P<an>{_NUMBER}))
    \s+(?P<au>day|week|month|year|decade|century|centurie)s?\s+ago$
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Less than a day back: "moments ago", "40 minutes ago", "two hours ago" (not
# "36 hours ago", which may be the day before).
_MOMENTS_AGO = re.compile(
    r"\b(?:(?:just|only)\s+)?(?:(?:a\s+few|several|some|a\s+couple(?:\s+of)?|[1-9]|1\d|2[0-3]"
    r"|an?|two|three|four|five|ten|twelve|twenty)\s+)?(?:moment|hour)s?\s+ago$"
    r"|\b(?:(?:just|only)\s+)?(?:(?:a\s+few|several|some|\d{1,2}|an?|two|three|four|five|ten"
    r"|fifteen|twenty|thirty|forty|fifty)\s+)?minutes?\s+ago$",
    re.IGNORECASE,
)
# "one week from now", "two years from now": counted forward from the anchor.
_FROM_NOW = re.compile(
    rf"""
    \b(?P<aq>(?:almost|nearly|about|around|some|roughly|approximately)\s+)?
    (?:(?P<few>a\s+few|a\s+couple(?:\s+of)?)|(?P<an>{_NUMBER}))
    \s+(?P<au>day|week|month|year|decade)s?\s+from\s+now$
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A day, week or month the "ago" counts back from: "two years ago today" is
# this day two years back, "81 years ago this month" this month 81 years back.
_AGO_FROM = re.compile(
    r"\s{1,3}(?:(?P<day>today|tomorrow|yesterday)|(?P<mod>this|next|last)\s+(?P<unit>week|month))\b",
    re.IGNORECASE,
)
_AGO_FROM_DAYS = {"today": 0, "tomorrow": 1, "yesterday": -1}

# A bare month or season is a date only after a preposition of time, which the
# span leaves out: "in December" points at "December". Found by the month or
# season (where a word may start an expression), then the words before it.
_BARE = re.compile(
    rf"(?:(?P<mon>{_MONTH_FULL_CAP})|(?P<season>(?i:spring|summer|autumn|winter))\b"
    # "in the fall", not "the fall of Kabul" or "the fall in prices"
    r"|(?P<fall>(?i:fall))\b(?!\s{1,3}(?i:of|in)\b))"
    # "the summer months", "the fall and winter months": any year's
    r"(?!(?:\s{1,3}(?:and|or)\s{1,3}[A-Za-z]{1,8})?\s{1,3}months\b)"
    # not a month before its day or year ("May 5", "May 2023"); a figure of three
    # digits, or one with a thousands comma, is neither ("in September 257,438")
    r"(?!,?\s*(?:\d{1,2}(?!\d|[,.]\d)|\d{4}\b|of\s+\d))"
)
# A month after another and "and": "in August and September".
_AFTER_MONTH_AND = re.compile(rf"{_MONTH_FULL_CAP}\s{{1,3}}(?:and|or)\s{{1,3}}$")
_BARE_BEFORE = re.compile(
    r"""
    \b(?P<prep>(?i:in|since|until|till|by|from|during|through|before|after|to|the\s+month\s+of
        |(?:(?:by|until|till|through)\s+)?(?:the\s+)?(?:end|beginning|start|middle|course|rest
          |remainder)\s+of
        |(?:scheduled|planned|slated|set|due|expected|targeted)\s+for))\s+(?P<the>(?i:the)\s+)?$
    """,
    re.VERBOSE,
)

_YEAR = re.compile(r"(?<![\w$€£¥#.,/:])(?:1[7-9]|20)\d\d(?![\w%°]|[.,/:-]\d|-\w)")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|throughout|during|before|after|around|circa|c\."
    r"|early|mid|late|year|years|fiscal|FY|between|from|for|beyond|(?:end|start|beginning|middle|half"
    r"|course|rest|spring|summer|autumn|fall|winter|year|years)\s+of)|[(\[]|\byear,"
    r"|\b(?:born|died|b\.|d\.)|\bnow\s+(?:and|to|until|till|through)"
    r"|\b(?:until|till|through|by)\s+at\s+(?:the\s+)?(?:least|latest))\s*-?$",
    re.IGNORECASE,
)
# Only unambiguous hedges in running text: "talks about 2019" is not "c. 2019".
_CIRCA_BEFORE = re.compile(r"\b(?:c\.|ca\.|circa)\s*$", re.IGNORECASE)
# "the 2014 annexation": a year before a noun, after an article or possessive.
_YEAR_ATTRIBUTIVE = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|my|your|this|that)|\w(?:['’]s|s['’]))\s+$",
    re.IGNORECASE,
)
# What follows a year used before a noun: a word in lower case, or a name that
# is not a plural ("the 2022 Nobel Prize", not "the 2000 Americans"); not a
# programme the year names ("the 2030 Agenda", "the 2050 targets").
_NOUN_AFTER_YEAR = re.compile(
    r"\s{1,3}(?!(?:of|to|in|on|at|for|from|with|by|who|which)\b)"
    r"(?!(?i:agenda|vision|goals?|targets?|framework|strategy|initiative|compact)\b)"
    r"(?:[a-z]|[A-Z][a-z]*(?<!s)\b)"
)
# Words after "of 1824" that show the year closes its phrase ("the treaty of
# 1824 each party agreed", "the appropriation of 1816 of $1,000,000").
_AFTER_OF_YEAR = re.compile(
    r"\s{0,3}(?:[.,;:)\]]|$|(?:of|each|was|were|is|had|has|which|when|by)\b)"
)
# A verb after a common noun's year: "The census of 1880 recorded" (not after a
# name's: "the Fair Housing Act of 1968 covered").
_VERB_AFTER_YEAR = re.compile(r"\s{1,3}(?:[a-z]{2,}ed|remains)\b")
_COMMON_NOUN_OF = re.compile(
    r"\b(?!(?:total|number|sum|count|group|majority|minority|population|crowd|class|team"
    r"|force|army|list|set|series|batch)\s)[a-z]{3,}\s+of\s+$"
)
# A year said to be the time: "this is 2024 —", "this election is not 2016 or
# 2020." (not any "X is 1984.": a PIN, a price, a population).
_PREDICATE_BEFORE = re.compile(
    r"(?:\b(?:this|it|that)\s{1,3}(?:is|was)(?:\s{1,3}not)?|\b(?:it|this|that)['’]s"
    r"|\b(?:is|was|are|were)\s{1,3}not|\b(?:isn|wasn|aren|weren)['’]t)\s{1,3}$",
    re.IGNORECASE,
)
_YEAR_CLOSES_CLAUSE = re.compile(
    r"\s{0,3}(?:[.;:!?—–]|-\s|,?\s{1,3}(?:or|and)\s{1,3}(?:1[7-9]|20)\d\d\b)"
)
_OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)
_YEAR_LIST_GOES_ON = re.compile(
    r",?\s{1,3}(?:and\s|or\s|,\s?)?\s{0,2}(?:the\s)?(?:1[7-9]|20)\d\d\b"
)
# What joins a year to the one before it: "1960 and 1964", "in 1933, 1934 and 1935".
_YEAR_LINK = re.compile(r"(?:\b(?:and|or|to|through|until)|[–—,-])\s*$", re.IGNORECASE)
_NOT_AFTER_YEAR = re.compile(
    r"\s+(?:[a-z]+(?<!wa)(?<!ha)(?<!thi)(?<!it)(?<!u)(?<!hi)(?<!a)(?<!i)s|people|men|women"
    r"|percent|per\s+cent|km|kg|tonnes|troops|metres|meters|miles|feet)\b"
)

_FUTURE = re.compile(
    r"\b(?:(?:will|shall|won't)(?:\s+(?:not\s+)?be\s+(?-i:[a-z]+ed))?|going\s+to"
    r"|(?:is|are)\s+(?:due|set)\s+to|scheduled\s+to|expected\s+to|(?:is|are)\s+likely\s+to"
    r"|(?:planned|scheduled|slated|expected|due)\s+(?:for|in|on)"
    r"|slated\s+to|plans?\s+to|planning\s+to|intends?\s+to|is\s+to|are\s+to|upcoming"
    # "want to" looks ahead, not in a speech's "I want to thank you for coming in May"
    r"|(?:want|wants|hope|hopes|expect|expects|aim|aims)\s+to\s+(?!thank|welcome|congratulate"
    r"|acknowledge|recognize|recognise|say|note|express|begin|start)|(?<!for\s)coming\s+(?:in|on|at|by)"
    r"|(?:run|lead)[\s-]up\s+to|ahead\s+of|in\s+advance\s+of"
    # an arrangement still to be carried out: "adjourned to be resumed in January"
    r"|(?<!was\s)(?<!were\s)to\s+be\s+(?:held|resumed|completed|launched|signed|released|opened"
    r"|finished|delivered"
    r"|submitted|published|announced|decided|concluded|ratified|convened|reconvened)"
    r"|forthcoming|look(?:s|ing)?\s+forward"
    # an arrangement in the present progressive: "is talking to Macron on Saturday"
    r"|(?:is|are|am)\s+(?:not\s+)?(?-i:[a-z]{2,}ing))\b|['’]ll\b|['’]re\s+(?-i:[a-z]{2,}ing)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:since|was|were|had|did|said|told|met|saw|held|took|made|went|came|gave|spoke|began"
    r"|left|won|lost|wrote|sent|led|brought|thought|felt|found|kept|paid|ran|rose|fell"
    r"|(?-i:[a-z]{3,}ed))\b",
    re.IGNORECASE,
)
_CONTEXT = 300

# A capitalised word before a weekday makes it part of a name ("Super Tuesday").
_WEEKDAY_NAME_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w'’-]*)\s+$")
_WEEKDAY_PREFIXES = frozenset(
    ("on", "last", "next", "this", "earlier", "later", "early", "late", "by", "since", "until",
     "till", "from", "before", "after", "and", "or", "the", "every", "each", "as", "said", "says")
)  # fmt: skip


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
        found = _absolute(match, dayfirst)
        if found is not None:
            yield found


def _absolute(match: re.Match[str], dayfirst: bool | None) -> AbsoluteDate | None:
    try:
        if match["y1"]:
            day = _day_number(match["d1"], match["d1w"])
            value = PartialDate(int(match["y1"]), _month(match["m1"]), day)
            ambiguous = False
        elif match["y2"]:
            value = PartialDate(int(match["y2"]), _month(match["m2"]), int(match["d2"]))
            ambiguous = False
        elif match["y3"]:  # "the convention of 1802 January 08", a diarist's order
            value = PartialDate(int(match["y3"]), _month(match["m3"]), int(match["d3"]))
            ambiguous = False
        elif match["iy"]:
            value = PartialDate(int(match["iy"]), int(match["im"]), int(match["id"]))
            ambiguous = False
        else:
            value, ambiguous = _numeric(
                int(match["n1"]), int(match["n2"]), int(match["ny"]), match["sep"], dayfirst
            )
    except ValueError:
        return None  # 31 February and the like: digits, not a date
    time = match["time"] or match["itime"]
    return AbsoluteDate(span=Span(*match.span()), value=value, time=time, ambiguous=ambiguous)


def _month(name: str) -> int:
    return MONTHS[fold(name).rstrip(".")]


# --- finding expressions ---------------------------------------------------------


@attrs.frozen(kw_only=True)
class Expression:
    """A date expression before resolution: what it says, not yet what it means.

    ``kind`` is one of ``absolute`` (``value`` holds it), ``day`` (``count`` days
    from the anchor), ``weekday``, ``month`` (a named month), ``season``,
    ``months`` / ``years`` (``count`` calendar months or years from the anchor),
    ``ago`` (``count`` ``unit`` before the anchor), ``monthofyear`` (``month`` of
    the year ``count`` from the anchor's), ``monthday`` (``month`` and ``day``
    with the year left out), ``shortyear`` (a two-digit year ``count``, with a
    ``month`` or not, in the century that puts it nearest the anchor) and ``week``
    (the ISO week ``count`` weeks from the anchor's).
    """

    start: int
    end: int
    kind: str
    value: PartialDate | None = None
    ambiguous: bool = False
    count: int = 0
    month: int = 0
    day: int = 0
    weekday: int = 0
    season: Season | None = None
    unit: str = ""
    mode: str = ""  # "last", "next", "this" or "" (read the tense)
    # -1 looks back, +1 looks forward, 0 the sentence does not say; TENSE_UNREAD
    # (a day and month's, read only where it matters: find_single_dates)
    tense: int = -1
    approximate: bool = False
    # for "ago": the day, week or month it counts back from ("two years ago
    # today": "day", 0; "four years ago next week": "week", 1)
    then_unit: str = ""
    then_count: int = 0

    @property
    def relative(self) -> bool:
        return self.kind != "absolute"


def numeric_order(text: str) -> bool | None:
    """Whether the text's slashed dates write the day first, where one of them
    shows it (``25/12/2023``, ``12/25/2023``)."""
    if "/" not in text:
        return None
    for match in _SLASHED.finditer(text):
        a, b = int(match[1]), int(match[2])
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
    return None


_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/\d{4}\b")


def _infer_dayfirst(text: str) -> bool | None:
    """Whether the text's own dates write the day first, if they show it: its
    slashed dates, else the order of its dates written in words."""
    numeric = numeric_order(text)
    if numeric is not None:
        return numeric
    day_first = month_first = 0
    for match in _ABSOLUTE.finditer(text):
        if match["y1"]:
            day_first += 1
        elif match["y2"]:
            month_first += 1
    if day_first != month_first:
        return day_first > month_first
    return None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``start..end``, within ``_CONTEXT``."""
    return sentence_around(text, start, end, context=_CONTEXT)


def tense_of(text: str, start: int, end: int) -> int:
    """-1 when the nearest verb to the expression looks back, +1 when it looks
    forward (``will``, ``is due to``), 0 when the sentence does not say (read
    as the past, unless the words around the date look forward)."""
    left, right = sentence_bounds(text, start, end)
    best, best_distance = 0, _CONTEXT * 2
    for match in _TENSE.finditer(text, left, right):
        if start <= match.start() < end:
            continue
        direction = 1 if match["future"] is not None else -1
        distance = start - match.end() if match.end() <= start else match.start() - end
        if distance < best_distance or (distance == best_distance and direction > 0):
            best, best_distance = direction, distance
    return best


# Both in one pass: where a verb of each kind starts at one place ("expected to",
# "scheduled for"), the one looking forward is taken, as it is on a tie.
_TENSE = re.compile(rf"(?P<future>{_FUTURE.pattern})|(?P<past>{_PAST.pattern})", re.IGNORECASE)


def few_count(words: str) -> int:
    """How many "a few" (about three) or "a couple (of)" (about two) is."""
    return 2 if "couple" in words.lower() else 3


def _number(word: str) -> int:
    word = fold(word)
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _scan_absolute(text: str, dayfirst: bool | None, starts: list[int]) -> Iterator[Expression]:
    guessed = dayfirst is None
    found = []
    for start in starts:
        match = _ABSOLUTE.match(text, start)
        date = _absolute(match, dayfirst) if match else None
        if date is not None:
            found.append(date)
    # The text's own dates settle slashed ones (dots and dashes are day first anyway).
    local = _infer_dayfirst(text) if guessed and any(f.ambiguous for f in found) else None
    for date in found:
        value = date.value
        if local is not None and date.ambiguous:
            value = next(iter_absolute(date.span.of(text), dayfirst=local)).value
        yield Expression(
            start=date.span.start,
            end=date.span.end,
            kind="absolute",
            value=value,
            ambiguous=date.ambiguous and guessed and local is None,
        )


def _scan_partial(text: str, starts: list[int]) -> Iterator[Expression]:
    for match in filter(None, (_PARTIAL.match(text, start) for start in starts)):
        start, end = match.span()
        if match["my"]:
            yield Expression(
                start=start,
                end=end,
                kind="absolute",
                value=PartialDate(int(match["my"]), _month(match["mm"])),
            )
        elif match["sy"]:
            season = _SEASONS[fold(match["season"])]
            yield Expression(
                start=start,
                end=end,
                kind="absolute",
                value=PartialDate(int(match["sy"]), season=season),
            )
        elif match["dec"]:
            yield Expression(
                start=start,
                end=end,
                kind="absolute",
                value=PartialDate(int(match["dec"]), decade=True),
            )
        else:
            month = _month(match["mdm"] or match["mtm"] or match["dmm"])
            day = _day_number(match["mdd"] or match["mtd"] or match["dmd"], match["dmdw"])
            if day < 1 or day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
                continue
            since = _SINCE_BEFORE.search(text, max(0, start - 8), start) is not None
            mode = "last" if since else ""
            after = _LAST_NEXT_AFTER.match(text, end)
            written_before = _LAST_NEXT_BEFORE.search(text, max(0, start - 8), start)
            if after is not None:  # "the 26th of May last", "the first of January next"
                mode, end = after["which"].lower(), after.end()
            elif written_before is not None:  # "last August the 11th"
                mode, start = written_before["which"].lower(), written_before.start()

            # with no year, the tense may say which (read only when it could)
            tense = TENSE_UNREAD if not mode else 0
            yield Expression(
                start=start, end=end, kind="monthday", month=month, day=day, mode=mode, tense=tense
            )


# A verb in the past just before a day and month's "on": "We met on March 3",
# "were assembled at The Hague on the 18th of May" (not a plan: "was scheduled").
_PAST_VERB_JUST_BEFORE = re.compile(
    r"\b(?!(?:scheduled|planned|expected|postponed|delayed|moved|set|due|slated)\b)"
    r"(?<!\bbe\s)(?<!\bto\s)(?<!\bbeen\s)(?:was|were|had|met|held|signed|(?-i:[a-z]{3,}ed))\s{1,3}"
    r"(?:(?!(?:scheduled|planned|expected|postponed|delayed|moved|set|due|slated|to|starting"
    r"|beginning|until|through|by|from)\b)"
    r"[\w'’.-]{1,20}\s{1,3}){0,3}(?:on|in)\s{1,3}(?:the\s{1,3})?$",
    re.IGNORECASE,
)


def monthday_tense(text: str, start: int, end: int) -> int:
    """The tense of a day and month named without a year: "were assembled on
    the 18th of May" looks back; "by January 1st", a deadline, does not."""
    tense = tense_of(text, start, end)
    if tense < 0 and _DEADLINE_BEFORE.search(text, max(0, start - 12), start):
        return 0  # "haven't been adjusted by January 1st"
    return tense


# "last" or "next" after a day and month, in older English: the last such day
# before the text was written, or the next after.
_LAST_NEXT_AFTER = re.compile(
    r",?\s{1,3}(?P<which>(?i:last|next))\b(?!\s{1,3}(?:(?i:year|month|week|session|spring|summer|autumn"
    r"|fall|winter|time|one|few|two|three|several|day)\b|(?i:"
    + _WEEKDAY_FULL
    + r")|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\b))"
)


_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?i:in|on|of|since|during|until|till|from|to|by|after|before|about|around|and|or"
    r"|early|late|mid)|\])\s{1,3}$"
)
_LAST_NEXT_BEFORE = re.compile(r"\b(?P<which>(?i:last|next))\s{1,3}$")


# How many months or years "the ensuing year" and the like count from the anchor;
# "the present year", "the past year" (in the older sense of the year now
# ending) and "this year" are the anchor's own.
_UNIT_STEPS = {"last": -1, "next": 1, "ensuing": 1, "coming": 1, "upcoming": 1}
# Words before "the past year", "the coming year" that make it a span of time.
_SPAN_BEFORE = re.compile(
    r"\b(?:over|within|throughout|in|(?:over|throughout)\s+the\s+course\s+of)\s+$",
    re.IGNORECASE,
)
_SPAN_MODIFIERS = frozenset(["past", "coming", "upcoming", "ensuing"])
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _mode(modifier: str | None) -> str:
    words = (modifier or "").lower().split()
    for mode in ("last", "next"):
        if mode in words:
            return mode
    if "past" in words:
        return "last"
    if "coming" in words:
        return "next"
    if "this" in words:
        return "this"
    return ""


def _scan_relative(
    text: str, starts: list[int], ago_or_now: list[int], month_starts: list[int]
) -> Iterator[Expression]:
    for at in ago_or_now:
        if text[at : at + 3].lower() == "now":
            ahead = _FROM_NOW.search(text, max(0, at - 70), at + 3)
            if ahead is not None:
                few = ahead["few"]
                yield Expression(
                    start=ahead.start(),
                    end=ahead.end(),
                    kind="ahead",
                    count=few_count(few) if few else _number(ahead["an"]),
                    unit=ahead["au"].lower(),
                    approximate=bool(few or ahead["aq"]),
                )
            continue
        moments = _MOMENTS_AGO.search(text, max(0, at - 40), at + 3)
        if (
            moments is not None
            and not text[max(0, moments.start() - 4) : moments.start()].rstrip()[-1:].isdigit()
        ):  # "moments ago", "an hour ago": earlier the same day (not "36 hours ago")
            yield Expression(start=moments.start(), end=moments.end(), kind="day", count=0)
            continue
        match = _AGO.search(text, max(0, at - 60), at + 3)
        if match:
            qualifier = " ".join((match["aq"] or "").lower().split())
            few = match["few"]
            then = _AGO_FROM.match(text, match.end())
            end, then_unit, then_count = match.end(), "", 0
            if then is not None:
                end = then.end()
                if then["day"]:
                    then_unit, then_count = "day", _AGO_FROM_DAYS[fold(then["day"])]
                else:
                    then_unit = then["unit"].lower()
                    then_count = _UNIT_STEPS.get(then["mod"].lower(), 0)
            yield Expression(
                start=match.start(),
                end=end,
                kind="ago",
                count=few_count(few) if few else _number(match["an"]),
                unit=fold(match["au"]).replace("centurie", "century"),
                approximate=bool(few) or qualifier not in ("", "exactly", "only", "barely"),
                then_unit=then_unit,
                then_count=then_count,
            )
    for match in filter(None, (_RELATIVE.match(text, start) for start in starts)):
        start, end = match.span()
        if match["dayword"]:
            word = " ".join(match["dayword"].lower().split())
            if _figurative(text, start, end, word) or _named_day_word(text, start):
                continue
            if "day before yesterday" in word:
                count = -2
            elif "day after tomorrow" in word:
                count = 2
            elif "yesterday" in word or word == "last night":
                count = -1
            elif "tomorrow" in word:
                count = 1
            else:
                count = 0
            yield Expression(start=start, end=end, kind="day", count=count)
        elif match["weekday"]:
            if not match["wmod"] and _is_named_day(text, start):
                continue
            yield Expression(
                start=start,
                end=end,
                kind="weekday",
                weekday=WEEKDAYS.index(fold(match["weekday"])),
                mode=_mode(match["wmod"]),
                tense=tense_of(text, start, end),
            )
        elif match["unit"]:
            modifier = fold(match["umod"]).split()[-1]
            before = text[max(0, start - 28) : start]
            if modifier in ("last", "next") and _THE_BEFORE.search(before):
                continue  # "the next year" is a span or counts from another date
            if modifier in _SPAN_MODIFIERS and _SPAN_BEFORE.search(before):
                continue  # "over the past year", "in the coming year": spans of time
            if modifier == "past" and before.rstrip().lower().endswith("for the"):
                continue  # "for the past year"; "for the coming year" names it
            step = _UNIT_STEPS.get(modifier, 0)
            yield Expression(start=start, end=end, kind=fold(match["unit"]) + "s", count=step)
        elif match["closed"]:
            # In a text of the second half of a year, the year just closed is
            # the one that ended on 30 June (a fiscal year); earlier, the last.
            yield Expression(start=start, end=end, kind="closedyear")
        elif match["decmod"]:
            yield Expression(start=start, end=end, kind="decades", count=0)
        elif match["mofy"] or match["ylm"]:
            # "January 5th of this year", "November of last year", "last year in December"
            step = {"last": -1, "next": 1}.get((match["ymod"] or match["ylmod"]).lower(), 0)
            yield Expression(
                start=start,
                end=end,
                kind="monthofyear",
                month=_month(match["mofy"] or match["ylm"]),
                day=int(match["mofyd"] or 0),
                count=step,
            )
        elif match["mon"]:
            yield Expression(
                start=start,
                end=end,
                kind="month",
                month=_month(match["mon"]),
                mode=_mode(match["mmod"]),
                tense=tense_of(text, start, end),
            )
        elif match["monln"]:
            after = _LAST_NEXT_AFTER.match(text, end)
            if start and not _PREPOSITION_BEFORE.search(text, max(0, start - 10), start):
                after = None  # "Theresa May last visited": a name, not "in May last"
            if after is not None:  # "in September last", "in April next" (older English)
                mode = after["which"].lower()
                month = _month(match["monln"])
                yield Expression(start=start, end=after.end(), kind="month", month=month, mode=mode)
        elif match["season"]:
            yield Expression(
                start=start,
                end=end,
                kind="season",
                season=_SEASONS[fold(match["season"])],
                mode=_mode(match["smod"]),
                tense=tense_of(text, start, end),
            )
        elif match["ud"]:
            # "the 30th ultimo": of the month before the text's; "instant", its
            # own; "proximo", the next
            step = {"u": -1, "i": 0, "p": 1}[fold(match["uw"][0])]
            yield Expression(
                start=start, end=end, kind="dayofmonth", day=int(match["ud"]), count=step
            )
    for match in filter(None, (_BARE.match(text, start) for start in month_starts)):
        group = "mon" if match["mon"] else "fall" if match["fall"] else "season"
        start, end = match.span(group)
        opener = _BARE_BEFORE.search(text, max(0, start - 32), start)
        if opener is None and group == "mon":
            second = _AFTER_MONTH_AND.search(text, max(0, start - 20), start)
            if second is not None:  # "in August and September": as the first is read
                opener = _BARE_BEFORE.search(text, max(0, second.start() - 32), second.start())
        if group == "mon" and _EVENT_OF_MONTH.match(text, end):
            if _THE_BEFORE.search(text, max(0, start - 6), start):  # "the November elections"
                yield Expression(
                    start=start, end=end, kind="month", month=_month(match["mon"]),
                    tense=tense_of(text, start, end),
                )  # fmt: skip
            continue
        if opener is None or bool(opener["the"]) != (group != "mon"):
            continue  # a month needs its preposition; a season, "the" after it too
        tense = tense_of(text, start, end)
        if tense == 0 and opener["prep"].split(None, 1)[0].lower() in _FORWARD_PREPOSITIONS:
            tense = 1  # "through August", "by the spring": up to a time still to come
        if group == "mon":
            yield Expression(
                start=start, end=end, kind="month", month=_month(match["mon"]), tense=tense
            )
        else:
            season = _SEASONS[fold(match[group])]
            yield Expression(start=start, end=end, kind="season", season=season, tense=tense)


# A month naming when an event is held: "the November elections", "the June summit".
_EVENT_OF_MONTH = re.compile(
    r"\s{1,3}(?:elections?|vote|summit|midterms?|primary|primaries|referendum|meeting|talks"
    r"|deadline|visit|trip|conference|session)\b"
)


# Prepositions that reach forward to a bare month or season when no verb says
# otherwise: "through August", "until June", "by the spring".
_FORWARD_PREPOSITIONS = frozenset(("until", "till", "through", "by"))


_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_FIGURATIVE_BEFORE = re.compile(r"(?<!\bas\s)\b(?:of|than)\s+$", re.IGNORECASE)
_FIGURATIVE_PAIR = re.compile(r"today,?\s+and\s+tomorrow", re.IGNORECASE)


def _figurative(text: str, start: int, end: int, word: str) -> bool:
    """ "The leaders of tomorrow", "the building codes of yesterday": the future
    and the past, not days. "Today" in "the world of today" stays the day of
    writing (the present it means is dated by it)."""
    if word not in ("tomorrow", "yesterday"):
        return False
    if text.startswith(("'s", "’s"), end):
        return False  # "aware of tomorrow’s events": the day's
    before = _FIGURATIVE_BEFORE.search(text, max(0, start - 6), start)
    if before is not None and (word == "tomorrow" or before[0].lower().startswith("of")):
        return True  # "higher than yesterday" is the day
    return any(
        pair.start() <= start and end <= pair.end()
        for pair in _FIGURATIVE_PAIR.finditer(text, max(0, start - 20), min(len(text), end + 20))
    )


# "the Today show", "USA Today": a capitalised day word in a name, after "the"
# or a capitalised word on the same line (a heading above is no name).
_NAME_BEFORE_DAY_WORD = re.compile(r"(?:\bthe|\b(?P<word>[A-Z][\w'’-]{0,30}))[ \t\xa0]{1,3}$")


def _named_day_word(text: str, start: int) -> bool:
    """Whether a capitalised "Today", "Tonight" or "Tomorrow" is part of a name:
    after a capitalised word ("USA Today") or after "the" ("the Today Show")."""
    if not text[start].isupper():
        return False
    before = _NAME_BEFORE_DAY_WORD.search(text, max(0, start - 40), start)
    if before is None:
        return False
    return before["word"] is None or before["word"].lower() not in _WEEKDAY_PREFIXES


def _is_named_day(text: str, start: int) -> bool:
    """Whether a capitalised word before the weekday makes it a name ("Super Tuesday")."""
    match = _WEEKDAY_NAME_BEFORE.search(text, max(0, start - 40), start)
    return match is not None and match["word"].lower() not in _WEEKDAY_PREFIXES


def _scan_years(text: str, starts: list[int]) -> Iterator[Expression]:
    last_year_end, in_list = -100, False
    # a year starts a word, so it is tried only where a word starts with a digit
    for match in filter(None, (_YEAR.match(text, at) for at in starts if text[at].isdigit())):
        start, end = match.span()
        before = text[max(0, start - 30) : start]
        link = _YEAR_LINK.search(before) if start - last_year_end <= 6 else None
        # after a comma, only a list that goes on to a year: "1933, 1934 and 1935",
        # not "By 2030, 1800 new homes"
        linked = link is not None and (
            not link[0].startswith(",")
            or in_list
            or _YEAR_LIST_GOES_ON.match(text, end) is not None
        )
        attributive = (
            _YEAR_ATTRIBUTIVE.search(before) is not None
            and _NOUN_AFTER_YEAR.match(text, end) is not None
        )
        # "the tariff act of 1930.", "the lessons of 1918.": a year closing its phrase
        closing = _OF_BEFORE.search(before) is not None and (
            _AFTER_OF_YEAR.match(text, end, end + 8) is not None
            or (
                _VERB_AFTER_YEAR.match(text, end, end + 20) is not None
                and _COMMON_NOUN_OF.search(before) is not None
            )
        )
        predicate = (
            _PREDICATE_BEFORE.search(before) is not None
            and _YEAR_CLOSES_CLAUSE.match(text, end, end + 12) is not None
        )
        if not (linked or attributive or closing or predicate or _YEAR_BEFORE.search(before)):
            continue
        if _NOT_AFTER_YEAR.match(text, end, min(len(text), end + 30)) and not _FISCAL_BEFORE.search(
            before
        ):
            continue  # "2000 soldiers", but "FY 2022 appropriations"
        last_year_end = end
        in_list = linked and link is not None and link[0].startswith(",")
        circa = _CIRCA_BEFORE.search(before) is not None
        value = PartialDate(int(match[0]), approximate=circa)
        yield Expression(start=start, end=end, kind="absolute", value=value)


# A year written with two digits after an apostrophe ("in ‘28", "May ’21", "the
# class of '89"), after a month or a year cue; not inside a number or a unit.
# Found by the apostrophe and two digits first (rare, so the scan is fast), then a
# month before them.
_SHORT_YEAR = re.compile(r"[‘’'](?P<yy>\d\d)(?![\w'’%°]|[.,:/-]\d)")
_MONTH_BEFORE = re.compile(rf"(?P<mm>{_MONTH_CAP}),?\s+(?:of\s+)?$")
# A closing quotation mark within the clause (an apostrophe inside a word,
# "Russia’s", is none).
_CLOSING_QUOTE = re.compile(r"[^.!?;\n]{0,40}’(?!\w)")
# Cues only a year written short takes: "the spirit of ’76", "the class of
# '89", and a year before it ("2014 and ‘15").
_SHORT_YEAR_BEFORE = re.compile(
    r"(?:\bof|(?:1[7-9]|20)\d\d\s{0,3}(?:and|or|to|,|[–—-]))\s{0,3}$", re.IGNORECASE
)


# "last week", "this week's", "next week": an ISO week from the anchor's. After
# "over the", "for the", "within the" ... it is a span of time, not a date.
# Found by the word "week" first (rare and literal, so the scan is fast), then the
# word before it.
_WEEK = re.compile(r"week(?:['’]s)?\b")
_WEEK_MODIFIER = re.compile(r"\b(?P<mod>[Ll]ast|[Tt]his|[Nn]ext)\s+$")
_DURATION_BEFORE = re.compile(
    r"\b(?:over|for|during|within|in|throughout|through)\s+the\s*$", re.IGNORECASE
)
_WEEK_OFFSET = {"last": -1, "this": 0, "next": 1}


def _scan_weeks(text: str) -> Iterator[Expression]:
    for match in _WEEK.finditer(text):
        if match.start() and text[match.start() - 1].isalnum():
            continue  # "midweek", "biweekly"
        modifier = _WEEK_MODIFIER.search(text, max(0, match.start() - 8), match.start())
        if modifier is None:
            continue
        start = modifier.start()
        if _DURATION_BEFORE.search(text, max(0, start - 20), start):
            continue
        yield Expression(
            start=start, end=match.end(), kind="week",
            count=_WEEK_OFFSET[fold(modifier["mod"])],
        )  # fmt: skip


# "in 17 days", "in a few months": the time that far ahead, in a sentence that
# looks forward ("Election Day is in 17 days", "we'll be making awards in a few
# months"); in one that looks back it is how long something took. Found in the
# lower-cased text by the literal "in" (so the scan is fast), then checked.
# Read alone ("in 17 days") it is not read: nothing says it looks forward.
_IN_COUNT = re.compile(
    r"in\s{1,3}(?:(?P<few>a\s{1,3}few|a\s{1,3}couple(?:\s{1,3}of)?)|(?P<n>[a-z0-9-]{1,12}))"
    r"\s{1,3}(?P<unit>day|week|month|year)s?\b"
)
_NOT_AFTER_UNIT = re.compile(r"(?:\s{1,3}(?i:when|that|where|which|or|and|to)|,?\s{1,3}(?i:of))\b")
# "the fastest pace in 30 years", "the first time in a decade", "that we haven't
# seen in 70 years": how long since.
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?i:[a-z]{2,}est|first|most|least|best|worst|record|only|have|has|had|haven['’]t"
    r"|hasn['’]t|hadn['’]t)\b[^.,;:!?]{0,60}$|['’]ve\b[^.,;:!?]{0,60}$"
)
_PRESENT_BEFORE_IN = re.compile(r"\b(?i:is|are)\s{1,3}$")


def _scan_in_time(text: str, lowered: str) -> Iterator[Expression]:
    for match in _IN_COUNT.finditer(lowered):
        start, end = match.span()
        few, count = match["few"], match["n"]
        if start and lowered[start - 1].isalnum():
            continue  # "within"
        if count is not None and not (
            (count.isdigit() and len(count) <= 3) or count in _NUMBER_WORDS
        ):
            continue  # "in Washington days", "in 2024 years"
        if _NOT_AFTER_UNIT.match(text, end):
            continue
        if _SUPERLATIVE_BEFORE.search(text, max(0, start - 80), start):
            continue
        scheduled = _PRESENT_BEFORE_IN.search(text, max(0, start - 6), start)
        if scheduled is None and tense_of(text, start, end) <= 0:
            continue
        yield Expression(
            start=start,
            end=end,
            kind="ahead",
            count=few_count(few) if few else _number(count),
            unit=match["unit"],
            approximate=bool(few),
        )


# A fiscal year named by its number: "FY 2022", "FY22", "fiscal 2023".
_FISCAL_BEFORE = re.compile(r"\b(?:FY|[Ff]iscal(?:\s+[Yy]ear)?)\s?$")
_FISCAL_SHORT = re.compile(r"\bFY(?:(?P<yyyy>(?:19|20)\d\d)|\s?(?P<yy>\d\d))(?![\w%]|[.,/:-]\d)")


def _scan_short_years(text: str) -> Iterator[Expression]:
    if "FY" in text:
        for match in _FISCAL_SHORT.finditer(text):
            start, end = match.span()
            if match["yyyy"]:  # "FY2024": with a space, the year scan reads it
                value = PartialDate(int(match["yyyy"]))
                yield Expression(start=start, end=end, kind="absolute", value=value)
            else:
                yield Expression(start=start, end=end, kind="shortyear", count=int(match["yy"]))
    for match in _SHORT_YEAR.finditer(text):
        quote = match.start()
        if quote and (text[quote - 1].isalnum() or text[quote - 1] in "_.,"):
            continue  # inside a word or a number: "3’10", "x'99"
        if text[quote] == "‘" and _CLOSING_QUOTE.match(text, match.end()):
            continue  # an opening quotation mark: "in ‘24 hours’ time" is quoted words
        named = _MONTH_BEFORE.search(text, max(0, quote - 20), quote)
        start = named.start() if named else quote
        if named is None:
            before = text[max(0, quote - 30) : quote]
            if not (_YEAR_BEFORE.search(before) or _SHORT_YEAR_BEFORE.search(before)):
                continue
        month = _month(named["mm"]) if named else 0
        yield Expression(
            start=start, end=match.end(), kind="shortyear",
            count=int(match["yy"]), month=month,
        )  # fmt: skip


# "the 21st century", "twentieth-century", "the late 19<sup>th</sup> century",
# "this century": found by the word "century" first (rare and literal), then
# the ordinal before it. EDTF counts a century from its year 00: "19XX".
_CENTURY_WORD = re.compile(r"\b(?i:century)\b")
_CENTURY_BEFORE = re.compile(
    rf"""(?:\b(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?
    (?:(?P<cn>\d{{1,2}})(?:(?i:st|nd|rd|th)|<sup>(?i:st|nd|rd|th)</sup>)
      | \b(?P<cw>(?i:{_ORDINAL_WORD}))
      | \b(?P<cmod>(?i:this|the\s+present|the\s+current|last|next)))
    [\s\xa0-]{{1,3}}$""",
    re.VERBOSE,
)


# A century counted from something else: "our second century", "the second
# century of our national existence"; "over the last century" is a span.
_CENTURY_OWNED = re.compile(
    r"(?:\b(?:our|their|its|his|her|my|your)|\w['’]s)\s{1,3}$", re.IGNORECASE
)
_CENTURY_SPAN = re.compile(
    r"\b(?:over|within|throughout|for|in|during|course\s+of)\s{1,3}$", re.IGNORECASE
)
# After "century": "of our existence" (counted from something else), "-old"
# and "-long" (an age, a length), "BC" (natojp's years are AD), "or so" and "and
# a half" (a span).
_NOT_A_CENTURY_AFTER = re.compile(
    r"(?:\s{1,3}of\b|-(?:old|long)\b|\s{1,3}(?:B\.?C\.?E?\b|or\s+so\b|and\s+a\s+half\b))",
    re.IGNORECASE,
)


def _scan_centuries(text: str) -> Iterator[Expression]:
    if "entur" not in text and "ENTUR" not in text:
        return
    for match in _CENTURY_WORD.finditer(text):
        before = _CENTURY_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is None:
            continue
        start, end = before.start(), match.end()
        if _CENTURY_OWNED.search(text, max(0, start - 16), start) or _NOT_A_CENTURY_AFTER.match(
            text, end
        ):
            continue
        if before["cmod"]:
            step = _UNIT_STEPS.get(before["cmod"].split()[-1].lower(), 0)
            if step and _CENTURY_SPAN.search(text, max(0, start - 16), start):
                continue
            yield Expression(start=start, end=end, kind="centuries", count=step)
            continue
        number = int(before["cn"]) if before["cn"] else _day_number(None, before["cw"])
        if number >= 2:  # the first century would start in year 0
            value = PartialDate((number - 1) * 100, century=True)
            yield Expression(start=start, end=end, kind="absolute", value=value)


# "the sixties", "the nineteen-sixties", "the ‘30s", "in the early ’80s": a
# decade named without its century, which is the latest one not after the
# text's year. Found by the decade's word or the apostrophe first.
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
# Found by their endings, "ties" and "0s", literal and rare.
_DECADE_ENDING = re.compile(r"(?:ties|TIES|0s|0['’]s)\b")
_DECADE_WORD = re.compile(
    r"(?:\b(?P<centw>(?i:eighteen|nineteen))[\s-])?\b(?P<dw>(?i:"
    + "|".join(_DECADE_WORDS)
    + r"))$|(?<![\w'’‘])(?:['’‘](?P<dd>[1-9]0)s|(?P<dq>[1-9]0)['’]s)$"
)
_DECADE_BEFORE = re.compile(r"\b(?i:the)(?:\s+(?i:early|mid|late))?[\s-]{1,3}$")
_DECADE_LISTED_BEFORE = re.compile(
    r"\b(?P<cc>1[6-9]|20)[1-9]?0['’]?s,?\s{1,3}(?:and|or|to)\s{1,3}$"
)
_DECADE_WITHOUT_THE = re.compile(r"\b(?i:early|mid|late)[\s-]{0,3}$")


def _scan_decade_words(text: str) -> Iterator[Expression]:
    for ending in _DECADE_ENDING.finditer(text):
        match = _DECADE_WORD.search(text, max(0, ending.start() - 18), ending.end())
        if match is None:
            continue
        window = max(0, match.start() - 16)
        before = _DECADE_BEFORE.search(text, window, match.start())
        listed = None
        if before is None and match["dd"]:
            # "early ‘30s" needs no article; "his sixties", "her 80's" are ages;
            # "the 1850s and ‘60s" goes on in the century named
            before = _DECADE_WITHOUT_THE.search(text, window, match.start())
            listed = _DECADE_LISTED_BEFORE.search(text, max(0, match.start() - 24), match.start())
        if before is None and listed is None:
            continue
        digits = match["dd"] or match["dq"]
        tens = _DECADE_WORDS[fold(match["dw"])] if match["dw"] else int(digits) // 10
        if listed is not None:
            century = int(listed["cc"]) * 100
            value = PartialDate(century + tens * 10, decade=True)
            yield Expression(start=match.start(), end=match.end(), kind="absolute", value=value)
        elif match["centw"]:
            assert before is not None
            century = 1800 if match["centw"].lower() == "eighteen" else 1900
            value = PartialDate(century + tens * 10, decade=True)
            yield Expression(start=before.start(), end=match.end(), kind="absolute", value=value)
        else:
            assert before is not None
            yield Expression(start=before.start(), end=match.end(), kind="shortdecade", count=tens)


# "this weekend", "over the weekend", "last weekend": Saturday and Sunday of a
# week, found by the word "weekend" first.
_WEEKEND = re.compile(r"\b(?i:weekend)(?:['’]s)?\b")
_WEEKEND_BEFORE = re.compile(
    r"\b(?P<mod>(?i:this\s+past|this\s+coming|this|last|(?:over|during|on)\s+(?P<the>the)))"
    r"\s{1,3}$"
    # a wish for the weekend to come: "have a great weekend"
    r"|\b(?P<wish>(?i:have\s+a\s+(?:great|good|nice|wonderful|happy|safe|restful|lovely)))\s{1,3}$"
)


def _scan_weekends(text: str) -> Iterator[Expression]:
    if "eekend" not in text and "EEKEND" not in text:
        return
    for match in _WEEKEND.finditer(text):
        before = _WEEKEND_BEFORE.search(text, max(0, match.start() - 24), match.start())
        if before is None:
            continue
        if before["wish"]:
            yield Expression(
                start=match.start(), end=match.end(), kind="weekend", mode="this", tense=1
            )
            continue
        modifier = " ".join(fold(before["mod"]).split())
        mode = {"this past": "last", "last": "last", "this coming": "next", "this": "this"}.get(
            modifier, ""
        )
        start = before.start("the") if before["the"] else before.start("mod")
        yield Expression(
            start=start,
            end=match.end(),
            kind="weekend",
            mode=mode,
            tense=tense_of(text, start, match.end()),
        )


# Holidays by name (natojp.dates._holidays): the day only where nothing they
# name follows ("Christmas trees", "the Good Friday Agreement") and where they
# are not the occasion celebrated ("to celebrate Juneteenth").
_CELEBRATED_BEFORE = re.compile(
    r"\b(?i:celebrat(?:e|es|ed|ing)|commemorat(?:e|es|ed|ing)|observ(?:e|es|ed|ing))"
    r"\s{1,3}(?:the\s{1,3})?$"
)


def _matches_at(
    text: str,
    places: list[tuple[int, str]],
    words: Iterable[str],
    pattern: re.Pattern[str],
    window: tuple[int, int],
    group: str | int = 0,
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` whose ``group`` holds one of ``places`` where
    a word of ``words`` is, searched only in ``window`` (characters before and
    after the word), not at every position; none overlapping the one before."""
    last_end = -1
    for at, word in places:
        if at < last_end or word not in words:
            continue
        match = pattern.search(text, max(0, at - window[0]), at + window[1])
        if match is not None and last_end <= match.start(group) <= at < match.end():
            last_end = match.end()
            yield match


# A holiday owned by a place or named with another word before it is that
# place's or that calendar's ("Ukraine's Independence Day", "Japan's Labour
# Thanksgiving Day"), unless the word only opens the sentence or wishes it.
_OWNED_BEFORE = re.compile(
    r"(?:['’]s|\b(?!(?:On|Last|Next|This|Since|Until|Till|By|Before|After|Over|Happy|Merry"
    r"|During|For|At|Every|And|But|In|Through|Of|The|A)\b)[A-Z][a-z]+)\s{1,3}$"
)


def _scan_holidays(text: str, places: list[tuple[int, str]]) -> Iterator[Expression]:
    for match in _matches_at(text, places, HOLIDAY_WORDS, HOLIDAY, (16, 48)):
        start, end = match.span()
        if not match["year"] and (
            _CELEBRATED_BEFORE.search(text, max(0, start - 20), start)
            or _OWNED_BEFORE.search(text, max(0, start - 24), start)
        ):
            continue  # "to celebrate Juneteenth", "Ukraine's Independence Day"
        key = holiday_key(match)
        which = _LAST_NEXT_BEFORE.search(text, max(0, start - 8), start)
        if which is not None and not match["year"]:  # "last Christmas", "next Thanksgiving"
            yield Expression(
                start=which.start(), end=end, kind="holiday", unit=key,
                mode=which["which"].lower(), tense=0,
            )  # fmt: skip
            continue
        if match["year"]:
            day = holiday_day(key, int(match["year"]))
            if day is not None:
                value = PartialDate.from_date(day)
                yield Expression(start=start, end=end, kind="absolute", value=value)
        else:
            yield Expression(start=start, end=end, kind="holiday", unit=key, tense=TENSE_UNREAD)


def _scan_observances(text: str, places: list[tuple[int, str]]) -> Iterator[Expression]:
    for match in _matches_at(text, places, OBSERVANCE_WORDS, OBSERVANCE, (100, 60), "name"):
        start, end = match.span("name")
        lead = match["lead"].lower()
        mode = "this" if lead.startswith(("this", "it")) else ""
        yield Expression(
            start=start,
            end=end,
            kind="month",
            month=observance_month(match["name"]),
            mode=mode,
            tense=tense_of(text, start, end),
        )


# Older spellings of the days: "to-day", "to-morrow", "to-night".
# Found by the hyphen and the word after it ("o-day", literal, so the regex
# engine skips to each), then the "t" before it checked by hand.
_HYPHENATED_DAY = tuple(re.compile(rf"{o}-(?P<which>(?i:day|morrow|night))\b") for o in ("o", "O"))


def _scan_hyphenated_days(text: str) -> Iterator[Expression]:
    for pattern in _HYPHENATED_DAY:
        for match in pattern.finditer(text):
            start = match.start() - 1
            if start < 0 or text[start] not in "tT" or (start and _joined_before(text, start)):
                continue  # "two-day", "photo-day", "day-to-day": no "to-day"
            count = 1 if match["which"].lower() == "morrow" else 0
            yield Expression(start=start, end=match.end(), kind="day", count=count)


def _joined_before(text: str, at: int) -> bool:
    """Whether the word at ``at`` is joined to the one before it ("day-to-day")."""
    before = text[at - 1]
    return before.isalnum() or (before == "-" and at > 1 and text[at - 2].isalnum())


# A web address: the numbers in one ("/2022/2022-10-18-notice.pdf") are no dates.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"()\[\]]{1,2000}", re.IGNORECASE)


def _outside_urls(text: str, lowered: str, expressions: list[Expression]) -> list[Expression]:
    if not expressions or ("://" not in text and "www." not in lowered):
        return expressions
    urls = [match.span() for match in _URL.finditer(text)]
    if not urls:
        return expressions
    return [e for e in expressions if not any(s < e.end and e.start < t for s, t in urls)]


def _select(expressions: Iterable[Expression]) -> list[Expression]:
    """Expressions that do not overlap, in text order: of two that overlap, the
    longer ("Tuesday (31 January 2023)" over "Tuesday")."""
    chosen: list[Expression] = []
    for expr in sorted(expressions, key=lambda e: (e.start, e.start - e.end)):
        if chosen and expr.start < chosen[-1].end:
            if expr.end - expr.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = expr
            continue
        chosen.append(expr)
    return chosen


# The words an expression can start with. Trying the patterns only where one of
# these (or a digit) starts a word is several times faster than running them at
# every position of the text.
_STARTS = frozenset(
    (*MONTHS, *WEEKDAYS, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
     "sun", "spring", "summer", "autumn", "fall", "winter", "early", "mid", "late", "earlier",
     "later", "the", "this", "last", "next", "today", "tonight", "yesterday", "tomorrow",
     "upcoming", "twenty", "thirty", "now", *(word for word in ORDINAL_DAYS if "-" not in word))
)  # fmt: skip


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: Iterable[str]) -> str:
    """One pattern for ``words`` as a trie ("t(?:he|his|oday)"): the regex
    engine then tries one branch per letter, not every word at each place."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(char) + pattern(rest) for char, rest in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


# A word that may start an expression (or "ago"), or a digit that starts a
# word, found in the lower-cased text in one pass of the regex engine.
_START_WORD = re.compile(
    r"(?<![^\W_])(?:\d|(?:" + _trie_pattern((*_STARTS, "ago")) + r")(?![^\W_]))"
)


def lower_keeping_length(text: str) -> str:
    """``text`` in lower case, each character where it stays one character
    (the positions in it are the positions in ``text``): "İ" lower-cases to two."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _starts(lowered: str) -> tuple[list[int], list[str], list[int]]:
    """Where words that may start a date expression start, and those words (in
    lower case; a digit for a number), and where "ago" and "now" are (the words
    a count of time before or after them ends on)."""
    starts, words, ago_or_now = [], [], []
    for match in _START_WORD.finditer(lowered):
        word = match[0]
        if word == "ago":
            ago_or_now.append(match.start())
            continue
        starts.append(match.start())
        words.append(word)
        if word == "now":
            ago_or_now.append(match.start())
    return starts, words, ago_or_now


# The start words each pattern cannot begin with: trying it only at the others
# spares most of its calls ("the" alone is more than half of all starts).
_NOT_ABSOLUTE = frozenset(
    ("the", "this", "last", "next", "early", "mid", "late", "earlier", "later", "today",
     "tonight", "yesterday", "tomorrow", "upcoming", "now", *_SEASONS)
)  # fmt: skip
_NOT_PARTIAL = frozenset(
    ("this", "last", "next", "earlier", "later", "today", "tonight", "yesterday", "tomorrow",
     "upcoming", "now", *WEEKDAYS, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
     "sat", "sun")
)  # fmt: skip
_MONTH_OR_SEASON = frozenset((*(name.lower() for name in _FULL_MONTHS), *_SEASONS))


# The words after "the" where _PARTIAL ("the spring of 2020", "the early 1990s")
# and _RELATIVE ("the day before yesterday", "the present year", "the year just
# ended") can begin; a number after it may begin a decade ("the 1990s").
_PARTIAL_AFTER_THE = frozenset(
    ("spring", "summer", "autumn", "fall", "winter", "early", "mid", "late")
)
_RELATIVE_AFTER_THE = frozenset(
    ("day", "present", "current", "ensuing", "coming", "upcoming", "past", "year")
)
# (Only the first of a run of spaces can begin it, and the run is taken whole:
# linear in time when searched too.)
_WORD_AFTER = re.compile(r"(?<!\s)\s++([^\W_]+)")


def _word_after(lowered: str, at: int) -> str:
    # folded as the patterns' case-blind matching reads it ("the ſpring")
    match = _WORD_AFTER.match(lowered, at)
    return fold(match[1]) if match else ""


def scan_expressions(
    text: str, dayfirst: bool | None, *, lowered: str | None = None
) -> list[Expression]:
    """The date expressions in ``text`` that do not overlap, unresolved;
    ``lowered`` is ``lower_keeping_length(text)`` where the caller has it."""
    if lowered is None:
        lowered = lower_keeping_length(text)
    starts, words, ago_or_now = _starts(lowered)
    # "the" is more than half of all starts, and a pattern can begin there only
    # before a few words: the word after each "the" says which patterns to try.
    after_the = {
        at: _word_after(lowered, at + 3)
        for at, word in zip(starts, words, strict=True)
        if word == "the"
    }

    def only(
        unwanted: frozenset[str], after: frozenset[str] | None = None, *, number: bool = False
    ) -> list[int]:
        """The starts but for ``unwanted`` words, and for "the" where ``after``
        does not hold the word after it (or, with ``number``, a number)."""
        return [
            at
            for at, word in zip(starts, words, strict=True)
            if word not in unwanted
            and (
                word != "the"
                or after is None
                or after_the[at] in after
                or (number and after_the[at][:1].isdigit())
            )
        ]

    month_starts = [at for at, word in zip(starts, words, strict=True) if word in _MONTH_OR_SEASON]

    def every() -> Iterator[Expression]:
        yield from _scan_absolute(text, dayfirst, only(_NOT_ABSOLUTE))
        yield from _scan_partial(text, only(_NOT_PARTIAL, _PARTIAL_AFTER_THE, number=True))
        relative_starts = only(frozenset(), _RELATIVE_AFTER_THE)
        yield from _scan_relative(text, relative_starts, ago_or_now, month_starts)
        yield from _scan_years(text, starts)
        yield from _scan_short_years(text)
        yield from _scan_weeks(text)
        yield from _scan_in_time(text, lowered)
        yield from _scan_named_dates(text)
        yield from _scan_centuries(text)
        yield from _scan_decade_words(text)
        yield from _scan_weekends(text)
        yield from _scan_hyphenated_days(text)
        places = [(match.start(), match[0]) for match in NAMED_DAY_WORD.finditer(text)]
        if places:
            yield from _scan_holidays(text, places)
            yield from _scan_observances(text, places)

    return _outside_urls(text, lowered, _select(every()))


# Days known by a name written in figures: the attacks of 11 September 2001,
# 26 November 2008 (Mumbai) and 7 July 2005 (London). A reader of English takes
# "9/11" for the day, not for the 11th of September of the year written.
_NAMED_DATES = {"9/11": PartialDate(2001, 9, 11), "26/11": PartialDate(2008, 11, 26),
                "7/7": PartialDate(2005, 7, 7)}  # fmt: skip
_NAMED_DATE = re.compile(r"(?<![\w/.])(?:9/11|26/11|7/7)(?![\w/]|[.-]\d)")


def _scan_named_dates(text: str) -> Iterator[Expression]:
    if "/" not in text:
        return
    for match in _NAMED_DATE.finditer(text):
        yield Expression(
            start=match.start(), end=match.end(), kind="absolute", value=_NAMED_DATES[match.group()]
        )


# --- resolving them against an anchor ----------------------------------------------


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _season_index(day: _dt.date) -> int:
    """Seasons counted from year 0: four a year, winter running into the next year."""
    month = day.month
    if month in (1, 2):
        return (day.year - 1) * 4 + 3
    return day.year * 4 + (month - 3) // 3


def _pick(current: int, target: int, period: int, mode: str, tense: int) -> int:
    """The occurrence of ``target`` (mod ``period``) that ``mode`` or ``tense``
    points at, counted from ``current``."""
    back = (current - target) % period
    ahead = (target - current) % period
    if mode == "last":
        return current - (back or period)
    if mode == "next":
        return current + (ahead or period)
    if back == 0:
        return current
    return current - back if tense <= 0 else current + ahead


def _resolve(expr: Expression, anchor: PartialDate | None) -> PartialDate | None:
    try:
        return _resolve_unchecked(expr, anchor)
    except (ValueError, OverflowError):
        return None  # past the calendar's ends (year 1 or 9999)


def _resolve_unchecked(expr: Expression, anchor: PartialDate | None) -> PartialDate | None:
    if expr.kind == "absolute":
        return expr.value
    if anchor is None:
        return None
    approximate = anchor.approximate or expr.approximate
    day = anchor.to_date() if anchor.day is not None else None
    result: PartialDate | None = None
    if expr.kind == "day" and day is not None:
        result = PartialDate.from_date(day + _dt.timedelta(days=expr.count))
    elif expr.kind == "weekday" and day is not None:
        if expr.mode == "this":
            # "this Saturday" is the one of the week the text was written in,
            # unless the verb looks the other way ("will meet this Monday",
            # written on a Friday, is the next Monday)
            offset = expr.weekday - day.weekday()
            if offset < 0 < expr.tense or expr.tense < 0 < offset:
                offset += 7 * expr.tense
        else:
            offset = _pick(day.weekday(), expr.weekday, 7, expr.mode, expr.tense) - day.weekday()
        result = PartialDate.from_date(day + _dt.timedelta(days=offset))
    elif expr.kind == "months" and anchor.month is not None:
        year, month = _add_months(anchor.year, anchor.month, expr.count)
        result = PartialDate(year, month)
    elif expr.kind == "years":
        result = PartialDate(anchor.year + expr.count)
    elif expr.kind == "closedyear" and anchor.month is not None:
        result = PartialDate(anchor.year if anchor.month >= 7 else anchor.year - 1)
    elif expr.kind == "decades":
        result = PartialDate(anchor.year - anchor.year % 10, decade=True)
    elif expr.kind == "centuries":
        result = PartialDate(anchor.year - anchor.year % 100 + 100 * expr.count, century=True)
    elif expr.kind == "shortdecade":
        decade = anchor.year - anchor.year % 100 + 10 * expr.count
        if decade == anchor.year - anchor.year % 10 and anchor.year % 10 > _NEW_DECADE:
            # "the ’20s", written in 2024: this decade, or the 1920s; written in
            # 1980, "the 80's" is the decade just begun
            return None
        result = PartialDate(decade - (100 if decade > anchor.year else 0), decade=True)
    elif expr.kind == "weekend" and day is not None:
        result = PartialDate.from_date(_weekend(day, expr.mode, expr.tense))
    elif expr.kind == "month" and expr.mode == "this":
        result = PartialDate(anchor.year, expr.month)
    elif expr.kind == "month" and anchor.month is not None:
        current = anchor.year * 12 + anchor.month - 1
        index = _pick(current, expr.month - 1, 12, expr.mode, expr.tense)
        result = PartialDate(index // 12, index % 12 + 1)
    elif expr.kind == "season" and expr.season is not None and anchor.month is not None:
        target = _SEASON_ORDER.index(expr.season)
        current = _season_index(anchor.start)
        if expr.mode == "this":
            # "this spring" is the spring of the text's year; "this winter", in
            # January, the winter it is in
            index = current if current % 4 == target else anchor.year * 4 + target
            if index > current and expr.tense < 0 and index - 4 == current - 1:
                index -= 4  # "This winter, we ran ...", said in April: the one just ended
        else:
            index = _pick(current, target, 4, expr.mode, expr.tense)
        result = PartialDate(index // 4, season=_SEASON_ORDER[index % 4])
    elif expr.kind == "ago" and expr.then_unit:
        result = _ago_from(anchor, day, expr)
    elif expr.kind == "ago":
        result = _ago(anchor, day, expr.count, expr.unit)
    elif expr.kind == "ahead" and expr.unit == "week" and day is not None:
        result = PartialDate.from_date(day + _dt.timedelta(weeks=expr.count))  # "a week from now"
    elif expr.kind == "ahead":
        result = _ago(anchor, day, -expr.count, expr.unit)
    elif expr.kind == "dayofmonth" and anchor.month is not None:
        year, month = _add_months(anchor.year, anchor.month, expr.count)
        result = PartialDate(year, month, expr.day)
    elif expr.kind == "monthofyear":
        result = PartialDate(anchor.year + expr.count, expr.month, expr.day or None)
    elif expr.kind in ("monthday", "holiday"):
        result = nearest_day(anchor, _day_in_year(expr), mode=expr.mode)
        if (
            not expr.mode
            and expr.tense not in (0, TENSE_UNREAD)
            and result is not None
            and anchor.day is not None
        ):
            # the nearest such day, unless it is months away on the side the
            # tense rules out: "were assembled on the 18th of May" in December
            ahead = (result.start - anchor.start).days
            ruled_out = ahead if expr.tense < 0 else -ahead  # days on the side the tense rules out
            if ruled_out > _TENSE_OVERRULES:
                mode = "last" if expr.tense < 0 else "next"
                result = nearest_day(anchor, _day_in_year(expr), mode=mode)
    elif expr.kind == "week" and day is not None:
        year, week, _ = (day + _dt.timedelta(weeks=expr.count)).isocalendar()
        result = PartialDate(year, week=week)
    elif expr.kind == "shortyear":
        # the year of the anchor's century, unless that is more than ten years ahead
        year = anchor.year - anchor.year % 100 + expr.count
        year -= 100 if year > anchor.year + 10 else 0
        result = PartialDate(year, expr.month or None)
    if result is None:
        return None
    return attrs.evolve(result, approximate=approximate) if approximate else result


def _ago(anchor: PartialDate, day: _dt.date | None, count: int, unit: str) -> PartialDate | None:
    if unit in ("day", "week"):
        if day is None:
            return None
        then = day - _dt.timedelta(days=count * (7 if unit == "week" else 1))
        if unit == "week":  # "two weeks ago" names a week, not a day of it
            year, week, _ = then.isocalendar()
            return PartialDate(year, week=week)
        return PartialDate.from_date(then)
    if unit == "month":
        if anchor.month is None:
            return None
        year, month = _add_months(anchor.year, anchor.month, -count)
        return PartialDate(year, month)
    if unit == "century":  # "five centuries ago": the century, not a year in it
        year = anchor.year - 100 * count
        return PartialDate(year - year % 100, century=True) if year >= 100 else None
    years = count * (10 if unit == "decade" else 1)
    return PartialDate(anchor.year - years, approximate=unit == "decade")


# For how many years after its start a decade named without its century ("the
# 80's", "the twenties") is the one just begun.
_NEW_DECADE = 2


# Monday and Tuesday: the days on which "this weekend", with no verb to say,
# is the weekend just gone.
_EARLY_IN_WEEK = 1


def _weekend(day: _dt.date, mode: str, tense: int) -> _dt.date:
    """The Saturday of the weekend ``mode`` and ``tense`` point at, from ``day``."""
    saturday = day + _dt.timedelta(days=5 - day.weekday())  # of the week of ``day``
    if mode == "last":
        return saturday - _dt.timedelta(weeks=1)
    if mode == "next":
        return saturday + _dt.timedelta(weeks=0 if day.weekday() < 5 else 1)
    if mode == "this":
        # looking back, or early in the week with no verb to say ("this
        # weekend's strikes", written on a Tuesday), the weekend just gone
        gone = saturday > day and (tense < 0 or (tense == 0 and day.weekday() <= _EARLY_IN_WEEK))
        return saturday - _dt.timedelta(weeks=1 if gone else 0)
    # "over the weekend": the one to come in the future tense, else the last one
    if tense > 0:
        return saturday + _dt.timedelta(weeks=1 if day.weekday() == 6 else 0)
    return saturday - _dt.timedelta(weeks=0 if day.weekday() >= 5 else 1)


def _ago_from(anchor: PartialDate, day: _dt.date | None, expr: Expression) -> PartialDate | None:
    """ "Two years ago today", "81 years ago this month", "four years ago next
    week": the day, week or month named, ``expr.count`` units back from it."""
    if day is None:
        return None
    unit, count = expr.unit, expr.count
    if expr.then_unit == "day":
        then = day + _dt.timedelta(days=expr.then_count)
    elif expr.then_unit == "week":
        then = day + _dt.timedelta(weeks=expr.then_count)
    else:
        year, month = _add_months(day.year, day.month, expr.then_count)
        then = _dt.date(year, month, 1)
    if unit in ("day", "week"):
        then -= _dt.timedelta(days=count * (7 if unit == "week" else 1))
    else:
        months = count * {"month": 1, "year": 12, "decade": 120}[unit]
        year, month = _add_months(then.year, then.month, -months)
        # "one month ago today" on 31 May is 30 April; a year before 29 February, the 28th
        then = _dt.date(year, month, min(then.day, calendar.monthrange(year, month)[1]))
    if expr.then_unit == "week":
        year, week, _ = then.isocalendar()
        return PartialDate(year, week=week)
    if expr.then_unit == "month":
        return PartialDate(then.year, then.month)
    return PartialDate.from_date(then)


# The prepositions that reach forward, before a day and month: a deadline.
_DEADLINE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(_FORWARD_PREPOSITIONS))})\s{{1,3}}(?:the\s{{1,3}})?$", re.IGNORECASE
)
# The tense of a day and month not read yet: find_single_dates reads it only
# where the nearest such day is far enough away for it to matter.
TENSE_UNREAD = 2
# How many days away the nearest day and month must be, on the side its tense
# rules out, before the tense picks the year instead.
_TENSE_OVERRULES = 122


def _day_in_year(expr: Expression) -> Callable[[int], _dt.date | None]:
    """The day a day-and-month or a holiday falls on in a given year."""
    if expr.kind == "holiday":
        return functools.partial(holiday_day, expr.unit)

    def day_in(year: int) -> _dt.date | None:
        try:
            return _dt.date(year, expr.month, expr.day)
        except ValueError:  # 29 February in a common year, or a year out of range
            return None

    return day_in


def nearest_day(
    anchor: PartialDate, day_in: Callable[[int], _dt.date | None], *, mode: str = ""
) -> PartialDate | None:
    """The day (in whichever year ``day_in`` is given) nearest the anchor: on or
    before it for ``mode`` "last" (after "since", or "the 26th of May last"),
    after it for "next" ("July 1 next")."""
    best: _dt.date | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = day_in(year) if 1 <= year <= 9999 else None
        if candidate is None:
            continue
        if (mode == "last" and candidate > anchor.end) or (
            mode == "next" and candidate <= anchor.end
        ):
            continue
        if anchor.day is None and anchor.month is None and year != anchor.year:
            continue
        distance = abs((candidate - anchor.start).days)
        if best is None or distance < abs((best - anchor.start).days):
            best = candidate
    return PartialDate.from_date(best) if best else None


def as_partial(anchor: PartialDate | _dt.date | None) -> PartialDate | None:
    """``anchor`` as a :class:`PartialDate` (a datetime's day)."""
    if anchor is None or isinstance(anchor, PartialDate):
        return anchor
    if isinstance(anchor, _dt.datetime):
        anchor = anchor.date()
    return PartialDate.from_date(anchor)


# Expressions that name more than one day: a mention of one has an interval,
# so read alone they are no single date (parse_interval reads them whole).
_SPANNING_KINDS = frozenset(["weekend"])


def find_single_dates(
    text: str,
    *,
    anchor: PartialDate | _dt.date | None = None,
    dayfirst: bool | None = None,
    lowered: str | None = None,
) -> tuple[DateMention, ...]:
    """Every single date expression in ``text``, in text order, before ranges
    are joined (:func:`natojp.dates.find_dates` joins them)."""
    resolved_anchor = as_partial(anchor)
    mentions = []
    for expr in scan_expressions(text, dayfirst, lowered=lowered):
        value = _resolve(expr, resolved_anchor)
        if expr.tense == TENSE_UNREAD and value is not None and resolved_anchor is not None:
            if abs((value.start - resolved_anchor.start).days) > _TENSE_OVERRULES:
                expr = attrs.evolve(expr, tense=monthday_tense(text, expr.start, expr.end))
                value = _resolve(expr, resolved_anchor)
            elif value.start > resolved_anchor.end and _PAST_VERB_JUST_BEFORE.search(
                text, max(0, expr.start - 70), expr.start
            ):  # "We met on March 3", written in December: the March gone
                expr = attrs.evolve(expr, mode="last")
                value = _resolve(expr, resolved_anchor)
        interval = None
        if expr.kind in _SPANNING_KINDS and value is not None:  # a weekend: two days
            sunday = PartialDate.from_date(value.to_date() + _dt.timedelta(days=1))
            interval = DateInterval(start=value, end=sunday)
        mentions.append(
            DateMention(
                span=Span(expr.start, expr.end),
                value=value,
                relative=expr.relative,
                anchor=resolved_anchor if expr.relative and value is not None else None,
                ambiguous=expr.ambiguous,
                interval=interval,
            )
        )
    return tuple(mentions)


def clean_expression(text: str) -> str:
    """``text`` without what surrounds a date in a byline: times and zones, a
    "Last updated:" or "Posted" prefix, a later "updated ..." stamp, brackets."""
    cleaned = _STAMP_PREFIX.sub("", without_times(text).strip())
    cleaned = _LATER_STAMP.sub("", cleaned)  # "Posted 12 June, updated 14 June": posted
    cleaned = cleaned.translate(_BRACKETS)  # "[1818-10-20]", an editor's date
    return " ".join(cleaned.split()).strip(" -|,@")


_BRACKETS = str.maketrans("()[]", "    ")


def parse_single_date(
    text: str,
    *,
    anchor: PartialDate | _dt.date | None = None,
    dayfirst: bool | None = None,
    with_dateutil: bool = True,
) -> PartialDate:
    """One date expression that is not a range, as :func:`natojp.dates.parse_date`
    documents (which reads a range first, then this). ``with_dateutil=False``
    leaves out dateutil's reading of forms natojp does not know."""
    cleaned = clean_expression(text)
    approximate = False
    while (hedge := _HEDGE.match(cleaned)) and hedge.end() < len(cleaned):
        cleaned, approximate = cleaned[hedge.end() :], True  # "c. c. 1995" is still c. 1995
    if not cleaned and ":" in text and text.strip(" @"):
        # "08:15 JST": a time of the day the text was written
        day = as_partial(anchor)
        if day is None or day.day is None:
            raise DateError(f"{text!r} is a time with no date; pass anchor= (a date) to resolve it")
        return day
    if not cleaned:
        raise DateError(f"not a date: {text!r}")
    try:
        value = _parse_cleaned(
            text, cleaned, anchor=anchor, dayfirst=dayfirst, with_dateutil=with_dateutil
        )
    except DateError:
        raise
    except (ValueError, ArithmeticError) as exc:  # a year 0, a day past the month's end
        raise DateError(f"not a date: {text!r} ({exc})") from None
    return attrs.evolve(value, approximate=True) if approximate else value


def _parse_cleaned(
    text: str,
    cleaned: str,
    *,
    anchor: PartialDate | _dt.date | None,
    dayfirst: bool | None,
    with_dateutil: bool,
) -> PartialDate:
    found = next(iter_absolute(cleaned, dayfirst=dayfirst), None)
    if found is not None and len(cleaned[found.span.end :].strip(" -|,.")) == 0:
        return found.value
    match = _MONTH_YEAR.match(cleaned)
    if match:
        return PartialDate(int(match["y"]), _month(match["m"]))
    match = _YEAR_ONLY.match(cleaned)
    if match:
        return PartialDate(int(match["y"]))
    whole = _whole_expression(cleaned)
    if whole is not None and whole.kind not in _SPANNING_KINDS:
        value = _resolve(whole, as_partial(anchor))
        if value is None:
            raise DateError(
                f"{text!r} is relative to when it was written; pass anchor= (a date) to resolve it"
            )
        return value
    if not with_dateutil:
        raise DateError(f"not a date: {text!r}")
    return _parse_with_dateutil(text, cleaned, anchor=anchor, dayfirst=dayfirst)


# A byline's words before its date: "Last updated:", "Posted on", "Published".
_STAMP_PREFIX = re.compile(
    r"^(?:(?:first\s)?(?:posted|published)|(?:last\s)?(?:updated|modified))(?:\s(?:on|at))?:?\s",
    re.IGNORECASE,
)
# A later stamp after the first one: ", updated 14 June 2023".
_LATER_STAMP = re.compile(
    r"[,;|]\s?(?:last\s)?(?:updated|modified)\b.*$", re.IGNORECASE | re.DOTALL
)
# Archival hedges: "c. 1995", "circa 1995", "about June 2022" (EDTF "~").
_HEDGE = re.compile(
    r"^(?:c\.|ca\.|circa|approx\.|approximately|about|around|roughly)\s*", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"^(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})$", re.IGNORECASE)
# Part of a year is inside the year: "early 2023" is 2023, at year precision.
_YEAR_ONLY = re.compile(r"^(?:in\s+|(?:early|mid|late)[\s-]+)?(?P<y>\d{4})$", re.IGNORECASE)
_LEADING_PREPOSITION = re.compile(r"^(?:on|in|at|during|since|by|from|of)\s+", re.IGNORECASE)
# Longer than any one date expression, its spaces single ("Wednesday (31st of
# September 2023) at 11:36:00 p.m." is 50): a longer text is a date only when
# it ends with a complete date, which iter_absolute finds in one pass.
_LONGEST_EXPRESSION = 200


def _whole_expression(cleaned: str) -> Expression | None:
    """The one expression that is all of ``cleaned`` (bar a leading preposition)."""
    body = _LEADING_PREPOSITION.sub("", cleaned)
    if len(body) > _LONGEST_EXPRESSION:
        return None
    body = body[0].upper() + body[1:] if body else body
    for candidate in (body, "in " + body):
        offset = len(candidate) - len(body)
        for expr in scan_expressions(candidate, None):
            if expr.start == offset and expr.end >= len(candidate.rstrip(".")):
                return expr
    return None


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
    if (
        len(cleaned) > _LONGEST_EXPRESSION
        or not re.search(r"[A-Za-z]{3}|\d", cleaned)
        or not re.search(r"\d", cleaned)
    ):
        raise DateError(f"not a date: {original!r}")
    try:
        # ignoretz: a date needs no zone, and dateutil warns on one it does not know
        # ("JAN000000B": tzname B), a warning it says will become an exception.
        first = dateutil.parser.parse(
            cleaned, default=_DEFAULT_A, dayfirst=bool(dayfirst), ignoretz=True
        )
        second = dateutil.parser.parse(
            cleaned, default=_DEFAULT_B, dayfirst=bool(dayfirst), ignoretz=True
        )
    except (ValueError, ArithmeticError, TypeError):  # OverflowError, decimal errors
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
