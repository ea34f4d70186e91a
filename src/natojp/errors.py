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
    "FormatError",
    "MissingExtraError",
    "NatojpError",
    "ProcessingError",
    "QueryError",
    "SchemaError",
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


class QueryError(NatojpError):
    """A query that cannot run: an unknown document id, a bad filter value, an
    invalid pattern.

    >>> str(QueryError("no document with id 'nope'"))
    "no document with id 'nope'"
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
