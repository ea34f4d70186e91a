"""10,000 generated documents round-trip exactly through JSON and JSON Lines.

The documents are built with ``random.Random(seed)`` from varied parts (titles,
texts with unicode, segments, dates of every precision, metadata of every value
kind), so the run is the same every time and needs no hypothesis."""

from __future__ import annotations

import random

import natojp
from natojp import read_jsonl
from natojp.models import (
    DateProvenance,
    Document,
    DocumentKind,
    Origin,
    PartialDate,
    Season,
    Segment,
    SegmentKind,
    Source,
    Span,
)

SEED = 20240131
COUNT = 10_000

_PIECES = [
    "NATO", "Japan", "the Secretary General", "Prime Minister Kishida", "said", "“We stand together,”",
    "Indo-Pacific", "日本", "北大西洋条約機構", "é", "e\u0301", "ß", "İ", "\u00a0", "\u200b", "\t", "\n",
    "\r\n", "\u2028", "\U0001f600", "\\", '"', "'", "<p>", "&amp;", "{}", "[]", "\x00", "\x7f", "\ufeff",
    "2023-01-31", "30 June 2022", "Q:", "MODERATOR:", "...",
]  # fmt: skip
_KINDS = list(DocumentKind)
_SEASONS = list(Season)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_PIECES) for _ in range(words))


def _date(rng: random.Random) -> PartialDate:
    year = rng.randint(1, 9999)
    precision = rng.randrange(6)
    if precision == 0:
        return PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
    if precision == 1:
        return PartialDate(year, rng.randint(1, 12))
    if precision == 2:
        return PartialDate(min(year, 9998), season=rng.choice(_SEASONS))
    if precision == 3:
        return PartialDate(year)
    if precision == 4:
        return PartialDate(max(10, year // 10 * 10), decade=True)
    return PartialDate(year, approximate=True)


def _meta(rng: random.Random) -> object:
    kind = rng.randrange(7)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.randint(-(2**53), 2**53)
    if kind == 3:
        return rng.uniform(-1e300, 1e300) if rng.random() < 0.5 else rng.random()
    if kind == 4:
        return _text(rng, rng.randrange(4))
    if kind == 5:
        return tuple(_text(rng, 1) for _ in range(rng.randrange(4)))
    return rng.choice([0.0, -0.0, 1e-310, 5e-324, 1.7976931348623157e308])


def _document(rng: random.Random, n: int) -> Document:
    text = _text(rng, rng.randrange(60))
    size = len(text)

    def span() -> Span:
        a = rng.randint(0, size)
        return Span(a, rng.randint(a, size))

    date = _date(rng) if rng.random() < 0.8 else None
    return Document(
        id=f"doc-{n:05d}.{rng.randrange(1000)}_x",
        title=_text(rng, rng.randrange(8)),
        kind=rng.choice(_KINDS),
        text=text,
        date=date,
        date_provenance=DateProvenance.UNKNOWN
        if date is None
        else rng.choice([DateProvenance.STATED, DateProvenance.INFERRED]),
        event_date=_date(rng) if rng.random() < 0.3 else None,
        source=Source(
            outlet=_text(rng, 2) if rng.random() < 0.5 else None,
            url=f"https://example.org/{n}?q={_text(rng, 1)}" if rng.random() < 0.5 else None,
        ),
        authors=[_text(rng, 2) for _ in range(rng.randrange(3))],
        segments=[
            Segment(
                span=span(),
                kind=rng.choice(list(SegmentKind)),
                speaker=_text(rng, 1) if rng.random() < 0.3 else None,
            )
            for _ in range(rng.randrange(5))
        ],
        origin=Origin(path=f"in/{n}.txt", sha256=f"{n:064x}", format="plain")
        if rng.random() < 0.5
        else None,
        metadata={_text(rng, 1) + str(i): _meta(rng) for i in range(rng.randrange(6))},
    )


def _documents() -> list[Document]:
    rng = random.Random(SEED)
    return [_document(rng, n) for n in range(COUNT)]


def test_ten_thousand_documents_round_trip_through_json_and_jsonl(tmp_path):
    docs = _documents()
    assert len({d.id for d in docs}) == COUNT
    precisions = {d.date.precision for d in docs if d.date is not None}
    assert len(precisions) >= 5, precisions  # every precision is exercised
    corpus = natojp.Corpus(docs)

    again = natojp.loads(natojp.dumps(corpus))
    assert again == corpus
    assert list(again) == docs

    path = tmp_path / "bulk.jsonl"
    assert corpus.to_jsonl(path) == COUNT
    assert read_jsonl(path) == corpus
    assert natojp.Corpus.from_jsonl(path) == corpus
