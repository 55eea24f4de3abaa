"""dlref.diagnostics against hand-computed values."""

from __future__ import annotations

import numpy as np
import pytest

keras = pytest.importorskip("keras")

from dlref.datasets import load_digits_images  # noqa: E402
from dlref.diagnostics import activation_stats, dead_relu_fraction, gradient_norms  # noqa: E402
from dlref.models import build_mlp  # noqa: E402

RNG = np.random.default_rng(0)
X = RNG.normal(size=(6, 3)).astype(np.float32)
Y = RNG.normal(size=(6, 1)).astype(np.float32)
W1 = RNG.normal(size=(3, 4)).astype(np.float32)
B1 = RNG.normal(size=4).astype(np.float32)
W2 = RNG.normal(size=(4, 1)).astype(np.float32)
B2 = np.array([0.3], dtype=np.float32)


def _tanh_net(functional=False):
    if functional:
        inp = keras.Input((3,))
        h = keras.layers.Dense(4, activation="tanh", name="h")(inp)
        h = keras.layers.Dropout(0.5, name="drop")(h)
        out = keras.layers.Dense(1, name="out")(h)
        model = keras.Model(inp, out)
    else:
        model = keras.Sequential(
            [
                keras.Input((3,)),
                keras.layers.Dense(4, activation="tanh", name="h"),
                keras.layers.Dropout(0.5, name="drop"),
                keras.layers.Dense(1, name="out"),
            ]
        )
    model.compile(loss="mse")
    model.get_layer("h").set_weights([W1, B1])
    model.get_layer("out").set_weights([W2, B2])
    return model


def _hand_gradients():
    # Backpropagation of L = mean((tanh(x W1 + b1) W2 + b2 - y)^2) in float64.
    x, y = X.astype(np.float64), Y.astype(np.float64)
    h = np.tanh(x @ W1 + B1)
    y_hat = h @ W2 + B2
    d_out = 2 * (y_hat - y) / len(x)
    d_w2 = h.T @ d_out
    d_h = d_out @ W2.T
    d_w1 = x.T @ (d_h * (1 - h**2))
    return {"h": np.linalg.norm(d_w1), "out": np.linalg.norm(d_w2)}


@pytest.mark.parametrize("functional", [False, True])
def test_gradient_norms_match_backprop_by_hand(functional):
    got = gradient_norms(_tanh_net(functional), X, Y)
    expected = _hand_gradients()
    assert list(got) == ["h", "out"]  # kernels only, input -> output, Dropout skipped
    for name in expected:
        assert got[name] == pytest.approx(expected[name], rel=1e-5)


def test_gradient_norms_ignore_dropout_and_are_deterministic():
    model = _tanh_net()
    assert gradient_norms(model, X, Y) == gradient_norms(model, X, Y)


def test_gradient_norms_include_regularisation_losses():
    model = keras.Sequential(
        [
            keras.Input((1,)),
            keras.layers.Dense(
                1, use_bias=False, kernel_regularizer=keras.regularizers.L2(0.5), name="lin"
            ),
        ]
    )
    model.compile(loss="mse")
    model.get_layer("lin").set_weights([np.array([[2.0]])])
    # L = (3*2 - 1)^2 + 0.5 * 2^2  ->  dL/dw = 2*3*5 + 2*0.5*2 = 32
    assert gradient_norms(model, [[3.0]], [[1.0]]) == {"lin": pytest.approx(32.0)}


def test_gradient_norms_with_sparse_labels_and_conv():
    model = keras.Sequential(
        [
            keras.Input((6, 6, 1)),
            keras.layers.Conv2D(2, 3, activation="relu", name="conv"),
            keras.layers.Flatten(name="flat"),
            keras.layers.Dense(3, activation="softmax", name="out"),
        ]
    )
    model.compile(loss="sparse_categorical_crossentropy")
    x = RNG.normal(size=(4, 6, 6, 1))
    norms = gradient_norms(model, x, np.array([0, 1, 2, 1], dtype=np.uint8))
    assert list(norms) == ["conv", "out"]
    assert all(v > 0 for v in norms.values())


