"""Speaker-labelled transcripts in plain text (``PRESIDENT BIDEN:``, ``Q``,
``JAAP DE HOOP SCHEFFER (Secretary General of NATO):``)."""

from __future__ import annotations

from natojp.loaders import _base, _page
from natojp.models import DocumentKind, Draft


class TranscriptParser:
    """One segment per speaker turn; a title line and any date lines above the
    first turn become the title and date.

    >>> text = "Press point\\n\\nMODERATOR: Welcome.\\n\\nQ  Why?\\n\\nMR. SMITH: Because."
    >>> draft = TranscriptParser().parse(text)
    >>> [s.speaker for s in draft.segments], draft.kind.value
    (['MODERATOR', 'Q', 'MR. SMITH'], 'transcript')
    """

    name = "transcript"

    def sniff(self, text: str) -> float:
        page = _page.cached_page(text)
        labelled = [t for t in page.turns or () if t.label]
        return 0.6 if len(labelled) >= 2 else 0.0

    def parse(self, text: str) -> Draft:
        page = _page.cached_page(text)
        speakers = {t.label for t in page.turns or () if t.label}
        fallback = DocumentKind.TRANSCRIPT if len(speakers) > 1 else DocumentKind.SPEECH
        return _base.draft_from_page(page, kind=_page.classify(page, fallback=fallback))
