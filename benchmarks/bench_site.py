"""A clean `make site` against the examples run one after another: the build's overhead.

usage: python benchmarks/bench_site.py [--out DIR] [--runs N]

1. **Examples, serially**: every gallery script runs in one Python process, one after
   another in the gallery's order, with one thread each for TensorFlow and BLAS
   (TF_NUM_INTRAOP_THREADS = TF_NUM_INTEROP_THREADS = OMP_NUM_THREADS = 1), figures drawn and
   closed, nothing saved: what the examples alone cost on this machine.
2. **Clean build**: the gallery cache (docs/auto_examples) and the output are removed, then
   both languages are built as `make site` builds them (`python -m dlref_docs build`).
3. **Ratio**: build wall time / serial examples time.  The target (issue #26) is at most 0.9:
   on two cores the build must win back in parallelism what Sphinx, KaTeX, the Korean figures
   and the second language cost.

With --runs N both measurements are repeated N times, alternating, and every ratio printed.
With --pinned the serial run is repeated pinned to one core (taskset): TensorFlow hands work
between its own threads even with one thread per pool, so the unpinned serial run takes part
of the second core; pinned, it shows what the examples cost on one core.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
ONE_THREAD = {"TF_NUM_INTRAOP_THREADS": "1", "TF_NUM_INTEROP_THREADS": "1",
              "OMP_NUM_THREADS": "1", "MPLBACKEND": "agg", "TF_CPP_MIN_LOG_LEVEL": "3",
              "DLREF_LANG": "en", "PYTHONHASHSEED": "0"}

# Runs in the child process: every example in the gallery's order, timed one by one.
SERIAL = r"""
import os, runpy, sys, time
import matplotlib
matplotlib.use("agg")
import matplotlib.pyplot as plt
scripts = sys.argv[1:]
total = time.perf_counter()
for script in scripts:
    start = time.perf_counter()
    os.chdir(os.path.dirname(script))
    runpy.run_path(script, run_name="__main__")
    plt.close("all")
    print(f"{time.perf_counter() - start:8.2f} s  {os.path.basename(script)}", flush=True)
print(f"TOTAL {time.perf_counter() - total:.2f}", flush=True)
"""


def gallery_scripts() -> list[Path]:
    """The examples in the order the site's gallery runs them (conf.py's section order)."""
    sections = ("activations", "training", "losses", "optimizers", "models")
    return [script for section in sections
            for script in sorted((ROOT / "gallery" / section).glob("plot_*.py"))]


def serial_examples(pinned: bool = False) -> tuple[float, list[str]]:
    env = {**os.environ, **ONE_THREAD}
    env.pop("KERAS_BACKEND", None)
    pin = ["taskset", "-c", "0"] if pinned else []
    result = subprocess.run([*pin, sys.executable, "-c", SERIAL, *map(str, gallery_scripts())],
                            env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    lines = result.stdout.splitlines()
    total = float(next(line for line in lines if line.startswith("TOTAL")).split()[1])
    return total, [line for line in lines if line.endswith(".py")]


def clean_build(out: Path) -> tuple[float, dict]:
    from dlref_docs import build

    shutil.rmtree(DOCS / "auto_examples", ignore_errors=True)
    shutil.rmtree(DOCS / "api" / "generated", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / (out.name + "-doctrees"), ignore_errors=True)
    start = time.perf_counter()
    results = build.build(out, quiet=False, echo=False)
    return time.perf_counter() - start, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pinned", action="store_true",
                        help="also time the serial run pinned to one core")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="dlref-bench-site-")) / "html"
    print(f"{os.cpu_count()} cores; building into {out}")
    for run in range(1, args.runs + 1):
        serial, per_example = serial_examples()
        if run == 1:
            print("examples, serially (one process, one thread each):")
            print("\n".join(f"  {line}" for line in sorted(per_example, reverse=True)))
        wall, results = clean_build(out)
        parts = ", ".join(f"{lang} {r['seconds']:.1f} s" for lang, r in results.items()
                          if isinstance(r, dict))
        print(f"run {run}: examples serially {serial:.1f} s; clean build {wall:.1f} s "
              f"({parts}); ratio {wall / serial:.2f}")
        if args.pinned:
            pinned, _ = serial_examples(pinned=True)
            print(f"run {run}: examples serially on one core (taskset -c 0) {pinned:.1f} s; "
                  f"ratio {wall / pinned:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
