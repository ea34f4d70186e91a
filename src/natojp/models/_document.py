"""The document itself and the draft a loader fills in before it becomes one."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from natojp.models import _html
from natojp.models._annotations import PersonMention, Quote, Segment, Speaker
from natojp.models._base import FrozenMap, Span, frozen_map, str_tuple
from natojp.models._dates import (
    DateEvidence,
    DateInterval,
    DateMention,
    DateProvenance,
    PartialDate,
)


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


def _speakers(items: Iterable[Speaker]) -> tuple[Speaker, ...]:
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
    #:
    #: .. versionadded:: 0.1
    READOUT = "readout"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Source:
    """Where a document was published: the outlet, its section, and a URL when the
    text gives one. Every field may be ``None``.

    >>> Source(outlet="Nikkei Asia", section="INTERNATIONAL > Europe & Eurasia")
    Source(outlet='Nikkei Asia', section='INTERNATIONAL > Europe & Eurasia', url=None)
    """

    #: Who published it (``"NATO"``, ``"Nikkei Asia"``).
    outlet: str | None = None
    #: The outlet's section it appeared in, as the page names it.
    section: str | None = None
    #: The address it was published at, when the text gives one.
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

    #: The file as the loader was given it, or ``None`` for a text parsed from a string.
    path: str | None
    #: The SHA-256 of the file's raw bytes, in hex.
    sha256: str
    #: The name of the parser that read it (``"nato"``, ``"plain"``).
    format: str
    #: The text encoding found (``"utf-8"``, ``"cp1252"``), with any repairs noted.
    encoding: str = "utf-8"


ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
"""What a :attr:`Document.id` must match, lower-case letters, digits, ``.``, ``_`` and ``-``.

.. versionadded:: 0.1
"""


def _check_id(instance: Document, attribute: attrs.Attribute[str], value: str) -> None:
    if not ID_PATTERN.match(value):
        raise ValueError(
            f"document ids are lowercase letters, digits, '.', '_' and '-', "
            f"starting with a letter or digit; got {value!r}"
        )


def _check_interval(what: str, event: PartialDate | None, interval: DateInterval | None) -> None:
    if interval is None:
        return
    if interval.start is None or interval.end is None:
        raise ValueError(f"{what}: an event interval has a start and an end, not {interval}")
    if interval.start != event:
        raise ValueError(
            f"{what}: its event interval {interval} starts on {interval.start}, "
            f"not on its event date ({event}); set event_date to the interval's start"
        )
    if interval.start.start > interval.end.end:
        raise ValueError(f"{what}: its event interval {interval} ends before it starts")


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

    #: A stable, readable id, unique in a corpus (see :data:`ID_PATTERN`).
    id: str = attrs.field(validator=_check_id)
    #: The title, cleaned of page chrome.
    title: str
    #: What the document is (a speech, a transcript, an op-ed, ...).
    kind: DocumentKind
    #: The clean text; every span points into it.
    text: str
    #: When it was published, as precisely as known, or ``None`` when unknown.
    date: PartialDate | None = None
    #: Whether ``date`` is stated, inferred or unknown.
    date_provenance: DateProvenance = attrs.field()
    #: Why an inferred ``date`` was inferred (empty for a stated one).
    date_evidence: tuple[DateEvidence, ...] = attrs.field(default=(), converter=_evidence)
    #: When what it records happened, where that differs from ``date``.
    event_date: PartialDate | None = None
    #: The days its event ran over, where the source gives a range (a summit on
    #: 11–12 July 2023); it starts on the event's date (``event_date``, else ``date``).
    event_interval: DateInterval | None = None
    #: The outlet, section and URL it was published under.
    source: Source = Source()
    #: The names of the people it is by, as the source gives them (bylines).
    authors: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    #: Its paragraphs, or its speaker turns for a transcript, in order.
    segments: tuple[Segment, ...] = attrs.field(default=(), converter=_segments)
    #: Who speaks or writes it (not who is merely mentioned).
    speakers: tuple[Speaker, ...] = attrs.field(default=(), converter=_speakers)
    #: The date expressions in its text, resolved against ``event_date`` or ``date``.
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_date_mentions)
    #: The people its text mentions, by name, title, honorific or pronoun.
    mentions: tuple[PersonMention, ...] = attrs.field(default=(), converter=_person_mentions)
    #: The direct quotations in its text, with who said them.
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    #: The file it was read from, or ``None`` for a document built by hand.
    origin: Origin | None = None
    #: Anything else the source or you supplied, as free-form keys and values.
    metadata: FrozenMap = attrs.field(factory=FrozenMap, converter=frozen_map)

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
        _check_interval(f"document {self.id!r}", self.event_date or self.date, self.event_interval)
        _check_spans(self)

    def __repr__(self) -> str:
        date = self.date.isoformat() if self.date else "undated"
        title = self.title if len(self.title) <= 48 else self.title[:47] + "…"
        return (
            f"<Document {self.id!r} {self.kind.value} {date} {title!r} "
            f"({len(self.text):,} chars, {len(self.segments)} segments)>"
        )

    def _repr_html_(self) -> str:
        return _html.document(self)

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

    #: The title.
    title: str
    #: What the document is.
    kind: DocumentKind
    #: The clean text; every span in ``segments`` points into it.
    text: str
    #: Its paragraphs or speaker turns, in order.
    segments: tuple[Segment, ...] = attrs.field(default=(), converter=_segments)
    #: When it was published, if the text says.
    date: PartialDate | None = None
    #: When what it records happened, where that differs from ``date``.
    event_date: PartialDate | None = None
    #: The days its event ran over, where the source gives a range; it starts on
    #: ``event_date``, else on ``date``.
    event_interval: DateInterval | None = None
    #: The outlet, section and URL, as far as the text gives them.
    source: Source = Source()
    #: The names of its authors.
    authors: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    #: Anything else the parser found, as free-form keys and values.
    metadata: FrozenMap = attrs.field(factory=FrozenMap, converter=frozen_map)

    def __attrs_post_init__(self) -> None:
        event = self.event_date or self.date
        _check_interval(f"draft {self.title[:48]!r}", event, self.event_interval)

    def __repr__(self) -> str:
        date = self.date.isoformat() if self.date else "undated"
        return f"<Draft {self.kind.value} {date} {self.title[:48]!r} ({len(self.text):,} chars)>"


# --- what corpus queries return ------------------------------------------------------
