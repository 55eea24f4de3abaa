"""Shared fixtures: the built bilingual site (built once per test session)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


@pytest.fixture(scope="session")
def build_site():
    """docs/build_site.py (a script, not a package) imported as a module."""
    spec = importlib.util.spec_from_file_location("build_site", DOCS / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_site"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def site(tmp_path_factory, build_site):
    """Build both languages into a temporary folder, exactly as ``make site`` does.

    Returns a dict with ``out`` (the html root) and ``results`` ({lang: {seconds, log}}).
    """
    out = tmp_path_factory.mktemp("site") / "html"
    try:
        results = build_site.build(out, quiet=False, echo=False)
    except SystemExit as exc:  # turn the build's own message into a test failure
        pytest.fail(str(exc))
    return {"out": out, "results": results}


# Debian's Chromium, driven by Playwright (its own browser download needs the network).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright, one for the whole session.

    Defined here rather than in tests/browser/ so that every test that needs a real browser
    shares it: Playwright's sync API allows one running instance per thread.
    """
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's Chromium. "
            "Install it with `sudo apt-get install chromium` (Playwright's own "
            "browser download is not used).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
    except Exception:
        playwright.stop()
        raise
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


