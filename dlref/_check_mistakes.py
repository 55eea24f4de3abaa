"""The known mistakes :func:`dlref.check` recognises in a reader's function, and what to say.

When a function differs from dlref, :func:`diagnose` looks at the first input where it
differs and tries two kinds of evidence, the more specific first:

* a **known wrong version**: the function returns exactly what a known mistake computes on
  that input (softmax normalised over the whole batch, Adam without bias correction,
  RMSprop with epsilon outside the square root ...), written here from the textbooks and
  courses where readers meet them;
* a **pattern** in the returned values: NaN or inf only where an exponential of 1000 or a log
  of an exact 0 or 1 would give them, a constant ratio that is the batch size or the number
  of classes, a negative slope other than the reference's, a mismatch only at the kink
  ``x = 0``, steps that are a constant multiple of dlref's.

Each recognised mistake has a stable identifier (``CheckResult.mistake``), listed in
:data:`MISTAKES`, and a sentence in the reader's language (:func:`describe`).

This module imports numpy and dlref's numpy modules, never TensorFlow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import activations
from ._check_targets import Target, close

#: Every mistake :func:`dlref.check` can recognise, by identifier.
MISTAKES = (
    "no_return",
    "softmax_without_max",
    "softmax_keepdims",
    "softmax_whole_array",
    "overflow",
    "single_sample_only",
    "other_slope",
    "other_alpha",
    "gelu_approximation",
    "kink_value",
    "activation_not_derivative",
    "derivative_of_output",
    "unclipped_log",
    "logits_overflow",
    "other_epsilon",
    "float64_clipping",
    "not_reduced",
    "sum_over_batch",
    "sum_over_outputs",
    "sum_over_batch_and_outputs",
    "mean_over_classes",
    "swapped_arguments",
    "logits_as_probabilities",
    "root_mean_squared",
    "missing_epsilon",
    "dampened_momentum",
    "momentum_ignored",
    "nesterov_mismatch",
    "state_not_kept",
    "no_bias_correction",
    "textbook_adam_epsilon",
    "epsilon_outside_sqrt",
    "decay_swapped",
    "zero_initial_accumulator",
    "gradient_ascent",
    "other_learning_rate",
)


@dataclass(frozen=True)
class Mistake:
    """A recognised mistake: its identifier and the values its sentence names."""

    id: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Failure:
    """The first input on which a reader's function differs from dlref."""

    index: int  # which case of the battery (0-based)
    problem: str  # "values", "nonfinite", "shape", "raised", "none", "not_numeric", "not_pair"
    inputs: dict[str, np.ndarray]  # what the function was called with (optimizer: w and g)
    expected: np.ndarray | None = None
    got: np.ndarray | None = None  # the returned value as numbers, if it was numbers
    returned: Any = None  # what the function returned, as it returned it
    error: BaseException | None = None
    step: int | None = None  # optimizers: the step (1-based) that differs
    scalar: bool = False  # a loss returned one number, compared with dlref's batch mean
    mask: np.ndarray | None = None  # "values": which elements differ
    case_arrays: dict[str, np.ndarray] = field(default_factory=dict)  # the whole input

    tol: tuple[float, float] = (1e-6, 1e-9)  # the tolerance of the comparison


def _matches(got: np.ndarray | None, candidate: Callable[[], Any], tol: tuple[float, float]
             ) -> bool:
    """Whether ``got`` is what ``candidate()`` computes; a candidate that fails does not match."""
    if got is None:
        return False
    try:
        with np.errstate(all="ignore"):
            value = candidate()
    except (ArithmeticError, TypeError, ValueError):
        return False
    return close(got, value, tol)


