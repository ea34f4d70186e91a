"""Talking points: which passages NATO repeats across documents, where a phrase
is used in context, and which documents a search ranks first.

Run it as it is: ``python examples/talking_points.py``.
"""

from __future__ import annotations

import natojp


def main() -> None:
    corpus = natojp.load_corpus()

    print("Passages repeated in two or more documents (8 words or more)")
    for passage in corpus.shared_passages(min_words=8)[:5]:
        text = " ".join(passage.text.split())
        print(f"  {passage.words:3} words in {len(passage.document_ids)} documents: {text[:70]}")
        for place in passage.occurrences:
            print(f"      {place.document_id} {place.span.start}..{place.span.end}")

    print("\n'watching closely' in context")
    for line in corpus.kwic("watching closely", window=4):
        print(f"  {line}")

    print('\nSearch: "Indo-Pacific" AND (China OR Beijing), best first')
    hits = corpus.search('"Indo-Pacific" AND (China OR Beijing)', limit=3)
    for rank, hit in enumerate(hits, start=1):
        print(f"  {rank}. {hit.document_id}: {hit.snippet[:70]}")

    print("\nDocuments by month")
    for month, count in corpus.timeline("month"):
        print(f"  {month}  {'#' * count}")


if __name__ == "__main__":
    main()
