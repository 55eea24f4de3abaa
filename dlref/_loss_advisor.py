"""The setup advisor behind :func:`dlref.losses.select_loss` and :func:`dlref.losses.check_setup`.

It lives apart from the loss functions because it answers another question (which loss,
output layer and metrics fit a task and its labels), and :mod:`dlref.models` reads the
same task table.  The public names are documented and imported from :mod:`dlref.losses`.

This module imports numpy only (never TensorFlow).
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import _loss_messages as msg
from ._i18n import _
from ._keras import backend_name
from ._validation import (
    as_float_array,
    check_bool,
    check_choice,
    check_finite,
    check_positive_int,
)
from .activations import names as activation_names


@dataclass(frozen=True)
class TaskSetup:
    """The usual Keras setup for one task: loss, output layer and metrics."""

    loss: str
    output_activation: str
    #: Units of the output layer; None means one per class, label or target column.
    output_units: int | None
    metrics: tuple[str, ...]


#: The one table of tasks, read by :func:`select_loss` and :func:`dlref.models.build_mlp`.
#: A multiclass task with one-hot labels and a robust regression swap the loss (and
#: metrics), nothing else; select_loss says so where it picks them.
TASK_SETUPS = {
    "regression": TaskSetup("mean_squared_error", "linear", None, ("mae",)),
    "binary": TaskSetup("binary_crossentropy", "sigmoid", 1, ("accuracy",)),
    "multiclass": TaskSetup("sparse_categorical_crossentropy", "softmax", None, ("accuracy",)),
    "multilabel": TaskSetup("binary_crossentropy", "sigmoid", None, ("binary_accuracy",)),
}
TASKS = tuple(TASK_SETUPS)

_REGRESSION_LOSSES = ("mean_squared_error", "mean_absolute_error")

# Output activations check_setup knows: dlref's activations plus Keras' identity.
_ACTIVATIONS = ("linear", *activation_names())
# Output ranges of bounded activations, used to catch regression targets they cannot reach.
_RANGES = {
    "sigmoid": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "relu": (0.0, np.inf),
    "softplus": (0.0, np.inf),
}


@dataclass(frozen=True)
class LossChoice:
    """A loss together with the output layer and metrics that go with it.

    Returned by :func:`select_loss` and :func:`check_setup`.  The fields plug straight
    into Keras: ``keras.layers.Dense(c.output_units, activation=c.output_activation)``
    and ``model.compile(loss=c.loss, metrics=list(c.metrics))``.

    Attributes
    ----------
    loss : str
        Keras name of the loss, e.g. ``"sparse_categorical_crossentropy"``.
    output_activation : str
        Activation of the output layer: ``"linear"``, ``"sigmoid"`` or ``"softmax"``.
    output_units : int
        Number of units of the output layer.
    metrics : tuple of str
        Keras metric names to monitor, e.g. ``("accuracy",)``.
    reason : str
        One sentence explaining the choice, in the language of dlref's messages
        (:func:`dlref.get_language`); class ids that start at 1 get a second sentence,
        on numbering them from 0.

    Examples
    --------
    >>> from dlref.losses import select_loss
    >>> choice = select_loss("binary")
    >>> choice.loss, choice.output_activation, choice.output_units
    ('binary_crossentropy', 'sigmoid', 1)
    """

    loss: str
    output_activation: str
    output_units: int
    metrics: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class _Labels:
    """What a label array looks like."""

    kind: str  # "binary", "class_ids", "one_hot", "soft", "multi_hot" or "real"
    columns: int  # 1 for shape (n,) or (n, 1)
    n_classes: int  # class ids: max id + 1; one-hot/soft/multi-hot: columns; else 0
    low: float
    high: float


def _analyse_labels(y: Any) -> _Labels:
    y = as_float_array("y", y, allow_empty=False)
    check_finite("y", y)
    if y.ndim not in (1, 2):
        raise ValueError(
            _("y must be 1-D (n,) or 2-D (n, k) labels; got an array of shape {shape}.",
              shape=y.shape)
        )
    low, high = float(np.min(y)), float(np.max(y))
    zero_one = bool(np.all((y == 0) | (y == 1)))
    whole = bool(np.all(y == np.round(y)))
    if y.ndim == 1 or y.shape[1] == 1:
        if zero_one:
            return _Labels("binary", 1, 2, low, high)
        if whole and low >= 0:
            return _Labels("class_ids", 1, int(high) + 1, low, high)
        return _Labels("real", 1, 0, low, high)
    columns = y.shape[1]
    rows_sum_to_one = bool(np.allclose(y.sum(axis=1), 1.0, rtol=0, atol=1e-6))
    if zero_one:
        kind = "one_hot" if rows_sum_to_one else "multi_hot"
        return _Labels(kind, columns, columns, low, high)
    if low >= 0 and high <= 1 and rows_sum_to_one:
        return _Labels("soft", columns, columns, low, high)
    return _Labels("real", columns, 0, low, high)


def _variant(labels: _Labels) -> str:
    return msg.variant(labels.kind, labels.columns)


def _fields(labels: _Labels, **more: Any) -> dict[str, Any]:
    """Return the named fields of every advisor sentence: the labels' numbers, and ``more``."""
    fields = msg.label_fields(labels.n_classes, labels.columns, labels.low, labels.high)
    return {**fields, **more}


