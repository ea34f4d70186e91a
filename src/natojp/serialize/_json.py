"""JSON and JSON Lines through one cattrs converter; imported from :mod:`natojp.serialize`."""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import math
import os
import re
import sys
import typing
from collections.abc import Callable, Iterable, Iterator, Sized
from pathlib import Path
from typing import IO, Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.v import format_exception

from natojp._atomic import atomic_write
from natojp._bulk import no_collection_pauses
from natojp._progress import Progress, ProgressOption
from natojp.errors import DecodeError, FormatError, NatojpError, SchemaError
from natojp.models import (
    DateEvidence,
    DateInterval,
    DateMention,
    DateProvenance,
    Document,
    DocumentKind,
    FrozenMap,
    LoadFailure,
    LoadReport,
    Origin,
    PartialDate,
    PersonMention,
    Quote,
    QuoteRoute,
    Season,
    Segment,
    SegmentKind,
    Source,
    Span,
    Speaker,
    SpeakerRole,
    unchecked_maker,
)
from natojp.serialize import _schema

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "dump_jsonl",
    "dumps",
    "from_dict",
    "iter_jsonl",
    "json_schema",
    "loads_document",
    "to_dict",
]

SCHEMA_VERSION = 2
"""The version of the JSON format; raised when a change would break readers.

Version 2 (natojp 0.1) names a segment's and a quote's registry id
``person_id``, as every other model does (version 1 said ``speaker_id``);
natojp reads both.

.. versionchanged:: 0.1
   2 (``person_id`` where version 1 wrote ``speaker_id``).
"""


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    for kind in (DocumentKind, DateProvenance, Season, SegmentKind):
        conv.register_unstructure_hook(kind, _enum_value)
    conv.register_unstructure_hook(PartialDate, lambda d: d.isoformat())
    conv.register_unstructure_hook(_dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.datetime, _structure_datetime)
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_unstructure_hook(FrozenMap, lambda m: {k: _plain(v) for k, v in m.items()})
    conv.register_structure_hook(FrozenMap, _structure_map)
    return conv


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _structure_datetime(value: Any, _: type) -> _dt.datetime:
    if not isinstance(value, str):
        raise TypeError(f"a time is an ISO 8601 string, not {type(value).__name__}")
    return _dt.datetime.fromisoformat(value)


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
    (2, '2023-01-31', 'news_release')
    """
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(converter.unstructure(document))
    return data


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document as :func:`to_dict` writes
    it, for tools that read natojp's JSON; ``natojp schema`` prints it.

    >>> schema = json_schema()
    >>> schema["properties"]["schema_version"]
    {'type': 'integer', 'const': 2}
    >>> schema["$defs"]["Span"]["required"]
    ['start', 'end']

    .. versionchanged:: 0.1
       It also ships with natojp, as ``natojp/serialize/document.schema.json``.
    """
    return _schema.json_schema(SCHEMA_VERSION)


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


def _from_version_1(body: dict[str, Any]) -> dict[str, Any]:
    """Version 1's document: ``speaker_id`` on segments and quotes is ``person_id``."""
    for field in ("segments", "quotes"):
        items = body.get(field)
        if isinstance(items, list):
            body[field] = [_renamed_key(item, "speaker_id", "person_id") for item in items]
    return body


def _renamed_key(item: Any, old: str, new: str) -> Any:
    if not isinstance(item, dict) or old not in item or new in item:
        return item
    return {new if key == old else key: value for key, value in item.items()}


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


class _NotFast(Exception):
    """The data is not exactly what :func:`to_dict` writes; let cattrs decide."""


# Every value was checked to be exactly what the class holds: the attrs
# __init__ (converters, validators) is skipped.
_make_span = unchecked_maker(Span)


def _object(data: Any, keys: frozenset[str]) -> dict[str, Any]:
    if type(data) is not dict or data.keys() != keys:
        raise _NotFast
    return data


def _fields(cls: type[Any]) -> frozenset[str]:
    return frozenset(field.name for field in attrs.fields(cls))


