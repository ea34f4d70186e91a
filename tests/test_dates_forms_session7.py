"""Date forms added from the misses of held-out set 5 (issue 16, session 7):
clock times inside "until" and "since" ranges, dates in web addresses,
"day-to-day", "moments ago", "of today" and "of yesterday", a year written
before its month and day, the tense of a day and month named without a year,
and verbs that look forward ("want to", "expect to", "to be resumed"). Every
expected value was worked out by hand from the calendar (weekdays are checked
in the comments)."""

from __future__ import annotations

import pytest

from natojp.dates import find_dates
from natojp.models import PartialDate
from tests.date_forms import found

# --- a time of day inside a range --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # 2021-04-15 is a Thursday; "tonight" is that day
        (
            "The contents are embargoed until 8:00 p.m.\ntonight, Eastern Time.",
            PartialDate(2021, 4, 15),
            {"8:00 p.m.\ntonight": "..2021-04-15"},
        ),
        (
            "Teams have been on the ground since 2:00 a.m. on February 4th, hours after it.",
            PartialDate(2023, 2, 23),
            {"2:00 a.m. on February 4th": "2023-02-04.."},
        ),
        (
            "It is embargoed until 9:00 a.m. tomorrow morning.",
            PartialDate(2022, 10, 18),
            {"9:00 a.m. tomorrow morning": "..2022-10-19"},
        ),
    ],
)
def test_a_clock_time_before_the_day_a_range_ends_or_starts_on_is_inside_it(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


def test_a_time_before_a_day_is_on_that_day_not_on_the_day_of_writing() -> None:
    text = "We met on Monday. At 9:00 a.m. tomorrow we fly to Tokyo."
    # 2021-04-15 is a Thursday: tomorrow is Friday the 16th, the Monday the 12th
    mentions = find_dates(text, anchor=PartialDate(2021, 4, 15))
    flight = mentions[-1]
    assert flight.span.of(text) == "9:00 a.m. tomorrow"
    assert flight.timestamp is not None
    assert flight.timestamp.isoformat() == "2021-04-16T09:00:00"
    assert mentions[0].span.of(text) == "Monday" and mentions[0].timestamp is None


# --- what is no date ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the challenges of day-to-day governance",
        "regulators began the [process](https://www.fdic.gov/board/2022/2022-10-18-notice.pdf)",
        "see www.example.org/archive/2021/05/01/statement for the text",
        "The building codes of yesterday are not equipped for this.",
        "pursue the breakthroughs of tomorrow",
    ],
)
def test_no_date_is_read_in_a_compound_a_web_address_or_a_figure_of_speech(text: str) -> None:
    assert found(text, PartialDate(2023, 3, 30)) == {}


def test_a_date_beside_a_web_address_is_still_read() -> None:
    text = "See https://example.org/2021/05/01/x (posted May 1, 2021)."
    assert found(text, PartialDate(2021, 5, 3)) == {"May 1, 2021": "2021-05-01"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "today" for the present is dated by the day of writing
        ("the security of the United States in this world of today", {"today": "1956-01-05"}),
        ("the weather events of today and tomorrow", {"today": "1956-01-05"}),
        ("prices higher than yesterday", {"yesterday": "1956-01-04"}),
    ],
)
def test_today_for_the_present_is_the_day_of_writing(text: str, expected: dict[str, str]) -> None:
    assert found(text, PartialDate(1956, 1, 5)) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moments ago, you reiterated the position.", "Moments ago"),
        ("you heard directly from him moments ago.", "moments ago"),
        ("I spoke to him an hour ago.", "an hour ago"),
        ("just a few minutes ago", "just a few minutes ago"),
    ],
)
def test_moments_ago_is_the_day_of_writing(text: str, words: str) -> None:
    assert found(text, PartialDate(2023, 6, 6)) == {words: "2023-06-06"}


