"""dlref.losses against keras.losses, and select_loss / check_setup."""

from __future__ import annotations

import dataclasses
import warnings

import bad_input
import keras_backend
import numpy as np
import pytest

from dlref import losses as L
from dlref.losses import LossChoice, check_setup, select_loss

RTOL, ATOL = 1e-5, 1e-6
DTYPES = [np.float32, np.float64]
N, K = 64, 4


@pytest.fixture(scope="module")
def keras():
    """Import Keras (and its backend) once per module, only when a test needs it."""
    import keras

    assert keras.config.epsilon() == L.EPSILON
    with keras_backend.inputs_precision(keras):
        yield keras


def probabilities(rng, dtype, n=N, k=K):
    """Random rows plus the extremes: exact one-hot predictions, zeros and ones."""
    p = rng.dirichlet(np.ones(k), size=n)
    p[:k] = np.eye(k)  # certain predictions, exactly 0 and 1
    p[k : 2 * k] = np.roll(np.eye(k), 1, axis=1)  # certain and wrong
    p[2 * k] = 1.0 / k
    p[2 * k + 1] = [1.0, 1.0] + [0.0] * (k - 2)  # unnormalised
    return p.astype(dtype)


def logits(rng, dtype, n=N, k=K):
    z = rng.normal(0.0, 4.0, (n, k))
    z[0] = [1e4, -1e4] + [0.0] * (k - 2)
    z[1] = [-1e4, 1e4] + [0.0] * (k - 2)
    z[2] = 1e4
    z[3] = -1e4
    z[4] = [1e4, 1e4 - 1] + [-1e4] * (k - 2)
    return z.astype(dtype)


def class_ids(rng, n=N, k=K):
    ids = rng.integers(0, k, n)
    ids[: 2 * k] = np.r_[np.arange(k), np.arange(k)]  # hits the certain right/wrong rows
    return ids


def check_equal(got, expected, dtype):
    assert got.dtype == dtype
    assert got.shape == expected.shape
    assert np.all(np.isfinite(got))
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=ATOL)