@pytest.fixture(scope="module")
def digits_batch():
    (x, y), _ = load_digits_images()
    return x[:256] / 255.0, y[:256]


def test_vanishing_gradients_in_deep_sigmoid_mlp(digits_batch):
    x, y = digits_batch
    kwargs = {"hidden_units": (32,) * 10, "dropout": 0.0, "seed": 0}
    sig = list(gradient_norms(build_mlp((8, 8), activation="sigmoid", **kwargs), x, y).values())
    relu = list(gradient_norms(build_mlp((8, 8), activation="relu", **kwargs), x, y).values())
    assert len(sig) == len(relu) == 11
    # Sigmoid: every layer down, the gradient shrinks (sigma' <= 1/4) -- over 10 layers by
    # more than four orders of magnitude.  ReLU keeps it within one order.
    assert all(a < b for a, b in zip(sig[:-1], sig[1:], strict=True))
    assert sig[-1] / sig[0] > 1e4
    assert max(relu) / min(relu) < 10


def test_dead_relu_fraction_with_bias_minus_100(digits_batch):
    x, _ = digits_batch
    model = build_mlp((8, 8), hidden_units=(32, 32), dropout=0.0, seed=0)
    healthy = dead_relu_fraction(model, x)
    assert list(healthy) == ["hidden_1", "hidden_2"]
    assert all(0.0 <= v < 1.0 for v in healthy.values())
    kernel, bias = model.get_layer("hidden_2").get_weights()
    model.get_layer("hidden_2").set_weights([kernel, np.full_like(bias, -100.0)])
    dead = dead_relu_fraction(model, x)
    assert dead["hidden_2"] == 1.0
    assert dead["hidden_1"] == healthy["hidden_1"]


def test_dead_relu_fraction_counts_exact_units():
    model = keras.Sequential(
        [
            keras.Input((2,)),
            keras.layers.Dense(4, name="lin"),
            keras.layers.ReLU(name="relu_layer"),
            keras.layers.Activation("relu", name="relu_act"),
            keras.layers.LeakyReLU(name="leaky"),
            keras.layers.Dense(2, activation="sigmoid", name="sig"),
        ]
    )
    # Units 0 and 1 see x0 and x1 (positive), unit 2 sees -x0 (dead), unit 3 x0 - x1 (mixed).
    kernel = np.array([[1.0, 0.0, -1.0, 1.0], [0.0, 1.0, 0.0, -1.0]])
    model.get_layer("lin").set_weights([kernel, np.zeros(4)])
    x = np.array([[1.0, 2.0], [3.0, 1.0]])
    assert dead_relu_fraction(model, x) == {"relu_layer": 0.25, "relu_act": 0.25}


def test_dead_relu_fraction_conv_is_per_channel():
    model = keras.Sequential(
        [
            keras.Input((4, 4, 1)),
            keras.layers.Conv2D(2, 1, activation="relu", name="conv"),
        ]
    )
    model.get_layer("conv").set_weights([np.array([[[[1.0, -1.0]]]]), np.zeros(2)])
    x = np.abs(RNG.normal(size=(3, 4, 4, 1))) + 0.1
    assert dead_relu_fraction(model, x) == {"conv": 0.5}


def test_dead_relu_fraction_without_relu_layers_is_empty():
    assert dead_relu_fraction(_tanh_net(), X) == {}


@pytest.mark.parametrize("functional", [False, True])
def test_activation_stats_match_numpy(functional):
    stats = activation_stats(_tanh_net(functional), X)
    h = np.tanh(X.astype(np.float64) @ W1 + B1)
    out = h @ W2 + B2
    assert list(stats) == ["h", "drop", "out"]
    for name, value in [("h", h), ("drop", h), ("out", out)]:  # Dropout is off at inference
        assert stats[name]["mean"] == pytest.approx(value.mean(), rel=1e-5, abs=1e-6)
        assert stats[name]["std"] == pytest.approx(value.std(), rel=1e-5)


