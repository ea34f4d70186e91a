"""The JSON Schema of natojp's documents is committed as a file; it must match
what the models make, so a change to the models cannot slip past it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import attrs

import natojp
from natojp.serialize import SCHEMA_VERSION, json_schema, to_dict

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "src/natojp/serialize/document.schema.json"
REGENERATE = "natojp schema > src/natojp/serialize/document.schema.json"


def test_committed_schema_is_the_models_schema() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "the models changed but the committed JSON Schema did not; "
        f"regenerate it ({REGENERATE}), review the diff, and bump SCHEMA_VERSION "
        "if old readers would break"
    )


def test_schema_ships_in_the_package_and_names_its_version() -> None:
    shipped = resources.files("natojp.serialize") / "document.schema.json"
    schema = json.loads(shipped.read_text(encoding="utf-8"))
    assert schema["properties"]["schema_version"] == {"type": "integer", "const": SCHEMA_VERSION}


def test_schema_names_every_document_field() -> None:
    schema = json_schema()
    fields = {field.name for field in attrs.fields(natojp.Document)}
    assert set(schema["properties"]) == fields | {"schema_version"}


def test_every_bundled_document_validates_against_the_committed_schema() -> None:
    jsonschema = __import__("pytest").importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for doc in natojp.load_corpus():
        errors = sorted(validator.iter_errors(to_dict(doc)), key=str)
        assert not errors, f"{doc.id}: {errors[0].message}"
