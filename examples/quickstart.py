"""Quickstart: load the bundled corpus, look at one document, and save it as JSON Lines.

Run it as it is: ``python examples/quickstart.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import natojp
from natojp.serialize import dump_jsonl


def main() -> None:
    corpus = natojp.load_corpus()
    print(corpus)
    for doc in corpus:
        print(f"{doc.id:36} {doc.kind.value:13} {doc.date or 'undated'}")

    speech = corpus["2023-02-01-keio-speech"]
    print(f"\n{speech.title}: delivered {speech.event_date}, posted {speech.date}")
    for segment in speech.segments:
        who = segment.speaker or "(summary)"
        print(f"  {who}: {speech.segment_text(segment)[:70]}…")

    out = Path(tempfile.mkdtemp()) / "natojp.jsonl"
    dump_jsonl(corpus, out)
    assert natojp.load_jsonl(out) == corpus
    print(f"\nwrote {len(corpus)} documents to {out} and read them back unchanged")


if __name__ == "__main__":
    main()
