"""dlref.optimizers: parity with keras.optimizers, state handling, test functions."""

from __future__ import annotations

from functools import partial

import bad_input
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlref import optimizers as opt

# Curvatures of the quadratic f(w) = 0.5 * sum(c * w**2): different scales per
# coordinate so that the adaptive methods behave differently from SGD.
CURV = np.array([0.5, 2.0, 10.0], dtype=np.float32)
W0 = np.array([1.0, -2.0, 0.5], dtype=np.float32)
MAT_CURV = np.array([[1.0, 3.0], [0.2, 5.0]], dtype=np.float32)
MAT0 = np.array([[0.3, -1.0], [2.0, 0.7]], dtype=np.float32)

CONFIGS = [
    ("SGD", {}),
    ("SGD", {"learning_rate": 0.05, "momentum": 0.9}),
    ("SGD", {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True}),
    ("RMSprop", {}),
    ("RMSprop", {"learning_rate": 0.01, "rho": 0.8, "momentum": 0.5}),
    ("RMSprop", {"learning_rate": 0.01, "centered": True}),
    ("RMSprop", {"learning_rate": 0.01, "momentum": 0.9, "centered": True, "epsilon": 1e-4}),
    ("Adagrad", {}),
    ("Adagrad", {"learning_rate": 0.1, "initial_accumulator_value": 0.5}),
    ("Adam", {}),
    ("Adam", {"learning_rate": 0.05, "beta_1": 0.5, "beta_2": 0.9}),
    ("Adam", {"learning_rate": 0.05, "amsgrad": True}),
]


def _ids(config):
    name, kwargs = config
    return name + "".join(f"-{k}={v}" for k, v in kwargs.items())


# On TensorFlow and JAX the 100 float32 steps below equal dlref's bit for bit. PyTorch's Keras
# optimizers update in place with fused torch._foreach_* kernels, which round in another order:
# the trajectories drift apart by up to 2.2e-6 (Adam with beta_1=0.5), still far below any
# difference of formula.
ATOL = {"torch": 3e-6}


@pytest.mark.parametrize("config", CONFIGS, ids=[_ids(c) for c in CONFIGS])
def test_matches_keras_for_100_steps_on_a_quadratic(config):
    keras = pytest.importorskip("keras")
    name, kwargs = config
    k_opt = getattr(keras.optimizers, name)(**kwargs)
    k_vars = [keras.Variable(W0.copy()), keras.Variable(MAT0.copy())]
    n_opt = getattr(opt, name)(**kwargs)
    n_params = [W0.copy(), MAT0.copy()]
    for step in range(100):
        grads = [CURV * n_params[0], MAT_CURV * n_params[1]]
        # Keras gets the gradient of its own current weights, not of ours, as the backend's
        # tensors (PyTorch's optimizers take no numpy arrays).
        k_grads = [keras.ops.convert_to_tensor(CURV * k_vars[0].numpy()),
                   keras.ops.convert_to_tensor(MAT_CURV * k_vars[1].numpy())]
        k_opt.apply_gradients(zip(k_grads, k_vars, strict=True))
        n_params = n_opt.step(n_params, grads)
        for n_w, k_w in zip(n_params, k_vars, strict=True):
            assert n_w.dtype == np.float32
            np.testing.assert_allclose(
                n_w, k_w.numpy(), rtol=2e-6, atol=ATOL.get(keras.backend.backend(), 1e-7),
                err_msg=f"{name} step {step + 1}",
            )
    assert n_opt.iterations == int(k_opt.iterations.numpy()) == 100
    # The trajectory really moved, so the comparison is not vacuous.
    assert not np.allclose(n_params[0], W0, atol=1e-3)


@pytest.mark.parametrize("name", ["SGD", "RMSprop", "Adagrad", "Adam"])
def test_defaults_equal_keras_defaults(name):
    keras = pytest.importorskip("keras")
    ours = getattr(opt, name)().get_config()
    theirs = getattr(keras.optimizers, name)().get_config()
    for key, value in ours.items():
        assert theirs[key] == pytest.approx(value), key


@pytest.mark.parametrize("name", ["SGD", "RMSprop", "Adagrad", "Adam"])
def test_to_keras_roundtrip(name):
    pytest.importorskip("keras")
    ours = getattr(opt, name)(learning_rate=0.5)
    k = ours.to_keras()
    assert type(k).__name__ == name
    assert float(k.learning_rate.numpy()) == 0.5
    for key, value in ours.get_config().items():
        assert k.get_config()[key] == pytest.approx(value)


