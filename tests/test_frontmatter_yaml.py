"""Markdown front matter is YAML: what a user writes in the header is what ends
up in the document, and a header YAML cannot read is an error naming the line."""

from __future__ import annotations

import pytest

import natojp
from natojp.errors import FormatError
from natojp.loaders._yaml import parse_front_matter
from natojp.models import PartialDate

BODY = (
    "The Secretary General welcomed the Prime Minister to NATO Headquarters.\n\n"
    "They discussed cooperation between NATO and Japan in the Indo-Pacific.\n"
)


def _write(tmp_path, header: str, name: str = "doc.md"):
    path = tmp_path / name
    path.write_text(f"---\n{header}---\n{BODY}", encoding="utf-8")
    return path


def _line_of(path, needle: str) -> int:
    """The line of the file (counting from 1) that contains ``needle``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_folded_title_and_literal_metadata(tmp_path):
    path = _write(
        tmp_path,
        "title: >\n"
        "  Remarks by the Secretary General\n"
        "  with the Prime Minister of Japan\n"
        "summary: |\n"
        "  First line.\n"
        "  Second line.\n"
        "date: '2023-01-31'\n",
    )
    doc = natojp.load_document(path)
    assert doc.title == "Remarks by the Secretary General with the Prime Minister of Japan"
    assert doc.metadata["summary"] == "First line.\nSecond line.\n"
    assert doc.date == PartialDate(2023, 1, 31)


def test_white_house_escapes_and_continuation_lines(tmp_path):
    # The shape of the archive's titles: \_ is a no-break space, \u2019 a quotation
    # mark, and a line ending in \ continues on the next without a space.
    path = _write(
        tmp_path,
        'title: "Remarks by President\\_Biden and Prime\\\n'
        '  \\ Minister Kishida at the Leaders\\u2019\\_Summit"\n'
        "date: '2022-05-24'\n",
    )
    doc = natojp.load_document(path)
    assert (
        doc.title == "Remarks by President Biden and Prime Minister Kishida at the Leaders’ Summit"
    )


def test_nested_maps_become_dotted_metadata_keys(tmp_path):
    path = _write(
        tmp_path,
        "title: Joint press point\n"
        "event:\n"
        "  city: Tokyo\n"
        "  venue:\n"
        "    name: Kantei\n"
        "    room: Press room\n",
    )
    doc = natojp.load_document(path)
    assert doc.metadata["event.city"] == "Tokyo"
    assert doc.metadata["event.venue.name"] == "Kantei"
    assert doc.metadata["event.venue.room"] == "Press room"
    assert "event" not in doc.metadata


def test_hash_in_quotes_is_text_and_after_a_space_a_comment(tmp_path):
    path = _write(
        tmp_path,
        'title: "NATO\'s #1 partner in Asia"\n'
        "location: Tokyo  # the capital\n"
        "source_url: https://example.org/page#section\n",
    )
    doc = natojp.load_document(path)
    assert doc.title == "NATO's #1 partner in Asia"
    assert doc.metadata["location"] == "Tokyo"
    assert doc.source.url == "https://example.org/page#section"


def test_flow_and_block_lists(tmp_path):
    path = _write(
        tmp_path,
        "title: Statement\n"
        "tags: [statements-releases, \"Tokyo, Japan\", 'NATO, Japan']\n"
        "authors:\n"
        "  - Jens Stoltenberg\n"
        "  - Fumio Kishida\n",
    )
    doc = natojp.load_document(path)
    assert doc.metadata["tags"] == ("statements-releases", "Tokyo, Japan", "NATO, Japan")
    assert doc.authors == ("Jens Stoltenberg", "Fumio Kishida")


def test_values_stay_the_text_written(tmp_path):
    # YAML 1.1 would make these False, 63 (octal), 1.1 and a datetime.
    path = _write(
        tmp_path,
        "title: Allies\n"
        "country: NO\n"
        "session: 077\n"
        "version: 1.10\n"
        "date: 2024-05-01\n"
        "published_time: 2024-05-01 10:15:00-04:00\n",
    )
    doc = natojp.load_document(path)
    assert doc.metadata["country"] == "NO"
    assert doc.metadata["session"] == "077"
    assert doc.metadata["version"] == "1.10"
    assert doc.date == PartialDate(2024, 5, 1)
    assert doc.metadata["published_time"] == "2024-05-01 10:15:00-04:00"
    assert "date" not in doc.metadata


def test_published_time_gives_the_date_when_there_is_no_date_key(tmp_path):
    path = _write(tmp_path, "title: Readout\npublished_time: 2022-05-23 04:30:00-04:00\n")
    doc = natojp.load_document(path)
    assert doc.date == PartialDate(2022, 5, 23)
    assert doc.metadata["published_time"] == "2022-05-23 04:30:00-04:00"


def test_invalid_yaml_names_the_file_and_line(tmp_path):
    path = _write(
        tmp_path,
        "date: '2024-05-01'\ntitle: Remarks: by the Secretary General\ntags: remarks\n",
    )
    with pytest.raises(FormatError) as info:
        natojp.load(path)
    err = info.value
    assert err.path == str(path)
    assert err.line == _line_of(path, "title: Remarks:") == 3
    assert f"{path}:3:" in str(err)
    assert "quotes" in str(err)  # the advice for an unquoted ': '


def test_an_unclosed_flow_list(tmp_path):
    path = _write(tmp_path, "title: Statement\ntags: [a, b\nlocation: Tokyo\n")
    with pytest.raises(FormatError) as info:
        natojp.load(path)
    assert info.value.path == str(path)
    assert info.value.line is not None
    assert _line_of(path, "tags:") <= info.value.line <= _line_of(path, "location:")


def test_a_date_that_does_not_exist(tmp_path):
    path = _write(tmp_path, "title: Statement\ntags: statements\ndate: 2024-13-45\n")
    with pytest.raises(FormatError, match="2024-13-45") as info:
        natojp.load(path)
    assert info.value.path == str(path)
    assert info.value.line == _line_of(path, "date:") == 4


def test_february_30th(tmp_path):
    path = _write(tmp_path, "title: Statement\ndate: 2023-02-30\n")
    with pytest.raises(FormatError, match="2023-02-30") as info:
        natojp.load(path)
    assert info.value.line == 3


def test_a_lone_surrogate_escape_is_not_text(tmp_path):
    path = _write(tmp_path, 'title: Statement\nlocation: "Tokyo \\ud800"\n')
    with pytest.raises(FormatError, match="surrogate") as info:
        natojp.load(path)
    assert info.value.line == _line_of(path, "location:") == 3


def test_a_surrogate_pair_escape_is_one_character(tmp_path):
    path = _write(tmp_path, 'title: Statement\nnote: "\\ud83c\\uddef\\ud83c\\uddf5"\n')
    flag_of_japan = "\U0001f1ef\U0001f1f5"
    assert natojp.load_document(path).metadata["note"] == flag_of_japan


def test_a_key_given_twice(tmp_path):
    path = _write(tmp_path, "title: One\ndate: '2024-05-01'\ntitle: Two\n")
    with pytest.raises(FormatError, match="'title' twice") as info:
        natojp.load(path)
    assert info.value.line == 4


def test_python_tags_are_refused_not_run(tmp_path):
    target = tmp_path / "created-by-yaml"
    path = _write(
        tmp_path, f'title: x\nnote: !!python/object/apply:pathlib.Path.touch ["{target}"]\n'
    )
    with pytest.raises(FormatError) as info:
        natojp.load(path)
    assert info.value.line == 3
    assert not target.exists()


def test_lenient_load_reports_the_bad_file_and_keeps_the_good_one(tmp_path):
    _write(tmp_path, "title: Good\ndate: '2024-05-01'\n", name="good.md")
    bad = _write(tmp_path, "title: Bad\ndate: 2024-13-45\n", name="bad.md")
    with pytest.warns(natojp.LoadWarning):
        corpus = natojp.load(tmp_path, pattern="*.md", strict=False)
    assert [d.id for d in corpus] == ["good"]
    (failure,) = corpus.report.failures
    assert (failure.path, failure.error, failure.line) == (str(bad), "FormatError", 3)
    assert "2024-13-45" in failure.message


def test_parse_from_a_string_gives_the_line_too():
    text = "---\ntitle: x\ndate: 2024-13-45\n---\n" + BODY
    with pytest.raises(FormatError) as info:
        natojp.parse(text)
    assert info.value.line == 3 and info.value.path is None


# --- the function itself ---------------------------------------------------------


def test_parse_front_matter_shapes():
    header = parse_front_matter(
        [
            "title: >-",
            "  Folded",
            "  title",
            "tags: [a, 'b, c']",
            "people:",
            "  - {name: Kishida, role: PM}",
            "  - Stoltenberg",
            "empty:",
        ]
    )
    assert header == {
        "title": "Folded title",
        "tags": ("a", "b, c"),
        "people": ('{"name": "Kishida", "role": "PM"}', "Stoltenberg"),
        "empty": "",
    }


def test_parse_front_matter_counts_lines_from_first_line():
    with pytest.raises(FormatError) as info:
        parse_front_matter(["a: 1", "b: [", ""], path="x.md", first_line=10)
    assert info.value.path == "x.md"
    assert info.value.line is not None and info.value.line >= 11


def test_a_header_that_is_not_a_map():
    with pytest.raises(FormatError, match="not a map") as info:
        parse_front_matter(["- title", "- date"], path="list.md")
    assert info.value.line == 2


def test_aliases_cannot_blow_up():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdef", "abcde", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]")
    with pytest.raises(FormatError, match="aliases"):
        parse_front_matter(lines)
    with pytest.raises(FormatError, match="contains itself"):
        parse_front_matter(["a: &a [x, *a]"])
