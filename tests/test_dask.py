"""natojp.dask on a real dask.distributed cluster of two worker processes: the
documents, failures, table and dataset of the serial load."""

from __future__ import annotations

import shutil

import attrs
import dask
import pytest
from distributed import Client, LocalCluster, get_task_stream

import natojp
import natojp.dask
from natojp.errors import DecodeError
from tests.conftest import copy_raw_texts


@pytest.fixture(scope="module")
def client():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, Client(cluster) as client:  # fmt: skip
        yield client


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for n in range(40):
        (folder / f"JPN_{n:02d}_{1980 + n}.txt").write_text(
            f"Prime Minister Fumio Kishida spoke on 12 September 2022 ({n}). "
            "Japan and NATO stand together.",
            encoding="utf-8",
        )
    copy_raw_texts(folder)
    return folder


@pytest.fixture(scope="module")
def serial(archive):
    return natojp.load(archive, workers=1)


def test_the_workers_parse_the_documents_of_the_serial_load(client, archive, serial):
    bag = natojp.dask.read(archive, npartitions=4)
    assert bag.npartitions == 4
    with get_task_stream(client) as tasks:
        documents = bag.compute()
    assert documents == list(serial)
    # Parsed on the cluster, not here: both worker processes ran partitions.
    assert len({task["worker"] for task in tasks.data}) == 2


def test_a_bad_file_fails_the_computation_naming_it(client, tmp_path):
    (tmp_path / "a.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(16))
    with pytest.raises(DecodeError) as info:
        natojp.dask.read(tmp_path).compute()
    assert info.value.path.endswith("b.txt")


def test_a_lenient_read_reports_each_failure(client, archive, serial, tmp_path):
    for entry in archive.iterdir():
        shutil.copy(entry, tmp_path / entry.name)
    (tmp_path / "zz_broken.txt").write_bytes(bytes(16))
    documents, failures = natojp.dask.read_with_failures(tmp_path)
    docs, failed = dask.compute(documents, failures)
    assert [attrs.evolve(d, origin=None) for d in docs] == [
        attrs.evolve(d, origin=None) for d in serial
    ]
    assert [(f.path.rsplit("/", 1)[-1], f.error) for f in failed] == [
        ("zz_broken.txt", "DecodeError")
    ]


def test_the_dataframe_has_the_flat_fields(client, archive, serial):
    frame = natojp.dask.to_dataframe(natojp.dask.read(archive)).compute()
    assert list(frame["id"]) == list(serial.ids)
    assert list(frame.columns) == list(serial.to_pandas().columns)
    kishida = frame.loc[frame["id"] == "jpn_03_1983", "people"].item()
    assert list(kishida) == ["fumio-kishida"]


def test_the_workers_write_a_dataset_that_reads_back(client, archive, serial, tmp_path):
    folder = natojp.dask.to_dataset(natojp.dask.read(archive, npartitions=3), tmp_path / "d")
    back = natojp.open_dataset(folder).to_corpus()
    assert sorted(back, key=lambda d: d.id) == sorted(serial, key=lambda d: d.id)


def test_load_options_pass_through_and_workers_is_refused(client, archive):
    bag = natojp.dask.read(
        [archive / "JPN_*.txt"], metadata_from_path="{country}_{session}_{year}.txt"
    )
    doc = next(d for d in bag.compute() if d.id == "jpn_03_1983")
    assert doc.metadata["country"] == "JPN" and str(doc.date) == "1983"
    with pytest.raises(TypeError, match="workers="):
        natojp.dask.read(archive, workers=2)
    with pytest.raises(TypeError, match="read_with_failures"):
        natojp.dask.read(archive, strict=False)
