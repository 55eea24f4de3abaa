"""Bad-input catalogue for dlref.activations and dlref.losses.

Every case gives the call, the exception type and a regex that the message must match.
The regex checks both the argument name and what was given (or what is allowed), so a
learner can fix the call from the message alone.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlref import activations as act
from dlref import losses as L
from dlref.losses import check_setup, select_loss

ONE_HOT = np.eye(3)[[0, 2, 1, 1]]
IDS = np.array([0, 2, 1, 1])
P3 = np.full((4, 3), 1 / 3)

CASES = [
    # --- activations: wrong types -------------------------------------------------------
    pytest.param(
        lambda: act.relu("abc"),
        TypeError,
        r"^x must be a number.*got the string 'abc'",
        id="relu-string",
    ),
    pytest.param(
        lambda: act.sigmoid([[1, 2], [3]]),
        TypeError,
        r"^x must be array-like of numbers; got list",
        id="sigmoid-ragged",
    ),
    pytest.param(
        lambda: act.tanh(np.array([1 + 2j])),
        TypeError,
        r"^x must hold real numbers.*got dtype complex128",
        id="tanh-complex",
    ),
    pytest.param(
        lambda: act.softplus(np.array([None, 1.0])),
        TypeError,
        r"^x must hold real numbers.*got dtype object",
        id="softplus-object",
    ),
    # --- activations: parameters ----------------------------------------------------------
    pytest.param(
        lambda: act.leaky_relu([1.0], negative_slope=-0.1),
        ValueError,
        r"^negative_slope must be in \[0, inf\); got -0\.1",
        id="leaky-negative-slope",
    ),
    pytest.param(
        lambda: act.leaky_relu([1.0], negative_slope="0.2"),
        TypeError,
        r"^negative_slope must be a real number; got str '0\.2'",
        id="leaky-slope-string",
    ),
    pytest.param(
        lambda: act.elu([1.0], alpha=float("nan")),
        ValueError,
        r"^alpha must be finite; got nan",
        id="elu-alpha-nan",
    ),
    pytest.param(
        lambda: act.elu([1.0], alpha=True),
        TypeError,
        r"^alpha must be a real number; got bool True",
        id="elu-alpha-bool",
    ),
    pytest.param(
        lambda: act.gelu([1.0], approximate="yes"),
        TypeError,
        r"^approximate must be True or False; got str 'yes'",
        id="gelu-approximate-string",
    ),
    # --- softmax: axis and shape ------------------------------------------------------------
    pytest.param(
        lambda: act.softmax([1.0, 2.0], axis=1),
        ValueError,
        r"^axis=1 is out of range for x of shape \(2,\); allowed values are -1\.\.0",
        id="softmax-axis-out-of-range",
    ),
    pytest.param(
        lambda: act.softmax([1.0, 2.0], axis=0.5),
        TypeError,
        r"^axis must be an integer; got float 0\.5",
        id="softmax-axis-float",
    ),
    pytest.param(
        lambda: act.softmax(3.0),
        ValueError,
        r"^x must have at least one dimension.*got a scalar",
        id="softmax-scalar",
    ),
    pytest.param(
        lambda: act.softmax(np.zeros((2, 0))),
        ValueError,
        r"^x has no entries along axis=-1 \(shape \(2, 0\)\)",
        id="softmax-empty-axis",
    ),
    pytest.param(
        lambda: act.softmax_jacobian(2.0),
        ValueError,
        r"^x must have at least one dimension.*scalar",
        id="jacobian-scalar",
    ),
    # --- activation names ---------------------------------------------------------------------
    pytest.param(
        lambda: act.get("reul"),
        ValueError,
        r"^name='reul' is not supported; allowed values are \[.*'relu'.*\]\. Did you mean 'relu'\?",
        id="get-misspelt",
    ),
    pytest.param(
        lambda: act.get(3),
        TypeError,
        r"^name must be a string, one of \[.*\]; got int 3",
        id="get-not-a-string",
    ),
    pytest.param(
        lambda: act.derivative("sigmod", [1.0]),
        ValueError,
        r"^name='sigmod'.*Did you mean 'sigmoid'\?",
        id="derivative-misspelt",
    ),
    pytest.param(
        lambda: act.derivative("softmax", [1.0]),
        ValueError,
        r"^name='softmax' has no elementwise derivative.*softmax_jacobian\(x\)",
        id="derivative-softmax",
    ),
    pytest.param(
        lambda: act.derivative("relu", [1.0], alpha=1.0),
        TypeError,
        (
            r"^derivative\('relu'\) got unexpected keyword argument\(s\) \['alpha'\]; it has no "
            r"parameters"
        ),
        id="derivative-unknown-kwarg",
    ),
    pytest.param(
        lambda: act.derivative("elu", [1.0], negative_slope=0.1),
        TypeError,
        (
            r"^derivative\('elu'\) got unexpected keyword argument\(s\) "
            r"\['negative_slope'\]; its only parameters are \['alpha'\]"
        ),
        id="derivative-wrong-kwarg",
    ),
    pytest.param(
        lambda: act.derivative("tanh", "0.5"),
        TypeError,
        r"^x must be a number.*got the string '0\.5'",
        id="derivative-x-string",
    ),
    # --- losses: types, shapes, empties, NaN ------------------------------------------------
    pytest.param(
        lambda: L.mean_squared_error("abc", [1.0]),
        TypeError,
        r"^y_true must be a number.*got the string 'abc'",
        id="mse-y_true-string",
    ),
    pytest.param(
        lambda: L.mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0]),
        ValueError,
        (
            r"^y_true and y_pred must have the same shape.*y_true\.shape=\(3,\) and "
            r"y_pred\.shape=\(2,\)"
        ),
        id="mse-shape-mismatch",
    ),
    pytest.param(
        lambda: L.mean_absolute_error([], []),
        ValueError,
        r"^y_pred must not be empty; got an array of shape \(0,\)",
        id="mae-empty",
    ),
    pytest.param(
        lambda: L.mean_squared_error(1.0, 2.0),
        ValueError,
        r"^y_true must be at least 1-D.*got a scalar",
        id="mse-scalars",
    ),
    pytest.param(
        lambda: L.binary_crossentropy([[np.nan]], [[0.5]]),
        ValueError,
        r"^y_true contains 1 NaN or infinite value",
        id="bce-nan-label",
    ),
    pytest.param(
        lambda: L.binary_crossentropy([[1.0]], [[np.inf]], from_logits=True),
        ValueError,
        r"^y_pred contains 1 NaN or infinite value",
        id="bce-inf-prediction",
    ),
    pytest.param(
        lambda: L.binary_crossentropy([[1.0, 0.0]], [[2.5, -1.0]]),
        ValueError,
        (
            r"^y_pred must hold probabilities in \[0, 1\].*got values in \[-1, "
            r"2\.5\].*from_logits=True"
        ),
        id="bce-logits-as-probabilities",
    ),
    pytest.param(
        lambda: L.binary_crossentropy([[2.0]], [[0.5]]),
        ValueError,
        r"^y_true must hold labels in \[0, 1\] for binary_crossentropy; got values in \[2, 2\]",
        id="bce-label-out-of-range",
    ),
    pytest.param(
        lambda: L.binary_crossentropy([[1.0]], [[0.5]], from_logits="no"),
        TypeError,
        r"^from_logits must be True or False; got str 'no'",
        id="bce-from_logits-string",
    ),
    pytest.param(
        lambda: L.categorical_crossentropy([0, 2], [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]]),
        ValueError,
        r"^y_true has shape \(2,\) but y_pred has shape \(2, 3\).*sparse_categorical_crossentropy",
        id="cce-integer-labels",
    ),
    pytest.param(
        lambda: L.categorical_crossentropy([[1.0]], [[1.0]]),
        ValueError,
        r"^y_pred must have at least 2 class columns.*got shape \(1, 1\)",
        id="cce-one-column",
    ),
    pytest.param(
        lambda: L.categorical_crossentropy([[1, 0]], [[0.0, 0.0]]),
        ValueError,
        r"^y_pred has rows of probabilities that sum to 0",
        id="cce-zero-row",
    ),
    pytest.param(
        lambda: L.sparse_categorical_crossentropy(ONE_HOT, P3),
        ValueError,
        (
            r"^y_true has the same shape as y_pred, \(4, "
            r"3\).*one-hot.*loss='categorical_crossentropy'.*argmax"
        ),
        id="scce-one-hot-labels",
    ),
    pytest.param(
        lambda: L.sparse_categorical_crossentropy([3], [[0.5, 0.5]]),
        ValueError,
        r"^y_true contains class id 3, but y_pred has only 2 columns \(class ids 0\.\.1\)",
        id="scce-id-too-large",
    ),
    pytest.param(
        lambda: L.sparse_categorical_crossentropy([0.5], [[0.5, 0.5]]),
        ValueError,
        r"^y_true must hold integer class ids.*got values such as 0\.5",
        id="scce-fractional-id",
    ),
    pytest.param(
        lambda: L.sparse_categorical_crossentropy([-1], [[0.5, 0.5]]),
        ValueError,
        r"^y_true must hold integer class ids.*got values such as -1\.0",
        id="scce-negative-id",
    ),
    pytest.param(
        lambda: L.sparse_categorical_crossentropy([0, 1], P3),
        ValueError,
        (
            r"^y_true must have shape y_pred\.shape\[:-1\].*y_true\.shape=\(2,\) and "
            r"y_pred\.shape=\(4, 3\)"
        ),
        id="scce-batch-mismatch",
    ),
    # --- select_loss -------------------------------------------------------------------------
    pytest.param(
        lambda: select_loss(),
        ValueError,
        (
            r"^select_loss needs task= or y=; got neither.*\['regression', 'binary', 'multiclass', "
            r"'multilabel'\]"
        ),
        id="select-nothing",
    ),
    pytest.param(
        lambda: select_loss("regresion"),
        ValueError,
        r"^task='regresion' is not supported.*Did you mean 'regression'\?",
        id="select-misspelt-task",
    ),
    pytest.param(
        lambda: select_loss(task=3),
        TypeError,
        r"^task must be a string, one of \[.*\]; got int 3",
        id="select-task-not-string",
    ),
    pytest.param(
        lambda: select_loss("multiclass"),
        ValueError,
        r"^task='multiclass' needs y to count the output units.*got y=None",
        id="select-multiclass-without-y",
    ),
    pytest.param(
        lambda: select_loss("binary", y=[0, 1, 2]),
        ValueError,
        r"^task='binary' does not fit y, which holds integer class ids 0\.\.2.*task='multiclass'",
        id="select-binary-vs-ids",
    ),
    pytest.param(
        lambda: select_loss("multiclass", y=[[1, 1], [0, 1]]),
        ValueError,
        r"^task='multiclass' does not fit y, which holds multi-hot rows.*task='multilabel'",
        id="select-multiclass-vs-multihot",
    ),
    pytest.param(
        lambda: select_loss(y=np.zeros((2, 2, 2))),
        ValueError,
        r"^y must be 1-D \(n,\) or 2-D \(n, k\) labels; got an array of shape \(2, 2, 2\)",
        id="select-y-3d",
    ),
    pytest.param(
        lambda: select_loss(y=[np.nan, 1.0]),
        ValueError,
        r"^y contains 1 NaN or infinite value",
        id="select-y-nan",
    ),
    pytest.param(
        lambda: select_loss(y=[]),
        ValueError,
        r"^y must not be empty; got an array of shape \(0,\)",
        id="select-y-empty",
    ),
    pytest.param(
        lambda: select_loss("binary", robust=True),
        ValueError,
        r"^robust=True only applies to regression.*got task 'binary'",
        id="select-robust-classification",
    ),
    pytest.param(
        lambda: select_loss("regression", robust=1),
        TypeError,
        r"^robust must be True or False; got int 1",
        id="select-robust-not-bool",
    ),
    # --- check_setup -------------------------------------------------------------------------
    pytest.param(
        lambda: check_setup([1.5, 2.0], "mse", "linear", output_units=0),
        ValueError,
        r"^output_units must be a positive integer \(>= 1\); got 0",
        id="setup-zero-units",
    ),
    pytest.param(
        lambda: check_setup([1.5, 2.0], "mse", "linear", output_units=2.0),
        TypeError,
        r"^output_units must be a positive integer; got float 2\.0",
        id="setup-float-units",
    ),
    pytest.param(
        lambda: check_setup(ONE_HOT, "categorial_crossentropy", "softmax"),
        ValueError,
        (
            r"^loss='categorial_crossentropy' is not supported.*Did you mean "
            r"'categorical_crossentropy'\?"
        ),
        id="setup-misspelt-loss",
    ),
    pytest.param(
        lambda: check_setup([1.5], "mse", "sigmoyd"),
        ValueError,
        r"^output_activation='sigmoyd' is not supported.*Did you mean 'sigmoid'\?",
        id="setup-misspelt-activation",
    ),
    pytest.param(
        lambda: check_setup(ONE_HOT, "sparse_categorical_crossentropy", "softmax"),
        ValueError,
        (
            r"^y holds one-hot rows over 3 classes, but "
            r"loss='sparse_categorical_crossentropy'.*use loss='categorical_crossentropy' "
            r"or pass integer class ids \(y\.argmax\(axis=1\)\)"
        ),
        id="setup-one-hot-with-sparse",
    ),
    pytest.param(
        lambda: check_setup(IDS, "categorical_crossentropy", "softmax"),
        ValueError,
        (
            r"^y holds integer class ids 0\.\.2.*loss='categorical_crossentropy' expects one-hot "
            r"rows.*sparse_categorical_crossentropy"
        ),
        id="setup-ids-with-categorical",
    ),
    pytest.param(
        lambda: check_setup([0, 1, 1], "binary_crossentropy", "softmax", 1),
        ValueError,
        r"^output_activation='softmax' with output_units=1 always outputs 1\.0.*'sigmoid'",
        id="setup-softmax-one-unit",
    ),
    pytest.param(
        lambda: check_setup([0, 1], "binary_crossentropy", "sigmoid", from_logits=True),
        ValueError,
        (
            r"^output_activation='sigmoid' already turns outputs into probabilities, so "
            r"from_logits=True"
        ),
        id="setup-sigmoid-from-logits",
    ),
    pytest.param(
        lambda: check_setup(IDS, "sparse_categorical_crossentropy", "linear"),
        ValueError,
        r"^output_activation='linear' outputs logits.*from_logits=False.*pass from_logits=True",
        id="setup-linear-without-logits",
    ),
    pytest.param(
        lambda: check_setup(IDS, "sparse_categorical_crossentropy", "softmax", 2),
        ValueError,
        (
            r"^y contains class id 2, but output_units=2 can only predict class ids 0\.\.1: use "
            r"output_units=3"
        ),
        id="setup-id-beyond-units",
    ),
    pytest.param(
        lambda: check_setup([0.0, np.nan], "binary_crossentropy", "sigmoid"),
        ValueError,
        r"^y contains 1 NaN or infinite value",
        id="setup-nan-labels",
    ),
    pytest.param(
        lambda: check_setup(IDS, "mse", "softmax", 3),
        ValueError,
        (
            r"^y holds integer class ids 0\.\.2, which are class labels, but "
            r"loss='mean_squared_error' is a regression loss \(with output_activation='softmax'\)"
        ),
        id="setup-mse-softmax-ids",
    ),
    pytest.param(
        lambda: check_setup(IDS, "sparse_categorical_crossentropy", "linear", from_logits="True"),
        TypeError,
        r"^from_logits must be True or False; got str 'True'",
        id="setup-from_logits-not-bool",
    ),
    pytest.param(
        lambda: check_setup(ONE_HOT, "categorical_crossentropy", "softmax", 4),
        ValueError,
        r"^output_units=4 does not match y, which has 3 column\(s\).*output_units=3",
        id="setup-units-vs-columns",
    ),
]


@pytest.mark.parametrize(("call", "exc_type", "pattern"), CASES)
def test_bad_input_is_explained(call, exc_type, pattern):
    with pytest.raises(exc_type, match=pattern):
        call()


def test_catalogue_is_large_and_ids_unique():
    names = [case.id for case in CASES]
    assert len(names) == len(set(names))
    assert len(CASES) >= 20
