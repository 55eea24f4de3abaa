"""Shared fixtures: the built bilingual site (built once per test session)."""

from __future__ import annotations

import importlib.util
import json
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


def _build_site(build_site, out: Path) -> dict:
    try:
        return {"out": str(out), "results": build_site.build(out, quiet=False, echo=False)}
    except SystemExit as exc:  # the build's own message, kept for the test failure
        return {"out": str(out), "error": str(exc)}


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id, build_site):
    """Build both languages into a temporary folder, exactly as ``make site`` does.

    Built once per test run: under pytest-xdist every worker has its own session, so the
    first worker to ask builds the site into the run's shared temporary folder while holding
    a file lock, and the others wait for it and read its record (as pytest-xdist's docs
    advise for session fixtures that must run once).
    Returns a dict with ``out`` (the html root) and ``results`` ({lang: {seconds, log}}).
    """
    if worker_id == "master":  # no xdist
        built = _build_site(build_site, tmp_path_factory.mktemp("site") / "html")
    else:
        from filelock import FileLock

        shared = tmp_path_factory.getbasetemp().parent / "site"  # one per run, all workers
        record = shared / "build.json"
        with FileLock(str(shared) + ".lock"):
            if record.is_file():
                built = json.loads(record.read_text(encoding="utf-8"))
            else:
                built = _build_site(build_site, shared / "html")
                record.write_text(json.dumps(built), encoding="utf-8")
    if "error" in built:
        pytest.fail(built["error"])
    return {"out": Path(built["out"]), "results": built["results"]}




@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright, one for the whole session.

    Defined here rather than in tests/browser/ so that every test that needs a real browser
    shares it: Playwright's sync API allows one running instance per thread.
    """
    # Imported here, not at the top: the regression suite (regress/run.py) loads this
    # conftest in importlib mode, where tests/browser is not importable.
    from browser.support import CHROMIUM, CHROMIUM_ARGS

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


