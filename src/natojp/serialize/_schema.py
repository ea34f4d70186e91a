"""The JSON Schema of a document as :mod:`natojp.serialize` writes it, derived
from the models' attrs fields so that the two cannot drift apart."""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from typing import Any, Union

import attrs

from natojp.models import ID_PATTERN, Document, FrozenMap, PartialDate

# EDTF as PartialDate writes it: 2023, 2023-06, 2023-06-30, 2023-21 (a season),
# 202X (a decade), 19XX (a century), 2024-W23 (an ISO week), each with an
# optional ~ (approximate).
_EDTF = (
    r"^(\d{4}(-(0[1-9]|1[0-2]|2[1-4])(-(0[1-9]|[12]\d|3[01]))?)?|\d{3}X|\d{2}XX"
    r"|\d{4}-W(0[1-9]|[1-4]\d|5[0-3]))~?$"
)
_DESCRIPTIONS = {
    "Span": "Character offsets [start, end) into the document's text.",
    "Document": "One natojp document (natojp.serialize.to_dict).",
}


def json_schema(schema_version: int) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one document object."""
    definitions: dict[str, Any] = {}
    root = _object(Document, definitions)
    root["properties"] = {
        "schema_version": {"type": "integer", "const": schema_version},
        **root["properties"],
    }
    root["required"] = ["schema_version", *root["required"]]
    root["properties"]["id"] = {"type": "string", "pattern": ID_PATTERN.pattern}
    definitions.pop("Document")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://natojp.invalid/schema/document-{schema_version}.json",
        "title": "natojp document",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _object(cls: type[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ in definitions:
        return {"$ref": f"#/$defs/{cls.__name__}"}
    definitions[cls.__name__] = {}  # placeholder: breaks cycles
    hints = typing.get_type_hints(cls)
    properties, required = {}, []
    for field in attrs.fields(cls):
        properties[field.name] = _type(hints[field.name], definitions)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    body: dict[str, Any] = {
        "type": "object",
        "description": _DESCRIPTIONS.get(cls.__name__, (cls.__doc__ or "").split("\n")[0]),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    definitions[cls.__name__] = body
    return body


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return {"anyOf": [_type(arg, definitions) for arg in typing.get_args(hint)]}
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(hint)[0], definitions)}
    if origin is typing.Literal:
        return {"type": "string", "enum": list(typing.get_args(hint))}
    if hint is type(None):
        return {"type": "null"}
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is _dt.datetime:
        return {"type": "string", "format": "date-time", "description": "an ISO 8601 time"}
    if hint is PartialDate:
        return {"type": "string", "pattern": _EDTF, "description": "an EDTF date"}
    if hint is FrozenMap:
        scalar = [{"type": t} for t in ("string", "number", "boolean", "null")]
        strings = {"type": "array", "items": {"type": "string"}}
        return {"type": "object", "additionalProperties": {"anyOf": [*scalar, strings]}}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if attrs.has(hint):
        _object(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a new model type
