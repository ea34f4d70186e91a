"""Full-text search: a small query language compiled to SQLite FTS5, BM25
ranking, and the matches found again as spans in each hit's text.

The query language is FTS5's, made forgiving: words match whole words,
ignoring case and diacritics; ``"a phrase"``; ``word*`` and ``"a phr"*`` for
prefixes; ``AND`` (or nothing between terms), ``OR``, ``NOT`` and parentheses,
with ``NOT`` binding tightest and ``OR`` loosest. A word written with
punctuation inside (``Indo-Pacific``, ``U.S.``) is searched as the phrase of
its parts, as FTS5 indexes it.

The index is contentless (it keeps no copy of the text), so spans and
snippets come from re-finding the query's terms in the documents that hit.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from natojp._text.spans import one_line
from natojp._text.words import WORD_PART, fold
from natojp.errors import QueryError
from natojp.models import Document, Span

_TOKEN = re.compile(r'\s*(?:"([^"]*)("?)(\*?)|(\()|(\))|([^\s()"]+))')
_WORD_PART = re.compile(WORD_PART)
_OPERATORS = ("AND", "OR", "NOT")


@attrs.frozen
class Term:
    """Words that must occur in this order; the last may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")

    def pattern(self, *, accents: bool = True) -> str:
        """A regular expression finding the term in text; with ``accents``,
        letters also match their forms with diacritics (``cafe`` finds
        ``café``), as the index does."""
        spell = _letters if accents else re.escape
        # The first letter comes first, so that the engine skips ahead to where
        # it is; that no letter goes before it is checked just after it.
        first = spell(self.words[0][:1])
        words = [first + r"(?<![^\W_]" + first + ")" + spell(self.words[0][1:])]
        body = r"[\W_]+".join([*words, *(spell(w) for w in self.words[1:])])
        tail = r"[^\W_]*" if self.prefix else r"(?![^\W_])"
        return body + tail

    def literal_pattern(self) -> str:
        """:meth:`pattern` for text in the term's own case and without accented
        letters, written to start with the first word itself, so that the
        engine looks for that literal: what comes before it is checked after,
        by a lookbehind as wide as the word and one character more."""
        first = re.escape(self.words[0])
        body = r"[\W_]+".join(
            [first + r"(?<![^\W_]" + first + ")", *map(re.escape, self.words[1:])]
        )
        tail = r"[^\W_]*" if self.prefix else r"(?![^\W_])"
        return body + tail


@attrs.frozen
class Operation:
    """``operands`` joined by ``operator``: all of them (``AND``), any
    (``OR``), or the first without each of the others (``NOT``, read left to
    right as FTS5 reads it). A chain of one operator is one operation, so a
    long query is a wide tree, not a deep one."""

    operator: str
    operands: tuple[Term | Operation, ...]

    def fts(self) -> str:
        return f" {self.operator} ".join(f"({operand.fts()})" for operand in self.operands)


Query = Term | Operation


def term(text: str, *, prefix: bool = False, keep_case: bool = False) -> Term:
    """The term for ``text``: its words without diacritics, as the index has
    them, and in lower case unless ``keep_case`` (the index ignores case)."""
    words = tuple(fold(w) if keep_case else fold(w).casefold() for w in _WORD_PART.findall(text))
    if not words:
        raise QueryError(f"{text!r} has no letters or digits to search for")
    return Term(words, prefix)


def written(text: str, *, keep_case: bool = False) -> Term:
    """The term for a word or phrase as a user writes it, ``*`` at its end
    making the last word a prefix (``"nuclear weap*"``)."""
    text = text.rstrip()
    return term(text.rstrip("*"), prefix=text.endswith("*"), keep_case=keep_case)


def parse(query: str) -> Query:
    """The query tree of ``query``; :class:`QueryError` saying what is wrong.

    >>> parse('"Beijing is watching" AND jap* NOT Russia').fts()
    '("beijing is watching") AND (("jap"*) NOT ("russia"))'
    """
    tokens: list[Term | str] = []
    at, size = 0, len(query)
    while at < size:
        match = _TOKEN.match(query, at)
        if match is None or match.end() == at:
            break
        at = match.end()
        phrase, closed, star, opening, closing, bare = match.groups()
        if phrase is not None:
            if not closed:
                raise QueryError(f'unclosed quotation mark in {query!r}; close the phrase with "')
            tokens.append(term(phrase, prefix=bool(star)))
        elif opening or closing:
            tokens.append(opening or closing)
        elif bare in _OPERATORS:
            tokens.append(bare)
        elif bare:
            tokens.append(written(bare))
    if not tokens:
        raise QueryError('the query is empty; give words, a "phrase" or a prefix*')
    _check_depth(tokens)
    parser = _Parser(tokens, query)
    tree = parser.any_of()
    if parser.at < len(tokens):
        raise QueryError(f"unexpected {tokens[parser.at]!r} in {query!r}")
    return tree