def test_seconds_ago_in_a_comparison_is_no_date() -> None:
    assert found("it is like you got the news 10 seconds ago", PartialDate(2023, 6, 6)) == {}


# --- days, months and years ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Congress by their act of 1803 November 10, authorized a loan", {"1803 November 10": "1803-11-10"}),
        ("the British convention of 1802 January 08, and $2 millions", {"1802 January 08": "1802-01-08"}),
    ],
)  # fmt: skip
def test_a_year_before_its_month_and_day(text: str, expected: dict[str, str]) -> None:
    assert found(text, PartialDate(1805, 12, 3)) == expected


def test_month_last_before_a_capitalised_word_that_starts_the_next_clause() -> None:
    text = "By an act approved on the 14th day of February last Congress made provision"
    assert found(text, PartialDate(1873, 12, 1)) == {"14th day of February last": "1873-02-14"}


def test_a_month_after_last_is_not_month_last() -> None:
    # "next may be" is the verb; "the first of January next" is still read
    text = "The public debt on the first of January next may be estimated at $86M."
    assert found(text, PartialDate(1824, 12, 7)) == {"first of January next": "1825-01-01"}


# --- the tense of a day and month without a year ------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # in December, the May just gone is 201 days back, the next 164 ahead
        (
            "delegates were assembled at The Hague on the 18th of May, as members of a conference",
            PartialDate(1899, 12, 5),
            {"18th of May": "1899-05-18"},
        ),
        # the nearest stays when it is near: two days back, though "is sending" looks ahead
        (
            "what he is sending back after receiving her letter on July 4th, which you read.",
            PartialDate(2022, 7, 6),
            {"July 4th": "2022-07-04"},
        ),
        # a deadline looks ahead whatever the verb: "by January 1st" in August
        (
            "if all those balances haven't been adjusted by January 1st?",
            PartialDate(2022, 8, 31),
            {"January 1st": "2023-01-01"},
        ),
        # the same day as the writing is the day itself, even in the future tense
        (
            "The ambassador will travel to Mexico on March 22 to engage officials.",
            PartialDate(2021, 3, 22),
            {"March 22": "2021-03-22"},
        ),
    ],
)
def test_the_tense_picks_the_year_of_a_day_and_month_only_when_the_nearest_is_months_away(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Why do you want to debate in June?", PartialDate(2024, 5, 15), {"June": "2024-06"}),
        (
            "we expect to get clear guidance by mid-January.",
            PartialDate(2021, 12, 2),
            {"mid-January": "2022-01"},
        ),
        # in July, "the spring" still coming is next year's (21 = spring)
        (
            "every month for six months, with more coming in the spring.",
            PartialDate(2021, 7, 19),
            {"spring": "2022-21"},
        ),
        # 2023-05-16 is a Tuesday: the weekend to be met is the 20th-21st
        (
            "a deal would need to be completed by this weekend.",
            PartialDate(2023, 5, 16),
            {"this weekend": "2023-05-20..2023-05-21"},
        ),
        (
            "the supply we are anticipating through the course of May",
            PartialDate(2021, 4, 1),
            {"May": "2021-05"},
        ),
    ],
)
def test_verbs_and_words_that_look_forward(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


# --- the day the text says it was written on --------------------------------------


def test_a_text_that_names_its_tomorrow_moves_the_day_of_writing() -> None:
    # filed under 2022-05-12, but "tomorrow, May 12th": written on the 11th
    text = "This call is embargoed until 7:00 a.m. tomorrow, May 12th. Today we look back."
    mentions = find_dates(text, anchor=PartialDate(2022, 5, 12))
    found = {m.span.of(text): str(m.interval or m.value) for m in mentions}
    assert found == {"7:00 a.m. tomorrow": "..2022-05-12", "May 12th": "2022-05-12",
                     "Today": "2022-05-11"}  # fmt: skip
    assert {str(m.anchor) for m in mentions if m.relative} == {"2022-05-11"}


@pytest.mark.parametrize(
    "text",
    [
        "Israel will remain safe today, tomorrow, and forever. Today we met.",  # no date named
        "Tomorrow, May 20th, we meet. Today we met.",  # eight days off: not a slip
        "Tomorrow, May 14th, we meet; yesterday, May 10th, we met. Today we met.",  # disagree
    ],
)
def test_the_day_of_writing_stays_when_the_text_does_not_settle_it(text: str) -> None:
    assert found(text, PartialDate(2022, 5, 12))["Today"] == "2022-05-12"


# --- seasons, counts of time ahead, centuries -------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("So the challenges are coming up in the fall.", PartialDate(2022, 6, 9),
         {"fall": "2022-23"}),
        ("as you saw in the fall when we went to San Francisco.", PartialDate(2024, 3, 15),
         {"fall": "2023-23"}),
        ("after the fall of Kabul", PartialDate(2021, 9, 1), {}),
        ("the fall in prices", PartialDate(2021, 9, 1), {}),
        # the winter just ended, in April, in the past tense (24 = winter, from December)
        ("This winter, we ran the most successful open enrollment.", PartialDate(2022, 4, 5),
         {"This winter": "2021-24"}),
        ("This winter will be hard.", PartialDate(2022, 4, 5), {"This winter": "2022-24"}),
        # any year's months
        ("during the Fall and Winter months", PartialDate(1905, 12, 5), {}),
        ("during the summer months", PartialDate(2022, 11, 2), {}),
    ],
)  # fmt: skip
def test_seasons(text: str, anchor: PartialDate, expected: dict[str, str]) -> None:
    assert found(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2024-10-19 + 17 days = 2024-11-05, the election
        ("The vote is in 17 days, and early voting has started.", {"in 17 days": "2024-11-05"}),
        ("But in a few months, we’ll be making awards.", {"in a few months": "2025-01~"}),
        ("We will know in a week.", {"in a week": "2024-10-26"}),
        # how long something took, or since something last happened
        ("The bridge was built in 17 days.", {}),
        ("growing at the fastest pace in 30 years", {}),
        ("a rebuilding that we haven’t seen in 70 years", {}),
        ("the first coal lease sale in ten years will be held", {}),
        ("But let's recall that in 7 years, of 91 bills", {}),
    ],
)
def test_in_a_count_of_time_is_a_date_only_looking_forward(
    text: str, expected: dict[str, str]
) -> None:
    assert found(text, PartialDate(2024, 10, 19)) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("as important today as it was five centuries ago.", PartialDate(2021, 11, 19),
         {"today": "2021-11-19", "five centuries ago": "15XX"}),
        ("over a century ago", PartialDate(2024, 4, 11), {"over a century ago": "19XX~"}),
    ],
)  # fmt: skip
def test_centuries_ago_are_centuries(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


# --- ranges and years ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("leaders in Washington on May 12\xa0and 13 for a summit",
         {"May 12\xa0and 13": "2022-05-12..2022-05-13"}),
        ("from June 3 to 5, 2023.", {"June 3 to 5, 2023": "2023-06-03..2023-06-05"}),
        # "and" then a day that is not the next: another number
        ("on May 12 and 15 people died", {"May 12": "2022-05-12"}),
        ("on July 10 and 21 respectively", {"July 10": "2022-07-10"}),
        ("an incentive through the end of the year for containers",
         {"the end of the year": "..2022"}),
        ("to renew this law beyond 2025, in order to", {"2025": "2025"}),
    ],
)  # fmt: skip
def test_second_days_open_ranges_and_years(text: str, expected: dict[str, str]) -> None:
    assert found(text, PartialDate(2022, 4, 16)) == expected


