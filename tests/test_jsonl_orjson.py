"""With orjson installed (the ``orjson`` extra) JSON Lines read the same
documents and the same errors as with :mod:`json` alone."""

from __future__ import annotations

import io
import json
import math

import attrs
import pytest

import natojp
from natojp.errors import SchemaError
from natojp.serialize import _json, to_dict

orjson = pytest.importorskip("orjson")


def _read(text: str, *, quick: bool, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    with monkeypatch.context() as patch:
        if not quick:
            patch.setattr(_json, "_orjson_loads", lambda: None)
        found: list[object] = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            try:
                found.extend(natojp.iter_jsonl(io.StringIO(line + "\n")))
            except SchemaError as exc:
                found.append((lineno, str(exc)))
        return found


def _lines() -> list[str]:
    corpus = natojp.load_corpus()
    lines = [natojp.dumps(doc) for doc in corpus]
    doc = corpus[0]
    tricky_metadata = [
        {"tweet": 123456789012345678901234567890},  # past 64 bits: json keeps an int
        {"id": 18446744073709551615, "small": -9223372036854775808},
        {"big": 1e300, "tiny": 5e-324, "exact": 9007199254740993},
        {"views": 12, "ratio": 0.1, "flag": True, "none": None, "tags": ["a", "b"]},
    ]
    for metadata in tricky_metadata:
        data = to_dict(attrs.evolve(doc, metadata={}))
        data["metadata"] = metadata
        lines.append(json.dumps(data, ensure_ascii=False))
    data = to_dict(doc)
    data["metadata"] = {"score": math.nan}
    lines.append(json.dumps(data))  # NaN: json reads it, orjson does not
    data = to_dict(doc)
    data["title"] = "lone \ud800 half"
    lines.append(json.dumps(data))  # a lone surrogate, escaped
    data = to_dict(doc)
    data["segments"][0]["span"]["end"] = 10**30  # no such offset: an error either way
    lines.append(json.dumps(data))
    lines += ['{"id": "x"}', "not json", '{"schema_version": 99}', "[1, 2", '"\\u00e9"']
    return lines


def test_orjson_and_json_read_the_same_documents_and_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "\n".join(_lines())
    quick = _read(text, quick=True, monkeypatch=monkeypatch)
    plain = _read(text, quick=False, monkeypatch=monkeypatch)
    assert len(quick) == len(plain) == len(_lines())
    for a, b in zip(quick, plain, strict=True):
        assert a == b or (isinstance(a, natojp.Document) and natojp.dumps(a) == natojp.dumps(b))
    big = next(d for d in quick if isinstance(d, natojp.Document) and "tweet" in d.metadata)
    assert big.metadata["tweet"] == 123456789012345678901234567890
    assert type(big.metadata["tweet"]) is int
    # NaN, an offset past the text and the five broken lines still fail
    assert sum(isinstance(item, tuple) for item in quick) == 7


def test_orjson_reads_the_lines_natojp_writes() -> None:
    corpus = natojp.load_corpus()
    line = natojp.dumps(corpus[0])
    assert _json._quick_document(line) == corpus[0]
    assert _json._quick_document(line.replace('"schema_version": 2', '"schema_version": 1')) is None
