"""JSON and JSON Lines for documents and corpora, through one cattrs converter.

Dates are EDTF/ISO strings (``"2023-02-01"``, ``"2022-06"``), enums their values,
spans ``{"start": ..., "end": ...}``. Every document object carries
``"schema_version"``; a corpus is ``{"schema_version": ..., "documents": [...]}``.
Reading checks the shape and raises :class:`~natojp.errors.SchemaError` naming
the JSON path of the first bad field.

>>> import natojp
>>> doc = natojp.load_corpus()["2022-06-30-nikkei-op-ed"]
>>> natojp.loads_document(natojp.dumps(doc)) == doc
True
>>> bad = '{"schema_version": 1, "id": "x", "title": "T", "kind": "memo", "text": ""}'
>>> natojp.loads_document(bad)
Traceback (most recent call last):
...
natojp.errors.SchemaError: $.kind: invalid value for type, expected DocumentKind: ...

.. deprecated:: 0.1
   ``natojp.serialize.loads``, ``read_jsonl`` and ``load_jsonl`` warn and are
   removed in 0.3: use :func:`natojp.loads`, :func:`natojp.read_jsonl` and
   :func:`natojp.load_jsonl` (the serializer knows documents, not corpora).
"""

from __future__ import annotations

# ``name as name`` imports are shared with natojp's other packages but are not
# in __all__: they are not a promise to users.
import importlib
import warnings
from typing import Any

from natojp.serialize._json import (
    SCHEMA_VERSION,
    converter,
    dump_jsonl,
    dumps,
    from_dict,
    iter_jsonl,
    json_schema,
    loads_document,
    to_dict,
)
from natojp.serialize._json import (
    documents_from_json as documents_from_json,
)
from natojp.serialize._json import (
    jsonl_documents as jsonl_documents,
)

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


_MOVED = {
    "loads": "natojp.loads",
    "read_jsonl": "natojp.read_jsonl",
    "load_jsonl": "natojp.load_jsonl",
}


def __getattr__(name: str) -> Any:
    # The serializer knows documents, not corpora: the functions that return a
    # Corpus moved to natojp.corpus. The old names work, with a warning, until 0.3.
    if name in _MOVED:
        warnings.warn(
            f"natojp.serialize.{name} is deprecated and will be removed in natojp 0.3; "
            f"use {_MOVED[name]}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module("natojp.corpus"), name)
    raise AttributeError(f"module 'natojp.serialize' has no attribute {name!r}")
