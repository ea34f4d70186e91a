"""The registry of parsers: which formats natojp can read, and how it picks one.

A parser is any object with a ``name``, a ``sniff(text) -> float`` that says how
sure it is (0 to 1) that normalised ``text`` is in its format, and a
``parse(text) -> Draft``. natojp asks every registered parser and uses the most
confident; the plain-text parser answers for everything, weakly, so unknown text
still loads.

Third-party packages add parsers through the entry-point group
``natojp.loaders``; each entry point names a parser object, or a class or
function that returns one.

>>> registry = default_registry()
>>> "nato" in registry.names
True
>>> registry.sniff("Hello there.\\n\\nJust a note.").name
'plain'
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

import attrs

from natojp.errors import FormatError
from natojp.models import Draft

__all__ = ["ENTRY_POINT_GROUP", "Parser", "ParserRegistry", "default_registry"]

ENTRY_POINT_GROUP = "natojp.loaders"


@runtime_checkable
class Parser(Protocol):
    """What natojp needs of a parser (see the module docs).

    >>> from natojp.loaders.plain import PlainTextParser
    >>> isinstance(PlainTextParser(), Parser), isinstance(object(), Parser)
    (True, False)
    """

    name: str

    def sniff(self, text: str) -> float:
        """How sure the parser is, from 0 to 1, that ``text`` is in its format."""
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
        return float(parser.sniff(text))
    except Exception as exc:  # a plug-in's bug must say which parser it is
        raise FormatError(
            f"parser {parser.name!r} failed to sniff: {type(exc).__name__}: {exc}"
        ) from exc


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


def _plugins() -> list[Parser]:
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
        found.append(parser)
    return found


@functools.lru_cache(maxsize=1)
def default_registry() -> ParserRegistry:
    """The built-in parsers, with installed plug-ins ahead of them.

    >>> default_registry().names[-1]
    'plain'
    """
    registry = ParserRegistry(_builtin())
    for parser in reversed(_plugins()):
        registry = registry.with_parser(parser)
    return registry
