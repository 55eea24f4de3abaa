"""Clean build of both languages, then a no-op rebuild: seconds and examples executed.

usage: python benchmarks/bench_build.py [--out DIR] [--twice] [--serial]

The clean build removes the gallery cache (docs/auto_examples) and the output folder
first, so it measures what a fresh clone pays.  The no-op rebuild runs straight after.
The ratio compares the clean build's wall time with the examples' own run times summed
(sphinx-gallery's per-example times from the same build).  The build runs as many
processes as there are cores, and so do the examples: two examples side by side share the
cores, so each one's time is longer than it would be alone and their sum is not the
gallery's serial run time.

--serial builds with one process (DLREF_BUILD_JOBS=1), so the examples run one after
another with every core available to each, as in a serial sphinx-gallery build: their
summed times are the gallery's serial run time, the figure the gallery's budget is set in.

--twice runs a second clean build and compares what the examples produced in both (their
pages with captured output, figures, notebooks; run times and zip archives left out): two
clean builds must give identical example output.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def load_build_site():
    from dlref_docs import build

    return build


def executed(log: str) -> str:
    match = re.search(r"successfully executed (\d+) out of (\d+)", log)
    return f"{match.group(1)} of {match.group(2)}" if match else "n/a"


def example_times(log: str) -> list[tuple[str, float]]:
    """sphinx-gallery's per-example computation times, as printed in the build log."""
    return [(name, float(sec)) for name, sec in
            re.findall(r"^\s+- \S*/(plot_\w+\.py):\s+([\d.]+) sec", log, flags=re.MULTILINE)]


# Run times in the generated example pages: the page's total, and the fit times that some
# examples print ("1.448s").  Two figures plot measured fit times, so they change with them.
TIMING_LINE = re.compile(r"running time of the script|\d+ minutes [\d.]+ seconds", re.I)
TIMING_VALUE = re.compile(rb"\d+\.\d+ ?s\b")
PLOTS_TIMINGS = ("sphx_glr_plot_tabular_ml_vs_dl_001.png",
                 "sphx_glr_plot_tabular_ml_vs_dl_thumb.png",
                 "sphx_glr_plot_tabular_ml_vs_dl_001.ko.png",
                 "sphx_glr_plot_tabular_ml_vs_dl_thumb.ko.png")
# Run times; archives with file dates; and the pickled figures the gallery scraper keeps to redraw
# Korean variants (a cache: pickle bytes follow object identities, not what a reader sees).
NOT_OUTPUT = (".cost.json", ".zip", ".pickle") + PLOTS_TIMINGS


def example_outputs() -> dict[str, str]:
    """sha256 of every file sphinx-gallery wrote to docs/auto_examples, timings removed."""
    digests = {}
    root = DOCS / "auto_examples"
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.endswith(NOT_OUTPUT):
            continue
        data = path.read_bytes()
        if path.suffix == ".rst":
            data = b"\n".join(TIMING_VALUE.sub(b"<time>", line) for line in data.splitlines()
                              if not TIMING_LINE.search(line.decode("utf-8", "replace")))
        digests[path.relative_to(root).as_posix()] = hashlib.sha256(data).hexdigest()
    return digests


def clean(out: Path) -> None:
    shutil.rmtree(DOCS / "auto_examples", ignore_errors=True)
    shutil.rmtree(DOCS / "api" / "generated", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / (out.name + "-doctrees"), ignore_errors=True)


def run(build_site, out: Path, label: str) -> dict:
    start = time.perf_counter()
    results = build_site.build(out, quiet=False, echo=False)
    total = time.perf_counter() - start
    parts = ", ".join(f"{lang} {r['seconds']:.1f} s (examples executed: {executed(r['log'])})"
                      for lang, r in results.items())
    print(f"{label:<16} {total:7.1f} s   {parts}")
    results["total"] = total
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--twice", action="store_true",
                        help="a second clean build, and compare the examples' output")
    parser.add_argument("--serial", action="store_true",
                        help="one build process, so the examples run one at a time")
    args = parser.parse_args()
    if args.serial:
        os.environ["DLREF_BUILD_JOBS"] = "1"
    build_site = load_build_site()
    out = args.out or Path(tempfile.mkdtemp(prefix="dlref-bench-")) / "html"
    clean(out)
    print(f"building into {out}")
    first = run(build_site, out, "clean build")
    run(build_site, out, "no-op rebuild")
    times = example_times(first["en"]["log"])
    if times:
        summed = sum(t for _, t in times)
        processes = build_site.jobs()
        how = ("serial run time, one example at a time" if processes == 1 else
               f"{processes} examples at a time sharing the cores; --serial gives the serial time")
        print(f"gallery: {len(times)} examples, {summed:.1f} s in all ({how})")
        for name, seconds in sorted(times, key=lambda item: -item[1]):
            print(f"  {name:<36} {seconds:6.2f} s")
        print(f"ratio: clean build {first['total']:.1f} s / examples {summed:.1f} s "
              f"= {first['total'] / summed:.2f}")
    if args.twice:
        outputs = example_outputs()
        clean(out)
        second = run(build_site, out, "clean build 2")
        again = example_outputs()
        differ = sorted(name for name in outputs.keys() | again.keys()
                        if outputs.get(name) != again.get(name))
        print(f"determinism: {len(outputs)} example output files compared, "
              f"{len(differ)} differ{': ' + ', '.join(differ) if differ else ''}")
        times2 = example_times(second["en"]["log"])
        if times2:
            summed2 = sum(t for _, t in times2)
            print(f"ratio (second clean build): {second['total']:.1f} s / {summed2:.1f} s "
                  f"= {second['total'] / summed2:.2f}")


if __name__ == "__main__":
    sys.exit(main())
