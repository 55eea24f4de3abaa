"""Import time of dlref next to TensorFlow, each in fresh processes (median of 5).

usage: python benchmarks/bench_import.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys

RUNS = 5
PROBE = (
    "import time, sys\n"
    "t = time.perf_counter()\n"
    "import {module}\n"
    "print(time.perf_counter() - t, 'tensorflow' in sys.modules)\n"
)


def measure(module: str) -> tuple[float, bool]:
    times, tf_loaded = [], False
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", PROBE.format(module=module)],
                             capture_output=True, text=True, check=True,
                             env={"TF_CPP_MIN_LOG_LEVEL": "3", "PATH": "/usr/bin:/bin"})
        seconds, loaded = out.stdout.split()
        times.append(float(seconds))
        tf_loaded = tf_loaded or loaded == "True"
    return statistics.median(times), tf_loaded


def main() -> None:
    print(f"import time, median of {RUNS} fresh processes")
    for module in ("dlref", "dlref.activations", "tensorflow"):
        seconds, tf_loaded = measure(module)
        print(f"  import {module:<18} {seconds:8.4f} s   tensorflow in sys.modules: {tf_loaded}")


if __name__ == "__main__":
    main()
