"""Writing a file all at once or not at all.

:func:`atomic_write` writes to a temporary file in the target's folder and,
only once everything is written, flushed and synced to disk, renames it over
the target (:func:`os.replace`, atomic on POSIX and Windows). A crash, a kill,
a full disk or an exception in the middle leaves the old file as it was (or no
file), never a truncated one; the temporary file is removed, except after a
kill, which gives no chance to (it is hidden, ``.NAME.XXXXXXXX.tmp``).

An :class:`OSError` while writing (a full disk, a missing folder) is raised as
an :class:`OSError` of the same ``errno`` whose ``filename`` is the target, so
its message names the file the caller asked for, not the temporary one.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with atomic_write(path) as handle:
...     _ = handle.write("all or nothing\\n")
>>> path.read_text()
'all or nothing\\n'
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload

__all__ = ["atomic_folder", "atomic_write"]


def _open(fd: int, mode: str, encoding: str | None, newline: str | None) -> IO[Any]:
    """The file object over ``fd`` (a seam for tests that simulate a full disk)."""
    return os.fdopen(fd, mode, encoding=encoding, newline=newline)


def _temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty file beside the target, created with the permissions a
    plain ``open(..., "w")`` would give (0o666 less the umask)."""
    for _ in range(100):
        temp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:  # pragma: no cover - 2**32 names; a clash is rare
            continue
    raise FileExistsError(  # pragma: no cover - as above
        errno.EEXIST, "no free temporary file name", str(folder)
    )


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _named(exc: OSError, target: Path, shown: str) -> OSError:
    """``exc`` naming ``shown`` where it named nothing or a temporary file of ``target``."""
    if exc.filename is not None:
        name = os.path.basename(os.fspath(exc.filename))
        if not (name.startswith(f".{target.name}.") and name.endswith(".tmp")):
            return exc
    return OSError(exc.errno, exc.strerror or str(exc), shown)


@overload
def atomic_write(
    path: str | os.PathLike[str],
    *,
    binary: Literal[False] = False,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_write(
    path: str | os.PathLike[str],
    *,
    binary: Literal[True],
    encoding: str = "utf-8",
    newline: str | None = None,
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
def atomic_write(
    path: str | os.PathLike[str],
    *,
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> contextlib.AbstractContextManager[IO[Any]]:
    """A context manager giving a file to write ``path`` through: text (in
    ``encoding``, with ``newline`` as :func:`open` takes it) or, with
    ``binary``, bytes. The file replaces ``path`` when the ``with`` block ends
    without an exception; otherwise ``path`` is left untouched.

    ``path`` may be a symbolic link (the file it points to is replaced). A
    path that exists but is not a regular file (``/dev/stdout``, a named
    pipe) cannot be replaced and is written directly.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> _ = path.write_text("old")
    >>> with atomic_write(path) as handle:
    ...     _ = handle.write("half a")
    ...     raise RuntimeError("a bad document")
    Traceback (most recent call last):
    ...
    RuntimeError: a bad document
    >>> path.read_text(), sorted(p.name for p in path.parent.iterdir())
    ('old', ['out.txt'])
    """
    return _atomic_write(path, binary=binary, encoding=encoding, newline=newline)


@contextlib.contextmanager
def _atomic_write(
    path: str | os.PathLike[str], *, binary: bool, encoding: str, newline: str | None
) -> Iterator[IO[Any]]:
    shown = os.fspath(path)
    mode = "wb" if binary else "w"
    text_encoding = None if binary else encoding
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        existing: os.stat_result | None = target.stat()
    except OSError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), shown)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # A device or a pipe: nothing to rename over, so write it as it is.
        with open(target, mode, encoding=text_encoding, newline=newline) as direct:
            yield direct
        return
    temp: Path | None = None
    try:
        fd, temp = _temporary(target.parent, target.name)
        if existing is not None:
            with contextlib.suppress(OSError):
                os.chmod(temp, stat.S_IMODE(existing.st_mode))
        try:
            handle = _open(fd, mode, text_encoding, newline)
        except BaseException:
            os.close(fd)
            raise
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
        temp = None
        _sync_folder(target.parent)
    except OSError as exc:
        named = _named(exc, target, shown)
        if named is exc:
            raise
        raise named from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


@contextlib.contextmanager
def atomic_folder(target: str | os.PathLike[str], *, overwrite: bool = False) -> Iterator[Path]:
    """A new, empty folder beside ``target`` to write into; once the ``with``
    block ends without an exception it takes ``target``'s place (replacing a
    folder there only if ``overwrite``), else it is removed. It has the
    permissions a folder made there would have, not ``mkdtemp``'s owner-only ones.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "dataset"
    >>> with atomic_folder(target) as folder:
    ...     _ = (folder / "part-0.txt").write_text("rows")
    >>> [p.name for p in target.iterdir()]
    ['part-0.txt']
    """
    final = Path(target)
    if final.exists() and not overwrite:
        raise FileExistsError(f"{final} exists; pass overwrite=True to replace it")
    final.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    umask = os.umask(0)
    os.umask(umask)
    scratch.chmod(0o777 & ~umask)
    try:
        yield scratch
        if final.exists():
            shutil.rmtree(final)
        scratch.rename(final)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
