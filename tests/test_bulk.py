"""Bulk building (sentences, paragraphs, JSON Lines into a corpus) holds off the
garbage collector only while it works, and leaves it as the user had it."""

from __future__ import annotations

import gc
import io

import pytest

import natojp
from natojp._bulk import no_collection_pauses


@pytest.mark.parametrize("user_had_it_on", [True, False])
def test_the_collector_is_left_as_it_was(user_had_it_on: bool) -> None:
    corpus = natojp.load_corpus()
    buffer = io.StringIO()
    natojp.serialize.dump_jsonl(corpus, buffer)
    was = gc.isenabled()
    try:
        (gc.enable if user_had_it_on else gc.disable)()
        assert len(corpus.sentences()) > 100
        assert len(corpus.paragraphs()) > 10
        buffer.seek(0)
        assert natojp.read_jsonl(buffer) == corpus
        assert gc.isenabled() is user_had_it_on
    finally:
        (gc.enable if was else gc.disable)()


def _fail_inside() -> None:
    with no_collection_pauses():
        assert not gc.isenabled()
        raise ValueError("stop")


def test_the_collector_comes_back_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError, match="stop"):
        _fail_inside()
    assert gc.isenabled()


def _jsonl(lines: list[str]) -> io.StringIO:
    return io.StringIO("\n".join(lines) + "\n")


def test_a_lenient_read_collects_again_from_its_first_bad_line() -> None:
    # An error's traceback holds reference cycles: a file of bad lines must not
    # keep every one of them alive until the read ends.
    good = [natojp.dumps(doc) for doc in natojp.load_corpus()]
    seen: list[bool] = []

    def progress(done: int, total: int | None) -> None:
        seen.append(gc.isenabled())

    corpus = natojp.read_jsonl(_jsonl(good), progress=progress)
    assert len(corpus) == len(good) and not any(seen)  # held off while all is well
    seen.clear()
    corpus = natojp.read_jsonl(
        _jsonl([good[0], "not json", *good[1:]]), strict=False, progress=progress
    )
    assert len(corpus) == len(good) and len(corpus.report.failures) == 1
    assert seen[0] is False and all(seen[1:])  # back on after line 2
    assert gc.isenabled()
