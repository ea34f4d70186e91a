"""What the date-form tests compare: each mention's words and value."""

from __future__ import annotations

from natojp.dates import find_dates
from natojp.models import PartialDate


def found(text: str, anchor: PartialDate) -> dict[str, str]:
    """Each mention's words and value (its range, when it has one)."""
    values = {}
    for mention in find_dates(text, anchor=anchor):
        value = str(mention.interval) if mention.interval is not None else str(mention.value)
        words = mention.span.of(text)
        assert words not in values, f"{words!r} found twice; compare a list instead"
        values[words] = value
    return values