def diagnose(target: Target, failure: Failure, passed: list[bool], batch: list[bool],
             stateful: bool = False) -> Mistake | None:
    """Return the known mistake that explains ``failure``, or None.

    ``passed`` and ``batch`` say, for every input of the battery, whether the function
    matched on it and whether it holds a batch; ``stateful``, whether an optimizer step
    takes a state.
    """
    if failure.problem == "none":
        return Mistake("no_return")
    if target.family == "optimizer":
        mistake = _optimizer(target, failure, stateful)
    else:
        family = {"activation": _activation, "derivative": _derivative,
                  "jacobian": _jacobian, "loss": _loss}[target.family]
        mistake = family(target, failure)
    if mistake is None and failure.problem in ("raised", "shape") and batch[failure.index]:
        singles = [ok for ok, is_batch in zip(passed, batch, strict=True) if not is_batch]
        batches = [ok for ok, is_batch in zip(passed, batch, strict=True) if is_batch]
        if singles and all(singles) and not any(batches):
            shape = failure.inputs[next(iter(failure.inputs))].shape
            mistake = Mistake("single_sample_only", {"shape": shape})
    return mistake


# ----------------------------------------------------------------------------------------
# Activations, derivatives and softmax's Jacobian.


def _bad_large(failure: Failure, threshold: float = 20.0) -> bool:
    """NaN or inf returned where dlref is finite, and only on rows holding large inputs."""
    if failure.problem != "nonfinite" or failure.got is None:
        return False
    x = failure.inputs["x"]
    bad = ~np.isfinite(failure.got)
    if x.shape != bad.shape:
        rows = np.any(np.abs(x) >= threshold, axis=-1)
        return bool(np.all(rows[np.any(bad.reshape(*x.shape[:-1], -1), axis=-1)]))
    return bool(np.all(np.abs(x[bad]) >= threshold))


def _activation(target: Target, failure: Failure) -> Mistake | None:
    x, got, tol = failure.inputs.get("x"), failure.got, failure.tol
    if target.name == "softmax":
        if _bad_large(failure):
            return Mistake("softmax_without_max")
        if failure.problem == "raised" and "broadcast" in str(failure.error):
            return Mistake("softmax_keepdims")
        if failure.problem == "values" and _matches(got, lambda: _softmax_all(x), tol):
            return Mistake("softmax_whole_array")
        return None
    if _bad_large(failure):
        return Mistake("overflow", {"name": target.name})
    if failure.problem != "values":
        return None
    if target.name == "gelu":
        approximate = bool(target.kwargs.get("approximate", False))
        if _matches(got, lambda: activations.gelu(x, approximate=not approximate), tol):
            return Mistake("gelu_approximation", {"approximate": not approximate})
    if target.name == "leaky_relu":
        return _other_slope(target, failure, lambda x: x)
    if target.name == "elu":
        return _other_alpha(target, failure, np.expm1)
    return None


def _softmax_all(x: np.ndarray) -> np.ndarray:
    # The mistake: one normalisation over every element of the batch, not one per row.
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


def _negative_constant(failure: Failure, scale: Callable[[np.ndarray], np.ndarray]
                       ) -> float | None:
    """Return the constant ``got / scale(x)`` over the negative inputs, or None."""
    x, got = failure.inputs["x"], failure.got
    if got is None or got.shape != x.shape:
        return None
    negative = (x < -1e-3) & (x > -30)  # away from 0 and from where exp(x) underflows
    if not np.any(negative):
        return None
    ratios = got[negative].astype(np.float64) / scale(x[negative].astype(np.float64))
    if not np.allclose(ratios, ratios[0], rtol=1e-4, atol=1e-9):
        return None
    positive = x > 0
    expected = failure.expected
    if expected is not None and not close(got[positive], expected[positive], failure.tol):
        return None
    return float(ratios[0])


def _other_slope(target: Target, failure: Failure, scale: Callable) -> Mistake | None:
    slope = _negative_constant(failure, scale)
    if slope is None:
        return None
    expected = float(target.kwargs.get("negative_slope", 0.2))
    return Mistake("other_slope", {"slope": round(slope, 6), "expected": expected})


def _other_alpha(target: Target, failure: Failure, scale: Callable) -> Mistake | None:
    alpha = _negative_constant(failure, scale)
    if alpha is None:
        return None
    expected = float(target.kwargs.get("alpha", 1.0))
    return Mistake("other_alpha", {"alpha": round(alpha, 6), "expected": expected})


