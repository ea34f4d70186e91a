"""Running a function over many items in worker processes, results in input order.

A load of ten thousand files spends nearly all its time parsing, which is pure
Python: threads would share one core, so the files go to processes. Results come
back in the order of the items, a bounded number of chunks in flight, so a
consumer that reads slowly (a streaming load) never makes memory grow.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

from natojp.errors import ProcessingError

__all__ = ["BrokenWorker", "OrderedPool", "can_start_processes", "forks", "usable_cores"]

Item = TypeVar("Item")
Result = TypeVar("Result")

# The work function and its fixed arguments, set in each worker once.
_task: Callable[..., Any] | None = None
_task_args: tuple[Any, ...] = ()


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def forks() -> bool:
    """Whether workers start by fork here (Linux): in milliseconds, and with the
    parent's objects as they are, unpickled."""
    return sys.platform == "linux"


def can_start_processes() -> bool:
    """Whether this process may have children (a daemonic worker, as in a
    ``multiprocessing.Pool`` or a Dask worker, may not)."""
    return not multiprocessing.current_process().daemon


def _set_task(task: Callable[..., Any], args: tuple[Any, ...]) -> None:
    global _task, _task_args
    _task, _task_args = task, args


def _run_chunk(chunk: Sequence[Any]) -> list[Any]:
    assert _task is not None, "worker started without its task"
    return [_task(item, *_task_args) for item in chunk]


class BrokenWorker(ProcessingError):
    """A worker process died (killed, out of memory) while it held a chunk of
    items; ``path`` names the chunk's first item where the pool was told how."""


class OrderedPool(Generic[Item, Result]):
    """``task(item, *args)`` for each item, run in ``workers`` processes and
    yielded in the items' order. ``task`` must be a module-level function; it
    should return failures as values rather than raise them, so that one bad
    item does not end the run.

    >>> pool = OrderedPool(divmod, (7,), workers=2, chunk=2)
    >>> list(pool.map([14, 15, 21]))
    [(2, 0), (2, 1), (3, 0)]
    """

    def __init__(
        self,
        task: Callable[..., Result],
        args: tuple[Any, ...],
        *,
        workers: int,
        chunk: int,
        where: Callable[[Item], str] | None = None,
    ) -> None:
        self.task, self.args, self.workers, self.chunk = task, args, workers, chunk
        self.where = where

    def _context(self) -> multiprocessing.context.BaseContext:
        # fork starts a worker in milliseconds and hands it the task and its
        # arguments without pickling them (a user's lambda for metadata works);
        # elsewhere the platform's default, which pickles them.
        if forks():
            return multiprocessing.get_context("fork")
        context = multiprocessing.get_context()
        try:
            pickle.dumps((self.task, self.args))
        except Exception as exc:
            raise ProcessingError(
                f"the load's options cannot be sent to worker processes ({exc}); "
                "pass module-level functions, or workers=1 to load in this process"
            ) from exc
        return context

    def map(self, items: Iterable[Item]) -> Generator[Result, None, None]:
        """The results, in the order of ``items``."""
        chunks = _chunked(items, self.chunk)
        in_flight: deque[tuple[list[Item], Future[list[Result]]]] = deque()
        window = 4 * self.workers
        with ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self._context(),
            initializer=_set_task,
            initargs=(self.task, self.args),
        ) as pool:
            try:
                for chunk in chunks:
                    try:
                        future = pool.submit(_run_chunk, chunk)
                    except BrokenProcessPool as exc:
                        raise self._broken(in_flight[0][0] if in_flight else chunk) from exc
                    in_flight.append((chunk, future))
                    if len(in_flight) >= window:
                        yield from self._collect(*in_flight.popleft())
                while in_flight:
                    yield from self._collect(*in_flight.popleft())
            finally:
                for _, pending in in_flight:
                    pending.cancel()

    def _collect(self, chunk: list[Item], future: Future[list[Result]]) -> list[Result]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise self._broken(chunk) from exc

    def _broken(self, chunk: list[Item]) -> BrokenWorker:
        # A dead worker fails every pending chunk: the one it held is this
        # oldest one still waiting, or one after it.
        return BrokenWorker(
            "a worker process died while loading this file or one after it (killed, out of "
            "memory, or a script without `if __name__ == '__main__':` where processes are "
            "spawned); load again with fewer workers, or workers=1",
            path=self.where(chunk[0]) if self.where is not None else None,
        )


def _chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
