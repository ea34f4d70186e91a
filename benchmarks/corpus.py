"""Corpus queries at scale: indexes against linear scans, JSON Lines against
bare json.loads, memory against the raw text, and the whole loading pipeline
on the real UN General Debate corpus. Every ratio is against a baseline
measured in the same run.

    pip install -e '.[bench]'
    python benchmarks/corpus.py                       # 100,000 documents + all of UNGDC
    python benchmarks/corpus.py --docs 20000 --ungdc 500   # a few minutes

Part 1 generates ``--docs`` documents from the bundled ones: each takes a
bundled document's paragraphs (most of them, shuffled) with their person
mentions, quotes and dates moved along, a new date (2015-2025, one in ten known
only to the month), a new title, outlet and speaker, and an opening sentence
naming a made-up place and delegation, so that some phrases are rare. Queries:

- filter: ``where(kind=..., speaker=...)`` and ``between(month)`` against a
  list comprehension over the documents;
- phrase search: ``search('"..."')`` (top 50 by BM25, with spans and snippets)
  against a regular expression with the same meaning (whole words, any case,
  any punctuation between words) run over every document; common phrases
  come from the bundled text (in many documents), rare ones from the opening
  sentences;
- kwic: ``kwic(phrase)`` against the same regular expression over every
  document, making the same lines.

Each query runs once per phrase (``--queries`` common and as many rare
ones); the tables give the median (p50) and 99th percentile (p99) in
milliseconds and the scan's time over the index's (x faster). Memory is
measured with tracemalloc while reading the documents back from JSON Lines
(peak and kept, per document), next to the UTF-8 size of their text; the
full-text index's size is SQLite's page count.

Part 2 unpacks ../shared/data/ungdc/UNGDC_v13_1946-2024_TXT.tar.xz (10,952
speeches, 207 MB; ``--ungdc N`` takes every k-th speech for N of them) and
times ``natojp.load(folder, metadata_from_path="{country}_{session}_{year}.txt")``:
read, decode, parse, dates, people. Then the same kinds of query on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import statistics
import sys
import tarfile
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
from _table import table

import natojp
from natojp.corpus import _kwic
from natojp.corpus._fulltext import term
from natojp.models import (
    DateProvenance,
    Document,
    PartialDate,
    Segment,
    SegmentKind,
    Source,
    Span,
    Speaker,
)
from natojp.people import default_registry

ROOT = Path(__file__).resolve().parents[1]
UNGDC = ROOT.parent / "shared" / "data" / "ungdc" / "UNGDC_v13_1946-2024_TXT.tar.xz"

OUTLETS = [
    "NATO",
    "Nikkei Asia",
    "Japan Times",
    "Reuters",
    "Kyodo",
    "Politico Europe",
    "The Diplomat",
    "NHK World",
    "Asahi Shimbun",
    "Defense News",
]
SYLLABLES = [
    "ka",
    "vel",
    "dor",
    "mi",
    "ran",
    "tes",
    "lo",
    "bri",
    "zan",
    "qua",
    "nor",
    "pel",
    "sun",
    "ti",
    "gar",
    "ho",
    "mer",
    "dan",
    "vi",
    "col",
]


# --- part 1: a generated corpus --------------------------------------------------------


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _moved(item: Any, offset: int, lo: int, hi: int) -> Any:
    """``item`` (a mention, quote or date mention) moved by ``offset``, or None if
    it is not inside ``lo..hi``; a quote's speaker span outside it is dropped."""
    if not (lo <= item.span.start and item.span.end <= hi):
        return None
    changes: dict[str, Any] = {"span": item.span.shifted(offset)}
    speaker_span = getattr(item, "speaker_span", None)
    if speaker_span is not None:
        inside = lo <= speaker_span.start and speaker_span.end <= hi
        changes["speaker_span"] = speaker_span.shifted(offset) if inside else None
    return attrs.evolve(item, **changes)


