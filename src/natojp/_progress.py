"""Progress on long work: a line on stderr that rewrites itself, or a callback."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

ProgressOption = bool | Callable[[int, int | None], None]
"""``True`` for a line on stderr, ``False`` for nothing, or a function called
with ``(done, total)`` (``total`` is ``None`` when not known)."""


class Progress:
    """Reports ``done`` of ``total`` ``unit`` as work goes on."""

    __slots__ = ("_callback", "_done", "_last", "_shown", "_stream", "label", "total", "unit")

    def __init__(
        self,
        option: ProgressOption,
        *,
        label: str,
        total: int | None = None,
        unit: str = "documents",
        stream: TextIO | None = None,
    ) -> None:
        self.label, self.total, self.unit = label, total, unit
        self._callback = option if callable(option) else None
        self._stream = (stream or sys.stderr) if option is True else None
        self._last = 0.0
        self._shown = False
        self._done = -1

    def update(self, done: int, *, force: bool = False) -> None:
        """Say that ``done`` are finished (drawn at most ten times a second)."""
        if self._callback is not None and done != self._done:
            self._callback(done, self.total)
        self._done = done
        if self._stream is None:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        if self.total:
            filled = 20 * done // self.total
            bar = "#" * filled + "." * (20 - filled)
            line = f"\r{self.label} [{bar}] {done:,}/{self.total:,} {self.unit}"
        else:
            line = f"\r{self.label}: {done:,} {self.unit}"
        self._stream.write(line)
        self._stream.flush()
        self._shown = True

    def close(self, done: int) -> None:
        """Show the final count and end the line."""
        self.update(done, force=True)
        if self._stream is not None and self._shown:
            self._stream.write("\n")
            self._stream.flush()
