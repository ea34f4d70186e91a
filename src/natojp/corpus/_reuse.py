"""Text reuse: passages of at least ``min_words`` words that recur across documents.

Each document is cut into word n-grams (``n = min_words``), compared ignoring
case, diacritics and punctuation. An n-gram is shared when it occurs in two or
more documents. A passage is a run of consecutive shared n-grams found in the
same documents, so that a talking point quoted by three outlets and extended
by two of them gives one passage in three documents and one in two. Passages
with the same words are one :class:`~natojp.models.SharedPassage`.
"""

from __future__ import annotations

from collections.abc import Sequence

from natojp._text.words import WORD_RE, fold
from natojp.errors import QueryError
from natojp.models import Document, Occurrence, SharedPassage, Span

_WORD = WORD_RE


def _words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    folded = fold(text)
    matches = list(_WORD.finditer(folded))
    return [m.group().casefold().replace("’", "'") for m in matches], [m.span() for m in matches]


def shared_passages(documents: Sequence[Document], min_words: int) -> tuple[SharedPassage, ...]:
    """The passages of ``min_words`` or more words found in two or more documents."""
    if min_words < 2:
        raise QueryError(f"min_words is at least 2, not {min_words}")
    tokenised = [_words(doc.text) for doc in documents]
    seen_in: dict[tuple[str, ...], set[int]] = {}
    grams_of: list[list[tuple[str, ...]]] = []
    for index, (words, _) in enumerate(tokenised):
        grams = [tuple(words[i : i + min_words]) for i in range(len(words) - min_words + 1)]
        grams_of.append(grams)
        for gram in grams:
            seen_in.setdefault(gram, set()).add(index)

    groups: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
    for index, grams in enumerate(grams_of):
        words, offsets = tokenised[index]
        run_start, run_docs = -1, frozenset[int]()
        for position in range(len(grams) + 1):
            docs = seen_in[grams[position]] if position < len(grams) else set()
            if run_start >= 0 and docs != run_docs:
                last_word = position - 1 + min_words - 1
                key = tuple(words[run_start : last_word + 1])
                groups.setdefault(key, []).append((index, run_start, last_word))
                run_start = -1
            if run_start < 0 and len(docs) > 1:
                run_start, run_docs = position, frozenset(docs)

    passages = []
    for key, places in groups.items():
        if len({index for index, _, _ in places}) < 2:
            continue
        occurrences = []
        for index, first, last in places:
            offsets = tokenised[index][1]
            span = Span(offsets[first][0], offsets[last][1])
            doc = documents[index]
            occurrences.append(Occurrence(document_id=doc.id, item=span, text=span.of(doc.text)))
        passages.append(
            SharedPassage(text=occurrences[0].text, words=len(key), occurrences=occurrences)
        )
    passages.sort(key=lambda p: (-len(p.document_ids), -p.words, p.text))
    return tuple(passages)
