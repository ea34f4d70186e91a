"""Hypothesis strategies shared by the test suites (tests/fuzz and the
property tests beside this file): valid documents with spans inside their
text, partial dates of every precision, front-matter headers, and the raw
text natojp's loaders meet."""

from __future__ import annotations

import datetime as _dt

from hypothesis import strategies as st

from natojp.models import (
    DateProvenance,
    Document,
    DocumentKind,
    Origin,
    PartialDate,
    Season,
    Segment,
    SegmentKind,
    Source,
    Span,
)

__all__ = [
    "corpus_texts",
    "documents",
    "front_matter_headers",
    "loader_texts",
    "meta_values",
    "partial_dates",
    "queries",
    "weird_text",
]

# --- the document model ------------------------------------------------------------

partial_dates = st.one_of(
    st.dates(min_value=_dt.date(1, 1, 1)).map(PartialDate.from_date),
    st.builds(PartialDate, st.integers(1, 9999), st.integers(1, 12)),
    st.builds(lambda y, s: PartialDate(y, season=s), st.integers(1, 9998), st.sampled_from(Season)),
    st.integers(1, 9999).map(PartialDate),
    st.integers(0, 999).map(lambda d: PartialDate(max(d * 10, 10), decade=True)),
    st.integers(1, 9999).map(lambda y: PartialDate(y, approximate=True)),
)
"""Every precision natojp has: day, month, season, year, decade, approximate."""

meta_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.text(max_size=20),
    st.lists(st.text(max_size=10), max_size=3).map(tuple),
    st.floats(allow_nan=False, allow_infinity=False),
)
"""Every kind of value a document's metadata may hold."""

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True)


