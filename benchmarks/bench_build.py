"""Clean build of both languages, then a no-op rebuild: seconds and examples executed.

usage: python benchmarks/bench_build.py [--out DIR]

The clean build removes the gallery cache (docs/auto_examples) and the output folder
first, so it measures what a fresh clone pays.  The no-op rebuild runs straight after.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def load_build_site():
    spec = importlib.util.spec_from_file_location("build_site", DOCS / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def executed(log: str) -> str:
    match = re.search(r"successfully executed (\d+) out of (\d+)", log)
    return f"{match.group(1)} of {match.group(2)}" if match else "n/a"


def example_times(log: str) -> list[tuple[str, float]]:
    """sphinx-gallery's per-example computation times, as printed in the build log."""
    return [(name, float(sec)) for name, sec in
            re.findall(r"^\s+- \S*/(plot_\w+\.py):\s+([\d.]+) sec", log, flags=re.MULTILINE)]


def run(build_site, out: Path, label: str) -> dict:
    start = time.perf_counter()
    results = build_site.build(out, quiet=False, echo=False)
    total = time.perf_counter() - start
    parts = ", ".join(f"{lang} {r['seconds']:.1f} s (examples executed: {executed(r['log'])})"
                      for lang, r in results.items())
    print(f"{label:<16} {total:7.1f} s   {parts}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    build_site = load_build_site()
    out = args.out or Path(tempfile.mkdtemp(prefix="dlref-bench-")) / "html"
    shutil.rmtree(DOCS / "auto_examples", ignore_errors=True)
    shutil.rmtree(DOCS / "api" / "generated", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / (out.name + "-doctrees"), ignore_errors=True)
    print(f"building into {out}")
    clean = run(build_site, out, "clean build")
    run(build_site, out, "no-op rebuild")
    times = example_times(clean["en"]["log"])
    if times:
        print(f"gallery: {len(times)} examples, {sum(t for _, t in times):.1f} s in all")
        for name, seconds in sorted(times, key=lambda item: -item[1]):
            print(f"  {name:<36} {seconds:6.2f} s")


if __name__ == "__main__":
    sys.exit(main())
