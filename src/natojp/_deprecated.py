"""Keeping renamed keywords working for one minor release, with a warning."""

from __future__ import annotations

import warnings


def use_old_name(function: str, old: str, new: str, *, old_given: bool, new_given: bool) -> bool:
    """Whether the caller passed a keyword by its old name (and should use it).

    The old name warns with :class:`DeprecationWarning` at the caller of
    ``function``; passing both names is a :class:`TypeError`.
    """
    if not old_given:
        return False
    if new_given:
        raise TypeError(f"{function}() got both {new}= and its old name {old}=; pass only {new}=")
    warnings.warn(
        f"{function}({old}=...) is deprecated and will be removed in natojp 0.3; "
        f"pass {new}= instead",
        DeprecationWarning,
        stacklevel=3,
    )
    return True