def _one_based(labels: _Labels) -> str:
    """Return the note for class ids that start at 1 (" y has no class 0 ..."), or ""."""
    return " " + msg.one_based_note() if labels.kind == "class_ids" and labels.low == 1 else ""


def _choice(task: str, units: int, reason: str, **variant: Any) -> LossChoice:
    """Return the task's row of TASK_SETUPS for ``units``; ``variant`` overrides fields."""
    setup = TASK_SETUPS[task]
    fields = {"loss": setup.loss, "metrics": setup.metrics, **variant}
    return LossChoice(fields["loss"], setup.output_activation, units, fields["metrics"], reason)


def _regression_choice(units: int, robust: bool, reason: str) -> LossChoice:
    if robust:
        return _choice(
            "regression", units, reason, loss="mean_absolute_error", metrics=("mse",)
        )
    return _choice("regression", units, reason)


def select_loss(task: str | None = None, y: Any = None, *, robust: bool = False) -> LossChoice:
    """Choose the loss, output activation, output units and metrics for a task.

    Give the ``task``, the labels ``y``, or both.  From ``y`` alone the task and the
    label encoding are inferred:

    ========================================  ============  =================================
    labels ``y``                              task          loss / output
    ========================================  ============  =================================
    one 0/1 column, ``(n,)`` or ``(n, 1)``    binary        binary crossentropy, 1 sigmoid
    integer class ids ``0..K-1``              multiclass    sparse categorical CE, K softmax
    one-hot (or soft) rows ``(n, K)``         multiclass    categorical CE, K softmax
    0/1 columns, rows not summing to 1        multilabel    binary crossentropy, K sigmoid
    anything else (real values)               regression    MSE (MAE if robust), linear
    ========================================  ============  =================================

    Parameters
    ----------
    task : {"regression", "binary", "multiclass", "multilabel"}, optional
        The kind of problem.  Required when ``y`` is not given.
    y : array_like, optional
        Training labels, 1-D ``(n,)`` or 2-D ``(n, k)``.  Required for ``"multiclass"``
        and ``"multilabel"``, whose number of output units is read from it.
    robust : bool, default False
        For regression, use mean absolute error, which is less sensitive to outliers.

    Returns
    -------
    LossChoice
        Loss name, output activation, output units, metrics and a one-sentence reason.

    Raises
    ------
    ValueError
        If neither ``task`` nor ``y`` is given; if ``task`` is unknown (with a
        suggestion); if ``y`` is empty, holds NaN/inf or has more than 2 dimensions;
        if ``task`` and ``y`` disagree; if ``robust=True`` for a classification task;
        or if ``task`` is ``"multiclass"``/``"multilabel"`` without ``y``.
    TypeError
        If ``task`` is not a string, ``y`` is not numeric or ``robust`` is not a bool.

    See Also
    --------
    check_setup : Check a setup you already chose.

    Notes
    -----
    Whole numbers >= 0 in a single column are read as class ids.  Integer-valued
    regression targets (counts, ages) are therefore taken for classes unless you pass
    ``task="regression"``.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.losses import select_loss
    >>> choice = select_loss(y=np.array([0, 2, 1, 2]))
    >>> choice.loss, choice.output_activation, choice.output_units, choice.metrics
    ('sparse_categorical_crossentropy', 'softmax', 3, ('accuracy',))
    >>> print(choice.reason)
    y holds integer class ids 0..2, so use sparse categorical crossentropy on a 3-unit softmax
    output (one unit per class).
    >>> select_loss(y=np.eye(3)[[0, 2, 1]]).loss
    'categorical_crossentropy'
    >>> select_loss("binary")
    LossChoice(loss='binary_crossentropy', output_activation='sigmoid', output_units=1,
               metrics=('accuracy',), reason=...)
    >>> select_loss("regression", robust=True).loss
    'mean_absolute_error'
    """
    robust = check_bool("robust", robust)
    if task is None and y is None:
        raise ValueError(
            _("select_loss needs task= or y=; got neither. Pass task as one of {tasks}, or the "
              "training labels as y.", tasks=list(TASKS))
        )
    key = None if task is None else check_choice("task", task, TASKS)
    labels = None if y is None else _analyse_labels(y)

    if labels is None:
        if key == "regression":
            reason = (
                _("task='regression' has a real-valued target, so use mean absolute error "
                  "(robust to outliers) on a {units}-unit linear output.", units=1)
                if robust
                else _("task='regression' has a real-valued target, so use mean squared error "
                       "on a {units}-unit linear output.", units=1)
            )
            return _regression_choice(1, robust, reason)
        if key == "binary":
            _no_robust(robust, key)
            return _choice(
                "binary",
                1,
                _("task='binary' has one yes/no label, so use binary crossentropy on a 1-unit "
                  "sigmoid output."),
            )
        if key == "multiclass":
            raise ValueError(
                _("task={task!r} needs y to count the output units (one per class); got "
                  "y=None. Pass the training labels as y.", task=task)
            )
        raise ValueError(
            _("task={task!r} needs y to count the output units (one per label); got y=None. "
              "Pass the training labels as y.", task=task)
        )

    inferred = {
        "binary": "binary",
        "class_ids": "multiclass",
        "one_hot": "multiclass",
        "soft": "multiclass",
        "multi_hot": "multilabel",
        "real": "regression",
    }[labels.kind]
    key = key or inferred
    kind = _variant(labels)
    if key == "regression":
        fields = _fields(labels, units=labels.columns)
        return _regression_choice(
            labels.columns, robust, msg.regression_reason(kind, robust, fields)
        )
    _no_robust(robust, key)
    fields = _fields(labels, task=task)
    if key == "binary":
        single_probability = labels.columns == 1 and labels.low >= 0 and labels.high <= 1
        if not single_probability:
            raise ValueError(msg.binary_conflict(kind, fields))
        return _choice("binary", 1, msg.binary_reason(kind, fields))
    if key == "multiclass":
        if labels.kind in ("binary", "class_ids"):
            reason = msg.multiclass_reason(kind, fields) + _one_based(labels)
            return _choice("multiclass", labels.n_classes, reason)
        if labels.kind in ("one_hot", "soft"):
            return _choice(
                "multiclass",
                labels.columns,
                msg.multiclass_reason(kind, fields),
                loss="categorical_crossentropy",
            )
        raise ValueError(msg.multiclass_conflict(kind, fields))
    # multilabel
    if labels.columns < 2 or labels.low < 0 or labels.high > 1:
        raise ValueError(msg.multilabel_conflict(kind, fields))
    return _choice("multilabel", labels.columns, msg.multilabel_reason(kind, fields))


