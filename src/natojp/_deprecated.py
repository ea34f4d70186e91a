"""Keeping renamed keywords working for one minor release, with a warning."""

from __future__ import annotations

import warnings
from typing import TypeVar

_T = TypeVar("_T")


def renamed(
    function: str, old: str, new: str, old_value: _T | None, new_value: _T | None
) -> _T | None:
    """The value passed as ``new``, or as its old name ``old`` with a warning.

    The old name warns with :class:`DeprecationWarning` at the caller of
    ``function``; passing both names is a :class:`TypeError`.
    """
    if old_value is None:
        return new_value
    if new_value is not None:
        raise TypeError(f"{function}() got both {new}= and its old name {old}=; pass only {new}=")
    warnings.warn(
        f"{function}({old}=...) is deprecated and will be removed in natojp 0.3; "
        f"pass {new}= instead",
        DeprecationWarning,
        stacklevel=3,
    )
    return old_value
