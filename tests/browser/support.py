"""Helpers of the browser tests: the local http server and the offline guard.

Plain functions and constants, imported by tests/browser/conftest.py and the test modules
(fixtures stay in the conftests).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

VIEWPORT = {"width": 1280, "height": 800}
HOST = "127.0.0.1"
OUTPUT = Path(__file__).resolve().parents[1] / "output"  # tests/output/ (gitignored)

# Sphinx's search has listed every result: searchtools.js pulses (Search._pulse_status >= 0)
# from the start of a query until then, then sets it back to -1; the <h2> only exists once a
# query has started.
SEARCH_DONE = (
    "() => typeof Search !== 'undefined' && Search._pulse_status === -1"
    " && document.querySelector('#search-results h2') !== null"
)

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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A page closed while a file was still being sent (the test had what it needed):
        # the browser hung up, the site did nothing wrong.  Anything else is still printed.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on a free port of 127.0.0.1; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="dlref-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


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
