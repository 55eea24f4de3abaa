"""``dlref.check``: compare a reader's numpy function with dlref's reference for a name.

:func:`check` resolves the name (:mod:`dlref._check_targets`), calls the reader's function
on every input of the name's battery (:mod:`dlref._check_battery`) -- always on copies, so
the function may change what it is given -- compares with the reference, and on the first
input that differs asks :mod:`dlref._check_mistakes` whether the difference is a known
mistake.  The verdict, a :class:`CheckResult`, is written in the reader's language when it
is printed (:mod:`dlref._check_messages`).

This module imports numpy and dlref's numpy modules, never TensorFlow.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import _check_messages as messages
from ._check_battery import STEPS, Case
from ._check_mistakes import Failure, Mistake, diagnose
from ._check_targets import Target, differing, resolve, tolerance
from ._i18n import _

__all__ = ["CheckResult", "check"]

# How much of a reader's exception or odd return value the verdict quotes.
_QUOTE = 160


@dataclass
class _Call:
    """What one call of the reader's function did."""

    value: Any = None
    error: Exception | None = None
    warned: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()  # the arguments it changed in place


def _call(fn: Callable[..., Any], arrays: dict[str, np.ndarray], extra: tuple = ()) -> _Call:
    copies = {name: array.copy() for name, array in arrays.items()}
    result = _Call()
    # The reader's numpy settings must not turn an overflow into an exception here, and its
    # warnings are reported in the verdict instead of printed once per input.  Underflow
    # (exp(-1000) == 0) is the exact answer to float precision, as dlref itself treats it.
    with (warnings.catch_warnings(record=True) as caught,
          np.errstate(all="warn", under="ignore")):
        warnings.simplefilter("always")
        try:
            result.value = fn(*copies.values(), *extra)
        except Exception as exc:  # noqa: BLE001 - whatever the reader's code raises is the verdict
            result.error = exc
    result.warned = tuple(dict.fromkeys(str(w.message) for w in caught))
    result.modified = tuple(name for name in arrays
                            if not np.array_equal(copies[name], arrays[name]))
    return result


def _numbers(value: Any) -> np.ndarray | None:
    """``value`` as an array of real numbers, or None if it is not one."""
    try:
        array = np.asarray(value)
    except Exception:  # noqa: BLE001 - ragged lists, objects whose __array__ fails ...
        return None
    return array if array.dtype.kind in "biuf" else None


def _judge(target: Target, index: int, inputs: dict[str, np.ndarray], expected: np.ndarray,
           call: _Call) -> Failure | None:
    """Return the failure on one input, or None if the function matches there."""
    failure = Failure(index=index, problem="", inputs=inputs, expected=expected,
                      returned=call.value, tol=tolerance(expected.dtype, target.family))
    if call.error is not None:
        failure.problem, failure.error = "raised", call.error
        return failure
    if call.value is None:
        failure.problem = "none"
        return failure
    got = _numbers(call.value)
    if got is None:
        failure.problem = "not_numeric"
        return failure
    failure.got = got
    # A loss may return one value per sample (keras.losses.mean_squared_error) or their mean
    # over the batch (keras.losses.MeanSquaredError()(y_true, y_pred), what model.fit shows).
    failure.scalar = target.family == "loss" and got.ndim == 0 and expected.ndim > 0
    want = np.mean(expected, dtype=np.float64) if failure.scalar else expected
    if got.shape != np.shape(want):
        failure.problem = "shape"
        return failure
    if not np.all(np.isfinite(got)):
        failure.problem, failure.mask = "nonfinite", ~np.isfinite(got)
        return failure
    mask = differing(got, np.asarray(want, dtype=expected.dtype), failure.tol)
    if np.any(mask):
        failure.problem, failure.mask = "values", mask
        return failure
    return None


# ----------------------------------------------------------------------------------------
# Running the battery.


