"""The exceptions natojp raises.

Every error natojp raises on bad input is a :class:`NatojpError`, so one
``except natojp.errors.NatojpError`` catches them all. Each one says which file
(``path``) and, where it is known, which ``line`` and ``column`` the problem is at,
so that a user can open the file and look.

>>> from natojp.errors import FormatError
>>> err = FormatError("the file is empty", path="notes.txt")
>>> str(err)
'notes.txt: the file is empty'
>>> err.path
'notes.txt'
"""

from __future__ import annotations

__all__ = [
    "DateError",
    "DecodeError",
    "DuplicateIdError",
    "FormatError",
    "MissingExtraError",
    "NatojpError",
    "NotInCorpusError",
    "PositionError",
    "ProcessingError",
    "QueryError",
    "SchemaError",
    "UnknownIdError",
]


class NatojpError(Exception):
    """Base class of every error natojp raises on bad input.

    ``path``, ``line`` and ``column`` locate the problem where it is known (lines
    and columns count from 1). ``reason`` is the message without the location.

    >>> err = NatojpError("something is wrong", path="a.txt", line=3)
    >>> str(err)
    'a.txt:3: something is wrong'
    """

    def __init__(
        self,
        reason: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self._format())

    def _format(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        return where + self.reason

    def __str__(self) -> str:
        # KeyError's own __str__ would print the message as a quoted repr.
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments do not survive the default pickling of exceptions,
        # and errors cross process boundaries when users load files in parallel.
        return (_rebuild, (type(self), self.reason, self.__dict__))


def _rebuild(cls: type[NatojpError], reason: str, state: dict[str, object]) -> NatojpError:
    err = cls.__new__(cls)
    Exception.__init__(err, reason)
    err.__dict__.update(state)
    err.args = (err._format(),)
    return err


class DecodeError(NatojpError):
    """The bytes of a file are not text natojp can read.

    ``offset`` is the byte offset of the first offending byte.

    >>> err = DecodeError("NUL byte: this is not a text file", path="scan.pdf", offset=10, line=1)
    >>> err.offset
    10
    """

    def __init__(
        self,
        reason: str,
        *,
        path: str | None = None,
        offset: int | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.offset = offset
        super().__init__(reason, path=path, line=line, column=column)

    def _format(self) -> str:
        base = super()._format()
        if self.offset is not None:
            return f"{base} (at byte {self.offset})"
        return base


class FormatError(NatojpError):
    """The text cannot be a document (it is empty or blank), or a format named by
    the caller does not exist or cannot read it.

    >>> raise FormatError("no text, only white space", path="blank.txt")
    Traceback (most recent call last):
    ...
    natojp.errors.FormatError: blank.txt: no text, only white space
    """


class ProcessingError(NatojpError):
    """natojp failed on a file for a reason of its own (a bug), not because the
    file is bad. A lenient load reports it like any other failure and goes on;
    the message names the file and the original exception, to report.

    >>> str(ProcessingError("natojp failed on this file (ValueError: x)", path="a.txt"))
    'a.txt: natojp failed on this file (ValueError: x)'

    .. versionadded:: 0.1
    """


class SchemaError(NatojpError):
    """JSON that does not match natojp's document model.

    ``json_path`` names the offending field, e.g. ``$.documents[0].date``.

    >>> err = SchemaError("expected a string", json_path="$.title")
    >>> str(err)
    '$.title: expected a string'
    """

    def __init__(
        self,
        reason: str,
        *,
        json_path: str | None = None,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.json_path = json_path
        super().__init__(reason, path=path, line=line, column=column)

    def _format(self) -> str:
        base = self.reason if self.json_path is None else f"{self.json_path}: {self.reason}"
        where = NatojpError("", path=self.path, line=self.line, column=self.column)._format()
        return where + base


class DateError(NatojpError, ValueError):
    """Text that is not a date natojp can read.

    It is also a :class:`ValueError`, like the standard library's date parsers raise.

    >>> from natojp.dates import parse_date
    >>> parse_date("98 views")
    Traceback (most recent call last):
    ...
    natojp.errors.DateError: not a date: '98 views'
    """


class QueryError(NatojpError, ValueError):
    """A query that cannot run: an unknown document id, a bad filter value, an
    invalid pattern. It is also a :class:`ValueError`.

    >>> str(QueryError("no document with id 'nope'"))
    "no document with id 'nope'"

    .. versionchanged:: 0.1
       Also a :class:`ValueError`.
    """


class UnknownIdError(QueryError, KeyError):
    """No document has this id: ``corpus["nope"]``. It is also a
    :class:`KeyError`, so code written for mappings catches it.

    >>> import natojp
    >>> try:
    ...     natojp.load_corpus()["nope"]
    ... except KeyError as err:
    ...     print(err)
    no document with id 'nope'; ids look like '2022-06-30-nikkei-op-ed', ...

    .. versionadded:: 0.1
    """


class PositionError(QueryError, IndexError):
    """A position past the end of a corpus: ``corpus[99]``. It is also an
    :class:`IndexError`, so code written for sequences catches it.

    >>> import natojp
    >>> natojp.load_corpus()[99]
    Traceback (most recent call last):
    ...
    natojp.errors.PositionError: document index 99 is out of range for 5 documents

    .. versionadded:: 0.1
    """


class NotInCorpusError(QueryError):
    """``corpus.index(document)`` for a document the corpus does not hold; a
    :class:`ValueError`, as :meth:`list.index` raises.

    >>> import natojp
    >>> natojp.load_corpus().index("nope")
    Traceback (most recent call last):
    ...
    natojp.errors.NotInCorpusError: 'nope' is not in this corpus

    .. versionadded:: 0.1
    """


class DuplicateIdError(NatojpError, ValueError):
    """Two documents in one corpus share an id (``Corpus([a, a])``,
    ``corpus + corpus``). It is also a :class:`ValueError`.

    >>> import natojp
    >>> corpus = natojp.load_corpus()
    >>> corpus + corpus
    Traceback (most recent call last):
    ...
    natojp.errors.DuplicateIdError: two documents share the id '2022-06-30-nikkei-op-ed'; ...

    .. versionadded:: 0.1
    """


class MissingExtraError(NatojpError, ImportError):
    """A feature needs an optional package that is not installed; the message
    says which extra of natojp installs it.

    >>> print(MissingExtraError("pandas", "pandas"))
    this needs pandas, which is not installed: pip install 'natojp[pandas]'
    """

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"this needs {package}, which is not installed: pip install 'natojp[{extra}]'"
        )
