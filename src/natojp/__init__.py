"""natojp: a typed, curated corpus of documents on the NATO–Japan partnership.

>>> import natojp
>>> corpus = natojp.load_corpus()
>>> corpus
<Corpus: 5 documents, 2022-06-30 .. 2023-09-17: '2022-06-30-nikkei-op-ed', ...>
>>> corpus["2022-06-30-nikkei-op-ed"].authors
('Jens Stoltenberg',)
"""

from __future__ import annotations

from natojp.corpus import (
    Corpus,
    LoadFailure,
    LoadReport,
    iter_load,
    load,
    load_corpus,
    load_jsonl,
    loads,
    open_dataset,
    read_jsonl,
    write_dataset,
)
from natojp.errors import (
    DateError,
    DecodeError,
    DuplicateIdError,
    FormatError,
    MissingExtraError,
    NatojpError,
    NotInCorpusError,
    PositionError,
    ProcessingError,
    QueryError,
    SchemaError,
    UnknownIdError,
)
from natojp.loaders import LoadWarning, NoFilesWarning, load_document, parse
from natojp.models import (
    DateEvidence,
    DateInterval,
    DateMention,
    DatePrecision,
    DateProvenance,
    Document,
    DocumentKind,
    Draft,
    FrozenMap,
    Hit,
    KwicLine,
    Occurrence,
    Origin,
    PartialDate,
    PersonMention,
    Quote,
    Results,
    Season,
    Segment,
    SegmentKind,
    SharedPassage,
    Source,
    Span,
    Speaker,
    TextUnit,
    Timeline,
)
from natojp.serialize import SCHEMA_VERSION, dumps, iter_jsonl, loads_document

__version__ = "0.1.0.dev0"
"""The version of natojp installed, as a string (``"0.1.0"``)."""

__all__ = [
    "SCHEMA_VERSION",
    "Corpus",
    "DateError",
    "DateEvidence",
    "DateInterval",
    "DateMention",
    "DatePrecision",
    "DateProvenance",
    "DecodeError",
    "Document",
    "DocumentKind",
    "Draft",
    "DuplicateIdError",
    "FormatError",
    "FrozenMap",
    "Hit",
    "KwicLine",
    "LoadFailure",
    "LoadReport",
    "LoadWarning",
    "MissingExtraError",
    "NatojpError",
    "NoFilesWarning",
    "NotInCorpusError",
    "Occurrence",
    "Origin",
    "PartialDate",
    "PersonMention",
    "PositionError",
    "ProcessingError",
    "QueryError",
    "Quote",
    "Results",
    "SchemaError",
    "Season",
    "Segment",
    "SegmentKind",
    "SharedPassage",
    "Source",
    "Span",
    "Speaker",
    "TextUnit",
    "Timeline",
    "UnknownIdError",
    "__version__",
    "dumps",
    "iter_jsonl",
    "iter_load",
    "load",
    "load_corpus",
    "load_document",
    "load_jsonl",
    "loads",
    "loads_document",
    "open_dataset",
    "parse",
    "read_jsonl",
    "write_dataset",
]
