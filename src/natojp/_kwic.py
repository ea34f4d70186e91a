"""Keyword in context, and the guard that keeps a user's regular expression
from hanging the process.

Python's ``re`` backtracks, and some patterns (``(a+)+$``, ``(\\w+\\s?)*;``)
take exponential time on text that almost matches. Such patterns have a
recognisable shape: a repeat inside a repeat, a repeated alternation, a
backreference, or many unbounded repeats. A pattern of that shape is run in
a child process that is killed when it overruns its time; any other pattern
runs here.
"""

from __future__ import annotations

import itertools
import multiprocessing
import re
import sys
import threading
from collections.abc import Sequence
from typing import Any

from natojp._spans import WORD, one_line
from natojp.errors import QueryError
from natojp.models import KwicLine, Span

if sys.version_info >= (3, 11):
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
else:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

_TOKEN = re.compile(WORD + r"|[^\w\s]")
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT"}


def compile_pattern(pattern: str, *, case_sensitive: bool) -> re.Pattern[str]:
    """``pattern`` compiled, or a :class:`QueryError` saying where it is wrong."""
    try:
        return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise QueryError(f"invalid regular expression {pattern!r}: {exc.msg}{where}") from None


def risk(pattern: str) -> str | None:
    """Why ``pattern`` might backtrack catastrophically, or ``None``.

    >>> risk(r"(a+)+$")
    'a repeat inside a repeat'
    >>> risk(r"Japan(ese)?") is None
    True
    """
    unbounded = 0

    def walk(items: Any, repeated: bool) -> str | None:
        nonlocal unbounded
        for op, arg in items:
            name = str(op)
            found: str | None = None
            if name in _REPEATS:
                low, high, body = arg
                open_ended = high == _sre.MAXREPEAT or high - low > 50
                if open_ended:
                    if repeated:
                        return "a repeat inside a repeat"
                    unbounded += 1
                    if _has_branch(body):
                        return "a repeated alternation"
                found = walk(body, repeated or open_ended)
            elif name == "SUBPATTERN":
                found = walk(arg[-1], repeated)
            elif name == "BRANCH":
                for branch in arg[1]:
                    found = found or walk(branch, repeated)
            elif name in ("ASSERT", "ASSERT_NOT"):
                found = walk(arg[1], repeated)
            elif name == "ATOMIC_GROUP":
                found = walk(arg, repeated)
            elif name in ("GROUPREF", "GROUPREF_EXISTS"):
                return "a backreference"
            if found:
                return found
        return None

    reason = walk(_sre_parse.parse(pattern), False)
    if reason is None and unbounded >= 3:
        reason = "three or more unbounded repeats"
    return reason


def _has_branch(items: Any) -> bool:
    for op, arg in items:
        name = str(op)
        if name == "BRANCH":
            return True
        if name == "SUBPATTERN" and _has_branch(arg[-1]):
            return True
    return False


def _all_spans(pattern: re.Pattern[str], texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in pattern.finditer(text) if m.end() > m.start()] for text in texts]


def _child(pattern: re.Pattern[str], texts: Sequence[str], conn: Any) -> None:
    conn.send(_all_spans(pattern, texts))
    conn.close()


def guarded_spans(
    pattern: re.Pattern[str], texts: Sequence[str], *, timeout: float
) -> list[list[tuple[int, int]]]:
    """The non-empty matches of ``pattern`` in each text; a risky pattern runs
    in a child process and raises :class:`QueryError` after ``timeout`` seconds."""
    reason = risk(pattern.pattern)
    if reason is None:
        return _all_spans(pattern, texts)
    methods = multiprocessing.get_all_start_methods()
    lonely = threading.active_count() == 1
    context: Any = multiprocessing.get_context("fork" if "fork" in methods and lonely else "spawn")
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_child, args=(pattern, texts, send), daemon=True)
    worker.start()
    send.close()
    try:
        if receive.poll(timeout):
            result: list[list[tuple[int, int]]] = receive.recv()
            return result
    except EOFError:
        pass
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receive.close()
    raise QueryError(
        f"the regular expression {pattern.pattern!r} did not finish in {timeout:g} s; "
        f"it has {reason}, which can backtrack without end: make the repeated part "
        f"match one way only (e.g. (a+)+ -> a+), or pass a longer timeout="
    )


def context(text: str, span: Span, window: int) -> tuple[str, str]:
    """Up to ``window`` words (punctuation marks count as words) left and right
    of ``span``, each on one line."""
    if window <= 0:
        return "", ""
    reach = 40 * window + 40
    before = text[max(0, span.start - reach) : span.start]
    left_tokens = list(_TOKEN.finditer(before))[-window:]
    left = before[left_tokens[0].start() :] if left_tokens else ""
    after = text[span.end : span.end + reach]
    right_tokens = list(itertools.islice(_TOKEN.finditer(after), window))
    right = after[: right_tokens[-1].end()] if right_tokens else ""
    return one_line(left), one_line(right)


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
