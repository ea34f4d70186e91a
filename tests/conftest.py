from __future__ import annotations

import io
import shlex
import shutil
from pathlib import Path

import pytest

import natojp
from natojp.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAW = ROOT / "src" / "natojp" / "data" / "raw"


def raw_text(name: str) -> str:
    """A bundled raw document, exactly as captured."""
    return (RAW / name).read_text(encoding="utf-8")


def copy_raw_texts(folder: Path) -> None:
    """Copy the bundled raw ``.txt`` documents into ``folder``, as a user's own
    files to load."""
    for entry in RAW.glob("*.txt"):
        shutil.copy(entry, folder / entry.name)


@pytest.fixture(scope="session")
def corpus() -> natojp.Corpus:
    return natojp.load_corpus()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"the shared data sets are not beside the project ({SHARED})")
    return SHARED / "data"


class Terminal(io.StringIO):
    """Output that says it is a terminal, as a user's shell would."""

    def isatty(self) -> bool:
        return True


def run_command_line(line: str, cwd: Path) -> tuple[list[str], str, str | None]:
    """Run one ``natojp ...`` line as typed at a terminal (``> FILE`` included)
    in-process; assert it exits 0; return its argv, what it printed, and the
    file it was redirected to, if any (written under ``cwd``)."""
    argv = shlex.split(line)
    target = None
    if ">" in argv:
        argv, target = argv[: argv.index(">")], argv[argv.index(">") + 1]
    assert argv[0] == "natojp", f"a command line runs natojp, not {argv[0]}: {line}"
    out = Terminal()
    code = main(argv[1:], out=out)
    assert code == 0, f"`{line}` exited {code}"
    if target:
        (cwd / target).write_text(out.getvalue(), encoding="utf-8")
    return argv, out.getvalue(), target
