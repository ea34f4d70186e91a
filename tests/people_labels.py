"""The hand-labelled people set (tests/data/people.jsonl) and how a finder is
scored on it; shared by tests/test_people.py and benchmarks/people.py.

Each record is a text with the day it was written, the person mentions a
careful reader finds in it (surface, which whole-word occurrence of it, the
person id or null when the text cannot decide) and its quotations (the first
words quoted, the speaker's id or the name of a non-person source or null,
the cue verb). Bundled-text records copy their sentences verbatim.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from natojp.models import PersonMention, Quote, Span

LABELS = Path(__file__).parent / "data" / "people.jsonl"
# White House readouts, labelled before natojp was first run on them.
HELD_OUT = Path(__file__).parent / "data" / "people_heldout.jsonl"

MentionFinder = Callable[[str, dt.date], Sequence[PersonMention]]
QuoteFinder = Callable[[str, dt.date], Sequence[Quote]]


def records(path: Path = LABELS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def day(record: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(record["date"])


def occurrence(text: str, surface: str, index: int) -> Span:
    """The span of the ``index``-th whole-word occurrence of ``surface``."""
    found = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
    if index >= len(found):
        raise AssertionError(f"{surface!r} occurs {len(found)} times, not {index + 1}")
    return Span(*found[index])


@attrs.define
class Score:
    """Counts for precision (right / predicted) and recall (right / labelled)."""

    right: int = 0
    predicted: int = 0
    labelled: int = 0
    misses: list[str] = attrs.field(factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


def same_person(got: str | None, want: str | None) -> bool:
    """Whether natojp's id is the labelled one. An unregistered id names the
    person by their fullest name in the text (``unregistered:rahm-emanuel``);
    labels written before that name them by family name (``unregistered:emanuel``)."""
    if got == want:
        return True
    prefix = "unregistered:"
    return (
        got is not None
        and want is not None
        and got.startswith(prefix)
        and want.startswith(prefix)
        and (
            got.endswith("-" + want[len(prefix) :])
            or got[len(prefix) :].startswith(want[len(prefix) :] + "-")
        )
    )


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def score_mentions(finder: MentionFinder, rows: list[dict[str, Any]]) -> Score:
    """A predicted mention is right when it overlaps a labelled one and names the
    same person (or, for a label of null, leaves the person undecided). A
    prediction that overlaps no label counts against precision."""
    score = Score()
    for row in rows:
        text = row["text"]
        gold = [(occurrence(text, s, n), pid) for s, n, pid in row["mentions"]]
        found = list(finder(text, day(row)))
        score.labelled += len(gold)
        score.predicted += len(found)
        used: set[int] = set()
        for span, pid in gold:
            match = next(
                (
                    i
                    for i, m in enumerate(found)
                    if i not in used and _overlaps(m.span, span) and same_person(m.person_id, pid)
                ),
                None,
            )
            if match is None:
                got = [m.person_id for m in found if _overlaps(m.span, span)]
                score.misses.append(f"{row['id']}: {span.of(text)!r} -> {got}, want {pid}")
            else:
                used.add(match)
                score.right += 1
        for i, m in enumerate(found):
            if i not in used and not any(_overlaps(m.span, span) for span, _ in gold):
                score.misses.append(f"{row['id']}: extra {m.span.of(text)!r} -> {m.person_id}")
    return score


def score_quotes(finder: QuoteFinder, rows: list[dict[str, Any]]) -> Score:
    """A quote is right when its span starts with the labelled words and its
    speaker is the labelled one (a person id, or a source's name)."""
    score = Score()
    for row in rows:
        text = row["text"]
        found = list(finder(text, day(row)))
        score.labelled += len(row["quotes"])
        score.predicted += len(found)
        for words, speaker, _cue in row["quotes"]:
            quote = next((q for q in found if q.span.of(text).startswith(words)), None)
            who = None if quote is None else (quote.person_id or quote.speaker)
            if quote is not None and (who == speaker or same_person(who, speaker)):
                score.right += 1
            else:
                score.misses.append(f"{row['id']}: {words!r} -> {who}, want {speaker}")
    return score