MAX_DEPTH = 30
"""How deep parentheses may nest in a query. SQLite's FTS5 parser runs out of
stack a little deeper (about 32 levels), and no real query comes close."""


def _check_depth(tokens: Sequence[Term | str]) -> None:
    depth = 0
    for token in tokens:
        if token == "(":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(
                    f"the query nests too deeply: parentheses go more than {MAX_DEPTH} levels deep"
                )
        elif token == ")":
            depth -= 1


def _joined(operator: str, operands: list[Query]) -> Query:
    """One operation of ``operator`` over ``operands``, taking in the operands
    of an AND inside an AND (or an OR inside an OR), which mean the same."""
    if len(operands) == 1:
        return operands[0]
    flat: list[Query] = []
    for operand in operands:
        if operator != "NOT" and isinstance(operand, Operation) and operand.operator == operator:
            flat.extend(operand.operands)
        else:
            flat.append(operand)
    return Operation(operator, tuple(flat))


class _Parser:
    """Recursive descent over the tokens: OR of ANDs of NOTs of terms. It
    recurses only into parentheses, which :func:`_check_depth` bounds."""

    def __init__(self, tokens: list[Term | str], query: str) -> None:
        self.tokens, self.query, self.at = tokens, query, 0

    def _peek(self) -> Term | str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def any_of(self) -> Query:
        operands = [self.all_of()]
        while self._peek() == "OR":
            self.at += 1
            operands.append(self.all_of())
        return _joined("OR", operands)

    def all_of(self) -> Query:
        operands = [self.excluding()]
        while (token := self._peek()) is not None and token not in ("OR", ")"):
            if token == "AND":
                self.at += 1
            operands.append(self.excluding())
        return _joined("AND", operands)

    def excluding(self) -> Query:
        operands = [self.single()]
        while self._peek() == "NOT":
            self.at += 1
            operands.append(self.single())
        return _joined("NOT", operands)

    def single(self) -> Query:
        token = self._peek()
        self.at += 1
        if isinstance(token, Term):
            return token
        if token == "(":
            node = self.any_of()
            if self._peek() != ")":
                raise QueryError(f"unclosed parenthesis in {self.query!r}")
            self.at += 1
            return node
        if token == "NOT":
            raise QueryError(
                f"NOT needs something before it in {self.query!r}: write 'nato NOT russia'"
            )
        if token is None:
            raise QueryError(f"{self.query!r} ends too early: an operator needs a term after it")
        raise QueryError(f"unexpected {token!r} in {self.query!r}")


def wanted_terms(query: Query) -> list[Term]:
    """The terms a match shows (not the ones after a ``NOT``)."""
    if isinstance(query, Term):
        return [query]
    shown = query.operands[:1] if query.operator == "NOT" else query.operands
    return [term for operand in shown for term in wanted_terms(operand)]


