"""Sphinx configuration for the natojp documentation."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from sphinx.pycode import ModuleAnalyzer

import natojp

project = "natojp"
author = "natojp developers"
copyright = "2026, natojp developers"
release = natojp.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# natojp imports pandas and pyarrow for annotations only (under TYPE_CHECKING);
# naming them here lets autodoc evaluate those annotations without importing them.
autodoc_type_aliases = {"pandas.DataFrame": "pandas.DataFrame", "pyarrow.Table": "pyarrow.Table"}
intersphinx_mapping: dict[str, tuple[str, None]] = {}
nitpicky = True
# There is no intersphinx inventory to link other libraries to (the docs build
# offline), so references to them are listed here; natojp's own never are.
nitpick_ignore = [
    ("py:class", "datetime.date"),
    ("py:class", "datetime.datetime"),
    ("py:class", "os.PathLike"),
    ("py:class", "pathlib.Path"),
    ("py:class", "pandas.DataFrame"),
    ("py:class", "pyarrow.Table"),
    ("py:func", "attrs.evolve"),
    ("py:mod", "regex"),
    ("py:meth", "list.index"),
]
nitpick_ignore_regex = [
    ("py:class", r"collections\.abc\.\w+"),
]
# Type variables in the signatures of generic classes and methods
# (``Results[_T]``, ``Occurrence[_Item]``, ``Corpus.get(default: _T)``) are
# type parameters, not objects with a page of their own.
nitpick_ignore += [
    ("py:class", "_T"),
    ("py:class", "natojp.corpus._corpus._T"),
    ("py:class", "natojp.models._results._Item"),
]
exclude_patterns = ["_build"]
html_theme = "alabaster"
# Docstring examples run under pytest --doctest-modules; Sphinx runs the pages' own.
doctest_test_doctest_blocks = ""

# Public packages whose names are defined in private modules (``natojp.models._document``).
_PUBLIC_PACKAGES = [
    "natojp.models",
    "natojp.corpus",
    "natojp.people",
    "natojp.loaders",
    "natojp.serialize",
]


def _read_private_definitions(app: Any) -> None:
    """Show the ``#:`` field comments and the docstrings of constants where the
    API reference documents them.

    ``natojp._public.publish`` gives each public class the module users import it
    from, and constants are documented in the public module too, so autodoc looks
    for their source comments in ``natojp/models/__init__.py`` instead of the
    private module they are written in. This copies those comments (and the
    source order) into the public module's analysis.
    """
    for public_name in _PUBLIC_PACKAGES:
        public = importlib.import_module(public_name)
        analyzer = ModuleAnalyzer.for_module(public_name)
        analyzer.analyze()
        exported = {name: getattr(public, name) for name in public.__all__}
        for info in pkgutil.iter_modules(public.__path__, prefix=f"{public_name}."):
            if not info.name.rpartition(".")[2].startswith("_"):
                continue
            private = importlib.import_module(info.name)
            defined = {
                name for name, obj in exported.items() if getattr(private, name, None) is obj
            }
            source = ModuleAnalyzer.for_module(info.name)
            source.analyze()
            for (scope, name), comment in source.attr_docs.items():
                owner = scope.partition(".")[0] if scope else name
                if owner in defined:
                    analyzer.attr_docs.setdefault((scope, name), comment)
            for key, order in source.tagorder.items():
                if key.partition(".")[0] in defined:
                    analyzer.tagorder.setdefault(key, order)


def setup(app: Any) -> None:
    app.connect("builder-inited", _read_private_definitions)
