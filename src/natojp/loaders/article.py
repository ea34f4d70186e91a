"""Newspaper and news-site articles captured from the web: print views with
breadcrumbs and bullet lines for date, outlet and edition; news sites with
section lines, ``Headline | Section`` titles, related links and comment forms."""

from __future__ import annotations

from natojp.loaders import _base, _page, _text
from natojp.models import DocumentKind, Draft


class WebArticleParser:
    """Page furniture goes; header facts go to ``source`` and metadata. An article
    whose closing line introduces its author (``Jens Stoltenberg has been ...``),
    or that is written in the first person by a named author, is an op-ed; any
    other is a news article.

    >>> text = "World\\n\\nFlood waters rise in the valley | Local News\\n\\n"
    >>> text += "The river rose two metres overnight, officials said.\\n\\nRelated Articles"
    >>> draft = WebArticleParser().parse(text)
    >>> draft.title, draft.source.section, draft.kind.value
    ('Flood waters rise in the valley', 'Local News', 'news_article')
    """

    name = "web-article"

    def sniff(self, text: str) -> float:
        page = _page.cached_page(text)
        score = min(0.2 * page.chrome_lines, 0.6)
        if page.breadcrumb:
            score += 0.3
        if page.outlet:
            score += 0.3
        if page.title_suffix:
            score += 0.3
        if page.bio:
            score += 0.2
        if page.tags:
            score += 0.1
        return min(score, 0.85)

    def parse(self, text: str) -> Draft:
        page = _page.cached_page(text)
        fallback = DocumentKind.NEWS_ARTICLE
        body = " ".join(page.body)
        if page.authors and _text.first_person_ratio(body) >= 0.2:
            fallback = DocumentKind.OP_ED
        kind = _page.classify(page, fallback=fallback, turns=False)
        return _base.draft_from_page(page, kind=kind, turns=False)
