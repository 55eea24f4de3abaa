"""Time model.fit of seed_model() and build_mlp() on the offline 8x8 digits.

Usage::

    python benchmarks/bench_fit.py [--epochs 30] [--batch-size 32] [--seed 0]

Prints, per model, the wall-clock time of ``fit`` (model building excluded) and the
test accuracy.  Target: each fit <= 10 s on 2 CPU cores.  These are the settings of
the accuracy test in ``tests/test_models.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # before TensorFlow is imported
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from dlref.datasets import load_digits_images  # noqa: E402
from dlref.models import build_mlp, seed_model  # noqa: E402

TARGET_SECONDS = 10.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    (x_train, y_train), (x_test, y_test) = load_digits_images()
    x_train, x_test = x_train / 255.0, x_test / 255.0
    print(f"digits: {len(x_train)} train / {len(x_test)} test images of 8x8; "
          f"epochs={args.epochs} batch_size={args.batch_size} seed={args.seed}; "
          f"{os.cpu_count()} CPU(s)")
    makers = {
        "seed_model(input_shape=(8, 8))": lambda: seed_model(input_shape=(8, 8), seed=args.seed),
        "build_mlp((8, 8))": lambda: build_mlp((8, 8), seed=args.seed),
    }
    slow = False
    for name, make in makers.items():
        model = make()
        start = time.perf_counter()
        model.fit(x_train, y_train, epochs=args.epochs, batch_size=args.batch_size, verbose=0)
        seconds = time.perf_counter() - start
        _, accuracy = model.evaluate(x_test, y_test, verbose=0)
        slow |= seconds > TARGET_SECONDS
        flag = "" if seconds <= TARGET_SECONDS else f"  (over the {TARGET_SECONDS:g} s target)"
        print(f"{name:32s} fit {seconds:6.2f} s   test accuracy {accuracy:.4f}{flag}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
