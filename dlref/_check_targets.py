"""What :func:`dlref.check` compares a reader's function with: the reference for a name.

A :class:`Target` bundles everything one name needs: the dlref function (or optimizer) that
gives the expected values, configured with the keyword arguments the reader passed; the
code that calls it, shown in the verdict; the battery of inputs; and how the tolerance of
the comparison follows the input's dtype.

Names are read off the registries of :mod:`dlref.activations`, :mod:`dlref.losses` and
:mod:`dlref.optimizers`, so a new activation, loss or optimizer is checkable without an edit
here (a new loss needs a battery for its label format, :data:`LOSS_LABELS`; a test says so).

This module imports numpy and dlref's numpy modules, never TensorFlow.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import _activation_kernels as _k
from . import _check_battery as battery
from . import activations, losses, optimizers
from ._i18n import _
from ._validation import check_choice, suggest

#: The label format, and so the battery, of each loss.
LOSS_LABELS = {
    "mean_squared_error": "regression",
    "mean_absolute_error": "regression",
    "binary_crossentropy": "binary",
    "categorical_crossentropy": "categorical",
    "sparse_categorical_crossentropy": "sparse",
}
#: The prefix that names an activation's derivative: ``"d_relu"``.
DERIVATIVE = "d_"
JACOBIAN = "softmax_jacobian"
# Parameters of an optimizer that readers sometimes pass as the name.
_OPTIMIZER_PARAMETERS = ("momentum", "nesterov")


@dataclass(frozen=True)
class Target:
    """The reference for one name, configured, with its battery of inputs."""

    name: str  # the canonical name: "relu", "d_relu", "softmax_jacobian", "sgd", ...
    family: str  # "activation", "derivative", "jacobian", "loss" or "optimizer"
    call: str  # the code that computes the expected value, shown in the verdict
    argnames: tuple[str, ...]  # how the reader's function is called
    cases: tuple[battery.Case, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    reference: Callable[..., Any] | None = None  # arrays -> expected values
    make: Callable[..., optimizers.Optimizer] | None = None  # a fresh reference optimizer
    base: str = ""  # the activation of a derivative, else the name itself

    def expected(self, arrays: dict[str, np.ndarray]) -> np.ndarray:
        """Return the reference's values on (copies of) ``arrays``."""
        assert self.reference is not None
        return np.asarray(self.reference(*(a.copy() for a in arrays.values())))

    @property
    def from_logits(self) -> bool:
        """Whether a loss was asked for with ``from_logits=True``."""
        return bool(self.kwargs.get("from_logits", False))

    @property
    def labels(self) -> str:
        """The label format of a loss (:data:`LOSS_LABELS`), else ``""``."""
        return LOSS_LABELS.get(self.name, "")


# ----------------------------------------------------------------------------------------
# The comparison.


def tolerance(dtype: np.dtype, family: str = "") -> tuple[float, float]:
    """Relative and absolute tolerance for results of ``dtype`` in ``family``.

    Wide enough for a correct formula written another way (a few hundred float32 roundings,
    the cancellation of ``1 - tanh(x)**2`` next to 0); every mistake :func:`dlref.check`
    recognises is orders of magnitude larger.  A loss is clipped at epsilon = 1e-7, and Keras
    renormalises clipped probabilities in some losses and not in others, so differences of
    that size are a convention, not a mistake: losses get an absolute tolerance of 1e-6.
    """
    rtol, atol = (1e-5, 1e-6) if np.dtype(dtype) == np.float32 else (1e-6, 1e-9)
    if family == "loss":
        atol = max(atol, 1e-6)
    return rtol, atol


