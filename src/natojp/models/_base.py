"""The two building blocks every model uses: :class:`Span` and :class:`FrozenMap`."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

T = TypeVar("T")

MetaValue = str | int | float | bool | None | tuple[str, ...]
"""The values a :class:`FrozenMap` may hold, JSON scalars and tuples of strings."""


def str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):
        # A bare string would otherwise become a tuple of its characters.
        return (items,)
    return tuple(items)


def unchecked_maker(cls: type[T]) -> Callable[..., T]:
    """A function making instances of the frozen attrs class ``cls`` from its
    fields' values (in the class's order, or by name), set as they are,
    skipping ``__init__`` (converters, validators): for values natojp made or
    checked itself, in loops that make one per sentence or mention of a
    corpus. Like attrs' own ``__init__``, its code is generated, one line a
    field, several times quicker than setting the fields in a loop.

    >>> make_span = unchecked_maker(Span)
    >>> make_span(0, 4).of("NATO and Japan"), make_span(start=5, end=8)
    ('NATO', Span(start=5, end=8))
    """
    maker = _MAKERS.get(cls)
    if maker is None:
        maker = _MAKERS[cls] = _generated_maker(cls)
    return maker


_MAKERS: dict[type[Any], Callable[..., Any]] = {}


def _generated_maker(cls: type[Any]) -> Callable[..., Any]:
    names = [field.name for field in attrs.fields(cls)]
    lines = [f"def make({', '.join(names)}):", "    __instance = __new(__cls)"]
    lines += [f"    __set_{name}(__instance, {name})" for name in names]
    lines.append("    return __instance")
    scope: dict[str, Any] = {"__new": object.__new__, "__cls": cls}
    # each slot's own descriptor sets it, as object.__setattr__ would past
    # the frozen class's refusal
    scope.update({f"__set_{name}": getattr(cls, name).__set__ for name in names})
    exec("\n".join(lines), scope)  # code made from the class's own field names
    maker: Callable[..., Any] = scope["make"]
    return maker


def _check_span(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"span offsets cannot be negative: {attribute.name}={value}")


@attrs.frozen(order=True)
class Span:
    """A half-open range of character offsets ``[start, end)`` into a text.

    >>> Span(0, 4).of("NATO and Japan")
    'NATO'
    >>> len(Span(0, 4))
    4
    """

    #: Offset of the first character the span covers.
    start: int = attrs.field(validator=_check_span)
    #: Offset just past the last character it covers (the span is ``end - start`` long).
    end: int = attrs.field(validator=_check_span)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span ends before it starts: {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The part of ``text`` this span points at.

        >>> Span(5, 10).of("NATO Japan partnership")
        'Japan'
        """
        return text[self.start : self.end]

    def shifted(self, offset: int) -> Span:
        """The same span moved by ``offset`` characters.

        >>> Span(2, 5).shifted(10)
        Span(start=12, end=15)
        """
        return Span(self.start + offset, self.end + offset)


class FrozenMap(Mapping[str, MetaValue]):
    """An immutable, hashable mapping of strings to JSON scalars or string tuples.

    Lists are stored as tuples; anything else is refused with a ``TypeError``.

    >>> meta = FrozenMap({"outlet": "Nikkei Asia", "tags": ["Ukraine", "Japan"]})
    >>> meta["tags"]
    ('Ukraine', 'Japan')
    >>> meta
    FrozenMap({'outlet': 'Nikkei Asia', 'tags': ('Ukraine', 'Japan')})
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        items = data.items() if isinstance(data, Mapping) else data
        clean: dict[str, MetaValue] = {}
        for key, value in items:
            if not isinstance(key, str):
                raise TypeError(f"metadata keys are strings, not {type(key).__name__}: {key!r}")
            clean[key] = _meta_value(key, value)
        self._data = clean
        self._hash: int | None = None

    def __getitem__(self, key: str) -> MetaValue:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def set(self, **changes: Any) -> FrozenMap:
        """A new map with ``changes`` applied; ``None`` values are kept as ``None``.

        >>> FrozenMap({"a": 1}).set(b="x")
        FrozenMap({'a': 1, 'b': 'x'})
        """
        return FrozenMap({**self._data, **changes})


def _meta_value(key: str, value: Any) -> MetaValue:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError(
        f"metadata value for {key!r} must be a string, number, boolean, None or a list of "
        f"strings, not {type(value).__name__}"
    )


def frozen_map(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> FrozenMap:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def warn_renamed_field(owner: str, old: str, new: str, *, stacklevel: int = 3) -> None:
    """Warn that ``owner.old`` is now ``owner.new`` (a field renamed in 0.1)."""
    warnings.warn(
        f"{owner}.{old} is deprecated and will be removed in natojp 0.3; use {owner}.{new}",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def accept_renamed_keyword(cls: type[Any], old: str, new: str) -> None:
    """Let ``cls(old=...)`` keep working, with a warning, for a field renamed to ``new``."""
    init = cls.__init__

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if old in kwargs:
            if new in kwargs:
                raise TypeError(
                    f"{cls.__name__}() got both {new}= and its old name {old}=; pass only {new}="
                )
            warnings.warn(
                f"{cls.__name__}({old}=...) is deprecated and will be removed in natojp 0.3; "
                f"pass {new}=",
                DeprecationWarning,
                stacklevel=2,
            )
            kwargs[new] = kwargs.pop(old)
        init(self, *args, **kwargs)

    cls.__init__ = __init__
