"""The fallback parser: any text at all, as paragraphs under its first line."""

from __future__ import annotations

from natojp.loaders import _base, _page
from natojp.models import DocumentKind, Draft


class PlainTextParser:
    """Reads any text: the first line is the title when it unmistakably is one
    (a line of its own in title case or capitals; otherwise the title is the
    first sentence, which stays in the text), and the rest is paragraphs. Kind
    ``other``.

    >>> draft = PlainTextParser().parse("A Note on Budgets\\n\\nFirst paragraph.\\n\\nSecond.")
    >>> draft.title, draft.kind.value, len(draft.segments)
    ('A Note on Budgets', 'other', 2)
    >>> draft = PlainTextParser().parse("Allow me to begin by\\nthanking you all.")
    >>> draft.title, draft.text
    ('Allow me to begin by thanking you all.', 'Allow me to begin by thanking you all.')
    """

    name = "plain"

    def sniff(self, text: str) -> float:
        return 0.01

    def parse(self, text: str) -> Draft:
        page = _page.cached_page(text, plain=True)
        return _base.draft_from_page(page, kind=DocumentKind.OTHER, turns=False)
