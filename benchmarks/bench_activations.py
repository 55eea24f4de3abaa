"""Compute time of ReLU against sigmoid and tanh: per element, and inside a dense layer.

usage: python benchmarks/bench_activations.py

The ReLU page says ReLU is cheaper to compute than the sigmoid or tanh, because the function
and its derivative need only a comparison, no exponential.  This measures it, best of
several repeats, on one float32 array of 2**24 values:

* numpy: the plain formulas, ``np.maximum(x, 0)``, ``1 / (1 + np.exp(-x))`` and
  ``np.tanh(x)``, with their derivatives (what a straightforward implementation pays);
* TensorFlow: the Keras activations (forward), and forward plus the gradient with
  ``tf.GradientTape`` (what training pays);

and, for scale, a whole ``Dense(1024)`` layer on a batch of 1024 inputs with each activation
(forward and gradient), where the matrix product takes most of the time.  It prints the
times, each activation's time relative to ReLU's, and a verdict computed from them.
Timings depend on the machine; the ratios are the point.
"""

from __future__ import annotations

import os
import timeit

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np

NAMES = ("relu", "sigmoid", "tanh")
REPEATS, NUMBER = 7, 3


def best_ms(call) -> float:
    """The fastest of REPEATS rounds of NUMBER calls, in milliseconds per call."""
    call()  # warm up: first calls allocate and trace
    return min(timeit.repeat(call, repeat=REPEATS, number=NUMBER)) / NUMBER * 1e3


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


# The plain formulas, not dlref.activations: those also validate their input, which is not
# part of what the activation costs.
NUMPY = {
    "relu": (lambda x: np.maximum(x, 0.0), lambda x: (x > 0).astype(x.dtype)),
    "sigmoid": (sigmoid, lambda x: sigmoid(x) * (1.0 - sigmoid(x))),
    "tanh": (np.tanh, lambda x: 1.0 - np.tanh(x) ** 2),
}


def numpy_times(x: np.ndarray) -> dict[str, dict[str, float]]:
    return {name: {"forward": best_ms(lambda f=f: f(x)), "derivative": best_ms(lambda d=d: d(x))}
            for name, (f, d) in NUMPY.items()}


def tensorflow_times(x_np: np.ndarray) -> dict[str, dict[str, float]]:
    import keras
    import tensorflow as tf

    x = tf.constant(x_np)
    times = {}
    for name in NAMES:
        activation = keras.activations.get(name)

        def forward_and_gradient(activation=activation):
            with tf.GradientTape() as tape:
                tape.watch(x)
                total = tf.reduce_sum(activation(x))
            return tape.gradient(total, x)

        times[name] = {"forward": best_ms(lambda a=activation: a(x).numpy()),
                       "forward + gradient": best_ms(lambda f=forward_and_gradient: f().numpy())}
    return times


def dense_layer_times() -> dict[str, dict[str, float]]:
    import keras
    import tensorflow as tf

    x = tf.random.stateless_normal((1024, 1024), seed=(0, 0))
    times = {}
    for name in NAMES:
        layer = keras.layers.Dense(1024, activation=name)
        layer.build((None, 1024))

        def forward_and_gradient(layer=layer):
            with tf.GradientTape() as tape:
                total = tf.reduce_sum(layer(x))
            return tape.gradient(total, layer.trainable_variables)[0]

        times[name] = {"forward + gradient": best_ms(
            lambda f=forward_and_gradient: f().numpy())}
    return times


def report(title: str, times: dict[str, dict[str, float]]) -> bool:
    """Print one table; return whether ReLU is the fastest in every column."""
    columns = list(times["relu"])
    print(title)
    print(f"  {'':<8}" + "".join(f"{c:>28}" for c in columns))
    for name in NAMES:
        cells = "".join(f"{times[name][c]:10.2f} ms "
                        f"({times[name][c] / times['relu'][c]:4.1f}x ReLU)" for c in columns)
        print(f"  {name:<8}{cells}")
    return all(times["relu"][c] < times[other][c] for c in columns for other in NAMES[1:])


def main() -> None:
    x = np.random.default_rng(0).standard_normal(2**24).astype(np.float32)
    print(f"{x.size:,} float32 values; best of {REPEATS} rounds of {NUMBER} calls")
    plain = numpy_times(x)
    report("numpy, the plain formulas", plain)
    keras_fastest = report("TensorFlow, keras.activations", tensorflow_times(x))
    dense = dense_layer_times()
    report("TensorFlow, Dense(1024) on 1024 inputs (matrix product included)", dense)
    more = {name: dense[name]["forward + gradient"] / dense["relu"]["forward + gradient"] - 1
            for name in NAMES[1:]}
    ratio = {name: plain[name]["forward"] / plain["relu"]["forward"] for name in NAMES[1:]}
    print("verdict:")
    print(f"  numpy: sigmoid takes {ratio['sigmoid']:.1f}x and tanh {ratio['tanh']:.1f}x "
          "ReLU's time")
    print(f"  Keras: ReLU is the fastest of the three, forward and with its gradient: "
          f"{keras_fastest}")
    print(f"  in a whole Dense layer, sigmoid costs {more['sigmoid']:+.0%} and tanh "
          f"{more['tanh']:+.0%} against ReLU")

if __name__ == "__main__":
    main()
