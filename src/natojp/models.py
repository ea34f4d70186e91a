"""natojp's data model: frozen, slotted attrs classes and the enums they use.

Everything a loader produces is immutable. Collections inside models are tuples,
and free-form metadata is a :class:`FrozenMap`, so documents can be hashed, shared
between threads and used as dictionary keys.

The one invariant that everything else relies on: a :class:`Span` is a half-open
pair of character offsets into :attr:`Document.text`, and
``document.text[span.start:span.end]`` is always exactly the thing the span points at.

>>> from natojp.models import PartialDate, Span
>>> PartialDate(2023, 2, 1).isoformat()
'2023-02-01'
>>> PartialDate(2022, 6).end
datetime.date(2022, 6, 30)
>>> Span(4, 9).of("The NATO summit")
'NATO '
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

import attrs

__all__ = [
    "DateEvidence",
    "DateMention",
    "DatePrecision",
    "DateProvenance",
    "Document",
    "DocumentKind",
    "Draft",
    "FrozenMap",
    "Hit",
    "KwicLine",
    "MetaValue",
    "Occurrence",
    "Origin",
    "PartialDate",
    "PersonMention",
    "Quote",
    "Season",
    "Segment",
    "SegmentKind",
    "SharedPassage",
    "Source",
    "Span",
    "Speaker",
    "TextUnit",
]

MetaValue = str | int | float | bool | None | tuple[str, ...]
"""The values a :class:`FrozenMap` may hold: JSON scalars and tuples of strings."""


def _segments(items: Iterable[Segment]) -> tuple[Segment, ...]:
    return tuple(items)


def _evidence(items: Iterable[DateEvidence]) -> tuple[DateEvidence, ...]:
    return tuple(items)


def _date_mentions(items: Iterable[DateMention]) -> tuple[DateMention, ...]:
    return tuple(items)


def _person_mentions(items: Iterable[PersonMention]) -> tuple[PersonMention, ...]:
    return tuple(items)


def _quotes(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(items)


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):
        # A bare string would otherwise become a tuple of its characters.
        return (items,)
    return tuple(items)


class DocumentKind(str, enum.Enum):
    """What a document is, as a reader would file it.

    >>> DocumentKind("op_ed")
    <DocumentKind.OP_ED: 'op_ed'>
    """

    SPEECH = "speech"
    TRANSCRIPT = "transcript"
    NEWS_RELEASE = "news_release"
    OP_ED = "op_ed"
    NEWS_ARTICLE = "news_article"
    VIDEO = "video"
    JOINT_STATEMENT = "joint_statement"
    #: A government's summary of a meeting or call ("Readout of ...", "... (Summary)").
    READOUT = "readout"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


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
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"

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
_SEASON_CODE = {Season.SPRING: 21, Season.SUMMER: 22, Season.AUTUMN: 23, Season.WINTER: 24}
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
    """A calendar date known to the day, month, season, year or decade.

    A document dated "June 2022" is not June 1st: it stays a month, and compares
    by its interval (:attr:`start` .. :attr:`end`). Construct it positionally like
    :class:`datetime.date`; leave out what is not known.

    >>> PartialDate(2022, 6)
    PartialDate('2022-06')
    >>> PartialDate(2022, 6).precision
    <DatePrecision.MONTH: 'month'>
    >>> PartialDate(2022, season=Season.SUMMER).start
    datetime.date(2022, 6, 1)
    >>> PartialDate(2020, decade=True).isoformat()
    '202X'
    >>> PartialDate.fromisoformat("2023-02-01~")
    PartialDate('2023-02-01~')

    The string form is EDTF (ISO 8601-2): ``2023-02-01``, ``2023-02``, ``2022-22``
    (summer 2022), ``2023``, ``202X`` (the 2020s); a trailing ``~`` marks an
    approximate date.
    """

    year: int = attrs.field(validator=_check_year)
    season: Season | None = attrs.field(default=None, kw_only=True)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)
    decade: bool = attrs.field(default=False, kw_only=True)
    approximate: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.decade and (self.month is not None or self.season is not None or self.year % 10):
            raise ValueError("a decade is a year ending in 0 with no month or season")

    @property
    def precision(self) -> DatePrecision:
        """How much of the date is known."""
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        if self.season is not None:
            return DatePrecision.SEASON
        if self.decade:
            return DatePrecision.DECADE
        return DatePrecision.YEAR

    @property
    def start(self) -> _dt.date:
        """The first day the date could be."""
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
        """The EDTF string: ``2023-02-01``, ``2023-02``, ``2022-22``, ``2023``, ``202X``.

        >>> PartialDate(2023, 2).isoformat(), PartialDate(2019, approximate=True).isoformat()
        ('2023-02', '2019~')
        """
        if self.decade:
            text = f"{self.year // 10:03d}X"
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
        if match["decade"] is not None:
            return cls(int(match["decade"]) * 10, decade=True, approximate=bool(match["dapprox"]))
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


def _check_span(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"span offsets cannot be negative: {attribute.name}={value}")


@attrs.frozen(order=True)
class Span:
    """A half-open range of character offsets ``[start, end)`` into a text.

    >>> Span(0, 4).of("NATO and Japan")
    'NATO'
    >>> len(Span(0, 4))
    4
    """

    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span ends before it starts: {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The part of ``text`` this span points at.

        >>> Span(5, 10).of("NATO Japan partnership")
        'Japan'
        """
        return text[self.start : self.end]

    def shifted(self, offset: int) -> Span:
        """The same span moved by ``offset`` characters.

        >>> Span(2, 5).shifted(10)
        Span(start=12, end=15)
        """
        return Span(self.start + offset, self.end + offset)


