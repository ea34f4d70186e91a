"""The fallback parser: any text at all, as paragraphs under its first line."""

from __future__ import annotations

from natojp.loaders import _base, _page
from natojp.models import DocumentKind, Draft


class PlainTextParser:
    """Reads any text: the first line is the title when it looks like one
    (otherwise the first sentence is), and the rest is paragraphs. Kind ``other``.

    >>> draft = PlainTextParser().parse("A note\\n\\nFirst paragraph.\\n\\nSecond.")
    >>> draft.title, draft.kind.value, len(draft.segments)
    ('A note', 'other', 2)
    """

    name = "plain"

    def sniff(self, text: str) -> float:
        return 0.01

    def parse(self, text: str) -> Draft:
        page = _page.cached_page(text)
        return _base.draft_from_page(page, kind=DocumentKind.OTHER, turns=False)