def loss_setup(loss: Any) -> tuple[str | None, bool]:
    """Return the dlref name and ``from_logits`` of a Keras loss given as a name or an object.

    ``loss`` is what ``model.compile(loss=...)`` takes: a name (``"mse"``), a
    ``keras.losses.Loss`` (its ``name`` and config) or a loss function (its ``__name__``).
    The name is None when dlref's setup advice does not cover the loss (``"huber"``).
    """
    from .losses import _LOSSES

    if isinstance(loss, str):
        name: Any = loss
    else:
        name = getattr(loss, "name", None) or getattr(loss, "__name__", None)
    from_logits = False
    get_config = getattr(loss, "get_config", None)
    if callable(get_config) and not isinstance(loss, str):
        try:
            from_logits = bool(get_config().get("from_logits", False))
        except Exception:  # noqa: BLE001 - a user's loss class may not serialise
            from_logits = False
    if not isinstance(name, str):
        return None, from_logits
    try:
        return _LOSSES.key(name, argname="loss"), from_logits
    except ValueError:
        return None, from_logits


def _no_robust(robust: bool, task: str) -> None:
    if robust:
        raise ValueError(
            _("robust=True only applies to regression (it swaps mean squared error for mean "
              "absolute error); got task {task!r}. Drop robust=True.", task=task)
        )


