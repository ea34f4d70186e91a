"""Partitioned Parquet datasets of documents: written as a stream, read back as
a stream with filters pushed down to the files (the ``arrow`` extra).

Each row is a whole document in natojp's JSON shape (``natojp.serialize``), as
Arrow types derived from the models, so reading it back gives the same
:class:`~natojp.models.Document`. Three columns are added for filtering:
``year`` (a partition, with ``kind``), ``day_start`` and ``day_end`` (the days
the document is dated to, by its event date else its publication date).
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import os
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from natojp._atomic import atomic_folder
from natojp._progress import Progress, ProgressOption
from natojp.corpus._corpus import date_bound, days_of
from natojp.corpus._export import pyarrow_module
from natojp.errors import QueryError, SchemaError
from natojp.models import Document, DocumentKind, FrozenMap, PartialDate
from natojp.serialize import SCHEMA_VERSION, from_dict, to_dict

__all__ = ["Dataset", "arrow_schema", "open_dataset", "write_dataset"]

# Columns a dataset has besides the document's own fields.
_EXTRA = ("year", "day_start", "day_end", "speaker_keys")
_PARTITIONS = ("year", "kind")
_VERSION_KEY = b"natojp.schema_version"


def _arrow_type(pa: Any, hint: Any) -> Any:
    """The Arrow type of a model field, shaped as natojp's JSON writes it."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        rest = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(rest) != 1:  # pragma: no cover - the models have no such union
            raise TypeError(f"no Arrow type for {hint}")
        return _arrow_type(pa, rest[0])
    if origin is tuple:
        return pa.list_(_arrow_type(pa, typing.get_args(hint)[0]))
    if origin is typing.Literal or hint is str:
        return pa.string()
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum) or hint in (PartialDate, _dt.datetime):
            return pa.string()  # as written in JSON: a value, "2022-06", an ISO time
        if hint is FrozenMap:
            return pa.string()  # metadata holds any JSON: kept as its JSON text
        if hint is bool:
            return pa.bool_()
        if hint is int:
            return pa.int64()
        if hint is float:
            return pa.float64()
        if attrs.has(hint):
            return pa.struct(_arrow_fields(pa, hint))
    raise TypeError(f"no Arrow type for {hint}")  # pragma: no cover - a new model type


def _arrow_fields(pa: Any, model: type) -> list[Any]:
    """The Arrow fields of an attrs model: nullable where the field may be ``None``."""
    hints = typing.get_type_hints(model)
    return [
        pa.field(
            field.name,
            _arrow_type(pa, hints[field.name]),
            nullable=type(None) in typing.get_args(hints[field.name]),
        )
        for field in attrs.fields(model)
    ]


def arrow_schema() -> Any:
    """The Arrow schema of a dataset's rows: one field per
    :class:`~natojp.models.Document` field, typed from the models (a nested
    model is a struct, a tuple a list, a date or an enum its JSON string,
    ``metadata`` its JSON text), then ``year``, ``day_start``, ``day_end`` and
    ``speaker_keys``, the columns filters read.

    >>> import natojp
    >>> schema = natojp.corpus.arrow_schema()
    >>> schema.field("mentions").type.value_type.field("span").type
    StructType(struct<start: int64 not null, end: int64 not null>)
    >>> schema.field("year").type, schema.field("day_start").type
    (DataType(int32), DataType(date32[day]))

    .. versionadded:: 0.1
    """
    pa = pyarrow_module()
    fields = _arrow_fields(pa, Document)
    fields += [
        pa.field("year", pa.int32()),
        pa.field("day_start", pa.date32()),
        pa.field("day_end", pa.date32()),
        pa.field("speaker_keys", pa.string()),
    ]
    return pa.schema(fields, metadata={_VERSION_KEY: str(SCHEMA_VERSION).encode()})


def _speaker_keys(doc: Document) -> str:
    # "|id|name|": a speaker filter is one substring test per row, which Arrow
    # runs inside the scan.
    keys = {k for s in doc.speakers for k in (s.person_id, s.name.casefold()) if k}
    return "|" + "|".join(sorted(keys)) + "|"


