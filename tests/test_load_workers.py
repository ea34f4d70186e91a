"""Loading in worker processes, and streaming: the same documents, ids, order,
report and progress as the serial load."""

from __future__ import annotations

import warnings

import pytest

import natojp
from natojp.errors import DecodeError, FormatError
from natojp.loaders import DocumentStream
from tests.conftest import copy_raw_texts

_SPEECH = (
    "Mr. President, I congratulate you on your election. On 12 September 2022 "
    "Prime Minister Fumio Kishida said that Japan and NATO {n} stand together. "
    "We will meet again next March in Brussels."
)


@pytest.fixture
def archive(tmp_path):
    """Forty-odd files: speeches, the bundled pages, files that fail, and two
    files in different folders with the same name (their ids must differ)."""
    for n in range(36):
        folder = tmp_path / ("x" if n % 2 else "y")
        folder.mkdir(exist_ok=True)
        (folder / f"JPN_{n:02d}_{1990 + n}.txt").write_text(_SPEECH.format(n=n), encoding="utf-8")
    (tmp_path / "x" / "same.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "y" / "same.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "x" / "JPN_50_2040.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "y" / "JPN_51_2041.txt").write_text("  \n ", encoding="utf-8")
    copy_raw_texts(tmp_path)
    return tmp_path


def _load(folder, workers, **options):
    seen: list[tuple[int, int | None]] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = natojp.load(
            folder,
            strict=False,
            workers=workers,
            progress=lambda done, total: seen.append((done, total)),
            **options,
        )
    return corpus, seen, [str(w.message) for w in caught]


def test_two_workers_give_the_serial_load_exactly(archive):
    serial, serial_progress, serial_warnings = _load(archive, 1)
    parallel, parallel_progress, parallel_warnings = _load(archive, 2)
    assert len(serial) == 43  # 36 speeches, two "same.txt", five bundled pages
    assert parallel == serial
    assert parallel.ids == serial.ids
    assert parallel.report == serial.report
    assert [f.path.rsplit("/", 1)[-1] for f in parallel.report.failures] == [
        "JPN_50_2040.txt",
        "JPN_51_2041.txt",
    ]
    assert parallel_progress == serial_progress
    assert parallel_progress[-1] == (45, 45)
    assert (
        parallel_warnings == serial_warnings == ["2 of 45 files failed to load; see corpus.report"]
    )
    same = [doc_id for doc_id in parallel.ids if doc_id.endswith("same")]
    assert same == ["x-same", "y-same"]


def test_workers_found_the_people_and_dates_as_the_serial_load_does(archive):
    parallel, _, _ = _load(archive, 2, metadata_from_path=lambda p: {})
    doc = parallel["jpn_07_1997"]
    assert "fumio-kishida" in {m.person_id for m in doc.mentions}
    assert str(doc.dates[0].value) == "2022-09-12"


def test_a_strict_load_with_workers_raises_the_first_bad_file_in_order(archive):
    with pytest.raises(DecodeError) as info:
        natojp.load(archive, workers=2)
    assert info.value.path.endswith("JPN_50_2040.txt")


def test_ids_from_metadata_that_collide_fail_the_same_way_with_workers(archive):
    def same_id(path):
        return {"id": "one"} if path.name.startswith("JPN_0") else {}

    serial, _, _ = _load(archive, 1, metadata_from_path=same_id)
    parallel, _, _ = _load(archive, 2, metadata_from_path=same_id)
    assert parallel.report == serial.report
    duplicate = [f for f in parallel.report.failures if "already the id" in f.message]
    assert len(duplicate) == 9  # JPN_01..JPN_09 after JPN_00 took "one"


@pytest.mark.parametrize("workers", [0, -1, 1.5, True, "2"])
def test_workers_must_be_a_positive_whole_number(archive, workers):
    with pytest.raises(ValueError, match="workers="):
        natojp.load(archive, workers=workers)


def test_iter_load_streams_the_documents_of_load(archive):
    loaded, _, _ = _load(archive, 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stream = natojp.iter_load(archive, strict=False, workers=2)
        assert isinstance(stream, DocumentStream) and len(stream) == 45
        streamed = list(stream)
    assert streamed == list(loaded)
    assert stream.report == loaded.report
    assert [w.category for w in caught] == [natojp.LoadWarning]
    assert caught[0].filename == __file__  # points at the loop, not at natojp
    assert repr(stream) == "<DocumentStream of 45 files, 43 loaded, 2 failed>"


def test_iter_load_reads_only_as_far_as_the_loop_goes(archive):
    first_file = sorted(p for p in archive.iterdir() if p.is_file())[0]
    seen: list[int] = []
    with natojp.iter_load(
        archive, strict=False, workers=1, progress=lambda done, _: seen.append(done)
    ) as stream:
        first = next(stream)
        assert seen[-1] == 1
        assert first == natojp.load_document(first_file)
    assert stream.report.loaded == 1
    with pytest.raises(StopIteration):
        next(stream)  # closed: no more files are read


def test_a_strict_stream_raises_at_the_bad_file_after_yielding_those_before(archive):
    stream = natojp.iter_load(archive / "x", workers=2)
    before: list[str] = []

    def read_all() -> None:
        before.extend(doc.id for doc in stream)

    with pytest.raises(DecodeError):
        read_all()
    assert before == [f"jpn_{n:02d}_{1990 + n}" for n in range(1, 36, 2)]


def test_a_stream_of_a_folder_with_nothing_to_load_warns_at_the_call(tmp_path):
    with pytest.warns(natojp.NoFilesWarning) as caught:
        stream = natojp.iter_load(tmp_path)
    assert caught[0].filename == __file__
    assert list(stream) == []


def test_a_lone_path_that_is_not_a_file_fails_at_the_call_in_any_mode(tmp_path):
    with pytest.raises(FormatError, match="no such file"):
        natojp.iter_load(tmp_path / "missing.txt", strict=False)


def test_a_load_of_a_folder_with_nothing_to_load_warns_at_the_call(tmp_path):
    with pytest.warns(natojp.NoFilesWarning) as caught:
        natojp.load(tmp_path)
    assert caught[0].filename == __file__


def test_a_bug_in_natojp_names_the_file_and_keeps_its_cause(archive, monkeypatch):
    from natojp.errors import ProcessingError
    from natojp.loaders import _pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(_pipeline, "_build", broken)
    with pytest.raises(ProcessingError, match="this is a bug") as info:
        natojp.load(archive, workers=1)
    assert info.value.path is not None
    assert isinstance(info.value.__cause__, ZeroDivisionError)
