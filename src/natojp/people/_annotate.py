"""Annotating a document with the people it mentions, quotes and is spoken by."""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import re
from collections.abc import Iterable

import attrs

from natojp._deprecated import use_old_name
from natojp._text.lexicon import OFFICE_WORDS
from natojp._text.spans import Layout
from natojp._text.urls import host_of
from natojp._text.words import NAME_PART
from natojp.models import (
    UNREGISTERED,
    Document,
    DocumentKind,
    PartialDate,
    PersonMention,
    Quote,
    Segment,
    Span,
    Speaker,
    SpeakerRole,
)
from natojp.people import _mentions, _quotes
from natojp.people._names import name_key, other_gender, slug
from natojp.people._registry import Person, Registry, Resolution, default_registry

__all__ = ["annotate", "find_mentions", "find_quotes", "home_of"]


def find_mentions(
    text: str,
    *,
    anchor: _dt.date | PartialDate | None = None,
    registry: Registry | None = None,
    home: str | None = None,
    on: _dt.date | PartialDate | None = None,
) -> tuple[PersonMention, ...]:
    """Every mention of a person in ``text``: names, titles (with or without a
    name), honorifics and the pronouns that stand for them, resolved on the day
    ``on`` against ``registry`` (natojp's own by default).

    A bare title is resolved by whom the text last named with that title
    (method ``context``), else by who held it on the day (``title+date``; a
    past year in its sentence, "In 2016, the Secretary General", sets the day),
    by the organisations its sentence names, or by whom the rest of the text
    names; ``Deputy`` or an unknown organisation (``UN Secretary-General``)
    makes it another office, left unresolved. A pronoun is resolved by the
    person it stands for (the subject of its sentence or of the one before).
    People the registry does not know get an id of the form
    ``unregistered:itoh``. ``home`` is the organisation the text is from
    (``"United States"`` for a White House text; :func:`annotate` reads it from
    the document's source): there a bare "the President" is its own
    office-holder on the day, whoever else the text names. An address ("Mr.
    President") names no one, nor does a title for no one holder ("a new
    Secretary General"); an honorific or title the registered person does not
    fit ("Mrs. Kishida", "Dr. Biden", "Foreign Minister Abe" in 1983) leaves
    the mention unresolved with that person as a candidate. Never raises on any
    text.

    >>> import datetime
    >>> text = ("NATO Secretary General Mark Rutte met Prime Minister Ishiba. "
    ...         "The Secretary General said he was grateful to Professor Ito.")
    >>> for m in find_mentions(text, anchor=datetime.date(2025, 3, 1)):
    ...     print(f"{m.span.of(text)!r:36} {m.person_id:22} {m.method}")
    'NATO Secretary General Mark Rutte'  mark-rutte             name
    'Prime Minister Ishiba'              shigeru-ishiba         alias
    'Secretary General'                  mark-rutte             context
    'he'                                 mark-rutte             pronoun
    'Professor Ito'                      unregistered:ito       unregistered

    .. versionchanged:: 0.1
       ``on=`` is now ``anchor=``, as in :mod:`natojp.dates`; the old name warns.
       ``home=`` is new; addresses, titles for no one holder, and honorifics or
       titles the registered person does not fit are left unresolved.
    """
    if use_old_name(
        "find_mentions", "on", "anchor", old_given=on is not None, new_given=anchor is not None
    ):
        anchor = on
    return _mentions.find_mentions(text, registry or default_registry(), on=anchor, home=home)


def find_quotes(
    text: str,
    *,
    anchor: _dt.date | PartialDate | None = None,
    registry: Registry | None = None,
    mentions: tuple[PersonMention, ...] | None = None,
    on: _dt.date | PartialDate | None = None,
) -> tuple[Quote, ...]:
    """Every direct quotation in ``text`` (in curly, straight or doubled
    single quotation marks), with who said it: a cue verb right after it
    (``…,” he said``), else one before it in its sentence (``Mr Stoltenberg
    warned that: “…``). ``mentions`` are the text's person mentions, found with
    :func:`find_mentions` when not given. Unbalanced marks never raise; an
    unclosed quotation is left out unless the next paragraph opens with the
    same mark. The marks of HTML left in a text (``<td style="width: 10%">``)
    are not quotation marks.

    >>> import datetime
    >>> text = "“We stand together,” said the NATO Secretary General. Kishida said: “Yes.”"
    >>> for q in find_quotes(text, anchor=datetime.date(2023, 1, 31)):
    ...     print(q.span.of(text), "|", q.speaker, "|", q.cue, "|", q.route)
    We stand together | Jens Stoltenberg | said | title
    Yes. | Fumio Kishida | said | named
    >>> find_quotes('<td style="width: 10%">Kishida said so</td>')
    ()

    .. versionchanged:: 0.1
       ``on=`` is now ``anchor=``, as in :mod:`natojp.dates`; the old name warns.
    """
    if use_old_name(
        "find_quotes", "on", "anchor", old_given=on is not None, new_given=anchor is not None
    ):
        anchor = on
    registry = registry or default_registry()
    layout = Layout(text)
    if mentions is None:
        mentions = _mentions.find_mentions(text, registry, on=anchor, layout=layout)
    return _quotes.find_quotes(text, mentions, registry, layout)