def _derivative(target: Target, failure: Failure) -> Mistake | None:
    x, got, tol = failure.inputs.get("x"), failure.got, failure.tol
    if _bad_large(failure):
        return Mistake("overflow", {"name": target.name})
    if failure.problem != "values":
        return None
    kwargs = target.kwargs
    function = activations.get(target.base)
    if _matches(got, lambda: function(x, **kwargs), tol):
        return Mistake("activation_not_derivative", {"name": target.base})
    in_output = {"sigmoid": lambda: x * (1 - x), "tanh": lambda: 1 - x * x}.get(target.base)
    if in_output is not None and _matches(got, in_output, tol):
        return Mistake("derivative_of_output", {"name": target.base})
    if target.base == "gelu":
        approximate = bool(kwargs.get("approximate", False))
        flipped = lambda: activations.derivative("gelu", x, approximate=not approximate)  # noqa: E731
        if _matches(got, flipped, tol):
            return Mistake("gelu_approximation", {"approximate": not approximate})
    if target.base == "leaky_relu" and (mistake := _other_slope(target, failure, np.ones_like)):
        return mistake
    if target.base == "elu" and (mistake := _other_alpha(target, failure, np.exp)):
        return mistake
    differs = failure.mask
    if differs is not None and np.any(differs) and np.all(x[differs] == 0):
        at = tuple(int(i) for i in np.argwhere(differs)[0])
        return Mistake("kink_value", {"got": float(got[at]), "expected":
                                      float(failure.expected[at]), "name": target.base})
    return None


def _jacobian(target: Target, failure: Failure) -> Mistake | None:
    if _bad_large(failure):
        return Mistake("softmax_without_max")
    return None


# ----------------------------------------------------------------------------------------
# Losses.


def _loss(target: Target, failure: Failure) -> Mistake | None:
    y_pred = failure.inputs["y_pred"]
    got, expected, tol = failure.got, failure.expected, failure.tol
    if target.from_logits and failure.problem in ("nonfinite", "values"):
        if _only_large_logits(failure):
            return Mistake("logits_overflow")
    if failure.problem == "nonfinite":
        if not target.from_logits and np.any((y_pred == 0) | (y_pred == 1)):
            return Mistake("unclipped_log")
        return None
    if failure.problem == "shape" and got is not None and got.shape == y_pred.shape:
        reduce = np.sum if target.labels in ("categorical", "sparse") else np.mean
        if close(reduce(got, axis=-1), expected, tol):
            return Mistake("not_reduced", {"reduce": f"np.{reduce.__name__}(..., axis=-1)"})
        return None
    if failure.problem != "values":
        return None
    return (_ratio(target, failure) or _loss_variants(target, failure)
            or _other_epsilon(target, failure))


def _only_large_logits(failure: Failure) -> bool:
    """Whether the samples that differ are exactly those holding a logit of 100 or more."""
    y_pred = failure.inputs["y_pred"]
    if failure.scalar or failure.mask is None or y_pred.ndim < 2:
        return bool(np.max(np.abs(y_pred)) >= 100) and failure.problem == "nonfinite"
    large = np.any(np.abs(y_pred) >= 100, axis=-1)
    return large.shape == failure.mask.shape and bool(np.all(large[failure.mask]))


def _ratio(target: Target, failure: Failure) -> Mistake | None:
    got, want = failure.got.astype(np.float64), failure.expected.astype(np.float64)
    if failure.scalar:
        want = np.mean(want)
    nonzero = np.abs(want) > 1e-6
    if not np.any(nonzero) or not np.all(np.isfinite(got)):
        return None
    ratios = np.broadcast_to(got, want.shape)[nonzero] / want[nonzero]
    ratio = float(ratios.flat[0])
    if not np.allclose(ratios, ratio, rtol=1e-4):
        return None
    y_pred = failure.inputs["y_pred"]
    batch = y_pred.shape[0] if y_pred.ndim >= 2 else 1
    width = y_pred.shape[-1]
    fields = {"ratio": round(ratio, 4), "batch": batch, "width": width}
    classes = target.labels in ("categorical", "sparse")
    candidates = [("mean_over_classes", 1 / width)] if classes else [("sum_over_outputs", width)]
    if failure.scalar:
        candidates.append(("sum_over_batch", batch))
        if not classes:
            candidates.append(("sum_over_batch_and_outputs", batch * width))
    for mistake, value in candidates:
        if value != 1 and np.isclose(ratio, value, rtol=1e-4):
            return Mistake(mistake, fields)
    return None


