"""natojp.parse and natojp.load on generated text and bytes: a document or a
NatojpError, never anything else; a document's spans lie inside its text."""

from __future__ import annotations

import codecs
import contextlib
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import natojp
from natojp.errors import NatojpError
from natojp.models import Document
from tests.fuzz._guard import said
from tests.strategies import front_matter_headers, loader_texts, raw_files

FORMATS = [None, "plain", "frontmatter", "transcript", "nato", "video", "web-article"]


def _check(doc: Document) -> None:
    n = len(doc.text)
    for seg in doc.segments:
        assert 0 <= seg.span.start <= seg.span.end <= n
    for m in doc.mentions:
        assert 0 <= m.span.start <= m.span.end <= n
    for d in doc.dates:
        assert 0 <= d.span.start <= d.span.end <= n
    for q in doc.quotes:
        assert 0 <= q.span.start <= q.span.end <= n
    # A loaded document can always be written and read back.
    assert natojp.loads_document(natojp.dumps(doc)) == doc


def _parse(text: str, fmt: str | None) -> None:
    try:
        doc = natojp.parse(text, format=fmt)
    except NatojpError as exc:
        said(exc)
        return
    _check(doc)


@given(loader_texts(), st.sampled_from(FORMATS))
@example("---\ndate: 2024-13-45\n---\nBody.", None)
@example("\x00\x00", None)
@example("\r\n\r\n", "transcript")
def test_parse_generated_text(text: str, fmt: str | None) -> None:
    _parse(text, fmt)


@pytest.mark.parametrize("text", ["\ud800", "Budget talks\n\nThe ministers met \udfff in Oslo."])
def test_parse_lone_surrogate(text: str) -> None:
    # A lone half of a UTF-16 pair becomes U+FFFD, and the document can be written.
    with contextlib.suppress(NatojpError):
        doc = natojp.parse(text)
        assert "\ufffd" in doc.text or "\ufffd" in doc.title
        _check(doc)


@given(st.text(max_size=300), st.sampled_from(FORMATS))
def test_parse_any_text(text: str, fmt: str | None) -> None:
    _parse(text, fmt)


@given(front_matter_headers(), loader_texts())
@example("title: [\n", "Body")
@example("date: 2024-13-45\n", "Body")
@example("date: '2024-13-45'\n", "Body")
def test_parse_front_matter(header: str, body: str) -> None:
    _parse(f"---\n{header}---\n{body}", None)
    _parse(f"---\n{header}---\n{body}", "frontmatter")


@given(raw_files(), st.sampled_from([".txt", ".md", ".html", ""]), st.sampled_from(FORMATS))
@example(codecs.BOM_UTF16_LE + b"\x00\xd8", ".txt", None)
@example(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ".txt", None)
@example("x\ud800y".encode("utf-8", "surrogatepass"), ".txt", None)
@example(b"", ".txt", None)
@example(b" \n\t\r\n", ".md", None)
def test_load_generated_bytes(raw: bytes, suffix: str, fmt: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(raw)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", natojp.LoadWarning)
                doc = natojp.load_document(path, format=fmt)
        except NatojpError as exc:
            said(exc, path_ends=path.name)
            return
        assert isinstance(doc, Document)
        _check(doc)


@given(st.lists(raw_files(), min_size=1, max_size=4))
def test_load_folder_never_raises_leniently(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for i, raw in enumerate(files):
            (Path(tmp) / f"f{i}.txt").write_bytes(raw)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", natojp.LoadWarning)
            corpus = natojp.load(tmp, strict=False)
        assert isinstance(corpus, natojp.Corpus)
        report = corpus.report
        assert report is not None
        assert len(corpus) + len(report.failures) == len(files)
        for failure in report.failures:
            assert failure.error != "ProcessingError", failure  # a natojp bug
            assert failure.message
