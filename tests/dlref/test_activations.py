"""dlref.activations against keras.activations and the autodiff of Keras' backend."""

from __future__ import annotations

import inspect
import warnings

import bad_input
import keras_backend
import numpy as np
import pytest

from dlref import activations as act

RTOL, ATOL = 1e-5, 1e-6
DTYPES = [np.float32, np.float64]
ELEMENTWISE = [n for n in act.names() if n != "softmax"]

# (name, keyword arguments) for every parameterisation we check against Keras.
CASES = [
    ("sigmoid", {}),
    ("tanh", {}),
    ("relu", {}),
    ("leaky_relu", {}),
    ("leaky_relu", {"negative_slope": 0.01}),
    ("leaky_relu", {"negative_slope": 0.3}),
    ("elu", {}),
    ("elu", {"alpha": 0.5}),
    ("elu", {"alpha": 2.0}),
    ("gelu", {}),
    ("gelu", {"approximate": True}),
    ("silu", {}),
    ("softplus", {}),
]
CASE_IDS = [f"{n}-{'-'.join(f'{k}={v}' for k, v in kw.items()) or 'default'}" for n, kw in CASES]

EXTREMES = np.array(
    [
        -1e4, -1e3, -710.0, -100.0, -88.7, -87.0, -50.0, -20.0, -5.0, -1.0, -1e-3, -1e-7,
        0.0,
        1e-7, 1e-3, 1.0, 5.0, 20.0, 50.0, 87.0, 88.7, 100.0, 710.0, 1e3, 1e4,
    ]
)  # fmt: skip


def inputs(dtype) -> np.ndarray:
    rng = np.random.default_rng(20240611)
    parts = [
        EXTREMES,
        rng.normal(0.0, 3.0, 400),
        rng.uniform(-1e4, 1e4, 100),
        np.linspace(-10.0, 10.0, 201),  # includes 0 exactly
    ]
    return np.concatenate(parts).astype(dtype)


@pytest.fixture(scope="module")
def keras():
    """Import Keras (and its backend) once per module, only when a test needs it."""
    import keras

    with keras_backend.inputs_precision(keras):
        yield keras


def keras_value_and_grad(keras, name, kwargs, x):
    return keras_backend.value_and_grad(
        keras, lambda t: getattr(keras.activations, name)(t, **kwargs), x
    )


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize(("name", "kwargs"), CASES, ids=CASE_IDS)
def test_matches_keras(keras, name, kwargs, dtype):
    x = inputs(dtype)
    expected, _ = keras_value_and_grad(keras, name, kwargs, x)
    got = getattr(act, name)(x, **kwargs)
    assert got.dtype == dtype
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize(("name", "kwargs"), CASES, ids=CASE_IDS)
def test_derivative_matches_autodiff(keras, name, kwargs, dtype):
    x = inputs(dtype)
    # The reference gradient is taken in float64 at the same points.  TensorFlow's own
    # float32 gradient of approximate gelu is off by up to 4e-6 for x near -5: Eigen's
    # float32 tanh rounds to -1 there, so its 1 - tanh**2 cancels to 0.
    _, expected = keras_value_and_grad(keras, name, kwargs, x.astype(np.float64))
    got = act.derivative(name, x, **kwargs)
    assert got.dtype == dtype
    if keras.backend.backend() != "tensorflow":
        # At the kink x = 0 dlref takes TensorFlow's value (test_derivative_at_kinks_...);
        # other backends may take the other side's slope (test_kink_gradient_per_backend).
        away = x != 0
        got, expected = got[away], expected[away]
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=ATOL)


# Keras' leaky_relu'(0) as each backend's autodiff gives it: TensorFlow and PyTorch take the
# slope, as dlref does; JAX takes 1, the slope of the positive side.
KINK_GRADIENT = {"tensorflow": 0.2, "jax": 1.0, "torch": 0.2}


def test_kink_gradient_per_backend(keras):
    backend = keras.backend.backend()
    if backend not in KINK_GRADIENT:
        pytest.skip(f"no recorded leaky_relu'(0) for the {backend} backend")
    _, grad = keras_backend.value_and_grad(keras, keras.activations.leaky_relu,
                                           np.zeros(1, dtype=np.float32))
    assert grad[0] == pytest.approx(KINK_GRADIENT[backend])
    assert act.derivative("leaky_relu", np.zeros(1))[0] == pytest.approx(0.2)


