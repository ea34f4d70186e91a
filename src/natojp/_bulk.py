"""Building many objects that all stay alive (the sentences of a corpus, the
documents of a JSON Lines file) without the cyclic garbage collector's pauses."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_collection_pauses() -> Iterator[None]:
    """Hold off the cyclic garbage collector for the block. Each collection of
    the oldest generation visits every object alive, so building millions that
    all survive would re-visit the corpus again and again, and find nothing: the
    models hold no reference cycles. The collector comes back after, as it was
    (left off if it was off).

    >>> import gc
    >>> with no_collection_pauses():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
