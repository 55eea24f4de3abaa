"""Serve KaTeX's stylesheet and fonts from the site itself, for build-time rendered maths.

sphinxcontrib-katex renders every formula to HTML while building (``katex_prerender``:
Node.js runs the katex.min.js it bundles), so pages load no maths script at all; they only
need KaTeX's stylesheet and the fonts it names.  Those are not in the wheel (its default is a
CDN, and the site must work offline): they come from the npm package ``katex`` pinned in
package.json at the root of the repository (``npm ci``, run by ``make site`` / ``make test``),
and are copied to ``_static/katex/``.  The npm version must equal the bundled script's, so
that the stylesheet matches the HTML it styles.  The fonts are cut down to the characters the
site's pages hold (html/fonts.py): a page with maths then fetches 38 KB of them, not 77 KB.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

from sphinx.errors import ConfigError
from sphinx.util.fileutil import copy_asset

from . import fonts

ROOT = Path(__file__).resolve().parents[3]
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
CSS = "katex/katex.min.css"


def configure(app, config):
    config.katex_css_path = CSS
    config.katex_prerender = True


def check(app):
    # Only the html builders render maths; `make catalogs` (gettext) needs neither.
    if app.builder.format != "html":
        return
    from sphinxcontrib.katex import katex_version

    if not shutil.which("node"):
        raise ConfigError(
            "Node.js (`node`) not found: the maths is rendered at build time by KaTeX, which "
            "runs on Node.js. Install Node.js 18 or newer (Debian: `apt-get install nodejs npm`)."
        )
    package = KATEX_DIST.parent / "package.json"
    if not (KATEX_DIST / "katex.min.css").is_file() or not package.is_file():
        raise ConfigError(
            f"KaTeX's stylesheet is missing ({KATEX_DIST / 'katex.min.css'}): install the "
            "npm packages of package.json with `npm ci` in the repository root (`make site` "
            "and `make test` do it)."
        )
    installed = json.loads(package.read_text(encoding="utf-8"))["version"]
    if installed != katex_version:
        raise ConfigError(
            f"npm package katex {installed} does not match the KaTeX {katex_version} that "
            "sphinxcontrib-katex renders with: pin katex to "
            f'"{katex_version}" in package.json and run `npm ci`.'
        )


def copy_assets(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "katex"
    copy_asset(KATEX_DIST / "katex.min.css", target)
    # force: the fonts are subset below, so the copy differs from the source on a rebuild.
    copy_asset(KATEX_DIST / "fonts", target / "fonts", force=True)
    shown = fonts.characters_in(Path(app.outdir))
    # Browsers fetch the first source the stylesheet lists, WOFF2; the WOFF and TrueType
    # copies are for older browsers and stay whole.
    for face in sorted((target / "fonts").glob("*.woff2")):
        fonts.subset_face(face, shown)


def start_server(app):
    # One render server, started in the main process before Sphinx forks any worker, so that
    # the workers can share it (see _connect_to_parent_server).
    if app.builder.format == "html" and app.config.katex_prerender:
        from sphinxcontrib.katex import KaTeXServer

        KaTeXServer.get()


def connect_to_parent_server():
    # sphinxcontrib-katex keeps one Node.js render server per process.  A worker that Sphinx
    # forks for a parallel write would inherit the parent's socket and interleave its requests
    # with the parent's; a server of its own would outlive it (forked workers skip atexit) and
    # hold the build's output pipe open.  So each worker opens its own connection to the
    # parent's server, which serves every connection separately.
    from sphinxcontrib.katex import KaTeXServer

    parent = KaTeXServer.katex_server
    if parent is None:
        return
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(parent.rundir / "katex.sock"))
    except OSError:
        sock.close()
        KaTeXServer.katex_server = None  # start one of its own instead
        return
    KaTeXServer.katex_server = KaTeXServer(parent.rundir, parent.process, sock)


def _start_server_process(cls, rundir: Path, timeout: float):
    # Replaces KaTeXServer.start_server_process (sphinxcontrib-katex 0.9.11), which connects as
    # soon as the socket file exists: on a busy machine Node.js has bound the socket but is not
    # listening yet, the connection is refused, the build crashes and the orphaned server keeps
    # the build's output pipe open.  This one retries until the server accepts, and never
    # leaves the server behind when it gives up.
    from sphinxcontrib.katex import KaTeXError

    socket_path = rundir / "katex.sock"
    process = subprocess.Popen(cls.build_command(socket=socket_path), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, cwd=rundir)
    deadline = time.monotonic() + timeout
    while True:
        if socket_path.is_socket():
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.connect(str(socket_path))
                return process, sock
            except (ConnectionRefusedError, FileNotFoundError):
                sock.close()
        if process.poll() is not None:
            raise KaTeXError(f"the KaTeX server (Node.js) exited with code {process.returncode}")
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise cls.timeout_error(timeout)
        time.sleep(0.01)


def configure_renderer():
    import sphinxcontrib.katex as katex

    # A formula KaTeX cannot parse fails the build (by default KaTeX prints it in red).
    katex.KATEX_DEFAULT_OPTIONS["throwOnError"] = True
    # The defaults (5 s) are too short for a 2-core machine running a parallel build.
    katex.STARTUP_TIMEOUT = katex.RENDER_TIMEOUT = 60.0
    katex.KaTeXServer.start_server_process = classmethod(_start_server_process)
