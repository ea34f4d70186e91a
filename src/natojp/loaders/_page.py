"""Reading the structure of a captured web page or plain text: title, header
facts, body, trailing furniture. Parsers share this analysis and differ only in
how sure they are a page is theirs and in the defaults they apply."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from natojp._text.lexicon import (
    COURTESY,
    HONORIFICS,
    OFFICE_WORDS,
    OTHER_OFFICE,
    PAST_QUALIFIERS,
    STYLES,
    with_periods,
)
from natojp.dates import DIGIT_DASH_DIGIT, WEEKDAYS, find_dates, iter_absolute, parse_interval
from natojp.errors import DateError
from natojp.loaders import _markup, _text, _voices
from natojp.models import DateInterval, DocumentKind, PartialDate

KIND_LINES: dict[str, DocumentKind] = {
    "speech": DocumentKind.SPEECH,
    "keynote speech": DocumentKind.SPEECH,
    "keynote address": DocumentKind.SPEECH,
    "address": DocumentKind.SPEECH,
    "lecture": DocumentKind.SPEECH,
    "opening remarks": DocumentKind.SPEECH,
    "remarks": DocumentKind.SPEECH,
    "statement": DocumentKind.NEWS_RELEASE,
    "press point": DocumentKind.TRANSCRIPT,
    "joint press point": DocumentKind.TRANSCRIPT,
    "press conference": DocumentKind.TRANSCRIPT,
    "joint press conference": DocumentKind.TRANSCRIPT,
    "pre-ministerial press conference": DocumentKind.TRANSCRIPT,
    "pre-summit press conference": DocumentKind.TRANSCRIPT,
    "doorstep": DocumentKind.TRANSCRIPT,
    "doorstep statement": DocumentKind.TRANSCRIPT,
    "interview": DocumentKind.TRANSCRIPT,
    "transcript": DocumentKind.TRANSCRIPT,
    "press briefing": DocumentKind.TRANSCRIPT,
    "joint statement": DocumentKind.JOINT_STATEMENT,
    "joint declaration": DocumentKind.JOINT_STATEMENT,
    "communique": DocumentKind.JOINT_STATEMENT,
    "communiqué": DocumentKind.JOINT_STATEMENT,
    "news release": DocumentKind.NEWS_RELEASE,
    "press release": DocumentKind.NEWS_RELEASE,
    "news": DocumentKind.NEWS_RELEASE,
    "op-ed": DocumentKind.OP_ED,
    "opinion": DocumentKind.OP_ED,
    "commentary": DocumentKind.OP_ED,
    "article": DocumentKind.OP_ED,
}

_DELIVERY = re.compile(
    r"^\((?P<d>as delivered|as prepared(?: for delivery)?|check against delivery"
    r"|as interpreted)\.?\)$",
    re.IGNORECASE,
)
_LAST_UPDATED = re.compile(r"^(?:last\s+)?updated:?\s*(?P<rest>.+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s+(?P<by>\S.*)$", re.IGNORECASE)
_BIO = re.compile(
    r"^(?P<name>(?:[A-Z][\w.'’\-]+\s){1,3}[A-Z][\w'’\-]+)\s+"
    r"(?:is|was|has\s+been|serves\s+as|served\s+as)\s+\S.*[.!]$"
)
_WEEKDAY_DATELINE = re.compile(
    r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*\(\s*(?P<date>[^()]{6,30})\)"
)
_EDITION = re.compile(r"\b(?:press|edition|print|digital|online|weekly|daily)\b", re.IGNORECASE)
_TIME_STAMP = re.compile(
    r"^(?:END\s*)?(?P<t>\d{1,2}:\d{2}\s*[AP]\.?M\.?(?:\s+[A-Z]{2,5})?)$|^END$", re.IGNORECASE
)
# Words that can stand in a role before a name, beside the lexicon's office
# words and honorifics: organisations, nationalities and office-name parts.
_ROLE_WORDS = (
    OFFICE_WORDS
    | STYLES
    | with_periods(HONORIFICS)
    | PAST_QUALIFIERS
    | OTHER_OFFICE
    | frozenset(
        """nato un eu g7 the of japan japan's russia's russian japanese korean american
        minister's secretary-general foreign-minister foreign defence defense head national
        security state officer official""".split()  # noqa: SIM905 - a word list reads best as prose
    )
)


def split_role_name(text: str) -> tuple[str, str]:
    """``"NATO Secretary General Jens Stoltenberg"`` -> ``("NATO Secretary General",
    "Jens Stoltenberg")``: the leading office words, then the name."""
    text = " ".join(text.replace("\u2019", "'").split()).strip(" ,.;")
    if "," in text:
        head, _, tail = text.rpartition(",")
        if tail.strip() and all(w[:1].isupper() for w in tail.split()):
            return head.strip(), tail.strip()
    text = re.sub(r"\s+of\s+[A-Z][\w ]+$", "", text)
    words = text.split()
    i = 0
    while i < len(words) - 1 and (words[i].lower() in _ROLE_WORDS or words[i].isupper()):
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


# ``(?<!\s)``: a match can only start where a run of white space starts, which is
# where the leftmost match starts anyway; without it each space of a long run
# starts its own scan of the rest of the run, quadratic in the run's length.
_BETWEEN_AUTHORS = re.compile(r"(?<!\s)\s+(?:with|and|&)\s+|,\s+(?:and\s+)?(?=[A-Z])")
_AFTER_AUTHOR = re.compile(r"(?<!\s)\s+(?:at|in|on|during|followed|to|before|after)\s+")


def _participants(byline: str) -> list[str]:
    parts = _BETWEEN_AUTHORS.split(byline)
    names = []
    for part in parts:
        part = _AFTER_AUTHOR.split(part)[0]
        _, name = split_role_name(part)
        if name and len(name.split()) <= 5 and all(w[:1].isupper() for w in name.split()):
            names.append(name)
    return names


def _weekday_ok(weekday: str, value: PartialDate) -> bool:
    if value.day is None:
        return False
    return WEEKDAYS.index(weekday.lower()) == value.to_date().weekday()


@attrs.define
class Page:
    """What :func:`read_page` found. Mutable while it is being read; parsers turn
    it into a frozen :class:`~natojp.models.Draft`."""

    title: str | None = None
    kind_line: str | None = None
    byline: str | None = None
    category: str | None = None
    section: str | None = None
    breadcrumb: str | None = None
    title_suffix: str | None = None
    outlet: str | None = None
    edition: str | None = None
    header_date: PartialDate | None = None
    title_date: PartialDate | None = None
    dateline: PartialDate | None = None
    dateline_text: str | None = None
    last_updated: str | None = None
    delivery: str | None = None
    upload_date: PartialDate | None = None
    resolution: str | None = None
    views: int | None = None
    url: str | None = None
    truncated: bool = False
    authors: list[str] = attrs.Factory(list)
    bio: str | None = None
    tags: list[str] = attrs.Factory(list)
    bullet_facts: int = 0
    chrome_lines: int = 0
    header_lines: int = 0
    body: list[str] = attrs.Factory(list)
    turns: list[_text.Turn] | None = None
    preamble: list[str] = attrs.Factory(list)
    times: list[str] = attrs.Factory(list)
    inline_labels: frozenset[str] = frozenset()
    # The ranges the page's dates were read from ("11-12 July 2023"), by first day.
    intervals: dict[PartialDate, DateInterval] = attrs.Factory(dict)

    @property
    def date(self) -> PartialDate | None:
        return self.upload_date or self.header_date or self.title_date or self.dateline

    def keep_interval(self, interval: DateInterval) -> PartialDate | None:
        """The date ``interval`` is valued at (its first day), keeping it when
        it is a range of days."""
        if event_range(interval) is not None and interval.start is not None:
            self.intervals[interval.start] = interval
        return interval.start or interval.end

    def interval_of(self, value: PartialDate | None) -> DateInterval | None:
        """The range a date of this page was read from, if it was one."""
        return self.intervals.get(value) if value is not None else None


def event_range(interval: DateInterval | None) -> DateInterval | None:
    """``interval`` when it can be a document's event range: closed at both
    ends and more than one date ("11-12 July 2023", not "until 2019" nor a single
    date read as an interval of itself)."""
    if interval is None or interval.start is None or interval.end is None:
        return None
    return interval if interval.start != interval.end else None


def _is_prose(line: str) -> bool:
    words = line.split()
    if len(words) >= 25:
        return True
    return len(words) >= 6 and line.rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))


# A line that ends on one of these words stops mid-sentence: it is the first line
# of a wrapped paragraph, never a title ("Allow me to begin by").
_OPEN_ENDINGS = frozenset(
    """a an the of to by and or nor but for with from at in on as into onto upon that
    which who whom whose my our your his her their its me us we i is are was were be
    been being have has had this these those than like about over under between""".split()  # noqa: SIM905
)
# A numbered paragraph ("17.", "(3)", "188") opens the body of a text.
_PARAGRAPH_NUMBER = re.compile(r"^(?:\(?\d{1,4}[.)](?:\s|$)|\d{1,4}$)")
_SALUTATION = re.compile(
    r"^(?:(?:" + "|".join(sorted((re.escape(w) for w in COURTESY), key=len, reverse=True)) + r")\b"
    r"|dear|your\s+(?:excellenc|majest|highness)"
    r"|excellenc|ladies|distinguished|honou?rable|fellow|good\s+(?:morning|afternoon|evening)"
    r"|in\s+the\s+name\s+of|thank\s+you)",
    re.IGNORECASE,
)


def _runs_on(line: str, following: str | None) -> bool:
    """Whether ``line`` is the start of a wrapped sentence rather than a line of
    its own: it ends on a word that needs more, or the next line carries on in
    lower case."""
    words = line.split()
    if not words:
        return False
    if words[-1].lower().strip("\"'“”‘’") in _OPEN_ENDINGS or line.endswith("-"):
        return True
    nxt = (following or "").lstrip()
    return bool(nxt) and nxt[0].islower()


def _opens_body(line: str) -> bool:
    """Whether ``line`` can only be running text: it starts in lower case or with
    a paragraph number."""
    return line[:1].islower() or bool(_PARAGRAPH_NUMBER.match(line))


def _plain_title(line: str, following: str | None) -> bool:
    """Whether a first line of plain text is unmistakably a title: a line of its
    own (a blank line after it), of two words or more, in title case or capitals,
    not a salutation."""
    if following is None or following.strip():
        return False
    words = line.split()
    if len(words) < 2 or _SALUTATION.match(line):
        return False
    if line.rstrip().endswith((":", "!", "?")):
        return False
    long_words = [w for w in words if len(w) >= 4 and w.isalpha()]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return line.isupper() or capitalised / len(long_words) >= 0.6


def _try_date(text: str, page: Page) -> PartialDate | None:
    """The date ``text`` is, if it is one; a range is kept in ``page.intervals``."""
    try:
        interval = parse_interval(text)
    except DateError:
        return None
    return page.keep_interval(interval)


def _date_line(line: str) -> bool:
    """Whether a header line can be a date line: dates and at most four other
    words, two of them before the first date ("Brussels, 12 July 2023", "Last
    updated: ..."); "Vilnius Summit Communique, 12 July 2023" is a title with
    its date."""
    found = find_dates(line)
    if not found or len(line[: found[0].span.start].split()) > 2:
        return False
    outside, cursor = 0, 0
    for mention in found:
        outside += len(line[cursor : mention.span.start].split())
        cursor = mention.span.end
    return outside + len(line[cursor:].split()) <= 4


def _title_date(title: str, page: Page) -> tuple[str, PartialDate | None]:
    """A date or a range written at the end of a title (``..., 01 FEB 2023``,
    ``..., 11-12 July 2023``)."""
    if DIGIT_DASH_DIGIT.search(title):  # what a range of days has: "11-12 July 2023"
        for mention in reversed(find_dates(title)):
            head = title[: mention.span.start].rstrip(" ,-|–—")
            if (
                mention.interval is None
                or mention.relative
                or title[mention.span.end :].strip(" ,.-|")
                or len(head.split()) < 2
            ):
                break
            return head, page.keep_interval(mention.interval)
    found = list(iter_absolute(title))
    if found:
        last = found[-1]
        if not title[last.span.end :].strip(" ,.-|"):
            head = title[: last.span.start].rstrip(" ,-|–—")
            if len(head.split()) >= 2:
                return head, last.value
    return title, None


def _is_fact(content: str) -> bool:
    """Whether a header bullet is short enough to be a fact (an outlet, an
    edition, a tag), not a line of the text set out as a list."""
    return len(content.split()) <= 6 and not content.endswith((";", ":", "."))


def _read_bullet(page: Page, content: str) -> bool:
    """Read one header bullet; ``False`` when it is no fact of the page but the
    first item of a list in the text (the header ends there)."""
    content = content.strip()
    if content in ("", "|", "-", "–"):
        return True
    updated = _LAST_UPDATED.match(content)
    if updated:
        found = next(iter_absolute(updated["rest"]), None)
        if found is not None:
            page.bullet_facts += 1
            page.last_updated = found.value.isoformat() + (f"T{found.time}" if found.time else "")
            return True
    value = _try_date(content, page)
    if value is not None:
        page.bullet_facts += 1
        if page.header_date is None:
            page.header_date = value
        return True
    if "," in content:
        who, _, outlet = content.partition(",")
        if page.outlet is not None or not _is_fact(outlet.strip()) or len(who.split()) > 12:
            return False
        page.bullet_facts += 1
        if who.strip():
            page.authors.extend(_participants(who.strip()) or [who.strip()])
        if outlet.strip():
            page.outlet = outlet.strip()
        return True
    if not _is_fact(content):
        return False
    page.bullet_facts += 1
    if page.outlet is not None and _EDITION.search(content) and page.edition is None:
        page.edition = content
    elif page.outlet is None and not _EDITION.search(content):
        page.outlet = content
    elif page.edition is None:
        page.edition = content
    else:
        page.tags.append(content)
    return True


@functools.lru_cache(maxsize=2)
def _cleaned_lines(text: str) -> tuple[tuple[str, ...], int, str | None]:
    """The lines of ``text`` without markup, page chrome and decorations; how
    many chrome lines went; the URL of a "Transcript continues" line. Shared by
    the readings of one text as a page and as plain text."""
    lines: list[str] = []
    chrome, continues = 0, None
    for raw in _markup.text_markup_removed(text).split("\n"):
        if _text.is_chrome(raw):
            chrome += 1
            continue
        cont = _text.TRANSCRIPT_CONTINUES.search(raw)
        if cont:
            continues = cont["url"].rstrip(".,)")
            raw = raw[: cont.start()]
            if not raw.strip():
                continue
        lines.append(_text.strip_decorations(raw) if raw.strip() else "")
    return tuple(lines), chrome, continues


def read_page(text: str, *, plain: bool = False) -> Page:
    """Analyse normalised text into a :class:`Page`.

    ``plain=True`` reads text that has no page around it: only an unmistakable
    title (see :func:`_plain_title`) is taken out of the body, never a category.
    """
    page = Page()
    cleaned, page.chrome_lines, continues = _cleaned_lines(text)
    if continues is not None:
        page.url, page.truncated = continues, True
    lines = list(cleaned)

    # Header: everything before the first line of prose.
    units = _units(lines)
    i = len(lines)
    for n, (unit_text, first_line) in enumerate(units):
        i = first_line
        line = unit_text.strip()
        following = _line_after(lines, units, n)
        furniture = _text.bullet(unit_text) is not None or (
            _BYLINE.match(line) is not None and not line.endswith((",", ";", ":"))
        )
        if not furniture and (_opens_body(line) or _runs_on(line, following)):
            break
        if plain and (following or "").strip() and page.title is None:
            break  # in plain text, only a line of its own can be a header line
        if (bullet := _text.bullet(unit_text)) is not None:
            if plain or not _read_bullet(page, bullet):
                break
        elif _DELIVERY.match(line):
            page.delivery = _DELIVERY.match(line)["d"].lower()  # type: ignore[index]
        elif (views := _text.VIEW_COUNT.match(line)) is not None:
            count = float(views["n"].replace(",", ""))
            scale = {"k": 1_000, "m": 1_000_000}.get((views["unit"] or "").lower(), 1)
            page.views = int(count * scale)
        elif (res := _text.RESOLUTION.search(line)) and (
            stamp := _try_date(
                _text.RESOLUTION.sub("", line).replace("•", " ").replace("|", " "), page
            )
        ):
            page.upload_date, page.resolution = stamp, res["res"]
        elif line.lower().rstrip(".:") in KIND_LINES and page.title is None:
            page.kind_line = line
        elif (by := _BYLINE.match(line)) and page.byline is None and len(line.split()) <= 60:
            page.byline = by["by"].strip()
            page.authors.extend(_participants(page.byline))
        elif _text.is_breadcrumb(line) and page.title is None:
            page.breadcrumb = line
            page.section = line
        elif _date_line(line) and (value := _try_date(line, page)) is not None:
            page.header_date = page.header_date or value
        elif (
            _is_prose(line)
            or line.endswith((",", ";", "."))
            or (page.title is not None and len(line.split()) > 12)
        ) or (plain and (page.title is not None or not _plain_title(line, following))):
            break
        elif page.title is None and len(line.split()) <= 3 and _next_short(units, n):
            page.category = line
        elif page.title is None:
            title, suffix = _text.split_title_suffix(line)
            title, tdate = _title_date(title, page)
            page.title, page.title_suffix, page.title_date = title, suffix, tdate
            if suffix:
                page.section = page.section or suffix
        else:
            break
    else:
        i = len(lines)
    page.header_lines = i

    body = lines[i:]
    # Trailing furniture: tag bullets, then an author's bio line.
    while body and not body[-1].strip():
        body.pop()
    tail_tags: list[str] = []
    while body and (
        not body[-1].strip() or (_text.bullet(body[-1]) is not None and len(body[-1].split()) <= 6)
    ):
        tag = (_text.bullet(body.pop()) or "").strip()
        if tag:
            tail_tags.append(tag)
    page.tags.extend(reversed(tail_tags))
    while body and not body[-1].strip():
        body.pop()
    last_block = _text.blocks(body)[-1] if body else []
    if last_block and body:
        last = _text.unwrap(last_block)
        bio = _BIO.match(last)
        if bio and len(last.split()) <= 40 and (len(_text.blocks(body)) > 2):
            page.bio = last
            name = bio["name"].strip()
            if name not in page.authors:
                page.authors.append(name)
            del body[len(body) - len(last_block) :]
            while body and not body[-1].strip():
                body.pop()

    # Inline speaker cue inside a line (a video description: "... | Speaker: words").
    body, page.inline_labels = _split_inline_turns(body)
    page.body = body
    page.turns = _text.find_turns(body, known=page.inline_labels)

    lead = " ".join(_text.paragraphs(body)[:2])
    for m in _WEEKDAY_DATELINE.finditer(lead):
        value = _try_date(m["date"], page)
        if value is not None and _weekday_ok(m["wd"], value):
            page.dateline, page.dateline_text = value, m.group(0)
            break
    return page


def _line_after(lines: Sequence[str], units: Sequence[tuple[str, int]], n: int) -> str | None:
    """The line right after unit ``n`` (``""`` if blank, ``None`` at the end)."""
    end = units[n + 1][1] if n + 1 < len(units) else len(lines)
    k = units[n][1] + 1
    while k < end and lines[k].strip() and k < len(lines):
        k += 1  # past the lines of a wrapped unit
    if k >= len(lines):
        return None
    return lines[k]


def _next_short(units: Sequence[tuple[str, int]], current: int) -> bool:
    for line, _ in units[current + 1 :]:
        if line.strip():
            return not _is_prose(line.strip()) and len(line.split()) >= 4
    return False


_WRAP_WIDTH = 50


def _units(lines: Sequence[str]) -> list[tuple[str, int]]:
    """The header's reading units with the index of their first line: a block of
    hard-wrapped lines (a long first line, no sentence ending before the last)
    is one unit; otherwise every line is its own."""
    units: list[tuple[str, int]] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        block = lines[i:j]
        wrapped = (
            len(block) > 1
            and len(block[0].strip()) >= _WRAP_WIDTH
            and not any(_text.bullet(b) is not None for b in block)
            and not any(b.rstrip().endswith(_text.TERMINAL) for b in block[:-1])
        )
        if wrapped:
            units.append((_text.unwrap(block), i))
        else:
            units.extend((lines[k], k) for k in range(i, j))
        i = j
    return units


_INLINE_TURN = re.compile(
    r"(?:^|\s)\|\s+(?P<label>[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|of|the)){0,5}):\s+"
)


def _split_inline_turns(body: list[str]) -> tuple[list[str], frozenset[str]]:
    out: list[str] = []
    labels: set[str] = set()
    for line in body:
        match = _INLINE_TURN.search(line)
        if match and _text.mixed_label(f"{match['label']}: x") is not None:
            before = line[: match.start()].strip()
            if before:
                out.extend([before, ""])
            out.append(f"{match['label']}: {line[match.end() :].strip()}")
            labels.add(match["label"])
        else:
            out.append(line)
    return out, frozenset(labels)


def preamble_date(
    preamble: Sequence[str],
) -> tuple[PartialDate | None, str | None, list[str]]:
    """The day a transcript's opening lines give on a line of its own ("Marietta,
    Georgia" then "(April 29, 2021)": when the words were spoken, which may be
    the day before the page's date), that line as written, and the other lines
    (the place)."""
    found: PartialDate | None = None
    written: str | None = None
    rest = []
    for line in preamble:
        bare = line.strip().strip("()[]").strip()
        date = next(iter_absolute(bare), None)
        if found is None and date is not None and date.span.end - date.span.start == len(bare):
            found, written = date.value, line.strip()
        else:
            rest.append(line)
    return found, written, rest


def body_without_preamble(page: Page) -> tuple[list[str], list[str], list[str]]:
    """Split off the short location and time-stamp lines that open and close a
    transcript body: (preamble lines, body lines, time stamps)."""
    body = list(page.body)
    times: list[str] = []
    pre: list[str] = []
    while body:
        line = body[0].strip()
        if not line:
            body.pop(0)
            continue
        stamp = _TIME_STAMP.match(line)
        if stamp:
            if stamp["t"]:
                times.append(stamp["t"])
            body.pop(0)
        elif (
            len(line.split()) <= 6
            and not _is_prose(line)
            and not _text.caps_label(line)
            and not _text.q_label(line)
        ):
            pre.append(line)
            body.pop(0)
        else:
            break
    while body:
        line = body[-1].strip()
        if not line:
            body.pop()
            continue
        stamp = _TIME_STAMP.match(line) or re.match(r"^END\s+(?P<t>.+)$", line)
        if stamp:
            if stamp["t"]:
                times.append(" ".join(stamp["t"].split()))
            body.pop()
        else:
            break
    # Stamps between two sessions of one transcript ("END 12:32 P.M. EDT").
    middle = {k for k, line in enumerate(body) if _TIME_STAMP.match(line.strip())}
    if middle:
        stamps = [" ".join(body[k].split()) for k in sorted(middle)]
        times[1:1] = [m["t"] for stamp in stamps if (m := _TIME_STAMP.match(stamp)) and m["t"]]
        body = [line for k, line in enumerate(body) if k not in middle]
    return pre, body, times


def stamp_lines(lines: Sequence[str]) -> list[str]:
    """The time-stamp lines of a transcript body as written (``END 1:40 P.M. EDT``)."""
    return [" ".join(line.split()) for line in lines if _TIME_STAMP.match(line.strip())]


# An opinion section, or an opinion path in a news site's URL.
_OPINION = re.compile(
    r"(?:^|[/\s>|])(?:opinions?|op-?eds?|commentary|commentaries|columns?|columnists?|viewpoints?)"
    r"(?:$|[/\s>|])",
    re.IGNORECASE,
)


def classify(page: Page, *, fallback: DocumentKind, turns: bool = True) -> DocumentKind:
    """Decide a page's kind from its own words: the kind line, the title, the
    turns (unless ``turns=False``), the voice, the furniture."""
    if page.kind_line:
        return KIND_LINES[page.kind_line.lower().rstrip(".:")]
    if page.upload_date is not None or page.views is not None:
        return DocumentKind.VIDEO
    title = (page.title or "").lower()
    speakers = {t.label for t in (page.turns if turns else None) or () if t.label}
    if _voices.is_readout(page.title or ""):
        return DocumentKind.READOUT
    if _voices.is_joint(title):
        return DocumentKind.JOINT_STATEMENT
    if len(speakers - {"Q"}) >= 2 or "Q" in speakers:
        return DocumentKind.TRANSCRIPT
    if re.match(r"^(?:remarks|speech|address|keynote|lecture)\b", title) or page.delivery:
        return DocumentKind.SPEECH
    if re.match(
        r"^(?:press (?:briefing|conference|gaggle)|background (?:press )?call|interview)", title
    ):
        return DocumentKind.TRANSCRIPT
    if re.match(r"^(?:readout|statement|fact sheet|press release|news release)\b", title):
        return DocumentKind.NEWS_RELEASE
    if page.bio is not None or _OPINION.search(" ".join(filter(None, (page.section, page.url)))):
        return DocumentKind.OP_ED
    return fallback


@functools.lru_cache(maxsize=4)
def cached_page(text: str, *, plain: bool = False) -> Page:
    """:func:`read_page` remembered for the last few texts, so that every parser's
    ``sniff`` can look at the same analysis. Do not change what it returns."""
    return read_page(text, plain=plain)
