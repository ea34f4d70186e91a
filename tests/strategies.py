"""Hypothesis strategies shared by the test suites (tests/fuzz and the
property tests beside this file): valid documents with spans inside their
text, partial dates of every precision, anchors, date-like text, text that
names people, front-matter headers, the raw text and bytes natojp's loaders
meet, JSON for natojp.serialize, and search queries and patterns.

A strategy kept as a helper in a test file is one only that test can use
(its alphabet or bounds follow from that test's own fixture or a bug it works
around), and a comment there says why; the small arguments written inline in
one ``@given`` (a limit, a window, a file suffix) stay where they are used."""

from __future__ import annotations

import codecs
import datetime as _dt
from collections.abc import Iterable

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
from natojp.serialize import to_dict

__all__ = [
    "anchors",
    "corpus_texts",
    "date_texts",
    "date_words",
    "dayfirst_options",
    "days",
    "document_lists",
    "documents",
    "front_matter_headers",
    "header_dates",
    "ids",
    "joined",
    "json_values",
    "loader_texts",
    "meta_values",
    "mutated_documents",
    "name_pieces",
    "name_texts",
    "non_finite_floats",
    "partial_dates",
    "plain_header_values",
    "queries",
    "raw_files",
    "regex_patterns",
    "weird_text",
]


def joined(
    pieces: st.SearchStrategy[str] | Iterable[str], *, sep: str = "", max_size: int | None = None
) -> st.SearchStrategy[str]:
    """Text of up to ``max_size`` draws of ``pieces`` (a strategy, or strings to
    sample from) joined by ``sep``."""
    if not isinstance(pieces, st.SearchStrategy):
        pieces = st.sampled_from(tuple(pieces))
    return st.lists(pieces, max_size=max_size).map(sep.join)


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

header_dates = st.one_of(
    st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2100, 12, 31)).map(
        PartialDate.from_date
    ),
    st.builds(PartialDate, st.integers(1900, 2100), st.integers(1, 12)),
    st.integers(1900, 2100).map(PartialDate),
)
"""Dates a document's front matter states and natojp reads back as written:
day, month or year, in 1900-2100 (a front-matter "0001-01" is not taken as a
date, nor are the EDTF forms "1995~" and "2020-22"; see the fuzzing report)."""

meta_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.text(max_size=20),
    st.lists(st.text(max_size=10), max_size=3).map(tuple),
    st.floats(allow_nan=False, allow_infinity=False),
)
"""Every kind of value a document's metadata may hold."""

non_finite_floats = st.sampled_from([float("nan"), float("inf"), float("-inf")])
"""NaN and the infinities: floats no JSON document may hold."""

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True)
"""Document ids as natojp writes them."""


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


document_lists = st.lists(documents(), max_size=5, unique_by=lambda d: d.id)
"""Up to five valid documents with distinct ids: a corpus's worth."""


# --- dates and anchors -------------------------------------------------------------


def days(
    min_value: _dt.date = _dt.date.min, max_value: _dt.date = _dt.date.max
) -> st.SearchStrategy[_dt.date]:
    """A plain :class:`datetime.date` (no time, no PartialDate) within the bounds."""
    return st.dates(min_value=min_value, max_value=max_value)


def anchors(
    min_value: _dt.date = _dt.date.min,
    max_value: _dt.date = _dt.date.max,
    *,
    datetimes: bool = True,
) -> st.SearchStrategy[PartialDate | _dt.date | None]:
    """None, or an anchor natojp's date and people functions take, lying within
    the bounds: a PartialDate of any precision, a date, or (unless ``datetimes``
    is false) a datetime."""
    within = partial_dates
    if (min_value, max_value) != (_dt.date.min, _dt.date.max):
        within = partial_dates.filter(lambda d: min_value <= d.start and d.end <= max_value)
    kinds = [st.none(), within, days(min_value, max_value)]
    if datetimes:
        kinds.append(
            st.datetimes(
                min_value=_dt.datetime.combine(min_value, _dt.time.min),
                max_value=_dt.datetime.combine(max_value, _dt.time.max),
            )
        )
    return st.one_of(kinds)


dayfirst_options = st.none() | st.booleans()
"""The ``dayfirst`` option of natojp.dates: unset, True or False."""

date_words = st.sampled_from(
    ["June", "Jun.", "30", "2022", "0", "9999", "10000", "1st", "31st", "of", "c.", "circa",
     "mid-", "early", "late", "summer", "winter", "last", "next", "this", "ago", "year",
     "years", "month", "week", "yesterday", "today", "tomorrow", "Monday", "the", "1990s",
     "'90s", "/", ".", "-", ",", "(", ")", "~", "?", "BC", "AD", "00/00/0000", "31/02/2023",
     "2024-13-45", "9999-12-31", "0001-01-01", "1e9", "½", "٢٠٢٣", "２０２３", "\u00a0",
     "on", "29", "two", "12", "31 January 2023", "will", "said", "in", "Earlier", "\n", "  ",
     "Sept.", "’", "٣"]
)  # fmt: skip
"""Words and fragments of dates: months, weekdays, numbers, hedges, relative
words, tenses, separators, impossible dates, other scripts' digits."""


def date_texts(*, max_words: int | None = 8, max_size: int | None = 60) -> st.SearchStrategy[str]:
    """Text for natojp.dates: up to ``max_words`` date words (and weird unicode)
    joined by spaces, any text of up to ``max_size`` characters, or text like the
    corpus's (None: no bound)."""
    return st.one_of(
        joined(st.one_of(date_words, weird_text), sep=" ", max_size=max_words),
        st.text(max_size=max_size),
        corpus_texts,
    )


# --- people ------------------------------------------------------------------------

