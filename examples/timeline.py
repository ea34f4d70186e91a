"""Timeline: when the documents were written, and what each talks about.

Prints the number of documents per month (by the day of the event, so a speech
counts when it was given, not when its video was posted) and, per document, how
often it names a few themes per 1,000 words. With matplotlib installed
(``pip install 'natojp[plot]'``) it also draws both as a PNG.

Run it as it is: ``python examples/timeline.py [OUT.png]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import natojp
from natojp.models import PartialDate

THEMES = {
    "partners": "partner*",
    "Ukraine": "Ukraine",
    "China": "China OR Beijing",
    "N. Korea": '"North Korea" OR Pyongyang',
}


def theme_rates(corpus: natojp.Corpus) -> dict[str, dict[str, float]]:
    """For each document id, each theme's occurrences per 1,000 words."""
    words = {doc.id: len(doc.text.split()) for doc in corpus}
    rates = {doc.id: dict.fromkeys(THEMES, 0.0) for doc in corpus}
    for theme, query in THEMES.items():
        for hit in corpus.search(query, limit=None):
            rates[hit.document_id][theme] = 1000 * len(hit.spans) / words[hit.document_id]
    return rates


def by_event(corpus: natojp.Corpus) -> list[tuple[PartialDate, str]]:
    """``(date, id)`` of each dated document, in order of the day of its event."""
    dated = [(doc.event_date or doc.date, doc.id) for doc in corpus]
    return sorted(((when, i) for when, i in dated if when), key=lambda d: d[0].sort_key)


def plot(corpus: natojp.Corpus, rates: dict[str, dict[str, float]], out: Path) -> bool:
    """Draw the timeline to ``out``; False when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display needed
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        return False
    months = corpus.timeline("month")
    dated = by_event(corpus)
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(9, 7), constrained_layout=True)
    top.bar([str(period) for period, _ in months], [count for _, count in months])
    top.set_title("Documents per month (by the day of the event)")
    top.set_ylabel("documents")
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    labels = [f"{when}\n{doc_id[:22]}" for when, doc_id in dated]
    for offset, theme in enumerate(THEMES):
        positions = [i + (offset - 1.5) * 0.2 for i in range(len(dated))]
        bottom.bar(positions, [rates[doc_id][theme] for _, doc_id in dated], 0.2, label=theme)
    bottom.set_xticks(range(len(dated)), labels, fontsize=7)
    bottom.set_ylabel("per 1,000 words")
    bottom.set_title("What each document talks about")
    bottom.legend()
    figure.savefig(out, dpi=120)
    plt.close(figure)
    return True


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "timeline.png"
    corpus = natojp.load_corpus()
    print("Documents per month")
    for period, count in corpus.timeline("month"):
        print(f"  {period!s:8} {'#' * count} {count}")

    rates = theme_rates(corpus)
    print(f"\n{'per 1,000 words':43}" + "".join(f"{theme:>9}" for theme in THEMES))
    for when, doc_id in by_event(corpus):
        row = "".join(f"{rates[doc_id][theme]:9.1f}" for theme in THEMES)
        print(f"  {when!s:10} {doc_id[:30]:30}{row}")

    if plot(corpus, rates, out):
        print(f"\nwrote {out}")
    else:
        print("\nmatplotlib is not installed, so no plot: pip install 'natojp[plot]'")


if __name__ == "__main__":
    main()