def test_derivative_at_kinks_follows_tensorflow():
    zero = np.zeros(1)
    assert act.derivative("relu", zero)[0] == 0.0
    assert act.derivative("leaky_relu", zero)[0] == pytest.approx(0.2)
    assert act.derivative("leaky_relu", zero, negative_slope=0.3)[0] == pytest.approx(0.3)
    assert act.derivative("elu", zero)[0] == 1.0
    assert act.derivative("elu", zero, alpha=0.5)[0] == 0.5


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_softmax_matches_keras(keras, dtype, axis):
    rng = np.random.default_rng(1)
    x = np.concatenate(
        [
            rng.normal(0.0, 3.0, (20, 5)),
            [[1e4, -1e4, 0.0, 1e4, -1e4], [-1e4] * 5, [1e4, 1e4 - 1, 1e4 - 2, 0.0, 5.0]],
        ]
    ).astype(dtype)
    expected = keras.ops.convert_to_numpy(keras.activations.softmax(x, axis=axis))
    got = act.softmax(x, axis=axis)
    assert got.dtype == dtype
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(got.sum(axis=axis), 1.0, rtol=1e-6)


@pytest.mark.parametrize("dtype", DTYPES)
def test_softmax_jacobian_matches_autodiff(keras, dtype):
    rng = np.random.default_rng(2)
    batch = np.concatenate([rng.normal(0, 2, (6, 4)), [[1e4, -1e4, 0.0, 3.0]]]).astype(dtype)
    expected = keras_backend.row_jacobians(keras, keras.activations.softmax, batch)
    got = act.softmax_jacobian(batch)
    assert got.shape == (7, 4, 4) and got.dtype == dtype
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=ATOL)
    # A single vector gives a single (n, n) matrix, equal to the batched one.
    single = act.softmax_jacobian(batch[0])
    assert single.shape == (4, 4)
    np.testing.assert_allclose(single, got[0], rtol=1e-12, atol=0)


