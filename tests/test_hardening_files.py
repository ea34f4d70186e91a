"""What natojp does with things in a folder that are not regular files.

A FIFO would block a reader forever, and sockets and devices are not
documents: natojp checks each entry with ``stat`` (never ``open``) and reports
it. Dangling symbolic links, link loops, folders named like files and folders
that cannot be listed are reported too, each with its reason: in
``corpus.report`` when loading leniently, as a :class:`FormatError` naming the
path when strict. Hidden entries stay skipped without a word, and the regular
files load in the same order with the same ids as before.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import natojp
from natojp.errors import FormatError

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")

TEXT = "A Title\n\nThe body of a document, long enough to be one."


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dangling(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere.txt")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _folder(path: Path) -> None:
    path.mkdir()


def _device(path: Path) -> None:
    path.symlink_to(os.devnull)


@pytest.fixture
def make_socket() -> Iterator[Callable[[Path], None]]:
    made: list[socket.socket] = []

    def make(path: Path) -> None:
        sock = socket.socket(socket.AF_UNIX)
        made.append(sock)
        sock.bind(str(path))

    yield make
    for sock in made:
        sock.close()


KINDS: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, r"not a regular file: a FIFO \(named pipe\); natojp reads only regular files"),
    "dangling": (_dangling, "a dangling symbolic link: its target '.*nowhere.txt' does not exist"),
    "loop": (_loop, "a symbolic link loop"),
    "folder": (_folder, r"a folder, not a file, though its name matches pattern='\*.txt'"),
    "device": (_device, "not a regular file: a device; natojp reads only regular files"),
}


def _folder_with(tmp_path: Path, make: Callable[[Path], None]) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    make(tmp_path / "b.txt")
    return tmp_path


@pytest.mark.parametrize("kind", KINDS)
def test_lenient_load_reports_what_is_not_a_file(tmp_path: Path, kind: str) -> None:
    make, reason = KINDS[kind]
    folder = _folder_with(tmp_path, make)
    with pytest.warns(natojp.LoadWarning, match="1 of 3 files failed"):
        corpus = natojp.load(folder, strict=False)
    assert [doc.id for doc in corpus] == ["a", "c"]
    (failure,) = corpus.report.failures
    assert failure.path == str(folder / "b.txt")
    assert failure.error == "FormatError"
    assert re.match(reason, failure.message), failure.message


@pytest.mark.parametrize("kind", KINDS)
def test_strict_load_stops_on_what_is_not_a_file(tmp_path: Path, kind: str) -> None:
    make, reason = KINDS[kind]
    folder = _folder_with(tmp_path, make)
    with pytest.raises(FormatError, match=reason) as raised:
        natojp.load(folder)
    assert raised.value.path == str(folder / "b.txt")
    assert str(raised.value).startswith(f"{folder / 'b.txt'}: ")


def test_a_socket_is_reported(tmp_path: Path, make_socket: Callable[[Path], None]) -> None:
    folder = _folder_with(tmp_path, make_socket)
    with pytest.warns(natojp.LoadWarning):
        corpus = natojp.load(folder, strict=False)
    assert [str(f) for f in corpus.report.failures] == [
        f"{folder / 'b.txt'}: FormatError: not a regular file: a socket; "
        "natojp reads only regular files"
    ]


def test_the_files_in_a_folder_named_like_a_file_still_load(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, _folder)
    (folder / "b.txt" / "inside.txt").write_text(TEXT, encoding="utf-8")
    with pytest.warns(natojp.LoadWarning):
        corpus = natojp.load(folder, strict=False)
    assert [doc.id for doc in corpus] == ["a", "inside", "c"]


def test_with_pattern_star_subfolders_are_folders_not_failures(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(TEXT, encoding="utf-8")
    corpus = natojp.load(tmp_path, pattern="*")
    assert [doc.id for doc in corpus] == ["a", "b"]
    assert corpus.report.ok


def test_a_glob_reports_what_is_not_a_file(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, _fifo)
    with pytest.warns(natojp.LoadWarning, match="1 of 3 files failed"):
        corpus = natojp.load(str(folder / "*.txt"), strict=False)
    assert [doc.id for doc in corpus] == ["a", "c"]
    assert "FIFO" in corpus.report.failures[0].message


def test_hidden_entries_stay_skipped_without_a_word(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / ".pipe.txt")
    (tmp_path / "._a.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / ".cache.txt").mkdir()
    corpus = natojp.load(tmp_path)
    assert [doc.id for doc in corpus] == ["a"]
    assert corpus.report.ok


def test_regular_files_keep_their_order_and_ids(tmp_path: Path) -> None:
    for rel in ("b/x.txt", "a/x.txt", "z.txt", "a/y.txt", "b/c/w.txt", "link.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel == "link.txt":
            path.symlink_to(tmp_path / "z.txt")  # a link to a file is a file, as before
        else:
            path.write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "a" / "p.txt")
    with pytest.warns(natojp.LoadWarning):
        corpus = natojp.load(tmp_path, strict=False)
    assert [doc.id for doc in corpus] == ["a-x", "y", "w", "b-x", "link", "z"]
    assert [f.path for f in corpus.report.failures] == [str(tmp_path / "a" / "p.txt")]


def _unlistable(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(TEXT, encoding="utf-8")
    return locked


def _check_unlistable_folder(tmp_path: Path, locked: Path) -> None:
    with pytest.warns(natojp.LoadWarning, match="1 of 2 files failed"):
        corpus = natojp.load(tmp_path, strict=False)
    assert [doc.id for doc in corpus] == ["a"]
    (failure,) = corpus.report.failures
    assert failure.path == str(locked)
    assert failure.message == (
        "cannot list the folder: Permission denied; none of its files were loaded"
    )
    with pytest.raises(FormatError, match="cannot list the folder") as raised:
        natojp.load(tmp_path)
    assert raised.value.path == str(locked)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads a folder whatever its permissions",
)
def test_an_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    locked = _unlistable(tmp_path)
    locked.chmod(0)
    try:
        _check_unlistable_folder(tmp_path, locked)
    finally:
        locked.chmod(0o755)


def test_a_subfolder_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As an unreadable folder looks to a user who is not root (tests may run as root).
    locked = _unlistable(tmp_path)
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    _check_unlistable_folder(tmp_path, locked)


def _in_thread(call: Callable[[], object], fifo: Path) -> BaseException | object:
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=30)
    if thread.is_alive():  # blocked opening the FIFO: open its other end to free it
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join(timeout=30)
        pytest.fail(f"reading {fifo} blocked")
    return outcome[0]


def test_loading_a_fifo_by_name_is_an_error_not_a_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = _in_thread(lambda: natojp.load(fifo), fifo)
    assert isinstance(outcome, FormatError)
    assert str(outcome) == (
        f"{fifo}: not a regular file: a FIFO (named pipe); natojp reads only regular files"
    )


def test_a_fifo_in_a_list_of_paths_is_reported(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    def load() -> natojp.Corpus:
        with pytest.warns(natojp.LoadWarning):
            corpus = natojp.load([tmp_path / "a.txt", fifo], strict=False)
        assert isinstance(corpus, natojp.Corpus)
        return corpus

    corpus = _in_thread(load, fifo)
    assert isinstance(corpus, natojp.Corpus)
    assert [doc.id for doc in corpus] == ["a"]
    assert "FIFO" in corpus.report.failures[0].message


def test_a_dangling_link_by_name_says_so(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    _dangling(link)
    with pytest.raises(FormatError, match="a dangling symbolic link"):
        natojp.load(link)
    with pytest.raises(FormatError, match="no such file or directory"):
        natojp.load(tmp_path / "never.txt")