def row_of(doc: Document) -> dict[str, Any]:
    """A document as a row of :func:`arrow_schema`."""
    row = to_dict(doc)
    del row["schema_version"]
    row["metadata"] = json.dumps(row["metadata"], ensure_ascii=False)
    days = days_of(doc, "event")
    row["year"] = days[0].year if days is not None else None
    row["day_start"] = days[0] if days is not None else None
    row["day_end"] = days[1] if days is not None else None
    row["speaker_keys"] = _speaker_keys(doc)
    return row


def _document(row: dict[str, Any], where: str) -> Document:
    for column in _EXTRA:
        row.pop(column, None)
    row["kind"] = str(row["kind"])  # a partition column comes back as a category
    row["metadata"] = json.loads(row["metadata"]) if row.get("metadata") else {}
    row["schema_version"] = SCHEMA_VERSION
    try:
        return from_dict(row)
    except SchemaError as exc:
        exc.path = where
        exc.args = (exc._format(),)
        raise


def _batches(
    documents: Iterable[Document], schema: Any, size: int, meter: Progress
) -> Iterator[Any]:
    pa = pyarrow_module()
    rows: list[dict[str, Any]] = []
    done = 0
    for doc in documents:
        if not isinstance(doc, Document):
            raise TypeError(f"a dataset holds Documents, not {type(doc).__name__}")
        rows.append(row_of(doc))
        if len(rows) == size:
            yield pa.RecordBatch.from_pylist(rows, schema=schema)
            done += len(rows)
            meter.update(done)
            rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=schema)
        done += len(rows)
    meter.close(done)


def write_dataset(
    documents: Iterable[Document],
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    progress: ProgressOption = False,
    batch_size: int = 256,
    name: str = "part-{i}.parquet",
) -> Path:
    """Write ``documents`` (a corpus, a :func:`natojp.iter_load` stream, any
    iterable) as a Parquet dataset in the folder ``path``, partitioned by year
    and kind (``year=2023/kind=speech/part-0.parquet``), and return the folder.
    Documents are written as they come, ``batch_size`` at a time, so memory
    stays flat. The folder appears whole or not at all; one that exists is an
    error unless ``overwrite=True``. Read it with :func:`natojp.open_dataset`.
    Needs the ``arrow`` extra (``pip install 'natojp[arrow]'``).

    >>> import natojp, tempfile
    >>> folder = tempfile.mkdtemp() + "/corpus"
    >>> natojp.write_dataset(natojp.load_corpus(), folder).name
    'corpus'
    >>> len(natojp.open_dataset(folder))
    5

    .. versionadded:: 0.1
    """
    pyarrow_module()
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise QueryError(f"batch_size= is a whole number, 1 or more; not {batch_size!r}")
    schema = arrow_schema()
    meter = Progress(progress, label="Writing", unit="documents")
    with atomic_folder(path, overwrite=overwrite) as folder:
        write_batches(_batches(documents, schema, batch_size, meter), folder, schema, name=name)
    return Path(path)


def write_batches(batches: Iterable[Any], folder: Path, schema: Any, *, name: str) -> None:
    """Write Arrow record batches of :func:`arrow_schema` into the partitioned
    folder (files named by ``name``, whose ``{i}`` Arrow numbers), adding to
    what is there. Dask's partitions each call this with a name of their own."""
    pa = pyarrow_module()
    import pyarrow.dataset as ds

    partitioning = ds.partitioning(
        pa.schema([schema.field(column) for column in _PARTITIONS]), flavor="hive"
    )
    ds.write_dataset(
        batches,
        folder,
        schema=schema,
        format="parquet",
        partitioning=partitioning,
        basename_template=name,
        existing_data_behavior="overwrite_or_ignore",
        # Rows wait in memory until their file's row group fills: small groups
        # of whole documents keep a write's memory flat; few open files too.
        min_rows_per_group=0,
        max_rows_per_group=64,
        max_open_files=64,
    )