_DOCUMENT = _fields(Document) | {"schema_version"}
_KINDS = {kind.value: kind for kind in DocumentKind}
_PROVENANCES = {provenance.value: provenance for provenance in DateProvenance}
_SEGMENT_KINDS = {kind.value: kind for kind in SegmentKind}
_intern = sys.intern
_OFFSETS: dict[int, int] = {}


def _span(data: Any) -> Span:
    # two keys, and both of these: exactly a span's (quicker than comparing keys)
    if type(data) is not dict or len(data) != 2:
        raise _NotFast
    start, end = data.get("start"), data.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        raise _NotFast
    # Offsets repeat across documents; one int object per value saves ~56
    # bytes a span on a large corpus.
    start, end = _OFFSETS.setdefault(start, start), _OFFSETS.setdefault(end, end)
    return _make_span(start, end)


def _maybe_span(data: Any) -> Span | None:
    return None if data is None else _span(data)


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _NotFast
    return _intern(value)


def _maybe_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise _NotFast
    return value


def _one_of(literal: Any) -> Callable[[Any], Any]:
    """A checker for a string field typed ``Literal[...]``: the fast reader
    leaves any other value to cattrs, which names the field."""
    allowed = frozenset(typing.get_args(literal))

    def check(value: Any) -> Any:
        if value not in allowed:
            raise _NotFast
        return value

    return check


_ONLY_STR = frozenset((str,))


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list or not _ONLY_STR.issuperset(map(type, value)):
        raise _NotFast
    return tuple(map(_intern, value))


def _items(value: Any, make: Any) -> tuple[Any, ...]:
    if type(value) is not list:
        raise _NotFast
    return tuple(map(make, value))


@functools.lru_cache(maxsize=4096)
def _date(value: str) -> PartialDate:
    return PartialDate.fromisoformat(value)


def _maybe_date(value: Any) -> PartialDate | None:
    if value is None:
        return None
    if type(value) is not str:
        raise _NotFast
    return _date(value)


_INTERVAL = frozenset(["start", "end"])


def _maybe_interval(value: Any) -> DateInterval | None:
    if value is None:
        return None
    data = _object(value, _INTERVAL)
    return DateInterval(start=_maybe_date(data["start"]), end=_maybe_date(data["end"]))


def _maybe_timestamp(value: Any) -> _dt.datetime | None:
    if value is None:
        return None
    if type(value) is not str:
        raise _NotFast
    return _dt.datetime.fromisoformat(value)


def _segment_kind(value: Any) -> SegmentKind:
    kind = _SEGMENT_KINDS.get(value)
    if kind is None:
        raise _NotFast
    return kind


def _confidence(value: Any) -> float:
    if type(value) is not float or not math.isfinite(value):
        raise _NotFast
    return value


def _reader(cls: type[Any], fields: dict[str, Callable[[Any], Any]]) -> Callable[[Any], Any]:
    """A function reading ``cls`` from exactly its unstructured dict, each field
    through its checker in ``fields``."""
    assert _fields(cls) == fields.keys(), cls
    # Written out as code, one call a field, as attrs writes its __init__: a
    # loop over the fields costs more than the reading itself.
    names = [field.name for field in attrs.fields(cls)]
    # As many keys as fields, and each field's: exactly the fields' keys.
    lines = [
        "def read(data):",
        f"    if type(data) is not dict or len(data) != {len(names)}:",
        "        raise not_fast",
        "    try:",
        "        return make(",
        *(f"            check_{name}(data[{name!r}])," for name in names),
        "        )",
        "    except KeyError:",
        "        raise not_fast from None",
    ]
    scope: dict[str, Any] = {"make": unchecked_maker(cls), "not_fast": _NotFast}
    scope.update({f"check_{name}": fields[name] for name in names})
    exec("\n".join(lines), scope)  # code made from the class's own field names
    read: Callable[[Any], Any] = scope["read"]
    return read


