"""Issue 15, "the right person, or none": rules that keep natojp from naming the
wrong person, each on text written for the rule (not taken from the held-out set)."""

from __future__ import annotations

import datetime as dt

import pytest

import natojp
from natojp.people import default_registry, find_mentions
from natojp.people._annotate import home_of
from natojp.people._names import display_name

DAY = dt.date(2023, 5, 1)


def _said(text: str, **kwargs: object) -> dict[str, tuple[str | None, str]]:
    return {
        m.span.of(text): (m.person_id, m.method)
        for m in find_mentions(text, anchor=DAY, **kwargs)  # type: ignore[arg-type]
    }


@pytest.mark.parametrize(
    "address", ["Mr. President", "Madam Speaker", "Madam President", "Mr. Secretary"]
)
def test_an_address_names_no_one(address: str) -> None:
    text = f"{address}, thank you for your leadership."
    assert _said(text)[address] == (None, "address")


def test_an_address_before_a_name_is_that_person() -> None:
    assert _said("Mr. President Biden spoke.")["Mr. President Biden"][0] == "joe-biden"


@pytest.mark.parametrize(
    ("text", "mention", "not_id"),
    [
        ("Mrs. Kishida visited a school.", "Mrs. Kishida", "fumio-kishida"),
        ("Ms. Biden spoke first.", "Ms. Biden", "joe-biden"),
        ("Dr. Biden visited a school.", "Dr. Biden", "joe-biden"),
        ("Professor Kishida teaches physics.", "Professor Kishida", "fumio-kishida"),
    ],
)
def test_an_honorific_that_contradicts_the_person_leaves_them_unnamed(
    text: str, mention: str, not_id: str
) -> None:
    found = {m.span.of(text): m for m in find_mentions(text, anchor=DAY)}
    assert found[mention].person_id is None
    assert not_id in found[mention].candidates  # left as a candidate, never a guess


def test_a_title_the_person_never_held_leaves_them_unnamed() -> None:
    found = {
        m.span.of(t): m
        for t in ["Foreign Minister Abe visited Moscow."]
        for m in find_mentions(t, anchor=dt.date(1983, 6, 1))
    }
    assert found["Foreign Minister Abe"].person_id is None
    assert found["Foreign Minister Abe"].candidates == ("shinzo-abe",)
    assert _said("Prime Minister Abe visited Moscow.")["Prime Minister Abe"][0] == "shinzo-abe"


def test_a_bare_title_in_a_text_from_an_organisation_is_its_own_office_holder() -> None:
    text = "President Zelenskyy met officials in Kyiv.\n\nLater, the President spoke about the economy."
    bare = [m for m in find_mentions(text, anchor=DAY, home="United States") if m.method != "alias"]
    assert [(m.span.of(text), m.person_id) for m in bare] == [("President", "joe-biden")]
    # without a home, the writer's own reference (President Zelenskyy) stands
    plain = [m for m in find_mentions(text, anchor=DAY) if m.span.of(text) == "President"]
    assert [m.person_id for m in plain] == ["volodymyr-zelenskyy"]


def test_in_the_same_sentence_the_named_holder_stands_even_at_home() -> None:
    text = "President Macron arrived, and the President thanked his hosts."
    found = [m for m in find_mentions(text, anchor=DAY, home="United States") if m.title]
    assert found[-1].span.of(text) == "President"
    assert found[-1].person_id != "joe-biden"


def test_a_title_of_an_organisation_natojp_does_not_know_is_someone_else() -> None:
    text = "The President of Brazil met the President of the United States."
    for home in (None, "United States"):
        presidents = list(find_mentions(text, anchor=DAY, home=home))
        assert presidents[0].person_id is None  # of Brazil: an office natojp does not hold
        assert presidents[1].person_id == "joe-biden"


@pytest.mark.parametrize(
    "text", ["A new Secretary General will be chosen.", "NATO will name a Secretary General soon."]
)
def test_a_title_for_no_one_holder_names_no_one(text: str) -> None:
    found = [m for m in find_mentions(text, anchor=DAY) if m.title == "Secretary General"]
    assert found and all(m.person_id is None for m in found)


@pytest.mark.parametrize(
    "text", ["The U.S. Ambassador spoke.", "U.K. officials met U.N. staff.", "The E.U. agreed."]
)
def test_dotted_abbreviations_are_never_people(text: str) -> None:
    assert [m for m in find_mentions(text, anchor=DAY) if m.method != "address"] == []


