"""Time dlref.check for one activation, one loss and one optimizer step (median of 20 calls).

Each is timed with a right function (the whole battery runs, nothing to diagnose) and with a
wrong one (the battery, then the search for a known mistake on the first input that differs),
plus the first call in a fresh process, which includes importing dlref's numpy modules.

usage: python benchmarks/bench_check.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import numpy as np

import dlref

RUNS = 20
EPS = 1e-7


def relu(x):
    return np.maximum(x, 0)


def relu_derivative_one_at_zero(x):
    return (x >= 0).astype(float)


def bce(y_true, y_pred):
    p = np.clip(y_pred, EPS, 1 - EPS)
    return -np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p), axis=-1)


def bce_unclipped(y_true, y_pred):
    return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred), axis=-1)


def adam(w, g, state):
    m, v, t = state if state is not None else (np.zeros_like(w), np.zeros_like(w), 0)
    t, m, v = t + 1, 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
    rate = 0.001 * np.sqrt(1 - 0.999**t) / (1 - 0.9**t)
    return w - rate * m / (np.sqrt(v) + 1e-7), (m, v, t)


def adam_uncorrected(w, g, state):
    m, v = state if state is not None else (np.zeros_like(w), np.zeros_like(w))
    m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
    return w - 0.001 * m / (np.sqrt(v) + 1e-7), (m, v)


CASES = [
    ("activation", "relu", relu, "relu"),
    ("activation", "d_relu, wrong at the kink", relu_derivative_one_at_zero, "d_relu"),
    ("loss", "binary_crossentropy", bce, "binary_crossentropy"),
    ("loss", "binary_crossentropy, unclipped log", bce_unclipped, "binary_crossentropy"),
    ("optimizer", "adam", adam, "adam"),
    ("optimizer", "adam, no bias correction", adam_uncorrected, "adam"),
]


def median_ms(fn, name) -> tuple[float, dlref._check.CheckResult]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = dlref.check(fn, name)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times), result


def first_call_ms() -> float:
    code = ("import time, numpy as np\nt = time.perf_counter()\nimport dlref\n"
            "dlref.check(lambda x: np.maximum(x, 0), 'relu')\n"
            "print(1000 * (time.perf_counter() - t))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> None:
    print(f"dlref.check, median of {RUNS} calls")
    for family, label, fn, name in CASES:
        ms, result = median_ms(fn, name)
        verdict = "matches" if result else f"mistake={result.mistake}"
        print(f"  {family:<10} {label:<36} {ms:7.2f} ms  {result.n_inputs} inputs, {verdict}")
    print(f"  first call in a fresh process (imports included): {first_call_ms():7.1f} ms")


if __name__ == "__main__":
    main()