_segment = _reader(
    Segment,
    {"span": _span, "kind": _segment_kind, "speaker": _maybe_text,
     "speaker_span": _maybe_span, "person_id": _maybe_text},
)  # fmt: skip
_date_mention = _reader(
    DateMention,
    {"span": _span, "value": _maybe_date, "relative": _flag, "anchor": _maybe_date,
     "ambiguous": _flag, "interval": _maybe_interval, "timestamp": _maybe_timestamp},
)  # fmt: skip
_person_mention = _reader(
    PersonMention,
    {"span": _span, "person_id": _maybe_text, "candidates": _texts, "method": _text,
     "confidence": _confidence, "title": _maybe_text, "name": _maybe_text},
)  # fmt: skip
_quote = _reader(
    Quote,
    {"span": _span, "speaker": _maybe_text, "person_id": _maybe_text,
     "speaker_span": _maybe_span, "cue": _maybe_text, "route": _one_of(QuoteRoute)},
)  # fmt: skip
_speaker = _reader(Speaker, {"name": _text, "person_id": _maybe_text, "role": _one_of(SpeakerRole)})
_evidence = _reader(DateEvidence, {"document_id": _text, "phrases": _texts, "note": _text})
_source = _reader(Source, {"outlet": _maybe_text, "section": _maybe_text, "url": _maybe_text})
_origin = _reader(
    Origin, {"path": _maybe_text, "sha256": _text, "format": _text, "encoding": _text}
)


_LARGEST_EXACT = float(2**63)


def _fast_document(data: Any) -> Document:
    """The document in ``data`` when it is exactly what :func:`to_dict` writes;
    :class:`_NotFast` otherwise. Same result as the cattrs converter, several
    times faster, and strings and dates are shared between documents."""
    data = _object(data, _DOCUMENT)
    if data["schema_version"] != SCHEMA_VERSION:
        raise _NotFast
    kind = _KINDS.get(data["kind"])
    provenance = _PROVENANCES.get(data["date_provenance"])
    source, origin, text = data["source"], data["origin"], data["text"]
    if kind is None or provenance is None or type(text) is not str:
        raise _NotFast
    if origin is not None:
        origin = _origin(origin)
    metadata = data["metadata"]
    # Not NaN or infinite, nor as large as an integer past 64 bits, which
    # orjson reads as a float where json keeps it an integer.
    if type(metadata) is not dict or any(
        type(value) is float and not abs(value) < _LARGEST_EXACT for value in metadata.values()
    ):
        raise _NotFast
    return Document(
        id=_text(data["id"]),
        title=_text(data["title"]),
        kind=kind,
        text=text,
        date=_maybe_date(data["date"]),
        date_provenance=provenance,
        date_evidence=_items(data["date_evidence"], _evidence),
        event_date=_maybe_date(data["event_date"]),
        event_interval=_maybe_interval(data["event_interval"]),
        source=_source(source),
        authors=_texts(data["authors"]),
        segments=_items(data["segments"], _segment),
        speakers=_items(data["speakers"], _speaker),
        dates=_items(data["dates"], _date_mention),
        mentions=_items(data["mentions"], _person_mention),
        quotes=_items(data["quotes"], _quote),
        origin=origin,
        metadata=FrozenMap(metadata),
    )


def from_dict(data: Any, *, json_path: str = "$") -> Document:
    """A document from data :func:`to_dict` made; :class:`~natojp.errors.SchemaError`
    if it does not fit.

    >>> import natojp
    >>> doc = natojp.load_corpus()[0]
    >>> from_dict(to_dict(doc)) == doc
    True
    >>> from_dict({"id": "x"})
    Traceback (most recent call last):
    ...
    natojp.errors.SchemaError: ...
    """
    try:
        return _fast_document(data)
    except Exception:
        pass
    _check_version(data, json_path)
    body = {k: v for k, v in data.items() if k != "schema_version"}
    if data["schema_version"] == 1:
        body = _from_version_1(body)
    try:
        document = converter.structure(body, Document)
    except Exception as exc:
        raise _schema_error(exc, json_path) from None
    found = _unwritable(body, json_path)
    if found is not None:
        raise SchemaError(found[1], json_path=found[0])
    return document