def test_activation_stats_of_a_deep_sigmoid_mlp(digits_batch):
    x, _ = digits_batch
    model = build_mlp((8, 8), hidden_units=(32,) * 6, activation="sigmoid", dropout=0.0, seed=0)
    stats = activation_stats(model, x)
    assert list(stats) == ["flatten", *[f"hidden_{i}" for i in range(1, 7)], "output"]
    assert stats["flatten"]["mean"] == pytest.approx(x.mean())
    hidden = [s for name, s in stats.items() if name.startswith("hidden")]
    # Sigmoid outputs are not zero-centred (mean ~ 0.5) and, at init, narrowly spread.
    assert all(0.4 < s["mean"] < 0.6 and s["std"] < 0.15 for s in hidden)
    # Softmax rows sum to 1 over 10 classes, so the output mean is exactly 1/10.
    assert stats["output"]["mean"] == pytest.approx(0.1, rel=1e-6)


def test_diagnostics_reject_unbuilt_and_uncompiled_models():
    unbuilt = keras.Sequential([keras.layers.Dense(2)])
    with pytest.raises(ValueError, match=r"not built yet.*keras\.Input"):
        dead_relu_fraction(unbuilt, X)
    uncompiled = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    with pytest.raises(ValueError, match=r"has no loss: call model\.compile\(loss=\.\.\.\)"):
        gradient_norms(uncompiled, X, Y)
    # Forward-only diagnostics do not need compile().
    assert list(activation_stats(uncompiled, X)) == [uncompiled.layers[0].name]


def test_bad_input_is_explained():
    model = build_mlp((4,), hidden_units=(3,), seed=0)
    x = np.ones((5, 4))
    with pytest.raises(TypeError, match=r"model must be a keras\.Model; got str 'model'"):
        gradient_norms("model", x, np.zeros(5))
    with pytest.raises(
        ValueError,
        match=r"x and y must hold the same number of samples; "
        r"got 5 and 3",
    ):
        gradient_norms(model, x, np.zeros(3))
    with pytest.raises(ValueError, match=r"x contains 1 NaN or infinite value\(s\)"):
        activation_stats(model, np.where(np.eye(5, 4) > 0, np.inf, 0.0)[:1])
    with pytest.raises(TypeError, match=r"x must hold real numbers.*dtype <U1"):
        dead_relu_fraction(model, [["a"] * 4])
    with pytest.raises(ValueError, match=r"x must not be empty"):
        dead_relu_fraction(model, np.empty((0, 4)))


# -- inputs checked against the model: dlref's message, not Keras' input_spec or TF's error ---

_XY = RNG.uniform(size=(12, 8, 8)).astype(np.float32), np.arange(12) % 10
_FLAT = _XY[0].reshape(12, -1)


@pytest.fixture(scope="module")
def digits_model():
    return build_mlp((64,), hidden_units=(8,), dropout=0.0, seed=0)


def _model(**kwargs):
    return build_mlp(kwargs.pop("shape", (64,)), hidden_units=(4,), dropout=0.0, **kwargs)


