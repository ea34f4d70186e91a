"""Issue 16: a document whose event ran over several days (a summit on 11–12
July) keeps the range as Document.event_interval, and between(), timeline(),
the exports and the Parquet dataset go by it. Pages written for the test in
the layouts natojp reads."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import natojp
from natojp import DateInterval, Document, DocumentKind, PartialDate
from natojp.serialize import from_dict, to_dict

SUMMIT = DateInterval(start=PartialDate(2023, 7, 11), end=PartialDate(2023, 7, 12))


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("title.txt", "Vilnius Summit Communique, 11-12 July 2023\n\nThe leaders met.\n"),
        ("front.md", "---\ntitle: Summit\ndate: 11-12 July 2023\n---\nThe leaders met.\n"),
        ("iso.md", "---\ntitle: Summit\ndate: 2023-07-11/2023-07-12\n---\nThe leaders met.\n"),
        ("line.txt", "Vilnius Summit\n\n11 Jul. 2023 - 12 Jul. 2023\n\nThe leaders met.\n"),
    ],
)
def test_a_range_a_page_is_dated_by_is_the_event_interval(
    tmp_path: Path, name: str, text: str
) -> None:
    doc = natojp.load_document(_write(tmp_path, name, text))
    assert doc.date == PartialDate(2023, 7, 11)
    assert doc.event_interval == SUMMIT
    assert "leaders met" in doc.text


def test_a_title_ending_in_a_date_keeps_its_words(tmp_path: Path) -> None:
    # the line was once taken for a date line and the title lost
    doc = natojp.load_document(
        _write(tmp_path, "t.txt", "Vilnius Summit Communique, 12 July 2023\n\nWe met.\n")
    )
    assert doc.title == "Vilnius Summit Communique"
    assert doc.date == PartialDate(2023, 7, 12)
    assert doc.event_interval is None


def test_a_range_given_as_metadata_is_the_event_interval(tmp_path: Path) -> None:
    path = _write(tmp_path, "note.txt", "The leaders met in Vilnius.\n")
    doc = natojp.load_document(path, metadata={"date": "11-12 July 2023"})
    assert doc.date == PartialDate(2023, 7, 11)
    assert doc.event_interval == SUMMIT
    single = natojp.load_document(path, metadata={"date": "2023-07-11"})
    assert single.event_interval is None


def _doc(doc_id: str, date: PartialDate, interval: DateInterval | None = None) -> Document:
    return Document(
        id=doc_id, title=doc_id, kind=DocumentKind.OTHER, text="x", date=date,
        event_interval=interval,
    )  # fmt: skip


def test_an_event_interval_starts_on_the_event_date() -> None:
    with pytest.raises(ValueError, match="starts on"):
        _doc("a", PartialDate(2023, 7, 10), SUMMIT)
    with pytest.raises(ValueError, match="start and an end"):
        _doc("a", PartialDate(2023, 7, 11), DateInterval(start=PartialDate(2023, 7, 11)))
    with pytest.raises(ValueError, match="ends before"):
        _doc("a", PartialDate(2023, 7, 11), DateInterval(start=PartialDate(2023, 7, 11), end=PartialDate(2023, 7, 1)))  # fmt: skip


def _corpus() -> natojp.Corpus:
    return natojp.Corpus(
        [
            _doc("summit", PartialDate(2023, 7, 11), SUMMIT),
            _doc("day", PartialDate(2023, 7, 11)),
            _doc(
                "month-end",
                PartialDate(2023, 6, 30),
                DateInterval(start=PartialDate(2023, 6, 30), end=PartialDate(2023, 7, 1)),
            ),
        ]
    )


def test_between_goes_by_all_the_days_of_the_event() -> None:
    corpus = _corpus()
    assert corpus.between("2023-07-11", "2023-07-12").ids == ("summit", "day")
    assert corpus.between("2023-07-11", "2023-07-11").ids == ("day",)
    assert corpus.between("2023-07").ids == ("summit", "day")
    assert set(corpus.between("2023-06", "2023-07").ids) == {"summit", "day", "month-end"}
    # published on its first day, whatever its event
    assert corpus.between("2023-07-11", "2023-07-11", by="published").ids == ("summit", "day")


def test_timeline_counts_an_event_in_each_period_it_covers() -> None:
    corpus = _corpus()
    days = dict(corpus.timeline("day"))
    assert days[PartialDate(2023, 7, 11)] == 2
    assert days[PartialDate(2023, 7, 12)] == 1
    assert days[PartialDate(2023, 6, 30)] == 1 and days[PartialDate(2023, 7, 1)] == 1
    assert dict(corpus.timeline("month")) == {PartialDate(2023, 6): 1, PartialDate(2023, 7): 3}
    assert dict(corpus.timeline("year")) == {PartialDate(2023): 3}
    assert dict(corpus.timeline("month", by="published")) == {
        PartialDate(2023, 6): 1,
        PartialDate(2023, 7): 2,
    }


def test_an_event_interval_of_years_is_counted_by_year() -> None:
    years = DateInterval(start=PartialDate(2019), end=PartialDate(2021))
    corpus = natojp.Corpus([_doc("report", PartialDate(2019), years)])
    assert [str(p) for p, _ in corpus.timeline("day")] == ["2019", "2020", "2021"]


def test_the_event_interval_round_trips_and_is_exported() -> None:
    doc = _corpus()["summit"]
    data = json.loads(json.dumps(to_dict(doc)))
    assert data["event_interval"] == {"start": "2023-07-11", "end": "2023-07-12"}
    assert from_dict(data) == doc
    del data["event_interval"]  # JSON written before the field existed
    assert from_dict(data) == attrs.evolve(doc, event_interval=None)
    row = natojp.Corpus([doc]).to_records()[0]
    assert row["event_interval"] == "2023-07-11..2023-07-12"


def test_the_dataset_filters_by_the_event_days(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    natojp.write_dataset(_corpus(), tmp_path / "ds")
    found = natojp.open_dataset(tmp_path / "ds", start="2023-07-11", end="2023-07-11")
    assert [d.id for d in found] == ["day"]
    found = natojp.open_dataset(tmp_path / "ds", start="2023-07-11", end="2023-07-12")
    assert sorted(d.id for d in found) == ["day", "summit"]