# Where JSON text could not be read: arrays and objects nested deeper than a
# document ever is, and integers longer than Python converts. Each token is one
# or two characters or a run of digits, so a scan is linear in the text, and
# strings are followed by their quotation marks, not matched whole (a pattern for
# a whole string backtracks over every unclosed one: quadratic).
_JSON_TOKEN = re.compile(r'\\.|["\[\]{}]|\d+', re.DOTALL)
_DEEP = 64


def _int_digits() -> int:
    limit: int = getattr(sys, "get_int_max_str_digits", lambda: 4300)()
    return limit or sys.maxsize


def _where(text: str, offset: int | None) -> tuple[int | None, int | None]:
    """The line and column (from 1) of ``offset`` in ``text``."""
    if offset is None:
        return None, None
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


def _json_tokens(text: str) -> Iterator[re.Match[str]]:
    """The brackets, braces and digit runs of ``text`` outside its strings."""
    inside = False
    for match in _JSON_TOKEN.finditer(text):
        first = match.group()[0]
        if first == '"':
            inside = not inside
        elif not inside and first != "\\":
            yield match


def _too_deep(text: str) -> int | None:
    """Where arrays and objects first nest more than :data:`_DEEP` levels."""
    depth = 0
    for match in _json_tokens(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > _DEEP:
                return match.start()
        elif token in ("]", "}"):
            depth -= 1
    return None


def _too_long(text: str) -> tuple[int, int] | None:
    """Where the first integer too long to convert is, and its digits."""
    limit = _int_digits()
    for match in _json_tokens(text):
        if match.group()[0].isdigit() and len(match.group()) > limit:
            return match.start(), len(match.group())
    return None


@functools.cache
def _orjson_loads() -> Callable[[str], Any] | None:
    try:
        import orjson
    except ImportError:
        return None
    loads: Callable[[str], Any] = orjson.loads
    return loads


def _quick_document(line: str) -> Document | None:
    """The document on a line exactly as :func:`to_dict` writes it, read by
    orjson (the ``orjson`` extra) where it is installed; None for anything
    else, which :mod:`json` and the full reader then read as without it."""
    loads = _orjson_loads()
    if loads is None:
        return None
    try:
        return _fast_document(loads(line))
    except Exception:  # not JSON orjson reads, or not exactly to_dict's
        return None


def _parse_json(text: str) -> Any:
    """``json.loads(text)``; every failure a :class:`SchemaError` with the line
    and column where it is."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        reason = f"arrays and objects nest too deeply to read (more than {_DEEP} levels)"
        offset = _too_deep(text)
    except ValueError as exc:  # an integer longer than Python converts
        found = _too_long(text)
        if found is None:
            reason, offset = f"not JSON: {exc}", None
        else:
            offset, digits = found
            reason = (
                f"a number of {digits} digits is longer than natojp reads (at most {_int_digits()})"
            )
    line, column = _where(text, offset)
    raise SchemaError(reason, line=line, column=column)


def _decoded(raw: bytes | bytearray) -> str:
    """JSON bytes as text, in the encoding JSON's own detection finds (UTF-8
    unless they start as UTF-16 or UTF-32 do); :class:`DecodeError` if they are
    not text in it."""
    encoding = json.detect_encoding(raw)
    try:
        return bytes(raw).decode(encoding, "surrogatepass")
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        line = raw.count(b"\n", 0, exc.start) + 1 if name == "UTF-8" else None
        raise DecodeError(f"not {name} text", offset=exc.start, line=line) from None


def _key(where: str, key: str) -> str:
    return f"{where}.{key}" if key.isidentifier() else f"{where}[{json.dumps(key)}]"


def _unwritable(data: Any, root: str, *, encoded: bool = False) -> tuple[str, str] | None:
    """The JSON path and the reason of the first value in ``data`` that JSON
    text cannot hold: a float that is NaN or infinite, an integer too long to
    write, and (when ``encoded``, for a UTF-8 file) a string with a lone
    surrogate. ``None`` if there is none."""
    stack: list[tuple[str, Any]] = [(root, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, float):
            if not math.isfinite(value):
                return where, f"{value!r} is not a JSON number (JSON has no NaN or Infinity)"
        elif isinstance(value, int) and not isinstance(value, bool):
            if value.bit_length() > 3 * _int_digits():
                try:
                    str(value)
                except ValueError:
                    return where, f"an integer of more than {_int_digits()} digits"
        elif isinstance(value, str):
            if encoded:
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError as exc:
                    return where, (
                        f"a lone surrogate (U+{ord(value[exc.start]):04X}) at character "
                        f"{exc.start} cannot be written as UTF-8"
                    )
        elif isinstance(value, dict):
            stack.extend((_key(where, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, (list, tuple)):
            stack.extend((f"{where}[{i}]", v) for i, v in reversed(list(enumerate(value))))
    return None


def _json_text(payload: Any, root: str, indent: int | None = None, label: str = "") -> str:
    """``payload`` as JSON text. A value JSON cannot hold (NaN, an infinity, an
    integer too long to write) raises :class:`SchemaError` naming it, rather
    than being written as something no JSON reader takes."""
    try:
        return json.dumps(payload, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError as exc:
        found = _unwritable(payload, root) or (root, str(exc))
        raise SchemaError(f"{label}{found[1]}", json_path=found[0]) from None


def dumps(obj: Document | Iterable[Document], *, indent: int | None = None) -> str:
    """JSON for a document, or for a corpus (any iterable of documents) as
    ``{"schema_version": ..., "documents": [...]}``. A value JSON has no number
    for (a NaN or infinite ``confidence`` or metadata value) raises
    :class:`~natojp.errors.SchemaError` naming its field; natojp never writes
    ``NaN`` or ``Infinity``, which JSON readers refuse.

    >>> import natojp
    >>> text = dumps(natojp.load_corpus())
    >>> text[:40]
    '{"schema_version": 2, "documents": [{"sc'
    >>> import attrs
    >>> doc = attrs.evolve(natojp.load_corpus()[0], metadata={"score": float("nan")})
    >>> dumps(doc)
    Traceback (most recent call last):
    ...
    natojp.errors.SchemaError: $.metadata.score: nan is not a JSON number (JSON has no NaN ...)

    .. versionchanged:: 0.1
       Takes a :class:`~natojp.models.Document` or any iterable of documents.
    """
    if isinstance(obj, Document):
        payload: Any = to_dict(obj)
    elif isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, dict)):
        documents = []
        for i, doc in enumerate(obj):
            if not isinstance(doc, Document):
                raise TypeError(
                    f"dumps() takes a Document or documents; item {i} is a {type(doc).__name__}"
                )
            documents.append(to_dict(doc))
        payload = {"schema_version": SCHEMA_VERSION, "documents": documents}
    else:
        raise TypeError(f"dumps() takes a Document or a Corpus, not {type(obj).__name__}")
    return _json_text(payload, "$", indent)


def loads_document(text: str | bytes) -> Document:
    """One document from the JSON :func:`~natojp.dumps` wrote for it; :func:`natojp.loads`
    reads a corpus.

    Whatever is wrong with the input raises a :class:`~natojp.errors.SchemaError`
    saying where: text that is not JSON (or nests arrays hundreds deep, or has
    a number thousands of digits long) with its line and column, or a field
    that does not fit the model with its JSON path. Bytes that are not text
    raise :class:`~natojp.errors.DecodeError` with the byte offset.

    >>> import natojp
    >>> doc = natojp.load_corpus()[0]
    >>> loads_document(dumps(doc)) == doc
    True
    >>> loads_document("[" * 100_000)
    Traceback (most recent call last):
    ...
    natojp.errors.SchemaError: line 1: arrays and objects nest too deeply to read (more than 64 ...)

    .. versionadded:: 0.1
    """
    data = _parse_json(_decoded(text) if isinstance(text, (bytes, bytearray)) else text)
    if isinstance(data, dict) and "documents" in data and "id" not in data:
        raise SchemaError(
            "this is a corpus (it has 'documents'); read it with natojp.loads()", json_path="$"
        )
    return from_dict(data)


def documents_from_json(text: str | bytes) -> list[Document]:
    """The documents of the JSON :func:`dumps` wrote: a corpus's, or one document
    as a list of one. Ids must be unique; errors are as in :func:`loads_document`."""
    data = _parse_json(_decoded(text) if isinstance(text, (bytes, bytearray)) else text)
    if not (isinstance(data, dict) and "documents" in data):
        return [from_dict(data)]
    _check_version(data, "$")
    docs = data["documents"]
    if not isinstance(docs, list):
        raise SchemaError("expected a list of documents", json_path="$.documents")
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(docs):
        doc = from_dict(item, json_path=f"$.documents[{i}]")
        first = seen.setdefault(doc.id, i)
        if first != i:
            raise SchemaError(
                f"the id {doc.id!r} is already the id of $.documents[{first}]; "
                "ids in a corpus are unique",
                json_path=f"$.documents[{i}].id",
            )
        documents.append(doc)
    return documents


def dump_jsonl(
    corpus: Iterable[Document],
    target: str | os.PathLike[str] | IO[str],
    *,
    progress: ProgressOption = False,
) -> int:
    """Write one document per line; returns how many were written. ``progress``
    is ``True`` for a count on stderr, or a function called with ``(done, total)``.

    Written to a path, the file is replaced only once every line is written
    and on disk: a document that cannot be written (see :func:`~natojp.dumps`), an
    exception or a kill in the middle leaves the file that was there before,
    never half a file. An :class:`OSError` (a full disk) names ``target``.
    A stream is written as it goes.

    >>> import io, natojp
    >>> buffer = io.StringIO()
    >>> dump_jsonl(natojp.load_corpus(), buffer)
    5

    .. versionchanged:: 0.1
       A file is written whole or not at all.
    """
    if isinstance(target, (str, os.PathLike)):
        with atomic_write(target) as handle:
            return _write_lines(corpus, handle, progress, encoded=True)
    return _write_lines(corpus, target, progress, encoded=False)


def _write_lines(
    corpus: Iterable[Document], target: IO[str], progress: ProgressOption, *, encoded: bool
) -> int:
    total = len(corpus) if isinstance(corpus, Sized) else None
    meter = Progress(progress, label="Writing", total=total)
    count = 0
    for doc in corpus:
        data = to_dict(doc)
        line = _json_text(data, "$", label=f"document {doc.id!r}: ") + "\n"
        try:
            target.write(line)
        except UnicodeEncodeError as exc:
            found = _unwritable(data, "$", encoded=True) or ("$", str(exc))
            raise SchemaError(f"document {doc.id!r}: {found[1]}", json_path=found[0]) from None
        count += 1
        meter.update(count)
    meter.close(count)
    return count


def _decode_line(raw: bytes, path: str | None, lineno: int, offset: int) -> str | DecodeError:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return DecodeError("not UTF-8 text", path=path, line=lineno, offset=offset + exc.start)


def _lines(
    source: str | os.PathLike[str] | IO[str], path: str | None
) -> Iterator[tuple[int, str | DecodeError]]:
    """``(line number, line)`` of a JSON Lines source; a line that is not
    UTF-8 comes as a :class:`DecodeError` in place of its text. A text stream
    that cannot decode its bytes ends with a :class:`DecodeError`."""
    if isinstance(source, (str, os.PathLike)):
        try:
            handle = Path(os.fspath(source)).open("rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise FormatError(f"cannot open: {exc.strerror}", path=path) from None
        with handle:
            offset = 0
            for lineno, raw in enumerate(handle, start=1):
                yield lineno, _decode_line(raw, path, lineno, offset)
                offset += len(raw)
        return
    lines: Iterator[str | bytes] = iter(source)
    lineno = offset = 0
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            # The stream decodes a block at a time with its own encoding, so the
            # bad byte is somewhere after the lines read; nothing after it can be
            # read, so this is the last item.
            after = f" (after line {lineno})" if lineno else ""
            yield lineno + 1, DecodeError(f"not {exc.encoding} text{after}", path=path)
            return
        lineno += 1
        if isinstance(line, (bytes, bytearray)):  # a binary stream, read as UTF-8
            yield lineno, _decode_line(bytes(line), path, lineno, offset)
            offset += len(line)
        else:
            yield lineno, line


def _name(source: str | os.PathLike[str] | IO[str]) -> str | None:
    """The file name of a JSON Lines source, where it has one."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def _documents(
    source: str | os.PathLike[str] | IO[str], progress: ProgressOption
) -> Iterator[tuple[int, Document | NatojpError]]:
    """Each line's number and document, or the error that line raised."""
    path = _name(source)
    meter = Progress(progress, label=f"Reading {path}" if path else "Reading")
    done = 0
    for lineno, line in _lines(source, path):
        if isinstance(line, DecodeError):
            yield lineno, line
            continue
        if not line.strip():
            continue
        document = _quick_document(line)
        if document is not None:
            yield lineno, document
            done += 1
            meter.update(done)
            continue
        try:
            data = _parse_json(line)
        except SchemaError as exc:
            yield lineno, SchemaError(exc.reason, path=path, line=lineno, column=exc.column)
            continue
        try:
            document = from_dict(data)
        except SchemaError as exc:
            yield lineno, SchemaError(exc.reason, json_path=exc.json_path, path=path, line=lineno)
            continue
        yield lineno, document
        done += 1
        meter.update(done)
    meter.close(done)


