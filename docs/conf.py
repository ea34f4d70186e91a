"""Sphinx configuration for the natojp documentation."""

from __future__ import annotations

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
    "sphinx.ext.napoleon",
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
intersphinx_mapping: dict[str, tuple[str, None]] = {}
nitpicky = False
exclude_patterns = ["_build"]
html_theme = "alabaster"
# Docstring examples run under pytest --doctest-modules; Sphinx runs the pages' own.
doctest_test_doctest_blocks = ""