def generate(count: int, seed: int = 7) -> list[Document]:
    """``count`` documents varied from the bundled ones (see the module docs)."""
    rng = random.Random(seed)
    sources = list(natojp.load_corpus())
    people = list(default_registry())
    parts = {doc.id: list(natojp.Corpus([doc]).paragraphs()) for doc in sources}
    first_day = dt.date(2015, 1, 1).toordinal()
    documents = []
    for number in range(count):
        source = rng.choice(sources)
        paragraphs = parts[source.id]
        keep = rng.sample(paragraphs, max(1, round(len(paragraphs) * rng.uniform(0.6, 1.0))))
        place, delegation = _made_up(rng), _made_up(rng)
        opening = f"Talks in {place} with the {delegation} delegation opened the week."
        pieces, segments, mentions, quotes, dates = (
            [opening],
            [Segment(span=Span(0, len(opening)))],
            [],
            [],
            [],
        )
        at = len(opening)
        for unit in keep:
            at += 2
            offset = at - unit.span.start
            lo, hi = unit.span.start, unit.span.end
            pieces.append(unit.text)
            kind = SegmentKind.TURN if unit.speaker else SegmentKind.PARAGRAPH
            segments.append(
                Segment(
                    span=Span(at, at + len(unit.text)),
                    kind=kind,
                    speaker=unit.speaker,
                    person_id=unit.person_id,
                )
            )
            for found, items in (
                (mentions, source.mentions),
                (quotes, source.quotes),
                (dates, source.dates),
            ):
                found.extend(m for m in (_moved(i, offset, lo, hi) for i in items) if m)
            at += len(unit.text)
        day = dt.date.fromordinal(first_day + rng.randrange(4018))
        date = (
            PartialDate(day.year, day.month)
            if rng.random() < 0.1
            else PartialDate(day.year, day.month, day.day)
        )
        person = rng.choice(people)
        documents.append(
            Document(
                id=f"gen-{number:06d}",
                title=f"{source.title} ({place})",
                kind=source.kind,
                text="\n\n".join(pieces),
                date=date,
                date_provenance=DateProvenance.STATED,
                source=Source(outlet=rng.choice(OUTLETS)),
                segments=segments,
                speakers=[Speaker(name=person.name, person_id=person.id)],
                mentions=mentions,
                quotes=quotes,
                dates=dates,
                metadata={"generated_from": source.id},
            )
        )
    return documents


