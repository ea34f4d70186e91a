"""The bundled registry is data users trust: every role cited where it was added
with a source, no office held by two people at once, ids and names unique."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict
from importlib import resources

import pytest

from natojp.people import default_registry

DATA = json.loads((resources.files("natojp") / "data" / "people.json").read_text(encoding="utf-8"))


def test_ids_are_unique_and_slug_shaped() -> None:
    ids = [person["id"] for person in DATA["people"]]
    assert len(ids) == len(set(ids))
    assert all(i.replace("-", "").isalnum() and i == i.lower() for i in ids)


def test_no_office_is_held_by_two_people_at_once() -> None:
    held: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person in default_registry():
        for role in person.roles:
            if role.start is None:
                continue
            held[(role.title, role.organisation)].append(
                (role.start, role.end or dt.date.max, person.id)
            )
    clashes = []
    for office, terms in held.items():
        terms.sort()
        for (_, end, who), (start, _, other) in itertools.pairwise(terms):
            if start < end and other not in ACTING_WHILE_SUSPENDED:
                clashes.append(f"{office}: {who} until {end}, {other} from {start}")
    assert not clashes, "\n".join(clashes)


#: Acting holders while the holder was suspended (impeached, not yet removed): two
#: people hold the office at once, so a bare title on those days names no one.
ACTING_WHILE_SUSPENDED = {
    "goh-kun",  # South Korea, 2004: Roh Moo-hyun suspended
    "hwang-kyo-ahn",  # South Korea, 2016-17: Park Geun-hye suspended
    "choi-sang-mok",  # South Korea, 2024-25: Yoon Suk Yeol and Han Duck-soo suspended
}


# The people the registry held before roles were cited (issue 15); everyone after
# them is cited role by role.
FIRST_UNCITED = 26


def test_every_person_added_since_cites_every_role_and_the_quote_shows_its_start() -> None:
    undated_quotes = []
    for person in DATA["people"][FIRST_UNCITED:]:
        for role in person["roles"]:
            source = role.get("source")
            assert source and source["url"].startswith("http"), (person["id"], role["title"])
            if person["id"] in QUOTED_IN_ANOTHER_LANGUAGE:
                continue
            # the quote shows the start (or the end: a successor's page often
            # shows both the day one term ended and the next began) by its year
            # or its day and month
            days = [role[key] for key in ("start", "end") if role.get(key)]
            shown = source["quote"] + " " + source.get("title", "")  # "(Novinite, 2026-02-19)"
            if days and not any(_shows(shown, day) for day in days):
                undated_quotes.append((person["id"], role["title"], role.get("start")))
    assert not undated_quotes, undated_quotes


#: Roles whose excerpt gives the date in another language ("9 marzo", "21 septembre").
QUOTED_IN_ANOTHER_LANGUAGE = {
    "antonio-jose-seguro": "Italian",
    "annalena-baerbock": "Thai (Buddhist-era year 2564)",
    "jean-noel-barrot": "French",
    "samuel-insanally": "Croatian",
    "boris-ruge": "Romanian",
}


def _shows(quote: str, iso: str) -> bool:
    day = dt.date.fromisoformat(iso)
    forms = (
        str(day.year),
        iso,
        f"{day:%B} {day.day}",
        f"{day.day} {day:%B}",
        f"{day:%b} {day.day}",
        f"{day:%b}. {day.day}",
        f"{day.day} {day:%b}",
    )
    return any(form in quote for form in forms)


def test_every_added_role_cites_the_page_its_dates_come_from() -> None:
    cited = [
        (person["id"], role)
        for person in DATA["people"]
        for role in person["roles"]
        if "source" in role
    ]
    assert len(cited) >= 30
    for who, role in cited:
        source = role["source"]
        assert source["url"].startswith("http"), who
        assert source["quote"].strip(), who
    # the registry exposes the URL on the role
    guterres = default_registry()["antonio-guterres"]
    assert all(role.source and role.source.startswith("http") for role in guterres.roles)


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("UN Secretary-General", dt.date(2005, 6, 1), "kofi-annan"),
        ("UN Secretary-General", dt.date(2012, 6, 1), "ban-ki-moon"),
        ("UN Secretary-General", dt.date(2023, 6, 1), "antonio-guterres"),
        ("Secretary of State", dt.date(2022, 6, 1), "antony-blinken"),
        ("Secretary of Defense", dt.date(2022, 6, 1), "lloyd-austin"),
        ("UN Secretary-General", dt.date(1960, 6, 1), "dag-hammarskjold"),
        ("President of the General Assembly", dt.date(2007, 10, 1), "srgjan-kerim"),
        ("Prime Minister of the United Kingdom", dt.date(2020, 6, 1), "boris-johnson"),
        ("French President", dt.date(2020, 6, 1), "emmanuel-macron"),
        ("German Chancellor", dt.date(2023, 6, 1), "olaf-scholz"),
        ("Chinese Premier", dt.date(2015, 6, 1), "li-keqiang"),
    ],
)
def test_added_offices_resolve_by_day(text: str, day: dt.date, expected: str) -> None:
    found = default_registry().resolve(text, anchor=day)
    assert found.person is not None and found.person.id == expected