def differing(got: np.ndarray, expected: np.ndarray, tol: tuple[float, float]) -> np.ndarray:
    """Boolean mask of the elements of ``got`` that differ from ``expected`` (same shape)."""
    rtol, atol = tol
    got = got.astype(np.float64)
    want = expected.astype(np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        return ~np.isclose(got, want, rtol=rtol, atol=atol)


def close(got: Any, expected: Any, tol: tuple[float, float]) -> bool:
    """Whether ``got`` equals ``expected`` within the tolerance ``tol``; never raises."""
    try:
        got, expected = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if got.shape != expected.shape or not np.all(np.isfinite(got)):
        return False
    rtol, atol = tol
    return bool(np.allclose(got, expected, rtol=rtol, atol=atol))


# ----------------------------------------------------------------------------------------
# From a name and keyword arguments to a Target.


def _activation_names() -> tuple[str, ...]:
    return activations.names()


def _elementwise() -> tuple[str, ...]:
    return tuple(n for n in _activation_names() if _k.ACTIVATIONS.info(n)["derivative"])


def names() -> tuple[str, ...]:
    """Every name :func:`dlref.check` accepts, grouped by family."""
    return (
        *_activation_names(),
        *(DERIVATIVE + n for n in _elementwise()),
        JACOBIAN,
        *losses.names(),
        *losses._LOSSES.aliases(),  # Keras' short names, "mse" and "mae"
        *optimizers.names(),
    )


def _kwargs_text(kwargs: dict[str, Any]) -> str:
    return ", ".join(f"{key}={value!r}" for key, value in kwargs.items())


def _with(head: str, kwargs: dict[str, Any]) -> str:
    rest = _kwargs_text(kwargs)
    return f"{head}, {rest}" if rest else head


def _parameters(function: Callable[..., Any], skip: int) -> tuple[str, ...]:
    return tuple(inspect.signature(function).parameters)[skip:]


def _check_keywords(name: str, kwargs: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(kwargs) - set(allowed))
    if not unknown:
        return
    close_match = suggest(unknown[0], allowed) if allowed else ""
    if allowed:
        raise TypeError(
            _("check(fn, {name!r}) got unexpected keyword argument(s) {unknown}; the "
              "parameters of {name} are {allowed}.",
              name=name, unknown=unknown, allowed=list(allowed)) + close_match
        )
    raise TypeError(
        _("check(fn, {name!r}) got unexpected keyword argument(s) {unknown}; {name} has no "
          "parameters.", name=name, unknown=unknown)
    )


def _key(name: Any) -> str:
    if isinstance(name, str):
        key = name.strip().lower()
        if key == DERIVATIVE + "softmax":
            raise ValueError(
                _("name={name!r}: softmax has no elementwise derivative, because each output "
                  "depends on every input. Its derivative is a matrix; check it with "
                  "check(fn, 'softmax_jacobian').", name=name)
            )
        if key in _OPTIMIZER_PARAMETERS:
            raise ValueError(
                _("name={name!r} is a parameter of the optimizer SGD, not an optimizer; pass it "
                  "as a keyword argument, e.g. check(fn, 'sgd', {key}=...).", name=name, key=key)
            )
    return check_choice("name", name, names())


def resolve(name: Any, kwargs: dict[str, Any]) -> Target:
    """Return the :class:`Target` for ``name`` configured with ``kwargs``.

    Raises
    ------
    TypeError
        If ``name`` is not a string or a keyword is not a parameter of the reference.
    ValueError
        If ``name`` is unknown (the message suggests the closest name), or a keyword's value
        is out of range for the reference (the reference's own message).
    """
    key = _key(name)
    if key in optimizers.names():
        target = _optimizer(key, kwargs)
    elif key == JACOBIAN:
        _check_keywords(key, kwargs, ())
        target = Target(key, "jacobian", f"dlref.activations.{JACOBIAN}(x)", ("x",),
                        battery.softmax_jacobian(), reference=activations.softmax_jacobian,
                        base="softmax")
    elif key.startswith(DERIVATIVE) and key[len(DERIVATIVE):] in _elementwise():
        base = key[len(DERIVATIVE):]
        derivative = _k.ACTIVATIONS.info(base)["derivative"]
        _check_keywords(key, kwargs, _parameters(derivative, 1))
        target = Target(key, "derivative", _with(f"dlref.activations.derivative({base!r}, x",
                                                  kwargs) + ")", ("x",), battery.elementwise(),
                        kwargs, lambda x: activations.derivative(base, x, **kwargs), base=base)
    elif key in _activation_names():
        function = activations.get(key)
        _check_keywords(key, kwargs, _parameters(function, 1))
        cases = battery.softmax() if key == "softmax" else battery.elementwise()
        target = Target(key, "activation", _with(f"dlref.activations.{key}(x", kwargs) + ")",
                        ("x",), cases, kwargs, lambda x: function(x, **kwargs), base=key)
    else:
        target = _loss(losses.get(key).__name__, kwargs)
    _try_reference(target)
    return target


def _loss(key: str, kwargs: dict[str, Any]) -> Target:
    function = losses.get(key)
    _check_keywords(key, kwargs, _parameters(function, 2))
    # A from_logits that is not a bool is reported by the reference (_try_reference).
    given = kwargs.get("from_logits", False)
    from_logits = isinstance(given, (bool, np.bool_)) and bool(given)
    labels = LOSS_LABELS[key]
    cases = {
        "regression": battery.regression,
        "binary": lambda: battery.binary(from_logits),
        "categorical": lambda: battery.categorical(from_logits),
        "sparse": lambda: battery.sparse(from_logits),
    }[labels]()
    return Target(key, "loss", _with(f"dlref.losses.{key}(y_true, y_pred", kwargs) + ")",
                  ("y_true", "y_pred"), cases, kwargs,
                  lambda y_true, y_pred: function(y_true, y_pred, **kwargs), base=key)


def _optimizer(key: str, kwargs: dict[str, Any]) -> Target:
    cls = type(optimizers.get(key))
    _check_keywords(key, kwargs, _parameters(cls.__init__, 1))

    def make(**overrides: Any) -> optimizers.Optimizer:
        return cls(**{**kwargs, **overrides})

    call = f"dlref.optimizers.{cls.__name__}({_kwargs_text(kwargs)}).step(w, g)"
    return Target(key, "optimizer", call, ("w", "g"), battery.optimizer(), kwargs, make=make,
                  base=key)


def _try_reference(target: Target) -> None:
    """Run the reference once, so that a bad keyword value is reported before any input.

    The reference's own ``TypeError`` or ``ValueError`` names the argument and what is
    allowed; :func:`dlref.check` raises it afresh.
    """
    if target.make is not None:
        target.make()
    else:
        target.expected(target.cases[0].arrays)
