"""What a lenient load reports: the files that loaded and each one that did not."""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class LoadFailure:
    """A file that did not load: where, which error, why, and the line if known.

    >>> print(LoadFailure(path="notes.txt", error="DecodeError", message="NUL byte", line=3))
    notes.txt: DecodeError: NUL byte
    """

    #: The file that did not load.
    path: str
    #: The name of the error it raised (``"DecodeError"``).
    error: str
    #: What went wrong.
    message: str
    #: The line of the file the error is on, if known.
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.error}: {self.message}"


@attrs.frozen(kw_only=True)
class LoadReport:
    """What a lenient load did: how many files loaded and each failure.

    >>> LoadReport(loaded=3, failures=())
    LoadReport(loaded=3, failures=())
    >>> LoadReport(loaded=3, failures=()).ok
    True
    """

    #: How many files loaded.
    loaded: int
    #: Each file that did not, in the order they were read.
    failures: tuple[LoadFailure, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every file loaded."""
        return not self.failures

    def __str__(self) -> str:
        lines = [f"{self.loaded} loaded, {len(self.failures)} failed"]
        lines.extend(f"  {failure}" for failure in self.failures)
        return "\n".join(lines)
