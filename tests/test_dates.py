from __future__ import annotations

import contextlib
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natojp.dates import find_dates, iter_absolute, parse_date
from natojp.errors import DateError, NatojpError
from natojp.models import PartialDate, Season
from tests.strategies import anchors, date_texts, days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01 FEB 2023", PartialDate(2023, 2, 1)),
        ("17.09.2023", PartialDate(2023, 9, 17)),
        ("June 30, 2022", PartialDate(2022, 6, 30)),
        ("31 Jan. 2023", PartialDate(2023, 1, 31)),
        ("31 Jan. 2023 -", PartialDate(2023, 1, 31)),
        ("Tuesday (31 January 2023)", PartialDate(2023, 1, 31)),
        ("Wednesday (12 July 2023)", PartialDate(2023, 7, 12)),
        ("25-May-2017 09:01", PartialDate(2017, 5, 25)),
        ("24 May. 2017", PartialDate(2017, 5, 24)),
        ("2022-05-24", PartialDate(2022, 5, 24)),
        ("2022-05-24 02:51:26-04:00", PartialDate(2022, 5, 24)),
        ("Tuesday, May 24, 2022", PartialDate(2022, 5, 24)),
        ("December 3, 2020", PartialDate(2020, 12, 3)),
        ("October 2014", PartialDate(2014, 10)),
        ("2027", PartialDate(2027)),
        ("in 2027", PartialDate(2027)),
    ],
)
def test_parse_date_keeps_the_precision_the_text_gives(text, expected):
    assert parse_date(text) == expected


def test_numeric_dates_follow_the_separator_or_dayfirst():
    assert parse_date("06/07/2023") == PartialDate(2023, 6, 7)
    assert parse_date("06/07/2023", dayfirst=True) == PartialDate(2023, 7, 6)
    assert parse_date("06.07.2023") == PartialDate(2023, 7, 6)
    assert parse_date("13/07/2023") == PartialDate(2023, 7, 13)


def test_slashed_numeric_dates_are_marked_ambiguous():
    (found,) = iter_absolute("on 06/07/2023 we met")
    assert found.ambiguous
    (found,) = iter_absolute("on 13/07/2023 we met")
    assert not found.ambiguous


def test_a_day_and_month_without_year_need_an_anchor():
    assert parse_date("June 29", anchor=dt.date(2022, 6, 30)) == PartialDate(2022, 6, 29)
    with pytest.raises(DateError, match="anchor"):
        parse_date("June 29")


@pytest.mark.parametrize(
    "text",
    [
        "98 views",
        "1080p",
        "2% of GDP",
        "NATO 2030 agenda",
        "COVID-19",
        "G7",
        "",
        "   ",
        "75 years",
        "40 partners",
    ],
)
def test_things_that_are_not_dates(text):
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert isinstance(info.value, NatojpError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("c. 1995", PartialDate(1995, approximate=True)),
        ("circa 1995", PartialDate(1995, approximate=True)),
        ("ca. 31 Jan 2023", PartialDate(2023, 1, 31, approximate=True)),
        ("about June 2022", PartialDate(2022, 6, approximate=True)),
        ("early 2023", PartialDate(2023)),
        ("mid-2022", PartialDate(2022)),
        ("Late 2021", PartialDate(2021)),
    ],
)
def test_archival_hedges_mark_a_date_approximate_and_part_of_a_year_is_the_year(text, expected):
    assert parse_date(text) == expected
    assert parse_date(text).approximate == expected.approximate


def test_circa_in_running_text_is_approximate_but_about_is_not_a_hedge():
    text = "The base was built c. 1995. Talks about 2019 were held in 2019."
    found = [(m.span.of(text), m.value) for m in find_dates(text)]
    assert found == [("1995", PartialDate(1995, approximate=True)), ("2019", PartialDate(2019))]


def test_iter_absolute_finds_time_and_span():
    text = "  • Last updated: 31 Jan. 2023 11:36"
    (found,) = iter_absolute(text)
    assert found.span.of(text) == "31 Jan. 2023 11:36"
    assert found.time == "11:36"


def test_iter_absolute_skips_impossible_dates():
    assert list(iter_absolute("31 February 2023")) == []


# --- find_dates -------------------------------------------------------------------

LABELLED_PATH = Path(__file__).parent / "data" / "dates.jsonl"
LABELLED = [json.loads(line) for line in LABELLED_PATH.read_text(encoding="utf-8").splitlines()]


def _anchor(row: dict) -> PartialDate | None:
    return PartialDate.fromisoformat(row["anchor"]) if row["anchor"] else None


