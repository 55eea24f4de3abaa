"""The inputs :func:`dlref.check` tries a reader's function on: fixed, so a verdict is reproducible.

Each family gets its own battery, ordered from the ordinary to the hard: a batch first (so
that a sum over the batch shows as the batch size, not as the number of outputs), then a
single sample, float32 next to float64, and last the inputs where textbook formulas break:
zeros and the kink at 0, magnitudes of 1000, probabilities of exactly 0 and 1, gradients
far below and far above epsilon.

The random-looking values come from one seeded generator per battery and are rounded, so
they print short and are the same on every platform and numpy release (``default_rng`` and
``Generator.normal`` are stable across releases, and rounding removes the last-bit
differences between platforms' ``exp`` and ``log``).  Hypothesis explores the space around
these inputs in dlref's tests, not here: a verdict must not change from one call to the next.

This module imports numpy only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Steps per run of an optimizer: enough for momentum and Adam's bias correction to matter.
STEPS = 5


@dataclass(frozen=True)
class Case:
    """One input of a battery: the arrays the function is called with, by argument name.

    For an optimizer, ``arrays`` holds the starting point ``w`` and ``gradients``, one
    gradient per step (first axis).
    """

    arrays: dict[str, np.ndarray]

    @property
    def is_batch(self) -> bool:
        """Whether the input is a batch: an argument of 2-D or more (y_pred for class ids)."""
        return any(array.ndim >= 2 for array in self.arrays.values())


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _both_dtypes(*arrays: np.ndarray) -> list[tuple[np.ndarray, ...]]:
    """Return the arrays in float64, then the same values in float32."""
    return [arrays, tuple(a.astype(np.float32) for a in arrays)]


def _softmax_rows(z: np.ndarray) -> np.ndarray:
    """Short probability rows that sum to 1, so that Keras' normalisation changes nothing."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    p = np.round(e / e.sum(axis=-1, keepdims=True), 4)
    p[..., -1] = np.round(1.0 - p[..., :-1].sum(axis=-1), 4)
    return p


# ----------------------------------------------------------------------------------------
# Activations and their derivatives.


def elementwise() -> tuple[Case, ...]:
    """Return inputs of an elementwise activation or derivative: any shape, any real value."""
    rng = _rng(2401)
    batch = np.round(rng.normal(0.0, 2.0, (4, 5)), 3)
    batch[0, 0] = batch[2, 3] = 0.0  # the kink, inside a batch
    single = np.linspace(-3.0, 3.0, 13)  # contains 0.0 exactly
    deep = np.round(rng.normal(0.0, 2.0, (2, 3, 2)), 3)
    small = np.array([-1e-8, -0.0, 0.0, 1e-8])
    large = np.array([-1000.0, -100.0, -20.0, 20.0, 100.0, 1000.0])
    cases = [*_both_dtypes(batch), *_both_dtypes(single), (deep,), (small,), *_both_dtypes(large)]
    return tuple(Case({"x": x}) for (x,) in cases)


def softmax() -> tuple[Case, ...]:
    """Scores for softmax: rows of a batch, one sample, equal scores, and scores of 1000."""
    rng = _rng(2402)
    batch = np.round(rng.normal(0.0, 2.0, (4, 3)), 3)
    single = np.array([1.0, 2.0, 3.0, 0.0])
    equal = np.array([[0.0, 0.0, 0.0], [5.0, 5.0, 5.0]])
    large = np.array([[1000.0, 0.0, -1000.0], [-1000.0, -1000.0, -999.0], [1000.0, 999.0, 998.0]])
    cases = [*_both_dtypes(batch), *_both_dtypes(single), (equal,), *_both_dtypes(large)]
    return tuple(Case({"x": x}) for (x,) in cases)


def softmax_jacobian() -> tuple[Case, ...]:
    """Scores for softmax's Jacobian: single samples first, then a batch."""
    rng = _rng(2403)
    cases = [
        *_both_dtypes(np.array([1.0, 2.0, 3.0])),
        (np.array([0.0, 0.0]),),
        (np.array([1000.0, 0.0, -1000.0]),),
        (np.round(rng.normal(0.0, 2.0, (2, 3)), 3),),
    ]
    return tuple(Case({"x": x}) for (x,) in cases)


# ----------------------------------------------------------------------------------------
# Losses: (y_true, y_pred) in the label format each loss takes.


def _pairs(cases: list[tuple[np.ndarray, np.ndarray]]) -> tuple[Case, ...]:
    return tuple(Case({"y_true": t, "y_pred": p}) for t, p in cases)


def regression() -> tuple[Case, ...]:
    """Targets and predictions for mean squared / absolute error."""
    rng = _rng(2404)
    true = np.round(rng.normal(0.0, 1.0, (4, 3)), 3)
    pred = np.round(true + rng.normal(0.0, 0.5, (4, 3)), 3)
    one_output = (np.array([[1.0], [2.0], [-1.0], [0.5], [0.0]]),
                  np.array([[1.5], [1.0], [-1.0], [2.0], [0.25]]))
    single = (np.array([0.5, -1.0, 2.0]), np.array([1.0, -1.0, 0.0]))
    exact = (np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[0.0, 1.0], [0.0, 0.0]]))
    large = (np.array([[1000.0, -1000.0], [0.0, 1000.0]]),
             np.array([[-1000.0, 1000.0], [1000.0, 999.0]]))
    return _pairs([*_both_dtypes(true, pred), one_output, single, exact, *_both_dtypes(*large)])