def test_a_short_line_ending_on_a_preposition_runs_on_into_the_next() -> None:
    # "in\nNovember": one sentence, so "going to" decides the year
    text = "We’re going to beat him in\nNovember, okay?"
    assert found(text, PartialDate(2024, 8, 7)) == {"November": "2024-11"}


# --- holidays and observance months -------------------------------------------------


@pytest.mark.parametrize(
    ("key", "year", "day"),
    [
        # checked against the calendar: Thursday 23 November 2023, Monday 27 May
        # 2024, Monday 2 September 2024, Monday 15 January 2024, Monday 19
        # February 2024, Tuesday 5 November 2024, Sunday 31 March 2024
        ("thanksgiving", 2023, "2023-11-23"),
        ("memorial", 2024, "2024-05-27"),
        ("labor", 2024, "2024-09-02"),
        ("mlk", 2024, "2024-01-15"),
        ("presidents", 2024, "2024-02-19"),
        ("election", 2024, "2024-11-05"),
        ("easter", 2024, "2024-03-31"),
        ("goodfriday", 2024, "2024-03-29"),
        ("independence", 1776, "1776-07-04"),
    ],
)
def test_each_holiday_falls_on_its_day(key: str, year: int, day: str) -> None:
    from natojp.dates._holidays import holiday_day

    found = holiday_day(key, year)
    assert found is not None and found.isoformat() == day


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("We will gather on Thanksgiving.", PartialDate(2023, 11, 20),
         {"Thanksgiving": "2023-11-23"}),
        ("at least one shot by Independence Day.", PartialDate(2021, 6, 29),
         {"Independence Day": "2021-07-04"}),
        ("We stayed up on New Year’s Eve.", PartialDate(2024, 1, 3),
         {"New Year’s Eve": "2023-12-31"}),
        ("Election Day is in 17 days.", PartialDate(2024, 10, 19),
         {"Election Day": "2024-11-05", "in 17 days": "2024-11-05"}),
        ("Thanksgiving 2023", PartialDate(2021, 1, 1), {"Thanksgiving 2023": "2023-11-23"}),
        # as the time it is, an observance month is that month
        ("But I think — it is Black History Month, as you know.", PartialDate(2023, 2, 14),
         {"Black History Month": "2023-02"}),
        ("it comes during Pride month when millions join", PartialDate(2023, 6, 30),
         {"Pride month": "2023-06"}),
        # as names, or as the occasion celebrated, they are no dates
        ("the Good Friday Agreement", PartialDate(1998, 4, 10), {}),
        ("the Christmas tree", PartialDate(2023, 12, 10), {}),
        ("Americans come together to celebrate Juneteenth.", PartialDate(2023, 6, 19), {}),
        ("to celebrate Asian American, Native Hawaiian, and Pacific Islander Heritage Month",
         PartialDate(2023, 5, 1), {}),
    ],
)  # fmt: skip
def test_holidays_and_observances_by_name(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


def test_a_holiday_read_alone() -> None:
    from natojp.dates import parse_date

    assert str(parse_date("Memorial Day", anchor=PartialDate(2024, 6, 1))) == "2024-05-27"


# --- fiscal years, years said to be the time, lists of decades -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The President’s FY22 budget proposal calls for", {"FY22": "2022"}),
        ("funded in part through FY 2022 appropriations", {"2022": "2022"}),
        ("the FY2024 request", {"FY2024": "2024"}),
        ("The census of 1880 recorded a population of 50,000,000.", {"1880": "1880"}),
        ("banning books — this is 2024 — banning books", {"2024": "2024"}),
        ("And this election is not\n2016 or 2020.", {"2016": "2016", "2020": "2020"}),
        ("The number is 2024.", {}),
        ("the total is 2024 votes.", {}),
        ("Like the Americans in the 1850s and ‘60s — we had to decide",
         {"the 1850s": "185X", "‘60s": "186X"}),
    ],
)  # fmt: skip
def test_fiscal_years_years_said_to_be_the_time_and_decades_in_a_list(
    text: str, expected: dict[str, str]
) -> None:
    assert found(text, PartialDate(2022, 6, 7)) == expected


