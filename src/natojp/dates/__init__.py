"""Reading dates: one expression with :func:`parse_date`, every expression in a
text with :func:`find_dates`.

Dates keep the precision the text gives them: ``October 2014`` is a month, not
the first of October; ``last summer`` is a season. Numeric dates follow the
order their separator implies (``17.09.2023`` is day first, ``06/07/2023`` month
first) unless ``dayfirst`` or the text's other dates say otherwise.

Relative expressions (``yesterday``, ``on Wednesday``, ``Last June``, ``almost
one year ago``) are resolved against an *anchor*, the date the text was written
or spoken, and with the tense of their sentence: ``On Wednesday, he will meet``
looks forward, ``he met on Wednesday`` looks back. Without an anchor they are
found but left unresolved, never guessed.

>>> from natojp.dates import find_dates, parse_date
>>> from natojp.models import PartialDate
>>> parse_date("01 FEB 2023")
PartialDate('2023-02-01')
>>> parse_date("Tuesday (31 January 2023)")
PartialDate('2023-01-31')
>>> parse_date("October 2014")
PartialDate('2014-10')
>>> parse_date("17.09.2023")
PartialDate('2023-09-17')
>>> parse_date("Last summer", anchor=PartialDate(2023, 1, 31))
PartialDate('2022-22')
>>> text = "Yesterday, I visited Iruma Air Base."
>>> [(m.span.of(text), m.value) for m in find_dates(text, anchor=PartialDate(2023, 2, 1))]
[('Yesterday', PartialDate('2023-01-31'))]
"""

from __future__ import annotations

from natojp.dates._find import find_dates
from natojp.dates._infer import infer_dates
from natojp.dates._interval import parse_date, parse_interval

__all__ = ["find_dates", "infer_dates", "parse_date", "parse_interval"]

# Shared with natojp's other packages, not a promise to users (not in __all__);
# ``name as name`` marks them exported for type checkers.
from natojp.dates._infer import mention_dates as mention_dates
from natojp.dates._parse import MONTHS as MONTHS
from natojp.dates._parse import WEEKDAYS as WEEKDAYS
from natojp.dates._parse import AbsoluteDate as AbsoluteDate
from natojp.dates._parse import iter_absolute as iter_absolute
from natojp.dates._ranges import DIGIT_DASH_DIGIT as DIGIT_DASH_DIGIT