# --- timing ----------------------------------------------------------------------------


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _percentiles(seconds: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def compare(
    name: str,
    queries: Sequence[Any],
    indexed: Callable[[Any], object],
    scan: Callable[[Any], object],
) -> list[str]:
    """A table row: p50/p99 of the indexed query and of the scan, and the ratio
    (the first two queries run once untimed first, so lazily built lookups are not timed)."""
    for q in queries[:2]:
        indexed(q)
        scan(q)
    fast = [_timed(lambda q=q: indexed(q)) for q in queries]
    slow = [_timed(lambda q=q: scan(q)) for q in queries]
    f50, f99 = _percentiles(fast)
    s50, s99 = _percentiles(slow)
    return [
        name,
        str(len(queries)),
        f"{f50:.2f}",
        f"{f99:.2f}",
        f"{s50:.1f}",
        f"{s99:.1f}",
        f"{s50 / f50:.0f}",
        f"{s99 / f99:.0f}",
    ]


HEAD = [
    "query",
    "n",
    "index p50 ms",
    "index p99 ms",
    "scan p50 ms",
    "scan p99 ms",
    "x faster p50",
    "x faster p99",
]


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """The regular expression a scan uses for what ``search('"phrase"')`` finds."""
    return re.compile(term(phrase).pattern(), re.IGNORECASE)


def scan_search(documents: Sequence[Document], phrase: str) -> list[str]:
    pattern = phrase_pattern(phrase)
    return [doc.id for doc in documents if pattern.search(doc.text)]


def scan_kwic(documents: Sequence[Document], phrase: str) -> list[natojp.KwicLine]:
    pattern = phrase_pattern(phrase)
    lines = []
    for doc in documents:
        spans = [m.span() for m in pattern.finditer(doc.text)]
        if spans:
            lines.extend(_kwic.lines(doc.id, doc.text, spans, 5))
    return lines


def phrases_from(texts: Sequence[str], count: int, rng: random.Random, words: int) -> list[str]:
    found: list[str] = []
    while len(found) < count:
        tokens = re.findall(r"[A-Za-z]+", rng.choice(texts))
        if len(tokens) > words:
            start = rng.randrange(len(tokens) - words)
            found.append(" ".join(tokens[start : start + words]))
    return found


def query_tables(
    corpus: natojp.Corpus,
    common: list[str],
    rare: list[str],
    filters: list[Callable[[], Any]],
    scans: list[Callable[[], Any]],
) -> str:
    documents = list(corpus)
    rows = [
        compare("filter", list(range(len(filters))), lambda i: filters[i](), lambda i: scans[i]())
    ]
    queries = (
        ("phrase search", lambda p: corpus.search(f'"{p}"'), lambda p: scan_search(documents, p)),
        ("kwic", corpus.kwic, lambda p: scan_kwic(documents, p)),
    )
    for name, indexed, scan in queries:
        for label, phrases in (("common", common), ("rare", rare)):
            if phrases:
                rows.append(compare(f"{name}, {label}", phrases, indexed, scan))
    return table(HEAD, rows)


def memory(documents: Sequence[Document], path: Path) -> list[str]:
    """Peak and kept bytes per document while reading JSON Lines, beside the text."""
    natojp.Corpus(documents).to_jsonl(path)
    text_bytes = sum(len(d.text.encode("utf-8")) for d in documents) / len(documents)
    tracemalloc.start()
    corpus = natojp.Corpus.from_jsonl(path)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del corpus
    n = len(documents)
    return [
        f"{n:,}",
        f"{text_bytes / 1024:.1f}",
        f"{peak / n / 1024:.1f}",
        f"{peak / n / text_bytes:.2f}",
        f"{kept / n / 1024:.1f}",
        f"{kept / n / text_bytes:.2f}",
    ]


MEMORY_HEAD = [
    "documents",
    "text KB/doc",
    "peak KB/doc",
    "peak x text",
    "kept KB/doc",
    "kept x text",
]


def index_size(corpus: natojp.Corpus) -> int:
    db = corpus._fulltext._connection()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    return int(pages * db.execute("PRAGMA page_size").fetchone()[0])


def generated(count: int, queries: int, workdir: Path, rng: random.Random) -> None:
    started = time.perf_counter()
    documents = generate(count)
    made = time.perf_counter() - started
    corpus = natojp.Corpus(documents)
    text_mb = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    print(f"\n## {count:,} generated documents ({text_mb:.0f} MB of text, made in {made:.0f} s)\n")

    build = _timed(corpus._fulltext.build)
    meta = _timed(corpus._indexed)
    one_scan = _timed(lambda: scan_search(documents, "watching closely"))
    print(
        table(
            ["index", "seconds", "x one phrase scan"],
            [
                ["full text (FTS5)", f"{build:.1f}", f"{build / one_scan:.1f}"],
                ["kind/outlet/speaker/mentioned", f"{meta:.2f}", f"{meta / one_scan:.2f}"],
            ],
        )
    )
    size = index_size(corpus)
    print(f"\nfull-text index: {size / 1e6:.0f} MB ({size / (text_mb * 1e6):.2f} x the text)\n")

    people = [p.id for p in default_registry()]
    kinds = sorted({d.kind for d in documents}, key=lambda k: k.value)
    filters: list[Callable[[], Any]] = []
    scans: list[Callable[[], Any]] = []
    for _ in range(10):
        kind, person = rng.choice(kinds), rng.choice(people)
        filters.append(lambda k=kind, p=person: corpus.where(kind=k, speaker=p))
        scans.append(
            lambda k=kind, p=person: [
                d for d in documents if d.kind is k and any(s.person_id == p for s in d.speakers)
            ]
        )
        year, month = rng.randint(2015, 2025), rng.randint(1, 12)
        first = PartialDate(year, month)
        filters.append(lambda f=first: corpus.between(f, f))
        scans.append(
            lambda f=first: [
                d for d in documents if d.date and f.start <= d.date.start and d.date.end <= f.end
            ]
        )
    bundled = [p.text for p in natojp.load_corpus().paragraphs()]
    common = phrases_from(bundled, queries, rng, 3)
    rare = [
        " ".join(re.findall(r"in (\w+) with the (\w+)", d.text[:80])[0])
        for d in rng.sample(documents, queries)
    ]
    rare = [f"{p.split()[0]} with the {p.split()[1]}" for p in rare]
    print(query_tables(corpus, common, rare, filters, scans))

    lines_path = workdir / "generated.jsonl"
    corpus.to_jsonl(lines_path)
    raw_lines = lines_path.read_text(encoding="utf-8").splitlines()
    bare = _timed(lambda: [json.loads(line) for line in raw_lines])
    full = _timed(lambda: natojp.Corpus.from_jsonl(lines_path))
    print()
    print(
        table(
            ["JSON Lines read", "seconds", "x json.loads"],
            [
                ["json.loads of each line", f"{bare:.1f}", "1.00"],
                ["Corpus.from_jsonl", f"{full:.1f}", f"{full / bare:.2f}"],
            ],
        )
    )
    print()
    sample = documents[: min(len(documents), 10_000)]
    print(table(MEMORY_HEAD, [memory(sample, workdir / "sample.jsonl")]))


# --- part 2: UNGDC ---------------------------------------------------------------------


def ungdc(limit: int | None, workdir: Path, rng: random.Random) -> None:
    if not UNGDC.exists():
        print(f"\n(UNGDC skipped: {UNGDC} is not there)")
        return
    folder = workdir / "ungdc"
    folder.mkdir()
    started = time.perf_counter()
    with tarfile.open(UNGDC, "r:xz") as archive:
        members = sorted(
            (m for m in archive.getmembers() if m.isfile() and m.name.endswith(".txt")),
            key=lambda m: m.name,
        )
        if limit is not None and limit < len(members):
            step = len(members) / limit
            members = [members[int(i * step)] for i in range(limit)]
        for member in members:
            data = archive.extractfile(member)
            assert data is not None
            (folder / Path(member.name).name).write_bytes(data.read())
    unpacked = time.perf_counter() - started
    size = sum(p.stat().st_size for p in folder.iterdir())
    print(
        f"\n## UNGDC: {len(members):,} speeches, {size / 1e6:.0f} MB "
        f"(unpacked in {unpacked:.0f} s, not counted below)\n"
    )

    started = time.perf_counter()
    corpus = natojp.load(
        folder,
        metadata_from_path="{country}_{session}_{year}.txt",
        strict=False,
        progress=sys.stderr.isatty(),
    )
    seconds = time.perf_counter() - started
    assert isinstance(corpus, natojp.Corpus)
    failed = len(corpus.report.failures) if corpus.report else 0
    print(
        table(
            [
                "pipeline (read, decode, parse, dates, people)",
                "documents",
                "failed",
                "seconds",
                "docs/s",
                "MB/s",
            ],
            [
                [
                    "natojp.load",
                    f"{len(corpus):,}",
                    str(failed),
                    f"{seconds:.0f}",
                    f"{len(corpus) / seconds:.0f}",
                    f"{size / 1e6 / seconds:.2f}",
                ]
            ],
        )
    )
    print()
    build = _timed(corpus._fulltext.build)
    print(f"full-text index built in {build:.1f} s\n")
    documents = list(corpus)
    filters: list[Callable[[], Any]] = []
    scans: list[Callable[[], Any]] = []
    for _ in range(20):
        year = rng.randint(1946, 2024)
        filters.append(lambda y=year: corpus.between(str(y), str(y)))
        scans.append(lambda y=year: [d for d in documents if d.date and d.date.year == y])
    common = [
        "human rights",
        "nuclear weapons",
        "climate change",
        "United Nations",
        "developing countries",
        "peace and security",
        "General Assembly",
        "Japan",
    ]
    rare = [
        "Indo-Pacific",
        "NATO",
        "Kishida",
        "North Atlantic Treaty Organization",
        "Fukushima",
        "Tokyo International Conference",
        "Hiroshima and Nagasaki",
        "Shinzo Abe",
    ]
    print(query_tables(corpus, common, rare, filters, scans))
    print()
    sample = rng.sample(documents, min(len(documents), 500))
    print(table(MEMORY_HEAD, [memory(sample, workdir / "ungdc-sample.jsonl")]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000, help="generated documents")
    parser.add_argument("--queries", type=int, default=10, help="phrases of each kind")
    parser.add_argument(
        "--ungdc",
        type=int,
        default=None,
        help="UNGDC speeches to load (default: all 10,952; 0 to skip)",
    )
    args = parser.parse_args(argv)
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        if args.docs:
            generated(args.docs, args.queries, Path(tmp), rng)
        if args.ungdc != 0:
            ungdc(args.ungdc, Path(tmp), rng)


if __name__ == "__main__":
    main()
