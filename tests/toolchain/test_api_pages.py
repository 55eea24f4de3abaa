"""Every public name of every dlref module is listed on its API page.

What its docstring must hold (numpydoc sections, an Examples section) is checked by
numpydoc's validation during the docs build (``numpydoc_validation_checks`` in docs/conf.py).
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


MODULES = ("activations", "losses", "optimizers", "models", "diagnostics", "datasets", "plotting")


@pytest.mark.parametrize("name", MODULES)
def test_api_page_lists_every_public_function_and_class(name):
    module = importlib.import_module(f"dlref.{name}")
    page = (DOCS / "api" / f"{name}.rst").read_text(encoding="utf-8")
    listed = set(re.findall(r"^   (\w+)$", page, flags=re.MULTILINE))
    public = {
        n
        for n in module.__all__
        if inspect.isfunction(getattr(module, n)) or inspect.isclass(getattr(module, n))
    }
    assert public - listed == set(), f"docs/api/{name}.rst misses {sorted(public - listed)}"
    assert listed - public == set(), f"docs/api/{name}.rst lists unknown {sorted(listed - public)}"
    index = (DOCS / "api" / "index.md").read_text(encoding="utf-8")
    assert f"\n{name}\n" in index


def test_the_package_page_lists_the_functions_of_dlref_itself():
    # dlref.check, dlref.show_versions, dlref.set_language ...: the names of dlref.__all__
    # that are functions, not submodules, are documented on docs/api/package.rst.
    import dlref

    page = (DOCS / "api" / "package.rst").read_text(encoding="utf-8")
    listed = set(re.findall(r"^   (\w+)$", page, flags=re.MULTILINE))
    functions = {n for n in dlref.__all__ if inspect.isfunction(getattr(dlref, n))}
    assert functions == listed == {"check", "show_versions", "set_language", "get_language"}
    index = (DOCS / "api" / "index.md").read_text(encoding="utf-8")
    assert "\npackage\n" in index