_SPOKEN = frozenset((DocumentKind.SPEECH, DocumentKind.TRANSCRIPT, DocumentKind.VIDEO))
_YOU = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)


def annotate(document: Document, registry: Registry | None = None) -> Document:
    """``document`` with its people found again against ``registry`` (natojp's
    own by default): ``mentions``, ``quotes``, ``speakers`` and each segment's
    ``person_id``, resolved on the day the document records
    (``event_date``, else ``date``). natojp does this when it loads a
    document; call it to use a registry extended with your own people.

    >>> import natojp
    >>> doc = natojp.load_corpus()["2023-02-01-keio-speech"]
    >>> [m.person_id for m in doc.mentions if m.title == "Professor"]
    ['unregistered:itoh', 'unregistered:tsuruoka']
    >>> from natojp.people import Person
    >>> itoh = Person(id="itoh", name="Akio Itoh", roles=[
    ...     {"title": "Professor", "organisation": "Keio University"}])
    >>> again = annotate(doc, default_registry().with_people([itoh]))
    >>> [m.person_id for m in again.mentions if m.title == "Professor"]
    ['itoh', 'unregistered:tsuruoka']
    """
    registry = registry or default_registry()
    text = document.text
    day = document.event_date or document.date
    layout = Layout(text)
    labels = _Labels(s.speaker_span for s in document.segments if s.speaker_span is not None)
    home = home_of(document)
    # "Press Briefing by Press Secretary Jen Psaki": the title names in full the
    # people the text calls "Psaki" and its labels "MS. PSAKI".
    titled = _mentions.find_mentions(document.title, registry, on=day, home=home)
    presiding = _presiding(document, registry, home, day)
    mentions = tuple(
        m
        for m in _mentions.find_mentions(
            text, registry, on=day, layout=layout, home=home, known=titled, presiding=presiding
        )
        if not labels.overlap(m.span)
    )
    segments = []
    speakers: dict[str, Speaker] = {}
    full_names = _full_names((*titled, *mentions))
    for segment in document.segments:
        label = segment.speaker
        if label:
            found = registry.resolve(label, anchor=day)
            if found.person is None and found.title and home is not None:
                # "THE PRESIDENT:" on a White House page: the US president that day
                at_home = registry.holders(found.title, anchor=day, organisation=home)
                if len(at_home) == 1:
                    found = Resolution(at_home[0], method="title+date", confidence=0.9)
            person_id, name = _speaker_of(label, found, full_names, registry, document.title)
            segment = attrs.evolve(segment, person_id=person_id)
            name = name or label
            speakers.setdefault(person_id or name, Speaker(name=name, person_id=person_id))
        segments.append(segment)
    for reported in _reported(document):
        found = registry.resolve(reported, anchor=day)
        person_id = found.person.id if found.person else None
        name = found.person.name if found.person else reported
        speakers.setdefault(person_id or name, Speaker(name=name, person_id=person_id))
    mentions = _by_given_name(text, mentions, segments, speakers.values(), layout, registry)
    mentions = _to_holders_present(text, mentions, segments, registry, day)
    addressed = _addressed(text, mentions, layout) if document.kind in _SPOKEN else set()
    role: SpeakerRole = "speaker" if document.kind in _SPOKEN else "author"
    for author in document.authors:
        found = registry.resolve(author, anchor=day)
        person_id = found.person.id if found.person else None
        if person_id in addressed and len(document.authors) > 1:
            continue  # spoken to, not speaking: "Prime Minister Kishida, thank you"
        name = found.person.name if found.person else author
        speakers.setdefault(person_id or name, Speaker(name=name, person_id=person_id, role=role))
    return attrs.evolve(
        document,
        segments=segments,
        speakers=tuple(speakers.values()),
        mentions=mentions,
        quotes=_quotes.find_quotes(text, mentions, registry, layout),
    )


