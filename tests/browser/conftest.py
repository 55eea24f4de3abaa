"""Fixtures for the real-browser tests: the built site served over http, and headless Chromium.

The tests drive Debian's Chromium (``/usr/bin/chromium``) through Playwright's sync API;
Playwright's own browser download is not used (it needs the network).  Install Chromium with
``sudo apt-get install chromium``; without it the browser tests fail (they do not skip).

Which site is tested:

* by default the session fixture ``site`` (tests/conftest.py) builds both languages into a
  temporary folder, exactly as ``make site`` does;
* if the environment variable ``DLREF_SITE_DIR`` is set, that already built html root (the
  folder holding ``index.html``, ``en/`` and ``ko/``) is tested instead and nothing is built.
  For fast iteration::

      .venv/bin/python docs/build_site.py --out /tmp/browser-site
      DLREF_SITE_DIR=/tmp/browser-site .venv/bin/python -m pytest tests/browser -q

The site is served by a threaded ``http.server`` on a free port of 127.0.0.1 (a daemon
thread, shut down at the end of the session).  Nothing else is reachable: every request
that would leave 127.0.0.1 is blocked and reported as a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .support import VIEWPORT, block_external, serve


@pytest.fixture(scope="session")
def site_root(request) -> Path:
    """The html root of the built site: ``$DLREF_SITE_DIR`` if set, else a fresh build."""
    given = os.environ.get("DLREF_SITE_DIR")
    if given:
        root = Path(given).resolve()
        if not (root / "index.html").is_file():
            pytest.fail(
                f"DLREF_SITE_DIR={given} holds no built site (no index.html); build one "
                f"with: .venv/bin/python -m dlref_docs build --out {given}"
            )
        return root
    return Path(request.getfixturevalue("site")["out"])


@pytest.fixture(scope="session")
def base_url(site_root):
    """``http://127.0.0.1:<port>/`` serving ``site_root``."""
    with serve(site_root) as url:
        yield url


@pytest.fixture
def new_context(browser, base_url):
    """Factory for extra browser contexts (closed after the test); external requests blocked.

    Returns ``(context, blocked_urls)``.
    """
    contexts = []

    def make(**kwargs):
        kwargs.setdefault("viewport", VIEWPORT)
        kwargs.setdefault("base_url", base_url)
        context = browser.new_context(**kwargs)
        contexts.append(context)
        return context, block_external(context)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def ko_context(new_context, site_root):
    """A browser context on the built site, for tests that search the Korean site; fails
    if no request may leave 127.0.0.1."""
    if not (site_root / "ko" / "search.html").is_file():
        pytest.fail(f"{site_root}/ko/search.html does not exist")
    context, blocked = new_context()
    yield context
    assert not blocked, f"requests left 127.0.0.1: {blocked}"
