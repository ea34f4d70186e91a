"""Reshaping documents into paragraphs and sentences (quanteda's corpus_reshape).

Paragraphs are a document's segments split at blank lines, so a transcript turn
of three paragraphs gives three paragraphs with the same speaker. Sentences are
found inside paragraphs, by natojp's own splitter (the one people and quotes
use) or by pysbd or syntok when asked and installed; ``benchmarks/sentences.py``
compares them on labelled text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from natojp._bulk import no_collection_pauses
from natojp._text.spans import PARAGRAPH_BREAK, split_sentences
from natojp.errors import MissingExtraError, QueryError
from natojp.models import Document, Segment, SegmentKind, Span, TextUnit, unchecked_maker

Splitter = Callable[[str], list[tuple[int, int]]]


def _builtin(text: str) -> list[tuple[int, int]]:
    return split_sentences(text)


def _pysbd() -> Splitter:
    try:
        import pysbd
    except ImportError:
        raise MissingExtraError("pysbd", "sentences") from None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> list[tuple[int, int]]:
        bounds = []
        for piece in segmenter.segment(text):
            start, end = piece.start, piece.end
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                bounds.append((start, end))
        return bounds

    return split


def _syntok() -> Splitter:
    try:
        from syntok import segmenter
    except ImportError:
        raise MissingExtraError("syntok", "sentences") from None

    def split(text: str) -> list[tuple[int, int]]:
        bounds = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                first, last = sentence[0], sentence[-1]
                bounds.append((first.offset, last.offset + len(last.value)))
        return bounds

    return split


SPLITTERS: dict[str, Callable[[], Splitter]] = {
    "natojp": lambda: _builtin,
    "pysbd": _pysbd,
    "syntok": _syntok,
}


def splitter(name: str) -> Splitter:
    """The sentence splitter called ``name``."""
    try:
        make = SPLITTERS[name]
    except KeyError:
        names = ", ".join(repr(n) for n in SPLITTERS)
        raise QueryError(f"unknown sentence splitter {name!r}; choose one of {names}") from None
    return make()


def _speaker(doc: Document, segment: Segment) -> tuple[str | None, str | None]:
    if segment.kind is SegmentKind.TURN or segment.speaker:
        return segment.speaker, segment.person_id
    if len(doc.speakers) == 1:
        return doc.speakers[0].name, doc.speakers[0].person_id
    return None, None


def _paragraph_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    at = start
    for blank in PARAGRAPH_BREAK.finditer(text, start, end):
        yield from _trimmed(text, at, blank.start())
        at = blank.end()
    yield from _trimmed(text, at, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def paragraphs(doc: Document) -> Iterator[tuple[int, int, str | None, str | None]]:
    """``(start, end, speaker, person_id)`` of each paragraph of ``doc``."""
    segments = doc.segments or (Segment(span=Span(0, len(doc.text))),)
    for segment in segments:
        speaker, person_id = _speaker(doc, segment)
        for start, end in _paragraph_spans(doc.text, segment.span.start, segment.span.end):
            yield start, end, speaker, person_id


def paragraph_units(documents: Iterable[Document]) -> tuple[TextUnit, ...]:
    """Every paragraph of ``documents`` as a :class:`TextUnit`."""
    units = []
    with no_collection_pauses():
        for doc in documents:
            for number, (start, end, speaker, person_id) in enumerate(paragraphs(doc)):
                units.append(_unit(doc, "paragraph", number, start, end, speaker, person_id))
    return tuple(units)


def sentence_units(documents: Iterable[Document], split: Splitter) -> tuple[TextUnit, ...]:
    """Every sentence of ``documents`` as a :class:`TextUnit`."""
    units = []
    with no_collection_pauses():
        for doc in documents:
            number = 0
            for start, end, speaker, person_id in paragraphs(doc):
                for lo, hi in split(doc.text[start:end]):
                    units.append(
                        _unit(doc, "sentence", number, start + lo, start + hi, speaker, person_id)
                    )
                    number += 1
    return tuple(units)


_make_span = unchecked_maker(Span)
_make_unit = unchecked_maker(TextUnit)


def _unit(
    doc: Document,
    kind: Literal["paragraph", "sentence"],
    number: int,
    start: int,
    end: int,
    speaker: str | None,
    person_id: str | None,
) -> TextUnit:
    # one per sentence of a corpus, from offsets the splitter checked: built
    # without attrs' checks
    span = _make_span(start, end)
    return _make_unit(doc.id, kind, number, span, doc.text[start:end], speaker, person_id)