# --- a weekend wished for, ranges, a count back and the day it names -----------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # 2022-01-14 is a Friday
        ("And then, have a great weekend.", PartialDate(2022, 1, 14),
         {"weekend": "2022-01-15..2022-01-16"}),
        ("fund the government through early next year", PartialDate(2021, 12, 2),
         {"next year": "..2022"}),
        # 11 months before 2021-12-17 is January 2021: its 6th, not the coming one
        ("the insurrection on Capitol Hill 11 months\nago, on January 6th.",
         PartialDate(2021, 12, 17), {"11 months\nago": "2021-01-06", "January 6th": "2021-01-06"}),
        ("two years ago in May, we met", PartialDate(2021, 12, 17),
         {"two years ago": "2019-05", "May": "2019-05"}),
    ],
)  # fmt: skip
def test_weekends_wished_for_ranges_and_counts_in_apposition(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


# --- "since" a clause, a month naming an event, words that look ahead -----------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("the first monument managed by the military since national battlefields were\n"
         "transferred to the National Park Service in the 1930s.", PartialDate(2023, 3, 21),
         {"since national battlefields were\ntransferred to the National Park Service in the "
          "1930s": "193X.."}),
        ("Since the partition resolution of 1947, the world has seen", PartialDate(1979, 10, 1),
         {"Since the partition resolution of 1947": "1947.."}),
        # the date does not close the clause: "since" gives a reason
        ("Since the President didn’t take questions either today or yesterday, can you",
         PartialDate(2022, 1, 4), {"today": "2022-01-04", "yesterday": "2022-01-03"}),
        # a date named in the clause before this one is the range's
        ("since 2010 we have met in 2015.", PartialDate(2023, 3, 21),
         {"2010": "2010..", "2015": "2015"}),
    ],
)  # fmt: skip
def test_since_a_clause_that_ends_on_a_date_opens_a_range(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("a move toward authoritarianism in the run-up to the November elections.",
         PartialDate(2021, 8, 9), {"November": "2021-11"}),
        ("that the November\nelections are going to be suspect?", PartialDate(2022, 1, 20),
         {"November": "2022-11"}),
        ("it has been four months since the July elections. So, why now?",
         PartialDate(2024, 11, 21), {"July": "2024-07.."}),
        ("the May Department Stores", PartialDate(2023, 8, 1), {}),
    ],
)  # fmt: skip
def test_a_month_naming_when_an_event_is_held(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


# --- found by review: what must stay unread, or read otherwise -------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a holiday with its year is that year's, whatever follows
        ("Christmas 2021 brought snow.", PartialDate(2023, 12, 1),
         {"Christmas 2021": "2021-12-25"}),
        ("It was Easter 1916 when the rising began.", PartialDate(2023, 12, 1),
         {"Easter 1916": "1916-04-23"}),  # Easter Sunday 1916 was 23 April
        ("Christmas will be quiet.", PartialDate(2023, 12, 1), {"Christmas": "2023-12-25"}),
        ("Last Christmas we were in Kabul.", PartialDate(2023, 12, 1),
         {"Last Christmas": "2022-12-25"}),
        # another country's holiday, or another calendar's, is not the United States'
        ("On Ukraine's Independence Day, the Secretary General visited Kyiv.",
         PartialDate(2023, 8, 20), {}),
        ("the anniversary of Independence Day in Kosovo.", PartialDate(2023, 2, 1), {}),
        ("On Labour Day, workers in Paris marched.", PartialDate(2023, 5, 2), {}),
        ("Japan marks Labour Thanksgiving Day", PartialDate(2023, 11, 20), {}),
        ("Election Day in Georgia will be on May 21.", PartialDate(2024, 5, 1),
         {"May 21": "2024-05-21"}),
        # observance months as names, and their leads at a sentence's start
        ("He spoke during the Black History Month reception.", PartialDate(2023, 2, 1), {}),
        ("She joined in Pride Month celebrations.", PartialDate(2023, 6, 1), {}),
        ("During Pride Month, Canada marched.", PartialDate(2023, 7, 1),
         {"Pride Month": "2023-06"}),
        ("during Asian American, Native Hawaiian, and Pacific Islander Heritage Month",
         PartialDate(2023, 5, 1),
         {"Asian American, Native Hawaiian, and Pacific Islander Heritage Month": "2023-05"}),
    ],
)  # fmt: skip
def test_holidays_with_years_owners_and_names(
    text: str, anchor: PartialDate, expected: dict[str, str]
) -> None:
    assert found(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The population is 2024.", {}),
        ("My PIN is 1984.", {}),
        ("The elevation is 1800; the town is small.", {}),
        ("a total of 1996 voted", {}),
        ("the Fair Housing Act of 1968 covered 20 million homes", {}),
        ("In 2020 March 3 people died.", {"2020": "2020", "March 3": "2024-03-03"}),
        ("I was born 40 minutes ago", {"40 minutes ago": "2023-11-06"}),
        ("36 hours ago the missile hit.", {}),
        ("May 12 and 13 delegates arrived", {"May 12": "2023-05-12"}),
        # "since" giving a reason, in the present or the future, is no range
        ("Since the election is on November 5, we must register.", {"November 5": "2023-11-05"}),
        ("Since the treaty expires in 2026, we must act.", {"2026": "2026"}),
        ("The plan had long since been abandoned in 2019.", {"2019": "2019"}),
    ],
)
def test_numbers_and_clauses_that_are_not_what_they_look_like(
    text: str, expected: dict[str, str]
) -> None:
    assert found(text, PartialDate(2023, 11, 6)) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # "want to thank you for coming" looks back
        ("We want to thank you for coming in May.", PartialDate(2023, 12, 15), {"May": "2023-05"}),
        ("The bill was to be signed in March but was not.", PartialDate(2023, 12, 15),
         {"March": "2023-03"}),
        # a past verb just before a day and month settles it, however near the next one is
        ("We met on March 3.", PartialDate(2023, 12, 15), {"March 3": "2023-03-03"}),
        ("The summit was scheduled on March 3.", PartialDate(2023, 12, 15),
         {"March 3": "2024-03-03"}),
        ("required to be fully vaccinated starting on November 8th.", PartialDate(2021, 10, 25),
         {"November 8th": "2021-11-08.."}),
    ],
)  # fmt: skip
def test_the_verb_before_a_date(text: str, anchor: PartialDate, expected: dict[str, str]) -> None:
    assert found(text, anchor) == expected


def test_a_quoted_tomorrow_does_not_move_the_day_of_writing() -> None:
    text = 'On Tuesday the minister said: "Tomorrow, May 11, we will vote." Today it was announced.'
    assert found(text, PartialDate(2022, 5, 12))["Today"] == "2022-05-12"


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Tomorrow, January 1, we vote.", PartialDate(1, 1, 1)),
        ("Yesterday, December 31, we voted.", PartialDate(9999, 12, 31)),
    ],
)
def test_the_day_of_writing_at_the_ends_of_the_calendar(text: str, anchor: PartialDate) -> None:
    assert find_dates(text, anchor=anchor)  # no OverflowError


@pytest.mark.parametrize(
    "text",
    [
        "The meeting ended at 11:30 p.m. Tomorrow we sign the accord.",
        "See you at 9:00 a.m.\n\nTomorrow, the Senate votes.",
    ],
)
def test_a_time_is_not_joined_to_a_day_across_a_sentence_end(text: str) -> None:
    mentions = find_dates(text, anchor=PartialDate(2023, 11, 6))
    tomorrow = next(m for m in mentions if m.span.of(text).startswith("Tomorrow"))
    assert tomorrow.timestamp is None and tomorrow.span.of(text) == "Tomorrow"
