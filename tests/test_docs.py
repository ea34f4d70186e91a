"""Every code block in the docs runs in CI.

Python blocks (``doctest``, ``testcode``) run under the Sphinx doctest build;
this module runs the shell sessions (``code-block:: console``) through the CLI,
checks any output they show, parses the TOML blocks, and fails on any literal
block that nothing runs.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import natojp
from natojp.loaders.registry import ENTRY_POINT_GROUP
from tests.conftest import run_command_line

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(DOCS.rglob("*.rst"))
SPHINX_RUNS = {"doctest", "testcode", "testsetup", "testcleanup", "testoutput"}
DIRECTIVE = re.compile(r"^(\s*)\.\. (code-block|[a-z]+)::\s*(\S*)\s*$")


def blocks(page: Path) -> list[tuple[str, int, list[str]]]:
    """``(kind, line number, body lines)`` for each code block of ``page``;
    ``kind`` is a directive (``doctest``), ``code-block:LANG`` or ``literal``
    (a paragraph ending in ``::``)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[tuple[str, int, list[str]]] = []
    for number, line in enumerate(lines):
        match = DIRECTIVE.match(line)
        if match and (match[2] in SPHINX_RUNS or match[2] == "code-block"):
            kind = f"code-block:{match[3]}" if match[2] == "code-block" else match[2]
            indent = len(match[1])
        elif line.rstrip().endswith("::") and not line.lstrip().startswith(".."):
            kind, indent = "literal", len(line) - len(line.lstrip())
        else:
            continue
        body: list[str] = []
        for following in lines[number + 1 :]:
            if following.strip() and len(following) - len(following.lstrip()) <= indent:
                break
            body.append(following)
        body = [b for b in body if not b.strip().startswith(":")]  # directive options
        found.append((kind, number + 1, [b[indent + 3 :] for b in body]))
    return found


ALL_BLOCKS = [(page, *block) for page in PAGES for block in blocks(page)]


def _where(page: Path, line: int) -> str:
    return f"{page.relative_to(DOCS)}:{line}"


def test_the_docs_have_code_blocks_and_sessions():
    kinds = {kind for _, kind, _, _ in ALL_BLOCKS}
    assert {"doctest", "code-block:console"} <= kinds


@pytest.mark.parametrize(
    ("page", "kind", "line", "body"),
    ALL_BLOCKS,
    ids=[_where(p, n) for p, _, n, _ in ALL_BLOCKS],
)
def test_every_code_block_is_one_that_ci_runs(page, kind, line, body):
    assert kind in SPHINX_RUNS | {"code-block:console", "code-block:toml"}, (
        f"{_where(page, line)}: a {kind} block that nothing runs; write it as a doctest, "
        "a console session or TOML"
    )


def sessions() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """``(where, [(command, expected output lines), ...])`` for each console block."""
    found = []
    for page, kind, line, body in ALL_BLOCKS:
        if kind != "code-block:console":
            continue
        commands: list[tuple[str, list[str]]] = []
        for text in body:
            if text.startswith("$ "):
                commands.append((text[2:].strip(), []))
            elif commands:
                commands[-1][1].append(text.rstrip())
        for _, output in commands:
            while output and not output[-1]:
                output.pop()
        found.append((_where(page, line), commands))
    return found


SESSIONS = sessions()


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """The files the docs' sessions name, made from the bundled corpus."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    natojp.load_corpus().to_jsonl(tmp_path / "briefings.jsonl")
    folder = tmp_path / "briefings"
    folder.mkdir()
    (folder / "note.txt").write_text(
        "A Note on Tokyo\n\nSecretary General Stoltenberg visited Tokyo."
    )
    return tmp_path


@pytest.mark.parametrize(("where", "commands"), SESSIONS, ids=[s[0] for s in SESSIONS])
def test_console_sessions_run_and_print_what_the_docs_show(where, commands, workdir):
    for command, expected in commands:
        argv = shlex.split(command)
        if argv[0] == "pip":
            assert argv[1] == "install" and "natojp" in argv[-1], f"{where}: {command}"
            continue
        _, printed, target = run_command_line(command, workdir)
        if expected and not target:
            got = [line.rstrip() for line in printed.rstrip("\n").splitlines()]
            assert got == expected, f"{where}: `{command}` prints something else now"


def test_toml_blocks_parse_and_name_natojps_entry_point_group():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    tomls = [
        (page, line, body) for page, kind, line, body in ALL_BLOCKS if kind == "code-block:toml"
    ]
    assert tomls
    for page, line, body in tomls:
        data = tomllib.loads("\n".join(body))
        groups = data.get("project", {}).get("entry-points", {})
        assert set(groups) <= {ENTRY_POINT_GROUP}, _where(page, line)


def test_the_data_model_page_lists_every_document_field():
    import attrs

    from natojp.models import Document

    page = (DOCS / "data-model.rst").read_text(encoding="utf-8")
    table = page[page.index("A document at a glance") : page.index("The span invariant")]
    listed = re.findall(r"^   \* - ``(\w+)``", table, flags=re.MULTILINE)
    assert listed == [field.name for field in attrs.fields(Document)]
