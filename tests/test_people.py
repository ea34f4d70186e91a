"""People: the registry, mention resolution, quotes and speakers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import natojp
from natojp.errors import FormatError
from natojp.models import PartialDate
from natojp.people import (
    Person,
    Registry,
    Role,
    annotate,
    default_registry,
    find_mentions,
    find_quotes,
    name_key,
)
from tests import people_labels
from tests.strategies import anchors, name_texts

D = dt.date


def resolved(text: str, on: dt.date | None = None, context: str | None = None) -> str | None:
    person = default_registry().resolve(text, anchor=on, context=context).person
    return None if person is None else person.id


# --- the registry -------------------------------------------------------------------


def test_every_office_holder_of_the_bundled_texts_is_registered() -> None:
    # People and offices the corpus README states, checked day by day at the changes.
    registry = default_registry()
    sg = [
        p.id
        for p in registry.holders("Secretary General", organisation="NATO", anchor=D(2024, 9, 30))
    ]
    assert sg == ["jens-stoltenberg"]
    sg = [
        p.id
        for p in registry.holders("Secretary General", organisation="NATO", anchor=D(2024, 10, 1))
    ]
    assert sg == ["mark-rutte"]
    assert [
        p.id
        for p in registry.holders("Prime Minister", organisation="Japan", anchor=D(2024, 10, 1))
    ] == ["shigeru-ishiba"]
    assert [
        p.id
        for p in registry.holders("Foreign Minister", organisation="Japan", anchor=D(2023, 9, 12))
    ] == ["yoshimasa-hayashi"]
    assert [
        p.id
        for p in registry.holders("Foreign Minister", organisation="Japan", anchor=D(2023, 9, 13))
    ] == ["yoko-kamikawa"]
    assert [
        p.id
        for p in registry.holders("President", organisation="South Korea", anchor=D(2022, 5, 10))
    ] == ["yoon-suk-yeol"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2009, 3, 1), "jaap-de-hoop-scheffer"),
        (D(2012, 3, 1), "anders-fogh-rasmussen"),
        (D(2016, 3, 1), "jens-stoltenberg"),
        (D(2023, 1, 31), "jens-stoltenberg"),
        (D(2025, 3, 1), "mark-rutte"),
    ],
)
def test_a_title_names_whoever_held_it_that_day(day: dt.date, expected: str) -> None:
    assert resolved("NATO Secretary-General", on=day) == expected
    # NATO's and the UN's offices share the title: alone, it names no one ...
    bare = default_registry().resolve("the Secretary General", anchor=day)
    assert bare.person is None and expected in {p.id for p in bare.candidates}
    # ... and in a text about NATO, NATO's
    text = "NATO allies met in Brussels. The Secretary General spoke."
    assert [m.person_id for m in find_mentions(text, anchor=day) if m.title] == [expected]


def test_a_title_over_a_year_with_two_holders_is_undecided() -> None:
    found = default_registry().resolve("NATO Secretary General", anchor=PartialDate(2024))
    assert found.person is None
    assert {p.id for p in found.candidates} == {"jens-stoltenberg", "mark-rutte"}


@pytest.mark.parametrize(
    "text",
    [
        "Jens Stoltenberg",
        "Secretary General Jens Stoltenberg",
        "Mr Stoltenberg",
        "Mr. Stoltenberg",
        "NATO chief Stoltenberg",
        "STOLTENBERG",
        "Stoltenberg’s",
        "Dr Stoltenberg",
    ],
)
def test_the_many_ways_of_naming_one_person(text: str) -> None:
    assert resolved(text) == "jens-stoltenberg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KISHIDA Fumio", "fumio-kishida"),
        ("Kishida Fumio", "fumio-kishida"),
        ("Yoon Suk Yeol", "yoon-suk-yeol"),
        ("Yoon Suk-yeol", "yoon-suk-yeol"),
        ("Yoon's office", None),  # not a name: "office" is not part of one
        ("Yoon’s", "yoon-suk-yeol"),
        ("President [Vladimir] Putin", "vladimir-putin"),
        ("Shinzō Abe", "shinzo-abe"),
        ("Taro Kono", "taro-kono"),
        ("Tarō Kōno", "taro-kono"),
    ],
)
def test_matching_ignores_case_order_hyphens_diacritics_and_brackets(
    text: str, expected: str | None
) -> None:
    # on a day when one Yoon (of two the registry holds) is in office
    assert resolved(text, on=dt.date(2023, 1, 31)) == expected


def test_a_lightly_misspelt_name_resolves_with_lower_confidence() -> None:
    exact = default_registry().resolve("Yoon Suk-yeol")
    fuzzy = default_registry().resolve("Yoon Seok-yeol")
    assert fuzzy.person is not None and fuzzy.person.id == "yoon-suk-yeol"
    assert fuzzy.method == "fuzzy"
    assert fuzzy.confidence < exact.confidence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The President told reporters in Seoul that South Korea would help.", "yoon-suk-yeol"),
        ("The Kremlin said the President would not travel to Moscow's summit.", "vladimir-putin"),
        ("The White House said the President would call allies.", "joe-biden"),
        ("The President welcomed the decision.", None),
    ],
)
def test_a_bare_title_is_decided_by_its_sentence_or_left_open(
    sentence: str, expected: str | None
) -> None:
    found = default_registry().resolve("President", anchor=D(2023, 1, 31), context=sentence)
    assert (found.person.id if found.person else None) == expected
    if expected is None:
        assert {"yoon-suk-yeol", "vladimir-putin", "joe-biden"} <= {p.id for p in found.candidates}


def test_a_person_not_in_the_registry_is_unregistered_with_a_title() -> None:
    found = default_registry().resolve("Professor Itoh")
    assert found.person is None and found.method == "unregistered"


def test_with_people_returns_a_new_registry_and_leaves_the_old_one() -> None:
    base = default_registry()
    itoh = Person(
        id="akio-itoh", name="Akio Itoh", roles=[Role(title="Professor", organisation="Keio")]
    )
    extended = base.with_people([itoh])
    assert resolved("Professor Itoh") is None
    assert extended.resolve("Professor Itoh").person == itoh
    assert "akio-itoh" not in base and len(extended) == len(base) + 1


def test_load_reads_a_registry_file(tmp_path: Path) -> None:
    path = tmp_path / "people.json"
    data = {
        "people": [
            {
                "id": "ken-jimbo",
                "name": "Ken Jimbo",
                "roles": [{"title": "Professor", "organisation": "Keio", "start": "2010-04-01"}],
            }
        ]
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    registry = Registry.load(path)
    assert registry.resolve("Professor Jimbo").person == registry["ken-jimbo"]
    assert registry["ken-jimbo"].roles[0].start == D(2010, 4, 1)


@pytest.mark.parametrize(
    "content",
    ['{"people": [{"name": "no id"}]}', "not json", '{"persons": []}', b"\xff\xfe\x00bad"],
)
def test_load_says_what_is_wrong_with_a_bad_file(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        Registry.load(path)
    assert str(path) in str(caught.value)


def test_unknown_ids_raise_a_key_error_that_says_so() -> None:
    with pytest.raises(KeyError, match="no person with id 'nobody'"):
        default_registry()["nobody"]


def test_name_key() -> None:
    assert name_key("Secretary-General") == name_key("secretary general")


# --- mentions in running text ---------------------------------------------------------


def mentions(text: str, on: dt.date | None = None) -> list[tuple[str, str | None, str]]:
    return [(m.span.of(text), m.person_id, m.method) for m in find_mentions(text, anchor=on)]


def test_the_writers_own_reference_decides_a_later_bare_title() -> None:
    text = "In 2019, Foreign Minister Taro Kono spoke. The Foreign Minister said Japan would help."
    assert mentions(text, on=D(2025, 1, 1))[1] == ("Foreign Minister", "taro-kono", "context")


def test_a_past_year_in_the_sentence_dates_the_title() -> None:
    text = (
        "In 2016, the Secretary General visited Tokyo. Today the Secretary General is in Brussels."
    )
    found = mentions(text, on=D(2025, 3, 1))
    assert [pid for _, pid, _ in found] == ["jens-stoltenberg", "mark-rutte"]


def test_another_office_is_not_its_holder() -> None:
    text = "The Deputy Secretary General met the UN Secretary-General."
    # NATO's deputy is not NATO's Secretary General; the UN's is the UN's own
    assert [pid for _, pid, _ in mentions(text, on=D(2023, 1, 1))] == [None, "antonio-guterres"]


def test_pronouns_take_the_subject_they_stand_for_and_agree_in_gender() -> None:
    text = (
        "Foreign Minister Yoko Kamikawa met Secretary General Jens Stoltenberg. "
        "She said Japan would help. He thanked her."
    )
    found = mentions(text, on=D(2024, 4, 3))
    pronouns = [(surface, pid) for surface, pid, method in found if method == "pronoun"]
    assert pronouns == [
        ("She", "yoko-kamikawa"),
        ("He", "jens-stoltenberg"),
        ("her", "yoko-kamikawa"),
    ]


def test_pronouns_inside_a_quotation_are_not_resolved() -> None:
    text = "Stoltenberg said: “He who hesitates loses.”"
    assert [surface for surface, _, _ in mentions(text)] == ["Stoltenberg"]


def test_unregistered_people_keep_a_stable_id_and_their_later_mentions() -> None:
    text = "Professor Ken Jimbo spoke first. Later, Jimbo answered questions."
    assert mentions(text) == [
        ("Professor Ken Jimbo", "unregistered:ken-jimbo", "unregistered"),
        ("Jimbo", "unregistered:ken-jimbo", "unregistered"),
    ]
    assert find_mentions(text)[0].title == "Professor"
    assert not find_mentions(text)[0].resolved
    assert [m.name for m in find_mentions(text)] == ["Ken Jimbo", "Ken Jimbo"]


def test_words_that_look_like_family_names_are_not_people() -> None:
    text = "They walked in Yoyogi Park under the moon, and Moon Festival began; a trump card."
    assert mentions(text, on=D(2023, 1, 1)) == []


def test_a_name_broken_over_a_line_is_still_found() -> None:
    text = "The talks with Secretary General Jens\nStoltenberg went well."
    assert mentions(text) == [("Secretary General Jens\nStoltenberg", "jens-stoltenberg", "name")]


def _score_line(name: str, score: people_labels.Score) -> str:
    misses = "\n".join(score.misses)
    return f"{name}: precision {score.precision:.3f}, recall {score.recall:.3f}\n{misses}"


def test_labelled_mentions() -> None:
    rows = people_labels.records()
    assert sum(len(r["mentions"]) for r in rows) >= 60
    score = people_labels.score_mentions(lambda t, d: find_mentions(t, anchor=d), rows)
    assert score.precision >= 0.97 and score.recall >= 0.97, _score_line("mentions", score)


def test_labelled_quotes() -> None:
    rows = people_labels.records()
    assert sum(len(r["quotes"]) for r in rows) >= 20
    score = people_labels.score_quotes(lambda t, d: find_quotes(t, anchor=d), rows)
    assert score.precision >= 0.95 and score.recall >= 0.95, _score_line("quotes", score)


def test_held_out_white_house_readouts() -> None:
    rows = people_labels.records(people_labels.HELD_OUT)
    score = people_labels.score_mentions(lambda t, d: find_mentions(t, anchor=d), rows)
    assert score.precision >= 0.9 and score.recall >= 0.9, _score_line("held out", score)


def test_every_labelled_span_is_where_the_label_says() -> None:
    for path in (people_labels.LABELS, people_labels.HELD_OUT):
        for row in people_labels.records(path):
            for surface, index, _ in row["mentions"]:
                assert (
                    people_labels.occurrence(row["text"], surface, index).of(row["text"]) == surface
                )


# --- quotes ------------------------------------------------------------------------------


TUESDAY = D(2023, 1, 31)


def quotes(
    text: str, on: dt.date | None = TUESDAY
) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.span.of(text), q.speaker, q.cue, q.route) for q in find_quotes(text, anchor=on)]


def test_quote_marks_of_every_kind() -> None:
    text = (
        '“Curly,” said Mr Stoltenberg. "Straight," Kishida said. '
        "Stoltenberg stressed that ''doubled apostrophes'' matter."
    )
    assert quotes(text) == [
        ("Curly", "Jens Stoltenberg", "said", "named"),
        ("Straight", "Fumio Kishida", "said", "named"),
        ("doubled apostrophes", "Jens Stoltenberg", "stressed", "named"),
    ]


def test_a_quote_after_a_colon_and_one_after_a_pronoun() -> None:
    text = "Mr Stoltenberg warned that: “Beijing is watching.” Later: “We agree,” he said."
    assert quotes(text) == [
        ("Beijing is watching.", "Jens Stoltenberg", "warned", "named"),
        ("We agree", "Jens Stoltenberg", "said", "pronoun"),
    ]


def test_a_quote_by_title_names_the_holder_and_one_by_a_source_names_it() -> None:
    text = "“Never,” said the NATO Secretary General. “Perhaps,” the Kremlin said."
    found = find_quotes(text, anchor=D(2025, 3, 1))
    assert [(q.person_id, q.route) for q in found] == [("mark-rutte", "title"), (None, "source")]
    assert found[1].speaker == "Kremlin"
    assert found[1].speaker_span is not None and found[1].speaker_span.of(text) == "Kremlin"


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Japan’s partners’ support isn’t new, Stoltenberg said."
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text",
    ["“never closed", "closed only”", "“a “b” c", '"', "''", "“”", "‘single", "“\n\n“", "a ” b “"],
)
def test_unbalanced_marks_never_raise(text: str) -> None:
    for quote in find_quotes(text):
        assert 0 <= quote.span.start <= quote.span.end <= len(text)


def test_a_quotation_running_on_into_the_next_paragraph() -> None:
    text = (
        "Stoltenberg told students: “The world is dangerous.\n\n“But we stand together,” he said."
    )
    assert [q[0] for q in quotes(text)] == ["The world is dangerous.", "But we stand together"]


# --- documents -------------------------------------------------------------------------


def test_spans_of_every_bundled_mention_and_quote_slice_the_text(corpus: natojp.Corpus) -> None:
    for doc in corpus:
        assert doc.mentions, doc.id
        for m in doc.mentions:
            assert m.span.of(doc.text).strip() == m.span.of(doc.text)
        for q in doc.quotes:
            assert (
                doc.text[q.span.start - 1] in "“\"'"
                or doc.text[q.span.start - 2 : q.span.start] == "''"
            )


def test_who_speaks_or_writes_each_bundled_document(corpus: natojp.Corpus) -> None:
    speakers = {doc.id: [(s.person_id, s.role) for s in doc.speakers] for doc in corpus}
    assert speakers["2022-06-30-nikkei-op-ed"] == [("jens-stoltenberg", "author")]
    # Kishida is addressed ("Prime Minister Kishida, Thank you"), not speaking.
    assert speakers["2023-01-31-tokyo-joint-press-point"] == [("jens-stoltenberg", "speaker")]
    assert speakers["2023-02-01-keio-speech"] == [("jens-stoltenberg", "speaker")]
    assert speakers["2023-01-31-tokyo-news-release"] == []
    keio = corpus["2023-02-01-keio-speech"]
    assert [s.person_id for s in keio.segments if s.speaker] == ["jens-stoltenberg"]


def test_speaker_labels_are_not_mentions(corpus: natojp.Corpus) -> None:
    keio = corpus["2023-02-01-keio-speech"]
    label = next(s.speaker_span for s in keio.segments if s.speaker_span)
    assert label is not None
    assert not any(label.start < m.span.end and m.span.start < label.end for m in keio.mentions)


def test_the_undated_article_is_resolved_on_its_inferred_date(corpus: natojp.Corpus) -> None:
    article = corpus["tokyo-visit-news-article"]
    first = article.mentions[0]
    assert first.span.of(article.text) == "NATO Secretary General"
    assert (first.person_id, first.method) == ("jens-stoltenberg", "title+date")


def test_transcript_speaker_labels_resolve() -> None:
    doc = natojp.parse(
        "Press conference\n\n31 January 2023\n\n"
        "PRIME MINISTER KISHIDA: Welcome, Secretary General.\n\n"
        "SECRETARY GENERAL STOLTENBERG: Thank you.\n\n"
        "PRIME MINISTER ALBANESE: Good day.\n\nMINISTER HALVORSEN: Hello.\n\nQ: A question.",
        format="transcript",
    )
    assert [s.person_id for s in doc.speakers] == [
        "fumio-kishida",
        "jens-stoltenberg",
        "anthony-albanese",  # Australia's prime minister that day
        "unregistered:halvorsen",
        None,
    ]


def test_annotate_with_an_extended_registry(corpus: natojp.Corpus) -> None:
    itoh = Person(id="akio-itoh", name="Akio Itoh")
    again = corpus.annotate(default_registry().with_people([itoh]))
    ids = {m.person_id for m in again["2023-02-01-keio-speech"].mentions}
    assert "akio-itoh" in ids and "unregistered:itoh" not in ids
    assert "unregistered:itoh" in {m.person_id for m in corpus["2023-02-01-keio-speech"].mentions}


def test_people_survive_a_json_round_trip(corpus: natojp.Corpus) -> None:
    for doc in corpus:
        back = natojp.loads_document(natojp.dumps(doc))
        assert (back.mentions, back.quotes, back.speakers) == (
            doc.mentions,
            doc.quotes,
            doc.speakers,
        )


# --- never raises ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(name_texts(max_pieces=40), anchors())
def test_resolution_and_extraction_never_raise(
    text: str, day: dt.date | PartialDate | None
) -> None:
    found = find_mentions(text, anchor=day)
    for m in found:
        assert 0 <= m.span.start < m.span.end <= len(text)
    assert [m.span.start for m in found] == sorted(m.span.start for m in found)
    for q in find_quotes(text, anchor=day, mentions=found):
        assert 0 <= q.span.start <= q.span.end <= len(text)
        if q.speaker_span is not None:
            assert q.speaker_span.end <= len(text)
    default_registry().resolve(text, anchor=day, context=text)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(str.strip))
def test_annotating_any_parsed_text_never_raises(text: str) -> None:
    try:
        doc = natojp.parse(text, format="plain")
    except natojp.NatojpError:
        return
    assert annotate(doc) == doc


def test_a_datetime_anchor_is_read_as_its_day() -> None:
    # a datetime is a date; comparing it with dates raised TypeError
    text = "NATO\n\nPrime Minister > 30 June 2022"
    day = dt.datetime(2000, 1, 1)
    assert find_mentions(text, anchor=day) == find_mentions(text, anchor=day.date())
    resolved = default_registry().resolve(
        "Prime Minister Kishida", anchor=dt.datetime(2023, 1, 31, 9)
    )
    assert resolved.person is not None and resolved.person.id == "fumio-kishida"


def test_holders_on_a_moment_are_those_of_its_own_local_day() -> None:
    # The same instant is 31 January in London and 1 February in Paris (the two
    # datetimes are equal); the office ended on 1 February. Asked in either
    # order, each day has its own answer.
    from natojp.people import Person, default_registry

    pm = Person(
        id="x-pm",
        name="Ex Ample",
        roles=[{"title": "Prime Minister", "organisation": "Xland", "end": "2023-02-01"}],
    )
    london = dt.datetime(2023, 1, 31, 23, 30, tzinfo=dt.timezone.utc)
    paris = london.astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert london == paris
    for order in ((london, paris), (paris, london)):
        registry = default_registry().with_people([pm])
        for when in order:
            found = registry.holders("Prime Minister", organisation="Xland", anchor=when)
            assert [p.id for p in found] == (["x-pm"] if when is london else [])
