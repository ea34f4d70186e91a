"""Only natojp's own errors may escape a public entry point; each one says
what is wrong."""

from __future__ import annotations

from natojp.errors import NatojpError


def said(
    exc: NatojpError, *, path_ends: str | None = None, line: bool = False, value_error: bool = False
) -> None:
    """Check a NatojpError caught from an entry point: it has a message, names
    the file ending ``path_ends`` where given, and a line where ``line``."""
    assert str(exc) and exc.reason is not None
    if path_ends is not None:
        assert exc.path is None or exc.path.endswith(path_ends), exc
    if line:
        assert exc.line is not None, exc
    if value_error:
        assert isinstance(exc, ValueError), exc