@dataclass
class _Run:
    """What the battery found: per input, whether it matched; the first failure; notes."""

    passed: list[bool] = field(default_factory=list)
    batch: list[bool] = field(default_factory=list)
    first: Failure | None = None
    modified: dict[str, None] = field(default_factory=dict)
    warned: dict[str, None] = field(default_factory=dict)

    def record(self, case: Case, failure: Failure | None, call: _Call | None) -> None:
        self.passed.append(failure is None)
        self.batch.append(case.is_batch)
        if failure is not None and self.first is None:
            failure.case_arrays = case.arrays
            self.first = failure
        if call is not None:
            self.modified.update(dict.fromkeys(call.modified))
            self.warned.update(dict.fromkeys(call.warned))


def _run_arrays(fn: Callable[..., Any], target: Target) -> _Run:
    run = _Run()
    for index, case in enumerate(target.cases):
        call = _call(fn, case.arrays)
        run.record(case, _judge(target, index, case.arrays, target.expected(case.arrays), call),
                   call)
    return run


def _takes_state(fn: Callable[..., Any]) -> bool:
    """Whether an optimizer step is called ``fn(w, g, state)`` rather than ``fn(w, g)``."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # a builtin without a signature: the documented form
        return True
    try:
        signature.bind(None, None, None)
    except TypeError:
        try:
            signature.bind(None, None)
        except TypeError:
            return True  # neither: calling it shows the reader what is wrong
        return False
    return True


def _run_optimizer(fn: Callable[..., Any], target: Target, stateful: bool) -> _Run:
    run = _Run()
    for index, case in enumerate(target.cases):
        reference, state = target.make(), None
        w, failure, call = case.arrays["w"], None, None
        for step, g in enumerate(case.arrays["gradients"], start=1):
            expected = reference.step(w, g)
            inputs = {"w": w, "g": g}
            call = _call(fn, inputs, (state,) if stateful else ())
            # Keras updates w in place (assign_sub), so a step that does the same is fine.
            call.modified = tuple(name for name in call.modified if name != "w")
            if stateful and call.error is None and call.value is not None:
                if isinstance(call.value, (tuple, list)) and len(call.value) == 2:
                    call.value, state = call.value
                else:
                    failure = Failure(index=index, problem="not_pair", inputs=inputs,
                                      expected=expected, returned=call.value,
                                      tol=tolerance(expected.dtype, target.family))
            failure = failure or _judge(target, index, inputs, expected, call)
            if failure is not None:
                failure.step = step
                break
            w = expected
        run.record(case, failure, call)
    return run


# ----------------------------------------------------------------------------------------
# The verdict.


def _function_name(fn: Callable[..., Any]) -> str:
    inner = getattr(fn, "func", fn)  # functools.partial
    name = getattr(inner, "__name__", None) or type(inner).__name__
    return "fn" if name == "<lambda>" else name


def _show(value: Any) -> str:
    """``value`` as Python shows it, the same way on numpy 1 and 2 (no ``np.float64(...)``)."""
    if isinstance(value, BaseException):
        first_line = (str(value).splitlines() or [""])[0]
        return f"{type(value).__name__}: {first_line[:_QUOTE]}"
    numbers = _numbers(value) if value is not None else None
    if numbers is None or isinstance(value, str):
        text = repr(value)
        return text if len(text) <= _QUOTE else text[: _QUOTE - 3] + "..."
    with np.printoptions(precision=6, threshold=40, edgeitems=3, linewidth=88,
                         floatmode="maxprec", suppress=False, sign="-", legacy=False):
        return np.array_repr(np.asarray(numbers))


def _code_line(prefix: str, value: Any) -> str:
    lines = _show(value).splitlines()
    pad = "\n    " + " " * len(prefix)
    return "    " + prefix + pad.join(lines)


def _number(value: Any) -> str:
    return f"{float(value):.6g}"


class CheckResult:
    """The verdict of :func:`check`: truthy when the function matches, printable as text.

    See :func:`check` for the attributes.  The text is written in the language in use when
    it is printed (:func:`dlref.set_language`), not when the check ran.
    """

    def __init__(self, fn: Callable[..., Any], target: Target, run: _Run, stateful: bool,
                 mistake: Mistake | None) -> None:
        failure = run.first
        self.name: str = target.name
        self.function: str = _function_name(fn)
        self.reference: str = target.call
        self.n_inputs: int = len(run.passed)
        self.n_failed: int = run.passed.count(False)
        self.mistake: str | None = mistake.id if mistake else None
        self.inputs: dict[str, np.ndarray] | None = failure.inputs if failure else None
        self.expected: np.ndarray | None = failure.expected if failure else None
        self.returned: Any = failure.returned if failure else None
        self.error: Exception | None = failure.error if failure else None
        self.step: int | None = failure.step if failure else None
        self._failure = failure
        self._mistake = mistake
        self._target = target
        args = [*target.argnames, "state"] if stateful else list(target.argnames)
        self._call = f"{self.function}({', '.join(args)})"
        self._run = run

    @property
    def passed(self) -> bool:
        """Whether the function matches the reference on every input."""
        return self.n_failed == 0

    def __bool__(self) -> bool:
        """Return True when the function matches the reference on every input."""
        return self.passed

    def __str__(self) -> str:
        """Return the verdict in the language in use: one line if it matches, else the evidence."""
        if self.passed:
            return "\n".join([messages.passed(self._call, self.reference), *self._notes()])
        failure = self._failure
        assert failure is not None
        if failure.step is None:
            head = messages.differs(self._call, self.reference, self.n_failed, self.n_inputs)
        else:
            head = messages.differs_in_steps(self._call, self.reference, self.n_failed,
                                             self.n_inputs, STEPS, failure.step)
        lines = [head, *self._block(failure), messages.problem(failure.problem,
                                                                self._problem_fields(failure))]
        if self._mistake is not None:
            fields = {key: _number(value) if isinstance(value, float) else value
                      for key, value in self._mistake.fields.items()}
            lines.append(messages.describe(self._mistake.id, {"function": self._call, **fields}))
        return "\n".join(line for line in [*lines, *self._notes()] if line)

    __repr__ = __str__

    def _block(self, failure: Failure) -> list[str]:
        lines = [_code_line(f"{name} = ", value) for name, value in failure.inputs.items()]
        reference = self.reference + (".mean()" if failure.scalar else "")
        expected = np.mean(failure.expected) if failure.scalar else failure.expected
        lines.append(_code_line(f"{reference} -> ", expected))
        returned = failure.error if failure.error is not None else failure.returned
        lines.append(_code_line(f"{self._call} -> ", returned))
        return lines

    def _problem_fields(self, failure: Failure) -> dict[str, Any]:
        fields: dict[str, Any] = {"function": self._call}
        if failure.problem == "raised":
            fields["error_type"] = type(failure.error).__name__
        elif failure.problem in ("not_numeric", "not_pair"):
            fields["type"] = type(failure.returned).__name__
        elif failure.problem == "shape":
            fields["got_shape"] = failure.got.shape
            fields["expected_shape"] = np.shape(
                np.mean(failure.expected) if failure.scalar else failure.expected)
        elif failure.problem in ("values", "nonfinite"):
            got = failure.got.astype(np.float64)
            want = np.broadcast_to(np.mean(failure.expected) if failure.scalar
                                   else failure.expected, got.shape).astype(np.float64)
            if failure.problem == "values":
                with np.errstate(invalid="ignore"):
                    gap = np.where(failure.mask, np.abs(got - want), -1.0)
                at = np.unravel_index(int(np.argmax(gap)), got.shape)
            else:
                at = tuple(int(i) for i in np.argwhere(failure.mask)[0])
            fields["index"] = f"[{', '.join(str(int(i)) for i in at)}]" if got.ndim else None
            fields["got"], fields["expected"] = _number(got[at]), _number(want[at])
        return fields

    def _notes(self) -> list[str]:
        notes = [messages.note("modified", {"function": self._call, "argument": name})
                 for name in self._run.modified]
        if self.passed and self._run.warned:
            notes.append(messages.note("warned", {"function": self._call,
                                                  "warnings": "; ".join(self._run.warned)}))
        return notes


def check(fn: Callable[..., Any], name: str, **kwargs: Any) -> CheckResult:
    """Compare your numpy function with dlref's reference for ``name`` on hard inputs.

    ``check`` calls ``fn`` on a fixed battery of inputs chosen to catch the classic
    mistakes -- a batch and a single sample, float32 and float64, zeros and the kink at 0,
    inputs of magnitude 1000, probabilities of exactly 0 and 1, one-hot and integer labels,
    gradients far below epsilon -- and compares each result with dlref's reference, which
    equals Keras.  The verdict is reproducible: the battery never changes between calls.

    Parameters
    ----------
    fn : callable
        Your function.  It is always called on copies, so it may change its arguments.
        How it is called depends on ``name``:

        * an activation, ``"relu"``: ``fn(x)``, elementwise on an array of any shape (softmax
          along the last axis);
        * an activation's derivative, ``"d_relu"`` (any elementwise activation with ``d_``
          in front): ``fn(x)``, the derivative at ``x``; ``"softmax_jacobian"``: ``fn(x)``,
          shape ``(n, n)`` for ``x`` of shape ``(n,)`` and ``(..., n, n)`` for a batch;
        * a loss, ``"binary_crossentropy"``: ``fn(y_true, y_pred)``, returning one value per
          sample like ``keras.losses.binary_crossentropy``, or one number, their mean over
          the batch, like ``keras.losses.BinaryCrossentropy()`` and ``model.fit``;
        * an optimizer, ``"sgd"``, ``"rmsprop"``, ``"adagrad"``, ``"adam"``: one update step,
          ``fn(w, g, state) -> (new_w, new_state)``, where ``state`` is None on the first
          step and then whatever your function returned (velocity, moments, step count);
          a function that takes only ``(w, g)`` returns ``new_w``.  Each test run has
          five steps.
    name : str
        What ``fn`` computes: an activation of :func:`dlref.activations.names`, ``"d_"``
        and one of them for its derivative, ``"softmax_jacobian"``, a loss of
        :func:`dlref.losses.names` (or ``"mse"``, ``"mae"``), or an optimizer of
        :func:`dlref.optimizers.names` (case-insensitive).
    **kwargs
        Parameters of the reference, not of ``fn``: ``negative_slope=0.01`` for
        ``"leaky_relu"``, ``from_logits=True`` for a crossentropy, ``learning_rate=0.1,
        momentum=0.9`` for ``"sgd"``.  Give your function the same values.

    Returns
    -------
    CheckResult
        Truthy when ``fn`` matches on every input.  Printed (``str`` or ``repr``), it is
        one sentence if ``fn`` matches; otherwise it names how many inputs differ and
        shows the first as code -- the input, dlref's value, your value -- with what is
        wrong there and, when the difference is a known mistake, which one.  Its
        attributes: ``passed``; ``mistake``, the identifier of the recognised mistake or
        None; ``n_inputs`` and ``n_failed``; ``inputs``, ``expected``, ``returned``,
        ``error`` and, for an optimizer, ``step``, describing the first input that differs
        (None when ``fn`` matches).

    Raises
    ------
    TypeError
        If ``fn`` is not callable, ``name`` is not a string, or a keyword argument is not a
        parameter of the reference.
    ValueError
        If ``name`` is unknown (the message suggests the closest name) or a keyword
        argument's value is out of range.

    See Also
    --------
    dlref.activations.derivative : The derivative that ``"d_<name>"`` is compared with.
    dlref.losses.get : The losses by name.
    dlref.optimizers.get : The optimizers by name.

    Notes
    -----
    The mistakes ``check`` recognises include softmax without subtracting the maximum,
    softmax normalised over the whole batch or without ``keepdims=True``, exponentials that
    overflow, another default slope of leaky ReLU or alpha of ELU, the tanh approximation of
    GELU, the value of a derivative at the kink, derivatives written for the activation's
    output, the log of an unclipped probability, logits that overflow, a sum where Keras
    takes a mean (over the batch or over the outputs), a mean where crossentropy sums,
    swapped arguments, momentum that averages the gradients, Adam without bias correction or
    with the textbook placement of epsilon, epsilon outside the square root, a state that is
    not carried between steps and steps of another learning rate.  A verdict is a hint: a
    function that matches may still be slow, and one that differs in an unrecognised way
    is shown with the evidence only.

    Examples
    --------
    >>> import numpy as np
    >>> import dlref
    >>> def my_relu(x):
    ...     return np.maximum(x, 0)
    >>> dlref.check(my_relu, "relu")
    my_relu(x) matches dlref.activations.relu(x) on every test input.

    A softmax that forgets to subtract the maximum overflows at scores of 1000:

    >>> def my_softmax(x):
    ...     e = np.exp(x)
    ...     return e / e.sum(axis=-1, keepdims=True)
    >>> result = dlref.check(my_softmax, "softmax")
    >>> bool(result), result.mistake
    (False, 'softmax_without_max')
    >>> print(result)
    my_softmax(x) does not match dlref.activations.softmax(x): it differs on 2 of 7 test
    inputs. The first of them is shown below.
        x = array([[ 1000.,     0., -1000.],
                   [-1000., -1000.,  -999.],
                   [ 1000.,   999.,   998.]])
        dlref.activations.softmax(x) -> array([[1.      , 0.      , 0.      ],
                                               [0.211942, 0.211942, 0.576117],
                                               [0.665241, 0.244728, 0.090031]])
        my_softmax(x) -> array([[nan,  0.,  0.],
                                [nan, nan, nan],
                                [nan, nan, nan]])
    At index [0, 0] it returns nan where dlref's value is the finite number 1.
    This is softmax computed without subtracting the maximum. exp(1000) overflows to inf,
    and inf / inf is NaN; subtract x.max(axis=-1, keepdims=True) from the scores first.
    Softmax does not change when the same number is subtracted from every score of a row.

    Derivatives, losses and optimizer steps are checked the same way; keyword arguments
    configure the reference:

    >>> def d_relu(x):
    ...     return (x >= 0).astype(float)
    >>> dlref.check(d_relu, "d_relu").mistake
    'kink_value'
    >>> def mse(y_true, y_pred):
    ...     return np.sum((y_true - y_pred) ** 2)
    >>> dlref.check(mse, "mse").mistake
    'sum_over_batch_and_outputs'
    >>> def momentum_step(w, g, velocity):
    ...     velocity = np.zeros_like(w) if velocity is None else velocity
    ...     velocity = 0.9 * velocity - 0.1 * g
    ...     return w + velocity, velocity
    >>> bool(dlref.check(momentum_step, "sgd", learning_rate=0.1, momentum=0.9))
    True

    The verdict speaks the reader's language:

    >>> with dlref.set_language("ko"):
    ...     print(dlref.check(my_relu, "relu"))
    my_relu(x)의 결과가 모든 테스트 입력에서 dlref.activations.relu(x)의 결과와 같습니다.
    """
    if not callable(fn):
        raise TypeError(
            _("fn must be a function (a callable) to compare with dlref; got {type} {value!r}.",
              type=type(fn).__name__, value=fn)
        )
    try:
        target = resolve(name, kwargs)
    except (TypeError, ValueError) as exc:
        # The message names the argument, what was given and what is allowed; raised afresh
        # so that the reader's traceback ends at this call, not inside dlref's checking code.
        raise type(exc)(str(exc)) from None
    stateful = target.family == "optimizer" and _takes_state(fn)
    if target.family == "optimizer":
        run = _run_optimizer(fn, target, stateful)
    else:
        run = _run_arrays(fn, target)
    mistake = None
    if run.first is not None:
        mistake = diagnose(target, run.first, run.passed, run.batch, stateful)
    return CheckResult(fn, target, run, stateful, mistake)
