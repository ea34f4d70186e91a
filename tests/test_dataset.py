"""Partitioned Parquet datasets: written as a stream, read back document for
document, filtered without reading what the filters rule out."""

from __future__ import annotations

import pyarrow.compute as pc
import pytest

import natojp
from natojp.errors import SchemaError
from natojp.models import DocumentKind, PartialDate


@pytest.fixture(scope="module")
def corpus():
    return natojp.load_corpus()


@pytest.fixture
def folder(corpus, tmp_path):
    return natojp.write_dataset(corpus, tmp_path / "dataset")


def test_reading_back_gives_the_same_documents(corpus, folder):
    dataset = natojp.open_dataset(folder)
    assert len(dataset) == len(corpus)
    assert sorted(dataset, key=lambda d: d.id) == sorted(corpus, key=lambda d: d.id)
    assert dataset.to_corpus().sorted() == corpus.sorted()


def test_the_folders_are_partitioned_by_year_and_kind(corpus, folder):
    parts = {p.relative_to(folder).parent.as_posix() for p in folder.rglob("*.parquet")}
    expected = set()
    for doc in corpus:
        when = doc.event_date or doc.date
        expected.add(f"year={when.start.year}/kind={doc.kind.value}")
    assert parts == expected


def test_a_date_range_reads_only_the_years_it_covers(folder):
    dataset = natojp.open_dataset(folder, start="2023-01", end="2023-01-31")
    assert sorted(d.id for d in dataset) == [
        "2023-01-31-tokyo-joint-press-point",
        "2023-01-31-tokyo-news-release",
        "tokyo-visit-news-article",
    ]
    # The 2022 folder is not opened: the scan's fragments are the 2023 ones.
    fragments = list(dataset._dataset.get_fragments(filter=dataset.expression))
    assert fragments and all("year=2023" in f.path for f in fragments)


def test_a_document_dated_by_month_is_inside_the_month_not_a_day_of_it(tmp_path):
    doc = natojp.parse("An address in June.", metadata={"title": "June", "date": "2022-06"})
    folder = natojp.write_dataset([doc], tmp_path / "d")
    assert len(natojp.open_dataset(folder, start="2022-06", end="2022-06-30")) == 1
    assert len(natojp.open_dataset(folder, start="2022-06-15")) == 0


def test_kind_speaker_and_arrow_filters(corpus, folder):
    dataset = natojp.open_dataset(folder)
    assert [d.kind for d in dataset.filter(kind=DocumentKind.VIDEO)] == [DocumentKind.VIDEO]
    assert len(dataset.filter(kind=["video", "op_ed"])) == 2
    stoltenberg = {
        d.id for d in corpus if any(s.person_id == "jens-stoltenberg" for s in d.speakers)
    }
    assert stoltenberg
    assert {d.id for d in dataset.filter(speaker="jens-stoltenberg")} == stoltenberg
    assert {d.id for d in dataset.filter(speaker="JENS STOLTENBERG")} == stoltenberg
    assert len(dataset.filter(speaker="Stoltenberg")) == 0  # a whole name or id, not a part
    assert len(dataset.filter(pc.field("title") == corpus[0].title)) == 1
    assert len(dataset.filter([("year", "<", 2023)])) == 1


def test_undated_documents_are_kept_but_left_out_of_date_filters(tmp_path):
    undated = natojp.parse("No date here.", metadata={"title": "Undated"})
    dated = natojp.parse("A dated one.", metadata={"title": "Dated", "date": "2020-01-02"})
    folder = natojp.write_dataset([undated, dated], tmp_path / "d")
    assert sorted(d.title for d in natojp.open_dataset(folder)) == ["Dated", "Undated"]
    assert [d.title for d in natojp.open_dataset(folder, start="1900")] == ["Dated"]
    back = {d.title: d for d in natojp.open_dataset(folder)}
    assert back["Undated"] == undated and back["Dated"] == dated


def test_a_stream_is_written_without_holding_it(tmp_path, corpus):
    seen = []

    def documents():
        for doc in corpus:
            seen.append(doc.id)
            yield doc

    folder = natojp.write_dataset(documents(), tmp_path / "d", batch_size=2)
    assert len(seen) == 5 and len(natojp.open_dataset(folder)) == 5


def test_the_folder_appears_whole_or_not_at_all(tmp_path, corpus):
    def failing():
        yield corpus[0]
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError):
        natojp.write_dataset(failing(), tmp_path / "d")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_kept_unless_overwrite(tmp_path, corpus):
    folder = natojp.write_dataset(corpus[:1], tmp_path / "d")
    with pytest.raises(FileExistsError, match="overwrite=True"):
        natojp.write_dataset(corpus, folder)
    natojp.write_dataset(corpus, folder, overwrite=True)
    assert len(natojp.open_dataset(folder)) == 5


def test_a_folder_that_is_not_a_natojp_dataset(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    with pytest.raises(FileNotFoundError, match="write_dataset"):
        natojp.open_dataset(tmp_path / "missing")
    (tmp_path / "other").mkdir()
    pq.write_table(pa.table({"id": ["x"]}), tmp_path / "other" / "part.parquet")
    with pytest.raises(SchemaError, match="schema version"):
        natojp.open_dataset(tmp_path / "other")


def test_the_arrow_schema_follows_the_models():
    schema = natojp.corpus.arrow_schema()
    assert schema.field("id").nullable is False
    assert schema.field("date").nullable is True  # PartialDate | None
    dates = schema.field("dates").type.value_type
    assert dates.field("interval").type.field("start").type == schema.field("date").type
    assert str(PartialDate(2022, 6)) == "2022-06"  # dates are kept as their JSON text


def test_the_folder_has_the_permissions_a_new_folder_would_have(tmp_path, corpus):
    import os

    umask = os.umask(0o022)
    try:
        folder = natojp.write_dataset(corpus[:1], tmp_path / "d")
    finally:
        os.umask(umask)
    assert folder.stat().st_mode & 0o777 == 0o755