class Dataset:
    """A Parquet dataset of documents on disk, read lazily: iterating gives
    documents a batch at a time, and only the files and row groups the filters
    can match are read. Make one with :func:`natojp.open_dataset`; narrow it
    with :meth:`filter`.

    >>> import natojp, tempfile
    >>> folder = natojp.write_dataset(natojp.load_corpus(), tempfile.mkdtemp() + "/c")
    >>> dataset = natojp.open_dataset(folder)
    >>> dataset
    <Dataset of 5 documents in 5 files at ...c>
    >>> [doc.id for doc in dataset.filter(kind="transcript")]
    ['2023-01-31-tokyo-joint-press-point']

    .. versionadded:: 0.1
    """

    __slots__ = ("_dataset", "_filter", "path")

    def __init__(self, path: Path, dataset: Any, expression: Any) -> None:
        self.path = path
        self._dataset = dataset
        self._filter = expression

    @property
    def expression(self) -> Any:
        """The filter as a ``pyarrow.compute.Expression`` (``None``: every document)."""
        return self._filter

    def filter(
        self,
        filters: Any = None,
        *,
        kind: str | DocumentKind | Iterable[str | DocumentKind] | None = None,
        start: str | _dt.date | PartialDate | None = None,
        end: str | _dt.date | PartialDate | None = None,
        speaker: str | None = None,
    ) -> Dataset:
        """A dataset of the documents that also match these: ``kind`` (one or
        several), dated inside ``start``..``end`` (both inclusive, compared by
        interval as in :meth:`natojp.corpus.Corpus.between`, by event date else
        publication date; undated documents are left out), spoken or written by
        ``speaker`` (a person id or a name, any case), and ``filters``, a
        ``pyarrow.compute.Expression`` or pyarrow's list of ``(column, op,
        value)`` tuples over the columns of :func:`arrow_schema`.

        >>> import natojp, tempfile
        >>> folder = natojp.write_dataset(natojp.load_corpus(), tempfile.mkdtemp() + "/c")
        >>> dataset = natojp.open_dataset(folder)
        >>> len(dataset.filter(start="2023-01-31", end="2023-01-31"))
        3
        >>> [d.id for d in dataset.filter(speaker="jens stoltenberg", kind="op_ed")]
        ['2022-06-30-nikkei-op-ed']
        """
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        parts = [] if self._filter is None else [self._filter]
        if filters is not None:
            parts.append(
                filters if isinstance(filters, pc.Expression) else pq.filters_to_expression(filters)
            )
        if kind is not None:
            kinds = [kind] if isinstance(kind, (str, DocumentKind)) else list(kind)
            values = [DocumentKind(k).value for k in kinds]
            parts.append(pc.field("kind").isin(values))
        if start is not None:
            first = date_bound(start).start
            parts.append(pc.field("year") >= first.year)
            parts.append(pc.field("day_start") >= first)
        if end is not None:
            last = date_bound(end).end
            parts.append(pc.field("year") <= last.year)
            parts.append(pc.field("day_end") <= last)
        if start is not None or end is not None:
            parts.append(pc.field("day_start").is_valid())
        if speaker is not None:
            key = speaker.replace("|", "").casefold()
            parts.append(pc.match_substring(pc.field("speaker_keys"), f"|{key}|"))
        expression = None
        for part in parts:
            expression = part if expression is None else expression & part
        return Dataset(self.path, self._dataset, expression)

    def __iter__(self) -> Iterator[Document]:
        # One row group (at most 64 documents) read at a time, in order: Arrow's
        # own scanner reads ahead of a slow consumer, and its memory then grows
        # with the files. Folders and row groups the filter rules out are skipped
        # by their partition values and statistics.
        import pyarrow.dataset as ds

        whole = self._dataset
        schema = whole.schema
        for fragment in whole.get_fragments(filter=self._filter):
            for group in fragment.split_by_row_group(filter=self._filter, schema=schema):
                # A dataset of one row group fills in the partition columns.
                one = ds.FileSystemDataset([group], schema, whole.format, whole.filesystem)
                table = one.to_table(filter=self._filter, use_threads=False)
                for row in table.to_pylist():
                    yield _document(row, fragment.path)

    def __len__(self) -> int:
        """How many documents match (counted from the files' metadata where it can be)."""
        return int(self._dataset.count_rows(filter=self._filter))

    def __repr__(self) -> str:
        files = len(self._dataset.files)
        where = f" matching {self._filter}" if self._filter is not None else ""
        return f"<Dataset of {len(self):,} documents in {files:,} files at {self.path}{where}>"

    def to_table(self, columns: list[str] | None = None) -> Any:
        """The matching rows as a ``pyarrow.Table`` (only ``columns``, if given:
        the rest of each file is not read).

        >>> import natojp, tempfile
        >>> folder = natojp.write_dataset(natojp.load_corpus(), tempfile.mkdtemp() + "/c")
        >>> natojp.open_dataset(folder, kind="video").to_table(["id", "year"]).to_pylist()
        [{'id': '2023-02-01-keio-speech', 'year': 2023}]
        """
        return self._dataset.to_table(columns=columns, filter=self._filter)

    def to_corpus(self, *, progress: ProgressOption = False) -> Any:
        """The matching documents as a :class:`~natojp.corpus.Corpus` (in memory).

        >>> import natojp, tempfile
        >>> folder = natojp.write_dataset(natojp.load_corpus(), tempfile.mkdtemp() + "/c")
        >>> natojp.open_dataset(folder, start="2023").to_corpus().sorted().ids[0]
        '2023-01-31-tokyo-joint-press-point'
        """
        from natojp.corpus._corpus import Corpus

        meter = Progress(progress, label="Reading", total=len(self), unit="documents")
        documents = []
        for done, doc in enumerate(self, 1):
            documents.append(doc)
            meter.update(done)
        meter.close(len(documents))
        return Corpus(documents)


