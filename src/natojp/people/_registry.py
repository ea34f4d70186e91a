"""The registry of people: who held which office when, and resolution of one
name, title or honorific to a person on a given day. Public through
:mod:`natojp.people`."""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from natojp._deprecated import use_old_name
from natojp._text.lexicon import HONORIFICS
from natojp.errors import FormatError
from natojp.models import PartialDate
from natojp.people._names import display_name, name_key


def _date(value: str | _dt.date | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(value)


def _source_url(value: str | Mapping[str, Any] | None) -> str | None:
    """A role's source as data gives it: a URL, or ``{"url": ..., "quote": ...}``."""
    if value is None or isinstance(value, str):
        return value
    return str(value["url"])


# How alike a name must be to a registered one to be read as its misspelling.
_CLOSE = 0.84


@attrs.frozen(kw_only=True)
class Role:
    """An office held from ``start`` until ``end`` (exclusive; ``None``: still held).

    >>> import datetime
    >>> Role(title="Secretary General", organisation="NATO", start="2014-10-01",
    ...      end="2024-10-01").held_on(datetime.date(2023, 1, 31))
    True
    """

    title: str
    organisation: str
    start: _dt.date | None = attrs.field(default=None, converter=_date)
    end: _dt.date | None = attrs.field(default=None, converter=_date)
    #: The URL of the page its dates were checked against, where the registry cites one.
    source: str | None = attrs.field(default=None, converter=_source_url)

    def held_on(self, day: _dt.date | PartialDate) -> bool:
        """Whether the office was held on ``day`` (on any day of it, for a
        month or a year).

        >>> role = Role(title="Secretary General", organisation="NATO", start="2014-10-01",
        ...             end="2024-10-01")
        >>> role.held_on(PartialDate(2023, 1, 31)), role.held_on(PartialDate(2025))
        (True, False)
        """
        if isinstance(day, _dt.datetime):  # a datetime is a date, but compares only to datetimes
            day = day.date()
        first, last = (day.start, day.end) if isinstance(day, PartialDate) else (day, day)
        return (self.start is None or self.start <= last) and (self.end is None or first < self.end)


def _tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


def _roles(values: Iterable[Role | Mapping[str, Any]]) -> tuple[Role, ...]:
    return tuple(v if isinstance(v, Role) else Role(**v) for v in values)


@attrs.frozen(kw_only=True, repr=False)
class Person:
    """Someone the registry knows: a stable ``id``, the usual ``name``, other
    spellings (``aliases``), the ``family`` name when it is not the last word,
    ``gender`` (``"m"``/``"f"``, for pronouns) and the offices held (``roles``).

    >>> default_registry()["fumio-kishida"].family_name
    'Kishida'
    """

    id: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    family: str | None = None
    gender: str | None = None
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_roles)

    @property
    def family_name(self) -> str:
        """The family name, ``family`` if given, else the name's last word."""
        return self.family or self.name.split()[-1]

    def roles_on(self, day: _dt.date | PartialDate | None) -> tuple[Role, ...]:
        """The offices held on ``day`` (all of them when ``day`` is ``None``).

        >>> import datetime
        >>> kishida = default_registry()["fumio-kishida"]
        >>> [role.title for role in kishida.roles_on(datetime.date(2023, 1, 31))]
        ['Prime Minister']
        """
        return tuple(r for r in self.roles if day is None or r.held_on(day))

    def __repr__(self) -> str:
        return f"<Person {self.id!r} {self.name}>"


@attrs.frozen
class Resolution:
    """What a mention resolved to: a ``person``, or ``None`` with the
    ``candidates`` it could be. ``method`` says how (``name``, ``alias``,
    ``fuzzy``, ``title+date``, ``context``, ``unregistered``); ``confidence`` is 1
    for an exact name and lower for a guessable one. It is true when it names
    someone.

    >>> found = default_registry().resolve("Mr Stoltenberg")
    >>> bool(found), found.method, found.confidence
    (True, 'alias', 0.9)
    """

    person: Person | None
    candidates: tuple[Person, ...] = ()
    method: str = "name"
    confidence: float = 1.0
    title: str | None = None
    #: The normalised display name of whom the text names, registered or not
    #: (``Kenji Watanabe`` for "Prof. Dr. Kenji Watanabe"); None for a bare title.
    name: str | None = None

    def __bool__(self) -> bool:
        return self.person is not None


