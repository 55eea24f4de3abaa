"""dlref.evaluation against scikit-learn: class weights and threshold metrics."""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest

sklearn_metrics = pytest.importorskip("sklearn.metrics")
import bad_input  # noqa: E402
from sklearn.utils.class_weight import compute_class_weight  # noqa: E402

from dlref.evaluation import balanced_class_weight, threshold_metrics  # noqa: E402


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_balanced_class_weight_matches_sklearn(seed):
    y = np.random.default_rng(seed).choice(4, size=97, p=[0.6, 0.25, 0.1, 0.05])
    classes = np.unique(y)
    expected = compute_class_weight("balanced", classes=classes, y=y)
    got = balanced_class_weight(y)
    assert list(got) == classes.tolist()
    np.testing.assert_allclose(list(got.values()), expected, rtol=1e-12)
    # Every class then carries the same total weight n / k.
    totals = [np.sum(y == c) * w for c, w in got.items()]
    np.testing.assert_allclose(totals, len(y) / len(classes))


def test_balanced_class_weight_accepts_whole_floats():
    assert balanced_class_weight(np.array([0.0, 1.0, 1.0, 1.0])) == {0: 2.0, 1: 2 / 3}


@pytest.mark.parametrize("threshold", [0.1, 0.3, 0.5, 0.8, 0.99])
def test_threshold_metrics_match_sklearn(threshold):
    rng = np.random.default_rng(0)
    y = (rng.random(300) < 0.1).astype(int)
    score = np.clip(0.4 * y + rng.random(300) * 0.7, 0, 1)
    m = threshold_metrics(y, score, threshold)
    pred = (score >= threshold).astype(int)
    tn, fp, fn, tp = sklearn_metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    assert (m["tp"], m["fp"], m["fn"], m["tn"]) == (tp, fp, fn, tn)
    kw = {"zero_division": 0}
    assert m["precision"] == pytest.approx(sklearn_metrics.precision_score(y, pred, **kw))
    assert m["recall"] == pytest.approx(sklearn_metrics.recall_score(y, pred, **kw))
    assert m["f1"] == pytest.approx(sklearn_metrics.f1_score(y, pred, **kw))
    assert m["accuracy"] == pytest.approx(sklearn_metrics.accuracy_score(y, pred))


def test_threshold_metrics_no_positive_prediction_gives_zero_precision():
    m = threshold_metrics([0, 1, 0], [0.1, 0.2, 0.3], threshold=0.9)
    assert (m["precision"], m["recall"], m["f1"], m["accuracy"]) == (0.0, 0.0, 0.0, 2 / 3)


BAD_INPUT = [
    (partial(balanced_class_weight, []), ValueError, r"y must be a non-empty 1-D array"),
    (partial(balanced_class_weight, [0.5, 1.0]), ValueError, r"y must hold integer class"),
    (partial(threshold_metrics, [0, 2], [0.1, 0.2]), ValueError, r"y_true must hold only 0 and 1"),
    (partial(threshold_metrics, [0, 1], [0.1]), ValueError, r"same length; got 2 and 1"),
    (partial(threshold_metrics, [0, 1], [0.1, np.nan]), ValueError, r"y_score must be finite"),
    (partial(threshold_metrics, [0, 1], [0.1, 0.2], "0.5"), TypeError,
     r"threshold must be a real number; got str '0\.5'"),
    (partial(threshold_metrics, "01", [0.1, 0.2]), TypeError, r"y_true must be a number"),
]

test_bad_input_is_explained = bad_input.make_test(BAD_INPUT)
