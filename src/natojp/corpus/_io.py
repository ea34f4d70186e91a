"""Corpora from natojp's JSON and JSON Lines (the serializer knows documents only)."""

from __future__ import annotations

import os
from typing import IO

from natojp._progress import ProgressOption
from natojp.corpus._corpus import Corpus
from natojp.serialize import documents_from_json, jsonl_documents

__all__ = ["load_jsonl", "loads", "read_jsonl"]


def loads(text: str | bytes) -> Corpus:
    """A corpus from the JSON :func:`natojp.dumps` wrote: a corpus's, or one
    document's as a corpus of one (:func:`natojp.loads_document` gives the
    document itself).

    Whatever is wrong with the input raises a :class:`~natojp.errors.SchemaError`
    saying where: text that is not JSON with its line and column, a field that
    does not fit the model, or a document whose id an earlier one has, with its
    JSON path. Bytes that are not text raise :class:`~natojp.errors.DecodeError`.

    >>> import natojp
    >>> corpus = natojp.load_corpus()
    >>> natojp.loads(natojp.dumps(corpus)) == corpus
    True
    >>> natojp.loads(natojp.dumps(corpus[0])).ids
    ('2022-06-30-nikkei-op-ed',)

    .. versionchanged:: 0.1
       Always returns a :class:`~natojp.corpus.Corpus`; one document's JSON
       gave a :class:`~natojp.models.Document` (use :func:`natojp.loads_document`).
    """
    return Corpus(documents_from_json(text))


def read_jsonl(
    source: str | os.PathLike[str] | IO[str],
    *,
    strict: bool = True,
    progress: ProgressOption = False,
) -> Corpus:
    """A corpus from JSON Lines. Strict, the first bad line raises; lenient
    (``strict=False``), the good lines load and the corpus's
    :attr:`~natojp.corpus.Corpus.report` lists each bad one with its line. A
    document whose id an earlier line has is a bad line (a
    :class:`~natojp.errors.SchemaError` at ``$.id``); the first one stays.
    ``progress`` is ``True`` for a count on stderr, or a function called with
    ``(done, total)``.

    >>> import io, natojp
    >>> bad = io.StringIO('{"schema_version": 1}\\n')
    >>> corpus = natojp.read_jsonl(bad, strict=False)
    >>> len(corpus), corpus.report.failures[0].line
    (0, 1)

    .. versionchanged:: 0.1
       Moved from :mod:`natojp.serialize` (where the old name warns) to
       :mod:`natojp.corpus` and the top level.
    """
    documents, report = jsonl_documents(source, strict=strict, progress=progress)
    return Corpus(documents, report=report)


def load_jsonl(source: str | os.PathLike[str] | IO[str]) -> Corpus:
    """A corpus from JSON Lines, strict: :func:`read_jsonl` with ``strict=True``.

    >>> import io, natojp
    >>> buffer = io.StringIO()
    >>> _ = natojp.serialize.dump_jsonl(natojp.load_corpus(), buffer)
    >>> _ = buffer.seek(0)
    >>> natojp.load_jsonl(buffer) == natojp.load_corpus()
    True

    .. versionchanged:: 0.1
       Moved from :mod:`natojp.serialize` (where the old name warns).
    """
    return read_jsonl(source)