# Where a text comes from says whose office a bare title names: "the President"
# in a White House text is the US president of the day.
_HOSTS = {
    "whitehouse.gov": "United States",
    "state.gov": "United States",
    "defense.gov": "United States",
    "nato.int": "NATO",
    "un.org": "United Nations",
    "kantei.go.jp": "Japan",
    "mofa.go.jp": "Japan",
    "mod.go.jp": "Japan",
    "gov.uk": "United Kingdom",
    "elysee.fr": "France",
    "bundesregierung.de": "Germany",
    "president.gov.ua": "Ukraine",
    "kremlin.ru": "Russia",
    "president.go.kr": "South Korea",
    "pm.gov.au": "Australia",
}
_OUTLETS = {
    "the white house": "United States",
    "white house": "United States",
    "bidenwhitehouse.archives.gov": "United States",
    "nato": "NATO",
}
_UNITED_NATIONS = re.compile(r"\bUnited Nations\b|\bU\.?N\.?(?!\w)")
_CHAIR = re.compile(r"\b(?:Mr\.?|Madam|Madame) President\b")
# How a speech to the UN General Assembly names the body it is spoken to.
_GENERAL_ASSEMBLY = re.compile(
    r"\b(?:General Assembly|[Tt]his (?:august )?(?:Assembly|rostrum|podium))\b"
)


def home_of(document: Document) -> str | None:
    """The organisation ``document`` is from, where its source says (its URL's
    host or its outlet) or its text does (a speech to the UN General Assembly):
    ``"United States"`` for a White House page. None when not known.

    >>> import natojp
    >>> home_of(natojp.load_corpus()["2023-01-31-tokyo-news-release"])
    'NATO'
    """
    url = document.source.url
    if url:
        host = host_of(url)
        for suffix, home in _HOSTS.items():
            if host == suffix or host.endswith("." + suffix):
                return home
        if host.endswith(".gov") and any(label.endswith("whitehouse") for label in host.split(".")):
            return "United States"  # the archived sites: bidenwhitehouse.archives.gov
    outlet = (document.source.outlet or "").strip().casefold()
    if outlet in _OUTLETS:
        return _OUTLETS[outlet]
    # A speech to the Assembly names it twice, or once beside the United
    # Nations or an address to its chair ("Mr. President").
    opening = document.text[:20_000]
    named = len(_GENERAL_ASSEMBLY.findall(opening))
    if named >= 2 or (
        named == 1 and (len(_UNITED_NATIONS.findall(opening)) >= 2 or _CHAIR.search(opening))
    ):
        return "United Nations"
    return None


# Regular session N of the UN General Assembly opens in the year 1945 + N.
_FIRST_SESSION_YEAR = 1945


def _presiding(
    document: Document, registry: Registry, home: str | None, day: _dt.date | PartialDate | None
) -> Person | None:
    """Who chairs the assembly ``document`` is spoken to, where natojp can tell:
    the President of the UN General Assembly of the session its metadata names,
    else of its day. A year alone holds the end of one session and the start of
    the next, so it names no one; nor does a session whose President the
    registry lacks (the one it holds that year may be the other)."""
    if home != _mentions.ASSEMBLY_HOME or day is None:
        return None
    holders = registry.holders(_mentions.ASSEMBLY_CHAIR, anchor=day, organisation=home)
    session = document.metadata.get("session")
    if session is None:
        exact = not isinstance(day, PartialDate) or day.day is not None
        return holders[0] if len(holders) == 1 and exact else None
    try:
        opened = _FIRST_SESSION_YEAR + int(str(session))
    except ValueError:
        return None
    opening = [
        person
        for person in holders
        if any(
            role.title == _mentions.ASSEMBLY_CHAIR
            and role.start is not None
            and role.start.year == opened
            for role in person.roles
        )
    ]
    return opening[0] if len(opening) == 1 else None


class _Labels:
    """Speaker labels' spans, for a binary search of those a mention overlaps."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda span: span.start)
        self._starts = [span.start for span in ordered]
        # the furthest end of the labels up to each one (labels may nest or overlap)
        self._reach = list(itertools.accumulate((span.end for span in ordered), max))

    def overlap(self, span: Span) -> bool:
        """Whether a label overlaps ``span``: one that starts before ``span``
        ends and ends after it starts."""
        before = bisect.bisect_left(self._starts, span.end)
        return before > 0 and self._reach[before - 1] > span.start


def _reported(document: Document) -> tuple[str, ...]:
    """The people a readout reports (the loader's ``reported_speakers``)."""
    value = document.metadata.get("reported_speakers", ())
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) if isinstance(value, tuple) else ()