def _strip_honorific(key: str) -> str:
    words = key.split()
    if words and words[0] in HONORIFICS and len(words) > 1:
        return " ".join(words[1:])
    return key


#: a word-by-word index of a table: each word leads to the entries that
#: continue with it and to the value of the entry that ends there, if any
Trie = dict[str, tuple["Trie", "str | None"]]


def _trie(table: Mapping[tuple[str, ...], str]) -> Trie:
    root: Trie = {}
    for words, value in table.items():
        node = root
        for n, word in enumerate(words):
            child, found = node.get(word) or ({}, None)
            if n == len(words) - 1:
                found = value
            node[word] = (child, found)
            node = child
    return root


def _letters(text: str) -> int:
    """The set of characters in ``text`` as bits of an integer (characters
    that share a bit only make the bound it gives looser)."""
    bits = 0
    for char in set(text):
        bits |= 1 << (ord(char) & 1023)
    return bits


class _Lexicon:
    """The registry's names, titles and organisations as word sequences, for
    scanning running text."""

    __slots__ = (
        "_close",
        "_pools",
        "longest",
        "names",
        "organisations",
        "starts",
        "title_organisations",
        "titles",
        "trie_names",
        "trie_organisations",
        "trie_titles",
    )

    def __init__(
        self,
        names: Mapping[str, list[tuple[Person, str]]],
        titles: Mapping[str, tuple[str, ...]],
        organisations: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.names = {tuple(key.split()): key for key in names}
        self.titles: dict[tuple[str, ...], str] = {}
        for title, forms in titles.items():
            for form in forms:
                self.titles.setdefault(tuple(name_key(form).split()), title)
        self.organisations: dict[tuple[str, ...], str] = {}
        for org, words in organisations.items():
            for word in words:
                self.organisations.setdefault(tuple(name_key(word).split()), org)
        # Forms that name the organisation themselves ("NATO chief").
        self.title_organisations: dict[tuple[str, ...], str] = {}
        for words in self.titles:
            for size in range(len(words) - 1, 0, -1):
                owner = self.organisations.get(words[:size])
                if owner is not None:
                    self.title_organisations[words] = owner
                    break
        self.longest = max(
            (len(k) for table in (self.names, self.titles, self.organisations) for k in table),
            default=1,
        )
        # The same tables word by word, so that a scan stops at the first word
        # no entry continues with instead of trying every length.
        self.trie_names = _trie(self.names)
        self.trie_titles = _trie(self.titles)
        self.trie_organisations = _trie(self.organisations)
        # The first words of titles and organisations: where a title can begin.
        self.starts = frozenset(k[0] for table in (self.titles, self.organisations) for k in table)
        # Misspellings are looked for among names with the same first letter and
        # a length that can reach the cutoff: a ratio 2M/T of at least c needs
        # the other length within [c / (2 - c), (2 - c) / c] times this one's.
        pools: dict[tuple[str, int], list[tuple[str, int]]] = {}
        for key in names:
            pools.setdefault((key[:1], len(key)), []).append((key, _letters(key)))
        self._pools = pools
        self._close: dict[str, list[str]] = {}

    def close_names(self, key: str) -> list[str]:
        """Registry name keys within a light misspelling of ``key`` (best first)."""
        found = self._close.get(key)
        if found is None:
            first, size = key[:1], len(key)
            shortest = math.ceil(size * _CLOSE / (2 - _CLOSE))
            longest = math.floor(size * (2 - _CLOSE) / _CLOSE)
            # Each letter one string has and the other lacks is at least one
            # character that cannot match: a bound on difflib's ratio that is
            # cheap to check, so that only names that can reach it are compared.
            letters = _letters(key)
            pool = [
                name
                for length in range(shortest, longest + 1)
                for name, theirs in self._pools.get((first, length), ())
                if 2.0
                * min(
                    size - (letters & ~theirs).bit_count(), length - (theirs & ~letters).bit_count()
                )
                >= _CLOSE * (size + length)
            ]
            found = difflib.get_close_matches(key, pool, n=2, cutoff=_CLOSE) if pool else []
            if len(self._close) < 100_000:
                self._close[key] = found
        return found


@attrs.frozen
class Title:
    title: str
    organisation: str | None
    rest: str


class Registry:
    """An immutable set of people, resolved by name, alias, title and date.

    Make one with :meth:`load` or :func:`default_registry`; :meth:`with_people`
    returns a new registry with more people (the old one is unchanged).

    >>> registry = default_registry()
    >>> len(registry) > 20, "jens-stoltenberg" in registry
    (True, True)
    """

    __slots__ = ("_by_id", "_held", "_holders", "_names", "_orgs", "_titles", "lexicon")

    def __init__(
        self,
        people: Iterable[Person],
        *,
        organisations: Mapping[str, Iterable[str]] | None = None,
        titles: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._by_id: dict[str, Person] = {}
        for person in people:
            if person.id in self._by_id:
                raise ValueError(f"two people share the id {person.id!r}")
            self._by_id[person.id] = person
        self._orgs = {org: tuple(words) for org, words in (organisations or {}).items()}
        self._titles = {title: tuple(words) for title, words in (titles or {}).items()}
        self._holders: dict[str, list[Person]] = {}  # title -> who ever held it
        # (title, organisation, day) -> its holders: a text asks the same many times
        self._held: dict[tuple[str, str | None, object], tuple[Person, ...]] = {}
        for person in self._by_id.values():
            for title in dict.fromkeys(role.title for role in person.roles):
                self._holders.setdefault(title, []).append(person)
        self._names: dict[str, list[tuple[Person, str]]] = {}
        for person in self._by_id.values():
            for key, method in self._variants(person):
                entries = self._names.setdefault(key, [])
                if all(p.id != person.id for p, _ in entries):
                    entries.append((person, method))
        self.lexicon = _Lexicon(self._names, self._titles, self._orgs)

    @staticmethod
    def _variants(person: Person) -> Iterable[tuple[str, str]]:
        yield name_key(person.name), "name"
        words = name_key(person.name).split()
        if len(words) == 2:
            yield f"{words[1]} {words[0]}", "name"  # KISHIDA Fumio
        for alias in person.aliases:
            yield name_key(alias), "alias"
        yield name_key(person.family_name), "alias"

    @classmethod
    def load(cls, path: str | Path) -> Registry:
        """A registry from a JSON file shaped like natojp's own ``people.json``
        (``people``: a list of objects with ``id``, ``name``, ``aliases``,
        ``family``, ``gender`` and ``roles``; optional ``organisations`` and
        ``titles`` word lists). A file that cannot be read or is not shaped so
        raises :class:`~natojp.errors.FormatError` naming it.

        >>> import json, pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "people.json"
        >>> _ = path.write_text(json.dumps({"people": [{"id": "ken-jimbo", "name": "Ken Jimbo"}]}))
        >>> Registry.load(path).resolve("Professor Jimbo").person
        <Person 'ken-jimbo' Ken Jimbo>
        """
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FormatError(f"cannot read a people registry: {exc}", path=str(path)) from None
        return cls._from_data(data, where=str(path))

    @classmethod
    def _from_data(cls, data: Any, *, where: str) -> Registry:
        try:
            people = [
                Person(
                    id=entry["id"],
                    name=entry["name"],
                    aliases=entry.get("aliases", ()),
                    family=entry.get("family"),
                    gender=entry.get("gender"),
                    roles=entry.get("roles", ()),
                )
                for entry in data["people"]
            ]
            return cls(people, organisations=data.get("organisations"), titles=data.get("titles"))
        except (KeyError, TypeError, ValueError) as exc:
            raise FormatError(f"not a people registry: {exc!r}", path=where) from None

    def with_people(self, people: Iterable[Person]) -> Registry:
        """A new registry with ``people`` added (replacing any with the same id).

        >>> itoh = Person(id="itoh", name="Akio Itoh", roles=[
        ...     {"title": "Professor", "organisation": "Keio University"}])
        >>> extended = default_registry().with_people([itoh])
        >>> extended.resolve("Professor Itoh").person, default_registry().get("itoh")
        (<Person 'itoh' Akio Itoh>, None)
        """
        merged = dict(self._by_id)
        merged.update((p.id, p) for p in people)
        return Registry(merged.values(), organisations=self._orgs, titles=self._titles)

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self._by_id

    def __iter__(self) -> Iterator[Person]:
        return iter(self._by_id.values())

    def __getitem__(self, person_id: str) -> Person:
        try:
            return self._by_id[person_id]
        except KeyError:
            raise KeyError(f"no person with id {person_id!r} in the registry") from None

    def get(self, person_id: str) -> Person | None:
        """The person with ``person_id``, or ``None``.

        >>> default_registry().get("mark-rutte"), default_registry().get("nobody")
        (<Person 'mark-rutte' Mark Rutte>, None)
        """
        return self._by_id.get(person_id)

    def __repr__(self) -> str:
        return f"<Registry: {len(self)} people>"

    # --- resolution ----------------------------------------------------------------

    def _split_title(self, key: str) -> Title | None:
        """A leading title (with its organisation, if named) and what follows."""
        words = key.split()
        if words and words[0] == "the":
            words = words[1:]
        lexicon = self.lexicon
        for skip in range(min(len(words), lexicon.longest) + 1):
            organisation = None
            if skip:
                organisation = lexicon.organisations.get(tuple(words[:skip]))
                if organisation is None:
                    continue
            rest = words[skip:]
            for size in range(min(len(rest), lexicon.longest), 0, -1):
                title = lexicon.titles.get(tuple(rest[:size]))
                if title is not None:
                    owner = lexicon.title_organisations.get(tuple(rest[:size]))
                    after = rest[size:]
                    if organisation is None and owner is None and after[:1] == ["of"]:
                        # "Prime Minister of the United Kingdom"
                        of = after[2:] if after[1:2] == ["the"] else after[1:]
                        named = lexicon.organisations.get(tuple(of))
                        if named is not None:
                            return Title(title, named, "")
                    return Title(title, organisation or owner, " ".join(after))
        return None

    def holders(
        self,
        title: str,
        *,
        anchor: _dt.date | PartialDate | None = None,
        organisation: str | None = None,
        on: _dt.date | PartialDate | None = None,
    ) -> tuple[Person, ...]:
        """Who held ``title`` (at ``organisation``) on the day ``anchor`` (ever,
        if ``None``; at any time in it, for a month or a year).

        >>> import datetime
        >>> [p.id for p in default_registry().holders("Prime Minister",
        ...     organisation="Japan", anchor=datetime.date(2023, 1, 31))]
        ['fumio-kishida']

        .. versionchanged:: 0.1
           ``on=`` is now ``anchor=``; the old name warns.
        """
        if use_old_name(
            "Registry.holders",
            "on",
            "anchor",
            old_given=on is not None,
            new_given=anchor is not None,
        ):
            anchor = on
        on = anchor
        # a datetime is held on its own day (see Role.held_on), whatever its zone
        day = on.date() if isinstance(on, _dt.datetime) else on
        asked = (title, organisation, day)
        found = self._held.get(asked)
        if found is None:
            found = tuple(
                person
                for person in self._holders.get(title, ())
                if any(
                    role.title == title
                    and (organisation is None or role.organisation == organisation)
                    and (on is None or role.held_on(on))
                    for role in person.roles
                )
            )
            if len(self._held) >= 100_000:
                self._held.clear()
            self._held[asked] = found
        return found

    def resolve(
        self,
        text: str,
        *,
        anchor: _dt.date | PartialDate | None = None,
        context: str | None = None,
        on: _dt.date | PartialDate | None = None,
    ) -> Resolution:
        """Who ``text`` names on the day ``anchor``, using the sentence ``context``
        when a bare title could be several people.

        Names match ignoring case, diacritics, hyphens, honorifics, possessives and
        editorial brackets, and in either order (``KISHIDA Fumio``); a lightly
        misspelt name matches with lower confidence. A title resolves to whoever
        held it that day; if several did (``President``), the organisations the
        context names decide, or the result is ``None`` with ``candidates``.

        >>> import datetime
        >>> sentence = "Stoltenberg met the President in Seoul on Monday."
        >>> r = default_registry().resolve(
        ...     "President", anchor=datetime.date(2023, 1, 31), context=sentence)
        >>> r.person, r.method
        (<Person 'yoon-suk-yeol' Yoon Suk-yeol>, 'context')
        >>> default_registry().resolve("Yoon Seok-yeol").method
        'fuzzy'

        .. versionchanged:: 0.1
           ``on=`` is now ``anchor=``, as in :mod:`natojp.dates`; the old name warns.
        """
        if use_old_name(
            "Registry.resolve",
            "on",
            "anchor",
            old_given=on is not None,
            new_given=anchor is not None,
        ):
            anchor = on
        on = anchor
        found = self._resolve(text, on=on, context=context)
        name = found.person.name if found.person is not None else None
        if (
            name is None
            and found.method in ("unregistered", "fuzzy", "name")
            and not found.candidates
        ):
            name = display_name(text)
        return attrs.evolve(found, name=name) if name is not None else found

    def _resolve(
        self, text: str, *, on: _dt.date | PartialDate | None, context: str | None
    ) -> Resolution:
        key = name_key(text)
        if not key:
            return Resolution(None, method="none", confidence=0.0)
        title = self._split_title(key)
        if title is not None:
            if title.rest:
                named = self._by_name(title.rest, on=on)
                if named.person is not None or named.candidates:
                    return attrs.evolve(named, title=title.title)
                return Resolution(None, method="unregistered", confidence=0.0, title=title.title)
            return self._by_title(title, on=on, context=context)
        return self._by_name(key, on=on)

    def _by_name(self, key: str, *, on: _dt.date | PartialDate | None) -> Resolution:
        key = _strip_honorific(key)
        entries = self._names.get(key)
        if entries:
            if len(entries) == 1:
                person, method = entries[0]
                return Resolution(
                    person, method=method, confidence=1.0 if method == "name" else 0.9
                )
            active = [(p, m) for p, m in entries if p.roles_on(on)] if on else []
            if len(active) == 1:
                return Resolution(active[0][0], method="name+date", confidence=0.8)
            return Resolution(
                None, candidates=tuple(p for p, _ in entries), method="name", confidence=0.0
            )
        close = self.lexicon.close_names(key)
        if close:
            people = {p.id: p for k in close for p, _ in self._names[k]}
            if len(people) == 1:
                ratio = difflib.SequenceMatcher(None, key, close[0]).ratio()
                return Resolution(
                    next(iter(people.values())), method="fuzzy", confidence=round(0.8 * ratio, 2)
                )
            return Resolution(
                None, candidates=tuple(people.values()), method="fuzzy", confidence=0.0
            )
        return Resolution(None, method="unregistered", confidence=0.0)

    def _by_title(
        self, title: Title, *, on: _dt.date | PartialDate | None, context: str | None
    ) -> Resolution:
        holders = self.holders(title.title, anchor=on, organisation=title.organisation)
        if len(holders) == 1 and (on is not None or title.organisation):
            return Resolution(holders[0], method="title+date", confidence=0.9, title=title.title)
        if len(holders) > 1 and context:
            cue = name_key(context)
            scored = []
            for person in holders:
                orgs = {r.organisation for r in person.roles_on(on) if r.title == title.title}
                hits = sum(
                    # "US" is written in capitals; "us" is a pronoun
                    len(re.findall(rf"\b{re.escape(word)}\b", context))
                    if word.isupper()
                    else len(re.findall(rf"\b{re.escape(name_key(word))}\b", cue))
                    for org in orgs
                    for word in self._orgs.get(org, (org,))
                )
                scored.append((hits, person))
            scored.sort(key=lambda item: -item[0])
            if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                return Resolution(scored[0][1], method="context", confidence=0.7, title=title.title)
        if len(holders) == 1:
            return Resolution(holders[0], method="title", confidence=0.5, title=title.title)
        return Resolution(
            None, candidates=holders, method="title+date", confidence=0.0, title=title.title
        )


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry natojp ships: everyone the bundled texts mention and the
    holders, before and after them, of the offices involved (NATO Secretary
    General; Japan's Prime Minister and Foreign Minister; the Presidents of South
    Korea, Russia and the United States).

    >>> default_registry()["yoshimasa-hayashi"].name
    'Yoshimasa Hayashi'
    """
    data = resources.files("natojp") / "data" / "people.json"
    return Registry._from_data(
        json.loads(data.read_text(encoding="utf-8")), where="natojp/data/people.json"
    )
