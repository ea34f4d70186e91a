from __future__ import annotations

from pathlib import Path

import pytest

import natojp

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAW = ROOT / "src" / "natojp" / "data" / "raw"


def raw_text(name: str) -> str:
    """A bundled raw document, exactly as captured."""
    return (RAW / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus() -> natojp.Corpus:
    return natojp.load_corpus()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"the shared data sets are not beside the project ({SHARED})")
    return SHARED / "data"
