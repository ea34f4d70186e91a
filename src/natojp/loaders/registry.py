"""The registry of parsers: which formats natojp can read, and how it picks one.

A parser is any object with a ``name``, a ``sniff(text) -> float`` that says how
sure it is (0 to 1) that normalised ``text`` is in its format, and a
``parse(text) -> Draft``. natojp asks every registered parser and uses the most
confident; the plain-text parser answers for everything, weakly, so unknown text
still loads.

Third-party packages add parsers through the entry-point group
``natojp.loaders``; each entry point names a parser object, or a class or
function that returns one. A plug-in whose parser takes the name of a built-in
parser (or of a plug-in found before it) is skipped with a :class:`RuntimeWarning`
naming both; to replace a built-in parser on purpose, use
:meth:`ParserRegistry.with_parser`. A ``sniff`` score that is not a number from
0 to 1 (NaN, infinite, negative, above 1, a string) is a
:class:`~natojp.errors.FormatError` naming the parser.

>>> registry = default_registry()
>>> "nato" in registry.names
True
>>> registry.sniff("Hello there.\\n\\nJust a note.").name
'plain'
"""

from __future__ import annotations

import contextlib
import functools
import math
import numbers
import warnings
from collections.abc import Iterable, Iterator, Sequence
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

import attrs

from natojp.errors import FormatError
from natojp.models import Draft

__all__ = ["ENTRY_POINT_GROUP", "Parser", "ParserRegistry", "default_registry"]

ENTRY_POINT_GROUP = "natojp.loaders"
"""The entry-point group plug-ins register their parsers in."""


@runtime_checkable
class Parser(Protocol):
    """What natojp needs of a parser (see the module docs).

    >>> from natojp.loaders.plain import PlainTextParser
    >>> isinstance(PlainTextParser(), Parser), isinstance(object(), Parser)
    (True, False)
    """

    name: str

    def sniff(self, text: str) -> float:
        """How sure the parser is, from 0 to 1, that ``text`` is in its format;
        anything else is a :class:`~natojp.errors.FormatError` naming the parser."""
        ...

    def parse(self, text: str) -> Draft:
        """Read normalised ``text`` into a :class:`~natojp.models.Draft`."""
        ...


def _parser_tuple(parsers: Iterable[Parser]) -> tuple[Parser, ...]:
    return tuple(parsers)


@attrs.frozen
class ParserRegistry:
    """An immutable, ordered set of parsers. Earlier parsers win ties.

    >>> from natojp.loaders.plain import PlainTextParser
    >>> class Memo:
    ...     name = "memo"
    ...     def sniff(self, text): return 0.9 if text.startswith("MEMO") else 0.0
    ...     def parse(self, text): return PlainTextParser().parse(text)
    >>> registry = default_registry().with_parser(Memo())
    >>> registry.sniff("MEMO\\n\\nBuy milk.").name
    'memo'
    """

    parsers: tuple[Parser, ...] = attrs.field(converter=_parser_tuple)

    def __attrs_post_init__(self) -> None:
        names = [p.name for p in self.parsers]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"two parsers share the name {dupes[0]!r}")

    @property
    def names(self) -> tuple[str, ...]:
        """The parsers' names, in order."""
        return tuple(p.name for p in self.parsers)

    def __iter__(self) -> Iterator[Parser]:
        return iter(self.parsers)

    def __len__(self) -> int:
        return len(self.parsers)

    def with_parser(self, parser: Parser, *, first: bool = True) -> ParserRegistry:
        """A new registry with ``parser`` added (first by default, so it wins ties),
        replacing any parser of the same name.

        >>> from natojp.loaders.plain import PlainTextParser
        >>> class Memo(PlainTextParser):
        ...     name = "memo"
        ...     def sniff(self, text): return 0.9 if text.startswith("MEMO") else 0.0
        >>> default_registry().with_parser(Memo()).names[:2]
        ('memo', 'frontmatter')
        """
        if not isinstance(parser, Parser):
            raise TypeError(f"{parser!r} is not a parser: it needs name, sniff() and parse()")
        rest = [p for p in self.parsers if p.name != parser.name]
        return ParserRegistry([parser, *rest] if first else [*rest, parser])

    def get(self, name: str) -> Parser:
        """The parser called ``name``; :class:`~natojp.errors.FormatError` if none is.

        >>> default_registry().get("transcript").name
        'transcript'
        >>> default_registry().get("pdf")
        Traceback (most recent call last):
        ...
        natojp.errors.FormatError: no parser named 'pdf'; known formats: ...
        """
        for parser in self.parsers:
            if parser.name == name:
                return parser
        raise FormatError(f"no parser named {name!r}; known formats: {', '.join(self.names)}")

    def sniff(self, text: str) -> Parser:
        """The parser most confident that it can read ``text``.

        >>> default_registry().sniff("Briefing\\n\\nMODERATOR: Welcome.\\n\\nQ: Why?").name
        'transcript'
        """
        best: Parser | None = None
        best_score = -1.0
        for parser in self.parsers:
            score = _score(parser, text)
            if score > best_score:
                best, best_score = parser, score
        if best is None:
            raise FormatError("no parsers are registered")
        return best

    def scores(self, text: str) -> dict[str, float]:
        """Every parser's confidence for ``text``: useful to see why one was chosen.

        >>> scores = default_registry().scores("Briefing\\n\\nMODERATOR: Welcome.\\n\\nQ: Why?")
        >>> scores["transcript"], scores["plain"]
        (0.6, 0.01)
        """
        return {p.name: _score(p, text) for p in self.parsers}


