"""Keras on whichever backend the test run uses: values and gradients for the parity tests.

The Keras-parity tests run on every backend of the regression matrix (``make regress
BACKEND=jax``). Keras 3 has no backend-neutral way to differentiate a function of an array,
so :func:`value_and_grad` calls each backend's own autodiff. Imported as a plain module, like
``bad_input``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from types import ModuleType

import numpy as np


@contextlib.contextmanager
def inputs_precision(keras: ModuleType) -> Iterator[ModuleType]:
    """Keras computing in the dtype of its inputs, float64 included, on every backend.

    TensorFlow and PyTorch keep float64 inputs in float64; JAX computes in float32 unless its
    64-bit mode is on. The parity tests compare dlref with Keras at both precisions, so on
    JAX they turn the mode on for their module (and off again).
    """
    if keras.backend.backend() == "jax":
        import jax

        with jax.enable_x64(True):
            yield keras
    else:
        yield keras


def value_and_grad(keras: ModuleType, fn: Callable, x: np.ndarray) -> tuple[np.ndarray, ...]:
    """``fn(x)`` and the gradient of ``sum(fn(x))`` with respect to ``x``, as numpy arrays.

    For an element-wise ``fn`` the gradient is its derivative at each element; for a
    function that maps each row on its own it is the column sums of each row's Jacobian.
    """
    backend = keras.backend.backend()
    if backend == "tensorflow":
        import tensorflow as tf

        xt = tf.constant(x)
        with tf.GradientTape() as tape:
            tape.watch(xt)
            y = fn(xt)
        grad = tape.gradient(y, xt)
    elif backend == "jax":
        import jax

        y, pullback = jax.vjp(fn, jax.numpy.asarray(x))
        (grad,) = pullback(jax.numpy.ones_like(y))
    elif backend == "torch":
        import torch

        xt = torch.tensor(x, requires_grad=True)
        y = fn(xt)
        (grad,) = torch.autograd.grad(y.sum(), xt)
    else:
        raise ValueError(f"no autodiff for the Keras backend {backend!r}")
    return keras.ops.convert_to_numpy(y), keras.ops.convert_to_numpy(grad)


def row_jacobians(keras: ModuleType, fn: Callable, x: np.ndarray) -> np.ndarray:
    """Jacobian of ``fn`` for each row of ``x`` (n, k) -> (n, k, k), from the backend.

    ``fn`` maps each row on its own (softmax), so output unit ``i`` of every row depends only
    on that row and one gradient per unit gives row ``i`` of all the Jacobians.
    """
    rows = [value_and_grad(keras, lambda t, i=i: fn(t)[:, i], x)[1] for i in range(x.shape[1])]
    return np.stack(rows, axis=1)
