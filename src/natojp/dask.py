"""Loading archives on a Dask cluster (the ``dask`` extra).

:func:`read` gives a ``dask.bag.Bag`` of :class:`~natojp.models.Document`
objects parsed on the workers: on one machine's cores with Dask's default
scheduler, or on many machines with a ``dask.distributed`` client. Make a
table of the flat fields with :func:`to_dataframe`, or write a partitioned
Parquet dataset from the workers with :func:`to_dataset` and read it back with
:func:`natojp.open_dataset`.

>>> import natojp.dask, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for n in range(3):
...     _ = (folder / f"JPN_{n}_{2000 + n}.txt").write_text("Japan and NATO stand together.")
>>> bag = natojp.dask.read(folder, metadata_from_path="{country}_{session}_{year}.txt")
>>> sorted(doc.id for doc in bag.compute(scheduler="sync"))
['jpn_0_2000', 'jpn_1_2001', 'jpn_2_2002']

.. versionadded:: 0.1
"""

from __future__ import annotations

import importlib
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from natojp._atomic import atomic_folder
from natojp.corpus import (
    COLUMNS,
    arrow_schema,
    partition_file_name,
    pyarrow_module,
    record,
    row_of,
    write_batches,
)
from natojp.errors import MissingExtraError, NatojpError
from natojp.loaders import DocumentStream, FileTask, file_tasks
from natojp.models import Document, LoadFailure

__all__ = ["read", "read_with_failures", "to_dataframe", "to_dataset"]


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError:
        raise MissingExtraError("dask", "dask") from None
    return dask.bag


def _tasks(path: Any, options: dict[str, Any]) -> list[FileTask]:
    if "workers" in options:
        raise TypeError("workers= is for natojp.load; on Dask, the cluster's workers parse")
    parsers = options.pop("parsers", None)
    stream = DocumentStream(path, registry=parsers, workers=1, stacklevel=3, **options)
    return file_tasks(stream)


def _outcome(task: FileTask) -> Document | LoadFailure:
    result = task.run()
    if isinstance(result, NatojpError):
        return LoadFailure(
            path=str(task.file), error=type(result).__name__, message=result.reason,
            line=result.line,
        )  # fmt: skip
    return result[0]


def _strict(task: FileTask) -> Document:
    result = task.run()
    if isinstance(result, NatojpError):
        raise result
    return result[0]


def _partitions(count: int, npartitions: int | None) -> int:
    if npartitions is not None:
        return max(1, min(npartitions, count))
    return max(1, min(count, math.ceil(count / 32)))


def read(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    npartitions: int | None = None,
    **load_options: Any,
) -> Any:
    """A ``dask.bag.Bag`` of the documents :func:`natojp.load` would give for
    ``path`` (a file, folder, glob or list of them), parsed on Dask's workers
    when the bag is computed, in file-name order. ``load_options`` are those of
    :func:`natojp.load` but ``strict``: a file that fails raises its
    :class:`~natojp.errors.NatojpError`, naming it, when the bag is computed
    (for a lenient load, use :func:`read_with_failures`). The files are listed
    here and read on the workers, so every worker must see them at the same
    paths (a shared disk). ``npartitions`` defaults to one per 32 files.

    Ids are those of :func:`natojp.load` but where making them unique needs
    every document at once: ids that come from a file name are unique, but two
    documents whose ids come from their metadata, front matter or title (a
    file name with no letters natojp can use, such as ``日本.txt``) may share
    one, which :func:`natojp.load` would have told apart (``hello-there-2``); a
    :class:`~natojp.corpus.Corpus` of such documents raises
    :class:`~natojp.errors.DuplicateIdError`.

    >>> import natojp.dask
    >>> bag = natojp.dask.read(natojp.loaders.__file__, format="plain")
    >>> bag.npartitions
    1

    .. versionadded:: 0.1
    """
    bag = _bag_module()
    if "strict" in load_options:
        raise TypeError("read() is strict; for a lenient load use read_with_failures()")
    tasks = _tasks(path, load_options)
    return bag.from_sequence(tasks, npartitions=_partitions(len(tasks), npartitions)).map(_strict)


