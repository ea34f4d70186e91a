"""Day first or month first: what a page's source says about its numeric dates.

A slashed date such as ``06/07/2023`` is 6 July to a British, European or
Australian reader and June 7 to an American one. A page's own dates settle it
where one of them shows the order (``25/12/2023``); where none does, the
country of the site that published it does, by the convention of its
country-code domain. Generic domains (``.com``, ``.org``) say nothing.
"""

from __future__ import annotations

from natojp._text.urls import host_of

__all__ = ["source_order"]

# Country-code domains whose pages write the day first: Europe and its
# institutions (.eu, .int: NATO), the Commonwealth, Latin America.
# fmt: off
_DAY_FIRST = frozenset([
    "uk", "ie", "au", "nz", "za", "in", "pk", "bd", "lk", "np", "ng", "ke", "gh", "ug",
    "tz", "zm", "zw", "sg", "my", "hk", "eu", "int", "de", "fr", "it", "es", "pt", "nl",
    "be", "lu", "at", "ch", "li", "dk", "se", "no", "fi", "is", "pl", "cz", "sk", "si",
    "hr", "rs", "ba", "me", "mk", "al", "bg", "ro", "md", "ua", "by", "ru", "gr", "cy",
    "mt", "tr", "ee", "lv", "ge", "am", "az", "il", "eg", "ma", "tn", "dz", "br", "ar",
    "cl", "co", "pe", "ve", "uy", "py", "bo", "ec", "mx", "vn", "id", "th",
])
# fmt: on
# Domains of the United States, which writes the month first.
_MONTH_FIRST = frozenset(["us", "gov", "mil"])


def source_order(url: str | None) -> bool | None:
    """Whether the site at ``url`` writes numeric dates day first (``True``),
    month first (``False``), or says nothing by its domain (``None``).

    >>> source_order("https://www.nato.int/cps/en/natohq/news_211294.htm")
    True
    >>> source_order("https://www.whitehouse.gov/briefing-room/"), source_order("https://example.com/")
    (False, None)
    """
    tld = host_of(url).rpartition(".")[2]
    if tld in _DAY_FIRST:
        return True
    if tld in _MONTH_FIRST:
        return False
    return None
