"""The plain-text table every benchmark prints."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence


def table(headers: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell; the first left-aligned, the rest right."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = zip(row, widths, strict=True)
        lines.append("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(cells)))
    return "\n".join(lines)


def best_seconds(
    work: Callable[[str, dt.date | None], object],
    texts: Sequence[tuple[str, dt.date | None]],
    repeat: int,
) -> float:
    """The fastest of ``repeat`` runs of ``work`` over every ``(text, anchor)``."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text, anchor in texts:
            work(text, anchor)
        best = min(best, time.perf_counter() - started)
    return best


def linear_time(unit: str, sizes: Sequence[int], work: Callable[[str], int], what: str) -> str:
    """A table of ``work`` timed on ``unit`` repeated to each size, with seconds
    per MB against the first size (1.00 throughout means linear time); ``work``
    returns how many ``what`` it found."""
    rows, first = [], 0.0
    for size in sizes:
        text = (unit * (size // len(unit) + 1))[:size]
        started = time.perf_counter()
        found = work(text)
        seconds = time.perf_counter() - started
        per_mb = seconds / (size / 1e6)
        first = first or per_mb
        rows.append([f"{size / 1e6:g} MB", f"{seconds:.2f}", f"{per_mb:.2f}",
                     f"{per_mb / first:.2f}", f"{found:,}"])  # fmt: skip
    return table(["text", "seconds", "s per MB", "x first", what], rows)
