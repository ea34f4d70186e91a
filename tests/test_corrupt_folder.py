"""A folder of 1,000 small documents, 5% of them corrupt in every way natojp
can meet: a lenient load keeps every good file and names every bad one in
``corpus.report``; a strict load raises on the first bad one, naming it."""

from __future__ import annotations

import codecs
import os
import sys
import warnings
from pathlib import Path

import pytest

import natojp
from natojp.errors import NatojpError

TOTAL = 1_000
TEMPLATE = "{group}_{n}.txt"


def _plain(n: int) -> str:
    return (
        f"Budget talks number {n}\n\nThe ministers met on Friday (3 May 2024) in Oslo "
        f"and agreed on item {n}.\n"
    )


def _markdown(n: int) -> str:
    return (
        f"---\ntitle: Remarks number {n}\ndate: '2023-01-31'\ntags: [speech]\n---\n"
        f"# Remarks {n}\n\nThe Secretary General welcomed the *Prime Minister* to NATO.\n"
    )


def _transcript(n: int) -> str:
    return (
        f"Joint press point {n}\n\nMODERATOR: Good afternoon.\n\n"
        "SECRETARY GENERAL STOLTENBERG: Thank you. Japan is our close partner.\n\n"
        "Q: A question from the press.\n"
    )


def _corrupt(folder: Path) -> dict[str, str]:
    """Write the bad entries; returns each one's name and a word its reason says."""
    bad: dict[str, str] = {}

    def write(name: str, data: bytes, why: str) -> None:
        (folder / name).write_bytes(data)
        bad[name] = why

    write("bad_nul.txt", b"Some text\x00\x00\x00with NUL bytes\n" * 3, "NUL")
    write("bad_pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "")
    write("bad_utf16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x00\xd8A\x00", "")
    write("bad_empty.txt", b"", "")
    write("bad_blank.txt", b" \n\t\r\n   \n", "")
    write("bad_yaml.txt", b"---\ntitle: [unclosed\ndate: '2023-01-31'\n---\nBody text here.\n", "")
    write("bad_date.txt", b"---\ntitle: Bad date\ndate: 2024-13-45\n---\nBody text here.\n", "")
    os.mkfifo(folder / "bad_fifo.txt")
    bad["bad_fifo.txt"] = ""
    os.symlink(folder / "missing-target.txt", folder / "bad_dangling.txt")
    bad["bad_dangling.txt"] = ""
    os.symlink(folder / "bad_loop2.txt", folder / "bad_loop1.txt")
    os.symlink(folder / "bad_loop1.txt", folder / "bad_loop2.txt")
    bad["bad_loop1.txt"] = bad["bad_loop2.txt"] = ""
    (folder / "bad_dir.txt").mkdir()
    bad["bad_dir.txt"] = ""
    write("nomatch.txt", _plain(0).encode(), "")  # the template needs an underscore
    # More of each kind, up to 5% of the folder.
    kinds = [
        (b"\x00\x01\x02binary\x00", ".bin"),
        (b"%PDF-1.4\n\x00\xff\xfe", ".pdf"),
        (codecs.BOM_UTF16_BE + b"\xdc\x00\xdc\x00", ".u16"),
        (b"", ".empty"),
        (b"\n\n   \n", ".blank"),
        (b"---\ntitle: 'unclosed\ndate: 2023-01-31\n---\nBody.\n", ".yaml"),
        (b"---\ndate: 2024-13-45\n---\nBody.\n", ".date"),
    ]
    i = 0
    while len(bad) < TOTAL // 20:
        data, tag = kinds[i % len(kinds)]
        write(f"bad_more{i}{tag.replace('.', '-')}.txt", data, "")
        i += 1
    return bad


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], set[str]]:
    if not hasattr(os, "mkfifo") or sys.platform == "win32":
        pytest.skip("needs os.mkfifo and symbolic links")
    folder = tmp_path_factory.mktemp("corrupt")
    bad = _corrupt(folder)
    good: set[str] = set()
    makers = [_plain, _markdown, _transcript]
    for n in range(TOTAL - len(bad)):
        name = f"g{n % 3}_{n:04d}.txt"
        (folder / name).write_text(makers[n % 3](n), encoding="utf-8")
        good.add(name)
    assert len(good) + len(bad) == TOTAL
    return folder, bad, good


def test_lenient_load_keeps_every_good_file_and_names_every_bad_one(folder):
    path, bad, good = folder
    with pytest.warns(natojp.LoadWarning, match=f"{len(bad)} of {TOTAL} files failed"):
        corpus = natojp.load(path, strict=False, metadata_from_path=TEMPLATE)
    assert isinstance(corpus, natojp.Corpus)
    assert len(corpus) == len(good)
    ids = set(corpus.ids)
    for name in good:
        assert name.removesuffix(".txt").lower() in ids, name
    report = corpus.report
    assert report is not None and report.loaded == len(good)
    failed = {Path(f.path).name: f for f in report.failures}
    assert set(failed) == set(bad), set(failed) ^ set(bad)
    for name, failure in failed.items():
        assert failure.message, name
        assert failure.error != "ProcessingError", (name, failure)  # a natojp bug
    assert "NUL" in failed["bad_nul.txt"].message
    assert "PDF" in failed["bad_pdf.txt"].message
    for doc in corpus:
        assert doc.metadata["group"] in {"g0", "g1", "g2"}


def test_strict_load_raises_on_the_first_bad_file(folder):
    path, bad, _ = folder
    first = sorted(bad)[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(NatojpError) as info:
            natojp.load(path, metadata_from_path=TEMPLATE)
    assert info.value.path is not None
    assert Path(info.value.path).name == first, (info.value.path, first)


def test_a_pdf_without_nul_bytes_is_not_text(tmp_path):
    # Found by this test: "%PDF-1.7\n%\xe2\xe3\xcf\xd3" decoded as Shift_JIS and loaded.
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(natojp.DecodeError, match="PDF") as info:
        natojp.load(path)
    assert info.value.path == str(path)