def _full_names(mentions: Iterable[PersonMention]) -> dict[str, tuple[str, str]]:
    """The people a text (or its title) names in full, by family name: the last
    word's key -> (id, display name); the first full name of each wins."""
    found: dict[str, tuple[str, str]] = {}
    for mention in mentions:
        name, person_id = mention.name, mention.person_id
        if name and person_id and " " in name:
            found.setdefault(name_key(name.split()[-1]), (person_id, name))
    return found


def _speaker_of(
    label: str,
    found: Resolution,
    full_names: dict[str, tuple[str, str]],
    registry: Registry,
    title: str = "",
) -> tuple[str | None, str | None]:
    """The id and display name of a speaker label: the registered person, else
    the full name the text gives for the label's family name (``MS.
    JEAN-PIERRE`` -> ``Karine Jean-Pierre``), else the label's own name
    (``unregistered:albanese``); none for a label with no name in it
    (``MODERATOR``, ``Q``)."""
    if found.person is not None:
        return found.person.id, found.person.name
    if found.candidates or not found.name:
        return None, None
    family = name_key(found.name.split()[-1])
    if family in full_names and len(found.name.split()) == 1:
        person_id, name = full_names[family]
        person = registry.get(person_id)
        honorific = name_key(label).split()[:1]
        if person is None or not (honorific and other_gender(honorific[0], person.gender)):
            return person_id, name
    if len(found.name.split()) == 1:
        given = _given_name_in(title, family)
        if given is not None:
            full = f"{given} {found.name}"
            return UNREGISTERED + slug(full), full
    return UNREGISTERED + slug(found.name), found.name


_NAME_WORD = re.compile(rf"{NAME_PART}(?:[-‐'’]{NAME_PART})*")
# Capitalised words in a Title Case heading that are not given names.
_NOT_GIVEN = OFFICE_WORDS | {"by", "and", "of", "for", "with", "the", "to", "on", "at", "in"}


def _given_name_in(title: str, family: str) -> str | None:
    """The given name a Title Case heading writes before ``family`` (a name
    key): "Jen" in "Press Gaggle by Press Secretary Jen Psaki En Route Queens",
    where every word is capitalised and names run into what follows."""
    words = _NAME_WORD.findall(title)
    for at in range(1, len(words)):
        if name_key(words[at]) != family:
            continue
        before = words[at - 1]
        if before[:1].isupper() and len(before) > 1 and name_key(before) not in _NOT_GIVEN:
            return str(before)
    return None


_NOT_NAMING = frozenset(["address", "pronoun"])


