"""Building many objects that all stay alive (the sentences of a corpus, the
documents of a JSON Lines file) without the cyclic garbage collector's pauses."""

from __future__ import annotations

import gc
from types import TracebackType


class no_collection_pauses:  # lower case, as contextlib.suppress: read as a statement
    """Hold off the cyclic garbage collector for a block that builds models.
    Each collection of the oldest generation visits every object alive, so
    building millions that all survive would re-visit the corpus again and
    again and find nothing: the models hold no reference cycles. Work that
    does make cycles (an error's traceback) calls :meth:`resume` first. The
    collector comes back after, as it was (left off if it was off).

    >>> import gc
    >>> with no_collection_pauses() as pauses:
    ...     held = not gc.isenabled()
    ...     pauses.resume()
    ...     resumed = gc.isenabled()
    >>> held, resumed, gc.isenabled()
    (True, True, True)
    """

    __slots__ = ("_held",)

    def __init__(self) -> None:
        self._held = False

    def __enter__(self) -> no_collection_pauses:
        if gc.isenabled():
            gc.disable()
            self._held = True
        return self

    def resume(self) -> None:
        """Let the collector run again from here on."""
        if self._held:
            self._held = False
            gc.enable()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.resume()
