r"""Loss functions in numpy, checked against ``keras.losses``, and help choosing one.

The five losses return one value per sample, exactly like the functional forms in
``keras.losses`` (``keras.losses.mean_squared_error`` and friends): the elementwise loss
is reduced over the **last** axis.  ``model.fit`` then averages these values over the
batch.  Probabilities are clipped to ``[eps, 1 - eps]`` with ``eps = 1e-7``
(``keras.config.epsilon()``), as Keras does, so probabilities of exactly 0 and 1 give
large but finite losses; with ``from_logits=True`` the log-sum-exp formulation keeps
logits of :math:`\pm 10^4` finite.

:func:`select_loss` picks the loss, output activation, number of output units and
metrics for a task or a label array, and :func:`check_setup` explains the classic
mismatches between labels, loss and output layer before they silently ruin training.

This module imports numpy only (never TensorFlow), so it is cheap to import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ._i18n import _
from ._registry import Registry, reexport
from ._validation import (
    as_float_array,
    check_bool,
    check_finite,
    quiet_underflow,
)

#: Clipping constant for probabilities, equal to ``keras.config.epsilon()``.
EPSILON = 1e-7

# The losses by name: each loss below registers itself, with the short names Keras also
# accepts in model.compile(loss=...) as aliases.
_LOSSES: Registry[Callable[..., np.ndarray]] = Registry()
_loss = _LOSSES.register

# ----------------------------------------------------------------------------------------
# Input checking shared by the losses.


def _as_pair(y_true: Any, y_pred: Any, loss: str) -> tuple[np.ndarray, np.ndarray]:
    """Validate both arrays; y_true takes y_pred's float dtype, as in Keras."""
    y_pred = as_float_array("y_pred", y_pred, allow_empty=False)
    y_true = as_float_array("y_true", y_true, allow_empty=False).astype(y_pred.dtype)
    check_finite("y_true", y_true)
    check_finite("y_pred", y_pred)
    for argname, arr in (("y_true", y_true), ("y_pred", y_pred)):
        if arr.ndim == 0:
            raise ValueError(
                _("{argname} must be at least 1-D for {loss}; got a scalar {value!r}. Pass one "
                  "value per sample, e.g. shape (batch,) or (batch, 1).",
                  argname=argname, loss=loss, value=arr)
            )
    return y_true, y_pred


def _same_rank(y_true: np.ndarray, y_pred: np.ndarray, loss: str) -> tuple[np.ndarray, ...]:
    # Keras' squeeze_or_expand_to_same_rank: (batch,) labels against a (batch, 1) output
    # become (batch, 1), which is what model.fit does before calling the loss.
    if y_true.ndim == y_pred.ndim + 1 and y_true.shape[-1] == 1:
        if y_pred.ndim == 1:
            y_pred = y_pred[..., None]
        else:
            y_true = y_true[..., 0]
    elif y_pred.ndim == y_true.ndim + 1 and y_pred.shape[-1] == 1:
        if y_true.ndim == 1:
            y_true = y_true[..., None]
        else:
            y_pred = y_pred[..., 0]
    if y_true.shape != y_pred.shape:
        raise ValueError(
            _("y_true and y_pred must have the same shape for {loss}; got "
              "y_true.shape={true_shape} and y_pred.shape={pred_shape}.",
              loss=loss, true_shape=y_true.shape, pred_shape=y_pred.shape)
        )
    return y_true, y_pred


def _value_range(arr: np.ndarray) -> dict[str, float]:
    return {"low": float(np.min(arr)), "high": float(np.max(arr))}


def _check_probabilities(y_pred: np.ndarray, loss: str) -> None:
    if np.any(y_pred < 0) or np.any(y_pred > 1):
        raise ValueError(
            _("y_pred must hold probabilities in [0, 1] for {loss} with from_logits=False; got "
              "values in [{low:.4g}, {high:.4g}]. If y_pred are raw scores (logits) from a "
              "'linear' output layer, pass from_logits=True.",
              loss=loss, **_value_range(y_pred))
        )