@functools.lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Each letter to itself and the letters that are it with diacritics."""
    found: dict[str, list[str]] = {}
    for code in range(0x80, 0x3000):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char:
            found.setdefault(base, [base]).append(char)
    return {base: "".join(chars) for base, chars in found.items()}


def _letters(word: str) -> str:
    variants = _variants()
    return "".join(f"[{re.escape(variants[c])}]" if c in variants else re.escape(c) for c in word)


@functools.lru_cache(maxsize=1)
def _accented() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(v[1:] for v in _variants().values())) + "]")


@functools.lru_cache(maxsize=256)
def _compiled(terms: tuple[Term, ...], accents: bool, flags: int) -> re.Pattern[str]:
    return re.compile("|".join(t.pattern(accents=accents) for t in terms), flags)


@functools.lru_cache(maxsize=256)
def _literal(terms: tuple[Term, ...]) -> re.Pattern[str]:
    return re.compile("|".join(t.literal_pattern() for t in terms))


# Letters that ignoring case matches to an ASCII letter though lower() does not
# make them one (long s, Kelvin sign, dotted and dotless i).
_FOLDS_TO_ASCII = "\u017f\u212a\u0130\u0131"


@functools.lru_cache(maxsize=1)
def _unplain() -> re.Pattern[str]:
    """Any letter that keeps a text off the quick path, found in one pass: an
    accented one, one of :data:`_FOLDS_TO_ASCII`, or one whose lower case is
    not its case fold (``ς``, ``µ``, ``ß``; and ``Σ``, whose lower case depends
    on the letter after it), where lower-cased text and a case-folded query
    would disagree though a case-blind match agrees."""
    accented = "".join(v[1:] for v in _variants().values())
    folding = "".join(
        c for c in map(chr, range(0x80, 0x10000)) if c.lower() != c.casefold() or c == "Σ"
    )
    return re.compile("[" + re.escape(accented + _FOLDS_TO_ASCII + folding) + "]")


def finder(
    terms: Iterable[Term], *, case_sensitive: bool = False
) -> Callable[[str], Iterator[re.Match[str]]]:
    """A function giving the matches of ``terms`` in a text, ignoring diacritics
    and (unless ``case_sensitive``) case. Texts without accented letters are
    searched with a plain pattern, quicker to compile than one that also spells
    each letter's accented forms."""
    wanted = tuple(terms)
    flags = 0 if case_sensitive else re.IGNORECASE
    lowered_terms = tuple(Term(tuple(w.lower() for w in t.words), t.prefix) for t in wanted)

    def matches(text: str) -> Iterator[re.Match[str]]:
        unplain = None if text.isascii() else _unplain().search(text)
        plain = unplain is None
        if unplain is not None and (
            unplain.group() not in _FOLDS_TO_ASCII or _accented().search(text) is not None
        ):
            return _compiled(wanted, True, flags).finditer(text)
        if case_sensitive:
            return _literal(wanted).finditer(text)
        # A literal search of the lower-cased text is many times quicker than
        # a case-blind pattern, and finds the same spans where lowering keeps
        # every offset.
        lowered = text.lower()
        if plain and len(lowered) == len(text):
            return _literal(lowered_terms).finditer(lowered)
        return _compiled(wanted, False, flags).finditer(text)

    return matches


def snippet(text: str, span: Span | None, width: int = 160) -> str:
    """About ``width`` characters of ``text`` around ``span``, on one line, with
    ``…`` where it is cut."""
    if span is None:
        start, end = 0, min(len(text), width)
    else:
        start = max(0, span.start - (width - len(span)) // 3)
        end = min(len(text), max(span.end, start + width))
        while start > 0 and not text[start - 1].isspace() and span.start - start < width:
            start -= 1
        while end < len(text) and not text[end].isspace() and end - span.end < width:
            end += 1
    body = one_line(text[start:end])
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


class FullTextIndex:
    """An FTS5 index of documents' texts by position, built on first use and
    safe to share between threads (and between a corpus and the corpora
    filtered from it)."""

    __slots__ = ("_db", "_documents", "_lock")

    def __init__(self, documents: Sequence[Document]) -> None:
        self._documents = documents
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            db = sqlite3.connect(":memory:", check_same_thread=False)
            db.execute(
                "CREATE VIRTUAL TABLE fts USING fts5("
                "text, content='', tokenize='unicode61 remove_diacritics 2')"
            )
            rows = ((i, doc.text) for i, doc in enumerate(self._documents))
            db.executemany("INSERT INTO fts(rowid, text) VALUES (?, ?)", rows)
            self._db = db
        return self._db

    def build(self) -> None:
        """Build the index now rather than on the first search."""
        with self._lock:
            self._connection()

    def ranked(self, query: Query, limit: int | None = None) -> list[tuple[int, float]]:
        """``(position, score)`` of the (first ``limit``) texts matching
        ``query``, best first; scores are BM25, higher better."""
        sql = "SELECT rowid, -bm25(fts) FROM fts WHERE fts MATCH ? ORDER BY bm25(fts)"
        return self._run(sql if limit is None else f"{sql} LIMIT {int(limit)}", query)

    def positions(self, query: Query) -> list[int]:
        """The positions of the texts matching ``query``, in order."""
        rows = self._run("SELECT rowid, 0 FROM fts WHERE fts MATCH ? ORDER BY rowid", query)
        return [row for row, _ in rows]

    def _run(self, sql: str, query: Query) -> list[tuple[int, float]]:
        with self._lock:
            try:
                rows = self._connection().execute(sql, (query.fts(),)).fetchall()
            except sqlite3.Error as exc:
                if "stack overflow" in str(exc) or "too large" in str(exc):
                    raise QueryError(
                        f"the query nests too deeply for the search engine ({exc})"
                    ) from None
                raise QueryError(f"the search engine refused the query: {exc}") from None
        return [(int(row), float(score)) for row, score in rows]
