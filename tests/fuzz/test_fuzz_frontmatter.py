"""Markdown files with generated YAML front matter, loaded from disk: a
document or a NatojpError naming the file, never anything else."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

import natojp
from natojp.errors import NatojpError
from tests.fuzz._guard import said
from tests.strategies import front_matter_headers, header_dates, loader_texts, plain_header_values

BODY = "The Secretary General welcomed the Prime Minister to NATO Headquarters.\n"


def _load(header: str, body: str) -> natojp.Document | None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.md"
        path.write_text(f"---\n{header}---\n{body}", encoding="utf-8", errors="surrogatepass")
        try:
            doc = natojp.load_document(path)
        except NatojpError as exc:
            said(exc, path_ends="doc.md")
            return None
    assert isinstance(doc, natojp.Document)
    assert natojp.loads_document(natojp.dumps(doc)) == doc
    return doc


@given(front_matter_headers(), st.one_of(st.just(BODY), loader_texts()))
@example("date: 2024-13-45\n", BODY)
@example("title: [unclosed\n", BODY)
@example("!!python/object/apply:os.system ['true']\n", BODY)
@example("a: &a [*a]\n", BODY)
@example("date: 2023-02-30\n", BODY)
@example("year: 0\n", BODY)
@example("year: 99999999999999999999\n", BODY)
@example("month: 13\nyear: 2023\n", BODY)
@example("kind: memo\n", BODY)
@example("tags: {a: 1}\n", BODY)
@example("title: 1e400\n", BODY)
def test_generated_headers(header: str, body: str) -> None:
    _load(header, body)


# This test's own filter on the shared values: a title with no letter or digit
# ("⎴") gives way to the first sentence (see the report of the fuzzing); and no
# title starting "#".
@given(
    plain_header_values.filter(
        lambda t: any(c.isalnum() for c in t) and not t.lstrip().startswith("#")
    ),
    header_dates,
)
def test_valid_headers_are_taken_as_written(title: str, date: natojp.PartialDate) -> None:
    header = yaml.safe_dump({"title": title, "date": date.isoformat()}, allow_unicode=True)
    doc = _load(header, BODY)
    assert doc is not None
    assert doc.title == " ".join(title.split())
    assert doc.date == date