def _check_unit_interval_labels(y_true: np.ndarray, loss: str, hint: str) -> None:
    """Reject labels outside [0, 1]; ``hint``, a sentence of its own, says what to do."""
    if np.any(y_true < 0) or np.any(y_true > 1):
        raise ValueError(
            _("y_true must hold labels in [0, 1] for {loss}; got values in [{low:.4g}, "
              "{high:.4g}].", loss=loss, **_value_range(y_true))
            + " " + hint
        )


def _log_softmax(z: np.ndarray) -> np.ndarray:
    """``z - logsumexp(z)`` over the last axis, computed from the shifted scores.

    Subtracting the maximum first keeps every exponent <= 0 (no overflow for logits of
    1e4) and, because the result is formed from ``z - max`` rather than ``z`` itself,
    does not lose the small terms to float32 rounding of a large ``max + log(sum)``.
    """
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


# ----------------------------------------------------------------------------------------
# The losses.


@_loss(aliases=("mse",))
def mean_squared_error(y_true: Any, y_pred: Any) -> np.ndarray:
    r"""Mean squared error per sample, like ``keras.losses.mean_squared_error``.

    .. math:: L = \frac{1}{k} \sum_{j=1}^{k} (y_j - \hat y_j)^2

    averaged over the last axis (the :math:`k` outputs of one sample).  It is the loss
    of choice for regression, and the maximum-likelihood loss for Gaussian noise.

    Parameters
    ----------
    y_true : array_like
        Targets, shape ``(batch, k)`` (or ``(batch,)`` against a ``(batch, 1)`` output).
    y_pred : array_like
        Predictions, same shape as ``y_true``.

    Returns
    -------
    numpy.ndarray
        Shape ``y_pred.shape[:-1]``, e.g. ``(batch,)``; the float dtype of ``y_pred``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If an input is empty, a scalar or holds NaN/inf, or the shapes differ.

    See Also
    --------
    mean_absolute_error : Less sensitive to outliers.
    select_loss : Chooses between them.

    Notes
    -----
    As in Keras, the mean runs over the last axis, so two 1-D arrays of shape
    ``(batch,)`` give a single number (the last axis is then the batch).  A
    ``(batch,)`` label array against a ``(batch, 1)`` prediction is expanded to
    ``(batch, 1)`` first, as ``model.fit`` does.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.losses import mean_squared_error
    >>> mean_squared_error([[0.0, 1.0], [2.0, 2.0]], [[1.0, 1.0], [2.0, 5.0]])
    array([0.5, 4.5])
    """
    y_true, y_pred = _as_pair(y_true, y_pred, "mean_squared_error")
    y_true, y_pred = _same_rank(y_true, y_pred, "mean_squared_error")
    return np.mean(np.square(y_true - y_pred), axis=-1)


@_loss(aliases=("mae",))
def mean_absolute_error(y_true: Any, y_pred: Any) -> np.ndarray:
    r"""Mean absolute error per sample, like ``keras.losses.mean_absolute_error``.

    .. math:: L = \frac{1}{k} \sum_{j=1}^{k} |y_j - \hat y_j|

    averaged over the last axis.  Large errors count linearly rather than squared, so
    a few outliers pull the model less than with :func:`mean_squared_error`.

    Parameters
    ----------
    y_true : array_like
        Targets, shape ``(batch, k)`` (or ``(batch,)`` against a ``(batch, 1)`` output).
    y_pred : array_like
        Predictions, same shape as ``y_true``.

    Returns
    -------
    numpy.ndarray
        Shape ``y_pred.shape[:-1]``; the float dtype of ``y_pred``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If an input is empty, a scalar or holds NaN/inf, or the shapes differ.

    See Also
    --------
    mean_squared_error : The default regression loss.
    select_loss : ``select_loss("regression", robust=True)`` chooses this loss.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.losses import mean_absolute_error
    >>> mean_absolute_error([[0.0, 1.0], [2.0, 2.0]], [[1.0, 1.0], [2.0, 5.0]])
    array([0.5, 1.5])
    """
    y_true, y_pred = _as_pair(y_true, y_pred, "mean_absolute_error")
    y_true, y_pred = _same_rank(y_true, y_pred, "mean_absolute_error")
    return np.mean(np.abs(y_true - y_pred), axis=-1)


