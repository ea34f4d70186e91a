"""Record what natojp makes of a sample of the real archives, as digests.

``tests/test_archives.py`` loads the same sample (every 100th document of each
archive in ../shared/data) and compares: a speed-up must not change any output.
Run this again, and say why in the commit, only when a change of output is
meant::

    python tools/output_digests.py > tests/data/output_digests.json
"""

from __future__ import annotations

import json
import sys
import tempfile
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import archives

import natojp


def digests(name: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        archives.unpack_sample(name, folder)
        suffix = archives.ARCHIVES[name][1]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = natojp.load(folder, strict=False, pattern=f"*{suffix}", workers=1)
        return archives.sample_digests(corpus, folder)


def main() -> None:
    result = {name: digests(name) for name in sorted(archives.ARCHIVES)}
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