def iter_jsonl(
    source: str | os.PathLike[str] | IO[str], *, progress: ProgressOption = False
) -> Iterator[Document]:
    """Stream documents from JSON Lines, one at a time; blank lines are skipped.
    A bad line raises :class:`~natojp.errors.SchemaError` (or
    :class:`~natojp.errors.DecodeError` if it is not UTF-8) with its line number.
    ``progress`` is as in :func:`dump_jsonl`.

    >>> import io, natojp
    >>> buffer = io.StringIO()
    >>> _ = dump_jsonl(natojp.load_corpus(), buffer)
    >>> _ = buffer.seek(0)
    >>> next(iter_jsonl(buffer)).id
    '2022-06-30-nikkei-op-ed'

    .. versionchanged:: 0.1
       A ``progress`` function is called with ``(done, total)`` (it got the line
       number only).
    """
    for _, item in _documents(source, progress):
        if isinstance(item, NatojpError):
            raise item
        yield item


def jsonl_documents(
    source: str | os.PathLike[str] | IO[str],
    *,
    strict: bool = True,
    progress: ProgressOption = False,
) -> tuple[list[Document], LoadReport]:
    """The documents of JSON Lines and the report of each bad line. Strict, the
    first bad line raises; lenient (``strict=False``), the good lines load and
    the report lists each bad one with its line; :func:`natojp.read_jsonl` is
    this as a corpus. A document
    whose id an earlier line has is a bad line (a
    :class:`~natojp.errors.SchemaError` at ``$.id``); the first one stays.

    >>> import io
    >>> bad = io.StringIO('{"schema_version": 1}\\n')
    >>> documents, report = jsonl_documents(bad, strict=False)
    >>> len(documents), report.failures[0].line
    (0, 1)
    """
    documents: list[Document] = []
    failures: list[LoadFailure] = []
    seen: dict[str, int] = {}
    with no_collection_pauses() as pauses:
        for lineno, item in _documents(source, progress):
            if isinstance(item, Document):
                first = seen.setdefault(item.id, lineno)
                if first != lineno:
                    item = SchemaError(
                        f"the id {item.id!r} is already the id of line {first}; "
                        "ids in a corpus are unique",
                        json_path="$.id",
                        path=_name(source),
                        line=lineno,
                    )
            if isinstance(item, NatojpError):
                # an error's traceback holds cycles: a file of bad lines would
                # keep every one of them (and its line) until the read ends
                pauses.resume()
                if strict:
                    raise item
                failures.append(
                    LoadFailure(
                        path=item.path or "<stream>",
                        error=type(item).__name__,
                        message=item.reason,
                        line=item.line,
                    )
                )
            else:
                documents.append(item)
    return documents, LoadReport(loaded=len(documents), failures=tuple(failures))