def check_setup(
    y: Any,
    loss: str,
    output_activation: str | None,
    output_units: int | None = None,
    from_logits: bool = False,
) -> LossChoice:
    """Check that labels, loss and output layer fit together, and explain what does not.

    Catches the classic mistakes that make Keras train badly or fail with an obscure
    shape error: one-hot labels with sparse categorical crossentropy and integer
    labels with categorical crossentropy; a softmax over a single unit; a
    sigmoid/softmax output combined with ``from_logits=True`` (and a linear output with
    ``from_logits=False``); class ids beyond the number of output units; NaN labels;
    and a regression loss on class labels.

    Parameters
    ----------
    y : array_like
        Training labels, 1-D ``(n,)`` or 2-D ``(n, k)``.
    loss : str
        Keras loss name, e.g. ``"sparse_categorical_crossentropy"`` (``"mse"`` and
        ``"mae"`` are accepted too).
    output_activation : str or None
        Activation of the output layer; ``None`` means ``"linear"``.
    output_units : int, optional
        Units of the output layer.  If omitted, the number the labels need is used.
    from_logits : bool, default False
        The ``from_logits`` argument given to the crossentropy loss.

    Returns
    -------
    LossChoice
        The checked setup, with ``output_units`` filled in and suitable metrics.

    Raises
    ------
    ValueError
        Describing what is wrong, what was given and how to fix it.
    TypeError
        If an argument has the wrong type.

    See Also
    --------
    select_loss : Choose a setup from the task or labels.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.losses import check_setup
    >>> y = np.eye(3)[[0, 2, 1]]  # one-hot labels
    >>> check_setup(y, "categorical_crossentropy", "softmax").output_units
    3
    >>> check_setup(y, "sparse_categorical_crossentropy", "softmax")
    Traceback (most recent call last):
    ...
    ValueError: y holds one-hot rows over 3 classes, but loss='sparse_categorical_crossentropy'
    expects integer class ids: use loss='categorical_crossentropy' or pass integer class ids
    (y.argmax(axis=1)).
    >>> check_setup([0, 1, 1], "binary_crossentropy", "sigmoid", from_logits=True)
    Traceback (most recent call last):
    ...
    ValueError: output_activation='sigmoid' already turns outputs into probabilities, so
    from_logits=True contradicts it: ...
    """
    # At call time: dlref.losses imports this module at its end, after its registry is built.
    from .losses import _LOSSES

    key = _LOSSES.key(loss, argname="loss")
    activation = "linear" if output_activation is None else output_activation
    activation = check_choice("output_activation", activation, _ACTIVATIONS)
    units = None if output_units is None else check_positive_int("output_units", output_units)
    from_logits = check_bool("from_logits", from_logits)
    labels = _analyse_labels(y)
    fields = _fields(labels, loss=key, activation=activation)

    _check_logits(key, activation, from_logits)
    if activation == "softmax" and units == 1 and labels.kind == "binary":
        # Other labels get the message of their loss below, whose fix also fits the units.
        raise ValueError(
            _("output_activation='softmax' with output_units=1 always outputs 1.0, so the "
              "model's predictions carry no information (on the TensorFlow backend a "
              "crossentropy still trains the weights through the layer's logits, but predict "
              "keeps returning 1.0). For two classes use output_activation='sigmoid' with "
              "output_units=1 and loss='binary_crossentropy', or keep the softmax with "
              "output_units=2 and loss='sparse_categorical_crossentropy'.")
        )

    if key in _REGRESSION_LOSSES:
        needed = labels.columns
        _check_regression(activation, labels, fields)
        metrics: tuple[str, ...] = ("mae",) if key == "mean_squared_error" else ("mse",)
    elif key == "binary_crossentropy":
        needed = labels.columns
        _check_binary(activation, labels, fields)
        metrics = ("accuracy",) if labels.columns == 1 else ("binary_accuracy",)
    elif key == "categorical_crossentropy":
        needed = labels.columns
        _check_categorical(activation, labels, fields)
        metrics = ("accuracy",)
    else:
        needed = labels.n_classes
        _check_sparse(activation, labels, fields, units)
        metrics = ("accuracy",)

    if units is None:
        units = needed
    elif key != "sparse_categorical_crossentropy" and units != needed:
        raise ValueError(
            _("output_units={units} does not match y, which has {needed} column(s); "
              "loss={loss!r} compares each output unit with one column of y, so use "
              "output_units={needed}.", units=units, needed=needed, loss=key)
        )
    if key in ("categorical_crossentropy", "sparse_categorical_crossentropy") and units < 2:
        raise ValueError(
            _("output_units=1 with loss={loss!r} gives a loss that is always 0 (a softmax over "
              "one unit is always 1). Use output_units=2 for two classes (one unit per "
              "class), or keep the single unit with loss='binary_crossentropy'.", loss=key)
        )
    fields = {**fields, "units": units}
    if key in _REGRESSION_LOSSES and _is_class_labels(labels):
        # Whole numbers may be quantities or classes: say both, so "fits" never reads as
        # approval of a regression on class ids.
        reason = msg.class_labels_fit_regression(_variant(labels), fields)
    else:
        reason = msg.setup_fits(_variant(labels), from_logits, fields) + _one_based(labels)
    return LossChoice(key, activation, units, metrics, reason)