@_loss()
@quiet_underflow
def binary_crossentropy(y_true: Any, y_pred: Any, from_logits: bool = False) -> np.ndarray:
    r"""Binary crossentropy per sample, like ``keras.losses.binary_crossentropy``.

    .. math:: L = -\frac{1}{k} \sum_{j=1}^{k}
              \bigl[y_j \log p_j + (1 - y_j) \log(1 - p_j)\bigr]

    averaged over the last axis, where :math:`p_j` is the predicted probability that
    label :math:`j` is 1.  It is the loss for binary and multi-label classification,
    with a ``sigmoid`` output layer.

    Parameters
    ----------
    y_true : array_like
        Labels in [0, 1] (usually exactly 0 or 1), shape ``(batch, k)``.
    y_pred : array_like
        Probabilities in [0, 1], or logits if ``from_logits=True``; same shape.
    from_logits : bool, default False
        Whether ``y_pred`` holds logits (the output of a ``'linear'`` layer) rather than
        probabilities.

    Returns
    -------
    numpy.ndarray
        Shape ``y_pred.shape[:-1]``; the float dtype of ``y_pred``; always >= 0.

    Raises
    ------
    TypeError
        If an input is not numeric or ``from_logits`` is not a bool.
    ValueError
        If an input is empty, a scalar or holds NaN/inf, the shapes differ, ``y_true``
        is outside [0, 1], or probabilities are outside [0, 1] with
        ``from_logits=False``.

    See Also
    --------
    categorical_crossentropy : For one label out of many classes (softmax output).
    dlref.activations.sigmoid : Turns logits into the probabilities used here.

    Notes
    -----
    Probabilities are clipped to :math:`[\epsilon, 1 - \epsilon]`, :math:`\epsilon =
    10^{-7}`, in the dtype of ``y_pred``; in float32, :math:`1 - \epsilon` rounds to
    0.99999988, so a confident mistake costs :math:`-\log(1.19\times10^{-7}) \approx
    15.94` when the label is 0 but :math:`-\log 10^{-7} \approx 16.12` when it is 1.
    With ``from_logits=True`` the loss is :math:`\max(z, 0) - z y + \log(1 + e^{-|z|})`
    (TensorFlow's ``sigmoid_cross_entropy_with_logits``), exact for any logit.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.losses import binary_crossentropy
    >>> binary_crossentropy([[0.0, 1.0], [0.0, 0.0]], [[0.6, 0.4], [0.4, 0.6]])
    array([0.91629073, 0.71355818])

    A probability of exactly 0 for a true label gives :math:`-\log 10^{-7}`, not inf:

    >>> binary_crossentropy([[1.0]], [[0.0]])
    array([16.11809565])
    >>> binary_crossentropy([[1.0]], [[-1e4]], from_logits=True)
    array([10000.])
    """
    from_logits = check_bool("from_logits", from_logits)
    y_true, y_pred = _as_pair(y_true, y_pred, "binary_crossentropy")
    y_true, y_pred = _same_rank(y_true, y_pred, "binary_crossentropy")
    _check_unit_interval_labels(
        y_true,
        "binary_crossentropy",
        _("For class ids 0..K-1 use sparse_categorical_crossentropy; for real-valued targets "
          "use mean_squared_error."),
    )
    if from_logits:
        z = y_pred
        elementwise = np.maximum(z, 0) - z * y_true + np.log1p(np.exp(-np.abs(z)))
    else:
        _check_probabilities(y_pred, "binary_crossentropy")
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        elementwise = -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))
    return np.mean(elementwise, axis=-1)


