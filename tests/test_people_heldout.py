"""natojp on the blind-labelled held-out people set (tests/data/heldout_people.jsonl):
the issue's bar for the wrong-person rate, and a floor under the right-name
share so that it can only go up. Needs the archives in ../shared/data."""

from __future__ import annotations

import pytest

from tests import people_heldout

pytestmark = pytest.mark.skipif(not people_heldout.ready(), reason="the archives are not here")


@pytest.fixture(scope="module")
def scored() -> people_heldout.Score:
    items = people_heldout.items()
    return people_heldout.score(items, people_heldout.documents(items))


def test_the_labels_are_found_in_the_loaded_documents(scored: people_heldout.Score) -> None:
    assert scored.unlocated <= 5
    assert scored.total >= 500


def test_natojp_rarely_names_the_wrong_person(scored: people_heldout.Score) -> None:
    wrong = "\n".join(
        f"{item.mention!r} -> {said}, label {item.name}" for item, said in scored.wrong
    )
    assert scored.wrong_rate <= 0.02, wrong


def test_set_2_labelled_after_the_tuning_keeps_the_wrong_person_rate() -> None:
    """Set 2 was labelled blind after the rules were tuned on set 1; its first
    score was 63.1% right, 3.7% wrong (7 of 187)."""
    labelled = people_heldout.items(people_heldout.LABELS_2)
    scored = people_heldout.score(labelled, people_heldout.documents(labelled))
    assert scored.unlocated == 0 and scored.total >= 180
    assert scored.wrong_rate <= 0.02, [(i.mention, said) for i, said in scored.wrong]
    assert scored.accuracy >= 0.63


def test_set_3_keeps_its_measured_figures() -> None:
    """Set 3 was labelled blind in the fourth session; its first score (the code
    before that session) was 72.7% right, 3.7% wrong (7 of 187, scored as now)."""
    labelled = people_heldout.items(people_heldout.LABELS_3)
    scored = people_heldout.score(labelled, people_heldout.documents(labelled))
    assert scored.unlocated <= 1 and scored.total >= 180
    assert scored.wrong_rate <= 0.03, [(i.mention, said) for i, said in scored.wrong]
    assert scored.accuracy >= 0.74


def test_right_names_stay_above_the_measured_floor(scored: people_heldout.Score) -> None:
    # 24.3% on the first run, before issue 15's work; 45.7% after the first
    # session, 71.3% after the second (UN files loaded with their metadata)
    assert scored.accuracy >= 0.70


def test_traps_name_no_one_wrongly(scored: people_heldout.Score) -> None:
    for kind in ("trap: abbreviation", "trap: address", "trap: same_surname", "trap: bare_title"):
        assert scored.wrong_by_kind[kind] == 0, kind
