"""natojp at archive scale: the UN General Debate corpus and the White House
archive (about 21,000 real documents, ../shared/data) loaded serially, with
``workers=2`` and on a Dask cluster of two worker processes; peak memory of
streaming against loading everything; and search, KWIC, sentences and
shared passages against raw SQLite FTS5 and plain scans of the same texts.

Every figure is measured in this run, each load in a fresh process (so its
peak memory is its own); ratios are against baselines of the same run, as the
machine is shared and noisy. Two cores show at most 2x; a busy machine less.

    python benchmarks/scale.py --cache /tmp/natojp-cache            # whole archives, ~40 min
    python benchmarks/scale.py --cache /tmp/natojp-cache --every 20 # a 5% sample, ~3 min
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sqlite3
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from _table import table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests import archives  # noqa: E402

#: what a user loads: the unpacked folders and the options for them
SETS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "ungdc": (
        ("ungdc",), {"pattern": "*.txt", "metadata_from_path": "{country}_{session}_{year}.txt"}
    ),
    "wh": (("wh-speeches", "wh-briefings", "wh-statements"), {"pattern": "*.md"}),
}  # fmt: skip


def _files(cache: Path, every: int) -> dict[str, list[Path]]:
    found = {}
    for name, (folders, options) in SETS.items():
        paths = sorted(
            p for f in folders for p in archives.extract(f, cache).rglob(options["pattern"])
        )
        found[name] = paths[::every]
    return found


def _options(name: str) -> dict[str, Any]:
    options = dict(SETS[name][1])
    options.pop("pattern")
    return options


def _in_child(work: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """``work(*args)`` in a fresh process; its result, with the process's peak RSS."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(work, args, queue))
    process.start()
    result: dict[str, Any] = queue.get()
    process.join()
    return result


def _child(work: Callable[..., dict[str, Any]], args: tuple[Any, ...], queue: Any) -> None:
    warnings.simplefilter("ignore")
    result = work(*args)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(result)


# --- loading ---------------------------------------------------------------------------


def _read_only(files: dict[str, list[Path]]) -> dict[str, Any]:
    from natojp.loaders.decode import decode

    started = time.perf_counter()
    for paths in files.values():
        for path in paths:
            decode(path.read_bytes(), path=str(path))
    return {"seconds": time.perf_counter() - started}


def _load(files: dict[str, list[Path]], workers: int) -> dict[str, Any]:
    import natojp

    started = time.perf_counter()
    count = failed = 0
    for name, paths in files.items():
        corpus = natojp.load(paths, strict=False, workers=workers, **_options(name))
        count += len(corpus)
        failed += len(corpus.report.failures)
    return {"seconds": time.perf_counter() - started, "documents": count, "failed": failed}


def _dask(files: dict[str, list[Path]]) -> dict[str, Any]:
    import dask
    from distributed import Client, LocalCluster

    import natojp.dask

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, Client(cluster):  # fmt: skip
        started = time.perf_counter()
        bags = [
            natojp.dask.read_with_failures(paths, **_options(name)) for name, paths in files.items()
        ]
        results = dask.compute(*[bag for pair in bags for bag in pair])
        seconds = time.perf_counter() - started
    documents = sum(len(found) for found in results[0::2])
    failed = sum(len(found) for found in results[1::2])
    return {"seconds": seconds, "documents": documents, "failed": failed}


def loading(files: dict[str, list[Path]]) -> None:
    mb = sum(p.stat().st_size for paths in files.values() for p in paths) / 1e6
    count = sum(len(paths) for paths in files.values())
    print(f"\n## Loading {count:,} files, {mb:,.0f} MB (UNGDC + White House)\n")
    base = _in_child(_read_only, files)["seconds"]
    runs = [
        ("serial (workers=1)", _in_child(_load, files, 1)),
        ("workers=2", _in_child(_load, files, 2)),
        ("Dask, 2 worker processes", _in_child(_dask, files)),
    ]
    serial = runs[0][1]["seconds"]
    rows = [["read and decode only (baseline)", "", "", f"{base:.0f}", f"{mb / base:.1f}", "", ""]]
    for label, result in runs:
        seconds = result["seconds"]
        rows.append(
            [
                label,
                f"{result['documents']:,}",
                f"{result['failed']:,}",
                f"{seconds:.0f}",
                f"{mb / seconds:.2f}",
                f"{serial / seconds:.2f}x",
                f"{seconds / base:.0f}x",
            ]
        )
    headers = ["run", "documents", "failed", "seconds", "MB/s", "vs serial", "vs baseline"]
    print(table(headers, rows))


