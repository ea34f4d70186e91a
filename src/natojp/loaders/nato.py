"""nato.int pages: speeches, press points and conferences, and news releases.

Their shape: an optional kind line (``Joint press point``), a ``by ...`` line,
bullet lines with the date and ``Last updated:``, ``(As delivered)``, the body.
A news release may have none of that, only a headline and a first sentence that
dates it the NATO way: ``on Tuesday (31 January 2023)``."""

from __future__ import annotations

import re

from natojp.loaders import _base, _page
from natojp.models import DocumentKind, Draft

_NATO_BY = re.compile(r"\b(?:NATO|Secretary[ -]General|North Atlantic)\b")


class NatoPageParser:
    """Reads nato.int pages; the outlet is NATO.

    >>> text = "Speech\\n\\nby NATO Secretary General Mark Rutte at Keio University\\n\\n"
    >>> text += "  • 09 Apr. 2025 -\\n  • |\\n  • Last updated: 12 Apr. 2025 22:06\\n\\n"
    >>> text += "(As delivered)\\n\\nThank you all for coming today to hear me speak."
    >>> draft = NatoPageParser().parse(text)
    >>> draft.kind.value, draft.date, draft.authors, draft.metadata["last_updated"]
    ('speech', PartialDate('2025-04-09'), ('Mark Rutte',), '2025-04-12T22:06')
    """

    name = "nato"

    def sniff(self, text: str) -> float:
        page = _page.cached_page(text)
        score = 0.0
        if page.last_updated:
            score += 0.5
        if page.delivery:
            score += 0.3
        if page.kind_line:
            score += 0.3
        if page.byline and _NATO_BY.search(page.byline):
            score += 0.2
        if page.dateline is not None and page.header_date is None:
            score += 0.4
        if page.chrome_lines or page.breadcrumb or page.upload_date is not None:
            score -= 0.3
        return max(0.0, min(score, 0.9))

    def parse(self, text: str) -> Draft:
        page = _page.cached_page(text)
        kind = _page.classify(page, fallback=DocumentKind.NEWS_RELEASE)
        return _base.draft_from_page(page, kind=kind, outlet="NATO")