class FrozenMap(Mapping[str, MetaValue]):
    """An immutable, hashable mapping of strings to JSON scalars or string tuples.

    Lists are stored as tuples; anything else is refused with a ``TypeError``.

    >>> meta = FrozenMap({"outlet": "Nikkei Asia", "tags": ["Ukraine", "Japan"]})
    >>> meta["tags"]
    ('Ukraine', 'Japan')
    >>> meta
    FrozenMap({'outlet': 'Nikkei Asia', 'tags': ('Ukraine', 'Japan')})
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        items = data.items() if isinstance(data, Mapping) else data
        clean: dict[str, MetaValue] = {}
        for key, value in items:
            if not isinstance(key, str):
                raise TypeError(f"metadata keys are strings, not {type(key).__name__}: {key!r}")
            clean[key] = _meta_value(key, value)
        self._data = clean
        self._hash: int | None = None

    def __getitem__(self, key: str) -> MetaValue:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def set(self, **changes: Any) -> FrozenMap:
        """A new map with ``changes`` applied; ``None`` values are kept as ``None``.

        >>> FrozenMap({"a": 1}).set(b="x")
        FrozenMap({'a': 1, 'b': 'x'})
        """
        return FrozenMap({**self._data, **changes})


def _meta_value(key: str, value: Any) -> MetaValue:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError(
        f"metadata value for {key!r} must be a string, number, boolean, None or a list of "
        f"strings, not {type(value).__name__}"
    )


def _frozen_map(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> FrozenMap:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


class SegmentKind(str, enum.Enum):
    """A paragraph of running text, or one speaker's turn in a transcript.

    >>> SegmentKind("turn")
    <SegmentKind.TURN: 'turn'>
    """

    PARAGRAPH = "paragraph"
    TURN = "turn"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Segment:
    """A paragraph or a speaker's turn.

    ``span`` covers what is said or written, without the speaker label; the label
    itself, where the text has one, is at ``speaker_span``. ``speaker`` is the label
    as the source writes it (``"PRESIDENT BIDEN"``, ``"Q"``); ``speaker_id`` is the
    person it resolves to, once people are resolved.

    >>> import natojp
    >>> doc = natojp.parse("Press point\\n\\nMODERATOR: Welcome.\\n\\nMR. SMITH: Thank you.")
    >>> turn = doc.segments[-1]
    >>> turn.speaker, doc.segment_text(turn), turn.speaker_span.of(doc.text)
    ('MR. SMITH', 'Thank you.', 'MR. SMITH')
    """

    span: Span
    kind: SegmentKind = SegmentKind.PARAGRAPH
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_id: str | None = None


@attrs.frozen(kw_only=True)
class Source:
    """Where a document was published: the outlet, its section, and a URL when the
    text gives one. Every field may be ``None``.

    >>> Source(outlet="Nikkei Asia", section="INTERNATIONAL > Europe & Eurasia")
    Source(outlet='Nikkei Asia', section='INTERNATIONAL > Europe & Eurasia', url=None)
    """

    outlet: str | None = None
    section: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class Origin:
    """The file a document was read from: its path, the SHA-256 of its raw bytes,
    the format (parser) that read it and the text encoding found.

    >>> import natojp
    >>> origin = natojp.load_corpus()["2023-01-31-tokyo-news-release"].origin
    >>> origin.format, origin.encoding, len(origin.sha256)
    ('nato', 'utf-8', 64)
    """

    path: str | None
    sha256: str
    format: str
    encoding: str = "utf-8"


@attrs.frozen(kw_only=True)
class DateEvidence:
    """Why an inferred date was inferred: the other document that supports it and
    the phrases that matched.

    >>> import natojp
    >>> evidence = natojp.load_corpus()["tokyo-visit-news-article"].date_evidence[0]
    >>> evidence.document_id, evidence.phrases[:2]
    ('2023-01-31-tokyo-news-release', ('Tuesday', 'Tuesday (31 January 2023)'))
    """

    document_id: str
    phrases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    note: str = ""


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

    span: Span
    value: PartialDate | None
    relative: bool = False
    anchor: PartialDate | None = None
    ambiguous: bool = False


UNREGISTERED = "unregistered:"
"""The prefix of the ids given to people the registry does not know."""


@attrs.frozen(kw_only=True)
class PersonMention:
    """A mention of a person at ``span``: a name, a title, an honorific or a
    pronoun.

    ``person_id`` is a registry id when the mention is resolved. Someone the
    registry does not know gets a stable id of the form ``unregistered:itoh``
    (from the name's last word), so they can still be found and counted;
    ``person_id`` is ``None`` when the mention could be several people, and
    ``candidates`` lists them. ``method`` says how it was resolved: ``name``,
    ``alias``, ``fuzzy``, ``name+date``, ``title+date``, ``title``, ``context``,
    ``pronoun``, ``unregistered`` or ``none``; ``title`` is the office the
    mention names, if any.

    >>> import natojp
    >>> doc = natojp.load_corpus()["2023-01-31-tokyo-news-release"]
    >>> m = doc.mentions[0]
    >>> m.span.of(doc.text), m.person_id, m.method, m.title
    ('NATO Secretary General Jens Stoltenberg', 'jens-stoltenberg', 'name', 'Secretary General')
    """

    span: Span
    person_id: str | None = None
    candidates: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    method: str = "name"
    confidence: float = 1.0
    title: str | None = None

    @property
    def resolved(self) -> bool:
        """Whether the mention names one person the registry knows.

        >>> PersonMention(span=Span(0, 5), person_id="unregistered:itoh").resolved
        False
        """
        return self.person_id is not None and not self.person_id.startswith(UNREGISTERED)


@attrs.frozen(kw_only=True)
class Quote:
    """A direct quotation: ``span`` covers the quoted words (without the
    quotation marks); ``speaker`` is who said them, as a name (``speaker_id``:
    the registry id, when known), ``speaker_span`` the words in the text that
    say so and ``cue`` the verb (``said``, ``warned``, ``added``).

    ``route`` is how the speaker was found: ``named`` (a name), ``title``
    (``said the Secretary General``), ``pronoun`` (``he said``, resolved to the
    person it stands for), ``source`` (not a person: ``North Korea said``) or
    ``none`` (no attribution in the text).

    >>> import natojp
    >>> doc = natojp.load_corpus()["2023-01-31-tokyo-news-release"]
    >>> q = doc.quotes[1]
    >>> q.span.of(doc.text)[:26], q.speaker, q.cue, q.route
    ('Beijing is watching closel', 'Jens Stoltenberg', 'warned', 'named')
    """

    span: Span
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    route: str = "named"


@attrs.frozen(kw_only=True)
class Speaker:
    """Someone who speaks or writes a document (not merely mentioned in it):
    a transcript's speaker label or an op-ed's author. ``role`` is
    ``"speaker"`` or ``"author"``; ``person_id`` the registry id, when known.

    >>> import natojp
    >>> natojp.load_corpus()["2022-06-30-nikkei-op-ed"].speakers
    (Speaker(name='Jens Stoltenberg', person_id='jens-stoltenberg', role='author'),)
    """

    name: str
    person_id: str | None = None
    role: str = "speaker"


def _speakers(items: Iterable[Speaker]) -> tuple[Speaker, ...]:
    return tuple(items)


_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _check_id(instance: Document, attribute: attrs.Attribute[str], value: str) -> None:
    if not _ID.match(value):
        raise ValueError(
            f"document ids are lowercase letters, digits, '.', '_' and '-', "
            f"starting with a letter or digit; got {value!r}"
        )


def _check_spans(doc: Document) -> None:
    size = len(doc.text)
    spans: list[tuple[str, Span]] = []
    for seg in doc.segments:
        spans.append(("segment", seg.span))
        if seg.speaker_span is not None:
            spans.append(("speaker label", seg.speaker_span))
    spans.extend(("date mention", m.span) for m in doc.dates)
    spans.extend(("person mention", m.span) for m in doc.mentions)
    spans.extend(("quote", q.span) for q in doc.quotes)
    spans.extend(("quote speaker", q.speaker_span) for q in doc.quotes if q.speaker_span)
    for what, span in spans:
        if span.end > size:
            raise ValueError(
                f"{what} span {span.start}..{span.end} runs past the end of the text "
                f"({size} characters) in document {doc.id!r}"
            )


@attrs.frozen(kw_only=True, repr=False)
class Document:
    """One clean, typed document.

    ``date`` is when it was published; ``event_date`` is when what it records
    happened, where that differs (a speech posted as a video months later).
    ``date_provenance`` says whether the date is stated in the source, inferred
    (with ``date_evidence``), or unknown (and then ``date`` is ``None``).

    >>> import natojp
    >>> doc = natojp.load_corpus()["2023-01-31-tokyo-joint-press-point"]
    >>> doc.kind, doc.date
    (<DocumentKind.TRANSCRIPT: 'transcript'>, PartialDate('2023-01-31'))
    >>> seg = doc.segments[0]
    >>> doc.text[seg.span.start:seg.span.end][:44]
    'Prime Minister Kishida, Thank you for the wa'
    """

    id: str = attrs.field(validator=_check_id)
    title: str
    kind: DocumentKind
    text: str
    date: PartialDate | None = None
    date_provenance: DateProvenance = attrs.field()
    date_evidence: tuple[DateEvidence, ...] = attrs.field(default=(), converter=_evidence)
    event_date: PartialDate | None = None
    source: Source = Source()
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    segments: tuple[Segment, ...] = attrs.field(default=(), converter=_segments)
    speakers: tuple[Speaker, ...] = attrs.field(default=(), converter=_speakers)
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_date_mentions)
    mentions: tuple[PersonMention, ...] = attrs.field(default=(), converter=_person_mentions)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    origin: Origin | None = None
    metadata: FrozenMap = attrs.field(factory=FrozenMap, converter=_frozen_map)

    @date_provenance.default
    def _default_provenance(self) -> DateProvenance:
        return DateProvenance.UNKNOWN if self.date is None else DateProvenance.STATED

    def __attrs_post_init__(self) -> None:
        if self.date is None and self.date_provenance is not DateProvenance.UNKNOWN:
            raise ValueError(f"document {self.id!r} has no date, so its provenance is 'unknown'")
        if self.date is not None and self.date_provenance is DateProvenance.UNKNOWN:
            raise ValueError(
                f"document {self.id!r} has a date, so its provenance cannot be 'unknown'"
            )
        _check_spans(self)

    def __repr__(self) -> str:
        date = self.date.isoformat() if self.date else "undated"
        title = self.title if len(self.title) <= 48 else self.title[:47] + "…"
        return (
            f"<Document {self.id!r} {self.kind.value} {date} {title!r} "
            f"({len(self.text):,} chars, {len(self.segments)} segments)>"
        )

    def segment_text(self, segment: Segment) -> str:
        """The text of one of this document's segments (without its speaker label).

        >>> import natojp
        >>> doc = natojp.parse("Press point\\n\\nMODERATOR: Welcome.\\n\\nMR. SMITH: Thank you.")
        >>> [doc.segment_text(turn) for turn in doc.segments]
        ['Welcome.', 'Thank you.']
        """
        return segment.span.of(self.text)


@attrs.frozen(kw_only=True, repr=False)
class Draft:
    """What a parser makes of one text, before natojp gives it an id and an origin.

    Write a parser plug-in by returning one of these; see :mod:`natojp.loaders`.
    Spans in ``segments`` point into ``text``.

    >>> draft = Draft(title="Memo", kind=DocumentKind.OTHER, text="Buy milk.",
    ...               segments=[Segment(span=Span(0, 9))])
    >>> draft
    <Draft other undated 'Memo' (9 chars)>
    """

    title: str
    kind: DocumentKind
    text: str
    segments: tuple[Segment, ...] = attrs.field(default=(), converter=_segments)
    date: PartialDate | None = None
    event_date: PartialDate | None = None
    source: Source = Source()
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    metadata: FrozenMap = attrs.field(factory=FrozenMap, converter=_frozen_map)

    def __repr__(self) -> str:
        date = self.date.isoformat() if self.date else "undated"
        return f"<Draft {self.kind.value} {date} {self.title[:48]!r} ({len(self.text):,} chars)>"


# --- what corpus queries return ------------------------------------------------------


def _span_tuple(items: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(items)


def _occurrences(items: Iterable[Occurrence[Span]]) -> tuple[Occurrence[Span], ...]:
    return tuple(items)


_Item = TypeVar("_Item", Span, PersonMention, Quote)


@attrs.frozen(kw_only=True)
class Hit:
    """A document that matched a full-text search, best first.

    ``score`` is its BM25 relevance (higher is better, comparable only within one
    search); ``spans`` are the places in ``text`` where the query's words or
    phrases occur, ``span`` the first of them (``None`` only when the match lies
    in letters the search folded, such as diacritics); ``snippet`` is the text
    around ``span`` on one line.

    >>> import natojp
    >>> hit = natojp.load_corpus().search('"Beijing is watching"')[0]
    >>> hit.document_id in natojp.load_corpus()
    True
    >>> hit.snippet.startswith("…"), "Beijing is watching" in hit.snippet
    (True, True)
    """

    document_id: str
    score: float
    span: Span | None
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_span_tuple)
    snippet: str = ""

    def __str__(self) -> str:
        return f"{self.document_id} ({self.score:.3g}): {self.snippet}"


@attrs.frozen(kw_only=True)
class KwicLine:
    """One keyword-in-context row: the words ``left`` of a ``match`` and the
    words ``right`` of it, on one line each; ``span`` is the match in the
    document's text.

    >>> import natojp
    >>> line = natojp.load_corpus().kwic("Indo-Pacific", window=3)[0]
    >>> line.match
    'Indo-Pacific'
    >>> print(line)  # doctest: +NORMALIZE_WHITESPACE
    2022-06-30-nikkei-op-ed  from our four | Indo-Pacific | partners — Australia
    """

    document_id: str
    left: str
    match: str
    right: str
    span: Span

    def __str__(self) -> str:
        return f"{self.document_id}  {self.left[-40:]:>40} | {self.match} | {self.right[:40]}"


@attrs.frozen(kw_only=True)
class TextUnit:
    """A paragraph or a sentence of a document, with where it came from.

    ``kind`` is ``"paragraph"`` or ``"sentence"``; ``number`` counts units of
    that kind in the document from 0; ``span`` is the unit in the document's
    text and ``text`` that part of it; ``speaker`` and ``speaker_id`` are who
    says or writes it, where the document tells (a transcript turn's speaker,
    a one-author op-ed's author).

    >>> import natojp
    >>> unit = natojp.load_corpus().sentences()[0]
    >>> unit.document_id, unit.kind, unit.number
    ('2022-06-30-nikkei-op-ed', 'sentence', 0)
    """

    document_id: str
    kind: str
    number: int
    span: Span
    text: str
    speaker: str | None = None
    speaker_id: str | None = None


@attrs.frozen(kw_only=True)
class Occurrence(Generic[_Item]):
    """Something found in one document of a corpus: a :class:`Quote`, a
    :class:`PersonMention` or a bare :class:`Span`, with the text it covers.

    >>> import natojp
    >>> found = natojp.load_corpus().mentions("yoon suk yeol")[0]
    >>> found.document_id, found.text
    ('tokyo-visit-news-article', 'South Korean President Yoon Suk-yeol')
    """

    document_id: str
    item: _Item
    text: str

    @property
    def span(self) -> Span:
        """Where ``item`` is in the document's text."""
        item = self.item
        return item if isinstance(item, Span) else item.span


@attrs.frozen(kw_only=True)
class SharedPassage:
    """A passage of at least ``min_words`` words that recurs across documents:
    ``text`` as it first appears, its length in ``words``, and each
    ``occurrences`` (document id and span).

    >>> import natojp
    >>> passage = natojp.load_corpus().shared_passages(min_words=8)[0]
    >>> passage.words >= 8 and len({o.document_id for o in passage.occurrences}) >= 2
    True
    """

    text: str
    words: int
    occurrences: tuple[Occurrence[Span], ...] = attrs.field(converter=_occurrences)

    @property
    def document_ids(self) -> tuple[str, ...]:
        """The ids of the documents it occurs in, each once, in order."""
        return tuple(dict.fromkeys(o.document_id for o in self.occurrences))