def _check_logits(loss: str, activation: str, from_logits: bool) -> None:
    if loss in _REGRESSION_LOSSES:
        if from_logits:
            raise ValueError(
                _("from_logits=True only applies to crossentropy losses; got loss={loss!r}, "
                  "which compares the outputs with y directly. Drop from_logits.", loss=loss)
            )
        return
    if activation in ("sigmoid", "softmax") and from_logits:
        backend = backend_name()
        if sys.modules.get("keras") is None and not _installed(
                _BACKEND_MODULES.get(backend, backend)):
            backend = ""  # the configured backend is not installed: nothing is active here
        if backend == "tensorflow":
            message = _(
                "output_activation={activation!r} already turns outputs into probabilities, "
                "so from_logits=True contradicts it: the TensorFlow backend (active here) warns "
                "and takes the logits from the output layer instead, but the JAX and PyTorch "
                "backends apply it twice, and then even a perfect prediction has a loss above "
                "0. Use from_logits=False, or output_activation='linear' with from_logits=True "
                "(exact and stable on every backend).", activation=activation)
        elif backend in ("jax", "torch"):
            message = _(
                "output_activation={activation!r} already turns outputs into probabilities, "
                "so from_logits=True contradicts it: the active JAX or PyTorch backend applies "
                "it twice (only the TensorFlow backend warns and takes the logits from the "
                "output layer), and then even a perfect prediction has a loss above 0. Use "
                "from_logits=False, or output_activation='linear' with from_logits=True (exact "
                "and stable on every backend).", activation=activation)
        else:
            message = _(
                "output_activation={activation!r} already turns outputs into probabilities, "
                "so from_logits=True contradicts it: the JAX and PyTorch backends apply it "
                "twice (the TensorFlow backend warns and takes the logits from the output layer "
                "instead), and then even a perfect prediction has a loss above 0. Use "
                "from_logits=False, or output_activation='linear' with from_logits=True (exact "
                "and stable on every backend).", activation=activation)
        raise ValueError(message)
    if activation == "linear" and not from_logits:
        raise ValueError(
            _("output_activation='linear' outputs logits (any real number), but loss={loss!r} "
              "with from_logits=False expects probabilities: pass from_logits=True, or use "
              "output_activation={probability!r}.",
              loss=loss, probability=_probability_activation(loss))
        )
    if activation not in ("sigmoid", "softmax", "linear"):
        raise ValueError(
            _("loss={loss!r} needs probabilities or logits, but output_activation="
              "{activation!r} gives neither: use output_activation={probability!r}, or "
              "'linear' with from_logits=True.",
              loss=loss, activation=activation, probability=_probability_activation(loss))
        )