# ---------------------------------------------------------------------------------------
# Keras parity


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["mean_squared_error", "mean_absolute_error"])
@pytest.mark.parametrize(
    ("true_shape", "pred_shape"),
    [((N, K), (N, K)), ((N,), (N, 1)), ((N, 1), (N,)), ((N, 3, K), (N, 3, K)), ((N,), (N,))],
)
def test_regression_losses_match_keras(keras, name, dtype, true_shape, pred_shape):
    rng = np.random.default_rng(3)
    y_true = rng.normal(0.0, 100.0, true_shape)
    y_true.flat[:2] = [1e4, -1e4]
    y_pred = rng.normal(0.0, 100.0, pred_shape).astype(dtype)
    y_pred.flat[:2] = [-1e4, 1e4]
    expected = keras.ops.convert_to_numpy(getattr(keras.losses, name)(y_true, y_pred))
    check_equal(getattr(L, name)(y_true, y_pred), expected, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("from_logits", [False, True])
def test_binary_crossentropy_matches_keras(keras, dtype, from_logits):
    rng = np.random.default_rng(4)
    y_pred = logits(rng, dtype) if from_logits else probabilities(rng, dtype)
    for y_true in (
        (rng.uniform(size=(N, K)) < 0.5).astype(dtype),
        np.eye(K, dtype=dtype)[class_ids(rng)],
        rng.uniform(size=(N, K)).astype(dtype),  # soft labels
    ):
        expected = keras.losses.binary_crossentropy(y_true, y_pred, from_logits=from_logits)
        check_equal(
            L.binary_crossentropy(y_true, y_pred, from_logits),
            keras.ops.convert_to_numpy(expected),
            dtype,
        )


@pytest.mark.parametrize("dtype", DTYPES)
def test_binary_crossentropy_clipping_matches_keras_exactly(keras, dtype):
    # Confident mistakes cost -log(eps) for label 1 but -log(1 - (1 - eps)) for label 0,
    # which differs in float32 because 1 - 1e-7 rounds to 0.99999988.
    y_true = np.array([[1.0], [0.0], [1.0], [0.0]], dtype=dtype)
    y_pred = np.array([[0.0], [1.0], [1.0], [0.0]], dtype=dtype)
    got = L.binary_crossentropy(y_true, y_pred)
    expected = keras.ops.convert_to_numpy(keras.losses.binary_crossentropy(y_true, y_pred))
    check_equal(got, expected, dtype)
    assert got[0] == pytest.approx(-np.log(1e-7), rel=1e-6)
    one_minus_eps = dtype(1) - dtype(1e-7)
    assert got[1] == pytest.approx(-np.log(dtype(1) - one_minus_eps), rel=1e-6)
    if dtype == np.float32:
        assert got[1] == pytest.approx(15.942385, rel=1e-6)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("from_logits", [False, True])
def test_categorical_crossentropy_matches_keras(keras, dtype, from_logits):
    rng = np.random.default_rng(5)
    y_pred = logits(rng, dtype) if from_logits else probabilities(rng, dtype)
    one_hot = np.eye(K, dtype=dtype)[class_ids(rng)]
    soft = rng.dirichlet(np.ones(K), size=N).astype(dtype)
    for y_true in (one_hot, soft):
        expected = keras.losses.categorical_crossentropy(y_true, y_pred, from_logits=from_logits)
        check_equal(
            L.categorical_crossentropy(y_true, y_pred, from_logits),
            keras.ops.convert_to_numpy(expected),
            dtype,
        )


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("from_logits", [False, True])
@pytest.mark.parametrize("label_shape", ["(n,)", "(n, 1)", "float ids"])
def test_sparse_categorical_crossentropy_matches_keras(keras, dtype, from_logits, label_shape):
    rng = np.random.default_rng(6)
    y_pred = logits(rng, dtype) if from_logits else probabilities(rng, dtype)
    ids = class_ids(rng)
    y_true = {"(n,)": ids, "(n, 1)": ids[:, None], "float ids": ids.astype(np.float64)}[label_shape]
    expected = keras.losses.sparse_categorical_crossentropy(ids, y_pred, from_logits=from_logits)
    got = L.sparse_categorical_crossentropy(y_true, y_pred, from_logits)
    check_equal(got, keras.ops.convert_to_numpy(expected), dtype)


@pytest.mark.parametrize("dtype", DTYPES)
def test_sparse_and_one_hot_agree_on_normalised_logits(dtype):
    rng = np.random.default_rng(7)
    z = logits(rng, dtype)
    ids = class_ids(rng)
    one_hot = np.eye(K)[ids]
    np.testing.assert_allclose(
        L.sparse_categorical_crossentropy(ids, z, from_logits=True),
        L.categorical_crossentropy(one_hot, z, from_logits=True),
        rtol=RTOL,
        atol=ATOL,
    )


def test_sparse_renormalises_after_clipping_like_keras(keras):
    # Keras on TensorFlow clips, takes the log and applies a softmax, so the clipped row
    # (1 - eps, eps, eps) is renormalised: the loss of class 0 is log((1 + eps) / (1 - eps)).
    y_pred = np.array([[1.0, 0.0, 0.0]])
    got = L.sparse_categorical_crossentropy([0], y_pred)
    expected = keras.ops.convert_to_numpy(
        keras.losses.sparse_categorical_crossentropy(np.array([0]), y_pred)
    )
    if keras.backend.backend() == "tensorflow":
        np.testing.assert_allclose(got, expected, rtol=1e-9)
    else:
        # JAX and PyTorch clip without renormalising, like the one-hot loss: -log(1 - eps) =
        # 1e-7 instead of 2e-7, a difference the tolerance of the other parity tests absorbs.
        np.testing.assert_allclose(expected, [-np.log(1 - 1e-7)], rtol=1e-6)
    np.testing.assert_allclose(got, [np.log((1 + 1e-7) / (1 - 1e-7))], rtol=1e-6)
    # The one-hot loss only clips, so the same prediction costs -log(1 - eps).
    np.testing.assert_allclose(
        L.categorical_crossentropy([[1.0, 0.0, 0.0]], y_pred), [-np.log(1 - 1e-7)], rtol=1e-6
    )


def test_known_values():
    np.testing.assert_allclose(L.mean_squared_error([[1.0, 2.0]], [[3.0, 2.0]]), [2.0])
    np.testing.assert_allclose(L.mean_absolute_error([[1.0, 2.0]], [[3.0, 2.0]]), [1.0])
    np.testing.assert_allclose(L.binary_crossentropy([[1.0]], [[0.5]]), [np.log(2)])
    np.testing.assert_allclose(
        L.binary_crossentropy([[1.0, 0.0]], [[0.0, 0.0]], from_logits=True), [np.log(2)]
    )
    np.testing.assert_allclose(
        L.categorical_crossentropy([[0, 0, 1]], [[0.2, 0.3, 0.5]]), [-np.log(0.5)]
    )
    np.testing.assert_allclose(
        L.sparse_categorical_crossentropy([1], [[0.25, 0.75]]), [-np.log(0.75)]
    )
    # Large logits: the loss grows linearly, exactly.
    np.testing.assert_allclose(
        L.sparse_categorical_crossentropy([1], [[1e4, -1e4]], from_logits=True), [2e4]
    )
    np.testing.assert_allclose(L.binary_crossentropy([[0.0]], [[1e4]], from_logits=True), [1e4])


@pytest.mark.parametrize("dtype", DTYPES)
def test_no_warnings_and_finite_on_extremes(dtype):
    rng = np.random.default_rng(8)
    p, z, ids = probabilities(rng, dtype), logits(rng, dtype), class_ids(rng)
    one_hot = np.eye(K, dtype=dtype)[ids]
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        results = [
            L.mean_squared_error(z, z[::-1]),
            L.mean_absolute_error(z, z[::-1]),
            L.binary_crossentropy(one_hot, p),
            L.binary_crossentropy(one_hot, z, from_logits=True),
            L.categorical_crossentropy(one_hot, p),
            L.categorical_crossentropy(one_hot, z, from_logits=True),
            L.sparse_categorical_crossentropy(ids, p),
            L.sparse_categorical_crossentropy(ids, z, from_logits=True),
        ]
    for r in results:
        assert r.dtype == dtype and r.shape == (N,)
        assert np.all(np.isfinite(r)) and np.all(r >= 0)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_follows_y_pred_and_ints_become_float64(dtype):
    y = np.array([[0, 1], [1, 0]])
    p = np.array([[0.2, 0.8], [0.6, 0.4]], dtype=dtype)
    for fn in (L.mean_squared_error, L.mean_absolute_error, L.binary_crossentropy):
        assert fn(y, p).dtype == dtype
        assert fn(y.astype(np.float32), p).dtype == dtype
    assert L.categorical_crossentropy(y, p).dtype == dtype
    assert L.sparse_categorical_crossentropy([1, 0], p).dtype == dtype
    assert L.mean_squared_error(y, y).dtype == np.float64


# ---------------------------------------------------------------------------------------
# select_loss


@pytest.mark.parametrize(
    ("y", "expected"),
    [
        (np.array([0, 1, 1, 0]), ("binary_crossentropy", "sigmoid", 1, ("accuracy",))),
        (np.array([[0], [1], [1]]), ("binary_crossentropy", "sigmoid", 1, ("accuracy",))),
        (np.array([True, False]), ("binary_crossentropy", "sigmoid", 1, ("accuracy",))),
        (
            np.array([0, 3, 1, 2, 9]),
            ("sparse_categorical_crossentropy", "softmax", 10, ("accuracy",)),
        ),
        (np.array([1, 2]), ("sparse_categorical_crossentropy", "softmax", 3, ("accuracy",))),
        (
            np.array([2.0, 0.0, 1.0]),
            ("sparse_categorical_crossentropy", "softmax", 3, ("accuracy",)),
        ),
        (np.eye(5)[[0, 4, 2]], ("categorical_crossentropy", "softmax", 5, ("accuracy",))),
        (
            np.array([[0.9, 0.1], [0.2, 0.8]]),
            ("categorical_crossentropy", "softmax", 2, ("accuracy",)),
        ),
        (
            np.array([[1, 1, 0], [0, 0, 1], [0, 0, 0]]),
            ("binary_crossentropy", "sigmoid", 3, ("binary_accuracy",)),
        ),
        (np.array([0.5, -1.25, 3.0]), ("mean_squared_error", "linear", 1, ("mae",))),
        (np.array([-1, 2, 3]), ("mean_squared_error", "linear", 1, ("mae",))),
        (np.array([[0.5, 2.0], [1.0, 7.0]]), ("mean_squared_error", "linear", 2, ("mae",))),
    ],
)
def test_select_loss_infers_from_labels(y, expected):
    choice = select_loss(y=y)
    assert isinstance(choice, LossChoice)
    got = (choice.loss, choice.output_activation, choice.output_units, choice.metrics)
    assert got == expected
    assert choice.reason.startswith("y holds ") and choice.reason.endswith(".")
    # One sentence; labels whose smallest class id is 1 get a second one, about y - 1.
    assert choice.reason.count(". ") == (1 if y.min() == 1 and y.ndim == 1 and y.max() > 1
                                         else 0)
    # The choice passes its own check, which infers the same units and metrics.
    checked = check_setup(y, choice.loss, choice.output_activation)
    assert dataclasses.replace(checked, reason=choice.reason) == choice


@pytest.mark.parametrize(
    ("task", "robust", "expected"),
    [
        ("regression", False, ("mean_squared_error", "linear", 1, ("mae",))),
        ("regression", True, ("mean_absolute_error", "linear", 1, ("mse",))),
        ("binary", False, ("binary_crossentropy", "sigmoid", 1, ("accuracy",))),
        ("  Binary ", False, ("binary_crossentropy", "sigmoid", 1, ("accuracy",))),
    ],
)
def test_select_loss_from_task(task, robust, expected):
    choice = select_loss(task, robust=robust)
    assert (choice.loss, choice.output_activation, choice.output_units, choice.metrics) == expected
    assert "task=" in choice.reason


def test_select_loss_task_and_labels_together():
    assert select_loss("multiclass", y=[0, 1, 1]).output_units == 2  # 0/1 as 2 classes
    assert select_loss("multiclass", y=[0, 1, 1]).loss == "sparse_categorical_crossentropy"
    assert select_loss("multilabel", y=np.eye(3)).output_units == 3
    assert select_loss("multilabel", y=np.eye(3)).output_activation == "sigmoid"
    assert select_loss("regression", y=[0, 1, 2]).loss == "mean_squared_error"
    assert select_loss("regression", y=[[0, 1], [2, 3]], robust=True).output_units == 2
    assert select_loss("binary", y=[0.1, 0.9]).loss == "binary_crossentropy"  # soft labels


def test_loss_choice_is_frozen():
    choice = select_loss("binary")
    with pytest.raises(dataclasses.FrozenInstanceError):
        choice.loss = "mse"  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(LossChoice)] == [
        "loss", "output_activation", "output_units", "metrics", "reason",
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------
# check_setup: the classic mistakes (messages name the problem and the fix)

ONE_HOT = np.eye(3)[[0, 2, 1, 1]]
IDS = np.array([0, 2, 1, 1])
BINARY = np.array([0, 1, 1, 0])


@pytest.mark.parametrize(
    ("args", "kwargs", "pattern"),
    [
        (
            (ONE_HOT, "sparse_categorical_crossentropy", "softmax"),
            {},
            r"one-hot.*use loss='categorical_crossentropy' or pass integer class ids "
            r"\(y\.argmax\(axis=1\)\)",
        ),
        (
            (IDS, "categorical_crossentropy", "softmax"),
            {},
            r"integer class ids 0\.\.2.*use loss='sparse_categorical_crossentropy'.*"
            r"to_categorical",
        ),
        ((BINARY, "binary_crossentropy", "softmax", 1), {}, r"softmax.*output_units=1.*sigmoid"),
        (
            (BINARY, "binary_crossentropy", "sigmoid"),
            {"from_logits": True},
            r"output_activation='sigmoid'.*from_logits=True.*twice.*from_logits=False",
        ),
        (
            (IDS, "sparse_categorical_crossentropy", "softmax"),
            {"from_logits": True},
            r"output_activation='softmax'.*from_logits=True.*twice",
        ),
        (
            (IDS, "sparse_categorical_crossentropy", "linear"),
            {},
            r"output_activation='linear'.*logits.*from_logits=True",
        ),
        (
            (IDS, "sparse_categorical_crossentropy", "softmax", 2),
            {},
            r"class id 2.*output_units=2.*0\.\.1.*output_units=3",
        ),
        ((np.array([0.0, np.nan, 1.0]), "binary_crossentropy", "sigmoid"), {}, r"y contains 1 NaN"),
        ((np.array([0.0, np.inf]), "mse", "linear"), {}, r"y contains 1 NaN or infinite"),
        (
            (IDS, "mean_squared_error", "softmax", 3),
            {},
            r"class ids.*regression loss.*sparse_categorical_crossentropy",
        ),
        (
            (BINARY, "mae", "sigmoid"),
            {},
            r"0/1 labels.*loss='mean_absolute_error' is a regression loss.*binary_crossentropy",
        ),
        (
            (np.array([-2.0, 3.5]), "mse", "sigmoid"),
            {},
            r"output_activation='sigmoid' only produces values in \[0, 1\].*\[-2, 3\.5\].*linear",
        ),
        (
            (IDS, "binary_crossentropy", "sigmoid"),
            {},
            r"class ids 0\.\.2.*needs 0/1 labels.*sparse_categorical_crossentropy.*3-unit",
        ),
        (
            (np.array([[1, 1, 0], [0, 1, 0]]), "categorical_crossentropy", "softmax"),
            {},
            r"multi-hot.*exactly one 1 per row.*binary_crossentropy",
        ),
        (
            (ONE_HOT, "categorical_crossentropy", "sigmoid"),
            {},
            r"expects a softmax output.*output_activation='sigmoid'",
        ),
        (
            (np.array([0.5, 1.5]), "mse", "linear"),
            {"from_logits": True},
            r"from_logits=True only applies to crossentropy.*mean_squared_error",
        ),
        ((ONE_HOT, "categorical_crossentropy", "softmax", 4), {}, r"output_units=4.*3 column"),
        (
            (IDS, "sparse_categorical_crossentropy", "relu"),
            {},
            r"output_activation='relu' gives neither.*'softmax'",
        ),
    ],
)
def test_check_setup_explains_classic_mistakes(args, kwargs, pattern):
    with pytest.raises(ValueError, match=pattern):
        check_setup(*args, **kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs", "units"),
    [
        ((IDS, "sparse_categorical_crossentropy", "softmax"), {}, 3),
        ((IDS, "sparse_categorical_crossentropy", "softmax", 10), {}, 10),  # unseen classes
        ((IDS, "sparse_categorical_crossentropy", None), {"from_logits": True}, 3),
        ((ONE_HOT, "categorical_crossentropy", "softmax"), {}, 3),
        ((BINARY, "binary_crossentropy", "sigmoid", 1), {}, 1),
        ((BINARY, "binary_crossentropy", "linear"), {"from_logits": True}, 1),
        ((BINARY, "sparse_categorical_crossentropy", "softmax", 2), {}, 2),
        ((np.array([1.5, -2.0]), "mse", None), {}, 1),
        ((np.array([[1.5, -2.0]]), "mean_absolute_error", "linear", 2), {}, 2),
        ((np.array([0.2, 0.7]), "mse", "sigmoid"), {}, 1),  # real targets inside (0, 1)
        ((np.array([0.0, 5.0]), "mse", "relu"), {}, 1),
    ],
)
def test_check_setup_accepts_consistent_setups(args, kwargs, units):
    choice = check_setup(*args, **kwargs)
    assert isinstance(choice, LossChoice)
    assert choice.output_units == units
    assert choice.output_activation == (args[2] or "linear")
    assert choice.loss in {name for name in L.__all__ if name.endswith(("_error", "_crossentropy"))}
    assert choice.reason.startswith("y holds") and "fits loss=" in choice.reason


@pytest.mark.parametrize(
    "y",
    [
        np.array([0, 1, 1, 0]),
        np.array([3, 0, 1]),
        np.eye(4)[[1, 3]],
        np.array([[1, 0, 1], [0, 0, 0]]),
    ],
    ids=["binary", "ids", "one-hot", "multi-hot"],
)
def test_selected_setup_compiles_and_evaluates_in_keras(keras, y):
    choice = select_loss(y=y)
    model = keras.Sequential(
        [
            keras.Input((3,)),
            keras.layers.Dense(choice.output_units, activation=choice.output_activation),
        ]
    )
    model.compile(optimizer="sgd", loss=choice.loss, metrics=list(choice.metrics))
    x = np.random.default_rng(0).normal(size=(len(y), 3)).astype("float32")
    result = model.evaluate(x, y, verbose=0, return_dict=True)
    assert np.isfinite(result["loss"])
    expected = getattr(L, choice.loss)(y, model.predict(x, verbose=0))
    assert result["loss"] == pytest.approx(float(np.mean(expected)), rel=1e-5)


ONE_HOT = np.eye(3)[[0, 2, 1, 1]]
IDS = np.array([0, 2, 1, 1])
P3 = np.full((4, 3), 1 / 3)


# ---------------------------------------------------------------------------------------
# Bad input: each call fails with a message that names the argument and what was given.

BAD_INPUT = [
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

test_bad_input_is_explained = bad_input.make_test(BAD_INPUT)
