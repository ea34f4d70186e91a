"""Markdown and HTML to plain text, keeping the lines a reader sees.

Markdown is parsed with markdown-it-py (CommonMark, tables and raw HTML on) and
written back as text: links become their text, emphasis and heading marks go,
list items and table rows each become a paragraph (cells joined by `` | ``),
and HTML, inline or in blocks, loses its tags but keeps its words. Line breaks
inside a paragraph stay, so speaker labels at the start of a line are still at
the start of a line.

>>> print(markdown_text("# Title\\n\\nSee [the *fact sheet*](https://x.example/f).  \\nQ    Why?"))
Title
<BLANKLINE>
See the fact sheet.
Q    Why?
>>> print(html_text('<table><tr><td style="w">Ann</td><td>Oslo</td></tr></table>'))
Ann | Oslo
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["html_text", "looks_like_html", "markdown_text", "text_markup_removed"]

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
        "tfoot", "ul",
    }
)  # fmt: skip
_SKIPPED_TAGS = frozenset({"script", "style", "head", "template"})
_KNOWN_TAG = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|caption|center|col|colgroup|dd|div|dl|dt|em|font|h[1-6]|hr"
    r"|i|img|li|ol|p|pre|small|span|strong|sub|sup|table|tbody|td|tfoot|th|thead|tr|u|ul)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


class _TextOfHtml(HTMLParser):
    """Collects the words of HTML: block elements and rows start a new
    paragraph, cells are joined by `` | ``, ``<br>`` is a line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip += 1
        elif tag == "tr":
            self.parts.append("\n\n")
            self._cells = 0
        elif tag in ("td", "th"):
            if self._cells:
                self.parts.append(" | ")
            self._cells += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS or tag == "tr":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) if line.strip() else "" for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def html_text(markup: str) -> str:
    """The words of an HTML fragment as paragraphs (tags and attributes gone,
    entities decoded, table rows one paragraph each with cells joined by `` | ``).

    >>> html_text("<p>NATO &amp; Japan</p><p>met <b>today</b>.</p>")
    'NATO & Japan\\n\\nmet today.'
    """
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    return _tidy("\n".join(_cells(line) for line in "".join(parser.parts).split("\n")))


def _cells(line: str) -> str:
    """A row's cells joined by `` | `` without the empty ones (cells that held only
    white space); a line with no cells is itself."""
    if "|" not in line:
        return line
    return " | ".join(cell.strip() for cell in line.split("|") if cell.strip())


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML tags (of the common elements, not any ``<word>``).

    >>> looks_like_html("a <b>bold</b> move"), looks_like_html("if a < b and c > d")
    (True, False)
    """
    return "<" in text and _KNOWN_TAG.search(text) is not None


@functools.lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _inline(tokens: Sequence[Token]) -> str:
    out: list[str] = []
    for token in tokens:
        kind = token.type
        if kind == "text":
            # "**" that CommonMark could not pair ("**<u>Advis</u>**or") is still a mark.
            out.append(token.content.replace("**", "") if "**" in token.content else token.content)
        elif kind == "code_inline":
            out.append(token.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "image":
            out.append(_inline(token.children or ()))
        elif kind == "html_inline":
            words = html_text(token.content)
            if words:
                out.append(words)
            elif token.content.lower().startswith("<br"):
                out.append("\n")
    return "".join(out)


def markdown_text(markdown: str) -> str:
    """Markdown as the plain text a reader sees (see the module docs).

    >>> markdown_text("1. First **point**\\n2. Second point")
    '1. First point\\n\\n2. Second point'
    >>> markdown_text("| Name | City |\\n|---|---|\\n| Ann | Oslo |")
    'Name | City\\n\\nAnn | Oslo'
    """
    blocks: list[str] = []
    row: list[str] = []
    in_cell = False
    prefix = ""
    ordered: list[bool] = []
    for token in _markdown().parse(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close") and ordered:
            ordered.pop()
        elif kind == "list_item_open" and ordered and ordered[-1]:
            prefix = f"{token.info}{token.markup} "
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "tr_close":
            blocks.append(" | ".join(cell for cell in row if cell))
            row = []
        elif kind == "inline":
            text = _inline(token.children or ())
            if in_cell:
                row.append(" ".join(text.split()))
            else:
                blocks.append(prefix + text)
                prefix = ""
        elif kind in ("code_block", "fence"):
            # An indented block is verbatim text (in a numbered list, "1.      Mayor ...").
            blocks.append(prefix + token.content.strip("\n"))
            prefix = ""
        elif kind == "html_block":
            blocks.append(html_text(token.content))
    return "\n\n".join(block for block in blocks if block.strip())


_LINK = re.compile(r"!?\[([^\[\]\n]+)\]\((?:https?://|www\.|/|#)[^()\s]*\)")
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")


def _unbold(line: str) -> str:
    """A line with its ``**bold**`` marks taken out, when they pair up: each
    marked run starts and ends with a non-space. Otherwise the line as it is."""
    parts = line.split("**")
    if len(parts) % 2 == 0:
        return line  # an odd number of marks: not bold
    for inner in parts[1::2]:
        if not inner or inner[0].isspace() or inner[-1].isspace():
            return line
    return "".join(parts)


def _tag_replacement(match: re.Match[str]) -> str:
    found = _TAG_NAME.match(match.group(0))
    name = found.group(1).lower() if found else ""
    if name == "br":
        return "\n"
    if name in ("td", "th"):
        return " | " if not match.group(0).startswith("</") else ""
    if name in _BLOCK_TAGS or name == "tr":
        return "\n\n"
    return ""


def text_markup_removed(text: str) -> str:
    """Plain text with the markup that slips into it taken out: the tags of
    common HTML elements (``<p>``, ``<b>``, ``<td>``; entities then decoded),
    ``**bold**``, and Markdown links to web addresses. Anything
    else, a lone ``*`` or ``<`` included, is left as it is.

    >>> text_markup_removed("**Mr President,** see [the text](https://un.org/x).")
    'Mr President, see the text.'
    >>> text_markup_removed("<p>NATO &amp; Japan</p>"), text_markup_removed("a < b & c")
    ('\\n\\nNATO & Japan\\n\\n', 'a < b & c')
    """
    if "**" in text:
        text = "\n".join(_unbold(line) if "**" in line else line for line in text.split("\n"))
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if looks_like_html(text):
        text = html.unescape(_KNOWN_TAG.sub(_tag_replacement, text))
    return text