def test_the_labelled_set_has_at_least_80_expressions_and_some_non_dates():
    assert sum(len(row["dates"]) for row in LABELLED) >= 80
    assert sum(1 for row in LABELLED if not row["dates"]) >= 10
    assert {d["precision"] for row in LABELLED for d in row["dates"]} >= {
        "day", "month", "season", "year", "decade"
    }  # fmt: skip


@pytest.mark.parametrize("row", LABELLED, ids=[row["text"][:48] for row in LABELLED])
def test_labelled_expressions_in_context(row):
    text, anchor = row["text"], _anchor(row)
    mentions = find_dates(text, anchor=anchor)
    got = [(m.span.of(text), m.value.isoformat() if m.value else None) for m in mentions]
    expected = sorted(
        ((d["expression"], d["value"]) for d in row["dates"]), key=lambda e: text.index(e[0])
    )
    assert got == expected
    labels = sorted(row["dates"], key=lambda d: text.index(d["expression"]))
    for mention, label in zip(mentions, labels, strict=True):
        assert mention.ambiguous == label.get("ambiguous", False)
        # a range ("from 2023 to 2026") is one mention valued at its first date
        end = (
            mention.interval.end.isoformat() if mention.interval and mention.interval.end else None
        )
        assert end == label.get("end")
        if mention.value is not None:
            assert mention.value.precision.value == label["precision"]
        if mention.relative and mention.value is not None:
            assert mention.anchor == anchor


def test_relative_mentions_without_an_anchor_are_found_but_not_guessed():
    text = "Yesterday the ministers met, and on Friday they will meet again. In 2027 too."
    mentions = find_dates(text)
    assert [m.span.of(text) for m in mentions] == ["Yesterday", "Friday", "2027"]
    assert [m.value for m in mentions] == [None, None, PartialDate(2027)]
    assert [m.relative for m in mentions] == [True, True, False]
    assert all(m.anchor is None for m in mentions)


def test_a_coarse_anchor_resolves_what_it_can():
    text = "Last year we met; yesterday we spoke."
    last_year, yesterday = find_dates(text, anchor=PartialDate(2023, 5))
    assert last_year.value == PartialDate(2022)
    assert yesterday.value is None


def test_the_tense_of_the_sentence_decides_the_direction_of_a_weekday():
    anchor = dt.date(2023, 1, 31)  # a Tuesday
    (ahead,) = find_dates("On Friday, the minister will travel to Oslo.", anchor=anchor)
    (back,) = find_dates("On Friday, the minister travelled to Oslo.", anchor=anchor)
    assert ahead.value == PartialDate(2023, 2, 3)
    assert back.value == PartialDate(2023, 1, 27)


def test_the_texts_own_dates_settle_slashed_ones_and_so_they_are_not_ambiguous():
    # issue 16: "ambiguous" is for a date nothing settles (it was set on these too)
    text = "Signed 25/12/2022. Reviewed 06/07/2023."
    signed, reviewed = find_dates(text)
    assert not signed.ambiguous
    assert reviewed.value == PartialDate(2023, 7, 6) and not reviewed.ambiguous
    (alone,) = find_dates("Reviewed 06/07/2023.")
    assert alone.value == PartialDate(2023, 6, 7) and alone.ambiguous
    (given,) = find_dates("Reviewed 06/07/2023.", dayfirst=True)
    assert given.value == PartialDate(2023, 7, 6) and not given.ambiguous


def test_bundled_documents_carry_their_dates_resolved_against_the_event(corpus):
    speech = corpus["2023-02-01-keio-speech"]  # delivered 1 Feb 2023, posted 17 Sep 2023
    found = {m.span.of(speech.text): m for m in speech.dates}
    assert found["Yesterday"].value == PartialDate(2023, 1, 31)
    assert found["Yesterday"].anchor == PartialDate(2023, 2, 1)
    assert found["Last June"].value == PartialDate(2022, 6)
    assert found["Almost one year ago"].value == PartialDate(2022, approximate=True)
    release = corpus["2023-01-31-tokyo-news-release"]
    found = {m.span.of(release.text): m.value for m in release.dates}
    assert found["Wednesday"] == PartialDate(2023, 2, 1)  # "will meet": the coming day
    for doc in corpus:
        for mention in doc.dates:
            assert mention.span.of(doc.text).strip() == mention.span.of(doc.text)
    surfaces = {m.span.of(doc.text) for doc in corpus for m in doc.dates}
    assert not surfaces & {"75 years", "2030", "19", "G7", "1080p", "98"}


