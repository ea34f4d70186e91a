"""Text reuse: passages of at least ``min_words`` words that recur across documents.

Each document is cut into word n-grams (``n = min_words``), compared ignoring
case, diacritics and punctuation. An n-gram is shared when it occurs in two or
more documents. A passage is a run of consecutive shared n-grams found in the
same documents, so that a talking point quoted by three outlets and extended
by two of them gives one passage in three documents and one in two. Passages
with the same words are one :class:`~natojp.models.SharedPassage`.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from natojp._text.words import WORD_RE, fold
from natojp.errors import QueryError
from natojp.models import Document, Occurrence, SharedPassage, Span

_WORD = WORD_RE


def _words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    folded = fold(text)
    matches = list(_WORD.finditer(folded))
    return [m.group().casefold().replace("’", "'") for m in matches], [m.span() for m in matches]


def _keys(text: str) -> list[str]:
    """The words of :func:`_words` without their offsets (quicker)."""
    return [word.casefold().replace("’", "'") for word in _WORD.findall(fold(text))]


def _gram_hashes(words: list[str], n: int) -> array[int]:
    return array("q", [hash(tuple(words[i : i + n])) for i in range(len(words) - n + 1)])


def _in_two_or_more(grams: list[array[int]]) -> dict[int, frozenset[int]]:
    """Each n-gram hash found in two or more documents, with those documents.

    Counting every n-gram exactly would hold them all in a dict (about 100
    bytes each); instead two bitmaps of 16 bits per n-gram mark the hashes
    seen in one document and in a second, and only those marked twice (the
    shared ones, and about one unique n-gram in sixteen that shares its bits)
    are then counted exactly."""
    total = sum(len(hashes) for hashes in grams)
    bits = 1 << max(16, (16 * total).bit_length())
    mask = bits - 1
    once, twice = bytearray(bits >> 3), bytearray(bits >> 3)
    for hashes in grams:
        for h in set(hashes):
            at = h & mask
            byte, bit = at >> 3, 1 << (at & 7)
            if once[byte] & bit:
                twice[byte] |= bit
            else:
                once[byte] |= bit
    del once
    seen_in: dict[int, set[int]] = {}
    for index, hashes in enumerate(grams):
        for h in set(hashes):
            at = h & mask
            if twice[at >> 3] & (1 << (at & 7)):
                seen_in.setdefault(h, set()).add(index)
    return {h: frozenset(docs) for h, docs in seen_in.items() if len(docs) > 1}


def shared_passages(documents: Sequence[Document], min_words: int) -> tuple[SharedPassage, ...]:
    """The passages of ``min_words`` or more words found in two or more documents.

    Memory holds one 8-byte hash per word of the corpus, the bitmaps of
    :func:`_in_two_or_more` and the shared n-grams, never the words of every
    document at once; each document is cut into words again when its passages
    are read. (Two different n-grams with the same 64-bit hash, about one pair
    in 10^11 for a corpus of 30 million words, would be taken for one.)"""
    if min_words < 2:
        raise QueryError(f"min_words is at least 2, not {min_words}")
    grams = [_gram_hashes(_keys(doc.text), min_words) for doc in documents]
    shared = _in_two_or_more(grams)
    nowhere: frozenset[int] = frozenset()

    groups: dict[tuple[str, ...], list[tuple[int, Span]]] = {}
    for index, hashes in enumerate(grams):
        if not any(h in shared for h in hashes):
            continue
        words, offsets = _words(documents[index].text)
        run_start, run_docs = -1, nowhere
        for position in range(len(hashes) + 1):
            docs = shared.get(hashes[position], nowhere) if position < len(hashes) else nowhere
            if run_start >= 0 and docs != run_docs:
                last_word = position - 1 + min_words - 1
                key = tuple(words[run_start : last_word + 1])
                span = Span(offsets[run_start][0], offsets[last_word][1])
                groups.setdefault(key, []).append((index, span))
                run_start = -1
            if run_start < 0 and len(docs) > 1:
                run_start, run_docs = position, docs

    passages = []
    for key, places in groups.items():
        if len({index for index, _ in places}) < 2:
            continue
        occurrences = []
        for index, span in places:
            doc = documents[index]
            occurrences.append(Occurrence(document_id=doc.id, item=span, text=span.of(doc.text)))
        passages.append(
            SharedPassage(text=occurrences[0].text, words=len(key), occurrences=occurrences)
        )
    passages.sort(key=lambda p: (-len(p.document_ids), -p.words, p.text))
    return tuple(passages)
