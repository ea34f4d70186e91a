"""Document front matter, read with PyYAML's safe loader.

Every scalar stays the text it is written as: ``date: 2024-05-01`` gives the string
``"2024-05-01"``, ``id: 007`` gives ``"007"`` and ``country: NO`` gives ``"NO"``
(not ``False``), so values reach the parsers in the shapes they always had:
strings, and tuples of strings for lists. A nested map becomes dotted keys
(``author: {name: X}`` gives ``author.name``); a map or list inside a list is kept
as its JSON text. YAML that does not parse, a date or time that does not exist
(``date: 2024-13-45``), a lone surrogate (``"\\ud800"``), binary data and
duplicate keys are a :class:`~natojp.errors.FormatError` naming the line in the file.
"""

from __future__ import annotations

import json
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode

from natojp.errors import FormatError

Value = str | tuple[str, ...]

# Aliases can make a small header expand to a huge value (or refer to itself).
_MAX_VALUES = 10_000

_YAML = "tag:yaml.org,2002:"


class _Loader(yaml.SafeLoader):
    """The safe loader, with every scalar kept as written, dates and times checked,
    duplicate keys refused and nothing but text, lists and maps allowed."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if key_node.tag == _YAML + "merge" or not isinstance(key_node, ScalarNode):
                continue  # "<<" merges may be overridden; other keys: PyYAML refuses them
            if key_node.value in seen:
                raise ConstructorError(
                    "while reading a map",
                    node.start_mark,
                    f"found the key {key_node.value!r} twice",
                    key_node.start_mark,
                )
            seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


def _text(loader: yaml.SafeLoader, node: Node) -> str:
    value = loader.construct_scalar(node)  # type: ignore[arg-type]
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        try:
            # A pair of \u escapes that makes one character outside the BMP is fine.
            value = value.encode("utf-16", "surrogatepass").decode("utf-16")
        except UnicodeDecodeError:
            raise ConstructorError(
                None, None, "a lone surrogate (\\ud800-\\udfff) is not text", node.start_mark
            ) from None
    return value


def _timestamp(loader: yaml.SafeLoader, node: Node) -> str:
    text = _text(loader, node)
    try:
        loader.construct_yaml_timestamp(node)  # type: ignore[arg-type]
    except (ValueError, OverflowError) as exc:
        raise ConstructorError(
            None, None, f"{text!r} is not a date or time that exists ({exc})", node.start_mark
        ) from None
    return text


def _refuse(loader: yaml.SafeLoader, node: Node) -> object:
    kind = node.tag.removeprefix(_YAML)
    raise ConstructorError(
        None, None, f"a !!{kind} value cannot be document metadata", node.start_mark
    )


for _tag in ("str", "bool", "int", "float", "null"):
    _Loader.add_constructor(_YAML + _tag, _text)
_Loader.add_constructor(_YAML + "timestamp", _timestamp)
for _tag in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(_YAML + _tag, _refuse)


class _Shaper:
    """Turns the loaded header into flat ``key: str | tuple[str, ...]`` entries."""

    def __init__(self, *, path: str | None, lines: dict[str, int], first_line: int) -> None:
        self.path = path
        self.lines = lines
        self.first_line = first_line
        self.budget = _MAX_VALUES
        self.open: set[int] = set()  # the maps and lists being walked, to find cycles
        self.result: dict[str, Value] = {}

    def error(self, reason: str, key: str) -> FormatError:
        line = self.lines.get(key.split(".", 1)[0], self.first_line)
        return FormatError(f"{reason} in front matter", path=self.path, line=line)

    def spend(self, key: str) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise self.error(f"more than {_MAX_VALUES} values (aliases expand too far)", key)

    def enter(self, key: str, value: object) -> None:
        if id(value) in self.open:
            raise self.error(f"the value of {key!r} contains itself (through an alias)", key)
        self.open.add(id(value))

    def add(self, key: str, value: object) -> None:
        self.spend(key)
        if isinstance(value, dict) and value:
            self.enter(key, value)
            for sub, item in value.items():
                self.add(f"{key}.{sub}", item)
            self.open.discard(id(value))
            return
        if key in self.result:
            raise self.error(f"the key {key!r} is given twice", key)
        if isinstance(value, str):
            self.result[key] = value
        elif isinstance(value, (list, dict)):
            self.enter(key, value)
            self.result[key] = tuple(self.item(key, item) for item in value)
            self.open.discard(id(value))
        else:  # pragma: no cover - the loader makes nothing else
            raise self.error(f"cannot read the value of {key!r}", key)

    def item(self, key: str, value: object) -> str:
        self.spend(key)
        if isinstance(value, str):
            return value
        self.check(key, value)
        return json.dumps(value, ensure_ascii=False)

    def check(self, key: str, value: object) -> None:
        # Walk what json.dumps will walk, so that aliases cannot make it explode.
        if isinstance(value, (dict, list)):
            self.enter(key, value)
            for item in value.values() if isinstance(value, dict) else value:
                self.spend(key)
                self.check(key, item)
            self.open.discard(id(value))


def _line_of(exc: yaml.YAMLError, text: str, first_line: int) -> tuple[int, int | None]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return first_line + mark.line, mark.column + 1
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        return first_line + text.count("\n", 0, position), None
    return first_line, None


def _reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    if isinstance(problem, str):
        context = getattr(exc, "context", None)
        if problem == "mapping values are not allowed here":
            problem += " (put a value that contains ': ' in quotes)"
        return f"{context}: {problem}" if isinstance(context, str) else problem
    return str(exc).split("\n", 1)[0]


def parse_front_matter(
    lines: list[str], *, path: str | None = None, first_line: int = 2
) -> dict[str, Value]:
    """Parse the lines between the ``---`` fences into a dict of strings and
    tuples of strings; ``first_line`` is the file's line number of ``lines[0]``.

    >>> parse_front_matter(["title: >", "  Remarks by", "  the Mayor", "tags: [a, 'b, c']"])
    {'title': 'Remarks by the Mayor\\n', 'tags': ('a', 'b, c')}
    >>> parse_front_matter(["title: x", "date: 2024-13-45"], path="a.md")
    Traceback (most recent call last):
    ...
    natojp.errors.FormatError: a.md:3:7: ...'2024-13-45' is not a date or time that exists ...
    """
    text = "\n".join(lines)
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # the reader refuses some characters straight away
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        line, column = _line_of(exc, text, first_line)
        raise FormatError(
            f"invalid YAML front matter: {_reason(exc)}", path=path, line=line, column=column
        ) from None
    except RecursionError:
        raise FormatError(
            "the YAML front matter is nested too deeply", path=path, line=first_line
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(node, MappingNode):
        raise FormatError(
            "the front matter is not a map of 'key: value' lines", path=path, line=first_line
        )
    lines_of = {
        key.value: first_line + key.start_mark.line
        for key, _ in node.value
        if isinstance(key, ScalarNode)
    }
    shaper = _Shaper(path=path, lines=lines_of, first_line=first_line)
    for key, value in data.items():
        shaper.add(key, value)
    return shaper.result
