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

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}
HOST = "127.0.0.1"
OUTPUT = Path(__file__).resolve().parents[1] / "output"  # tests/output/ (gitignored)


@pytest.fixture(scope="session")
def site_root(request) -> Path:
    """The html root of the built site: ``$DLREF_SITE_DIR`` if set, else a fresh build."""
    given = os.environ.get("DLREF_SITE_DIR")
    if given:
        root = Path(given).resolve()
        if not (root / "index.html").is_file():
            pytest.fail(
                f"DLREF_SITE_DIR={given} holds no built site (no index.html); build one "
                f"with: .venv/bin/python docs/build_site.py --out {given}"
            )
        return root
    return Path(request.getfixturevalue("site")["out"])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on a free port of 127.0.0.1; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="dlref-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(site_root):
    """``http://127.0.0.1:<port>/`` serving ``site_root``."""
    with serve(site_root) as url:
        yield url


def block_external(context) -> list[str]:
    """Abort every request of ``context`` that would leave 127.0.0.1; return the list of them.

    The list is filled as requests are blocked, so a test can report them as failures.
    """
    blocked: list[str] = []

    def abort(route):
        blocked.append(route.request.url)
        route.abort("blockedbyclient")

    context.route(is_external_url, abort)
    return blocked


def is_external_url(url: str) -> bool:
    """True for a URL whose request would leave 127.0.0.1 (data:/blob:/about: stay local)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error", "javascript"):
        return False
    return parts.hostname != HOST


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
