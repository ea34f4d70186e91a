"""Seconds natojp.parse takes on real text and on each adversarial family of
tests/test_linearity.py at 1, 2, 4 and 8 MB, and the ratio of the largest
size's time to the smallest's: a linear pass gives about the ratio of the
sizes (8), a quadratic one its square (64).

    python benchmarks/linearity.py                      # about 15 minutes
    python benchmarks/linearity.py --repeat 3           # best of three: less noise
    python benchmarks/linearity.py --sizes 0.064,0.512  # a quick run
    python benchmarks/linearity.py --real DIR           # real text from DIR/**/*.txt

Real text is the UN General Debate speeches in ../shared/data/ungdc/sample_JPN
(when present; else the bundled documents), one after another and repeated to
the size; --real reads another folder (the full UNGDC corpus, say: files in a
seeded random order until there is enough). The adversarial families (dense
quotation marks in HTML attributes and in prose, bare titles, pronouns, digits
and slashes, capitalised words, a paragraph with no sentence end, speaker
turns) are described in tests/test_linearity.py.

Every text is parsed as dated (2023-01-31), so relative dates and titles
resolve. Each time is the best of --repeat runs (one by default); the garbage
collector runs over that run's objects only. A run that takes longer than
--timeout seconds is stopped and the family's larger sizes are skipped.
"x real" is a family's time at the largest size over real text's, measured in
the same run. Machines are noisy: compare ratios, not absolute times between
runs.
"""

from __future__ import annotations

import argparse
import gc
import random
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from _table import table

import natojp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.test_linearity import DAY, FAMILIES, repeated  # noqa: E402

SPEECHES = ROOT.parent / "shared" / "data" / "ungdc" / "sample_JPN"


def real_text(folder: Path | None, size: int) -> Callable[[int], str]:
    """Real text of any size: speeches from ``folder`` (or natojp's own
    documents) one after another, repeated past ``size`` characters (files in
    a seeded random order, read until there is enough)."""
    files = sorted(folder.rglob("*.txt")) if folder is not None and folder.is_dir() else []
    if not files:
        return FAMILIES["real"]
    random.Random(0).shuffle(files)
    texts, length = [], 0
    for path in files:
        texts.append(path.read_text(encoding="utf-8-sig", errors="replace").strip())
        length += len(texts[-1]) + 2
        if length >= size:
            break
    whole = "\n\n".join(texts) + "\n\n"
    return lambda size: repeated(whole, size)


class _Timeout(Exception):
    pass


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def seconds(text: str, timeout: float) -> float | None:
    """How long ``natojp.parse`` takes on ``text``; ``None`` past ``timeout``."""
    gc.collect()
    gc.freeze()  # the collector's pace must not depend on earlier runs
    try:
        with _deadline(timeout):
            started = time.perf_counter()
            natojp.parse(text, metadata=DAY)
            return time.perf_counter() - started
    except _Timeout:
        return None
    finally:
        gc.unfreeze()


def best(text: str, timeout: float, repeat: int) -> float | None:
    """The fastest of ``repeat`` runs (``None`` if one takes over ``timeout``)."""
    times = []
    for run in range(repeat):
        took = seconds(f"{text}\n\n{run}", timeout)  # its own text: no hit in the page cache
        if took is None:
            return None
        times.append(took)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--sizes", default="1,2,4,8", help="text sizes in MB, comma-separated (default 1,2,4,8)"
    )
    parser.add_argument("--real", type=Path, default=SPEECHES, help="a folder of .txt speeches")
    parser.add_argument(
        "--families", default=None, help="comma-separated families to run (default: all)"
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run at most")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best is kept")
    args = parser.parse_args(argv)
    sizes = [int(float(mb) * 1_000_000) for mb in args.sizes.split(",")]
    families = dict(FAMILIES, real=real_text(args.real, max(sizes)))
    if args.families:
        families = {name: families[name] for name in args.families.split(",")}
    natojp.parse(families["real"](10_000), metadata=DAY)  # warm the registry and patterns

    rows, largest = [], {}
    for name, make in families.items():
        cells, times, stopped = [name], [], False
        for size in sizes:
            took = None if stopped else best(make(size), args.timeout, args.repeat)
            if took is None:
                cells.append("-" if stopped else f"> {args.timeout:g}")
                stopped = True
                continue
            times.append(took)
            cells.append(f"{took:.2f}")
            print(f"{name} {size / 1e6:g} MB: {took:.2f} s", file=sys.stderr, flush=True)
        if stopped:
            cells.append("-")
        else:
            cells.append(f"{times[-1] / times[0]:.1f}")
            largest[name] = times[-1]
        rows.append(cells)
    for cells in rows:
        base, own = largest.get("real"), largest.get(cells[0])
        cells.append(f"{own / base:.2f}" if base and own else "-")
    ratio = f"{sizes[-1] / 1e6:g} MB / {sizes[0] / 1e6:g} MB"
    headers = ["text", *(f"{size / 1e6:g} MB" for size in sizes), ratio, "x real"]
    print(f"seconds to parse; a linear pass gives {ratio} about {sizes[-1] / sizes[0]:g}")
    print(table(headers, rows))


if __name__ == "__main__":
    main()
