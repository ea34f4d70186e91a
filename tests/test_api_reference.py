"""The API reference (docs/api.rst) documents every public name once, and every
field of the data model says what it holds.

Building the docs is slow, so this reads the autodoc directives of api.rst: an
``automodule`` with a ``:members:`` list documents those names (a bare
``:members:`` documents the module's ``__all__``), and ``autoclass``,
``autofunction``, ``autodata`` and the like document the name they are given,
in the module of the last ``automodule`` or ``currentmodule`` above them. The
Sphinx build (``-W``, ``nitpicky``) checks that what they document exists and
that every cross-reference finds it.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import attrs
import pytest

API = Path(__file__).resolve().parent.parent / "docs" / "api.rst"

PUBLIC_MODULES = [
    "natojp",
    "natojp.models",
    "natojp.corpus",
    "natojp.dates",
    "natojp.people",
    "natojp.serialize",
    "natojp.errors",
    "natojp.loaders",
    "natojp.loaders.registry",
    "natojp.loaders.decode",
    "natojp.cli",
    "natojp.dask",
]

DIRECTIVE = re.compile(r"^\.\. (?:py:)?(auto\w+|currentmodule|module)::\s*(\S+)\s*$")
OPTION = re.compile(r"^(\s+):([\w-]+):\s*(.*)$")


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _split(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def documented() -> list[tuple[str, str, int]]:
    """``(module, name, line)`` for each name api.rst documents, in order."""
    lines = API.read_text(encoding="utf-8").splitlines()
    found: list[tuple[str, str, int]] = []
    current = ""
    for number, line in enumerate(lines, start=1):
        match = DIRECTIVE.match(line)
        if not match:
            continue
        directive, target = match[1], match[2]
        options: dict[str, str] = {}
        for following in lines[number:]:
            option = OPTION.match(following)
            if option:
                key = option[2]
                options[key] = option[3]
            elif following.strip() and following.startswith(" ") and options:
                options[key] += " " + following.strip()  # a list continued on the next line
            else:
                break
        if directive in {"automodule", "currentmodule", "module"}:
            current = target
            if directive != "automodule" or "members" not in options:
                continue
            names = _split(options["members"]) or list(importlib.import_module(target).__all__)
            excluded = set(_split(options.get("exclude-members", "")))
            found.extend((target, name, number) for name in names if name not in excluded)
        else:
            module, _, name = target.rpartition(".")
            if not (module and _module(module)):
                module, name = current, target
            found.append((module, name, number))
    return found


DOCUMENTED = documented()


def public_names() -> list[tuple[str, str]]:
    return [
        (module, name)
        for module in PUBLIC_MODULES
        for name in importlib.import_module(module).__all__
    ]


def test_the_reader_finds_the_directives():
    modules = {module for module, _, _ in DOCUMENTED}
    assert len(DOCUMENTED) > 80
    assert ("natojp.models", "Document") in {(m, n) for m, n, _ in DOCUMENTED}
    assert modules <= set(PUBLIC_MODULES)


def test_only_the_api_reference_documents_objects():
    """Other pages link to the reference instead of documenting a name again."""
    docs = API.parent
    for page in sorted(docs.rglob("*.rst")):
        if page == API:
            continue
        text = page.read_text(encoding="utf-8")
        found = re.findall(r"^\s*\.\. (?:auto\w+|py:\w+)::.*$", text, flags=re.MULTILINE)
        found = [line.strip() for line in found if "currentmodule" not in line]
        assert not found, f"{page.relative_to(docs)} documents objects: {found}"


def test_every_public_module_has_a_section():
    text = API.read_text(encoding="utf-8")
    for module in PUBLIC_MODULES:
        assert f".. automodule:: {module}\n" in text, f"api.rst has no section for {module}"


@pytest.mark.parametrize(
    ("module", "name", "line"), DOCUMENTED, ids=[f"{m}.{n}" for m, n, _ in DOCUMENTED]
)
def test_what_the_reference_documents_is_public(module, name, line):
    assert name in importlib.import_module(module).__all__, (
        f"api.rst:{line} documents {module}.{name}, which is not in {module}.__all__"
    )


PUBLIC = public_names()


@pytest.mark.parametrize(("module", "name"), PUBLIC, ids=[f"{m}.{n}" for m, n in PUBLIC])
def test_every_public_name_is_documented_once(module, name):
    """A name exported from several modules (``natojp.Document`` is
    ``natojp.models.Document``) is documented in one of them, and only once."""
    obj = getattr(importlib.import_module(module), name)
    places = [
        f"{where}.{name} (api.rst:{line})"
        for where, other, line in DOCUMENTED
        if other == name and getattr(importlib.import_module(where), name, None) is obj
    ]
    assert places, f"{module}.{name} is not in the API reference (docs/api.rst)"
    assert len(places) == 1, f"{module}.{name} is documented more than once: {places}"


def _model_classes() -> list[tuple[str, ast.ClassDef, list[str]]]:
    """``(module, class node, source lines)`` for each class defined in
    natojp.models' private modules and exported by natojp.models."""
    models = importlib.import_module("natojp.models")
    found = []
    for info in pkgutil.iter_modules(models.__path__, prefix="natojp.models."):
        module = importlib.import_module(info.name)
        source = Path(module.__file__).read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.parse(source).body:
            if isinstance(node, ast.ClassDef) and node.name in models.__all__:
                found.append((info.name, node, lines))
    return found


MODEL_CLASSES = _model_classes()


def test_every_model_class_is_found():
    import natojp.models

    classes = {node.name for _, node, _ in MODEL_CLASSES}
    exported = {
        name for name in natojp.models.__all__ if isinstance(getattr(natojp.models, name), type)
    }
    assert classes == exported


ATTRS_CLASSES = [
    (module, node, lines)
    for module, node, lines in MODEL_CLASSES
    if attrs.has(getattr(importlib.import_module("natojp.models"), node.name))
]


@pytest.mark.parametrize(
    ("module", "node", "lines"),
    ATTRS_CLASSES,
    ids=[node.name for _, node, _ in ATTRS_CLASSES],
)
def test_every_model_field_says_what_it_holds(module, node, lines):
    """Each attrs field has a ``#:`` comment above it, which autodoc shows as
    the field's description."""
    import natojp.models

    cls = getattr(natojp.models, node.name)
    fields = [f.name for f in attrs.fields(cls)]
    described = {
        statement.target.id
        for statement in node.body
        if isinstance(statement, ast.AnnAssign)
        and isinstance(statement.target, ast.Name)
        and lines[statement.lineno - 2].strip().startswith("#:")
    }
    missing = [field for field in fields if field not in described]
    assert not missing, f"{module}.{node.name}: no #: comment above {missing}"
