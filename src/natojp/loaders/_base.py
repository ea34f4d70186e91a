"""Turning an analysed :class:`~natojp.loaders._page.Page` into a Draft: the one
place that lays out text, segments and metadata for the page-shaped formats."""

from __future__ import annotations

from typing import Any

from natojp.loaders import _page, _text, _voices
from natojp.models import DocumentKind, Draft, PartialDate, Source


def fallback_title(paragraphs: list[str]) -> str:
    """A title for text that has none: its first sentence, cut to 80 characters."""
    first = paragraphs[0] if paragraphs else ""
    sentence = first.split(". ")[0].strip()
    return sentence if len(sentence) <= 80 else sentence[:79].rsplit(" ", 1)[0] + "…"


def draft_from_page(
    page: _page.Page,
    *,
    kind: DocumentKind,
    outlet: str | None = None,
    extra: dict[str, Any] | None = None,
    turns: bool = True,
) -> Draft:
    """Lay out a page's body as text and segments and gather its facts.

    ``turns=False`` lays the body out as paragraphs even where it has speaker
    labels. The page is only read, never changed, so the cached analysis that
    every parser's ``sniff`` shares can be used here too.
    """
    builder = _text.TextBuilder()
    meta: dict[str, Any] = {}
    found = page.turns if turns else None
    spoken: PartialDate | None = None
    if found is not None:
        pre, body, times = _page.body_without_preamble(page)
        found = _text.find_turns(body, known=page.inline_labels)
        spoken, spoken_line, pre = _page.preamble_date(pre)
        if spoken_line is not None:
            meta["dateline"] = spoken_line
        if pre:
            meta["location"] = ", ".join(pre)
        if times:
            meta["start_time"] = times[0]
            if len(times) > 1:
                meta["end_time"] = times[-1]
        stamps = _page.stamp_lines(page.body)
        if len(stamps) > 2 or any(stamp.upper().startswith("END") for stamp in stamps):
            meta["time_stamps"] = tuple(stamps)  # as written, "END" marks included
    if found is not None:
        for turn in found:
            builder.turn(turn.label, turn.paragraphs)
        paras = [p for t in found for p in t.paragraphs]
    else:
        paras = _text.paragraphs(page.body)
        for para in paras:
            builder.paragraph(para)
    text, segments = builder.build()

    date: PartialDate | None = page.date
    event_date: PartialDate | None = None
    if page.upload_date is not None:
        # A video or post dated by its upload: the date in its title is the event's.
        event = page.title_date or page.header_date or page.dateline
        if event is not None and event != page.upload_date:
            event_date = event
    elif spoken is not None and spoken != date:
        event_date = spoken  # remarks dated the day after they were given
    event_interval = page.interval_of(event_date or date)

    for key, value in (
        ("category", page.category),
        ("edition", page.edition),
        ("byline", page.byline),
        ("delivery", page.delivery),
        ("last_updated", page.last_updated),
        ("resolution", page.resolution),
        ("view_count", page.views),
        ("author_bio", page.bio),
        ("title_suffix", page.title_suffix),
        ("dateline", page.dateline_text if page.date == page.dateline else None),
    ):
        if value is not None:
            meta[key] = value
    if page.kind_line:
        meta["kind_line"] = page.kind_line
    if page.tags:
        meta["tags"] = tuple(page.tags)
    if page.truncated:
        meta["truncated"] = True
    meta.update(extra or {})

    authors = list(dict.fromkeys(page.authors))
    if page.title and not authors:
        if kind is DocumentKind.JOINT_STATEMENT:
            authors = _voices.joint_issuers(page.title)
        elif kind is not DocumentKind.READOUT:
            authors = _voices.statement_authors(page.title)
    if kind is DocumentKind.READOUT:
        reported = _voices.readout_principals(page.title or "") or _voices.reported_speakers(text)
        if reported:
            meta["reported_speakers"] = tuple(reported)

    title = page.title
    if page.kind_line:
        title = f"{page.kind_line} by {page.byline}" if page.byline else (title or page.kind_line)
    if not title:
        title = fallback_title(paras)
    return Draft(
        title=title,
        kind=kind,
        text=text,
        segments=segments,
        date=date,
        event_date=event_date,
        event_interval=event_interval,
        source=Source(outlet=page.outlet or outlet, section=page.section, url=page.url),
        authors=tuple(authors),
        metadata=meta,
    )
