"""JSON and JSON Lines for documents and corpora, through one cattrs converter.

Dates are EDTF/ISO strings (``"2023-02-01"``, ``"2022-06"``), enums their values,
spans ``{"start": ..., "end": ...}``. Every document object carries
``"schema_version"``; a corpus is ``{"schema_version": ..., "documents": [...]}``.
Reading checks the shape and raises :class:`~natojp.errors.SchemaError` naming
the JSON path of the first bad field.

>>> import natojp
>>> doc = natojp.load_corpus()["2022-06-30-nikkei-op-ed"]
>>> natojp.loads(natojp.dumps(doc)) == doc
True
>>> bad = '{"schema_version": 1, "id": "x", "title": "T", "kind": "memo", "text": ""}'
>>> natojp.loads(bad)
Traceback (most recent call last):
...
natojp.errors.SchemaError: $.kind: invalid value for type, expected DocumentKind: ...
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.v import format_exception

from natojp.corpus import Corpus
from natojp.errors import SchemaError
from natojp.models import (
    DateProvenance,
    Document,
    DocumentKind,
    FrozenMap,
    PartialDate,
    Season,
    SegmentKind,
)

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "dump_jsonl",
    "dumps",
    "from_dict",
    "iter_jsonl",
    "load_jsonl",
    "loads",
    "to_dict",
]

SCHEMA_VERSION = 1
"""The version of the JSON format; raised when a change would break readers."""


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    for kind in (DocumentKind, DateProvenance, Season, SegmentKind):
        conv.register_unstructure_hook(kind, _enum_value)
    conv.register_unstructure_hook(PartialDate, lambda d: d.isoformat())
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_unstructure_hook(FrozenMap, lambda m: {k: _plain(v) for k, v in m.items()})
    conv.register_structure_hook(FrozenMap, _structure_map)
    return conv


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _structure_date(value: Any, _: type) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(
            f"a date is an EDTF string such as '2023-02-01', not {type(value).__name__}"
        )
    return PartialDate.fromisoformat(value)


def _structure_map(value: Any, _: type) -> FrozenMap:
    if not isinstance(value, dict):
        raise TypeError(f"metadata is a JSON object, not {type(value).__name__}")
    return FrozenMap(value)


converter = _make_converter()
"""The cattrs converter natojp uses for every model (see the module docs)."""


def to_dict(document: Document) -> dict[str, Any]:
    """A document as plain JSON-ready data, with ``schema_version`` first.

    >>> import natojp
    >>> data = to_dict(natojp.load_corpus()["2023-01-31-tokyo-news-release"])
    >>> data["schema_version"], data["date"], data["kind"]
    (1, '2023-01-31', 'news_release')
    """
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(converter.unstructure(document))
    return data


def _check_version(data: Any, where: str) -> None:
    if not isinstance(data, dict):
        raise SchemaError(f"expected a JSON object, got {type(data).__name__}", json_path=where)
    version = data.get("schema_version")
    if version is None:
        raise SchemaError("missing schema_version", json_path=where)
    if not isinstance(version, int) or version > SCHEMA_VERSION or version < 1:
        raise SchemaError(
            f"schema_version {version!r} is not one this natojp reads "
            f"(it reads 1..{SCHEMA_VERSION}); upgrade natojp",
            json_path=f"{where}.schema_version",
        )


def _describe(exc: BaseException, type_: type | None) -> str:
    base = format_exception(exc, type_)
    detail = str(exc) if isinstance(exc, (ValueError, TypeError)) else ""
    return f"{base}: {detail}" if detail and detail not in base else base


def _schema_error(exc: Exception, where: str) -> SchemaError:
    if isinstance(exc, (ClassValidationError, ForbiddenExtraKeysError)):
        messages = cattrs.transform_error(exc, path=where, format_exception=_describe)
        first = messages[0] if messages else str(exc)
        reason, _, path = first.rpartition(" @ ")
        return SchemaError(reason or first, json_path=path or where)
    return SchemaError(str(exc), json_path=where)


def from_dict(data: Any, *, json_path: str = "$") -> Document:
    """A document from data :func:`to_dict` made; :class:`~natojp.errors.SchemaError`
    if it does not fit."""
    _check_version(data, json_path)
    body = {k: v for k, v in data.items() if k != "schema_version"}
    try:
        return converter.structure(body, Document)
    except Exception as exc:
        raise _schema_error(exc, json_path) from None


def dumps(obj: Document | Corpus, *, indent: int | None = None) -> str:
    """JSON for a document or a corpus.

    >>> import natojp
    >>> text = dumps(natojp.load_corpus())
    >>> text[:40]
    '{"schema_version": 1, "documents": [{"sc'
    """
    if isinstance(obj, Corpus):
        payload: Any = {"schema_version": SCHEMA_VERSION, "documents": [to_dict(d) for d in obj]}
    elif isinstance(obj, Document):
        payload = to_dict(obj)
    else:
        raise TypeError(f"dumps() takes a Document or a Corpus, not {type(obj).__name__}")
    return json.dumps(payload, ensure_ascii=False, indent=indent)


def loads(text: str | bytes) -> Document | Corpus:
    """A document or corpus from the JSON :func:`dumps` wrote."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    if isinstance(data, dict) and "documents" in data:
        _check_version(data, "$")
        docs = data["documents"]
        if not isinstance(docs, list):
            raise SchemaError("expected a list of documents", json_path="$.documents")
        return Corpus(from_dict(d, json_path=f"$.documents[{i}]") for i, d in enumerate(docs))
    return from_dict(data)


def dump_jsonl(corpus: Iterable[Document], target: str | os.PathLike[str] | IO[str]) -> int:
    """Write one document per line; returns how many were written.

    >>> import io, natojp
    >>> buffer = io.StringIO()
    >>> dump_jsonl(natojp.load_corpus(), buffer)
    5
    """
    if isinstance(target, (str, os.PathLike)):
        with Path(target).open("w", encoding="utf-8") as handle:
            return dump_jsonl(corpus, handle)
    count = 0
    for doc in corpus:
        target.write(json.dumps(to_dict(doc), ensure_ascii=False))
        target.write("\n")
        count += 1
    return count


def iter_jsonl(
    source: str | os.PathLike[str] | IO[str],
    *,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Document]:
    """Stream documents from JSON Lines, one at a time; blank lines are skipped.
    A bad line raises :class:`~natojp.errors.SchemaError` with its line number."""
    if isinstance(source, (str, os.PathLike)):
        with Path(source).open(encoding="utf-8") as handle:
            yield from iter_jsonl(handle, progress=progress)
        return
    name = getattr(source, "name", None)
    path = name if isinstance(name, str) else None
    for lineno, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SchemaError(
                f"not JSON: {exc.msg}", path=path, line=lineno, column=exc.colno
            ) from None
        try:
            yield from_dict(data)
        except SchemaError as exc:
            raise SchemaError(exc.reason, json_path=exc.json_path, path=path, line=lineno) from None
        if progress is not None:
            progress(lineno)


def load_jsonl(source: str | os.PathLike[str] | IO[str]) -> Corpus:
    """A corpus from JSON Lines (see :func:`iter_jsonl`).

    >>> import io, natojp
    >>> buffer = io.StringIO()
    >>> _ = dump_jsonl(natojp.load_corpus(), buffer)
    >>> _ = buffer.seek(0)
    >>> load_jsonl(buffer) == natojp.load_corpus()
    True
    """
    return Corpus(iter_jsonl(source))