def _score(parser: Parser, text: str) -> float:
    try:
        score: object = parser.sniff(text)
    except Exception as exc:  # a plug-in's bug must say which parser it is
        raise FormatError(
            f"parser {parser.name!r} failed to sniff: {type(exc).__name__}: {exc}"
        ) from exc
    # A NaN would never compare greater and an inf or a negative would outrank or
    # sink every other parser: a score is a number from 0 to 1, or the plug-in is wrong.
    value = math.nan
    if isinstance(score, numbers.Number):  # not a string, even one of digits
        with contextlib.suppress(OverflowError, ValueError, TypeError):  # 10**400, complex
            value = float(score)  # type: ignore[arg-type]
    if not 0.0 <= value <= 1.0:
        raise FormatError(
            f"parser {parser.name!r} gave the sniff score {score!r}; "
            "a score is a number from 0 to 1"
        )
    return value


def _builtin() -> tuple[Parser, ...]:
    from natojp.loaders.article import WebArticleParser
    from natojp.loaders.frontmatter import FrontMatterParser
    from natojp.loaders.nato import NatoPageParser
    from natojp.loaders.plain import PlainTextParser
    from natojp.loaders.transcript import TranscriptParser
    from natojp.loaders.video import VideoPageParser

    return (
        FrontMatterParser(),
        VideoPageParser(),
        NatoPageParser(),
        WebArticleParser(),
        TranscriptParser(),
        PlainTextParser(),
    )


def _plugins(builtin: Sequence[Parser] = ()) -> list[Parser]:
    """The installed plug-ins' parsers; one named like a parser of ``builtin`` or
    like an earlier plug-in's is skipped with a warning naming both."""
    owners = {
        p.name: f"natojp's built-in parser {type(p).__module__}.{type(p).__qualname__}"
        for p in builtin
    }
    found: list[Parser] = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = entry.load()
            parser = obj() if isinstance(obj, type) or not isinstance(obj, Parser) else obj
            if not isinstance(parser, Parser):
                raise TypeError("it has no name, sniff() and parse()")
        except Exception as exc:  # a broken plug-in must not break natojp itself
            warnings.warn(
                f"natojp: skipping loader plug-in {entry.name!r} ({entry.value}): {exc}",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        owner = owners.get(parser.name)
        if owner is not None:
            warnings.warn(
                f"natojp: skipping loader plug-in {entry.name!r} ({entry.value}): its parser "
                f"is named {parser.name!r}, the name of {owner}; give the plug-in's parser a "
                "name of its own (to replace a parser on purpose, use "
                "ParserRegistry.with_parser)",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        owners[parser.name] = f"loader plug-in {entry.name!r} ({entry.value})"
        found.append(parser)
    return found


@functools.lru_cache(maxsize=1)
def default_registry() -> ParserRegistry:
    """The built-in parsers, with installed plug-ins ahead of them (a plug-in
    named like a built-in parser is skipped with a :class:`RuntimeWarning`).

    >>> default_registry().names[-1]
    'plain'
    """
    builtin = _builtin()
    return ParserRegistry([*_plugins(builtin), *builtin])
