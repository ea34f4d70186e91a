"""Sentence splitters compared: natojp's built-in one against pysbd and syntok
(the ``sentences`` extra), on hand-labelled paragraphs, and their speed.

    pip install -e '.[bench,sentences]'
    python benchmarks/sentences.py

tests/data/sentences.jsonl holds 46 paragraphs (99 sentences): 38 from the
White House documents in ../shared/data (speaker labels removed, as natojp's
paragraphs have them), chosen at random, 30 of them among paragraphs with an
abbreviation (``Mr.``, ``U.S.``, ``a.m.``, ``Jr.``), and 8 written in news
style around ``Jan.``, ``Gen.``, ``U.N.``, ``D.C.``, quotations and brackets.
They were labelled before any splitter was run on them.

A boundary is the end of a sentence inside a paragraph (the paragraph's end is
not counted). Precision and recall are over boundaries; "paragraphs right"
counts paragraphs split exactly as labelled. Speed is characters per second
over the bundled corpus's paragraphs, repeated, and its ratio to natojp's.
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Callable
from pathlib import Path

from _table import table

import natojp
from natojp.corpus._units import splitter

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "sentences.jsonl"


def boundaries(text: str, sentences: list[str]) -> set[int]:
    """The end offsets of all but the last sentence."""
    ends, at = set(), 0
    for sentence in sentences[:-1]:
        at = text.index(sentence, at) + len(sentence)
        ends.add(at)
    return ends


def score(split: Callable[[str], list[tuple[int, int]]]) -> tuple[float, float, int, int]:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    found = wanted = right = exact = 0
    for row in rows:
        text = row["text"]
        gold = boundaries(text, row["sentences"])
        got = {end for _, end in split(text)[:-1]}
        found += len(got)
        wanted += len(gold)
        right += len(got & gold)
        exact += got == gold
    return right / found if found else 1.0, right / wanted, exact, len(rows)


def speed(split: Callable[[str], list[tuple[int, int]]], paragraphs: list[str]) -> float:
    chars = sum(map(len, paragraphs))
    started = time.perf_counter()
    for paragraph in paragraphs:
        split(paragraph)
    return chars / (time.perf_counter() - started)


def main() -> None:
    paragraphs = [unit.text for unit in natojp.load_corpus().paragraphs()] * 20
    rows, base = [], 0.0
    for name in ("natojp", "pysbd", "syntok"):
        if name != "natojp" and importlib.util.find_spec(name) is None:
            rows.append([name, "not installed", "", "", "", ""])
            continue
        split = splitter(name)
        precision, recall, exact, total = score(split)
        rate = speed(split, paragraphs)
        base = base or rate
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append([name, f"{precision:.1%}", f"{recall:.1%}", f"{f1:.1%}",
                     f"{exact}/{total}", f"{rate / 1e3:,.0f}k ({rate / base:.2f})"])  # fmt: skip
    print(table(["splitter", "precision", "recall", "F1", "paragraphs right",
                 "chars/s (x natojp)"], rows))  # fmt: skip


if __name__ == "__main__":
    main()
