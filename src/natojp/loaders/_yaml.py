"""The subset of YAML that document front matter uses: ``key: value`` lines with
plain, single- and double-quoted scalars (escapes and folded lines included) and
lists. natojp does not depend on a YAML library for this."""

from __future__ import annotations

import re

from natojp.errors import FormatError

_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)\s*:(?:\s+(?P<value>.*))?$")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX = {"x": 2, "u": 4, "U": 8}

Value = str | tuple[str, ...]


def _double_quoted(raw: str, *, path: str | None, line: int) -> str:
    out: list[str] = []
    i = 0
    # Folding: a line break inside the quotes is a space, unless escaped with "\".
    raw = re.sub(r"[ \t]*\n[ \t]*", "\n", raw)
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            nxt = raw[i + 1 : i + 2]
            if nxt == "\n":
                i += 2
                continue
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
            if nxt in _HEX:
                digits = raw[i + 2 : i + 2 + _HEX[nxt]]
                try:
                    out.append(chr(int(digits, 16)))
                except ValueError:
                    raise FormatError(
                        f"bad escape \\{nxt}{digits} in front matter", path=path, line=line
                    ) from None
                i += 2 + _HEX[nxt]
                continue
            raise FormatError(f"unknown escape \\{nxt} in front matter", path=path, line=line)
        if ch == "\n":
            out.append(" ")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _scalar(raw: str, *, path: str | None, line: int) -> str:
    raw = raw.strip()
    if raw.startswith('"'):
        if (
            not raw.endswith('"')
            or len(raw) < 2
            or (raw.endswith('\\"') and not raw.endswith('\\\\"'))
        ):
            raise FormatError("unclosed double quote in front matter", path=path, line=line)
        return _double_quoted(raw[1:-1], path=path, line=line)
    if raw.startswith("'"):
        if not raw.endswith("'") or len(raw) < 2:
            raise FormatError("unclosed single quote in front matter", path=path, line=line)
        return " ".join(part.strip() for part in raw[1:-1].split("\n")).replace("''", "'")
    return " ".join(part.strip() for part in raw.split("\n")).split(" #")[0].strip()


def parse_front_matter(
    lines: list[str], *, path: str | None = None, first_line: int = 2
) -> dict[str, Value]:
    """Parse the lines between the ``---`` fences into a dict of strings and
    tuples of strings."""
    result: dict[str, Value] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            i += 1
            continue
        match = _KEY.match(line)
        if not match:
            raise FormatError(
                f"expected 'key: value' in front matter, got {line.strip()[:40]!r}",
                path=path,
                line=first_line + i,
            )
        key, value = match["key"], (match["value"] or "")
        start = i
        i += 1
        cont: list[str] = []
        while i < len(lines) and (lines[i].startswith((" ", "\t")) or not lines[i].strip()):
            cont.append(lines[i])
            i += 1
        if not value.strip() and any(c.strip().startswith("- ") or c.strip() == "-" for c in cont):
            result[key] = tuple(
                _scalar(c.strip()[1:], path=path, line=first_line + start)
                for c in cont
                if c.strip().startswith("-")
            )
            continue
        raw = "\n".join([value, *cont]).strip()
        if raw.startswith("[") and raw.endswith("]"):
            items = [s for s in raw[1:-1].split(",") if s.strip()]
            result[key] = tuple(_scalar(s, path=path, line=first_line + start) for s in items)
        else:
            result[key] = _scalar(raw, path=path, line=first_line + start)
    return result