@st.composite
def documents(draw: st.DrawFn, *, text: st.SearchStrategy[str] | None = None) -> Document:
    """A valid :class:`Document`: every span inside its text."""
    body = draw(text if text is not None else st.text(max_size=200))
    n = len(body)

    def span() -> Span:
        a = draw(st.integers(0, n))
        return Span(a, draw(st.integers(a, n)))

    segments = [
        Segment(
            span=span(),
            kind=draw(st.sampled_from(SegmentKind)),
            speaker=draw(st.none() | st.text(max_size=10)),
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    date = draw(st.none() | partial_dates)
    return Document(
        id=draw(ids),
        title=draw(st.text(max_size=40)),
        kind=draw(st.sampled_from(DocumentKind)),
        text=body,
        date=date,
        date_provenance=DateProvenance.UNKNOWN
        if date is None
        else draw(st.sampled_from([DateProvenance.STATED, DateProvenance.INFERRED])),
        event_date=draw(st.none() | partial_dates),
        source=Source(
            outlet=draw(st.none() | st.text(max_size=10)),
            url=draw(st.none() | st.text(max_size=10)),
        ),
        authors=draw(st.lists(st.text(max_size=10), max_size=3)),
        segments=segments,
        origin=draw(
            st.none()
            | st.builds(
                Origin,
                path=st.none() | st.text(max_size=10),
                sha256=st.text(max_size=64),
                format=st.text(max_size=8),
            )
        ),
        metadata=draw(st.dictionaries(st.text(max_size=8), meta_values, max_size=4)),
    )


# --- raw text ----------------------------------------------------------------------

weird_text = st.text(
    st.characters(
        codec=None,
        exclude_categories=(),
    ),
    max_size=40,
) | st.sampled_from(
    [
        "\x00",
        "\ufeff",
        "\u200b\u200d",
        "\u202e",
        "e\u0301",
        "ﬁ",
        "Ⅻ",
        "２０２３年１月３１日",
        "\U0001f600",
        "\r\n",
        "\r",
        "\u2028",
        "\u0085",
        "\ud800",
        "\udfff",
        "İstanbul",
        "ß",
        "…",
        "“",
        "”",
        "‘",
        "’",
        "«»",
        "\t",
        "\x0c",
    ]
)
"""Unicode natojp may meet: controls, BOMs, combining marks, bidi, astral and
lone surrogates, every line break."""

_words = st.sampled_from(
    [
        "NATO", "Japan", "Kishida", "Stoltenberg", "Rutte", "Prime Minister",
        "Secretary General", "he", "she", "said", "yesterday", "last week",
        "on Tuesday", "30 June 2022", "June 2022", "2023", "06/07/2023",
        "mid-2022", "c. 1995", "the 1990s", "Indo-Pacific", "Ukraine", "Q",
        "2% of GDP", "75 years", "\"We stand together,\" he said.", "“Yes.”",
        "Mr.", "Dr.", "...", "**", "|", "#", ">", "-", "*", "<br>", "&amp;",
        "<p>", "</p>", "<td></td>", "<script>x</script>", "[link](http://x)",
    ]
)  # fmt: skip

_lines = st.one_of(
    st.lists(st.one_of(_words, weird_text), min_size=1, max_size=8).map(" ".join),
    st.builds(
        lambda s, t: f"{s}: {t}",
        st.sampled_from(
            [
                "MODERATOR",
                "Q",
                "THE PRESIDENT",
                "SECRETARY GENERAL STOLTENBERG",
                "PRIME MINISTER KISHIDA",
                "MR. SMITH",
                "Speaker 1",
                "A",
            ]
        ),
        _words,
    ),
    st.builds(lambda b, t: f"{b} {t}", st.sampled_from(["-", "*", "•", "1.", "+"]), _words),
    st.lists(_words, min_size=2, max_size=4).map(lambda ws: " > ".join(ws)),
    st.lists(_words, min_size=2, max_size=4).map(lambda ws: " / ".join(ws)),
    st.sampled_from(
        [
            "",
            " ",
            "Home > News > Speeches",
            "Share this page",
            "Read more",
            "END 1:40 P.M. EDT",
            "10:02 A.M. JST",
            "| a | b |",
            "|---|---|",
            "<table><tr><td>x</td><td></td></tr></table>",
            "# Heading",
            "## Sub",
            "---",
            "```",
            "Tokyo, Japan",
            "31 Jan. 2023",
            "(As delivered)",
        ]
    ),
)


@st.composite
def front_matter_headers(draw: st.DrawFn) -> str:
    """A YAML front-matter header (without the ``---`` fences): good keys with
    generated values, and sometimes YAML natojp cannot use."""
    keys = st.sampled_from(
        ["title", "date", "kind", "outlet", "author", "authors", "url", "section",
         "tags", "summary", "year", "month", "day", "id", "event_date", "x"]
    )  # fmt: skip
    scalar = st.one_of(
        _words,
        st.text(max_size=20).map(repr),
        st.integers(-5, 100_000).map(str),
        partial_dates.map(lambda d: d.isoformat()),
        st.sampled_from(
            [
                "2024-13-45",
                "'2023-01-31'",
                "2023-02-30",
                "null",
                "~",
                "true",
                "1e400",
                ".nan",
                "[a, b]",
                "{a: 1}",
                "&a x",
                "*a",
                "!!binary aGk=",
                "|",
                ">",
                "'unclosed",
                '"\\u"',
                "- x",
                "::",
                "@x",
                "`x`",
                "!!python/name:os.system",
                "[[[[[",
                '"\\_x\\\n  y"',
            ]
        ),
        weird_text.map(repr),
    )
    lines = draw(
        st.lists(
            st.one_of(
                st.builds(lambda k, v: f"{k}: {v}", keys, scalar),
                st.builds(
                    lambda k, vs: f"{k}:\n" + "".join(f"  - {v}\n" for v in vs).rstrip("\n"),
                    keys,
                    st.lists(scalar, max_size=3),
                ),
                weird_text,
            ),
            max_size=6,
        )
    )
    return "".join(f"{line}\n" for line in lines)


@st.composite
def loader_texts(draw: st.DrawFn) -> str:
    """Text as natojp's loaders meet it: plain paragraphs, transcripts with
    speaker labels, bullets, breadcrumbs, HTML fragments, Markdown with front
    matter, weird unicode and every line ending."""
    paragraphs = draw(st.lists(_lines, max_size=10))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]))
    body = newline.join(paragraphs)
    shape = draw(st.integers(0, 3))
    if shape == 1:
        body = f"---{newline}{draw(front_matter_headers()).replace(chr(10), newline)}---{newline}{body}"
    elif shape == 2:
        body = f"<html><body><h1>{draw(_words)}</h1><p>{body}</p></body></html>"
    elif shape == 3:
        body = draw(st.text(max_size=100)) + body
    return body


# --- search -----------------------------------------------------------------------

queries = st.lists(
    st.one_of(
        _words,
        st.sampled_from(
            [
                "AND",
                "OR",
                "NOT",
                "(",
                ")",
                '"',
                "*",
                "-",
                ":",
                "^",
                "+",
                "NEAR",
                "NEAR(",
                "{",
                "}",
                "''",
                '""',
                "Indo-Pacific",
                "nuclear*",
            ]
        ),
        st.text(max_size=6),
    ),
    max_size=8,
).map(" ".join)
"""Search queries: words, quotes, parentheses, operators, prefixes, junk."""

corpus_texts = st.lists(_lines, min_size=1, max_size=6).map("\n\n".join)
