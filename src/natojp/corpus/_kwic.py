"""Keyword in context, and the time limit that keeps a user's regular
expression from hanging the process.

Python's ``re`` backtracks, and some patterns (``(a+)+$``, ``(\\w+\\s?)*;``,
``(\\w{1,50}\\s?){1,50};``) take exponential time on text that almost
matches. No inspection of a pattern tells them all apart, so every pattern is
run by the :mod:`regex` package, which reads ``re``'s syntax (its version 0)
and stops matching when a time limit runs out. The limit is one budget for the
whole search, over every text, so that no pattern hangs the process; it needs
no child process, so it works in a daemonic worker of a process pool too.
"""

from __future__ import annotations

import itertools
import re
import time
import warnings
from collections.abc import Sequence

import regex

from natojp._text.spans import one_line
from natojp._text.words import WORD
from natojp.errors import QueryError
from natojp.models import KwicLine, Span

_TOKEN = re.compile(WORD + r"|[^\w\s]")

TIMEOUT = 10.0
"""Seconds a regular expression may run, in all, in one search."""


def compile_pattern(pattern: str, *, case_sensitive: bool) -> regex.Pattern[str]:
    """``pattern`` compiled for :func:`guarded_spans`, or a :class:`QueryError`
    saying where it is wrong.

    The pattern is checked by ``re`` first, so that what ``re`` refuses is refused
    (with ``re``'s message), then compiled by :mod:`regex` with ``re``'s syntax.

    >>> compile_pattern(r"Japan(ese)?", case_sensitive=False).search("JAPANESE").group()
    'JAPANESE'
    >>> compile_pattern("(unclosed", case_sensitive=True)
    Traceback (most recent call last):
    ...
    natojp.errors.QueryError: invalid regular expression '(unclosed': missing ), ...
    """
    try:
        with warnings.catch_warnings():
            # re's FutureWarning ("Possible nested set", "[[") is about re's own
            # future syntax; the pattern runs under regex V0, so it is noise here.
            warnings.simplefilter("ignore", FutureWarning)
            re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise QueryError(f"invalid regular expression {pattern!r}: {exc.msg}{where}") from None
    try:
        return regex.compile(pattern, regex.V0 | (0 if case_sensitive else regex.IGNORECASE))
    except regex.error as exc:  # pragma: no cover - re accepted it; regex reads the same syntax
        raise QueryError(f"invalid regular expression {pattern!r}: {exc}") from None


def guarded_spans(
    pattern: regex.Pattern[str], texts: Sequence[str], *, timeout: float = TIMEOUT
) -> list[list[tuple[int, int]]]:
    """The non-empty matches of ``pattern`` in each text, or a :class:`QueryError`
    when the search of all of them takes more than ``timeout`` seconds.

    >>> pattern = compile_pattern(r"\\bNATO\\b", case_sensitive=True)
    >>> guarded_spans(pattern, ["NATO and Japan", "Japan", "NATO, NATO"])
    [[(0, 4)], [], [(0, 4), (6, 10)]]
    >>> slow = compile_pattern(r"(\\w{1,50}\\s?){1,50};", case_sensitive=False)
    >>> guarded_spans(slow, ["NATO and Japan agreed to deepen their ties - indeed; they did."],
    ...               timeout=0.1)
    Traceback (most recent call last):
    ...
    natojp.errors.QueryError: the regular expression ... is too slow on this text: it did not \
finish in 0.1 s. ...
    """
    deadline = time.monotonic() + timeout
    found: list[list[tuple[int, int]]] = []
    try:
        for text in texts:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            spans = []
            for match in pattern.finditer(text, timeout=left):
                if match.end() > match.start():
                    spans.append(match.span())
            found.append(spans)
    except TimeoutError:
        raise QueryError(
            f"the regular expression {pattern.pattern!r} is too slow on this text: it did not "
            f"finish in {timeout:g} s. It backtracks: a repeat inside a repeat ((a+)+, "
            f"(\\w{{1,50}}\\s?){{1,50}}) tries every way to split the text before it fails. "
            f"Make each part match one way only ((a+)+ -> a+, (\\w+\\s?)* -> [\\w\\s]*), "
            f"or pass a longer timeout="
        ) from None
    return found


def context(text: str, span: Span, window: int) -> tuple[str, str]:
    """Up to ``window`` words (punctuation marks count as words) left and right
    of ``span``, each on one line, looked for within ``40 * window + 40``
    characters either side."""
    if window <= 0:
        return "", ""
    reach = 40 * window + 40
    return one_line(_left(text, span.start, window, reach)), one_line(
        _right(text, span.end, window, reach)
    )


# Most words are short: a first look this far usually finds the window, so
# only the odd long stretch pays for a look as far as ``reach``.
def _first_look(window: int, reach: int) -> int:
    return min(reach, 8 * window + 16)


def _left(text: str, start: int, window: int, reach: int) -> str:
    near = _first_look(window, reach)
    before = text[max(0, start - near) : start]
    tokens = list(_TOKEN.finditer(before))
    # The first token may be the cut end of a longer word ("’s" of "Japan’s"
    # gives two), so the near look is enough only with two tokens to spare.
    if not (len(tokens) >= window + 2 or start <= near):
        before = text[max(0, start - reach) : start]
        tokens = list(_TOKEN.finditer(before))
    kept = tokens[-window:]
    return before[kept[0].start() :] if kept else ""


def _right(text: str, end: int, window: int, reach: int) -> str:
    near = _first_look(window, reach)
    after = text[end : end + near]
    tokens = list(itertools.islice(_TOKEN.finditer(after), window))
    # The last token may be cut short ("Japan’" of "Japan’s"): the near look is
    # enough if it ends two characters before the look does, or the text does.
    complete = end + near >= len(text) or (tokens and tokens[-1].end() + 2 <= len(after))
    if not (len(tokens) == window and complete) and not end + near >= len(text):
        after = text[end : end + reach]
        tokens = list(itertools.islice(_TOKEN.finditer(after), window))
    return after[: tokens[-1].end()] if tokens else ""


def lines(
    document_id: str, text: str, spans: Sequence[tuple[int, int]], window: int
) -> list[KwicLine]:
    """The KWIC lines of the matches at ``spans`` in one document."""
    found = []
    for start, end in spans:
        span = Span(start, end)
        left, right = context(text, span, window)
        found.append(
            KwicLine(
                document_id=document_id, left=left, match=text[start:end], right=right, span=span
            )
        )
    return found