name_pieces = st.sampled_from(
    ["Prime Minister", "Secretary General", "Secretary-General", "Foreign Minister",
     "President", "Deputy", "former", "Mr.", "Ms", "Dr", "H.E.", "Kishida", "KISHIDA Fumio",
     "Fumio", "Stoltenberg", "Stoltenbergs", "Stoltenberg's", "Rutte", "Ishiba", "Hayashi",
     "Biden", "Yoon", "Putin", "NATO", "UN", "Japan", "Japan's", "of", "the", "[", "]", "(",
     ")", "-", "'", "’s", "he", "she", "they", "é", "\u0301", "",
     "Mr ", "Secretary General ", "the ", "President ", "he ", "She ", "“", "”", '"', "''",
     "’s ", ", ", ". ", ": ", "\n", "\n\n", "said ", "Kishida ", "Prime Minister ",
     "Professor ", "Yoon Suk-yeol ", "former ", "Deputy ", "In 2016, ", "according to ", "X"]
)  # fmt: skip
"""Pieces of text about people: titles, names and their spellings, honorifics,
possessives, pronouns, quotation marks, attributions and punctuation (some with
a trailing space, to be run together)."""


def name_texts(*, max_pieces: int = 6) -> st.SearchStrategy[str]:
    """Text that names people: up to ``max_pieces`` name pieces (with weird
    unicode) joined by spaces, name pieces and short text run together, or any
    text of up to 30 characters."""
    return st.one_of(
        joined(st.one_of(name_pieces, weird_text), sep=" ", max_size=max_pieces),
        joined(st.one_of(name_pieces, st.text(max_size=8)), max_size=max_pieces),
        st.text(max_size=30),
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

# Words, phrases and markup of the corpus's texts.
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

# One line of a text: words, a speaker label, a bullet, a breadcrumb, furniture.
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

plain_header_values = st.text(
    st.sampled_from("abcXYZ019 -,.日本語ÉéüØ"),
    min_size=1,
    max_size=30,
)
"""Front-matter values of letters natojp keeps as written (no markup, no
mojibake: "Â\\xa0" would be read as mojibake and repaired)."""


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


corpus_texts = st.lists(_lines, min_size=1, max_size=6).map("\n\n".join)
"""Text like the corpus's: paragraphs of words, speaker labels, bullets,
breadcrumbs and page furniture."""

# The encodings natojp's readers meet.
_encodings = st.sampled_from(
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "shift_jis",
     "euc-jp", "iso-2022-jp", "latin-1"]
)  # fmt: skip


@st.composite
def raw_files(draw: st.DrawFn) -> bytes:
    """The bytes of a file: text in some encoding (lone surrogates written as
    bytes), junk bytes, BOMs, NULs, a PDF header."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        text = draw(loader_texts() | weird_text)
        return text.encode(draw(_encodings), errors="ignore")
    if kind == 1:
        text = draw(loader_texts() | weird_text)
        return text.encode("utf-8", errors="surrogatepass")
    if kind == 2:
        prefix = draw(
            st.sampled_from(
                [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                 codecs.BOM_UTF32_LE, b"%PDF-1.7\n", b"\x00", b"PK\x03\x04", b"\x1f\x8b"]
            )
        )  # fmt: skip
        return prefix + draw(st.binary(max_size=200))
    text = draw(loader_texts())
    raw = text.encode("utf-8", errors="surrogatepass")
    at = draw(st.integers(0, len(raw)))
    junk = draw(st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\r", b"\x1b[0m"]))
    return raw[:at] + junk + raw[at:]


# --- JSON for natojp.serialize -----------------------------------------------------

# JSON scalars: null, booleans, any integer, finite floats, short and weird strings.
_json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=10),
    weird_text,
)
json_values = st.recursive(
    _json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["id", "span", "date"]), inner, max_size=4
        )
    ),
    max_leaves=20,
)
"""Any JSON value: scalars, weird strings, lists and objects (some with the
keys of a document)."""


@st.composite
def mutated_documents(draw: st.DrawFn) -> object:
    """A valid document's JSON with one field replaced, deleted or added."""
    data = to_dict(draw(documents()))
    keys = sorted(data)
    action = draw(st.integers(0, 2))
    key = draw(st.sampled_from(keys))
    if action == 0:
        data[key] = draw(json_values)
    elif action == 1:
        del data[key]
    else:
        data[draw(st.text(max_size=8))] = draw(json_values)
    if draw(st.booleans()):
        return {"schema_version": draw(st.sampled_from([1, 1, 0, 2, "1", None])),
                "documents": [data, draw(json_values)]}  # fmt: skip
    return data


# --- search -----------------------------------------------------------------------

queries = st.one_of(
    joined(
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
        sep=" ",
        max_size=8,
    ),
    st.text(alphabet=st.sampled_from('ab "()*-AND OR NOT.'), max_size=30),
)
"""Search queries: words, quotes, parentheses, operators, prefixes, junk; and
the query language's characters packed together (with the letters a and b)."""

# Pieces of regular expressions, valid and not.
_regex_pieces = st.sampled_from(
    ["a", "NATO", r"\b", r"\w+", r"\d", ".", ".*", "+", "?", "*", "(", ")", "[", "]", "[a-", "{2,}",
     "{", "|", "^", "$", "(?i)", "(?P<x>", "(?P=x)", r"\1", "(a+)+", "(?<=a)", "(?<!", r"\p{L}",
     r"\N{BULLET}", r"\x", "\\", "(?#", "(?(1)a|b)", "\x00", "\ud800"]
)  # fmt: skip

regex_patterns = st.one_of(
    joined(_regex_pieces, max_size=6),
    st.text(max_size=12),
    queries,
)
"""Patterns for ``kwic(regex=True)``: nested repeats, open groups, bad escapes,
lookarounds and backreferences run together, any text, and search queries."""
