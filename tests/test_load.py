from __future__ import annotations

import pickle
import warnings

import pytest

import natojp
from natojp.errors import DecodeError, FormatError
from natojp.loaders import registry as registry_module
from natojp.loaders.registry import ParserRegistry, default_registry
from natojp.models import DocumentKind, Draft, Segment, Span


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a_1_2001.txt").write_text(
        "First speech.\n\nIt has two paragraphs.", encoding="utf-8"
    )
    (tmp_path / "b_2_2002.txt").write_text("Second speech, with one paragraph.", encoding="utf-8")
    (tmp_path / "c_3_2003.txt").write_bytes(b"\x00\x00binary")
    (tmp_path / "d_4_2004.txt").write_text("   \n\n  ", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not matched by *.txt", encoding="utf-8")
    return tmp_path


def test_strict_loading_raises_on_the_first_bad_file(folder):
    with pytest.raises(DecodeError) as info:
        natojp.load(folder)
    assert info.value.path.endswith("c_3_2003.txt")


def test_lenient_loading_keeps_what_loaded_and_reports_every_failure(folder):
    with pytest.warns(natojp.LoadWarning, match="2 of 4 files failed"):
        corpus = natojp.load(folder, strict=False)
    assert corpus.ids == ("a_1_2001", "b_2_2002")
    report = corpus.report
    assert report.loaded == 2 and not report.ok
    assert [(f.path.rsplit("/", 1)[-1], f.error) for f in report.failures] == [
        ("c_3_2003.txt", "DecodeError"),
        ("d_4_2004.txt", "FormatError"),
    ]
    assert "2 loaded, 2 failed" in str(report)


def test_glob_and_pattern_select_files(folder):
    single = natojp.load(folder / "notes.md")  # a file is read whatever the pattern
    assert isinstance(single, natojp.Corpus) and single.ids == ("notes",)
    assert single[0].title == "not matched by *.txt"
    corpus = natojp.load(str(folder / "[ab]_*.txt"))
    assert corpus.ids == ("a_1_2001", "b_2_2002")
    assert natojp.load(folder, pattern="*.md").ids == ("notes",)


def test_metadata_template_that_does_not_match_is_a_clear_error(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", natojp.LoadWarning)
        corpus = natojp.load(folder, strict=False, metadata_from_path="{country}-{year}.txt")
    assert corpus.report.loaded == 0
    assert all("does not match the template" in f.message for f in corpus.report.failures[:2])


def test_metadata_csv_missing_row(folder):
    sidecar = folder / "meta.csv"
    sidecar.write_text("file,title\na_1_2001.txt,First\n", encoding="utf-8")
    with pytest.raises(FormatError, match="no row for this file"):
        natojp.load(str(folder / "[ab]_*.txt"), metadata_csv=sidecar)
    with pytest.raises(FormatError, match="no column 'nope'"):
        natojp.load(folder, metadata_csv=sidecar, csv_key="nope")


def test_bad_metadata_values_are_format_errors(folder):
    with pytest.raises(FormatError, match="unknown kind 'memo'"):
        natojp.load(folder / "a_1_2001.txt", metadata_from_path=lambda p: {"kind": "memo"})
    with pytest.raises(FormatError, match="bad date"):
        natojp.load(folder / "a_1_2001.txt", metadata_from_path=lambda p: {"date": "someday"})
    with pytest.raises(FormatError, match="metadata_from_path failed: KeyError"):
        natojp.load(folder / "a_1_2001.txt", metadata_from_path=lambda p: {}["x"])


def test_missing_file(tmp_path):
    with pytest.raises(FormatError, match="no such file"):
        natojp.load(tmp_path / "nope.txt")


def test_files_sharing_a_name_take_their_folder_into_the_id(tmp_path):
    # The archive shape that used to end an 11-minute load with a bare ValueError.
    for rel, words in [("a/x.txt", "One."), ("b/x.txt", "Two."), ("b/x-2.txt", "Three.")]:
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(words, encoding="utf-8")
    corpus = natojp.load(tmp_path)
    assert sorted(corpus.ids) == ["a-x", "b-x", "x-2"]
    assert {doc.id: doc.text for doc in corpus} == {"a-x": "One.", "b-x": "Two.", "x-2": "Three."}


def test_ids_stay_unique_when_folder_ids_collide_too(tmp_path):
    # a/x and a-x/... both want "a-x"; names differing only in case want the same slug.
    for rel in ["a/x.txt", "b/x.txt", "a-x.txt", "c/A-X.txt", "Speech.txt", "speech.txt"]:
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(f"Text of {rel}.", encoding="utf-8")
    corpus = natojp.load(tmp_path)
    assert len(set(corpus.ids)) == len(corpus) == 6
    for doc in corpus:
        rel = doc.origin.path[len(str(tmp_path)) + 1 :]
        assert doc.text == f"Text of {rel}."


def test_a_metadata_id_used_twice_is_reported_not_renamed(tmp_path):
    for name in ["one.txt", "two.txt"]:
        (tmp_path / name).write_text("Words.", encoding="utf-8")
    with pytest.warns(natojp.LoadWarning, match="1 of 2 files failed"):
        corpus = natojp.load(tmp_path, strict=False, metadata_from_path=lambda p: {"id": "same"})
    assert corpus.ids == ("same",)
    (failure,) = corpus.report.failures
    assert failure.path.endswith("two.txt") and "already the id of" in failure.message
    with pytest.raises(FormatError, match=r"two\.txt: the id 'same'"):
        natojp.load(tmp_path, metadata_from_path=lambda p: {"id": "same"})


def test_untitled_stems_take_ids_from_titles_without_clashing(tmp_path):
    # Names with no letters or digits give no slug; the title-based ids must not clash.
    for name in ["___.txt", "---.txt"]:
        (tmp_path / name).write_text("Budget talks\n\nThe ministers met.", encoding="utf-8")
    assert natojp.load(tmp_path).ids == ("budget-talks", "budget-talks-2")


def test_a_bug_in_natojp_names_the_file_and_spares_the_rest(tmp_path, monkeypatch):
    from natojp.loaders import _pipeline as _load

    for name in ["good.txt", "bad.txt"]:
        (tmp_path / name).write_text(f"{name} words.", encoding="utf-8")
    real = _load.annotate

    def buggy(doc):
        if doc.id == "bad":
            raise IndexError("list index out of range")
        return real(doc)

    monkeypatch.setattr(_load, "annotate", buggy)
    with pytest.warns(natojp.LoadWarning):
        corpus = natojp.load(tmp_path, strict=False)
    assert corpus.ids == ("good",)
    (failure,) = corpus.report.failures
    assert failure.error == "ProcessingError" and failure.path.endswith("bad.txt")
    assert "IndexError: list index out of range" in failure.message
    with pytest.raises(natojp.ProcessingError, match=r"bad.txt: natojp failed on this file"):
        natojp.load(tmp_path)


def test_a_pattern_that_matches_nothing_says_what_the_folder_holds(tmp_path):
    for n in range(3):
        (tmp_path / f"briefing-{n}.md").write_text("Hello.", encoding="utf-8")
    with pytest.warns(
        natojp.NoFilesWarning, match=r"holds 3 \*\.md \(for those, pass pattern='\*\.md'\)"
    ):
        corpus = natojp.load(tmp_path)
    assert len(corpus) == 0
    with pytest.warns(natojp.NoFilesWarning, match="no files match the glob"):
        natojp.load(str(tmp_path / "*.txt"))


def test_a_list_of_paths_is_one_corpus_with_unique_ids(tmp_path):
    for rel in ["x/speech.txt", "y/speech.txt"]:
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(f"{rel}.", encoding="utf-8")
    with pytest.warns(natojp.LoadWarning, match="1 of 3 files failed"):
        corpus = natojp.load(
            [tmp_path / "x", tmp_path / "y" / "speech.txt", tmp_path / "nope.txt"], strict=False
        )
    assert corpus.ids == ("x-speech", "y-speech")
    assert [f.message for f in corpus.report.failures] == ["no such file or directory"]


def test_progress_callback_sees_every_file(folder):
    seen = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", natojp.LoadWarning)
        natojp.load(folder, strict=False, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_parse_a_string_with_a_named_format():
    doc = natojp.parse("Title line\n\nBody text here.", format="plain", id="my-doc")
    assert (doc.id, doc.title, doc.kind, doc.origin.format) == (
        "my-doc",
        "Title line",
        DocumentKind.OTHER,
        "plain",
    )
    with pytest.raises(FormatError, match="no parser named 'pdf'"):
        natojp.parse("x", format="pdf")


def test_errors_pickle_with_their_location():
    err = DecodeError("bad", path="a.txt", offset=3, line=1)
    again = pickle.loads(pickle.dumps(err))
    assert (again.path, again.offset, again.line, str(again)) == ("a.txt", 3, 1, str(err))


class MemoParser:
    name = "memo"

    def sniff(self, text: str) -> float:
        return 0.99 if text.startswith("MEMO") else 0.0

    def parse(self, text: str) -> Draft:
        return Draft(title="A memo", kind=DocumentKind.OTHER, text=text.split("\n", 1)[1].strip())


def test_registry_with_a_custom_parser():
    registry = default_registry().with_parser(MemoParser())
    assert registry.names[0] == "memo"
    doc = natojp.parse("MEMO\nBuy milk.", parsers=registry)
    assert (doc.title, doc.text, doc.origin.format) == ("A memo", "Buy milk.", "memo")
    assert "memo" not in default_registry().names  # the default is unchanged
    with pytest.raises(TypeError, match="not a parser"):
        default_registry().with_parser(object())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="share the name"):
        ParserRegistry((MemoParser(), MemoParser()))


def test_plugins_come_from_the_entry_point_group(monkeypatch):
    class FakeEntryPoint:
        def __init__(self, name, obj):
            self.name, self.value, self._obj = name, f"fake:{name}", obj

        def load(self):
            if isinstance(self._obj, Exception):
                raise self._obj
            return self._obj

    def fake_entry_points(group):
        assert group == "natojp.loaders"
        return [
            FakeEntryPoint("memo", MemoParser),
            FakeEntryPoint("broken", ImportError("no module")),
        ]

    monkeypatch.setattr(registry_module, "entry_points", fake_entry_points)
    default_registry.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="skipping loader plug-in 'broken'"):
            registry = default_registry()
        assert registry.names[0] == "memo"
        assert registry.sniff("MEMO\nx").name == "memo"
    finally:
        default_registry.cache_clear()


class BuggyParser:
    """A plug-in with the bugs plug-ins have: it crashes, or returns spans past its text."""

    name = "buggy"

    def sniff(self, text: str) -> float:
        if text.startswith("SNIFF-CRASH"):
            raise KeyError("header")
        return 0.99 if text.startswith("BUGGY") else 0.0

    def parse(self, text: str) -> Draft:
        if "crash" in text:
            return [][0]
        if "number" in text:
            return Draft(title="A number", kind=DocumentKind.OTHER, text=5)  # type: ignore[arg-type]
        return Draft(
            title="Bad spans",
            kind=DocumentKind.OTHER,
            text="abc",
            segments=(Segment(span=Span(0, 10)),),
        )


def test_a_buggy_plugin_gives_format_errors_naming_the_parser_and_file(tmp_path):
    registry = default_registry().with_parser(BuggyParser())
    with pytest.raises(FormatError, match="parser 'buggy' failed: IndexError"):
        natojp.parse("BUGGY crash", parsers=registry)
    with pytest.raises(FormatError, match=r"parser 'buggy' made a bad draft: segment span 0\.\.10"):
        natojp.parse("BUGGY spans", parsers=registry)
    with pytest.raises(FormatError, match="parser 'buggy' made a draft whose text is int"):
        natojp.parse("BUGGY number", parsers=registry)
    with pytest.raises(FormatError, match="parser 'buggy' failed to sniff: KeyError"):
        natojp.parse("SNIFF-CRASH", parsers=registry)

    (tmp_path / "a.txt").write_text("BUGGY crash", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A plain note that loads.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("BUGGY spans", encoding="utf-8")
    with pytest.warns(natojp.LoadWarning, match="2 of 3"):
        corpus = natojp.load(tmp_path, strict=False, parsers=registry)
    assert corpus.ids == ("b",)
    assert [(f.path.rsplit("/", 1)[-1], f.error) for f in corpus.report.failures] == [
        ("a.txt", "FormatError"),
        ("c.txt", "FormatError"),
    ]


def test_an_installed_distribution_adds_its_parser(tmp_path, monkeypatch):
    # What `pip install` of a plug-in leaves: a module and a dist-info naming its entry point.
    (tmp_path / "natojp_memo.py").write_text(
        "from natojp.models import DocumentKind, Draft\n"
        "class MemoParser:\n"
        "    name = 'memo'\n"
        "    def sniff(self, text): return 0.99 if text.startswith('MEMO') else 0.0\n"
        "    def parse(self, text):\n"
        "        return Draft(title='Memo', kind=DocumentKind.OTHER, text=text[5:])\n",
        encoding="utf-8",
    )
    info = tmp_path / "natojp_memo-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: natojp-memo\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[natojp.loaders]\nmemo = natojp_memo:MemoParser\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    default_registry.cache_clear()
    try:
        assert default_registry().names[0] == "memo"
        assert natojp.parse("MEMO\nBuy milk.").origin.format == "memo"
    finally:
        default_registry.cache_clear()


def test_sniffing_picks_by_content_not_file_name(tmp_path):
    path = tmp_path / "looks_like_markdown.md"
    path.write_text(
        "Joint press point\n\nby NATO Secretary General Jens Stoltenberg\n\n  • 31 Jan. 2023 -\n\nThank you all for coming here today.",
        encoding="utf-8",
    )
    assert natojp.load_document(path).origin.format == "nato"
    scores = default_registry().scores(path.read_text(encoding="utf-8"))
    assert scores["nato"] > scores["plain"]


@pytest.mark.parametrize(
    ("text", "title", "starts"),
    [
        # The opening of a hard-wrapped speech is the speech, not a title.
        ("Allow me to begin by\nexpressing our thanks.\n\nMore.", None, "Allow me to begin by"),
        ("Allow\nme to congratulate you.\n\nMore.", None, "Allow me"),
        ("The island State of Saint\nLucia greets you.\n\nMore.", None, "The island State"),
        # Paragraph numbers, salutations and lone words open the body.
        ("188\n\nThe Assembly met.\n\nMore.", None, "188"),
        ("77. Madam President, I should like\nto begin.\n\nMore.", None, "77. Madam"),
        ("Mr. President,\n\nIt is an honour.", None, "Mr. President,"),
        ("To the Senate and House of Representatives:\n\nI report.", None, "To the Senate"),
        (
            "Bismillahirrahmanirrahim\n\nMr. President,\n\nWe meet.",
            None,
            "Bismillahirrahmanirrahim",
        ),
        # A heading on a line of its own, in title case or capitals, is a title.
        (
            "Remarks at the 79th Session of the General Assembly\n\nWe meet.",
            "Remarks at the 79th Session of the General Assembly",
            "We meet.",
        ),
        (
            "STATEMENT BY THE DELEGATION OF JAPAN\n\nWe meet.",
            "STATEMENT BY THE DELEGATION OF JAPAN",
            "We meet.",
        ),
    ],
)
def test_plain_text_keeps_every_opening_word_unless_the_first_line_is_a_title(
    tmp_path, text, title, starts
):
    path = tmp_path / "speech.txt"
    path.write_text(text, encoding="utf-8")
    doc = natojp.load_document(path)
    assert doc.origin.format == "plain"
    assert doc.text.startswith(starts)
    if title is None:
        assert doc.title in doc.text.replace("\n\n", " ") or doc.title.rstrip("…") in doc.text
        assert "category" not in doc.metadata
    else:
        assert doc.title == title and title not in doc.text


def test_letter_like_symbols_are_kept(tmp_path):
    path = tmp_path / "ocr.txt"
    path.write_text("Weapons. №at is why it matters™.", encoding="utf-8")
    assert natojp.load_document(path).text == "Weapons. №at is why it matters™."


# --- plug-ins that shadow a built-in parser, and sniff scores out of range ------


class _FakeEntryPoint:
    def __init__(self, name, obj):
        self.name, self.value, self._obj = name, f"fake_module:{name}", obj

    def load(self):
        return self._obj


def _with_entry_points(monkeypatch, *entries):
    monkeypatch.setattr(registry_module, "entry_points", lambda group: list(entries))
    default_registry.cache_clear()


class ShadowPlain(MemoParser):
    name = "plain"

    def sniff(self, text: str) -> float:
        return 1.0


def test_a_plugin_named_like_a_builtin_parser_is_skipped_naming_both(monkeypatch):
    _with_entry_points(
        monkeypatch, _FakeEntryPoint("myplain", ShadowPlain), _FakeEntryPoint("memo", MemoParser)
    )
    try:
        with pytest.warns(RuntimeWarning) as caught:
            registry = default_registry()
        (warning,) = caught
        message = str(warning.message)
        assert "skipping loader plug-in 'myplain' (fake_module:myplain)" in message
        assert "natojp's built-in parser natojp.loaders.plain.PlainTextParser" in message
        assert registry.names[0] == "memo"  # the other plug-in is kept, ahead of the built-ins
        assert registry.names.count("plain") == 1
        assert not isinstance(registry.get("plain"), ShadowPlain)
        assert natojp.parse("Hello there.\n\nJust a note.").origin.format == "plain"
    finally:
        default_registry.cache_clear()


def test_a_second_plugin_of_the_same_name_is_skipped_naming_the_first(monkeypatch):
    class OtherMemo(MemoParser):
        pass

    _with_entry_points(
        monkeypatch, _FakeEntryPoint("memo", MemoParser), _FakeEntryPoint("memo2", OtherMemo)
    )
    try:
        with pytest.warns(RuntimeWarning, match=r"'memo2'.*the name of loader plug-in 'memo'"):
            registry = default_registry()
        assert registry.names.count("memo") == 1
        assert type(registry.get("memo")) is MemoParser
    finally:
        default_registry.cache_clear()


def test_with_parser_still_replaces_a_parser_of_the_same_name():
    registry = default_registry().with_parser(ShadowPlain())
    assert isinstance(registry.get("plain"), ShadowPlain)
    assert registry.names.count("plain") == 1


class Scored(MemoParser):
    name = "scored"

    def __init__(self, score):
        self.score = score

    def sniff(self, text: str) -> float:
        return self.score


@pytest.mark.parametrize(
    "score",
    [float("nan"), float("inf"), float("-inf"), -0.1, 1.5, 2, "0.5", None, 0.5j, 10**400],
    ids=lambda score: repr(score)[:12],
)
def test_a_sniff_score_that_is_not_a_number_from_0_to_1_names_the_parser(score):
    registry = default_registry().with_parser(Scored(score))
    with pytest.raises(
        FormatError,
        match=r"parser 'scored' gave the sniff score .*; a score is a number from 0 to 1",
    ):
        natojp.parse("MEMO\nBuy milk.", parsers=registry)
    with pytest.raises(FormatError, match="parser 'scored'"):
        registry.scores("MEMO\nBuy milk.")


@pytest.mark.parametrize("score", [0, 1, 0.5, True, False], ids=repr)
def test_sniff_scores_from_0_to_1_are_taken(score):
    registry = default_registry().with_parser(Scored(score))
    assert registry.scores("MEMO\nBuy milk.")["scored"] == float(score)


def test_a_bad_sniff_score_is_reported_with_its_file_in_a_lenient_load(tmp_path):
    registry = default_registry().with_parser(Scored(float("nan")))
    (tmp_path / "a.txt").write_text("A note.", encoding="utf-8")
    with pytest.warns(natojp.LoadWarning, match="1 of 1"):
        corpus = natojp.load(tmp_path, strict=False, parsers=registry)
    (failure,) = corpus.report.failures
    assert failure.path.endswith("a.txt") and "parser 'scored'" in failure.message


def test_metadata_digits_that_are_no_number_stay_text(tmp_path):
    (tmp_path / "JPN_²_2022.txt").write_text("We met.", encoding="utf-8")
    (doc,) = natojp.load(
        tmp_path / "JPN_²_2022.txt", metadata_from_path="{country}_{session}_{year}.txt"
    )
    assert doc.metadata["session"] == "²" and doc.date == natojp.PartialDate(2022)
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,code\nJPN_²_2022.txt," + "9" * 5000 + "\n", encoding="utf-8")
    (doc,) = natojp.load(tmp_path / "JPN_²_2022.txt", metadata_csv=sidecar)
    assert doc.metadata["code"] == "9" * 5000


@pytest.mark.parametrize(
    ("template", "message"),
    [("{a}_{a}.txt", "names the field 'a' twice"), ("speech.txt", "names no field")],
)
def test_a_bad_template_is_one_clear_error(tmp_path, template, message):
    (tmp_path / "a_b.txt").write_text("We met.", encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        natojp.load(tmp_path, strict=False, metadata_from_path=template)


def test_a_file_loads_as_a_corpus_of_one_and_load_document_gives_the_document(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Budget talks\n\nThe ministers met on Friday (3 May 2024).", encoding="utf-8")
    corpus = natojp.load(path)
    assert isinstance(corpus, natojp.Corpus)
    assert corpus.ids == ("note",)
    assert corpus.report is not None and corpus.report.loaded == 1 and corpus.report.ok
    doc = natojp.load_document(path)
    assert isinstance(doc, natojp.Document)
    assert corpus == natojp.Corpus([doc])
    with pytest.raises(FormatError, match="is a folder"):
        natojp.load_document(tmp_path)
