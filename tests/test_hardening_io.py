"""Hardening of reading, writing and querying: each test is an input from the
"Hardening" issue that used to escape as a bare Python error, write NaN, leave
half a file behind or put a live formula in a CSV cell."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import pytest

import natojp
from natojp.errors import DecodeError, NatojpError, QueryError, SchemaError
from natojp.models import Document, PartialDate
from natojp.serialize import dumps, loads, read_jsonl, to_dict

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
    assert loads(dumps(corpus[0]).encode("utf-16")) == corpus[0]


def test_deeply_nested_json_is_a_schema_error_where_it_gets_too_deep() -> None:
    with pytest.raises(SchemaError, match="nest too deeply") as caught:
        loads("[" * 100_000)
    # The 65th "[" is the first one deeper than the 64 levels natojp reads.
    assert (caught.value.line, caught.value.column) == (1, 65)


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
