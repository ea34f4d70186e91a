"""Every public class and function shows how to use it in a docstring example
(which pytest runs with --doctest-modules), and so does every public method."""

from __future__ import annotations

import importlib
import inspect

import pytest

PUBLIC_MODULES = [
    "natojp",
    "natojp.cli",
    "natojp.corpus",
    "natojp.dates",
    "natojp.errors",
    "natojp.loaders.decode",
    "natojp.loaders.registry",
    "natojp.models",
    "natojp.people",
    "natojp.serialize",
]


def _public():
    seen = set()
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or callable(obj)) or id(obj) in seen:
                continue  # constants such as __version__ have no docstring of their own
            if not getattr(obj, "__module__", "").startswith("natojp"):
                continue  # e.g. the cattrs converter instance
            seen.add(id(obj))
            yield f"{module_name}.{name}", obj


PUBLIC = list(_public())


@pytest.mark.parametrize(("name", "obj"), PUBLIC, ids=[n for n, _ in PUBLIC])
def test_every_public_name_has_a_docstring_example(name, obj):
    assert ">>>" in (inspect.getdoc(obj) or ""), f"{name} has no docstring example"


def _methods():
    for name, cls in PUBLIC:
        if not inspect.isclass(cls) or issubclass(cls, BaseException):
            continue
        if getattr(cls, "_is_protocol", False):
            continue  # a Protocol's methods say what to write; its docstring shows it
        for attr, value in vars(cls).items():
            if attr.startswith("_") or not (
                inspect.isfunction(value) or isinstance(value, classmethod)
            ):
                continue
            yield f"{name}.{attr}", getattr(cls, attr)


METHODS = list(_methods())


@pytest.mark.parametrize(("name", "method"), METHODS, ids=[n for n, _ in METHODS])
def test_every_public_method_has_a_docstring_example(name, method):
    assert ">>>" in (inspect.getdoc(method) or ""), f"{name} has no docstring example"
