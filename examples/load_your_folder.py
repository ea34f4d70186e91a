"""Load a folder of your own documents and see what failed and why.

Run it as it is: ``python examples/load_your_folder.py``. It writes a small
folder of documents (one of them not text at all) to a temporary directory and
loads it leniently; point ``natojp.load`` at your own folder instead.
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import natojp


def make_folder(root: Path) -> Path:
    folder = root / "my-documents"
    folder.mkdir()
    (folder / "oslo-talks.txt").write_text(
        "Budget talks in Oslo\n\nThe ministers met on Friday (3 May 2024) in Oslo. "
        "Secretary General Jens Stoltenberg said: “We agreed.”\n",
        encoding="utf-8",
    )
    (folder / "speech.md").write_text(
        "---\ntitle: Remarks on the alliance\ndate: 2024-07-10\n---\n\n"
        "Prime Minister Kishida spoke about the Indo-Pacific.\n",
        encoding="utf-8",
    )
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00binary, not text")
    return folder


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_folder(Path(tmp))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", natojp.LoadWarning)  # the report says it all
            corpus = natojp.load(folder, pattern="*", strict=False)
        assert isinstance(corpus, natojp.Corpus)
        for doc in corpus:
            people = sorted({m.person_id for m in doc.mentions if m.person_id})
            print(f"{doc.id:<16} {doc.kind.value:<13} {doc.date!s:<11} {', '.join(people)}")
        print()
        print(corpus.report)


if __name__ == "__main__":
    main()