def _reject_class_ids_for_categorical(y_true: np.ndarray, y_pred: np.ndarray) -> None:
    # (batch,) or (batch, 1) labels against (batch, C) scores: integer class ids given
    # to the one-hot loss, the most common crossentropy mistake.
    looks_like_ids = y_true.ndim == y_pred.ndim - 1 or (
        y_true.ndim == y_pred.ndim and y_true.shape[-1] == 1 and y_pred.shape[-1] > 1
    )
    if looks_like_ids and y_true.shape[: y_pred.ndim - 1] == y_pred.shape[:-1]:
        raise ValueError(
            _("y_true has shape {true_shape} but y_pred has shape {pred_shape}: "
              "categorical_crossentropy needs one-hot y_true with one column per class. For "
              "integer class ids use sparse_categorical_crossentropy, or one-hot encode them "
              "with keras.utils.to_categorical(y_true, num_classes).",
              true_shape=y_true.shape, pred_shape=y_pred.shape)
        )


@_loss()
@quiet_underflow
def categorical_crossentropy(y_true: Any, y_pred: Any, from_logits: bool = False) -> np.ndarray:
    r"""Categorical crossentropy per sample, like ``keras.losses.categorical_crossentropy``.

    .. math:: L = -\sum_{c=1}^{C} y_c \log p_c

    over the last (class) axis, for one-hot (or soft) labels :math:`y` and predicted
    class probabilities :math:`p`.  It is the loss for single-label classification
    with a ``softmax`` output layer when labels are one-hot encoded.

    Parameters
    ----------
    y_true : array_like
        One-hot (or soft) labels in [0, 1], shape ``(batch, C)``.
    y_pred : array_like
        Class probabilities, or logits if ``from_logits=True``; same shape.
    from_logits : bool, default False
        Whether ``y_pred`` holds logits rather than probabilities.

    Returns
    -------
    numpy.ndarray
        Shape ``y_pred.shape[:-1]``; the float dtype of ``y_pred``; always >= 0.

    Raises
    ------
    TypeError
        If an input is not numeric or ``from_logits`` is not a bool.
    ValueError
        If an input is empty, a scalar or holds NaN/inf; if ``y_true`` looks like
        integer class ids; if the shapes differ or there is only one class; if
        ``y_true`` is outside [0, 1]; if probabilities are outside [0, 1] or a row of
        probabilities sums to 0 (with ``from_logits=False``).

    See Also
    --------
    sparse_categorical_crossentropy : The same loss for integer class ids.
    binary_crossentropy : For independent yes/no labels (sigmoid output).
    dlref.activations.softmax : Turns logits into the probabilities used here.

    Notes
    -----
    Like Keras, each row of probabilities is first divided by its sum and then
    clipped to :math:`[\epsilon, 1 - \epsilon]`, :math:`\epsilon = 10^{-7}`.  With
    ``from_logits=True`` the loss is :math:`\sum_c y_c (\operatorname{lse}(z) - z_c)`
    with the log-sum-exp :math:`\operatorname{lse}(z) = \log\sum_c e^{z_c}`, computed
    from :math:`z - \max z` so that logits of :math:`\pm 10^4` stay exact.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.losses import categorical_crossentropy
    >>> y_true = [[0, 1, 0], [0, 0, 1]]
    >>> y_pred = [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]]
    >>> categorical_crossentropy(y_true, y_pred)
    array([0.05129329, 2.30258509])
    """
    from_logits = check_bool("from_logits", from_logits)
    y_true, y_pred = _as_pair(y_true, y_pred, "categorical_crossentropy")
    _reject_class_ids_for_categorical(y_true, y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(
            _("y_true and y_pred must have the same shape for {loss}; got "
              "y_true.shape={true_shape} and y_pred.shape={pred_shape}.",
              loss="categorical_crossentropy", true_shape=y_true.shape,
              pred_shape=y_pred.shape)
        )
    if y_pred.shape[-1] < 2:
        raise ValueError(
            _("y_pred must have at least 2 class columns for categorical_crossentropy; got "
              "shape {shape}. With one column the loss is always 0: for two classes use "
              "binary_crossentropy with a 1-unit sigmoid output.", shape=y_pred.shape)
        )
    _check_unit_interval_labels(
        y_true, "categorical_crossentropy", _("Pass one-hot rows (one 1 per row).")
    )
    if from_logits:
        return -np.sum(y_true * _log_softmax(y_pred), axis=-1)
    _check_probabilities(y_pred, "categorical_crossentropy")
    total = np.sum(y_pred, axis=-1, keepdims=True)
    if np.any(total == 0):
        raise ValueError(
            _("y_pred has rows of probabilities that sum to 0 (every class has probability "
              "0), so they cannot be normalised for categorical_crossentropy; a softmax output "
              "never does this.")
        )
    p = np.clip(y_pred / total, EPSILON, 1 - EPSILON)
    return -np.sum(y_true * np.log(p), axis=-1)


def _class_ids(argname: str, y: np.ndarray, hint: str) -> None:
    """Reject values that are not class ids; ``hint``, a sentence of its own, says what to do."""
    if not np.all(y == np.round(y)) or np.any(y < 0):
        bad = y[(y != np.round(y)) | (y < 0)]
        raise ValueError(
            _("{argname} must hold integer class ids 0, 1, ..., C-1; got values such as "
              "{value!r} (range [{low:.4g}, {high:.4g}]).",
              argname=argname, value=float(bad.flat[0]), **_value_range(y))
            + " " + hint
        )


@_loss()
@quiet_underflow
def sparse_categorical_crossentropy(
    y_true: Any, y_pred: Any, from_logits: bool = False
) -> np.ndarray:
    r"""Crossentropy for integer class ids, like ``keras.losses.sparse_categorical_crossentropy``.

    .. math:: L = -\log p_{y}

    the negative log of the probability given to the true class :math:`y`.  It equals
    :func:`categorical_crossentropy` on one-hot labels, without building them.

    Parameters
    ----------
    y_true : array_like
        Integer class ids ``0 .. C-1``, shape ``(batch,)`` or ``(batch, 1)``.
    y_pred : array_like
        Class probabilities, or logits if ``from_logits=True``, shape ``(batch, C)``.
    from_logits : bool, default False
        Whether ``y_pred`` holds logits rather than probabilities.

    Returns
    -------
    numpy.ndarray
        Shape ``y_pred.shape[:-1]``; the float dtype of ``y_pred``; always >= 0.

    Raises
    ------
    TypeError
        If an input is not numeric or ``from_logits`` is not a bool.
    ValueError
        If an input is empty, a scalar or holds NaN/inf; if ``y_true`` looks one-hot
        encoded, holds non-integers, negative ids or ids >= C; if the shapes do not
        match; if there is only one class column; if probabilities are outside [0, 1].

    See Also
    --------
    categorical_crossentropy : The same loss for one-hot labels.
    select_loss : Tells which of the two your labels need.

    Notes
    -----
    Keras (TensorFlow backend) clips the probabilities to :math:`[\epsilon, 1 -
    \epsilon]`, takes the log and feeds it to ``sparse_softmax_cross_entropy_with_logits``,
    so the clipped row is renormalised *after* clipping:
    :math:`L = \log\sum_c \tilde p_c - \log \tilde p_y`.  (The one-hot loss
    normalises *before* clipping.)  This function does the same.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.losses import sparse_categorical_crossentropy
    >>> y_pred = [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]]
    >>> sparse_categorical_crossentropy([1, 2], y_pred)
    array([0.05129339, 2.30258509])
    >>> sparse_categorical_crossentropy([0], [[1e4, -1e4]], from_logits=True)
    array([0.])
    """
    from_logits = check_bool("from_logits", from_logits)
    y_true, y_pred = _as_pair(y_true, y_pred, "sparse_categorical_crossentropy")
    if y_true.ndim == y_pred.ndim and y_true.shape == y_pred.shape and y_pred.shape[-1] > 1:
        raise ValueError(
            _("y_true has the same shape as y_pred, {shape}, so it looks one-hot encoded, but "
              "sparse_categorical_crossentropy needs integer class ids of shape {ids_shape}: "
              "use loss='categorical_crossentropy' or pass integer class ids "
              "(y_true.argmax(axis=-1)).", shape=y_true.shape, ids_shape=y_pred.shape[:-1])
        )
    if y_true.ndim == y_pred.ndim and y_true.shape[-1] == 1:
        y_true = y_true[..., 0]
    if y_true.shape != y_pred.shape[:-1]:
        raise ValueError(
            _("y_true must have shape y_pred.shape[:-1] (one class id per sample) for "
              "sparse_categorical_crossentropy; got y_true.shape={true_shape} and "
              "y_pred.shape={pred_shape}.", true_shape=y_true.shape, pred_shape=y_pred.shape)
        )
    n_classes = y_pred.shape[-1]
    if n_classes < 2:
        raise ValueError(
            _("y_pred must have at least 2 class columns for sparse_categorical_crossentropy; "
              "got shape {shape}. For two classes with a single output unit use "
              "binary_crossentropy with a sigmoid output.", shape=y_pred.shape)
        )
    _class_ids("y_true", y_true, _("Use categorical_crossentropy for soft labels."))
    if np.max(y_true) >= n_classes:
        top = int(np.max(y_true))
        raise ValueError(
            _("y_true contains class id {top}, but y_pred has only {k} columns (class ids "
              "0..{last}). Give the output layer {needed} units.",
              top=top, k=n_classes, last=n_classes - 1, needed=top + 1)
        )
    if from_logits:
        scores = y_pred
    else:
        _check_probabilities(y_pred, "sparse_categorical_crossentropy")
        scores = np.log(np.clip(y_pred, EPSILON, 1 - EPSILON))
    index = y_true.astype(np.intp)[..., None]
    return -np.take_along_axis(_log_softmax(scores), index, axis=-1)[..., 0]


def names() -> tuple[str, ...]:
    """Names of the losses in this module, sorted alphabetically.

    They are the Keras names: each function equals the ``keras.losses`` function of the same
    name, and the same string works as ``model.compile(loss=...)``.

    Returns
    -------
    tuple of str
        Names accepted by :func:`get` (which also accepts Keras' short names ``"mse"`` and
        ``"mae"``).

    See Also
    --------
    get : Look a loss up by name.

    Examples
    --------
    >>> from dlref.losses import names
    >>> names()
    ('binary_crossentropy', 'categorical_crossentropy', 'mean_absolute_error',
     'mean_squared_error', 'sparse_categorical_crossentropy')
    """
    return _LOSSES.names()


def get(name: str) -> Callable[..., np.ndarray]:
    """Return the loss function called ``name``, like ``keras.losses.get``.

    Parameters
    ----------
    name : str
        One of :func:`names` or Keras' short names ``"mse"`` and ``"mae"``
        (case-insensitive): the string you would pass to ``model.compile(loss=...)``.

    Returns
    -------
    callable
        The numpy function, e.g. :func:`mean_squared_error`.

    Raises
    ------
    TypeError
        If ``name`` is not a string.
    ValueError
        If ``name`` is unknown; the message suggests the closest name.

    See Also
    --------
    names : All valid names.
    select_loss : Which loss fits your labels.

    Examples
    --------
    >>> from dlref.losses import get
    >>> get("mse")([[0.0, 1.0]], [[1.0, 1.0]])
    array([0.5])
    >>> get("binary_crossentropy").__name__
    'binary_crossentropy'
    >>> get("categorical_crosentropy")
    Traceback (most recent call last):
    ...
    ValueError: name='categorical_crosentropy' is not supported; allowed values are [...]. Did
    you mean 'categorical_crossentropy'?
    """
    return _LOSSES.get(name)


# The setup advisor has its own module; its public names are documented, imported and
# pickled from here, where the API page has them.
from ._loss_advisor import LossChoice, check_setup, select_loss  # noqa: E402

reexport(__name__, LossChoice, check_setup, select_loss)

# The losses are exactly the registered functions: adding one needs no edit here.
__all__ = ["EPSILON", "LossChoice", *names(), "select_loss", "check_setup", "names", "get"]
