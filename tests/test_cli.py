from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys

import pytest

import natojp
from natojp.cli import main
from tests.conftest import Terminal, run_command_line


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_list_prints_the_five_documents_with_kinds_and_dates():
    code, text = run("list")
    assert code == 0
    lines = text.splitlines()
    assert lines[0].split() == ["id", "date", "kind", "outlet", "title"]
    rows = {line.split()[0]: line.split()[1:3] for line in lines[1:6]}
    assert rows == {
        "2022-06-30-nikkei-op-ed": ["2022-06-30", "op_ed"],
        "2023-01-31-tokyo-joint-press-point": ["2023-01-31", "transcript"],
        "2023-01-31-tokyo-news-release": ["2023-01-31", "news_release"],
        "2023-02-01-keio-speech": ["2023-09-17", "video"],
        "tokyo-visit-news-article": ["2023-01-31*", "news_article"],
    }
    assert lines[6].startswith("* inferred from other documents")


def test_list_json_is_for_tools():
    code, text = run("list", "--json")
    rows = json.loads(text)
    assert code == 0 and len(rows) == 5
    video = next(r for r in rows if r["kind"] == "video")
    assert video["event_date"] == "2023-02-01"


def test_show_prints_metadata_and_clean_text():
    code, text = run("show", "2022-06-30-nikkei-op-ed")
    assert code == 0
    assert "outlet:       Nikkei Asia" in text
    assert "I am honored to welcome Prime Minister Fumio Kishida" in text
    assert "print PRINT" not in text
    code, text = run("show", "tokyo-visit-news-article")
    assert "date:         2023-01-31 (inferred)" in text
    assert "evidence:     'Tuesday' is Tuesday 31 January 2023" in text
    code, text = run("show", "2022-06-30-nikkei-op-ed", "--json")
    assert json.loads(text)["authors"] == ["Jens Stoltenberg"]


def test_unknown_id_is_a_user_error(capsys):
    code, _ = run("show", "nope")
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("natojp: error: no document with id 'nope'")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_bad_usage_exits_2(capsys):
    assert run("frobnicate")[0] == 2
    assert run()[0] == 2