def _loss_variants(target: Target, failure: Failure) -> Mistake | None:
    y_true, y_pred = failure.inputs["y_true"], failure.inputs["y_pred"]
    got, tol = failure.got, failure.tol
    reference = losses_function(target)

    def batch_mean(value: Any) -> Any:
        return np.mean(value) if failure.scalar else value

    if target.labels in ("binary", "categorical"):
        if _matches(got, lambda: batch_mean(reference(y_pred, y_true, **target.kwargs)), tol):
            return Mistake("swapped_arguments")
    if target.labels != "regression" and not target.from_logits:
        kwargs = {**target.kwargs, "from_logits": True}
        if _matches(got, lambda: batch_mean(reference(y_true, y_pred, **kwargs)), tol):
            return Mistake("logits_as_probabilities")
    if target.name == "mean_squared_error":
        if _matches(got, lambda: np.sqrt(batch_mean(failure.expected)), tol):
            return Mistake("root_mean_squared")
    if y_pred.dtype == np.float32:
        wide = (y_true.astype(np.float64), y_pred.astype(np.float64))
        if _matches(got, lambda: batch_mean(reference(*wide, **target.kwargs)), tol):
            return Mistake("float64_clipping")
    return None


def losses_function(target: Target) -> Callable[..., np.ndarray]:
    """Return the dlref loss of ``target``, unconfigured."""
    from . import losses

    return losses.get(target.name)


def _other_epsilon(target: Target, failure: Failure) -> Mistake | None:
    if target.from_logits or failure.scalar or failure.mask is None:
        return None
    y_pred = failure.inputs["y_pred"]
    if y_pred.ndim < 2 or failure.mask.shape != y_pred.shape[:-1]:
        return None
    extreme = np.any((y_pred == 0) | (y_pred == 1), axis=-1)
    if np.any(failure.mask) and np.all(extreme[failure.mask]):
        return Mistake("other_epsilon")
    return None


# ----------------------------------------------------------------------------------------
# Optimizers.  Each known wrong version is a step function (w, g, state, t) -> (w, state)
# run on the same inputs as the reader's: dlref's w before each step, the battery's g.


def _replay(step: Callable, case_w: np.ndarray, gradients: np.ndarray, make: Callable,
            upto: int) -> np.ndarray:
    """Return the wrong version's result at step ``upto``, fed dlref's trajectory before it."""
    reference, w, state = make(), case_w, None
    for t, g in enumerate(gradients[: upto - 1], start=1):
        _, state = step(w, g, state, t)
        w = reference.step(w, g)
    return step(w, gradients[upto - 1], state, upto)[0]


def _configured(make: Callable, **overrides: Any) -> Callable:
    """Return a step function of dlref's optimizer with other hyperparameters."""

    def step(w, g, state, t):
        optimizer = state if state is not None else make(**overrides)
        return optimizer.step(w, g), optimizer

    return step


def _fresh(make: Callable) -> Callable:
    """Every step taken by a new optimizer: the state is never carried over."""
    return lambda w, g, state, t: (make().step(w, g), None)


def _zeros(w: np.ndarray, count: int) -> tuple[np.ndarray, ...]:
    return tuple(np.zeros_like(w) for _ in range(count))


def _sgd_dampened(c: dict[str, Any]) -> Callable:
    lr, mu = c["learning_rate"], c["momentum"]

    def step(w, g, state, t):
        v = (state if state is not None else np.zeros_like(w)) * mu + (1 - mu) * g
        return w - lr * v, v

    return step


def _rmsprop(c: dict[str, Any], *, eps_outside: bool = False, swapped: bool = False) -> Callable:
    lr, rho, eps = c["learning_rate"], c["rho"], c["epsilon"]

    def step(w, g, state, t):
        s = state if state is not None else np.zeros_like(w)
        s = (1 - rho) * s + rho * g * g if swapped else rho * s + (1 - rho) * g * g
        denominator = np.sqrt(s) + eps if eps_outside else np.sqrt(s + eps)
        return w - lr * g / denominator, s

    return step