def test_parse_date_resolves_a_relative_expression_with_an_anchor():
    assert parse_date("Last summer", anchor=PartialDate(2023, 1, 31)) == PartialDate(
        2022, season=Season.SUMMER
    )
    assert parse_date("in December", anchor=dt.date(2023, 1, 31)) == PartialDate(2022, 12)
    with pytest.raises(DateError, match="anchor"):
        parse_date("yesterday")


@settings(max_examples=300, deadline=None)
@given(
    text=date_texts(max_words=None, max_size=None),
    anchor=anchors(dt.date(1, 3, 1), dt.date(9998, 10, 1)),
)
def test_find_dates_never_raises_and_spans_slice_to_the_mention(text, anchor):
    mentions = find_dates(text, anchor=anchor)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.span.start < mention.span.end <= len(text)
        surface = mention.span.of(text)
        assert surface and surface == surface.strip()
        assert mention.value is not None or mention.relative
        previous_end = mention.span.end


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_parse_date_raises_only_date_errors(text):
    with contextlib.suppress(DateError):
        parse_date(text)


@settings(max_examples=200, deadline=None)
@given(day=days(dt.date(1800, 1, 1), dt.date(2099, 12, 31)))
def test_written_dates_round_trip(day):
    month = day.strftime("%B")
    for text in (
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        day.isoformat(),
    ):
        (mention,) = find_dates(f"It happened on {text}.")
        assert mention.value == PartialDate.from_date(day), text


@settings(max_examples=200, deadline=None)
@given(
    anchor=days(dt.date(1900, 1, 8), dt.date(2099, 12, 20)),  # a week inside 1900-2099
    weekday=st.sampled_from(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    ),
)
def test_a_weekday_is_within_the_week_the_tense_points_at(anchor, weekday):
    (ahead,) = find_dates(f"They will meet on {weekday}.", anchor=anchor)
    (back,) = find_dates(f"They met on {weekday}.", anchor=anchor)
    for mention, sign in ((ahead, 1), (back, -1)):
        day = mention.value.to_date()
        assert day.strftime("%A") == weekday
        assert 0 <= (day - anchor).days * sign <= 6


LINEAR_SCRIPT = """
import sys
from natojp.dates import find_dates
from natojp.models import PartialDate
chunks = [
    sys.stdin.read(),
    "1 12 123 1234 12/12/ 12.12. 2022- -2022 " * 50,
    " " * 5000,
    "Tuesday ((((( ( ( 31 31 January January " * 50,
    "almost one two three years years ago in in the of since June " * 50,
    "9" * 5000,
    ". . . ! ? \\n" * 500,
]
block = "\\n".join(chunks)
text = block * (10_000_000 // len(block) + 1)
print(len(text), len(find_dates(text, anchor=PartialDate(2023, 1, 31))))
"""


def test_find_dates_is_linear_on_10_mb_of_text(corpus):
    # The timeout only guards against a hang (catastrophic backtracking would take
    # hours); benchmarks/dates.py measures the time per megabyte at several sizes.
    sample = "\n\n".join(doc.text for doc in corpus)
    result = subprocess.run(
        [sys.executable, "-c", LINEAR_SCRIPT],
        input=sample,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    size, found = map(int, result.stdout.split())
    assert size >= 10_000_000
    assert found > 1000


@pytest.mark.parametrize(
    "text",
    ["0000", "June 0000", "0:" + "9" * 30, "29 February 2023", "0000-00-00", "1e400"],
)
def test_text_that_is_no_date_is_a_date_error_never_another_exception(text):
    with pytest.raises(DateError, match="not a date"):
        parse_date(text)


def test_stacked_hedges_are_one_hedge_not_a_recursion():
    assert parse_date("c. " * 3000 + "1995") == PartialDate(1995, approximate=True)
    assert parse_date("circa about June 2022") == PartialDate(2022, 6, approximate=True)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # letters the patterns' case-blind matching takes for "s" and "i"
        ("In the ſpring of 2020", "In the spring of 2020"),
        ("In the mıd-1990s", "In the mid-1990s"),
        ("During the COMİNG YEAR", "During the COMING YEAR"),
        ("the wınter of 2020", "the winter of 2020"),
    ],
)
def test_an_expression_after_the_with_folded_letters_reads_as_plain(text: str, plain: str) -> None:
    (mention,) = find_dates(text, anchor=dt.date(2021, 5, 1))
    (expected,) = find_dates(plain, anchor=dt.date(2021, 5, 1))
    assert mention.span == expected.span and mention.span.of(text).startswith("the ")
    assert mention.value == expected.value