def test_softmax_jacobian_formula_and_higher_rank():
    x = np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 7
    s = act.softmax(x)
    jac = act.softmax_jacobian(x)
    assert jac.shape == (2, 3, 4, 4)
    expected = np.stack(
        [[np.diag(v) - np.outer(v, v) for v in row] for row in s]
    )  # diag(s) - s s^T, one matrix per vector
    np.testing.assert_allclose(jac, expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(jac.sum(axis=-1), 0.0, atol=1e-15)
    np.testing.assert_allclose(jac, np.swapaxes(jac, -1, -2), atol=0)


def test_leaky_relu_defaults_differ_between_keras_function_and_layer(keras):
    function_default = inspect.signature(keras.activations.leaky_relu).parameters
    assert function_default["negative_slope"].default == 0.2
    layer_default = inspect.signature(keras.layers.LeakyReLU).parameters
    assert layer_default["negative_slope"].default == 0.3
    assert keras.layers.LeakyReLU().negative_slope == 0.3
    ours = inspect.signature(act.leaky_relu).parameters["negative_slope"].default
    assert ours == 0.2

    x = np.array([-10.0, -1.0, 0.0, 2.0], dtype=np.float32)
    numpy = keras.ops.convert_to_numpy
    np.testing.assert_allclose(act.leaky_relu(x), numpy(keras.activations.leaky_relu(x)))
    np.testing.assert_allclose(act.leaky_relu(x), [-2.0, -0.2, 0.0, 2.0], rtol=1e-6)
    np.testing.assert_allclose(
        act.leaky_relu(x, negative_slope=0.3), numpy(keras.layers.LeakyReLU()(x))
    )
    np.testing.assert_allclose(numpy(keras.layers.LeakyReLU()(x)), [-3.0, -0.3, 0, 2.0])


def test_gelu_default_is_exact_like_keras_activation(keras):
    assert inspect.signature(keras.activations.gelu).parameters["approximate"].default is False
    assert inspect.signature(act.gelu).parameters["approximate"].default is False
    # keras.ops.gelu, by contrast, defaults to the tanh approximation.
    assert inspect.signature(keras.ops.gelu).parameters["approximate"].default is True
    x = np.array([-3.0, -1.0, 1.0, 3.0])
    exact, approx = act.gelu(x), act.gelu(x, approximate=True)
    assert 1e-5 < np.max(np.abs(exact - approx)) < 1e-3


def test_known_values():
    np.testing.assert_allclose(act.sigmoid([0.0]), [0.5])
    np.testing.assert_allclose(act.tanh([0.0]), [0.0])
    np.testing.assert_allclose(act.softplus([0.0]), [np.log(2)])
    np.testing.assert_allclose(act.gelu([1.0]), [0.8413447460685429], rtol=1e-14)
    np.testing.assert_allclose(act.silu([1.0]), [1 / (1 + np.exp(-1.0))], rtol=1e-14)
    np.testing.assert_allclose(act.elu([-1.0], alpha=2.0), [2 * (np.exp(-1.0) - 1)], rtol=1e-14)
    # The maximum slopes quoted in the docs: sigmoid'(0) = 1/4, tanh'(0) = 1.
    grid = np.linspace(-6, 6, 1201)
    assert act.derivative("sigmoid", grid).max() == 0.25
    assert grid[np.argmax(act.derivative("sigmoid", grid))] == 0.0
    assert act.derivative("tanh", grid).max() == 1.0


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_finite_differences(name, dtype):
    # Independent of TensorFlow: central differences in float64 away from the kinks.
    x = np.linspace(-6, 6, 97) + 0.0123
    h = 1e-6
    f = act.get(name)
    numeric = (f(x + h) - f(x - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(name, x.astype(dtype)), numeric, atol=2e-6)


@pytest.mark.parametrize("dtype", DTYPES)
def test_no_warnings_nan_or_inf_for_large_inputs(dtype):
    x = np.concatenate([EXTREMES, np.linspace(-1e4, 1e4, 2001)]).astype(dtype)
    batch = np.stack([x, -x, np.full_like(x, 1e4)], axis=-1)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        results = [act.get(name)(x) for name in ELEMENTWISE]
        results += [act.leaky_relu(x, 0.3), act.elu(x, alpha=2.0), act.gelu(x, approximate=True)]
        results += [act.derivative(name, x) for name in ELEMENTWISE]
        results += [act.derivative("gelu", x, approximate=True)]
        results += [act.derivative("elu", x, alpha=0.5)]
        results += [act.softmax(batch), act.softmax(batch, axis=0), act.softmax_jacobian(batch)]
    for r in results:
        assert r.dtype == dtype
        assert np.all(np.isfinite(r))


@pytest.mark.parametrize("name", act.names())
def test_dtype_preserved_and_ints_become_float64(name):
    f = act.get(name)
    x32 = np.array([[-1.5, 0.0, 2.5]], dtype=np.float32)
    assert f(x32).dtype == np.float32
    assert f(x32.astype(np.float64)).dtype == np.float64
    assert f(np.array([[-1, 0, 2]])).dtype == np.float64
    assert f([[True, False, True]]).dtype == np.float64
    assert f(x32).shape == x32.shape


def test_derivative_and_jacobian_dtypes():
    x32 = np.array([-1.5, 0.0, 2.5], dtype=np.float32)
    for name in ELEMENTWISE:
        assert act.derivative(name, x32).dtype == np.float32
        assert act.derivative(name, [1, 2]).dtype == np.float64
    assert act.softmax_jacobian(x32).dtype == np.float32


def test_names_and_get():
    assert act.names() == tuple(sorted(act.names()))
    assert set(act.names()) == {
        "elu", "gelu", "leaky_relu", "relu", "sigmoid", "silu", "softmax", "softplus", "tanh",
    }  # fmt: skip
    for name in act.names():
        assert act.get(name) is getattr(act, name)
    assert act.get(" ReLU ") is act.relu
    with pytest.raises(ValueError, match=r"name='reul'.*Did you mean 'relu'\?"):
        act.get("reul")


def test_every_elementwise_activation_is_checked_against_keras():
    assert {name for name, _ in CASES} == set(ELEMENTWISE)


def test_every_public_function_is_registered_and_exported():
    # A public function defined in the module without @_activation(...) would be missing
    # from names(), get() and derivative(); __all__ is built from the registry.
    defined = {
        name
        for name, value in vars(act).items()
        if callable(value) and not name.startswith("_") and value.__module__ == act.__name__
    }
    assert defined == set(act.__all__)
    assert set(act.__all__) == set(act.names()) | {"derivative", "softmax_jacobian", "names", "get"}


# ---------------------------------------------------------------------------------------
# Bad input: each call fails with a message that names the argument and what was given.

BAD_INPUT = [
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
]

test_bad_input_is_explained = bad_input.make_test(BAD_INPUT)
