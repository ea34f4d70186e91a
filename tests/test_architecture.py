"""The package's layout is a promise: imports run one way between natojp's
packages, nothing imports another package's private parts, and there are no
import cycles. See docs/architecture.rst."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "natojp"

# Lower layers first; a module may import only its own layer and those below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "_atomic", "_bulk", "_progress", "_deprecated", "_public"),
    ("models",),
    ("_text",),
    ("dates",),
    ("people",),
    ("loaders",),
    ("serialize",),
    ("corpus",),
    ("cli", "dask", "__init__", "__main__"),
)
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str, str | None]]:
    """``(line, module, imported name or None)`` for each natojp import, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: list[tuple[int, str, str | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(
                (node.lineno, a.name, None) for a in node.names if a.name.startswith("natojp")
            )
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module.startswith("natojp"):
                found.extend((node.lineno, module, a.name) for a in node.names)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert {_top(_module_name(p)) for p in MODULES} <= set(RANK)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_imports_run_one_way(path: Path) -> None:
    here = _module_name(path)
    wrong = []
    for line, module, _ in _imports(path):
        target = _top(module)
        if target in RANK and RANK[target] > RANK[_top(here)]:
            wrong.append(f"line {line}: {here} ({_top(here)}) imports {module} ({target})")
    assert not wrong, "an import runs up the layers:\n" + "\n".join(wrong)


def _private_part(module: str, name: str | None) -> str | None:
    """The first private segment below natojp's top-level package, if any."""
    parts = module.split(".")[2:] + ([name] if name else [])
    return next((part for part in parts if part.startswith("_") and part != "__init__"), None)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_no_module_imports_another_packages_private_names(path: Path) -> None:
    here = _module_name(path)
    wrong = []
    for line, module, name in _imports(path):
        if module == "natojp" and name is not None and name.startswith("_"):
            wrong.append(f"line {line}: from natojp import {name}")
            continue
        if _top(module) == _top(here):
            continue  # a package's own private parts are its own
        private = _private_part(module, name)
        if private is not None:
            wrong.append(f"line {line}: {here} imports {private!r} from {module}")
    assert not wrong, "private names used across packages:\n" + "\n".join(wrong)


def test_no_import_cycles_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    names = {_module_name(p) for p in MODULES}
    for path in MODULES:
        edges = graph.setdefault(_module_name(path), set())
        for _, module, name in _imports(path):
            target = f"{module}.{name}" if name and f"{module}.{name}" in names else module
            if target in names and target != _module_name(path):
                edges.add(target)
    # A package importing its own submodules is how packages work; a cycle that
    # is only a package and its child is not a cycle in the design.
    for parent, edges in graph.items():
        edges -= {child for child in edges if child.startswith(parent + ".")}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_public_classes_live_in_their_public_module_and_their_hints_resolve() -> None:
    import typing

    import natojp

    for name in natojp.__all__:
        obj = getattr(natojp, name)
        if not isinstance(obj, type):
            continue
        assert not any(part.startswith("_") for part in obj.__module__.split(".")), (
            f"{name} says it lives in {obj.__module__}"
        )
        public = __import__(obj.__module__, fromlist=[name])
        assert getattr(public, name) is obj
        typing.get_type_hints(obj)  # cattrs and users' tools resolve annotations this way


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_no_module_imports_a_private_name(path: Path) -> None:
    """A package's modules share private *modules* (``natojp.dates._parse``), but
    a name with a leading underscore is private to the module that defines it."""
    wrong = [
        f"line {line}: {_module_name(path)} imports {name!r} from {module}"
        for line, module, name in _imports(path)
        if name is not None
        and name.startswith("_")
        and f"{module}.{name}" not in {_module_name(p) for p in MODULES}
    ]
    assert not wrong, "\n".join(wrong)