def test_sgd_momentum_by_hand():
    # v1 = -0.1*1 = -0.1, w1 = 0.9; v2 = 0.9*-0.1 - 0.1*0.9 = -0.18, w2 = 0.72
    o = opt.SGD(learning_rate=0.1, momentum=0.9)
    w = np.array([1.0])
    w = o.step(w, w)
    w = o.step(w, w)
    np.testing.assert_allclose(w, [0.72])
    # Nesterov: w1 = 1 + (0.9*-0.1 - 0.1) = 0.81
    np.testing.assert_allclose(
        opt.SGD(learning_rate=0.1, momentum=0.9, nesterov=True).step(np.ones(1), np.ones(1)),
        [0.81],
    )


def test_adagrad_starts_from_initial_accumulator():
    # a = 0.1 + 1 -> step = lr * g / sqrt(1.1 + eps)
    w = opt.Adagrad(learning_rate=1.0, epsilon=0.0).step(np.zeros(1), np.ones(1))
    np.testing.assert_allclose(w, [-1 / np.sqrt(1.1)])


def test_adam_epsilon_is_outside_the_sqrt():
    # First step: m = 0.1 g, v = 0.001 g^2, alpha = lr * sqrt(0.001) / 0.1.
    g, eps = 1e-6, 1e-7
    w = opt.Adam(learning_rate=1.0, epsilon=eps).step(np.zeros(1), np.array([g]))
    alpha = np.sqrt(1 - 0.999) / (1 - 0.9)
    expected = -(0.1 * g) * alpha / (np.sqrt(0.001) * g + eps)
    np.testing.assert_allclose(w, [expected], rtol=1e-12)


def test_step_does_not_modify_inputs_and_keeps_state_per_parameter():
    o = opt.SGD(learning_rate=0.1, momentum=0.5)
    a, b = np.ones(2), np.ones(3)
    new = o.step([a, b], [np.ones(2), 2 * np.ones(3)])
    np.testing.assert_array_equal(a, np.ones(2))
    np.testing.assert_allclose(new[0], 0.9)
    np.testing.assert_allclose(new[1], 0.8)
    new = o.step(new, [np.ones(2), 2 * np.ones(3)])
    np.testing.assert_allclose(new[0], 0.9 - 0.15)
    np.testing.assert_allclose(new[1], 0.8 - 0.3)


def test_step_accepts_tuples_and_integer_arrays():
    out = opt.SGD(learning_rate=0.5).step((np.array([2, 4]),), (np.array([2, 2]),))
    assert isinstance(out, list)
    np.testing.assert_allclose(out[0], [1.0, 3.0])
    assert out[0].dtype == np.float64


def test_state_shape_change_needs_reset():
    o = opt.Adam()
    o.step(np.zeros(2), np.ones(2))
    with pytest.raises(ValueError, match=r"state was built for \[\(2,\)\].*reset\(\)"):
        o.step(np.zeros(3), np.ones(3))
    o.reset()
    assert o.step(np.zeros(3), np.ones(3)).shape == (3,)


@settings(max_examples=50, deadline=None, database=None)
@given(
    lr=st.floats(1e-4, 10.0),
    w=st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=5),
    data=st.data(),
)
def test_plain_sgd_is_w_minus_lr_g(lr, w, data):
    g = data.draw(st.lists(st.floats(-1e3, 1e3), min_size=len(w), max_size=len(w)))
    out = opt.SGD(learning_rate=lr).step(np.array(w), np.array(g))
    np.testing.assert_allclose(out, np.array(w) - lr * np.array(g))


@settings(max_examples=30, deadline=None, database=None)
@given(g=st.lists(st.floats(1e-3, 1e3), min_size=1, max_size=5))
def test_first_adam_step_is_about_the_learning_rate(g):
    # Keras' epsilon sits outside sqrt(v) = sqrt(0.001)*g, hence the g / (g + eps/sqrt(0.001)).
    g = np.array(g)
    out = opt.Adam(learning_rate=0.01).step(np.zeros(len(g)), g)
    np.testing.assert_allclose(out, -0.01 * g / (g + 1e-7 / np.sqrt(0.001)), rtol=1e-12)
    np.testing.assert_allclose(out, -0.01, rtol=5e-3)


