"""Where sentences and quotations are in a text: the shared ground of person
mentions and quote attribution.

Both passes need to know what is inside quotation marks (a pronoun there
belongs to the quoted speaker's world) and where sentences end (without
ending one inside a quotation or after ``Mr.``).
"""

from __future__ import annotations

import bisect
import re

import attrs

from natojp._text.lexicon import ABBREVIATIONS

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A word, apostrophes inside it included (Japan’s, don't).
_SPACE = re.compile(r"\s+")
_MARK = re.compile(r"''|[“”\"‘’«»„]")
_CLOSER = {"“": "”", '"': '"', "''": "''", "‘": "’", "«": "»", "„": "“"}
_OPENERS = tuple(_CLOSER)
_LETTER = re.compile(r"[^\W\d_]")
# An HTML tag left in the text (``<td style="width: 10%">``): its marks quote
# nothing. The tag name must follow the ``<`` at once, so ``a < b > c`` is prose.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
# A mark right after ``=`` opens a value, not a quotation (``width="10%"``).
_VALUE_OPENER = "="
# A run of marks is tried from its first mark only (a lookbehind), so a long run
# of periods with no sentence after it costs its length once, not its square.
# The first mark of the run comes first, so that the engine scans for it
# quickly; the lookbehind after it checks that no mark comes before the run.
_SENTENCE_END = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*[\"'”’»)\]]*(?=\s+[\"“‘«(\[]?[^\W_a-z])|\n")
# The same ends, but a line break alone is no end unless a blank line or a list
# item follows, or a capital follows a short line (a heading, a byline): text
# wrapped at a fixed width runs its sentences over several lines ("I’ll be
# there\non Monday.").
_WRAPPED_SENTENCE_END = re.compile(
    r"[.!?…](?<![.!?…].)[.!?…]*[\"'”’»)\]]*(?=\s+[\"“‘«(\[]?[^\W_a-z])"
    r"|\r?\n(?=[ \t\r]{0,8}(?:\n|[-*•#>|]|\d{1,3}[.)]\s))"
    r"|(?P<capital>\r?\n(?=[^\W\d_a-z]))"
)
# A line shorter than this that is followed by a capital is a line of its own.
_SHORT_LINE = 40


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (newlines too) as one space, trimmed."""
    return _SPACE.sub(" ", text).strip()


@attrs.frozen
class Quotation:
    """Quoted words at ``start..end`` (inside the marks ``opener`` at
    ``open_at`` and ``closer`` at ``close_at``; ``close_at`` is ``end`` and
    ``closer`` empty when a quotation runs on into the next paragraph)."""

    open_at: int
    start: int
    end: int
    close_at: int
    opener: str
    closer: str


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, at = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        bounds.append((at, match.start()))
        at = match.end()
    bounds.append((at, len(text)))
    return bounds


def _tags(text: str) -> list[tuple[int, int]]:
    """The spans of the HTML tags in ``text``, in order (none without a ``<``)."""
    if "<" not in text:
        return []
    return [match.span() for match in _TAG.finditer(text)]


def _opens(text: str, mark: str, at: int) -> bool:
    """Whether ``mark`` at ``at`` can open a quotation (straight and single
    marks are apostrophes or closers when a letter comes before them, and
    open an attribute's value after ``=``)."""
    after = text[at + len(mark) : at + len(mark) + 1]
    if not after or after.isspace():
        return False
    if mark in ('"', "‘", "''"):
        before = text[at - 1 : at]
        return not before or not (before.isalnum() or before in ".,;!?" + _VALUE_OPENER)
    return mark in _CLOSER


def quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text``, in order. Unbalanced marks never raise: an
    opener without a closer in its paragraph is dropped, unless the next
    paragraph opens with the same mark (a quotation running on), and a closer
    without an opener is ignored. Marks inside an HTML tag, and a straight mark
    after ``=`` (an attribute's value), quote nothing. One pass over the marks."""
    found: list[Quotation] = []
    if not any(opener in text for opener in _OPENERS):
        return found  # no mark that opens a quotation ("’" alone closes or is an apostrophe)
    paragraphs = _paragraphs(text)
    tags = _tags(text)
    tag = 0  # the first tag that may hold a later mark
    for index, (lo, hi) in enumerate(paragraphs):
        opener, open_at = "", -1
        for match in _MARK.finditer(text, lo, hi):
            mark, at = match.group(), match.start()
            while tag < len(tags) and tags[tag][1] <= at:
                tag += 1
            if tag < len(tags) and tags[tag][0] < at:
                continue  # an attribute's mark inside an HTML tag
            if opener:
                if mark == _CLOSER[opener] and not (
                    mark == "’" and _LETTER.match(text[match.end() : match.end() + 1])
                ):
                    _add(found, text, open_at, opener, at, mark)
                    opener = ""
                    continue
                if mark == opener and mark in ("“", "«", "„") and _opens(text, mark, at):
                    opener, open_at = mark, at  # the earlier quotation never closed
                continue
            if mark in _CLOSER and _opens(text, mark, at):
                opener, open_at = mark, at
        if opener and index + 1 < len(paragraphs):
            nxt = paragraphs[index + 1][0]
            if text.startswith(opener, nxt):
                _add(found, text, open_at, opener, hi, "")
    return found


def _add(
    found: list[Quotation], text: str, open_at: int, opener: str, close_at: int, closer: str
) -> None:
    start, end = open_at + len(opener), close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if _LETTER.search(text, start, end):
        found.append(Quotation(open_at, start, end, close_at, opener, closer))


class Layout:
    """The sentences and quotations of one text, with fast lookups."""

    __slots__ = ("_quote_starts", "_sentence_starts", "quotations", "sentences", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotations = quotations(text)
        self._quote_starts = [q.open_at for q in self.quotations]
        self.sentences = split_sentences(text, self.quotations)
        self._sentence_starts = [s for s, _ in self.sentences]

    def quotation_at(self, position: int) -> Quotation | None:
        """The quotation whose marks enclose ``position``, if any."""
        index = bisect.bisect_right(self._quote_starts, position) - 1
        if index >= 0:
            quote = self.quotations[index]
            if quote.open_at <= position < quote.close_at + len(quote.closer):
                return quote
        return None

    def sentence_index(self, position: int) -> int:
        """The index in :attr:`sentences` of the sentence holding ``position``."""
        return max(0, bisect.bisect_right(self._sentence_starts, position) - 1)

    def starts_sentence(self, position: int) -> bool:
        """Whether a sentence begins at ``position``."""
        return self.sentences[self.sentence_index(position)][0] == position


def split_sentences(text: str, quotes: list[Quotation] | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each sentence of ``text``: ends at ``.``, ``!``,
    ``?`` and line breaks, not after an abbreviation or an initial, nor inside
    a quotation (``quotes``, found here when not given).

    >>> text = "Mr. Ito met Dr. Sato. They spoke."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Mr. Ito met Dr. Sato.', 'They spoke.']
    """
    if quotes is None:
        quotes = quotations(text)
    starts = [quote.open_at for quote in quotes]
    at = 0
    bounds: list[tuple[int, int]] = []
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group() != "\n":
            if quotes:
                index = bisect.bisect_right(starts, match.start()) - 1
                if (
                    index >= 0
                    and quotes[index].open_at <= match.start()
                    and end <= quotes[index].close_at
                ):
                    continue  # inside a quotation: the sentence goes on
            if _abbreviated(text, match, at):
                continue
        _append(bounds, text, at, end)
        at = end
    _append(bounds, text, at, len(text))
    return bounds or [(0, len(text))]


def _append(bounds: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    if start < end:
        bounds.append((start, end))


def _abbreviated(text: str, match: re.Match[str], floor: int) -> bool:
    """Whether the period of a sentence-end ``match`` ends an abbreviation
    (``Mr.``, ``Jan.``, ``U.S.``) or an initial (``R.``) rather than a sentence."""
    if match.group()[0] != ".":
        return False
    # The word before the period: the run of letters, digits, "_" and "." that
    # ends there, looked for within 12 characters.
    end = match.start()
    word = _WORD_BEFORE.search(text, max(floor, end - 12), end)
    if word is None:
        return False
    return word[0].lower() in ABBREVIATIONS or _initial(word[0])


def sentence_around(text: str, start: int, end: int, *, context: int = 300) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]``, looking at most
    ``context`` characters either side (so that long lines stay linear); the
    same sentence ends as :class:`Layout` finds, without its quotation rule
    (which needs the whole text), and reading a line break inside a paragraph
    as a space, as in text wrapped at a fixed width.

    >>> text = "He left. Mr. Ito met Dr. Sato on Tuesday. They spoke."
    >>> left, right = sentence_around(text, 33, 40)
    >>> text[left:right]
    'Mr. Ito met Dr. Sato on Tuesday'
    >>> text = "Support for Ukraine. Earlier today, I visited Iruma."
    >>> left, right = sentence_around(text, 21, 34)
    >>> text[left:right]
    'Earlier today, I visited Iruma.'
    >>> text = "I’ll be there\\non Monday.\\n\\nThanks."
    >>> left, right = sentence_around(text, 17, 23)
    >>> text[left:right]
    'I’ll be there\\non Monday'
    """
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    # The search runs past ``start``: a sentence end is known by the capital
    # after it, which its lookahead must see.
    before: list[re.Match[str]] = []
    for match in _WRAPPED_SENTENCE_END.finditer(text, lo, hi):
        if match.end() > start:
            break
        before.append(match)
    # the last end before ``start`` is the sentence's start: checked from the right
    left = next((m.end() for m in reversed(before) if _ends_sentence(text, m, lo)), lo)
    while left < start and text[left].isspace():
        left += 1
    for match in _WRAPPED_SENTENCE_END.finditer(text, end, hi):
        if _ends_sentence(text, match, end):
            return left, match.start()
    return left, hi


def _ends_sentence(text: str, match: re.Match[str], floor: int) -> bool:
    """Whether a match of the wrapped-text pattern ends a sentence: not after an
    abbreviation, and a line break before a capital only after a short line."""
    if match["capital"] is not None:
        line_start = text.rfind("\n", 0, match.start()) + 1
        if match.start() - line_start >= _SHORT_LINE:
            return False
        # a line that ends on "in", "the" or "and" runs on: "beat him in\nNovember"
        last_word = text[line_start : match.start()].rsplit(None, 1)
        return not last_word or last_word[-1].lower() not in _RUNS_ON
    return not _abbreviated(text, match, floor)


# Words a sentence does not end on: a line ending with one goes on below.
_RUNS_ON = frozenset(
    ("a", "an", "the", "in", "on", "of", "to", "at", "by", "for", "from", "with", "and", "or",
     "but", "than", "as", "into", "until", "since", "during", "about")
)  # fmt: skip


# The run of letters, digits, "_" and "." that ends where a search ends.
_WORD_BEFORE = re.compile(r"[\w.]{1,12}$")


def _initial(word: str) -> bool:
    """A single letter, as in ``Joseph R. Biden`` (a number before a period,
    as in ``on Sept. 5.``, ends the sentence)."""
    return len(word) == 1 and word.isalpha()
