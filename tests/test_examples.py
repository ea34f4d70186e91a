"""The timeline example draws its plot when matplotlib is there and says how to
get it when it is not. (CI runs every example as it is; this checks what each
path of this one leaves behind.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "timeline.py"


def run(*code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "\n".join(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_timeline_writes_a_png_with_matplotlib(tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "timeline.png"
    done = run(
        "import runpy, sys",
        f"sys.argv = ['timeline.py', {str(out)!r}]",
        f"runpy.run_path({str(EXAMPLE)!r}, run_name='__main__')",
    )
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}" in done.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_timeline_without_matplotlib_prints_the_table_and_names_the_extra(tmp_path):
    out = tmp_path / "timeline.png"
    done = run(
        "import runpy, sys",
        "sys.modules['matplotlib'] = None  # as if it were not installed",
        f"sys.argv = ['timeline.py', {str(out)!r}]",
        f"runpy.run_path({str(EXAMPLE)!r}, run_name='__main__')",
    )
    assert done.returncode == 0, done.stderr
    assert "2023-01  ### 3" in done.stdout
    assert "pip install 'natojp[plot]'" in done.stdout
    assert not out.exists()