def binary(from_logits: bool) -> tuple[Case, ...]:
    """Yes/no labels with probabilities (exactly 0 and 1 among them) or logits (up to 1000)."""
    rng = _rng(2405)
    labels = np.array([[0.0], [1.0], [1.0], [0.0]])
    multilabel = rng.integers(0, 2, (4, 3)).astype(np.float64)
    single_label = np.array([1.0, 0.0, 1.0])
    if from_logits:
        scores = np.array([[-2.0], [1.5], [0.0], [3.0]])
        multi = np.round(rng.normal(0.0, 3.0, (4, 3)), 3)
        single = np.array([2.0, -0.5, 0.25])
        extreme = (np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
                   np.array([[1000.0, -1000.0], [1000.0, -1000.0], [-1000.0, 1000.0]]))
    else:
        scores = np.array([[0.1], [0.8], [0.4], [0.3]])
        multi = np.round(rng.uniform(0.05, 0.95, (4, 3)), 3)
        single = np.array([0.9, 0.2, 0.6])
        # Confidently right (1 for 1, 0 for 0) and confidently wrong (0 for 1, 1 for 0).
        extreme = (np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]]),
                   np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.5, 1.0]]))
    return _pairs([(labels, scores), *_both_dtypes(multilabel, multi), (single_label, single),
                   *_both_dtypes(*extreme)])


def _class_scores(from_logits: bool, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """Scores of a batch of 4 over 3 classes, one sample, and the extreme rows."""
    logits = np.round(rng.normal(0.0, 2.0, (4, 3)), 3)
    if from_logits:
        return (logits, np.array([0.5, 2.0, -1.0]),
                np.array([[1000.0, 0.0, -1000.0], [1000.0, 0.0, -1000.0], [-1000.0, 0.0, 1000.0]]))
    # Probability rows as a softmax output gives them, and rows with exact 0 and 1.
    return (_softmax_rows(logits), np.array([0.2, 0.7, 0.1]),
            np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.5, 0.5, 0.0]]))


def categorical(from_logits: bool) -> tuple[Case, ...]:
    """One-hot labels over 3 classes against probabilities or logits."""
    batch, single, extreme = _class_scores(from_logits, _rng(2406))
    one_hot = np.eye(3)[[0, 2, 1, 2]]
    extreme_labels = np.eye(3)[[0, 1, 2]]  # row 0 right, rows 1 and 2 sure and wrong
    return _pairs([*_both_dtypes(one_hot, batch), (np.array([0.0, 1.0, 0.0]), single),
                   *_both_dtypes(extreme_labels, extreme)])


def sparse(from_logits: bool) -> tuple[Case, ...]:
    """Integer class ids (int64, as Keras takes them) against probabilities or logits."""
    batch, single, extreme = _class_scores(from_logits, _rng(2406))
    ids = np.array([0, 2, 1, 2])
    cases = [(ids, batch), (ids, batch.astype(np.float32)), (np.array([1]), single[None, :]),
             (np.array([0, 1, 2]), extreme), (np.array([0, 1, 2]), extreme.astype(np.float32))]
    return _pairs(cases)


# ----------------------------------------------------------------------------------------
# Optimizers: a starting point and one gradient per step.


def optimizer() -> tuple[Case, ...]:
    """Return runs of :data:`STEPS` steps: ordinary gradients, zeros, 1000s and 1e-8s."""
    rng = _rng(2407)

    def run(w: np.ndarray, gradients: np.ndarray) -> Case:
        return Case({"w": w, "gradients": gradients.astype(w.dtype)})

    vector = np.array([1.0, -2.0, 0.5])
    matrix = np.round(rng.normal(0.0, 1.0, (2, 3)), 3)
    zeros_first = np.array([[0.0, 0.0], [0.0, 0.0], [1.0, -1.0], [0.0, 0.0], [0.5, 0.5]])
    large = np.array([[1000.0, -1000.0], [-1000.0, 1000.0], [1000.0, 1000.0],
                      [-1000.0, -1000.0], [1000.0, -1000.0]])
    return (
        run(vector, np.round(rng.normal(0.0, 1.0, (STEPS, 3)), 3)),
        run(matrix.astype(np.float32), np.round(rng.normal(0.0, 1.0, (STEPS, 2, 3)), 3)),
        run(np.array([3.0]), np.array([[2.0], [1.5], [-1.0], [0.5], [0.0]])),
        run(np.array([1.0, -1.0]), zeros_first),
        run(np.array([0.5, -0.5]), large),
        run(np.array([0.5, -0.5], dtype=np.float32), large),
        run(np.array([0.5, -0.25, 0.0]), np.round(rng.normal(0.0, 1.0, (STEPS, 3)), 3) * 1e-8),
    )
