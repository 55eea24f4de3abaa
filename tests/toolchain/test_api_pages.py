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