def test_his_excellency_in_initials_is_an_honorific() -> None:
    assert (
        _said("H.E. Prime Minister Kishida spoke.")["H.E. Prime Minister Kishida"][0]
        == "fumio-kishida"
    )


@pytest.mark.parametrize(
    ("url", "outlet", "home"),
    [
        ("https://www.whitehouse.gov/briefing-room/x/", None, "United States"),
        ("https://bidenwhitehouse.archives.gov/briefing-room/x/", None, "United States"),
        ("https://www.nato.int/cps/en/natohq/news.htm", None, "NATO"),
        ("https://www.mofa.go.jp/press/page.html", None, "Japan"),
        (None, "The White House", "United States"),
        ("https://example.com/news", None, None),
    ],
)
def test_home_comes_from_the_source(url: str | None, outlet: str | None, home: str | None) -> None:
    doc = natojp.parse("A note.\n\nNothing else.", metadata={"url": url, "outlet": outlet})
    assert home_of(doc) == home


def test_a_general_assembly_speech_is_from_the_united_nations() -> None:
    text = "Mr. President,\n\nThe General Assembly meets again. This General Assembly must act."
    assert home_of(natojp.parse(text, format="plain")) == "United Nations"


def test_registry_still_names_the_plain_cases() -> None:
    registry = default_registry()
    assert registry.resolve("Mr. MOTEGI Toshimitsu").person is not None
    assert (
        _said("Prime Minister Kishida and Foreign Minister Hayashi met.")["Prime Minister Kishida"][
            0
        ]
        == "fumio-kishida"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Brazil's Foreign Minister said no.",
        "The Foreign Minister said no.",
        "The Defence Minister said no.",
    ],
)
def test_without_a_home_a_bare_title_needs_its_organisation_in_the_text(text: str) -> None:
    # the registry holds no Brazilian ministers; nothing else names a country
    [mention] = find_mentions(text, anchor=DAY)
    assert mention.person_id is None


def test_with_its_organisation_named_the_bare_title_is_its_holder() -> None:
    text = "Japan and NATO met in Brussels. The Foreign Minister said no."
    [mention] = find_mentions(text, anchor=dt.date(2024, 5, 1))
    assert mention.person_id == "yoko-kamikawa"


@pytest.mark.parametrize(
    "text",
    [
        "Officials from Saudi Arabia, whose Foreign Minister spoke, agreed.",
        "Delegations from New Zealand, the Minister said, agreed.",
    ],
)
def test_places_before_an_appositive_are_not_people(text: str) -> None:
    assert all(
        m.person_id is None or not m.person_id.startswith("unregistered:")
        for m in find_mentions(text, anchor=DAY)
    )


def test_a_month_or_a_lower_case_word_alone_is_not_a_family_name() -> None:
    text = "In May, Theresa May met Prime Minister May. May said yes. Key said the key is trade."
    said = [(m.span.of(text), m.person_id) for m in find_mentions(text, anchor=dt.date(2017, 6, 1))]
    assert said == [("Theresa May", "theresa-may"), ("Prime Minister May", "theresa-may")]


def test_a_title_of_a_named_country_is_not_an_earlier_holder_of_another() -> None:
    text = (
        "President Zelenskyy spoke of the war. Neither the Government nor I, the President of "
        "Poland, had to call on them."
    )
    said = {m.span.of(text): m.person_id for m in find_mentions(text, anchor=dt.date(2022, 9, 20))}
    assert said["President"] == "andrzej-duda"


def test_a_country_named_in_passing_is_not_what_a_text_is_about() -> None:
    """Five "China"s in a speech that names the United Nations twenty times do not
    make "the President" China's (the text names no assembly, so it has no home)."""
    text = " ".join(["The United Nations must act."] * 20 + ["China agrees."] * 5)
    text += " We congratulate the President warmly on his election."
    said = find_mentions(text, anchor=natojp.PartialDate(1996))
    assert [m.person_id for m in said if m.title == "President"] == [None]


