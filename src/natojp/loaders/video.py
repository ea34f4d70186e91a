"""Video pages: a title (often ending in the event's date), an upload stamp
(``17.09.2023 • 1080p``), a view count, a description and a transcript."""

from __future__ import annotations

from natojp.loaders import _base, _page
from natojp.models import DocumentKind, Draft


class VideoPageParser:
    """The upload date is the document's date; a date at the end of the title is
    the event's. Resolution and view count go to metadata, and a
    ``Transcript continues: URL`` line to ``source.url``.

    >>> text = "Speech in Oslo, 03 MAR 2024\\n\\n05.04.2024 • 720p\\n12 views\\nThe speech."
    >>> draft = VideoPageParser().parse(text)
    >>> draft.date, draft.event_date, draft.metadata["view_count"]
    (PartialDate('2024-04-05'), PartialDate('2024-03-03'), 12)
    """

    name = "video"

    def sniff(self, text: str) -> float:
        page = _page.cached_page(text)
        score = 0.0
        if page.upload_date is not None:
            score += 0.6
        if page.views is not None:
            score += 0.3
        return min(score, 0.9)

    def parse(self, text: str) -> Draft:
        page = _page.cached_page(text)
        return _base.draft_from_page(page, kind=DocumentKind.VIDEO)