@pytest.mark.skipif(shutil.which("natojp") is None, reason="the console script is not installed")
def test_console_script_end_to_end():
    result = subprocess.run(["natojp", "list"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "2023-02-01-keio-speech" in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "natojp", "show", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_show_says_who_speaks_who_is_mentioned_and_who_is_quoted():
    code, out = run("show", "2023-01-31-tokyo-joint-press-point")
    assert code == 0
    assert "speakers:     Jens Stoltenberg (speaker)\n" in out
    people = next(line for line in out.splitlines() if line.startswith("people:"))
    assert "fumio-kishida" in people and "vladimir-putin" in people
    code, out = run("show", "tokyo-visit-news-article")
    assert "quotes:       Jens Stoltenberg ×6, North Korea ×1, Pyongyang ×1" in out


def test_search_ranks_documents_and_prints_snippets():
    code, text = run("search", '"watching closely"')
    assert code == 0
    ranked = [line.split()[1] for line in text.splitlines() if line[:4].strip().endswith(".")]
    assert sorted(ranked) == [
        "2023-01-31-tokyo-joint-press-point",
        "2023-01-31-tokyo-news-release",
        "2023-02-01-keio-speech",
    ]
    assert text.count("Beijing is watching closely") == 3
    code, text = run("search", "Kishida", "--json", "--limit", "2")
    hits = json.loads(text)
    assert code == 0 and len(hits) == 2
    assert {"document_id", "score", "span", "spans", "snippet"} <= set(hits[0])
    # Spans have the shape of natojp's JSON format, so `show --json` and these agree.
    assert set(hits[0]["span"]) == {"start", "end"}
    text = natojp.load_corpus()[hits[0]["document_id"]].text
    assert {text[s["start"] : s["end"]].lower() for s in hits[0]["spans"]} == {"kishida"}


def test_search_user_errors_exit_1(capsys):
    code, _ = run("search", '"unclosed')
    assert code == 1
    assert "unclosed quotation mark" in capsys.readouterr().err


def test_kwic_prints_context_lines_grouped_by_document():
    code, text = run("kwic", "watching closely", "--window", "2")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == "2023-01-31-tokyo-joint-press-point"
    assert "Beijing is watching closely . And" in " ".join(lines[1].split())
    code, text = run("kwic", r"\bNATO\b", "--regex", "--case-sensitive", "--json")
    rows = json.loads(text)
    assert rows and all(r["match"] == "NATO" for r in rows)


def test_kwic_bad_regex_is_a_user_error(capsys):
    code, _ = run("kwic", "(a+", "--regex")
    assert code == 1
    assert "invalid regular expression" in capsys.readouterr().err


def test_quotes_by_speaker():
    code, text = run("quotes", "--speaker", "stoltenberg", "--json")
    quotes = json.loads(text)
    assert code == 0 and quotes
    assert {q["item"]["person_id"] for q in quotes} == {"jens-stoltenberg"}
    code, text = run("quotes", "--containing", "watching closely")
    assert "“Beijing is watching closely, and learning lessons" in text


def test_commands_read_a_jsonl_corpus(tmp_path):
    import natojp

    path = tmp_path / "mine.jsonl"
    natojp.load_corpus().where(kind="op_ed").to_jsonl(path)
    code, text = run("search", "Kishida", "--corpus", str(path), "--json")
    assert code == 0 and [h["document_id"] for h in json.loads(text)] == ["2022-06-30-nikkei-op-ed"]
    code, _ = run("kwic", "NATO", "--corpus", str(tmp_path / "missing.jsonl"))
    assert code == 1


def test_load_reports_what_loaded_and_what_failed(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Budget talks\n\nThe ministers met on Friday (3 May 2024) in Oslo.\n", encoding="utf-8"
    )
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x00binary")
    out = tmp_path / "mine.jsonl"
    code, text = run("load", str(folder), "-o", str(out))
    assert code == 1  # something failed
    assert "ok      talks  news_release  2024-05-03  Budget talks" in text
    assert "FAILED  " in text and "scan.txt" in text and "1 loaded, 1 failed" in text
    code, text = run("search", "Oslo", "--corpus", str(out), "--json")
    assert [h["document_id"] for h in json.loads(text)] == ["talks"]
    code, text = run("load", str(folder / "talks.txt"), "--json")
    report = json.loads(text)
    assert code == 0 and report["failures"] == [] and report["documents"][0]["date"] == "2024-05-03"
    code, _ = run("load", str(folder), "--strict")
    assert code == 1 and "scan.txt" in capsys.readouterr().err


def test_load_takes_pattern_format_and_metadata_from_path(tmp_path, capsys):
    folder = tmp_path / "ungdc"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    (folder / "a" / "JPN_77_2022.txt").write_text("We stand at a watershed.", encoding="utf-8")
    (folder / "b" / "JPN_77_2022.txt").write_text("A second copy.", encoding="utf-8")
    (folder / "notes.md").write_text("---\ntitle: Notes\n---\nSome notes.", encoding="utf-8")
    code, text = run(
        "load", str(folder), "--metadata-from-path", "{country}_{session}_{year}.txt", "--json"
    )
    report = json.loads(text)
    assert code == 0 and report["failures"] == []
    assert sorted(d["id"] for d in report["documents"]) == ["a-jpn_77_2022", "b-jpn_77_2022"]
    assert {d["date"] for d in report["documents"]} == {"2022"}
    code, text = run("load", str(folder), "--pattern", "*.md", "--format", "plain", "--json")
    (doc,) = json.loads(text)["documents"]
    assert code == 0 and doc["id"] == "notes" and doc["title"].startswith("--- title: Notes")
    code, text = run("load", str(folder), "--pattern", "*.html")
    assert code == 1 and "0 loaded, 0 failed" in text
    err = capsys.readouterr().err
    assert "no files in" in err and "pattern='*.html'" in err and "2 *.txt" in err
    code, _ = run("load", str(folder), "--format", "pdf")
    assert code == 1 and "no parser named 'pdf'" in capsys.readouterr().err


def test_export_writes_jsonl_csv_and_parquet(tmp_path, capsys):
    import csv

    import natojp

    code, text = run("export")
    assert code == 0 and len(text.splitlines()) == 5
    code, text = run("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == list(natojp.load_corpus().ids)
    assert rows[0]["speakers"] == "Jens Stoltenberg"
    code, _ = run("export", "--format", "parquet")
    assert code == 1 and "-o FILE.parquet" in capsys.readouterr().err
    pytest.importorskip("pyarrow")
    target = tmp_path / "corpus.parquet"
    code, _ = run("export", "--format", "parquet", "-o", str(target))
    assert code == 0 and target.stat().st_size > 0
    assert "wrote 5 documents" in capsys.readouterr().err


def test_schema_prints_the_json_schema_the_json_follows():
    import jsonschema

    code, text = run("schema")
    schema = json.loads(text)
    assert code == 0 and schema["title"] == "natojp document"
    code, shown = run("show", "2023-01-31-tokyo-joint-press-point", "--json")
    jsonschema.validate(json.loads(shown), schema, cls=jsonschema.Draft202012Validator)


def test_dates_lists_each_expression_with_its_value():
    import natojp

    doc = natojp.load_corpus()["tokyo-visit-news-article"]
    code, text = run("dates", doc.id, "--json")
    rows = json.loads(text)
    assert code == 0 and len(rows) == len(doc.dates)
    for row in rows:
        assert doc.text[row["span"]["start"] : row["span"]["end"]] == row["text"]
    monday = next(r for r in rows if r["text"] == "Monday")
    assert monday["value"] == "2023-01-30" and monday["relative"]
    code, text = run("dates", doc.id)
    assert text.splitlines()[0] == "tokyo-visit-news-article: 2023-01-31 (inferred)"


def test_people_counts_mentions_by_person():
    import natojp

    corpus = natojp.load_corpus()
    code, text = run("people", "--json")
    rows = json.loads(text)
    expected = sum(1 for d in corpus for m in d.mentions if m.person_id == "jens-stoltenberg")
    assert code == 0 and rows[0] == {
        "person_id": "jens-stoltenberg", "name": "Jens Stoltenberg", "count": expected,
    }  # fmt: skip
    code, text = run("people", "tokyo-visit-news-article")
    assert "yoon-suk-yeol" in text and "Yoon Suk-yeol" in text


def test_list_and_show_read_a_jsonl_corpus(tmp_path):
    import natojp

    path = tmp_path / "mine.jsonl"
    natojp.load_corpus().where(kind="video").to_jsonl(path)
    code, text = run("list", "--corpus", str(path))
    assert code == 0 and text.splitlines()[1].startswith("2023-02-01-keio-speech")
    code, text = run("show", "2023-02-01-keio-speech", "--corpus", str(path), "--json")
    assert code == 0 and json.loads(text)["kind"] == "video"
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert run("list", "--corpus", str(empty)) == (0, "no documents\n")


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["show", "2023-01-31-tokyo-joint-press-point"],
        ["search", "Beijing OR Ukraine"],
        ["kwic", "watching closely", "--window", "8"],
        ["quotes"],
        ["dates", "2023-02-01-keio-speech"],
        ["people"],
        ["people", "2023-01-31-tokyo-news-release"],
    ],
    ids=lambda argv: argv[0],
)
def test_output_fits_an_80_column_terminal(argv, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = Terminal()
    assert main(argv, out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines
    too_long = [line for line in lines if len(line) > 80]
    assert not too_long, f"natojp {' '.join(argv)}: {too_long[0]!r}"


def _subcommands():
    from natojp.cli._commands import build_parser

    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_has_help_with_examples_that_fits_80_columns(name, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    assert main([name, "--help"]) == 0
    text = capsys.readouterr().out
    assert "\nexamples:\n  natojp " + name in text
    assert max(len(line) for line in text.splitlines()) <= 80


def _examples():
    return [
        (name, line.strip())
        for name, parser in sorted(_subcommands().items())
        for line in parser.epilog.splitlines()[1:]
    ]


@pytest.mark.parametrize(("name", "example"), _examples(), ids=[e for _, e in _examples()])
def test_every_help_example_runs(name, example, tmp_path, monkeypatch):
    # The files the examples name: a folder of your own documents and a saved corpus.
    monkeypatch.chdir(tmp_path)
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    (speeches / "oslo.txt").write_text("Oslo remarks\n\nThe Secretary General spoke in Oslo.")
    (speeches / "seoul.md").write_text("Seoul remarks\n\nPresident Yoon met NATO in Seoul.")
    (tmp_path / "notes.txt").write_text("Notes\n\nPrime Minister Kishida met the press.")
    (tmp_path / "ungdc").mkdir()
    (tmp_path / "ungdc" / "JPN_77_2022.txt").write_text("We stand at a watershed moment.")
    (tmp_path / "briefings").mkdir()
    (tmp_path / "briefings" / "call.md").write_text("---\ntitle: Readout\n---\nThey spoke.")
    natojp.load_corpus().to_jsonl(tmp_path / "mine.jsonl")
    for command in example.split("&&"):
        argv, printed, target = run_command_line(command, tmp_path)
        assert printed or (target is None and "-o" in argv), command


@pytest.mark.parametrize(
    "argv",
    [["load", "{folder}"], ["export", "--format", "csv", "-o", "{folder}/out.csv"]],
    ids=["load", "export"],
)
def test_long_work_shows_progress_on_a_terminal_and_stays_quiet_in_a_pipe(
    argv, tmp_path, monkeypatch
):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Note {name}\n\nThe Secretary General spoke.")
    argv = [arg.format(folder=tmp_path) for arg in argv]
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main(argv, out=io.StringIO()) == 0
    shown = sys.stderr.getvalue()
    assert "\r" in shown and ("2/2" in shown or "5/5" in shown)

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert main(argv, out=io.StringIO()) == 0
    assert "\r" not in sys.stderr.getvalue()


def test_a_bug_is_one_line_to_report_not_a_traceback(monkeypatch, capsys):
    from natojp.cli import _commands

    def broken(args, out):
        raise KeyError("oops")

    monkeypatch.setattr(_commands, "cmd_list", broken)
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert "natojp: internal error: KeyError: 'oops'" in err and "Traceback" not in err