def test_get_and_names():
    assert opt.names() == ("adagrad", "adam", "rmsprop", "sgd")
    o = opt.get("RMSprop", learning_rate=0.1, centered=True)
    assert isinstance(o, opt.RMSprop) and o.centered and o.learning_rate == 0.1
    assert repr(opt.get("sgd")) == "SGD(learning_rate=0.01, momentum=0.0, nesterov=False)"


# -- test functions and minimize ---------------------------------------------


def _fd_grad(f, x, h=1e-6):
    g = np.zeros_like(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e[i] = h
        g[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g


@pytest.mark.parametrize(
    ("f", "grad"),
    [
        (opt.rosenbrock, opt.rosenbrock_grad),
        (opt.quadratic, opt.quadratic_grad),
    ],
)
def test_gradients_match_finite_differences(f, grad):
    rng = np.random.default_rng(0)
    for x in rng.uniform(-1.5, 1.5, size=(10, 2)):
        np.testing.assert_allclose(grad(x), _fd_grad(f, x), rtol=1e-5, atol=1e-5)


def test_known_minima():
    assert opt.rosenbrock([1.0, 1.0]) == 0.0
    assert opt.rosenbrock([2.0, 4.0], a=2.0) == 0.0
    np.testing.assert_allclose(opt.rosenbrock_grad([1.0, 1.0]), [0.0, 0.0])
    assert opt.quadratic([0.0, 0.0]) == 0.0
    np.testing.assert_allclose(opt.quadratic_grad([0.0, 0.0]), [0.0, 0.0])


def test_functions_accept_contour_grids():
    xs, ys = np.meshgrid(np.linspace(-2, 2, 5), np.linspace(-1, 3, 4))
    grid = np.stack([xs, ys], axis=-1)
    for f, grad in [(opt.rosenbrock, opt.rosenbrock_grad), (opt.quadratic, opt.quadratic_grad)]:
        z = f(grid)
        assert z.shape == (4, 5)
        assert z[1, 2] == f(grid[1, 2])
        assert grad(grid).shape == (4, 5, 2)
        np.testing.assert_allclose(grad(grid)[3, 1], grad(grid[3, 1]))


def test_minimize_trajectory_shape_and_convergence():
    path = opt.minimize(opt.rosenbrock_grad, [-1.0, 1.0], opt.Adam(learning_rate=0.05), steps=2000)
    assert path.shape == (2001, 2)
    np.testing.assert_array_equal(path[0], [-1.0, 1.0])
    assert opt.rosenbrock(path[-1]) < 1e-3 < opt.rosenbrock(path[0])


def test_minimize_with_an_optimizer_name_uses_its_defaults():
    by_name = opt.minimize(opt.rosenbrock_grad, [1.0, 1.0], "adam", steps=20)
    by_object = opt.minimize(opt.rosenbrock_grad, [1.0, 1.0], opt.Adam(), steps=20)
    np.testing.assert_array_equal(by_name, by_object)


def test_minimize_resets_a_used_optimizer():
    o = opt.SGD(learning_rate=0.1, momentum=0.9)
    first = opt.minimize(opt.quadratic_grad, [1.0, 1.0], o, steps=5)
    second = opt.minimize(opt.quadratic_grad, [1.0, 1.0], o, steps=5)
    np.testing.assert_array_equal(first, second)


def test_heavy_ball_beats_plain_sgd_on_ill_conditioned_bowl():
    plain = opt.minimize(opt.quadratic_grad, [1.0, 1.0], opt.SGD(learning_rate=0.05), steps=100)
    heavy = opt.minimize(
        opt.quadratic_grad,
        [1.0, 1.0],
        opt.SGD(learning_rate=0.05, momentum=0.8),
        steps=100,
    )
    assert opt.quadratic(heavy[-1]) < 1e-3 * opt.quadratic(plain[-1])


# ---------------------------------------------------------------------------------------
# Bad input: each call fails with a message that names the argument and what was given.

BAD_INPUT = [
    # -- optimizers: hyperparameters ------------------------------------------
    (
        partial(opt.SGD, learning_rate=-0.1),
        ValueError,
        r"learning_rate must be in \(0, inf\); got -0\.1",
    ),
    (
        partial(opt.Adam, learning_rate=0),
        ValueError,
        r"learning_rate must be in \(0, inf\); got 0\.0",
    ),
    (
        partial(opt.Adam, learning_rate="0.01"),
        TypeError,
        r"learning_rate must be a real number; got str '0\.01'",
    ),
    (partial(opt.SGD, momentum=1.5), ValueError, r"momentum must be in \[0, 1\]; got 1\.5"),
    (
        partial(opt.SGD, nesterov="yes"),
        TypeError,
        r"nesterov must be True or False; got str 'yes'",
    ),
    (partial(opt.RMSprop, rho=1.0), ValueError, r"rho must be in \[0, 1\); got 1\.0"),
    (partial(opt.Adam, beta_1=1.0), ValueError, r"beta_1 must be in \[0, 1\); got 1\.0"),
    (partial(opt.Adam, beta_2=-0.5), ValueError, r"beta_2 must be in \[0, 1\); got -0\.5"),
    (
        partial(opt.Adam, epsilon=float("nan")),
        ValueError,
        r"epsilon must be finite; got nan",
    ),
    (
        partial(opt.Adagrad, initial_accumulator_value=-1.0),
        ValueError,
        r"initial_accumulator_value must be in \[0, inf\); got -1\.0",
    ),
    # -- optimizers: names ----------------------------------------------------
    (
        partial(opt.get, "adma"),
        ValueError,
        r"name='adma' is not supported; allowed values are \['adagrad', 'adam', 'rmsprop', "
        r"'sgd'\]\. Did you mean 'adam'\?",
    ),
    (partial(opt.get, 3), TypeError, r"name must be a string.*got int 3"),
    (
        partial(opt.get, "sgd", beta_1=0.9),
        TypeError,
        r"SGD got unexpected keyword argument\(s\) \['beta_1'\]; allowed are "
        r"\['learning_rate', 'momentum', 'nesterov'\]",
    ),
    # -- optimizers: step() ---------------------------------------------------
    (
        lambda: opt.SGD().step(np.zeros(3), np.zeros(2)),
        ValueError,
        r"grads has shape \(2,\) but params has shape \(3,\)",
    ),
    (
        lambda: opt.Adam().step([np.zeros(2), np.zeros((2, 2))], [np.zeros(2), np.zeros(2)]),
        ValueError,
        r"grads\[1\] has shape \(2,\) but params\[1\] has shape \(2, 2\)",
    ),
    (
        lambda: opt.SGD().step([np.zeros(2)], [np.zeros(2), np.zeros(2)]),
        ValueError,
        r"same length; got 1 param\(s\) and 2 gradient\(s\)",
    ),
    (
        lambda: opt.SGD().step(np.zeros(2), ["a", "b"]),
        TypeError,
        r"grads must hold real numbers.*got dtype <U1",
    ),
    (lambda: opt.SGD().step([], []), ValueError, r"params must hold at least one array"),
    # -- optimizers: test functions and minimize ------------------------------
    (
        lambda: opt.rosenbrock([1.0, 2.0, 3.0]),
        ValueError,
        r"x must have shape \(\.\.\., 2\); got shape \(3,\)",
    ),
    (
        lambda: opt.quadratic_grad([1.0, 1.0], curvature=[1.0, -2.0]),
        ValueError,
        r"curvature must be positive; got \[1\.0, -2\.0\]",
    ),
    (
        lambda: opt.minimize(opt.quadratic_grad, [1.0, 1.0], "adam", 0),
        ValueError,
        r"steps must be a positive integer \(>= 1\); got 0",
    ),
    (
        lambda: opt.minimize(opt.quadratic_grad, [np.nan, 1.0], "sgd", 5),
        ValueError,
        r"x0 contains 1 NaN or infinite value\(s\)",
    ),
    (
        lambda: opt.minimize(opt.quadratic_grad, [1.0, 1.0], "nesterov", 5),
        ValueError,
        r"name='nesterov' is not supported",
    ),
    (
        lambda: opt.minimize("grad", [1.0, 1.0], "sgd", 5),
        TypeError,
        r"grad must be callable; got str 'grad'",
    ),
]

test_bad_input_is_explained = bad_input.make_test(BAD_INPUT)


def test_keras_rejects_int_hyperparameters_that_dlref_accepts():
    keras = pytest.importorskip("keras")
    # Keras 3 insists on floats: SGD(learning_rate=1) and SGD(momentum=0) raise.
    with pytest.raises(ValueError, match=r"learning_rate` should be float"):
        keras.optimizers.SGD(learning_rate=1)
    with pytest.raises(ValueError, match=r"`momentum` must be a float"):
        keras.optimizers.SGD(momentum=0)
    # dlref converts them, and to_keras() hands floats to Keras.
    k = opt.SGD(learning_rate=1, momentum=0).to_keras()
    assert float(k.learning_rate.numpy()) == 1.0 and k.momentum == 0.0