INPUT_CASES = [
    pytest.param(
        lambda m: gradient_norms(m, _FLAT[:, :60], _XY[1]),
        r"^x has shape \(12, 60\), but model 'mlp' takes inputs of shape \(None, 64\) "
        r"\(the first axis counts the samples\)\.$",
        id="x-width"),
    pytest.param(
        lambda m: dead_relu_fraction(m, _XY[0]),
        r"x has shape \(12, 8, 8\), but model 'mlp' takes inputs of shape \(None, 64\).*"
        r"flatten the samples with x\.reshape\(len\(x\), -1\)\.",
        id="x-rank-images-unflattened"),
    pytest.param(
        lambda m: activation_stats(m, _XY[0]),
        r"x has shape \(12, 8, 8\).*x\.reshape\(len\(x\), -1\)",
        id="x-rank-activation-stats"),
    pytest.param(
        lambda m: activation_stats(m, _FLAT[0]),
        r"x has shape \(64,\).*one sample without its batch axis: pass x\[np\.newaxis\], of "
        r"shape \(1, 64\)",
        id="x-single-sample"),
    pytest.param(
        lambda m: gradient_norms(_model(shape=(8, 8)), _FLAT, _XY[1]),
        r"x has shape \(12, 64\), but model 'mlp' takes inputs of shape \(None, 8, 8\).*"
        r"reshape the samples with x\.reshape\(-1, 8, 8\)",
        id="x-flat-for-images"),
    pytest.param(
        lambda m: gradient_norms(m, _FLAT, np.eye(10)[_XY[1]]),
        r"^y holds one-hot rows \(shape \(12, 10\)\), but model 'mlp' is compiled with "
        r"loss='sparse_categorical_crossentropy', which takes one integer class id per "
        r"sample: pass y\.argmax\(axis=1\)\.$",
        id="y-one-hot-on-sparse-loss"),
    pytest.param(
        lambda m: gradient_norms(m, _FLAT, np.where(_XY[1] == 0, 12, _XY[1])),
        r"^y contains class id 12, but model 'mlp' has 10 output units, which can only "
        r"predict class ids 0\.\.9\.$",
        id="y-class-id-beyond-units"),
    pytest.param(
        lambda m: gradient_norms(_model(num_outputs=3), _FLAT[:3], np.array([1, 2, 3])),
        r"class id 3, but model 'mlp' has 3 output units.*if the classes are numbered from 1, "
        r"pass y - 1",
        id="y-class-ids-from-1"),
    pytest.param(
        lambda m: gradient_norms(m, _FLAT, _XY[1] + 0.5),
        r"y holds values in \[0\.5, 9\.5\] that are not class ids.*"
        r"loss='sparse_categorical_crossentropy'",
        id="y-not-class-ids"),
    pytest.param(
        lambda m: gradient_norms(m, _FLAT, np.ones((12, 3))),
        r"^y has shape \(12, 3\), but model 'mlp' is compiled with "
        r"loss='sparse_categorical_crossentropy', which takes one integer class id per "
        r"sample, shape \(12,\)\.$",
        id="y-columns-on-sparse-loss"),
    pytest.param(
        lambda m: gradient_norms(_model(loss="categorical_crossentropy"), _FLAT, _XY[1]),
        r"y holds integer class ids \(shape \(12,\)\), but model 'mlp' is compiled with "
        r"loss='categorical_crossentropy', which takes one-hot rows of shape \(12, 10\): pass "
        r"keras\.utils\.to_categorical\(y, 10\)\.",
        id="y-class-ids-on-one-hot-loss"),
    pytest.param(
        lambda m: gradient_norms(_model(task="regression", num_outputs=2), _FLAT,
                                 np.ones(12)),
        r"y has shape \(12,\), but model 'mlp' outputs 2 value\(s\) per sample and its loss "
        r"'mean_squared_error' compares y with them one by one: pass y of shape \(12, 2\)\.",
        id="y-width-for-regression"),
]


@pytest.mark.parametrize(("call", "pattern"), INPUT_CASES)
def test_inputs_that_do_not_fit_the_model_are_explained(digits_model, call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call(digits_model)


def test_inputs_that_fit_still_pass(digits_model):
    # The checks let every shape Keras accepts through: (n,) or (n, 1) labels, float32 or
    # float64 inputs, a Sequential model built by calling it (no keras.Input).
    assert set(gradient_norms(digits_model, _FLAT, _XY[1])) == {"hidden_1", "output"}
    assert set(gradient_norms(digits_model, _FLAT.astype(np.float64), _XY[1][:, None])) == {
        "hidden_1", "output"}
    called = keras.Sequential([keras.layers.Dense(2, activation="relu", name="d")])
    called(_FLAT[:2])
    fraction = dead_relu_fraction(called, _FLAT)["d"]
    assert fraction in (0.0, 0.5, 1.0)  # 2 units