def _adam(c: dict[str, Any], *, corrected: bool = True, swapped: bool = False) -> Callable:
    lr, b1, b2, eps = c["learning_rate"], c["beta_1"], c["beta_2"], c["epsilon"]

    def step(w, g, state, t):
        m, v = state if state is not None else _zeros(w, 2)
        if swapped:
            m, v = b1 * g + (1 - b1) * m, b2 * g * g + (1 - b2) * v
        else:
            m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        if not corrected:
            return w - lr * m / (np.sqrt(v) + eps), (m, v)
        # Kingma & Ba, Algorithm 1: epsilon added to the bias-corrected sqrt(v).
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
        return w - lr * m_hat / (np.sqrt(v_hat) + eps), (m, v)

    return step


def _optimizer_variants(target: Target, stateful: bool) -> list[tuple[Mistake, Callable]]:
    """Return the known wrong versions of ``target``'s update rule, most specific first.

    A step that forgets its state and one that ignores momentum compute the same; which of
    the two it is follows from whether the function takes a state at all.
    """
    make = target.make
    c = make().get_config()
    name = target.name
    variants: list[tuple[str | Mistake, Callable]] = []
    if stateful and (name != "sgd" or c["momentum"] > 0):
        variants.append(("state_not_kept", _fresh(make)))
    if name == "sgd" and c["momentum"] > 0:
        flipped = Mistake("nesterov_mismatch", {"mine": not c["nesterov"], "asked": c["nesterov"]})
        variants += [("dampened_momentum", _sgd_dampened(c)),
                     ("momentum_ignored", _configured(make, momentum=0.0, nesterov=False)),
                     (flipped, _configured(make, nesterov=not c["nesterov"]))]
    if name == "rmsprop" and c["momentum"] == 0 and not c["centered"]:
        variants += [("epsilon_outside_sqrt", _rmsprop(c, eps_outside=True)),
                     ("decay_swapped", _rmsprop(c, swapped=True))]
    if name == "adam" and not c["amsgrad"]:
        variants += [("no_bias_correction", _adam(c, corrected=False)),
                     ("textbook_adam_epsilon", _adam(c)),
                     ("decay_swapped", _adam(c, swapped=True))]
    if name == "adagrad":
        # Where epsilon goes does not matter here: the accumulator starts at 0.1, not 0.
        variants.append(("zero_initial_accumulator",
                         _configured(make, initial_accumulator_value=0.0)))
    if not stateful and name != "sgd":
        variants.append(("state_not_kept", _fresh(make)))
    return [(m if isinstance(m, Mistake) else Mistake(m), step) for m, step in variants]


def _optimizer(target: Target, failure: Failure, stateful: bool) -> Mistake | None:
    if failure.problem == "nonfinite":
        config = target.make().get_config()
        if "epsilon" in config:
            return Mistake("missing_epsilon", {"epsilon": config["epsilon"]})
        return None
    if failure.problem != "values":
        return None
    case = failure.case_arrays
    for mistake, step in _optimizer_variants(target, stateful):
        replay = lambda step=step: _replay(step, case["w"], case["gradients"],  # noqa: E731
                                           target.make, failure.step)
        if _matches(failure.got, replay, failure.tol):
            return mistake
    return _step_ratio(target, failure)


def _step_ratio(target: Target, failure: Failure) -> Mistake | None:
    w = failure.inputs["w"].astype(np.float64)
    mine = failure.got.astype(np.float64) - w
    dlref = failure.expected.astype(np.float64) - w
    moving = np.abs(dlref) > failure.tol[1] * 10
    if not np.any(moving) or failure.got.shape != w.shape:
        return None
    ratios = mine[moving] / dlref[moving]
    ratio = float(ratios[0])
    if not np.allclose(ratios, ratio, rtol=1e-3) or np.isclose(ratio, 1.0):
        return None
    if np.isclose(ratio, -1.0, rtol=1e-3):
        return Mistake("gradient_ascent")
    rate = target.make().get_config()["learning_rate"]
    return Mistake("other_learning_rate", {"ratio": round(ratio, 4), "rate": rate,
                                           "implied": float(f"{ratio * rate:.4g}")})
