"""Issue 16, day first or month first: a page's own slashed dates settle the
order, else the country of the site it came from, else the order of its dates
written in words; a date nothing settles is marked ambiguous. Pages written for
the rules."""

from __future__ import annotations

import pytest

import natojp
from natojp.dates import find_dates

BODY = "Memo\n\nThe deal was signed on 06/07/2023 in Oslo."


def _signed(text: str, url: str | None) -> tuple[str, bool]:
    doc = natojp.parse(text, metadata={"url": url} if url else None)
    mention = next(m for m in doc.dates if m.span.of(doc.text) == "06/07/2023")
    return str(mention.value), mention.ambiguous


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.nato.int/cps/en/natohq/news_1.htm", ("2023-07-06", False)),
        ("https://www.gov.uk/government/news/x", ("2023-07-06", False)),
        ("https://www.abc.net.au/news/x", ("2023-07-06", False)),
        ("https://www.whitehouse.gov/briefing-room/x", ("2023-06-07", False)),
        ("https://www.defense.gov/News/x", ("2023-06-07", False)),
        # a generic domain says nothing: the slash's usual reading, marked ambiguous
        ("https://example.com/x", ("2023-06-07", True)),
        (None, ("2023-06-07", True)),
        ("http://[::1", ("2023-06-07", True)),  # malformed: no country
    ],
)
def test_the_sites_country_settles_a_slashed_date(
    url: str | None, expected: tuple[str, bool]
) -> None:
    assert _signed(BODY, url) == expected


def test_the_pages_own_slashed_date_beats_its_sites_country() -> None:
    text = BODY + " It ends on 25/12/2024."
    assert _signed(text, "https://www.whitehouse.gov/x") == ("2023-07-06", False)
    text = BODY + " It ends on 12/25/2024."
    assert _signed(text, "https://www.nato.int/x") == ("2023-06-07", False)


def test_dates_written_in_words_vote_where_nothing_else_settles() -> None:
    day_first = BODY + " The talks began on 31 January 2023."
    assert _signed(day_first, None) == ("2023-07-06", False)
    month_first = BODY + " The talks began on January 31, 2023."
    assert _signed(month_first, None) == ("2023-06-07", False)


def test_find_dates_marks_only_what_nothing_settles_as_ambiguous() -> None:
    [alone] = find_dates("Signed 06/07/2023.")
    assert alone.ambiguous
    settled = find_dates("Signed 06/07/2023 and 25/12/2023.")
    assert [str(m.value) for m in settled] == ["2023-07-06", "2023-12-25"]
    assert not any(m.ambiguous for m in settled)
    [given] = find_dates("Signed 06/07/2023.", dayfirst=True)
    assert str(given.value) == "2023-07-06" and not given.ambiguous