def read_with_failures(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    npartitions: int | None = None,
    **load_options: Any,
) -> tuple[Any, Any]:
    """A lenient :func:`read`: two bags, of the documents that loaded and of a
    :class:`~natojp.models.LoadFailure` for each file that did not (computed
    together, ``dask.compute(documents, failures)`` parses each file once).

    >>> import dask, natojp.dask, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "good.txt").write_text("Japan and NATO stand together.")
    >>> _ = (folder / "bad.txt").write_bytes(bytes(8))
    >>> documents, failures = natojp.dask.read_with_failures(folder)
    >>> docs, failed = dask.compute(documents, failures, scheduler="sync")
    >>> [d.id for d in docs], [f.error for f in failed]
    (['good'], ['DecodeError'])

    .. versionadded:: 0.1
    """
    bag = _bag_module()
    load_options.pop("strict", None)
    tasks = _tasks(path, load_options)
    outcomes = bag.from_sequence(tasks, npartitions=_partitions(len(tasks), npartitions))
    outcomes = outcomes.map(_outcome)
    return (
        outcomes.filter(lambda item: isinstance(item, Document)),
        outcomes.filter(lambda item: isinstance(item, LoadFailure)),
    )


def _flat(doc: Document) -> dict[str, Any]:
    row = record(doc)
    row["metadata"] = json.dumps(row["metadata"], ensure_ascii=False, default=str)
    return row


def to_dataframe(documents: Any) -> Any:
    """A ``dask.dataframe.DataFrame`` of a bag of documents' flat fields, the
    columns of :meth:`natojp.corpus.Corpus.to_records` (lists as Python lists,
    ``metadata`` as text). Needs pandas.

    >>> import natojp, natojp.dask
    >>> bag = natojp.dask.read(natojp.loaders.__file__, format="plain")
    >>> frame = natojp.dask.to_dataframe(bag)
    >>> list(frame.columns[:3])
    ['id', 'kind', 'title']

    .. versionadded:: 0.1
    """
    _bag_module()
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError("pandas", "dask") from None
    meta = pd.DataFrame({column: pd.Series(dtype="object") for column in COLUMNS})
    meta["quotes"] = meta["quotes"].astype("int64")
    return documents.map(_flat).to_dataframe(meta=meta)


def _write_partition(documents: list[Document], folder: str, index: int) -> int:
    pa = pyarrow_module()
    schema = arrow_schema()
    rows = [row_of(doc) for doc in documents]
    if rows:
        batch = pa.RecordBatch.from_pylist(rows, schema=schema)
        write_batches([batch], Path(folder), schema, name=partition_file_name(index))
    return len(rows)


def to_dataset(documents: Any, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write a bag of documents as the partitioned Parquet dataset of
    :func:`natojp.write_dataset`, each Dask partition writing its own files
    from its worker (so the folder must be on a disk every worker shares).
    The folder appears whole or not at all; one that exists is an error unless
    ``overwrite=True``. Returns the folder.

    >>> import natojp, natojp.dask, tempfile
    >>> bag = natojp.dask.read(natojp.loaders.__file__, format="plain")
    >>> folder = natojp.dask.to_dataset(bag, tempfile.mkdtemp() + "/out")
    >>> len(natojp.open_dataset(folder))
    1

    .. versionadded:: 0.1
    """
    _bag_module()
    pyarrow_module()
    dask: Any = importlib.import_module("dask")
    with atomic_folder(path, overwrite=overwrite) as folder:
        # One task a partition, its files named by its index: a task run again
        # (a worker lost) replaces its own files rather than adding to them.
        parts = documents.to_delayed()
        write = dask.delayed(_write_partition)
        dask.compute(*[write(part, str(folder), i) for i, part in enumerate(parts)])
    return Path(path)
