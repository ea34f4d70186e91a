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

from natojp._public import publish
from natojp.models._annotations import (
    UNREGISTERED,
    PersonMention,
    Quote,
    QuoteRoute,
    Segment,
    SegmentKind,
    Speaker,
    SpeakerRole,
)
from natojp.models._base import FrozenMap, MetaValue, Span
from natojp.models._collections import Results, Timeline
from natojp.models._dates import (
    DateEvidence,
    DateInterval,
    DateMention,
    DatePrecision,
    DateProvenance,
    PartialDate,
    Season,
)
from natojp.models._document import ID_PATTERN, Document, DocumentKind, Draft, Origin, Source
from natojp.models._report import LoadFailure, LoadReport
from natojp.models._results import Hit, KwicLine, Occurrence, SharedPassage, TextUnit

__all__ = [
    "ID_PATTERN",
    "UNREGISTERED",
    "DateEvidence",
    "DateInterval",
    "DateMention",
    "DatePrecision",
    "DateProvenance",
    "Document",
    "DocumentKind",
    "Draft",
    "FrozenMap",
    "Hit",
    "KwicLine",
    "LoadFailure",
    "LoadReport",
    "MetaValue",
    "Occurrence",
    "Origin",
    "PartialDate",
    "PersonMention",
    "Quote",
    "QuoteRoute",
    "Results",
    "Season",
    "Segment",
    "SegmentKind",
    "SharedPassage",
    "Source",
    "Span",
    "Speaker",
    "SpeakerRole",
    "TextUnit",
    "Timeline",
]

# The classes live in private modules; their public home is this one.
publish(__name__, globals(), __all__)

# Shared with natojp's other packages, not a promise to users (not in __all__).
from natojp.models._base import unchecked_maker as unchecked_maker  # noqa: E402
