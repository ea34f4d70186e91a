"""What is found inside a text: speaker turns, speakers, people mentioned and quotes."""

from __future__ import annotations

import enum
from typing import Literal

import attrs

from natojp.models import _html
from natojp.models._base import Span, accept_renamed_keyword, str_tuple, warn_renamed_field


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
    as the source writes it (``"PRESIDENT BIDEN"``, ``"Q"``); ``person_id`` is the
    registry id of the person it resolves to, once people are resolved.

    .. versionchanged:: 0.1
       ``speaker_id`` is now ``person_id``, as on every model; the old name warns.

    >>> import natojp
    >>> doc = natojp.parse("Press point\\n\\nMODERATOR: Welcome.\\n\\nMR. SMITH: Thank you.")
    >>> turn = doc.segments[-1]
    >>> turn.speaker, doc.segment_text(turn), turn.speaker_span.of(doc.text)
    ('MR. SMITH', 'Thank you.', 'MR. SMITH')
    """

    #: Where what is said or written is in :attr:`Document.text` (without the speaker label).
    span: Span
    #: A paragraph of running text or a speaker's turn.
    kind: SegmentKind = SegmentKind.PARAGRAPH
    #: The speaker label as the source writes it (``"PRESIDENT BIDEN"``), if any.
    speaker: str | None = None
    #: Where the speaker label is in :attr:`Document.text`, if the text has one.
    speaker_span: Span | None = None
    #: The registry id of the person the label resolves to, once people are resolved.
    person_id: str | None = None

    @property
    def speaker_id(self) -> str | None:
        """Deprecated alias of :attr:`person_id` (removed in 0.3).

        .. deprecated:: 0.1
           Use :attr:`person_id`, the name every model uses for a registry id.
        """
        warn_renamed_field(type(self).__name__, "speaker_id", "person_id")
        return self.person_id


QuoteRoute = Literal["named", "title", "pronoun", "source", "none"]
"""How a quotation's speaker was found (see :attr:`Quote.route`).

.. versionadded:: 0.1
"""

SpeakerRole = Literal["speaker", "author"]
"""What a :class:`Speaker` does in a document: speaks it or writes it.

.. versionadded:: 0.1
"""

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

    #: Where the mention is in :attr:`Document.text` (the name with its title, if any).
    span: Span
    #: The registry id (or ``unregistered:<name>``), or ``None`` when several people fit.
    person_id: str | None = None
    #: The registry ids of the people it could be, when ``person_id`` is ``None``.
    candidates: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    #: How it was resolved (``name``, ``title+date``, ``pronoun``, ... ``none``).
    method: str = "name"
    #: How sure the resolution is, from 0 (not resolved) to 1 (a full name).
    confidence: float = 1.0
    #: The office the mention names (``"Secretary General"``), if any.
    title: str | None = None
    #: The normalised display name of whom it names, registered or not
    #: (``"Kenji Watanabe"``), or ``None`` when it names no one natojp can tell.
    name: str | None = None

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
    quotation marks); ``speaker`` is who said them, as a name (``person_id``:
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

    .. versionchanged:: 0.1
       ``speaker_id`` is now ``person_id``, as on every model; the old name warns.
    """

    #: Where the quoted words are in :attr:`Document.text` (without the quotation marks).
    span: Span
    #: Who said them, as a name, or ``None`` when the text does not say.
    speaker: str | None = None
    #: The registry id of the speaker, when known.
    person_id: str | None = None
    #: Where the words that name the speaker are in :attr:`Document.text`.
    speaker_span: Span | None = None
    #: The verb that introduces the quotation (``said``, ``warned``), if any.
    cue: str | None = None
    #: How the speaker was found (``named``, ``title``, ``pronoun``, ``source`` or ``none``).
    route: QuoteRoute = "named"

    def _repr_html_(self) -> str:
        return _html.quote(self)

    @property
    def speaker_id(self) -> str | None:
        """Deprecated alias of :attr:`person_id` (removed in 0.3).

        .. deprecated:: 0.1
           Use :attr:`person_id`, the name every model uses for a registry id.
        """
        warn_renamed_field(type(self).__name__, "speaker_id", "person_id")
        return self.person_id


@attrs.frozen(kw_only=True)
class Speaker:
    """Someone who speaks or writes a document (not merely mentioned in it):
    a transcript's speaker label or an op-ed's author. ``role`` is
    ``"speaker"`` or ``"author"``; ``person_id`` the registry id, when known.

    >>> import natojp
    >>> natojp.load_corpus()["2022-06-30-nikkei-op-ed"].speakers
    (Speaker(name='Jens Stoltenberg', person_id='jens-stoltenberg', role='author'),)
    """

    #: The person's name as the document gives it.
    name: str
    #: The registry id, when known.
    person_id: str | None = None
    #: ``"speaker"`` (a transcript's speaker label) or ``"author"``.
    role: SpeakerRole = "speaker"


accept_renamed_keyword(Segment, "speaker_id", "person_id")
accept_renamed_keyword(Quote, "speaker_id", "person_id")
