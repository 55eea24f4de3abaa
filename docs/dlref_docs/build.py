"""Build the whole bilingual site: English at <out>/en, Korean at <out>/ko, a root index.html.

usage: python -m dlref_docs build [--out DIR] [--lang en ko] [--quick] [--quiet]
       (make site; make site LANG=ko; make site-quick)

The English build executes the gallery (sphinx-gallery keeps an md5 cache in
docs/auto_examples); the Korean build runs afterwards on the same sources and reuses
those outputs, so no example is executed twice.  Both builds run with ``-W --keep-going``.
On any failure the root index.html is removed and BUILD_FAILED.txt is written, so a
half-built site never looks like a finished one.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .core import languages

DOCS = Path(__file__).resolve().parents[1]
DEFAULT_OUT = DOCS / "_build" / "html"
LANGUAGES = languages.codes(DOCS / "locale")


def site_url() -> str:
    """Where the site is served, ending in "/": ``DLREF_BASE_URL`` (the GitHub workflow sets its
    Pages address), else the address ``make serve`` uses."""
    return (os.environ.get("DLREF_BASE_URL") or "http://127.0.0.1:8000/").rstrip("/") + "/"


def write_root_files(out: Path, langs: tuple[str, ...]) -> None:
    """The site root's ``sitemap.xml`` (an index of each language's sitemap) and
    ``robots.txt`` (which names it), for search engines."""
    base = site_url()
    maps = "".join(f"<sitemap><loc>{base}{lang}/sitemap.xml</loc></sitemap>"
                   for lang in langs if (out / lang / "sitemap.xml").is_file())
    (out / "sitemap.xml").write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<sitemapindex "
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>\n',
        encoding="utf-8")
    (out / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n",
                                    encoding="utf-8")


def jobs() -> int:
    """Processes for Sphinx's -j, which sphinx-gallery's ``parallel`` also follows."""
    return max(1, int(os.environ.get("DLREF_BUILD_JOBS", os.cpu_count() or 1)))


def sphinx_command(lang: str, out: Path, doctrees: Path, quiet: bool,
                   docs: Path = DOCS, quick: bool = False) -> list[str]:
    # -N: no colours, even where CI=true makes Sphinx colour its output and garbles the log.
    # -j: read and write pages, and run the gallery's examples, in that many processes.
    cmd = [sys.executable, "-m", "sphinx", "-N", "-j", str(jobs()), "-b", "html", "-W",
           "--keep-going",
           "-d", str(doctrees / lang), "-D", f"language={lang}", str(docs), str(out / lang)]
    if quick:
        # A writer's preview: the examples are not run (their pages show what the last full
        # build left, or no output), so missing figures are warnings, not failures.
        cmd.remove("-W")
        cmd[-2:-2] = ["-D", "plot_gallery=0"]
    if quiet:
        cmd.insert(3, "-q")
    return cmd


def run_logged(cmd: list[str], env: dict[str, str], echo: bool,
               cwd: Path = DOCS) -> tuple[int, str]:
    """Run ``cmd``, echoing its output live when ``echo``; return (exit code, full output)."""
    lines: list[str] = []
    with subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, encoding="utf-8") as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if echo:
                print(line, end="", flush=True)
    return proc.returncode, "".join(lines)


def remove_stale_stubs(generated: Path) -> list[Path]:
    """Delete autosummary stubs of objects that no longer exist, and return them.

    autosummary writes a stub per documented object but never removes one, so after an
    object is removed or renamed its old stub fails a ``-W`` build in every existing
    checkout (a fresh clone has none).  dlref's modules import numpy only, so resolving
    each stub's dotted name is cheap.
    """
    stale = []
    for stub in sorted(generated.glob("dlref.*.rst")):
        if not _resolves(stub.stem):
            stub.unlink()
            stale.append(stub)
    return stale


def _resolves(dotted: str) -> bool:
    """Whether ``dotted`` names an importable module or an attribute path inside one."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            if not hasattr(obj, name):
                return False
            obj = getattr(obj, name)
        return True
    return False


def build(out: Path, langs: tuple[str, ...] = LANGUAGES, quiet: bool = False,
          echo: bool = True, docs: Path = DOCS, quick: bool = False) -> dict[str, dict]:
    """Build each language into ``out/<lang>`` from the Sphinx project in ``docs``.

    ``quick`` runs no example and lets warnings pass (``make site-quick``, a preview).

    Returns ``{lang: {"seconds": float, "log": str}}``; raises ``SystemExit`` on failure.
    """
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    doctrees = out.parent / (out.name + "-doctrees")
    root_index = out / "index.html"
    failed_marker = out / "BUILD_FAILED.txt"
    root_index.unlink(missing_ok=True)
    failed_marker.unlink(missing_ok=True)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="agg", PYTHONHASHSEED="0")
    remove_stale_stubs(docs / "api" / "generated")
    if jobs() > 1:
        # Examples run side by side, one per core: one thread each for TensorFlow and BLAS,
        # instead of every process starting a thread per core and all of them competing.
        for name in ("TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS", "OMP_NUM_THREADS"):
            env.setdefault(name, "1")
    results: dict[str, dict] = {}
    for lang in langs:
        cmd = sphinx_command(lang, out, doctrees, quiet, docs, quick)
        print(f"[build_site] {lang}: {' '.join(cmd[1:])}", flush=True)
        start = time.perf_counter()
        returncode, log = run_logged(cmd, env, echo, cwd=docs)
        results[lang] = {"seconds": time.perf_counter() - start, "log": log}
        if returncode != 0:
            if not echo:
                print(log[-20000:], file=sys.stderr)
            failed_marker.write_text(
                f"The {lang} build failed (sphinx-build exit code {returncode}).\n"
                f"Command: {' '.join(cmd)}\nSee the messages above it for the file at fault.\n",
                encoding="utf-8",
            )
            # Sphinx and sphinx-gallery name the page or example at fault themselves.
            raise SystemExit(
                f"[build_site] FAILED: the {lang!r} site did not build (exit code "
                f"{returncode}); the sphinx-build messages above name the file at fault. "
                f"Nothing was published at {out}."
            )
    shutil.copyfile(DOCS / "_root" / "index.html", root_index)
    shutil.copyfile(DOCS / "_root" / "404.html", out / "404.html")
    shutil.copyfile(DOCS / "_static" / "favicon.svg", out / "favicon.svg")
    write_root_files(out, LANGUAGES)
    (out / ".nojekyll").touch()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--quiet", action="store_true", help="pass -q to sphinx-build")
    parser.add_argument("--quick", action="store_true",
                        help="a preview: run no example, report warnings without failing")
    args = parser.parse_args(argv)
    results = build(args.out, tuple(args.lang), quiet=args.quiet, quick=args.quick)
    for lang, result in results.items():
        print(f"[build_site] {lang}: built in {result['seconds']:.1f} s -> "
              f"{args.out.resolve() / lang}")
    note = " (quick preview: examples not run)" if args.quick else ""
    print(f"[build_site] site ready{note}: {args.out.resolve() / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
