"""Markdown documents with a YAML front-matter header (``---`` / ``key: value`` /
``---``), like the White House transcripts and releases: metadata from the
header, speaker turns or paragraphs from the body."""

from __future__ import annotations

import re
from typing import Any

import attrs

from natojp._text.urls import host_of
from natojp.dates import parse_interval
from natojp.errors import DateError, FormatError
from natojp.loaders import _base, _page, _text
from natojp.loaders._markup import markdown_text
from natojp.loaders._yaml import parse_front_matter
from natojp.loaders.decode import normalize
from natojp.models import DocumentKind, Draft, Source

_FENCE = "---"
_KIND_BY_TAG = {
    "speeches-remarks": DocumentKind.SPEECH,
    "press-briefings": DocumentKind.TRANSCRIPT,
    "statements-releases": DocumentKind.NEWS_RELEASE,
}
_DATE_KEYS = ("date", "published", "published_time", "pubdate", "created")


def split_front_matter(text: str) -> tuple[list[str], str] | None:
    """The header lines and the body, or ``None`` if ``text`` has no front matter."""
    if not text.startswith(_FENCE + "\n"):
        return None
    end = text.find("\n" + _FENCE + "\n", 3)
    if end < 0:
        if text.endswith("\n" + _FENCE):
            end = len(text) - len(_FENCE) - 1
        else:
            return None
    return text[4:end].split("\n"), text[end + len(_FENCE) + 2 :]


class FrontMatterParser:
    """Reads ``title``, ``date``, ``source_url``, ``tags``, ``author(s)``,
    ``outlet`` and ``kind`` from the header; every other key goes to metadata.

    >>> text = "---\\ntitle: Remarks by the Mayor\\ndate: '2024-05-01'\\n---\\n"
    >>> text += "MAYOR SMITH:  Welcome, everyone.\\n\\nQ    Thank you.\\n\\nMAYOR SMITH:  Next."
    >>> draft = FrontMatterParser().parse(text)
    >>> draft.title, draft.date, draft.kind.value
    ('Remarks by the Mayor', PartialDate('2024-05-01'), 'transcript')
    >>> [s.speaker for s in draft.segments]
    ['MAYOR SMITH', 'Q', 'MAYOR SMITH']
    """

    name = "frontmatter"

    def sniff(self, text: str) -> float:
        split = split_front_matter(text)
        if split is None:
            return 0.0
        header, _ = split
        keyed = sum(1 for line in header if re.match(r"^[A-Za-z_][\w.-]*\s*:", line))
        return 0.95 if keyed else 0.0

    def parse(self, text: str) -> Draft:
        split = split_front_matter(text)
        if split is None:
            raise FormatError("no front matter: the text does not start with a '---' line")
        header_lines, body = split
        header = parse_front_matter(header_lines)
        body = markdown_text(body)
        # An archive's Markdown has no page chrome ("Read more" is text); only a
        # release's closing "###" is a mark, not words.
        lines = [line.rstrip() for line in body.split("\n") if line.strip() != "###"]

        page = _page.Page(body=lines)
        # A speech's single label ("THE PRESIDENT:") opens its body once the
        # location and time stamp before it are set aside.
        page.turns = _text.find_turns(_page.body_without_preamble(page)[1])
        # YAML escapes (\_ is a no-break space) are only undone now, so normalise again.
        title = " ".join(normalize(_str(header.pop("title", "")) or "").split())
        page.title = _text.strip_decorations(title) or None
        meta: dict[str, Any] = {}
        for key in _DATE_KEYS:
            if key in header and page.header_date is None:
                raw = _str(header[key])
                try:
                    page.header_date = page.keep_interval(parse_interval(raw)) if raw else None
                except DateError:
                    meta[key] = raw
                    continue
                if key != "date":
                    meta[key] = raw
                header.pop(key)
        url = _str(header.pop("source_url", None) or header.pop("url", None))
        outlet = _str(
            header.pop("outlet", None) or header.pop("publisher", None) or header.pop("site", None)
        )
        if outlet is None and url:
            outlet = host_of(url) or None
        page.url = url
        authors = header.pop("authors", None) or header.pop("author", None) or ()
        page.authors = [authors] if isinstance(authors, str) else list(authors)
        tags = header.get("tags", ())
        tag_list = (tags,) if isinstance(tags, str) else tags

        kind_value = _str(header.pop("kind", None))
        fallback = next(
            (k for t in tag_list if (k := _KIND_BY_TAG.get(t)) is not None), DocumentKind.OTHER
        )
        if kind_value:
            try:
                kind = DocumentKind(kind_value)
            except ValueError:
                meta["kind"] = kind_value
                kind = _page.classify(page, fallback=fallback)
        else:
            kind = _page.classify(page, fallback=fallback)
        for key, value in header.items():
            meta[key] = value
        draft = _base.draft_from_page(page, kind=kind, outlet=outlet, extra=meta)
        return attrs.evolve(draft, source=Source(outlet=outlet, url=url))


def _str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)
