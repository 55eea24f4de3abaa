"""Lighthouse scores of the built site, served as the hosting serves it (gzip-compressed).

usage: python benchmarks/bench_lighthouse.py [SITE] [--json OUT]      (after `make site`)

Lighthouse 12 (the npm package pinned in benchmarks/package.json; `make bench` installs it
into benchmarks/node_modules) runs against Debian's Chromium with its default settings
(simulated mobile: slow 4G, 4x CPU slowdown) on the landing page, a concept page, a gallery
example, the glossary and a search results page, in both languages.  The site is served
from 127.0.0.1 by a small server that compresses text responses with gzip, as GitHub Pages
and Read the Docs do (Python's http.server sends everything uncompressed).  Every category
is printed per page, with the audits that cost points.

Each page is measured --runs times (default 3) and the median run by performance is reported,
as Lighthouse's documentation advises for its variability: on a busy two-core machine one page
scores anywhere from 82 to 95 from one run to the next.  Every run's performance is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = ("index.html", "concepts/dropout.html", "auto_examples/training/plot_dropout.html",
         "glossary.html", "search.html?q=relu")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".map"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzip-compressed when the client accepts it (as hosts do)."""

    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path):
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_lighthouse(url: str, report: Path) -> dict:
    cmd = [str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
           "--disable-background-networking --disable-component-update --disable-sync",
           "--output=json", f"--output-path={report}", "--quiet",
           f"--only-categories={','.join(CATEGORIES)}"]
    subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=300)
    return json.loads(report.read_text(encoding="utf-8"))


def lost_points(result: dict) -> list[str]:
    """The weighted audits of each category that did not score full marks."""
    lost = []
    for key, category in result["categories"].items():
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                lost.append(f"{key}: {ref['id']} {audit['score']:.2f} {value}".rstrip())
    return lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "docs" / "_build" / "html")
    parser.add_argument("--json", type=Path, default=None, help="write every score here")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (the median counts)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} not found: run `make bench` (npm ci --prefix benchmarks)")
        return 1
    if not (args.site / "index.html").is_file():
        print(f"no built site at {args.site}: run `make site` first")
        return 1
    scores = {}
    with serve(args.site) as base, tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "ko"):
            for page in PAGES:
                name = f"{lang}/{page}"
                results = sorted(
                    (run_lighthouse(base + name, Path(tmp) / "report.json")
                     for _ in range(max(1, args.runs))),
                    key=lambda r: r["categories"]["performance"]["score"])
                result = results[len(results) // 2]  # the median run by performance
                scores[name] = {key: round(result["categories"][key]["score"] * 100)
                                for key in CATEGORIES}
                row = "  ".join(f"{key} {scores[name][key]:3d}" for key in CATEGORIES)
                runs = ", ".join(str(round(r["categories"]["performance"]["score"] * 100))
                                 for r in results)
                print(f"{name:<48} {row}  (performance of each run: {runs})")
                for line in lost_points(result):
                    print(f"    {line}")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