# The package each Keras backend imports.
_BACKEND_MODULES = {"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}


def _installed(module: str) -> bool:
    """Whether ``module`` can be imported here (without importing it)."""
    if module in sys.modules:
        return sys.modules[module] is not None
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _probability_activation(loss: str) -> str:
    return "sigmoid" if loss == "binary_crossentropy" else "softmax"


def _is_class_labels(labels: _Labels) -> bool:
    return labels.kind in ("binary", "class_ids", "one_hot", "multi_hot")


def _check_regression(activation: str, labels: _Labels, fields: dict[str, Any]) -> None:
    if activation in ("sigmoid", "softmax") and _is_class_labels(labels):
        raise ValueError(msg.class_labels_with_regression_loss(_variant(labels), fields))
    if activation == "softmax":
        raise ValueError(msg.softmax_with_regression_loss(_variant(labels), fields))
    if activation in _RANGES:
        low, high = _RANGES[activation]
        if labels.low < low or labels.high > high:
            raise ValueError(
                msg.targets_out_of_range(
                    _variant(labels), {**fields, "range_low": low, "range_high": high}
                )
            )


def _check_binary(activation: str, labels: _Labels, fields: dict[str, Any]) -> None:
    if labels.kind == "class_ids" or labels.low < 0 or labels.high > 1:
        raise ValueError(msg.binary_loss_needs_unit_interval(_variant(labels), fields))
    if activation == "softmax":
        raise ValueError(msg.softmax_with_binary_loss(_variant(labels), fields))
    if labels.kind in ("one_hot", "soft"):
        # Trains, but as k independent yes/no questions: the outputs need not sum to 1 and
        # binary_accuracy rewards predicting 0 everywhere with (k - 1) / k.
        zero_accuracy = (labels.columns - 1) / labels.columns
        raise ValueError(msg.independent_units_for_one_class(
            labels.kind, activation == "linear", {**fields, "zero_accuracy": zero_accuracy}))


def _check_categorical(activation: str, labels: _Labels, fields: dict[str, Any]) -> None:
    if labels.kind in ("binary", "class_ids", "multi_hot", "real"):
        raise ValueError(msg.categorical_loss_needs_one_hot(_variant(labels), fields))
    _check_softmax_for_categorical("categorical_crossentropy", activation)


def _check_softmax_for_categorical(loss: str, activation: str) -> None:
    if activation == "sigmoid":
        raise ValueError(
            _("loss={loss!r} expects a softmax output (probabilities summing to 1 over the "
              "classes); got output_activation='sigmoid': use output_activation='softmax'.",
              loss=loss)
        )


def _check_sparse(
    activation: str, labels: _Labels, fields: dict[str, Any], units: int | None
) -> None:
    if labels.kind in ("one_hot", "soft", "multi_hot", "real"):
        raise ValueError(msg.sparse_loss_needs_class_ids(_variant(labels), fields))
    _check_softmax_for_categorical("sparse_categorical_crossentropy", activation)
    if units is not None and labels.high >= units:
        top = int(labels.high)
        raise ValueError(
            _("y contains class id {top}, but output_units={units} can only predict class ids "
              "0..{last}: use output_units={needed} (one unit per class).",
              top=top, units=units, last=units - 1, needed=top + 1) + _one_based(labels)
        )
