"""Loading files and the bundled corpus into a :class:`~natojp.corpus.Corpus`."""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from functools import lru_cache

from natojp._deprecated import use_old_name
from natojp._progress import ProgressOption
from natojp.corpus._corpus import Corpus
from natojp.loaders import DocumentStream, LoadWarning, PathMetadata, bundled_documents
from natojp.loaders.registry import Parser, ParserRegistry

__all__ = ["iter_load", "load", "load_corpus"]


def load(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    strict: bool = True,
    format: str | Parser | None = None,
    pattern: str = "*.txt",
    metadata_from_path: PathMetadata | None = None,
    metadata_csv: str | os.PathLike[str] | None = None,
    csv_key: str | None = None,
    parsers: ParserRegistry | None = None,
    progress: ProgressOption = False,
    registry: ParserRegistry | None = None,
    workers: int | None = None,
) -> Corpus:
    """Load a user's documents into a :class:`~natojp.corpus.Corpus`.

    ``path`` is a file (a corpus of one), a directory (files matching
    ``pattern``, searched recursively), a glob (``"speeches/*.md"``) or a list of
    any of these; documents come in file-name order. For one file as a
    :class:`~natojp.models.Document`, use :func:`natojp.load_document`.

    Each document's id is its file name without the extension, as a slug. Ids
    are unique by construction: where two files share a name (``a/x.txt`` and
    ``b/x.txt``), each takes its path below the loaded folder (``a-x``, ``b-x``).

    With ``strict=True`` (the default) the first file that fails raises its
    :class:`~natojp.errors.NatojpError`, naming the file. With ``strict=False``
    every file that loads is kept, ``corpus.report`` lists every one that failed
    and why, and a :exc:`~natojp.loaders.LoadWarning` says how many did. A folder or
    glob that gives no file at all is a :exc:`~natojp.loaders.NoFilesWarning`, saying
    what the folder holds.

    Metadata for bare texts can come from the file names,
    ``metadata_from_path="{country}_{session}_{year}.txt"`` (or a function of the
    path returning a dict), or from a CSV, ``metadata_csv="metadata.csv"`` keyed
    by the column ``csv_key`` (default: the first), whose values are file names
    with or without the extension. The keys ``id``, ``title``, ``kind``, ``date``
    (or ``year``/``month``/``day``), ``outlet``, ``section``, ``url`` and
    ``author`` set those fields; any other key goes to ``metadata``.

    ``parsers`` is the :class:`~natojp.loaders.registry.ParserRegistry` to
    choose formats from (default: natojp's own).

    ``workers`` processes parse the files (default: on Linux, every core this
    process may use; elsewhere, where processes are spawned rather than forked,
    ``1``; ``1`` parses in this process). The documents, their ids and order,
    the report and the progress are the same with any number of workers; a load
    of a few files runs in this process. Warnings that your own parsers or
    ``metadata_from_path`` function raise in a worker are not shown here (use
    ``workers=1`` to see them). To read more files than fit in memory, use
    :func:`natojp.iter_load`.

    >>> import natojp, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "JPN_77_2022.txt").write_text("We stand at a watershed moment.")
    >>> corpus = natojp.load(folder, metadata_from_path="{country}_{session}_{year}.txt")
    >>> doc = corpus["jpn_77_2022"]
    >>> doc.date, doc.metadata["country"], doc.metadata["session"]
    (PartialDate('2022'), 'JPN', 77)
    >>> len(natojp.load(folder / "JPN_77_2022.txt"))
    1

    .. versionchanged:: 0.1
       Always returns a :class:`~natojp.corpus.Corpus`; a single file was a
       :class:`~natojp.models.Document` (use :func:`natojp.load_document`).
       ``registry=`` is now ``parsers=``; the old name warns. Takes a list of
       files, folders and globs; a ``progress`` function is called with
       ``(done, total)``; a folder or glob that gives no file warns with
       :exc:`~natojp.loaders.NoFilesWarning`. ``workers=`` parses files in
       worker processes.
    """
    if use_old_name(
        "load", "registry", "parsers", old_given=registry is not None, new_given=parsers is not None
    ):
        parsers = registry
    stream = DocumentStream(
        path,
        strict=strict,
        format=format,
        pattern=pattern,
        metadata_from_path=metadata_from_path,
        metadata_csv=metadata_csv,
        csv_key=csv_key,
        registry=parsers,
        progress=progress,
        workers=workers,
        stacklevel=2,
        warn=False,  # said here instead, pointing at the caller and at corpus.report
    )
    documents = list(stream)
    failures = stream.report.failures
    if failures:
        warnings.warn(
            f"{len(failures)} of {len(stream)} files failed to load; see corpus.report",
            LoadWarning,
            stacklevel=2,
        )
    return Corpus(documents, report=stream.report)


def iter_load(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    strict: bool = True,
    format: str | Parser | None = None,
    pattern: str = "*.txt",
    metadata_from_path: PathMetadata | None = None,
    metadata_csv: str | os.PathLike[str] | None = None,
    csv_key: str | None = None,
    parsers: ParserRegistry | None = None,
    progress: ProgressOption = False,
    workers: int | None = None,
) -> DocumentStream:
    """The documents :func:`load` would give, one at a time, for archives larger
    than memory: each file is parsed when the loop comes near it and nothing is
    kept, so memory stays flat however many files there are. The options are
    those of :func:`load`. In a lenient load (``strict=False``) the stream's
    ``report`` lists each file that failed, and a
    :exc:`~natojp.loaders.LoadWarning` at the end says how many did. Stop early
    with ``break`` inside ``with natojp.iter_load(...) as stream:``, or call
    ``stream.close()``, to end the worker processes at once.

    >>> import natojp, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("a", "b"):
    ...     _ = (folder / f"{name}.txt").write_text(f"Speech {name}. We stand together.")
    >>> with natojp.iter_load(folder) as stream:
    ...     for doc in stream:
    ...         print(doc.id, len(doc.text))
    a 28
    b 28
    >>> stream.report
    LoadReport(loaded=2, failures=())

    .. versionadded:: 0.1
    """
    return DocumentStream(
        path,
        strict=strict,
        format=format,
        pattern=pattern,
        metadata_from_path=metadata_from_path,
        metadata_csv=metadata_csv,
        csv_key=csv_key,
        registry=parsers,
        progress=progress,
        workers=workers,
        stacklevel=2,
    )


@lru_cache(maxsize=1)
def load_corpus() -> Corpus:
    """The bundled corpus: five documents on the NATO–Japan partnership, in date
    order. Loaded once, then shared (it is immutable). The news-site article
    states no date; :func:`natojp.dates.infer_dates` dates it from the others
    (provenance ``inferred``, with the evidence).

    >>> import natojp
    >>> for doc in natojp.load_corpus():
    ...     print(doc.id, doc.kind.value, doc.date)
    2022-06-30-nikkei-op-ed op_ed 2022-06-30
    2023-01-31-tokyo-joint-press-point transcript 2023-01-31
    2023-01-31-tokyo-news-release news_release 2023-01-31
    tokyo-visit-news-article news_article 2023-01-31
    2023-02-01-keio-speech video 2023-09-17
    """
    return Corpus(bundled_documents()).infer_dates().sorted()
