"""The ``natojp`` command: a thin layer over the library.

Exit status: 0 on success, 1 on a user error (one line on stderr, no
traceback), 2 on bad usage.

>>> main(["list"])  # doctest: +ELLIPSIS
id                                  date        kind          outlet       title
...
0
"""

from __future__ import annotations

from natojp.cli._commands import main, run

__all__ = ["main", "run"]
