"""The host of a URL, for the rules that go by a page's site."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["host_of"]


def host_of(url: str | None) -> str:
    """The lower-case host name of ``url`` (with or without a scheme), or ``""``
    when it has none or is malformed (an unclosed IPv6 bracket).

    >>> host_of("https://www.NATO.int/cps/en/"), host_of("nato.int/x"), host_of("http://[::1")
    ('www.nato.int', 'nato.int', '')
    """
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return ""
    return (host or "").rstrip(".")