def _by_given_name(
    text: str,
    mentions: tuple[PersonMention, ...],
    segments: list[Segment],
    speakers: Iterable[Speaker],
    layout: Layout,
    registry: Registry,
) -> tuple[PersonMention, ...]:
    """``mentions`` and a mention for each given name standing alone ("Thanks,
    Jen.", "Jake, two questions") that is the first name of exactly one person
    the text names in full (in a mention or a speaker label): people in a
    briefing call each other by first name."""
    people: dict[str, set[tuple[str, str]]] = {}  # given name key -> {(id, full name)}
    named = [(m.person_id, m.name) for m in mentions if m.method not in _NOT_NAMING]
    for person_id, name in (*named, *((s.person_id, s.name) for s in speakers)):
        if person_id is None or not name or len(name.split()) < 2:
            continue
        person = registry.get(person_id)
        given = name.split()[0]
        if person is not None and person.family_name.split()[0] == given:
            continue  # family name first ("Yoon Suk Yeol"): "Yoon" alone is no given name
        key = name_key(given)
        if len(key) > 1 and key not in _mentions.CALENDAR_WORDS and key not in OFFICE_WORDS:
            people.setdefault(key, set()).add((person_id, name))
    unique = {key: next(iter(found)) for key, found in people.items() if len(found) == 1}
    if not unique:
        return mentions
    taken = _Labels(
        [m.span for m in mentions] + [s.speaker_span for s in segments if s.speaker_span]
    )
    pattern = re.compile(
        r"\b(" + "|".join(sorted((re.escape(k) for k in unique), key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    added = []
    for found in pattern.finditer(text):
        word = found.group()
        span = Span(found.start(), found.end())
        if not word[:1].isupper() or taken.overlap(span) or not _alone(text, span, layout):
            continue
        person_id, name = unique[name_key(word)]
        added.append(
            PersonMention(
                span=span, person_id=person_id, method="given name", confidence=0.6, name=name
            )
        )
    if not added:
        return mentions
    return tuple(sorted((*mentions, *added), key=lambda m: (m.span.start, m.span.end)))


def _alone(text: str, span: Span, layout: Layout) -> bool:
    """Whether the word at ``span`` stands alone as a name: no capitalised word
    joined to it ("Jen Klein" is someone else), no place preposition before it
    ("in Sydney"), and at a sentence's start only when a comma follows ("Jen,
    a question")."""
    before = text[max(0, span.start - 40) : span.start]
    after = text[span.end : span.end + 40]
    next_word = re.match(r"[ \t]+\[?([^\W\d_][\w'’-]*)", after)
    if next_word and next_word.group(1)[:1].isupper():
        return False  # "Jen Klein", "David [Davis]": someone else
    last_word = re.search(r"([^\W\d_][\w'’-]*)[ \t]+$", before)
    if (
        last_word
        and len(last_word.group(1)) > 1  # "Q  Jake, two questions"
        and last_word.group(1)[:1].isupper()
        and not layout.starts_sentence(span.start)
    ):
        return False
    if last_word and last_word.group(1).casefold() in _mentions.PLACES_BEFORE_NAMES:
        return False
    if layout.starts_sentence(span.start):
        return after[:1] == ","
    return True


def _to_holders_present(
    text: str,
    mentions: tuple[PersonMention, ...],
    segments: list[Segment],
    registry: Registry,
    day: _dt.date | PartialDate | None,
) -> tuple[PersonMention, ...]:
    """``mentions`` with each unresolved form of address ("Mr. President", "Mr.
    Ambassador") resolved to the one person the text names who holds that office
    (by the registry on the day, or by the title the text gives them), other
    than whoever is speaking; left unresolved when none or several do."""
    turns = [s for s in segments if s.speaker]  # where each speaker's turn begins
    if not turns or not any(
        m.method == "address" and m.person_id is None and m.title for m in mentions
    ):
        return mentions  # an address in a speech to an assembly is to its chair
    # office (folded) -> the people the text names with it or who hold it that day
    holders: dict[str, set[str]] = {}
    names: dict[str, str | None] = {}
    speaking = [(turn.person_id, None, None) for turn in turns if turn.person_id]
    named = [(m.person_id, m.name, m.title) for m in mentions if m.method not in _NOT_NAMING]
    for person_id, name, title in (*named, *speaking):
        if person_id is None:
            continue
        names.setdefault(person_id, name)
        if title:
            holders.setdefault(name_key(title), set()).add(person_id)
        person = registry.get(person_id)
        if person is not None and day is not None:
            for role in person.roles_on(day):
                holders.setdefault(name_key(role.title), set()).add(person.id)
    starts = [turn.span.start for turn in turns]
    resolved = []
    for mention in mentions:
        if mention.method == "address" and mention.person_id is None and mention.title:
            at = bisect.bisect_right(starts, mention.span.start) - 1
            speaker = turns[at].person_id if at >= 0 else None
            present = holders.get(name_key(mention.title), set()) - {speaker}
            honorific = name_key(text[mention.span.start : mention.span.end]).split()[0]
            present = {
                p
                for p in present
                if not other_gender(honorific, getattr(registry.get(p), "gender", None))
            }
            if len(present) == 1:
                person_id = present.pop()
                mention = attrs.evolve(
                    mention,
                    person_id=person_id,
                    name=names.get(person_id),
                    candidates=(),
                    confidence=0.7,
                )
        resolved.append(mention)
    return tuple(resolved)


def _addressed(text: str, mentions: tuple[PersonMention, ...], layout: Layout) -> set[str]:
    """People a spoken text addresses: a name set off by commas (or opening
    its sentence) in a sentence that says "you"."""
    found = set()
    says_you: dict[int, bool] = {}  # sentence index -> whether it says "you"
    for mention in mentions:
        if mention.person_id is None or mention.method == "pronoun":
            continue
        if text[mention.span.end : mention.span.end + 1] != ",":
            continue
        index = layout.sentence_index(mention.span.start)
        lo, hi = layout.sentences[index]
        before = mention.span.start
        while before > lo and text[before - 1].isspace():
            before -= 1
        if before > lo and text[before - 1] != ",":
            continue
        if index not in says_you:
            says_you[index] = _YOU.search(text, lo, hi) is not None
        if says_you[index]:
            found.add(mention.person_id)
    return found
