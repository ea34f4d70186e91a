"""Issue 15: forms of address and bare titles resolved to the person spoken to,
or to no one. Each text is written for its rule (not taken from the held-out set)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

import natojp
from natojp.models import Document
from natojp.people import Registry, annotate
from natojp.people._mentions import find_mentions

_CHAIR = "President of the General Assembly"


def _assembly_registry(tmp_path: Path) -> Registry:
    """natojp's registry with its chairs of the General Assembly replaced by two
    made-up ones, whose sessions opened in 2006 and 2007 (so the rule is tested
    apart from the researched data)."""
    data = json.loads((resources.files("natojp") / "data" / "people.json").read_text("utf-8"))
    data["people"] = [
        p for p in data["people"] if all(r["title"] != _CHAIR for r in p["roles"])
    ] + [
        {"id": "ada-halvorsen", "name": "Ada Halvorsen", "gender": "f",
         "roles": [{"title": _CHAIR, "organisation": "United Nations",
                    "start": "2006-09-12", "end": "2007-09-18"}]},
        {"id": "bruno-kerimov", "name": "Bruno Kerimov", "gender": "m",
         "roles": [{"title": _CHAIR, "organisation": "United Nations",
                    "start": "2007-09-18", "end": "2008-09-16"}]},
    ]  # fmt: skip
    path = tmp_path / "people.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return Registry.load(path)


_SPEECH = (
    "Address to the sixty-second session of the General Assembly.\n\n"
    "I congratulate you, Sir, on your election to the presidency of the General "
    "Assembly. Let us work together, Mr. President. The President took the Chair. "
    "Our President has asked me to speak. The President of the Republic sends his "
    "greetings. Madam President, thank you. The United States and Russia agree."
)


Speech = Callable[[dict[str, str]], Document]


def _said(doc: Document) -> list[tuple[str, str | None]]:
    return [(m.span.of(doc.text), m.person_id) for m in doc.mentions]


@pytest.fixture
def speech(tmp_path: Path) -> Callable[[dict[str, str]], Document]:
    registry = _assembly_registry(tmp_path)

    def annotated(metadata: dict[str, str]) -> Document:
        return annotate(natojp.parse(_SPEECH, metadata=metadata), registry)

    return annotated


def test_a_general_debate_speech_addresses_the_chair_of_its_session(speech: Speech) -> None:
    said = _said(speech({"year": "2007", "session": "62"}))
    assert ("Sir", "bruno-kerimov") in said
    assert ("Mr. President", "bruno-kerimov") in said
    assert said.count(("President", "bruno-kerimov")) == 1  # "The President took the Chair"


def test_a_speakers_own_president_is_not_the_chair(speech: Speech) -> None:
    said = _said(speech({"year": "2007", "session": "62"}))
    # "Our President", "The President of the Republic" and the "his" after it
    assert said.count(("President", None)) == 2
    assert ("his", None) in said


def test_madam_president_is_not_a_male_chair(speech: Speech) -> None:
    assert ("Madam President", None) in _said(speech({"year": "2007", "session": "62"}))


def test_a_year_alone_holds_two_sessions_so_no_chair_is_named(speech: Speech) -> None:
    said = _said(speech({"year": "2007"}))
    assert ("Mr. President", None) in said
    assert ("Sir", None) in said
    # and "the President" stays no one rather than the US or Russian president
    assert [pid for text, pid in said if text == "President"] == [None, None, None]


def test_a_full_date_names_the_chair_on_that_day(speech: Speech) -> None:
    said = _said(speech({"date": "2007-10-01"}))
    assert ("Mr. President", "bruno-kerimov") in said


def test_sir_is_an_address_only_in_a_speech_to_an_assembly() -> None:
    doc = natojp.parse("Yes, Sir, we will.\n\nThe ministers met on 3 May 2024 in Oslo.")
    assert "Sir" not in [text for text, _ in _said(doc)]


_TRANSCRIPT = """---
title: Remarks by President Biden and President Zelenskyy before a bilateral meeting
date: '2022-12-21'
source_url: https://www.whitehouse.gov/briefing-room/speeches-remarks/2022/12/21/remarks/
---

PRESIDENT BIDEN: Mr. President, welcome back. President Zelenskyy has been a friend.

PRESIDENT ZELENSKYY: Thank you, Mr. President. Thank you for everything.

