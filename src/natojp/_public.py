"""Giving public classes the module users import them from."""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping

import attrs


def publish(module: str, namespace: Mapping[str, object], names: Iterable[str]) -> None:
    """Set ``__module__`` of each class in ``names`` to ``module`` (its public home).

    Reprs, pickles and the API reference then name ``natojp.models.Document``,
    not the private module it is written in. Annotations are resolved first,
    in the module they were written in, because after the move
    :func:`typing.get_type_hints` (and cattrs) would look names up in the
    public module instead.
    """
    for name in names:
        cls = namespace[name]
        if not isinstance(cls, type) or cls.__module__ == module:
            continue
        if attrs.has(cls):
            attrs.resolve_types(cls)
        if "__annotations__" in cls.__dict__:
            cls.__annotations__ = typing.get_type_hints(cls)
        init = cls.__dict__.get("__init__")
        if init is not None and not attrs.has(cls):
            # A constructor's annotations too: read where it was written, not
            # in the public module, which may not import their names.
            init.__annotations__ = typing.get_type_hints(init)
        cls.__module__ = module
