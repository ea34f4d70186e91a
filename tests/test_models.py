from __future__ import annotations

import datetime as dt

import attrs
import pytest

from natojp.models import (
    DatePrecision,
    DateProvenance,
    Document,
    DocumentKind,
    FrozenMap,
    PartialDate,
    Season,
    Segment,
    Span,
)


@pytest.mark.parametrize(
    ("date", "iso", "precision", "start", "end"),
    [
        (
            PartialDate(2023, 2, 1),
            "2023-02-01",
            DatePrecision.DAY,
            dt.date(2023, 2, 1),
            dt.date(2023, 2, 1),
        ),
        (
            PartialDate(2024, 2),
            "2024-02",
            DatePrecision.MONTH,
            dt.date(2024, 2, 1),
            dt.date(2024, 2, 29),
        ),
        (
            PartialDate(2022, season=Season.SUMMER),
            "2022-22",
            DatePrecision.SEASON,
            dt.date(2022, 6, 1),
            dt.date(2022, 8, 31),
        ),
        (
            PartialDate(2022, season=Season.WINTER),
            "2022-24",
            DatePrecision.SEASON,
            dt.date(2022, 12, 1),
            dt.date(2023, 2, 28),
        ),
        (PartialDate(2027), "2027", DatePrecision.YEAR, dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
        (
            PartialDate(2020, decade=True),
            "202X",
            DatePrecision.DECADE,
            dt.date(2020, 1, 1),
            dt.date(2029, 12, 31),
        ),
        (
            PartialDate(2022, 2, 24, approximate=True),
            "2022-02-24~",
            DatePrecision.DAY,
            dt.date(2022, 2, 24),
            dt.date(2022, 2, 24),
        ),
    ],
)
def test_partial_date_precision_interval_and_edtf(date, iso, precision, start, end):
    assert date.isoformat() == iso
    assert date.precision is precision
    assert (date.start, date.end) == (start, end)
    assert PartialDate.fromisoformat(iso) == date


@pytest.mark.parametrize(
    "kwargs",
    [
        {"year": 2023, "month": 13},
        {"year": 2023, "month": 2, "day": 29},
        {"year": 2023, "day": 5},
        {"year": 0},
        {"year": 2023, "month": 6, "season": Season.SUMMER},
        {"year": 2021, "decade": True},
    ],
)
def test_impossible_partial_dates_are_refused(kwargs):
    with pytest.raises(ValueError):
        PartialDate(**kwargs)


@pytest.mark.parametrize("text", ["2023-1-1", "23", "June 2022", "2022-25", ""])
def test_fromisoformat_refuses_non_edtf(text):
    with pytest.raises(ValueError):
        PartialDate.fromisoformat(text)


def test_a_month_contains_its_days_and_not_the_next_month():
    june = PartialDate(2022, 6)
    assert june.contains(dt.date(2022, 6, 29))
    assert not june.contains(dt.date(2022, 7, 1))


def test_span_slices_the_text_it_points_into():
    text = "NATO and Japan"
    assert Span(9, 14).of(text) == "Japan"
    with pytest.raises(ValueError):
        Span(5, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_frozen_map_is_immutable_hashable_and_refuses_nested_values():
    meta = FrozenMap({"tags": ["a", "b"], "views": 98})
    assert meta["tags"] == ("a", "b")
    assert hash(meta) == hash(FrozenMap({"views": 98, "tags": ("a", "b")}))
    with pytest.raises(TypeError):
        meta["x"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        FrozenMap({"nested": {"a": 1}})


def _doc(**changes):
    fields = {"id": "doc-1", "title": "T", "kind": DocumentKind.OTHER, "text": "Hello world"}
    fields.update(changes)
    return Document(**fields)


def test_document_is_frozen_and_uses_tuples():
    doc = _doc(authors=["A B"], segments=[Segment(span=Span(0, 5))])
    assert doc.authors == ("A B",)
    assert isinstance(doc.segments, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.title = "other"  # type: ignore[misc]
    assert not hasattr(doc, "__dict__")


def test_document_provenance_follows_the_date():
    assert _doc().date_provenance is DateProvenance.UNKNOWN
    assert _doc(date=PartialDate(2023)).date_provenance is DateProvenance.STATED
    with pytest.raises(ValueError, match="provenance"):
        _doc(date_provenance=DateProvenance.STATED)
    with pytest.raises(ValueError, match="provenance"):
        _doc(date=PartialDate(2023), date_provenance=DateProvenance.UNKNOWN)


def test_document_refuses_spans_past_its_text():
    with pytest.raises(ValueError, match="runs past the end"):
        _doc(segments=[Segment(span=Span(0, 50))])


@pytest.mark.parametrize("bad_id", ["", "Has Caps", "-leading", "a/b"])
def test_document_ids_are_slugs(bad_id):
    with pytest.raises(ValueError, match="document ids"):
        _doc(id=bad_id)


def test_document_repr_is_short_and_informative():
    doc = _doc(text="x" * 10_000, date=PartialDate(2023, 1, 31))
    text = repr(doc)
    assert "doc-1" in text and "2023-01-31" in text and "10,000 chars" in text
    assert len(text) < 200


def test_the_package_says_it_is_typed():
    # PEP 561: without py.typed a user's type checker treats natojp as untyped.
    from importlib import resources

    assert (resources.files("natojp") / "py.typed").is_file()