THE PRESIDENT: And we will stand with you.
"""


def test_mr_president_in_a_conversation_is_the_other_president_present() -> None:
    doc = natojp.parse(_TRANSCRIPT)
    addresses = [m.person_id for m in doc.mentions if m.method == "address"]
    assert addresses == ["volodymyr-zelenskyy", "joe-biden"]


def test_a_title_label_on_a_white_house_page_is_the_us_holder_that_day() -> None:
    doc = natojp.parse(_TRANSCRIPT)
    labels = {s.speaker: s.person_id for s in doc.segments if s.speaker}
    assert labels["THE PRESIDENT"] == "joe-biden"


@pytest.mark.parametrize(
    "others",
    ["President Macron and President Zelenskyy", "President Zelenskyy and Mrs. Zelenska"],
)
def test_an_address_with_two_or_no_holders_present_names_no_one(others: str) -> None:
    text = _TRANSCRIPT.replace("President Zelenskyy has been", f"{others} have been")
    text = text.replace("PRESIDENT ZELENSKYY:", "MS. SMITH:")
    if "Macron" in others:
        doc = natojp.parse(text)
        first = next(m for m in doc.mentions if m.method == "address")
        assert first.person_id is None
    else:
        doc = natojp.parse(text.replace("Mr. President, welcome", "Madam President, welcome"))
        first = next(m for m in doc.mentions if m.method == "address")
        assert first.person_id is None  # Zelenskyy is no "Madam President"


def test_us_the_pronoun_is_not_the_united_states() -> None:
    """A bare title is not resolved by "us" read as "US": in a text from nowhere,
    "the President" with "us" around is no one."""
    text = "Let us hope the President will visit us soon, as he promised us."
    mentions = natojp.people.find_mentions(text, anchor=natojp.PartialDate(2023, 5, 1))
    assert [m.person_id for m in mentions if m.title == "President"] == [None]


@pytest.mark.parametrize(
    ("heading", "label", "name"),
    [
        ("Press Gaggle by Press Secretary Jen Psaki En Route Queens, New York", "MS. PSAKI",
         "Jen Psaki"),
        ("Press Briefing by Press Secretary Karine Jean-Pierre and National Security Council "
         "Coordinator for Strategic Communications John Kirby", "MR. KIRBY", "John Kirby"),
        ("Press Briefing by Press Secretary Karine Jean-Pierre", "MS. JEAN-PIERRE",
         "Karine Jean-Pierre"),
        ("Press Briefing by the Press Secretary", "MS. HALVORSEN", "Halvorsen"),
    ],
)  # fmt: skip
def test_a_speaker_label_takes_the_given_name_its_heading_writes(
    heading: str, label: str, name: str
) -> None:
    text = f"---\ntitle: {heading}\ndate: '2022-09-14'\n---\n\n{label}:  Good morning.\n\nQ:  Hi.\n"
    doc = natojp.parse(text)
    assert doc.speakers[0].name == name


_BRIEFING = """---
title: Press Briefing by Press Secretary Jen Psaki and National Security Advisor Jake Sullivan
date: '2021-09-15'
---

MS. PSAKI:  Good afternoon. Jake will start.

MR. SULLIVAN:  Thanks, Jen.

Q:  Jake, two questions. Jen Street was closed. In May we went to Jen's hometown.

Q:  Thanks, Jen. I called David [Davis] later.
"""


def test_a_given_name_alone_is_the_one_person_the_text_names_with_it() -> None:
    doc = natojp.parse(_BRIEFING)
    given = [(m.span.of(doc.text), m.name) for m in doc.mentions if m.method == "given name"]
    assert given == [
        ("Jen", "Jen Psaki"),  # "Thanks, Jen."
        ("Jake", "Jake Sullivan"),  # "Jake, two questions"
        ("Jen", "Jen Psaki"),  # "Jen's hometown"
        ("Jen", "Jen Psaki"),
    ]  # not "Jake will start" (a sentence's first word, no comma), not "Jen Street"
    # (a capitalised word joined to it), nor "David [Davis]"


def test_a_given_name_two_people_share_names_no_one() -> None:
    text = _BRIEFING.replace("Jake Sullivan", "Jen Okafor").replace("MR. SULLIVAN", "MS. OKAFOR")
    doc = natojp.parse(text)
    assert [m for m in doc.mentions if m.method == "given name"] == []


def test_a_speech_naming_the_assembly_once_beside_an_address_is_to_the_un(
    speech: Speech,
) -> None:
    from natojp.people._annotate import home_of

    doc = natojp.parse("Mr. President, the General Assembly meets in a hard year.")
    assert home_of(doc) == "United Nations"
    doc = natojp.parse("The General Assembly met. President Biden spoke in Ohio.")
    assert home_of(doc) is None


def test_a_title_is_the_start_of_the_office_its_holder_held() -> None:
    text = "We congratulate President Ashe on his election."
    said = {
        m.span.of(text): m.person_id
        for m in natojp.people.find_mentions(text, anchor=natojp.PartialDate(2013, 10))
    }
    assert said["President Ashe"] == "john-w-ashe"  # President of the General Assembly
    later = "Secretary Blinken agreed."
    [blinken] = natojp.people.find_mentions(later, anchor=natojp.PartialDate(2022, 10))
    assert blinken.person_id == "antony-blinken"  # the Secretary of State


@pytest.mark.parametrize(
    ("day", "home", "quoted", "expected"),
    [
        # in a speech to the Assembly: the Secretary-General of that day
        ("2021-09-22", "United Nations", False, "antonio-guterres"),
        ("2005-09-20", "United Nations", False, "kofi-annan"),
        # elsewhere, or inside a quotation, it names no one
        ("2021-09-22", None, False, None),
        ("2021-09-22", "United Nations", True, None),
        # another organisation's Secretary General
        ("2022-09-20", "United Nations", "NATO", None),
    ],
)
def test_mr_secretary_general_in_the_assembly_is_its_secretary_general(
    day: str, home: str | None, quoted: bool | str, expected: str | None
) -> None:
    text = "Mr. Secretary-General, distinguished delegates, we meet again."
    if quoted == "NATO":
        text = "Mr. Secretary-General of NATO, Mr. Stoltenberg, we meet again."
    elif quoted:
        text = "He told me: “Mr. Secretary-General, we meet again.”"
    found = find_mentions(
        text, natojp.people.default_registry(), on=dt.date.fromisoformat(day), home=home
    )
    address = next(m for m in found if m.method == "address" or "Secretary" in m.span.of(text))
    assert address.person_id == expected
