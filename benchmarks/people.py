"""Precision, recall and throughput of natojp's person mentions and quote
attribution beside a plain exact-alias baseline, measured in the same run.

    pip install -e '.[bench]'
    python benchmarks/people.py            # under a minute
    python benchmarks/people.py --quick    # smaller samples

Accuracy is measured on tests/data/people.jsonl (122 mentions and 28 quotes in
33 texts: sentences of the bundled documents and texts written in their styles;
the tests hold natojp to them, so it was tuned on them) and on
tests/data/people_heldout.jsonl (52 mentions in six White House readouts,
labelled before natojp was first run on them). Scoring is that of
tests/people_labels.py: a mention is right when it overlaps the labelled one
and names the same person; a quote when it starts with the labelled words and
names the labelled speaker.

The baseline finds every registry name and alias (full names, reversed names,
aliases, family names) by exact, case-sensitive whole-word match, longest
first, and gives each quotation the nearest such name in its paragraph.

Throughput is documents per second on the bundled corpus and on the 118 White
House documents in ../shared/data (when present), and characters per second on
growing text, to show the time stays linear.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from _table import best_seconds, linear_time, table

import natojp
from natojp._text.spans import Layout
from natojp.models import PersonMention, Quote, Span
from natojp.people import default_registry, find_mentions, find_quotes

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests import people_labels  # noqa: E402

WH = ROOT.parent / "shared" / "data" / "wh-briefings" / "natojp_subset"


class Baseline:
    """Exact, case-sensitive whole-word matching of registry names and aliases."""

    def __init__(self) -> None:
        names: dict[str, str] = {}
        for person in default_registry():
            forms = [person.name, *person.aliases, person.family_name]
            words = person.name.split()
            if len(words) == 2:
                forms.append(f"{words[1]} {words[0]}")
            for form in forms:
                names.setdefault(form, person.id)
        self.names = names
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def mentions(self, text: str, on: dt.date | None = None) -> list[PersonMention]:
        return [
            PersonMention(span=Span(*m.span()), person_id=self.names[m.group()], method="alias")
            for m in self.pattern.finditer(text)
        ]

    def quotes(self, text: str, on: dt.date | None = None) -> list[Quote]:
        found = self.mentions(text)
        quotes = []
        for quotation in re.finditer(r"[“\"]([^”\"\n]+)[”\"]", text):
            start, end = quotation.span(1)
            lo = text.rfind("\n\n", 0, start) + 1
            hi = text.find("\n\n", end)
            hi = len(text) if hi < 0 else hi
            near = [m for m in found if lo <= m.span.start < hi]
            best = min(near, key=lambda m: abs(m.span.start - start), default=None)
            quotes.append(
                Quote(
                    span=Span(start, end),
                    person_id=best.person_id if best else None,
                    route="named" if best else "none",
                )
            )
        return quotes


def natojp_mentions(text: str, on: dt.date | None) -> Sequence[PersonMention]:
    return find_mentions(text, anchor=on)


def natojp_quotes(text: str, on: dt.date | None) -> Sequence[Quote]:
    return find_quotes(text, anchor=on)


def natojp_both(text: str, on: dt.date | None) -> int:
    layout = Layout(text)
    from natojp.people import _mentions, _quotes

    registry = default_registry()
    found = _mentions.find_mentions(text, registry, on=on, layout=layout)
    return len(found) + len(_quotes.find_quotes(text, found, registry, layout))


def documents_per_second(
    work: Callable[[str, dt.date | None], object],
    docs: list[tuple[str, dt.date | None]],
    repeat: int,
) -> float:
    return len(docs) / best_seconds(work, docs, repeat)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples")
    args = parser.parse_args(argv)
    baseline = Baseline()
    labelled = people_labels.records()
    held_out = people_labels.records(people_labels.HELD_OUT)

    def baseline_both(text: str, on: dt.date | None) -> int:
        return len(baseline.mentions(text)) + len(baseline.quotes(text))

    print(
        f"Accuracy: {sum(len(r['mentions']) for r in labelled)} mentions and "
        f"{sum(len(r['quotes']) for r in labelled)} quotes in {len(labelled)} labelled texts; "
        f"{sum(len(r['mentions']) for r in held_out)} held-out mentions in {len(held_out)} "
        "White House readouts\n"
    )
    rows = []
    for name, mention_finder, quote_finder in (
        ("natojp", natojp_mentions, natojp_quotes),
        ("exact alias", baseline.mentions, baseline.quotes),
    ):
        m = people_labels.score_mentions(mention_finder, labelled)
        q = people_labels.score_quotes(quote_finder, labelled)
        h = people_labels.score_mentions(mention_finder, held_out)
        rows.append(
            [name, f"{m.precision:.1%}", f"{m.recall:.1%}", f"{q.precision:.1%}",
             f"{q.recall:.1%}", f"{h.precision:.1%}", f"{h.recall:.1%}"]
        )  # fmt: skip
    headers = ["finder", "mention P", "mention R", "quote P", "quote R", "held-out P"]
    print(table([*headers, "held-out R"], rows))

    corpus = natojp.load_corpus()
    sets = {"bundled corpus": [(d.text, d.event_date or d.date) for d in corpus]}
    if WH.is_dir():
        loaded = natojp.load(WH, pattern="*.md")
        sets["White House subset"] = [(d.text, d.event_date or d.date) for d in loaded]
    repeat = 1 if args.quick else 3
    print(f"\nThroughput (documents per second, mentions and quotes; best of {repeat})\n")
    rows = []
    for label, docs in sets.items():
        days = [(text, on.start if on is not None else None) for text, on in docs]
        ours = documents_per_second(natojp_both, days, repeat * (5 if len(days) < 20 else 1))
        base = documents_per_second(baseline_both, days, repeat * (5 if len(days) < 20 else 1))
        chars = sum(len(t) for t, _ in days) / len(days)
        rows.append(
            [f"{label} ({len(days)} docs, {chars:,.0f} chars avg)", f"{ours:,.0f}",
             f"{base:,.0f}", f"{ours / base:.2f}"]
        )  # fmt: skip
    print(table(["documents", "natojp", "exact alias", "natojp / baseline"], rows))

    print("\nLinear time: mentions and quotes on growing text (bundled texts repeated)\n")
    unit = "\n\n".join(d.text for d in corpus)
    sizes = [100_000, 200_000, 400_000] if args.quick else [250_000, 500_000, 1_000_000, 2_000_000]
    day = dt.date(2023, 1, 31)
    print(linear_time(unit, sizes, lambda text: natojp_both(text, day), "found"))


if __name__ == "__main__":
    main()