# --- memory ----------------------------------------------------------------------------


def _hold(paths: list[Path]) -> dict[str, Any]:
    import natojp

    corpus = natojp.load(paths, strict=False, workers=1, **_options("ungdc"))
    return {"documents": len(corpus)}


def _rss_mb() -> float:
    """The process's resident memory now (Linux); its peak elsewhere."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def _streamed(documents: Iterable[object], total: int) -> dict[str, Any]:
    """Count ``documents`` (about ``total``), noting the memory in use once
    half have gone by and the most after: memory that grows with the stream
    grows as much again in the second half; streaming keeps it flat (the
    first half also holds the start-up: imports, Arrow's pools)."""
    count, half, after = 0, None, 0.0
    for count, _ in enumerate(documents, start=1):
        if count == max(1, total // 2):
            half = _rss_mb()
        elif half is not None and count % 25 == 0:
            after = max(after, _rss_mb())
    growth = max(after, _rss_mb()) - half if half is not None else None
    return {"documents": count, "growth_mb": growth}


def _stream(paths: list[Path]) -> dict[str, Any]:
    import natojp

    stream = natojp.iter_load(paths, strict=False, workers=1, **_options("ungdc"))
    return _streamed(stream, len(paths))


def _to_dataset(paths: list[Path], folder: str) -> dict[str, Any]:
    import natojp

    stream = natojp.iter_load(paths, strict=False, workers=1, **_options("ungdc"))
    natojp.write_dataset(stream, folder, overwrite=True)
    return {"documents": len(natojp.open_dataset(folder))}


def _read_dataset(folder: str) -> dict[str, Any]:
    import natojp

    dataset = natojp.open_dataset(folder)
    return _streamed(dataset, len(dataset))


def _empty() -> dict[str, Any]:
    import natojp

    natojp.load_corpus()
    return {"documents": 0}


def memory(files: dict[str, list[Path]], scratch: Path) -> None:
    paths = files["ungdc"]
    quarter = paths[::4]
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"\n## Peak memory, UNGDC ({len(paths):,} files, {mb:,.0f} MB), one process\n")
    base = _in_child(_empty)["peak_mb"]
    rows = []
    big, small = str(scratch / "all"), str(scratch / "quarter")
    for label, result in [
        ("natojp.load (a quarter)", _in_child(_hold, quarter)),
        ("natojp.load (all)", _in_child(_hold, paths)),
        ("iter_load (a quarter)", _in_child(_stream, quarter)),
        ("iter_load (all)", _in_child(_stream, paths)),
        ("iter_load -> write_dataset (a quarter)", _in_child(_to_dataset, quarter, small)),
        ("iter_load -> write_dataset (all)", _in_child(_to_dataset, paths, big)),
        ("open_dataset, streamed (a quarter)", _in_child(_read_dataset, small)),
        ("open_dataset, streamed (all)", _in_child(_read_dataset, big)),
    ]:
        peak, growth = result["peak_mb"], result.get("growth_mb")
        grew = "" if growth is None else f"{growth:+,.0f}"
        rows.append(
            [label, f"{result['documents']:,}", f"{peak:,.0f}", f"{peak - base:,.0f}", grew]
        )
    rows.insert(0, ["import natojp, bundled corpus (baseline)", "", f"{base:,.0f}", "0", ""])
    headers = ["run", "documents", "peak RSS MB", "above baseline MB", "second half MB"]
    print(table(headers, rows))
    print(
        "\n(second half: how much more memory a stream held at most once half its"
        " documents had gone by; flat streaming stays near 0)"
    )


# --- queries ---------------------------------------------------------------------------


def _best(work: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def queries(files: dict[str, list[Path]], limit_docs: int, args_trace: bool) -> None:
    import natojp

    paths = files["ungdc"][:limit_docs] if limit_docs else files["ungdc"]
    corpus = natojp.load(paths, strict=False, workers=2, **_options("ungdc"))
    texts = [doc.text for doc in corpus]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"\n## Queries on {len(corpus):,} UNGDC speeches ({mb:.0f} MB)\n")
    corpus.search("warmup", limit=1)
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(text, content='', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    db.executemany("INSERT INTO fts(rowid, text) VALUES (?, ?)", enumerate(texts))

    def fts(query: str, limit: int | None) -> list[Any]:
        sql = "SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ? ORDER BY bm25(fts)"
        return db.execute(sql + (f" LIMIT {limit}" if limit else ""), (query,)).fetchall()

    def scan(word: str) -> list[Any]:
        pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
        found = []
        for i, text in enumerate(texts):
            spans = [m.span() for m in pattern.finditer(text)]
            if spans:
                found.append((i, spans))
        return found

    rows = []
    for label, ours, theirs, against in [
        (
            'search("security council"), top 50',
            lambda: corpus.search('"security council"'),
            lambda: fts('"security council"', 50),
            "raw FTS5",
        ),
        (
            'search("peace"), top 50',
            lambda: corpus.search("peace"),
            lambda: fts("peace", 50),
            "raw FTS5",
        ),
        (
            'search("peace", limit=None)',
            lambda: corpus.search("peace", limit=None),
            lambda: scan("peace"),
            "regex scan",
        ),
        (
            'search("hiroshima", limit=None)',
            lambda: corpus.search("hiroshima", limit=None),
            lambda: scan("hiroshima"),
            "regex scan",
        ),
        ('kwic("peace")', lambda: corpus.kwic("peace"), lambda: scan("peace"), "regex scan"),
        (
            'kwic("hiroshima")',
            lambda: corpus.kwic("hiroshima"),
            lambda: scan("hiroshima"),
            "regex scan",
        ),
        (
            "sentences()",
            corpus.sentences,
            lambda: [re.split(r"(?<=[.!?])\s+", t) for t in texts],
            "regex split",
        ),
    ]:
        a, b = _best(ours), _best(theirs)
        rows.append([label, f"{a * 1000:,.1f}", against, f"{b * 1000:,.1f}", f"{a / b:.1f}x"])
    if args_trace:
        tracemalloc.start()  # what it allocates, exactly; tracing slows it several times over
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    passages = corpus.shared_passages(min_words=8)
    seconds = time.perf_counter() - started
    if args_trace:
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    else:  # the growth of this process's peak: at least what it held at once
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
    rows.append(
        [
            f"shared_passages(8): {len(passages):,} passages",
            f"{seconds * 1000:,.0f}",
            "peak MB per MB of text" + (" (traced)" if args_trace else " (RSS)"),
            f"{peak / mb:.1f}",
            "",
        ]
    )
    print(table(["query", "natojp ms", "against", "their ms", "ratio"], rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help="where to unpack the archives (kept between runs)")
    parser.add_argument("--every", type=int, default=1, help="take every N-th file (default 1)")
    parser.add_argument(
        "--parts", nargs="+", choices=["load", "memory", "queries"],
        default=["load", "memory", "queries"],
    )  # fmt: skip
    parser.add_argument(
        "--query-docs", type=int, default=3000, help="UNGDC speeches for the queries (0: all)"
    )
    parser.add_argument(
        "--trace", action="store_true",
        help="measure shared_passages' memory with tracemalloc (exact, slow) rather than RSS",
    )  # fmt: skip
    args = parser.parse_args()
    if not archives.available():
        sys.exit(f"the archives are not beside the project: {archives.DATA}")
    cache = Path(args.cache or tempfile.mkdtemp(prefix="natojp-archives-"))
    files = _files(cache, args.every)
    with tempfile.TemporaryDirectory() as scratch:
        if "load" in args.parts:
            loading(files)
        if "memory" in args.parts:
            memory(files, Path(scratch))
        if "queries" in args.parts:
            queries(files, args.query_docs, args.trace)


if __name__ == "__main__":
    main()
