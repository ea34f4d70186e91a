"""Export the corpus to Parquet (and CSV-ready records) and read it back.

Run it as it is: ``python examples/export_parquet.py``. Parquet needs the
``arrow`` extra (``pip install 'natojp[arrow]'``); without it the script says
so and exits cleanly.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import natojp


def main() -> None:
    corpus = natojp.load_corpus()
    records = corpus.to_records()
    print(f"{len(records)} records with the fields: {', '.join(records[0])}")
    try:
        import pyarrow.parquet as pq
    except ImportError:
        print("pyarrow is not installed: pip install 'natojp[arrow]' to write Parquet")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "natojp.parquet"
        corpus.to_parquet(path)
        table = pq.read_table(path, columns=["id", "kind", "date_start", "people"])
        print(f"wrote {path.name}: {path.stat().st_size:,} bytes, {table.num_rows} rows")
        for row in table.to_pylist():
            people = len(row["people"])
            print(f"  {row['date_start']}  {row['kind']:<13} {row['id']:<36} {people} people")


if __name__ == "__main__":
    main()
