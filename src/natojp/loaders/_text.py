"""Pieces every parser shares: page chrome, paragraphs, speaker turns, and the
builder that lays out ``Document.text`` and keeps segment spans exact."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from natojp._text.spans import Layout
from natojp.models import Segment, SegmentKind, Span

# --- page chrome -------------------------------------------------------------------

# Lines that belong to a web page's furniture, never to a document's body.
CHROME_LINE = re.compile(
    r"""^(?:
        print(?:\s+print)?|print\s+this(?:\s+page)?|share(?:\s+this)?:?|tweet|e-?mail
      | back\s+to\s+top(?:\s+button)?|skip\s+to\s+(?:main\s+)?content
      | related\s+(?:articles|posts|stories|news|content)|you\s+may\s+also\s+like
      | read\s+more|more\s+(?:stories|news)|recommended(?:\s+for\s+you)?|trending(?:\s+now)?
      | leave\s+a\s+(?:reply|comment)|post\s+comment|\d+\s+comments?|comments?
      | your\s+email\s+address\s+will\s+not\s+be\s+published\..*
      | required\s+fields\s+are\s+marked\s*\*?
      | advertisement|sponsored(?:\s+content)?|subscribe(?:\s+now)?|sign\s+up|log\s*in
      | follow\s+us(?:\s+on\s+\w+)?|cookie\s+settings|accept\s+(?:all\s+)?cookies
      | \\?\#{3}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# The space before an optional unit is inside the optional group, so that a run of
# spaces has one way to be split, not one per space (``1`` and 10,000 spaces and ``x``).
VIEW_COUNT = re.compile(r"^(?P<n>\d[\d,.]*)(?:\s*(?P<unit>[kKmM]))?\s+views?$")
RESOLUTION = re.compile(r"\b(?P<res>\d{3,4}[pP]|[48][kK]|HD|UHD)\b")
TRANSCRIPT_CONTINUES = re.compile(
    r"(?:Transcript|Full\s+(?:text|transcript)|Read\s+the\s+full\s+(?:speech|transcript))"
    r"\s+(?:(?:continues|here|at)\s*)?:\s*(?P<url>https?://\S+)",
    re.IGNORECASE,
)
URL = re.compile(r"https?://\S+")
BULLET = re.compile(r"^\s*[•·▪●◦‣∙]\s?(?P<rest>.*)$")
_SPACES_BETWEEN_WORDS = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPACES = re.compile(r" {2,}")
_PARENTHESES = re.compile(r"\([^()]*\)")
_FIRST_PERSON = re.compile(r"\b(?:I|I[’']m|I[’']ve|my|me)\b")


def is_breadcrumb(line: str) -> bool:
    """Whether ``line`` is a breadcrumb trail: short parts joined by ``>`` with
    white space around each ``>``.

    The line is split at each ``>`` and the parts checked one by one, which takes
    time linear in the line; the regular expression this replaces,
    ``^[^\\s>][^>]{0,60}(?:\\s+>\\s+[^>]{1,60})+$``, accepted the same lines but
    backtracked exponentially on ``a  >  b  >  b ... >``.

    >>> is_breadcrumb("INTERNATIONAL > Europe & Eurasia"), is_breadcrumb("Home > News > Asia")
    (True, True)
    >>> is_breadcrumb("a>b"), is_breadcrumb(" > Asia"), is_breadcrumb("Home > News >")
    (False, False, False)
    """
    parts = line.split(">")
    if len(parts) < 2:
        return False
    first, *middle, last = parts
    # Before the first ">": a first character that is not a space, at most 60 more,
    # then white space.
    if not first or first[0].isspace() or not first[-1].isspace() or len(first.rstrip()) > 61:
        return False
    # Between two ">": white space, 1 to 60 characters, white space.
    for part in middle:
        if len(part) < 3 or not part[0].isspace() or not part[-1].isspace():
            return False
        if len(part.strip()) > 60:
            return False
    # After the last ">": white space, then 1 to 60 characters (``$`` also matched
    # before a final newline, which may then fall outside those 60).
    return _crumb_tail(last) or (last.endswith("\n") and _crumb_tail(last[:-1]))


def _crumb_tail(part: str) -> bool:
    return len(part) >= 2 and part[0].isspace() and len(part.lstrip()) <= 60


def bullet(line: str) -> str | None:
    """The text after a bullet sign (``  • 31 Jan. 2023 -``), or ``None`` if the
    line is not a bullet line."""
    match = BULLET.match(line)
    return match["rest"] if match else None


def is_chrome(line: str) -> bool:
    """Whether a whole line is page furniture (buttons, comment forms, nav)."""
    stripped = line.strip()
    return bool(stripped) and bool(CHROME_LINE.match(stripped))


def _kept_symbol(code: int) -> bool:
    # Letter-like symbols (№, ™, ℃) stand for words, and U+FFFD marks bytes
    # that could not be decoded: neither is decoration.
    return 0x2100 <= code <= 0x214F or code == 0xFFFD


# Every character strip_decorations removes is the joiner or at U+2070 and
# above (no symbol in the punctuation block before it is one): a line with
# none of these, as most are, is left as it is without a look at each letter.
_MAY_DECORATE = re.compile("[\u200d\u2070-\U0010ffff]")


def strip_decorations(text: str) -> str:
    """Remove emoji, flags and pictographs, which decorate titles and video
    descriptions but carry no words."""
    if text.isascii() or _MAY_DECORATE.search(text) is None:
        return text
    out = []
    removed = False
    for ch in text:
        code = ord(ch)
        if (
            0x1F000 <= code <= 0x1FAFF
            or 0x2600 <= code <= 0x27BF
            or code in (0xFE0F, 0x200D)
            or (code > 0x2000 and unicodedata.category(ch) == "So" and not _kept_symbol(code))
        ):
            removed = True
            continue
        out.append(ch)
    cleaned = "".join(out)
    # Where a decoration stood between words, one space is enough.
    return _SPACES_BETWEEN_WORDS.sub(" ", cleaned).strip() if removed else cleaned


def split_title_suffix(title: str) -> tuple[str, str | None]:
    """``"Headline | Section"`` -> ``("Headline", "Section")``; the suffix is the
    site or section name a page appends to its headline."""
    if " | " in title:
        head, _, tail = title.rpartition(" | ")
        tail = tail.strip()
        if head.strip() and 0 < len(tail.split()) <= 5 and not tail.endswith((".", "?", "!")):
            return head.strip(), tail
    return title.strip(), None


# --- paragraphs --------------------------------------------------------------------

TERMINAL = tuple('.!?:;"”’)]…')


def unwrap(lines: Sequence[str]) -> str:
    """Join the lines of one paragraph, undoing hard wrapping."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].isalpha():
            out += line  # a word broken at a hyphen: keep the hyphen, drop the break
        else:
            out += " " + line
    return _SPACES.sub(" ", out)


def blocks(lines: Sequence[str]) -> list[list[str]]:
    """Split lines into blocks at blank lines."""
    result: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def paragraphs(lines: Sequence[str]) -> list[str]:
    """The paragraphs of a body.

    Where the body has blank lines, they separate paragraphs and the lines
    between them are one wrapped paragraph. Where it has none, each line is a
    paragraph, except that a line that does not end a sentence runs on into the next.
    """
    return list(_paragraphs(tuple(lines)))


# A page's body is laid out in paragraphs when it is sniffed and again when parsed.
@functools.lru_cache(maxsize=4)
def _paragraphs(lines: tuple[str, ...]) -> tuple[str, ...]:
    groups = blocks(lines)
    if len(groups) == 1 and len(groups[0]) > 1:
        merged: list[list[str]] = []
        for line in groups[0]:
            if merged and not merged[-1][-1].rstrip().endswith(TERMINAL):
                merged[-1].append(line)
            else:
                merged.append([line])
        groups = merged
    return tuple(text for text in (unwrap(group) for group in groups) if text)


# --- speaker turns -----------------------------------------------------------------

_PARTICLES = "of|the|de|del|der|van|von|al|bin|la|le|du|da|y"
_CAPS_WORD = r"[A-Z][A-Z.'’\-]*"
# Particles in capitals (OF, DE LA) are capitalised words too: one way to read them,
# not two, or a line of many ("A OF OF ... OF !") backtracks exponentially.
CAPS_LABEL = re.compile(
    rf"^(?P<label>(?:{_CAPS_WORD})(?:\s+{_CAPS_WORD})*?"
    rf"(?:\s*\([^()]{{1,80}}\))?)\s*:(?:\s+(?P<rest>.*))?$"
)
MIXED_LABEL = re.compile(
    rf"^(?P<label>[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|{_PARTICLES})){{0,6}}"
    rf"(?:\s*\([^()]{{1,80}}\))?)\s*:(?:\s+(?P<rest>.*))?$"
)
Q_LABEL = re.compile(r"^(?P<label>Q)(?::\s*|\s{2,}|\.\s+)(?P<rest>\S.*)$|^(?P<bare>Q):?$")
_NOT_SPEAKERS = frozenset(
    {
        "SUBJECT", "NOTE", "RE", "TO", "FROM", "CC", "DATE", "UPDATE", "SOURCE", "PHOTO",
        "ATTENTION", "EDITOR'S NOTE", "EDITOR’S NOTE", "WHEREAS", "WATCH", "READ MORE",
        "RELATED", "NB", "PS", "P.S", "END", "AS PREPARED FOR DELIVERY", "EMBARGOED",
        "FOR IMMEDIATE RELEASE", "CONTACT", "TAGS", "TOPICS", "Q&A",
    }
)  # fmt: skip


@attrs.frozen
class LabelledLine:
    """A line that opens a speaker's turn: the label, and the words after it."""

    label: str
    rest: str


def _words_of(label: str) -> list[str]:
    return _PARENTHESES.sub("", label).split()


def caps_label(line: str) -> LabelledLine | None:
    """The ALL-CAPS speaker label that opens ``line`` (``PRESIDENT BIDEN:``,
    ``MS. JEAN-PIERRE:``, ``JAAP DE HOOP SCHEFFER (Secretary General of NATO):``)."""
    match = CAPS_LABEL.match(line.strip())
    if not match:
        return None
    label = " ".join(match["label"].split())
    words = _words_of(label)
    letters = sum(ch.isalpha() for ch in "".join(words))
    if not words or len(words) > 6 or letters < 2 or label.rstrip(".") in _NOT_SPEAKERS:
        return None
    return LabelledLine(label, (match["rest"] or "").strip())


def mixed_label(line: str) -> LabelledLine | None:
    """A Title-Case speaker label (``Moderator:``, ``NATO Secretary General:``).

    On its own such a line could be a heading or a sentence ending in a colon;
    :func:`find_turns` accepts these only when the labels recur.
    """
    match = MIXED_LABEL.match(line.strip())
    if not match:
        return None
    label = " ".join(match["label"].split())
    words = _words_of(label)
    if not words or label.endswith((".", ",")) or len(label) > 60:
        return None
    capitalised = sum(1 for w in words if w[:1].isupper())
    if capitalised < len(words) - 1 or capitalised == 0:
        return None
    return LabelledLine(label, (match["rest"] or "").strip())


def q_label(line: str) -> LabelledLine | None:
    """A question turn: a bare ``Q`` followed by spaces or a colon."""
    match = Q_LABEL.match(line.strip())
    if not match:
        return None
    return LabelledLine("Q", (match["rest"] or "").strip())


@attrs.frozen
class Turn:
    """A speaker's turn (``label`` ``None`` for text before the first label) and its
    paragraphs."""

    label: str | None
    paragraphs: tuple[str, ...]


def find_turns(lines: Sequence[str], *, known: frozenset[str] = frozenset()) -> list[Turn] | None:
    """Split a body into speaker turns, or ``None`` if it is not a transcript.

    A transcript has at least two labelled lines, or one that opens the body.
    ALL-CAPS labels are taken at face value; Title-Case labels only where the same
    label comes back, because a single ``Prime Minister Kishida:`` could be a
    heading and ``And the other thing is:`` is a sentence. Labels in ``known``
    (found by a stronger cue, such as a video description's ``| Speaker:``) are
    always taken.
    """
    found = _turns(tuple(lines), known)
    return None if found is None else list(found)


# A page's body is split into turns when it is sniffed and again when parsed.
@functools.lru_cache(maxsize=4)
def _turns(lines: tuple[str, ...], known: frozenset[str]) -> tuple[Turn, ...] | None:
    caps = [(i, caps_label(line)) for i, line in enumerate(lines)]
    found = [(i, lab) for i, lab in caps if lab is not None]
    mixed = [(i, lab) for i, lab in ((i, mixed_label(line)) for i, line in enumerate(lines)) if lab]
    counts = Counter(lab.label for _, lab in mixed)
    recurring = {label for label, n in counts.items() if n >= 2 or label in known}
    if recurring and (sum(counts[label] for label in recurring) >= 2 or known & recurring):
        taken = {i for i, _ in found}
        found.extend((i, lab) for i, lab in mixed if lab.label in recurring and i not in taken)
    if found:
        taken = {i for i, _ in found}
        found.extend(
            (i, lab)
            for i, lab in ((i, q_label(line)) for i, line in enumerate(lines))
            if lab is not None and i not in taken
        )
    found.sort(key=lambda item: item[0])
    if not found:
        return None
    first_text = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if len(found) < 2 and found[0][0] != first_text and found[0][1].label not in known:
        return None
    turns: list[Turn] = []
    if found[0][0] > 0:
        before = paragraphs(lines[: found[0][0]])
        if before:
            turns.append(Turn(None, tuple(before)))
    for n, (i, lab) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        body = [lab.rest, *lines[i + 1 : end]] if lab.rest else list(lines[i + 1 : end])
        turns.append(Turn(lab.label, tuple(paragraphs(body))))
    return tuple(turns)


# --- laying out the text -----------------------------------------------------------


class TextBuilder:
    """Lays out ``Document.text`` from paragraphs and turns, one blank line
    between segments, and records each segment's exact span.

    >>> b = TextBuilder()
    >>> b.paragraph("Hello.")
    >>> b.turn("Q", ["Why?"])
    >>> text, segments = b.build()
    >>> text
    'Hello.\\n\\nQ: Why?'
    >>> segments[1].speaker_span.of(text), segments[1].span.of(text)
    ('Q', 'Why?')
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0
        self._segments: list[Segment] = []

    def _add(self, piece: str) -> int:
        if self._parts:
            self._parts.append("\n\n")
            self._size += 2
        start = self._size
        self._parts.append(piece)
        self._size += len(piece)
        return start

    def paragraph(self, text: str, *, speaker: str | None = None) -> None:
        """Add one paragraph (a speaker is recorded without a label in the text)."""
        text = text.strip()
        if not text:
            return
        start = self._add(text)
        self._segments.append(
            Segment(
                span=Span(start, start + len(text)), kind=SegmentKind.PARAGRAPH, speaker=speaker
            )
        )

    def turn(self, label: str | None, paras: Iterable[str]) -> None:
        """Add a speaker's turn as ``LABEL: paragraph`` + further paragraphs."""
        body = "\n\n".join(p.strip() for p in paras if p.strip())
        if label is None:
            for para in body.split("\n\n"):
                self.paragraph(para)
            return
        piece = f"{label}: {body}" if body else f"{label}:"
        start = self._add(piece)
        content_start = start + len(label) + 2 if body else start + len(piece)
        self._segments.append(
            Segment(
                span=Span(content_start, start + len(piece)),
                kind=SegmentKind.TURN,
                speaker=label,
                speaker_span=Span(start, start + len(label)),
            )
        )

    def build(self) -> tuple[str, tuple[Segment, ...]]:
        """The text and its segments."""
        return "".join(self._parts), tuple(self._segments)


def first_person_ratio(text: str) -> float:
    """Share of sentences with a first-person-singular pronoun: high in op-eds and
    speeches, near zero in news reports."""
    sentences = [text[start:end] for start, end in Layout(text).sentences]
    if not sentences:
        return 0.0
    hits = sum(1 for s in sentences if _FIRST_PERSON.search(s))
    return hits / len(sentences)
