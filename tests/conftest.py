"""The test tiers, and shared fixtures: the built bilingual site (built once per test session).

Tiers are folders; each folder's tests get their markers here, so nothing leaks between tiers:

``tests/dlref``, ``tests/toolchain``
    fast: the package and the docs toolchain (small projects built in-process), no site
    build, no browser (``make test-fast``; tests that train a model are marked ``slow``);
``tests/site``
    ``slow``: checks of the whole built site (built once per run, :func:`site`);
``tests/browser``
    ``slow`` and ``browser``: the built site and small test sites in headless Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TIERS = {"site": ("slow",), "browser": ("slow", "browser")}


# The browser walk's two languages are the longest groups by far (minutes each): make test
# (--no-loadscope-reorder) hands them out first, one to each worker, and the many short groups
# fill in after them, instead of a walk starting last and running on alone.
FIRST_GROUPS = ("walk-en", "walk-ko")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's worker reads the groups from the marks
def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        # pytest-xdist (make test: --dist loadgroup) keeps a group on one worker: a file's
        # tests stay together (its module and session fixtures are made once), except the
        # browser walk, whose languages are two groups that run side by side.
        callspec = getattr(item, "callspec", None)
        walk_language = callspec.params.get("walk") if callspec is not None else None
        group = f"walk-{walk_language}" if walk_language else item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group(group))
        try:
            tier = Path(item.path).resolve().relative_to(here).parts[0]
        except ValueError:
            continue  # doctests of the package and the pages
        for marker in TIERS.get(tier, ()):
            item.add_marker(marker)
    items.sort(key=lambda item: _group(item) not in FIRST_GROUPS)  # stable: the rest keep order


def _group(item) -> str:
    return next(item.iter_markers("xdist_group")).args[0]


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: absent without it
def pytest_xdist_node_collection_finished(node, ids):
    """Stop the run when pytest-xdist will not group the tests as ``--dist loadgroup`` asks.

    Nothing would fail otherwise: the tests are then dealt out one by one, so every worker
    repeats the module fixtures, the browser walk included (twice the time), and two workers
    build the same wheel in the same folder.  pytest-xdist marks a grouped test by adding
    ``@<group>`` to its node id, which pytest 9.2 no longer keeps (pytest-dev/pytest-xdist#1386).
    """
    if node.config.getvalue("dist") != "loadgroup" or not ids:
        return
    lost = [nodeid for nodeid in ids if "@" not in nodeid]
    if lost:
        pytest.exit(
            f"pytest-xdist's --dist loadgroup did not group {len(lost)} of {len(ids)} tests "
            f"(e.g. {lost[0]}), so module fixtures would run once per worker: pytest "
            f"{pytest.__version__} drops the group from the node id "
            "(pytest-dev/pytest-xdist#1386). Install the pinned versions: "
            'pip install -c constraints.txt -e ".[test]"', returncode=4)


@pytest.fixture(scope="session")
def build_site():
    """The site builder of ``make site`` (:mod:`dlref_docs.build`)."""
    from dlref_docs import build

    return build


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


@pytest.fixture(scope="session")
def korean_search_language():
    """The site's Korean search language class (particles from the language data file)."""
    from dlref_docs.core import languages
    from dlref_docs.glossary.terms import load_terms
    from dlref_docs.search.language import search_language
    from dlref_docs.search.ranking import compound_table

    korean = languages.get("ko")
    return search_language(korean, compound_table(load_terms(), korean))
