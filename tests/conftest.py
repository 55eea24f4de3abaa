"""Shared fixtures: the built bilingual site (built once per test session)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GALLERY = ROOT / "gallery"


def _load_build_site():
    spec = importlib.util.spec_from_file_location("build_site", DOCS / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_site"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Build both languages into a temporary folder, exactly as ``make site`` does.

    Returns a dict with ``out`` (the html root) and ``results`` ({lang: {seconds, log}}).
    """
    build_site = _load_build_site()
    out = tmp_path_factory.mktemp("site") / "html"
    try:
        results = build_site.build(out, quiet=False, echo=False)
    except SystemExit as exc:  # turn the build's own message into a test failure
        pytest.fail(str(exc))
    return {"out": out, "results": results}


def gallery_examples() -> list[Path]:
    return sorted(GALLERY.glob("*/plot_*.py"))