def test_a_full_date_in_the_sentence_dates_a_title_in_a_text_dated_by_year() -> None:
    text = "On 10 August 1953, they wrote to the Secretary-General of the United Nations."
    [mention] = find_mentions(text, anchor=natojp.PartialDate(1953))
    assert mention.person_id == "dag-hammarskjold"  # Trygve Lie left office in April 1953


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister of the United Kingdom", "boris-johnson"),
        ("the President of the French Republic", "emmanuel-macron"),
        ("President of Brazil", None),  # an office natojp does not hold
        ("President of France", "emmanuel-macron"),
    ],
)
def test_registry_resolves_a_title_of_an_organisation(text: str, expected: str | None) -> None:
    found = default_registry().resolve(text, anchor=dt.date(2020, 6, 1))
    assert (found.person.id if found.person else None) == expected


def test_a_title_before_the_person_first_held_it_is_not_them() -> None:
    text = "We note the proposal made by President Bush in this respect."
    [early] = find_mentions(text, anchor=natojp.PartialDate(1990))
    assert early.person_id is None and early.candidates == ("george-w-bush",)
    [later] = find_mentions(text, anchor=natojp.PartialDate(2015))  # a former president
    assert later.person_id == "george-w-bush"


def test_a_portuguese_particle_keeps_the_name_whole() -> None:
    text = "We thank Mr. Diogo Freitas do Amaral for the work."
    [mention] = find_mentions(text, anchor=dt.date(1996, 9, 20))
    assert mention.name == "Diogo Freitas do Amaral"
    assert display_name("Mr. Vasco do Rego") == "Vasco do Rego"  # one not registered


def test_a_family_name_alone_of_someone_out_of_office_needs_a_fuller_mention() -> None:
    text = "Go ahead, Kelly."  # a reporter in 2021; John F. Kelly left office in 2019
    [alone] = find_mentions(text, anchor=dt.date(2021, 7, 26))
    assert alone.person_id is None and alone.candidates == ("john-f-kelly",)
    fuller = "Secretary John Kelly spoke in 2017. Kelly said no."
    said = [m.person_id for m in find_mentions(fuller, anchor=dt.date(2021, 7, 26))]
    assert said == ["john-f-kelly", "john-f-kelly"]


def test_our_before_an_office_of_the_texts_own_organisation_is_its_holder() -> None:
    text = "We thank our Secretary-General for his report. Our President sends greetings."
    said = {
        m.span.of(text): m.person_id
        for m in find_mentions(text, anchor=dt.date(2005, 9, 20), home="United Nations")
    }
    assert said["Secretary-General"] == "kofi-annan"  # the UN's, everyone's there
    assert said["President"] is None  # the speaker's own


def test_a_title_in_apposition_is_the_named_persons() -> None:
    text = "With respect to democracy, the President of Cameroon, Paul Biya, spoke."
    said = [(m.span.of(text), m.name) for m in find_mentions(text, anchor=dt.date(1992, 9, 1))]
    assert said == [("President", "Paul Biya"), ("Paul Biya", "Paul Biya")]


def test_an_office_named_after_another_is_not_that_others_holder() -> None:
    text = "We thank the Special Representative of the Secretary-General on Children."
    assert find_mentions(text, anchor=dt.date(2023, 9, 20), home="United Nations") == ()


def test_a_bare_title_set_off_by_commas_is_an_address() -> None:
    text = 'Xi told me: "President, you have done well."'
    [_, mention] = find_mentions(text, anchor=dt.date(2021, 9, 21))  # Xi, "President"
    assert mention.method == "address" and mention.person_id is None


def test_a_year_in_which_the_office_changed_hands_names_no_one_alone() -> None:
    # Trygve Lie left in April 1953: in a text dated only "1953" the registry's
    # one holder for part of the year is not evidence enough
    text = "The Secretary-General of the United Nations wrote to us."
    [mention] = find_mentions(text, anchor=natojp.PartialDate(1953))
    assert mention.person_id is None
    [later] = find_mentions(text, anchor=natojp.PartialDate(1955))
    assert later.person_id == "dag-hammarskjold"  # held it all year


def test_an_honorific_and_family_name_of_someone_out_of_office_needs_more() -> None:
    text = "As stressed by our Prime Minister, Mr. Mitsotakis, we seek peace."
    said = [m.person_id for m in find_mentions(text, anchor=natojp.PartialDate(1992))]
    assert "kyriakos-mitsotakis" not in said  # prime minister from 2019
