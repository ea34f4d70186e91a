"""Names changed in 0.1 keep working for one minor release, with a DeprecationWarning,
and JSON written by earlier natojp (schema version 1) still reads."""

from __future__ import annotations

import datetime
import json
import warnings
from pathlib import Path

import pytest

import natojp
from natojp.loaders.registry import default_registry as default_parsers
from natojp.models import Quote, Segment, Span, TextUnit
from natojp.people import default_registry, find_mentions, find_quotes

DAY = datetime.date(2023, 1, 31)
TEXT = "“We stand together,” said the Secretary General."


@pytest.mark.parametrize("cls", [Segment, Quote])
def test_speaker_id_keyword_and_attribute_are_person_id(cls: type) -> None:
    with pytest.warns(DeprecationWarning, match=r"speaker_id=.*pass person_id="):
        made = cls(span=Span(0, 1), speaker_id="jens-stoltenberg")
    assert made.person_id == "jens-stoltenberg"
    assert made == cls(span=Span(0, 1), person_id="jens-stoltenberg")
    with pytest.warns(
        DeprecationWarning, match=rf"{cls.__name__}\.speaker_id .* use {cls.__name__}\.person_id"
    ):
        assert made.speaker_id == "jens-stoltenberg"
    with pytest.raises(TypeError, match="both person_id= and its old name speaker_id="):
        cls(span=Span(0, 1), speaker_id="a", person_id="b")


def test_text_unit_speaker_id_is_person_id() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the new name warns nowhere in a normal session
        unit = next(u for u in natojp.load_corpus().paragraphs() if u.person_id)
    assert unit.person_id == "jens-stoltenberg"
    with pytest.warns(DeprecationWarning, match=r"TextUnit\.speaker_id"):
        assert unit.speaker_id == unit.person_id
    with pytest.warns(DeprecationWarning, match=r"TextUnit\(speaker_id="):
        old = TextUnit(
            document_id="d", kind="sentence", number=0, span=Span(0, 1), text="x", speaker_id="p"
        )
    assert old.person_id == "p"


def test_people_take_anchor_and_warn_on_on() -> None:
    registry = default_registry()
    expected = registry.resolve("NATO Secretary General", anchor=DAY)
    assert expected.person is not None and expected.person.id == "jens-stoltenberg"
    with pytest.warns(DeprecationWarning, match=r"Registry\.resolve\(on=\.\.\.\).*anchor="):
        assert registry.resolve("NATO Secretary General", on=DAY) == expected
    with pytest.warns(DeprecationWarning, match=r"Registry\.holders\(on="):
        assert registry.holders("Prime Minister", organisation="Japan", on=DAY) == registry.holders(
            "Prime Minister", organisation="Japan", anchor=DAY
        )
    with pytest.warns(DeprecationWarning, match=r"find_mentions\(on="):
        assert find_mentions(TEXT, on=DAY) == find_mentions(TEXT, anchor=DAY)
    with pytest.warns(DeprecationWarning, match=r"find_quotes\(on="):
        assert find_quotes(TEXT, on=DAY) == find_quotes(TEXT, anchor=DAY)
    with pytest.raises(TypeError, match="both anchor= and its old name on="):
        registry.resolve("President", on=DAY, anchor=DAY)


def test_load_and_parse_take_parsers_and_warn_on_registry(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Budget talks\n\nThe ministers met on 3 May 2024.", encoding="utf-8"
    )
    parsers = default_parsers()
    assert natojp.load(tmp_path, parsers=parsers).ids == ("a",)
    with pytest.warns(DeprecationWarning, match=r"load\(registry=\.\.\.\).*parsers="):
        assert natojp.load(tmp_path, registry=parsers).ids == ("a",)
    with pytest.warns(DeprecationWarning, match=r"parse\(registry="):
        assert natojp.parse("Hello there.", registry=parsers) == natojp.parse(
            "Hello there.", parsers=parsers
        )


@pytest.mark.parametrize("name", ["loads", "read_jsonl", "load_jsonl"])
def test_serialize_corpus_readers_moved_to_the_top_level(name: str) -> None:
    import natojp.serialize

    with pytest.warns(
        DeprecationWarning, match=rf"natojp\.serialize\.{name} is deprecated.*natojp\.{name}"
    ):
        moved = getattr(natojp.serialize, name)
    assert moved is getattr(natojp, name)
    with pytest.raises(AttributeError):
        natojp.serialize.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_version_1_json_with_speaker_id_reads_as_person_id() -> None:
    doc = natojp.load_corpus()["2023-02-01-keio-speech"]
    data = json.loads(natojp.dumps(doc))
    assert data["schema_version"] == natojp.SCHEMA_VERSION == 2
    assert any(seg["person_id"] for seg in data["segments"])
    assert any(quote["person_id"] for quote in data["quotes"])
    assert all("speaker_id" not in seg for seg in data["segments"])
    data["schema_version"] = 1
    for item in [*data["segments"], *data["quotes"]]:
        item["speaker_id"] = item.pop("person_id")
    assert natojp.loads_document(json.dumps(data)) == doc
    # a version 2 document with the old key is an error naming the field, not a silent drop
    data["schema_version"] = 2
    with pytest.raises(natojp.SchemaError, match="speaker_id"):
        natojp.loads_document(json.dumps(data))
