"""Numbers for imbalanced classification: class weights and threshold metrics.

Plain numpy, so that the concept pages can show every count behind a precision or
recall and so that ``import dlref`` stays free of TensorFlow and scikit-learn (which
is not a runtime dependency of dlref; the tests check these functions against it).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._i18n import _
from ._validation import as_float_array, check_number

__all__ = ["balanced_class_weight", "threshold_metrics"]


def balanced_class_weight(y: Any) -> dict[int, float]:
    r"""Return the "balanced" class weights for ``model.fit(class_weight=...)``.

    Each class :math:`c` with :math:`n_c` of the :math:`n` samples gets
    :math:`w_c = n / (k\,n_c)`, where :math:`k` is the number of classes, so that every
    class contributes the same total weight to the loss (scikit-learn's
    ``class_weight="balanced"``).

    Parameters
    ----------
    y : array_like of int
        Integer class labels, one per sample.

    Returns
    -------
    dict of int to float
        ``{class: weight}`` for every class present in ``y``, sorted by class.

    Raises
    ------
    ValueError
        If ``y`` is empty, not one-dimensional, or holds non-integer labels.

    See Also
    --------
    threshold_metrics : What the weights change: precision and recall.

    Examples
    --------
    Nine negatives and one positive: the positive weighs nine times as much.

    >>> from dlref.evaluation import balanced_class_weight
    >>> balanced_class_weight([0] * 9 + [1])
    {0: 0.5555555555555556, 1: 5.0}
    """
    labels = np.asarray(y)
    if labels.ndim != 1 or labels.size == 0:
        raise ValueError(
            _("y must be a non-empty 1-D array of class labels; got shape {shape}.",
              shape=labels.shape)
        )
    if not np.issubdtype(labels.dtype, np.integer):
        if not (np.issubdtype(labels.dtype, np.floating) and np.all(labels == np.round(labels))):
            raise ValueError(
                _("y must hold integer class labels; got dtype {dtype} with values such as "
                  "{values}.", dtype=labels.dtype, values=labels[:3].tolist())
            )
        labels = labels.astype(int)
    classes, counts = np.unique(labels, return_counts=True)
    weights = labels.size / (classes.size * counts)
    return {int(c): float(w) for c, w in zip(classes, weights, strict=True)}


def threshold_metrics(y_true: Any, y_score: Any, threshold: float = 0.5) -> dict[str, float]:
    r"""Confusion counts, precision, recall, F1 and accuracy at one decision threshold.

    A sample is predicted positive when ``y_score >= threshold``.  With the counts
    TP, FP, FN, TN of the confusion matrix:

    .. math::
        \text{precision} = \frac{TP}{TP + FP},\quad
        \text{recall} = \frac{TP}{TP + FN},\quad
        F_1 = \frac{2\,\text{precision}\cdot\text{recall}}{\text{precision} + \text{recall}}.

    A ratio whose denominator is 0 is reported as 0.0 (scikit-learn's
    ``zero_division=0``).

    Parameters
    ----------
    y_true : array_like of {0, 1}
        True binary labels.
    y_score : array_like of float
        Scores or probabilities of the positive class, same length.
    threshold : float, default 0.5
        Decision threshold.

    Returns
    -------
    dict of str to float
        Keys ``tp``, ``fp``, ``fn``, ``tn``, ``precision``, ``recall``, ``f1``,
        ``accuracy``.

    Raises
    ------
    ValueError
        If the labels are not 0/1, the lengths differ, or a value is not finite.
    TypeError
        If ``threshold`` is not a number.

    See Also
    --------
    balanced_class_weight : Weights that push a model towards the rare class.

    Examples
    --------
    >>> from dlref.evaluation import threshold_metrics
    >>> y = [0, 0, 0, 0, 1, 1]
    >>> s = [0.1, 0.2, 0.6, 0.3, 0.4, 0.9]
    >>> m = threshold_metrics(y, s)
    >>> m["tp"], m["fp"], m["fn"], m["tn"]
    (1.0, 1.0, 1.0, 3.0)
    >>> m["precision"], m["recall"], m["f1"]
    (0.5, 0.5, 0.5)
    >>> threshold_metrics(y, s, threshold=0.35)["recall"]  # a lower threshold finds both
    1.0
    """
    truth = as_float_array("y_true", y_true, allow_empty=False).ravel()
    score = as_float_array("y_score", y_score, allow_empty=False).ravel()
    t = check_number("threshold", threshold)
    if not np.all((truth == 0) | (truth == 1)):
        raise ValueError(
            _("y_true must hold only 0 and 1; got values {values}.",
              values=np.unique(truth)[:5].tolist())
        )
    if truth.size != score.size:
        raise ValueError(
            _("y_true and y_score must have the same length; got {n_true} and {n_score}.",
              n_true=truth.size, n_score=score.size)
        )
    if not np.all(np.isfinite(score)):
        raise ValueError(_("y_score must be finite; it holds NaN or inf."))
    pred = score >= t
    pos = truth == 1
    tp = float(np.sum(pred & pos))
    fp = float(np.sum(pred & ~pos))
    fn = float(np.sum(~pred & pos))
    tn = float(np.sum(~pred & ~pos))

    def ratio(a: float, b: float) -> float:
        return a / b if b else 0.0

    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return {
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": precision,
        "recall": recall,
        "f1": ratio(2 * precision * recall, precision + recall),
        "accuracy": (tp + tn) / truth.size,
    }