def open_dataset(
    path: str | os.PathLike[str],
    filters: Any = None,
    *,
    kind: str | DocumentKind | Iterable[str | DocumentKind] | None = None,
    start: str | _dt.date | PartialDate | None = None,
    end: str | _dt.date | PartialDate | None = None,
    speaker: str | None = None,
) -> Dataset:
    """The Parquet dataset :func:`natojp.write_dataset` (or
    :func:`natojp.dask.to_dataset`) wrote in the folder ``path``, as a
    :class:`~natojp.corpus.Dataset` that streams :class:`~natojp.models.Document` objects.
    The filters are those of :meth:`~natojp.corpus.Dataset.filter`: a date range and kinds
    skip whole folders and row groups without reading them; a speaker is
    tested inside the scan. Memory holds one batch at a time, whatever the
    size of the dataset. Needs the ``arrow`` extra.

    >>> import natojp, tempfile
    >>> folder = natojp.write_dataset(natojp.load_corpus(), tempfile.mkdtemp() + "/c")
    >>> for doc in natojp.open_dataset(folder, kind="op_ed", start="2022"):
    ...     print(doc.id, doc.date)
    2022-06-30-nikkei-op-ed 2022-06-30

    .. versionadded:: 0.1
    """
    pyarrow_module()
    import pyarrow.dataset as ds

    folder = Path(path)
    if not folder.is_dir():
        raise FileNotFoundError(f"no dataset folder at {folder}; write one with write_dataset()")
    schema = arrow_schema()
    dataset = ds.dataset(folder, schema=schema, format="parquet", partitioning="hive")
    for fragment in dataset.get_fragments():
        written = fragment.physical_schema.metadata or {}
        version = written.get(_VERSION_KEY)
        if version != str(SCHEMA_VERSION).encode():
            raise SchemaError(
                f"not a natojp dataset of schema version {SCHEMA_VERSION} "
                f"(the file says {version.decode() if version else 'nothing'})",
                path=fragment.path,
            )
        break
    return Dataset(folder, dataset, None).filter(
        filters, kind=kind, start=start, end=end, speaker=speaker
    )


def partition_file_name(index: int) -> str:
    """The file name template of a writer's part ``index`` of a dataset: the same
    on a retry, so that a part written again replaces its own files."""
    return f"part-{index}-{{i}}.parquet"
