"""dlref.check: right functions pass, each known mistake is recognised in a real wrong one.

The wrong implementations below are written the way readers write them (from textbooks,
courses and forum answers), not derived from dlref's own code: each is the evidence that
``check`` names its mistake.  The right ones are written differently from dlref (naive but
exact formulas, other reductions, the PyTorch form of momentum) and must pass.
"""

from __future__ import annotations

import math
import re
from functools import partial

import numpy as np
import pytest
from bad_input import make_test
from hypothesis import given, settings
from hypothesis import strategies as st

import dlref
from dlref import _check_battery, _check_targets, activations, losses, optimizers
from dlref._check import CheckResult, check
from dlref._check_mistakes import MISTAKES
from dlref._i18n import set_language

EPS = 1e-7
_erf = np.vectorize(math.erf)


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _stable_sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _bce(y, p, eps=EPS):
    p = np.clip(p, eps, 1 - eps)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p), axis=-1)


# --- wrong implementations, one or more per recognised mistake -----------------------------

WRONG = []


def wrong(mistake, name, **kwargs):
    def register(function):
        WRONG.append(pytest.param(function, name, kwargs, mistake, id=function.__name__))
        return function

    return register


@wrong("no_return", "relu")
def relu_without_return(x):
    np.maximum(x, 0)


@wrong("softmax_without_max", "softmax")
def softmax_naive(x):
    e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)


@wrong("softmax_without_max", "softmax_jacobian")
def jacobian_of_naive_softmax(x):
    e = np.exp(x)
    s = e / e.sum(axis=-1, keepdims=True)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])


@wrong("softmax_keepdims", "softmax")
def softmax_without_keepdims(x):
    e = np.exp(x - np.max(x, axis=-1))
    return e / np.sum(e, axis=-1)


@wrong("softmax_whole_array", "softmax")
def softmax_over_everything(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


@wrong("overflow", "softplus")
def softplus_naive(x):
    return np.log(1 + np.exp(x))


@wrong("overflow", "tanh")
def tanh_from_exponentials(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


@wrong("overflow", "d_tanh")
def d_tanh_from_exponentials(x):
    return 1 - tanh_from_exponentials(x) ** 2


@wrong("single_sample_only", "softmax_jacobian")
def jacobian_of_one_sample(x):
    s = _softmax(x)
    return np.diag(s) - np.outer(s, s)


@wrong("other_slope", "leaky_relu")
def leaky_relu_pytorch_slope(x):
    return np.where(x > 0, x, 0.01 * x)


@wrong("other_slope", "d_leaky_relu")
def d_leaky_relu_layer_slope(x):
    return np.where(x > 0, 1.0, 0.3)


@wrong("other_alpha", "elu", alpha=0.5)
def elu_alpha_one(x):
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0)))


@wrong("gelu_approximation", "gelu")
def gelu_tanh(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))


@wrong("gelu_approximation", "gelu", approximate=True)
def gelu_erf(x):
    return 0.5 * x * (1 + _erf(x / np.sqrt(2)))


@wrong("kink_value", "d_relu")
def d_relu_one_at_zero(x):
    return (x >= 0).astype(float)


@wrong("activation_not_derivative", "d_sigmoid")
def d_sigmoid_is_sigmoid(x):
    return _stable_sigmoid(x)


@wrong("derivative_of_output", "d_sigmoid")
def d_sigmoid_of_output(x):
    return x * (1 - x)


@wrong("derivative_of_output", "d_tanh")
def d_tanh_of_output(x):
    return 1 - x**2


@wrong("unclipped_log", "binary_crossentropy")
def bce_unclipped(y_true, y_pred):
    return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred), axis=-1)


@wrong("unclipped_log", "categorical_crossentropy")
def cce_unclipped(y_true, y_pred):
    return -np.sum(y_true * np.log(y_pred), axis=-1)


@wrong("logits_overflow", "binary_crossentropy", from_logits=True)
def bce_through_sigmoid(y_true, y_pred):
    return _bce(y_true, _sigmoid(y_pred))


@wrong("logits_overflow", "categorical_crossentropy", from_logits=True)
def cce_through_naive_softmax(y_true, y_pred):
    e = np.exp(y_pred)
    return -np.sum(y_true * np.log(e / e.sum(axis=-1, keepdims=True)), axis=-1)


@wrong("other_epsilon", "binary_crossentropy")
def bce_clipped_at_1e_15(y_true, y_pred):
    return _bce(y_true, y_pred, eps=1e-15)


@wrong("float64_clipping", "binary_crossentropy")
def bce_in_float64(y_true, y_pred):
    return _bce(y_true.astype(np.float64), y_pred.astype(np.float64))


@wrong("not_reduced", "mse")
def squared_errors(y_true, y_pred):
    return (y_true - y_pred) ** 2


@wrong("not_reduced", "categorical_crossentropy")
def cce_elementwise(y_true, y_pred):
    return -y_true * np.log(np.clip(y_pred, EPS, 1 - EPS))


@wrong("sum_over_batch", "mse")
def mse_summed_over_batch(y_true, y_pred):
    return np.sum(np.mean((y_true - y_pred) ** 2, axis=-1))


@wrong("sum_over_batch", "sparse_categorical_crossentropy")
def scce_summed_over_batch(y_true, y_pred):
    p = np.clip(y_pred, EPS, 1 - EPS)
    return -np.sum(np.log(p[np.arange(len(y_true)), y_true]))


@wrong("sum_over_outputs", "mean_squared_error")
def mse_summed_over_outputs(y_true, y_pred):
    return np.sum((y_true - y_pred) ** 2, axis=-1)


@wrong("sum_over_batch_and_outputs", "mae")
def mae_summed(y_true, y_pred):
    return np.sum(np.abs(y_true - y_pred))


@wrong("mean_over_classes", "categorical_crossentropy")
def cce_averaged_over_classes(y_true, y_pred):
    return -np.mean(y_true * np.log(np.clip(y_pred, EPS, 1 - EPS)), axis=-1)


@wrong("swapped_arguments", "binary_crossentropy")
def bce_prediction_first(y_pred, y_true):
    return _bce(y_true, y_pred)


@wrong("logits_as_probabilities", "binary_crossentropy")
def bce_applies_sigmoid(y_true, y_pred):
    return _bce(y_true, _sigmoid(y_pred))


@wrong("root_mean_squared", "mse")
def rmse(y_true, y_pred):
    return np.sqrt(np.mean((y_true - y_pred) ** 2, axis=-1))


@wrong("missing_epsilon", "adam")
def adam_without_epsilon(w, g, state):
    m, v, t = state if state is not None else (np.zeros_like(w), np.zeros_like(w), 0)
    t, m, v = t + 1, 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
    return w - 0.001 * (m / (1 - 0.9**t)) / np.sqrt(v / (1 - 0.999**t)), (m, v, t)


@wrong("dampened_momentum", "sgd", learning_rate=0.1, momentum=0.9)
def momentum_as_average(w, g, v):
    v = 0.9 * (np.zeros_like(w) if v is None else v) + 0.1 * g
    return w - 0.1 * v, v


@wrong("momentum_ignored", "sgd", learning_rate=0.1, momentum=0.9)
def momentum_forgotten(w, g):
    return w - 0.1 * g


@wrong("nesterov_mismatch", "sgd", learning_rate=0.1, momentum=0.9)
def nesterov_momentum(w, g, v):
    v = 0.9 * (np.zeros_like(w) if v is None else v) - 0.1 * g
    return w + 0.9 * v - 0.1 * g, v


@wrong("state_not_kept", "sgd", learning_rate=0.1, momentum=0.9)
def momentum_returns_old_state(w, g, state):
    v = 0.9 * (np.zeros_like(w) if state is None else state) - 0.1 * g
    return w + v, state


@wrong("state_not_kept", "adam")
def adam_forgets_its_step_count(w, g, state):
    m, v = state if state is not None else (np.zeros_like(w), np.zeros_like(w))
    t = 1  # the bug: the step count is not part of the state
    m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
    rate = 0.001 * np.sqrt(1 - 0.999**t) / (1 - 0.9**t)
    return w - rate * m / (np.sqrt(v) + 1e-7), None


@wrong("no_bias_correction", "adam")
def adam_uncorrected(w, g, state):
    m, v = state if state is not None else (np.zeros_like(w), np.zeros_like(w))
    m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
    return w - 0.001 * m / (np.sqrt(v) + 1e-7), (m, v)


@wrong("textbook_adam_epsilon", "adam")
def adam_algorithm_1(w, g, state):
    m, v, t = state if state is not None else (np.zeros_like(w), np.zeros_like(w), 0)
    t, m, v = t + 1, 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
    m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
    return w - 0.001 * m_hat / (np.sqrt(v_hat) + 1e-7), (m, v, t)


@wrong("epsilon_outside_sqrt", "rmsprop")
def rmsprop_epsilon_outside(w, g, s):
    s = 0.9 * (np.zeros_like(w) if s is None else s) + 0.1 * g * g
    return w - 0.001 * g / (np.sqrt(s) + 1e-7), s


@wrong("decay_swapped", "rmsprop")
def rmsprop_rho_on_new_gradient(w, g, s):
    s = 0.1 * (np.zeros_like(w) if s is None else s) + 0.9 * g * g
    return w - 0.001 * g / np.sqrt(s + 1e-7), s


@wrong("decay_swapped", "adam")
def adam_betas_on_new_gradient(w, g, state):
    m, v, t = state if state is not None else (np.zeros_like(w), np.zeros_like(w), 0)
    t, m, v = t + 1, 0.1 * m + 0.9 * g, 0.001 * v + 0.999 * g * g
    m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
    return w - 0.001 * m_hat / (np.sqrt(v_hat) + 1e-7), (m, v, t)


@wrong("zero_initial_accumulator", "adagrad")
def adagrad_from_zero(w, g, a):
    a = (np.zeros_like(w) if a is None else a) + g * g
    return w - 0.001 * g / np.sqrt(a + 1e-7), a


@wrong("gradient_ascent", "sgd")
def sgd_uphill(w, g):
    return w + 0.01 * g


@wrong("other_learning_rate", "sgd")
def sgd_rate_0_1(w, g):
    return w - 0.1 * g


def test_every_recognised_mistake_has_a_wrong_implementation_here():
    covered = {param.values[3] for param in WRONG}
    assert covered == set(MISTAKES)


@pytest.mark.parametrize(("function", "name", "kwargs", "mistake"), WRONG)
def test_a_known_mistake_is_recognised_and_explained(function, name, kwargs, mistake):
    result = check(function, name, **kwargs)
    assert not result and result.passed is False
    assert result.mistake == mistake
    assert result.n_failed >= 1 and result.n_inputs == len(_check_targets.resolve(
        name, kwargs).cases)
    text = str(result)
    # The verdict names the function, shows the first input that differs as code (the input,
    # dlref's value, the returned value) and ends with the mistake's own sentence.
    call = text.splitlines()[0].split(" does not match ")[0]
    assert call.startswith(function.__name__ + "(")
    assert f"\n    {call} -> " in text
    reference = _check_targets.resolve(name, kwargs).call
    assert f"\n    {reference}" in text
    if result.step is None:
        assert f"differs on {result.n_failed} of {result.n_inputs} test inputs" in text
    else:
        assert (f"at step {result.step}, the first step that differs" in text
                or "which differs at its first step already" in text)


def test_the_verdicts_quote_the_values_the_mistake_is_about():
    slope = check(leaky_relu_pytorch_slope, "leaky_relu")
    assert "uses the negative slope 0.01, but the reference uses 0.2" in str(slope)
    assert "pass negative_slope=0.01 to check" in str(slope)
    batch = check(mse_summed_over_batch, "mse")
    assert "The value is 4 times dlref's, which is the batch size 4" in str(batch)
    outputs = check(mse_summed_over_outputs, "mse")
    assert "number of outputs per sample (3)" in str(outputs)
    rate = check(sgd_rate_0_1, "sgd")
    assert "is 10 times dlref's, as with a learning rate of 0.1 instead of 0.01" in str(rate)
    kink = check(d_relu_one_at_zero, "d_relu")
    assert "where it returns 1 and dlref returns 0" in str(kink)
    nesterov = check(nesterov_momentum, "sgd", learning_rate=0.1, momentum=0.9)
    assert "matches SGD with nesterov=True, but check was asked for nesterov=False" in str(
        nesterov)


def test_a_fixed_mistake_passes():
    # The advice of a verdict works: follow it and the function matches.
    assert check(leaky_relu_pytorch_slope, "leaky_relu", negative_slope=0.01)
    assert check(gelu_tanh, "gelu", approximate=True)
    assert check(elu_alpha_one, "elu")
    assert check(sgd_rate_0_1, "sgd", learning_rate=0.1)
    assert check(nesterov_momentum, "sgd", learning_rate=0.1, momentum=0.9, nesterov=True)


# --- right implementations, written otherwise than dlref ------------------------------------

RIGHT = []


def right(name, **kwargs):
    def register(function):
        RIGHT.append(pytest.param(function, name, kwargs, id=f"{function.__name__}-{name}"))
        return function

    return register


right("relu")(lambda x: x * (x > 0))
right("sigmoid")(_sigmoid)  # naive: overflows in exp for -1000, but the value is right
right("tanh")(np.tanh)
right("softmax")(_softmax)
right("leaky_relu")(lambda x: np.maximum(x, 0.2 * x))
right("elu")(lambda x: np.where(x > 0, x, np.exp(x) - 1))
right("gelu")(lambda x: 0.5 * x * (1 + _erf(x / np.sqrt(2))))
right("gelu", approximate=True)(gelu_tanh)
right("silu")(lambda x: x * _stable_sigmoid(x))
right("softplus")(lambda x: np.logaddexp(0, x))
right("d_sigmoid")(lambda x: _sigmoid(x) * (1 - _sigmoid(x)))
right("d_tanh")(lambda x: 1 - np.tanh(x) ** 2)
right("d_relu")(lambda x: x > 0)  # booleans are numbers too
right("d_leaky_relu", negative_slope=0.1)(lambda x: np.where(x > 0, 1.0, 0.1))
right("d_elu")(lambda x: np.where(x > 0, 1.0, np.exp(np.minimum(x, 0))))
right("d_softplus")(_stable_sigmoid)
right("d_silu")(lambda x: _stable_sigmoid(x) * (1 + x * (1 - _stable_sigmoid(x))))
right("d_gelu")(lambda x: 0.5 * (1 + _erf(x / np.sqrt(2)))
                + x * np.exp(-np.minimum(x * x, 1e4) / 2) / np.sqrt(2 * np.pi))
right("softmax_jacobian")(lambda x: _softmax(x)[..., :, None]
                          * (np.eye(x.shape[-1]) - _softmax(x)[..., None, :]))
right("mse")(lambda y_true, y_pred: np.mean((y_true - y_pred) ** 2, axis=-1))
right("mse")(lambda y_true, y_pred: np.mean((y_true - y_pred) ** 2))  # the batch mean
right("mae")(lambda y_true, y_pred: np.mean(np.abs(y_true - y_pred), axis=-1))
right("binary_crossentropy")(_bce)
right("binary_crossentropy", from_logits=True)(
    lambda y, z: np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))), axis=-1))
# Without Keras' normalisation of each row: the battery's rows sum to 1.
right("categorical_crossentropy")(
    lambda y_true, y_pred: -np.sum(y_true * np.log(np.clip(y_pred, EPS, 1 - EPS)), axis=-1))
# Without Keras' renormalisation after clipping: it changes the loss by about epsilon.
right("sparse_categorical_crossentropy")(
    lambda y, p: -np.log(np.take_along_axis(np.clip(p, EPS, 1 - EPS), y[:, None], -1)[:, 0]))
right("sparse_categorical_crossentropy", from_logits=True)(
    lambda y, z: -(z - z.max(-1, keepdims=True) - np.log(np.exp(
        z - z.max(-1, keepdims=True)).sum(-1, keepdims=True)))[np.arange(len(y)), y])


@right("sgd")
def sgd_in_place(w, g, state):
    w -= 0.01 * g  # in place, as Keras' assign_sub: fine for a step
    return w, state


@right("sgd", learning_rate=0.1, momentum=0.9)
def momentum_pytorch_form(w, g, buffer):
    # PyTorch keeps b = mu b + g and steps w - lr b: the same steps as Keras' velocity.
    buffer = g if buffer is None else 0.9 * buffer + g
    return w - 0.1 * buffer, buffer


@right("rmsprop")
def rmsprop(w, g, s):
    s = 0.9 * (np.zeros_like(w) if s is None else s) + 0.1 * g * g
    return w - 0.001 * g / np.sqrt(s + 1e-7), s


@right("adagrad")
def adagrad(w, g, a):
    a = (np.full_like(w, 0.1) if a is None else a) + g * g
    return w - 0.001 * g / np.sqrt(a + 1e-7), a


@right("adam", learning_rate=0.01)
def adam_with_dict_state(w, g, state):
    state = state or {"m": np.zeros_like(w), "v": np.zeros_like(w), "t": 0}
    state["t"] += 1
    state["m"] = 0.9 * state["m"] + 0.1 * g
    state["v"] = 0.999 * state["v"] + 0.001 * g**2
    rate = 0.01 * np.sqrt(1 - 0.999 ** state["t"]) / (1 - 0.9 ** state["t"])
    return w - rate * state["m"] / (np.sqrt(state["v"]) + 1e-7), state


@pytest.mark.parametrize(("function", "name", "kwargs"), RIGHT)
def test_a_right_implementation_passes(function, name, kwargs):
    result = check(function, name, **kwargs)
    assert result, str(result)
    assert result.mistake is None and result.n_failed == 0 and result.inputs is None
    assert str(result).splitlines()[0].endswith(" on every test input.")


def _reference_as_reader(name: str):
    """The reader's function that is dlref's own reference for ``name``."""
    if name in optimizers.names():
        return lambda w, g, opt: (lambda o: (o.step(w, g), o))(opt or optimizers.get(name))
    if name.startswith("d_"):
        return partial(activations.derivative, name[2:])
    if name == "softmax_jacobian":
        return activations.softmax_jacobian
    if name in activations.names():
        return activations.get(name)
    return losses.get(name)


@pytest.mark.parametrize("name", _check_targets.names())
def test_every_name_accepts_its_own_reference_on_finite_inputs(name):
    target = _check_targets.resolve(name, {})
    if target.reference is not None:
        for case in target.cases:
            assert np.all(np.isfinite(target.expected(case.arrays)))
    assert check(_reference_as_reader(name), name), name


def test_every_loss_and_activation_has_a_battery():
    assert set(_check_targets.LOSS_LABELS) == set(losses.names())
    names = set(_check_targets.names())
    assert set(activations.names()) <= names and set(optimizers.names()) <= names
    elementwise = [n for n in activations.names() if n != "softmax"]
    assert {f"d_{n}" for n in elementwise} <= names and "d_softmax" not in names


def test_the_battery_holds_the_hard_inputs():
    x = np.concatenate([c.arrays["x"].ravel() for c in _check_battery.elementwise()])
    assert {1000.0, -1000.0, 0.0} <= set(x.tolist())
    dtypes = {c.arrays["x"].dtype for c in _check_battery.elementwise()}
    assert dtypes == {np.dtype(np.float32), np.dtype(np.float64)}
    binary = _check_battery.binary(from_logits=False)
    assert any(np.any(c.arrays["y_pred"] == 0) and np.any(c.arrays["y_pred"] == 1)
               for c in binary)
    sparse = _check_battery.sparse(from_logits=False)
    assert all(c.arrays["y_true"].dtype.kind == "i" for c in sparse)
    categorical = _check_battery.categorical(from_logits=False)
    assert all(set(np.unique(c.arrays["y_true"])) <= {0.0, 1.0} for c in categorical)
    assert {c.is_batch for c in categorical} == {True, False}
    gradients = np.concatenate([c.arrays["gradients"].ravel()
                                for c in _check_battery.optimizer()])
    nonzero = np.abs(gradients[gradients != 0])
    assert np.max(nonzero) == 1000.0 and np.min(nonzero) < 1e-7


def test_the_verdict_is_reproducible():
    first = str(check(softmax_naive, "softmax"))
    assert str(check(softmax_naive, "softmax")) == first
    again = _check_battery.elementwise()
    for a, b in zip(_check_battery.elementwise(), again, strict=True):
        np.testing.assert_array_equal(a.arrays["x"], b.arrays["x"])


def test_the_verdict_in_full():
    result = check(leaky_relu_pytorch_slope, "leaky_relu")
    assert str(result) == repr(result)
    assert str(result) == """\
leaky_relu_pytorch_slope(x) does not match dlref.activations.leaky_relu(x): it differs on 8 \
of 8 test inputs. The first of them is shown below.
    x = array([[ 0.   ,  2.198,  0.151,  4.04 ,  4.34 ],
               [ 1.757, -0.991,  1.798,  1.26 ,  2.42 ],
               [-0.615, -1.88 , -0.152,  0.   , -0.655],
               [ 0.755, -2.503, -1.534,  1.679,  0.597]])
    dlref.activations.leaky_relu(x) -> array([[ 0.    ,  2.198 ,  0.151 ,  4.04  ,  4.34  ],
                                              [ 1.757 , -0.1982,  1.798 ,  1.26  ,  2.42  ],
                                              [-0.123 , -0.376 , -0.0304,  0.    , -0.131 ],
                                              [ 0.755 , -0.5006, -0.3068,  1.679 ,  0.597 ]])
    leaky_relu_pytorch_slope(x) -> array([[ 0.000e+00,  2.198e+00,  1.510e-01,  4.040e+00,  \
4.340e+00],
                                          [ 1.757e+00, -9.910e-03,  1.798e+00,  1.260e+00,  \
2.420e+00],
                                          [-6.150e-03, -1.880e-02, -1.520e-03,  0.000e+00, \
-6.550e-03],
                                          [ 7.550e-01, -2.503e-02, -1.534e-02,  1.679e+00,  \
5.970e-01]])
The largest difference is at index [3, 1]: it returns -0.02503 where dlref's value is -0.5006.
leaky_relu_pytorch_slope(x) uses the negative slope 0.01, but the reference uses 0.2. The \
defaults differ: keras.activations.leaky_relu uses 0.2, the layer keras.layers.LeakyReLU 0.3 \
and PyTorch 0.01. To compare with yours, pass negative_slope=0.01 to check."""


# --- bad functions, bad names, bad keywords --------------------------------------------------


def test_a_function_that_raises_is_a_verdict_not_a_traceback():
    def broken(x):
        return x / undefined_name  # noqa: F821

    result = check(broken, "relu")
    assert not result and isinstance(result.error, NameError) and result.mistake is None
    text = str(result)
    assert "broken(x) -> NameError: name 'undefined_name' is not defined" in text
    assert "It raised NameError on this input, as shown above." in text
    assert result.n_failed == result.n_inputs


def test_wrong_shape_non_numbers_and_nan_are_explained():
    shape = check(lambda x: np.maximum(x, 0).ravel(), "relu")
    assert "It returns an array of shape (20,), but dlref's result has shape (4, 5)." in str(
        shape)
    text = check(lambda x: "relu", "relu")
    assert "It returned str, which is not an array of numbers." in str(text)
    assert "fn(x) -> 'relu'" in str(text)
    objects = check(lambda x: [np.zeros(2), np.zeros(3)], "relu")
    assert "It returned list, which is not an array of numbers." in str(objects)
    nan = check(lambda x: np.full_like(x, np.nan), "sigmoid")
    assert "At index [0, 0] it returns nan where dlref's value is the finite number 0.5." in str(
        nan)
    assert nan.mistake is None


def test_an_optimizer_step_with_a_state_must_return_a_pair():
    result = check(lambda w, g, state: w - 0.01 * g, "sgd")
    assert not result and result.step == 1
    assert "must return a pair (new w, new state), but it returned ndarray." in str(result)


def test_the_calling_convention_of_a_step_follows_its_signature():
    calls = []

    def two(w, g):
        calls.append(2)
        return w - 0.01 * g

    def three(w, g, state):
        calls.append(3)
        return w - 0.01 * g, state

    assert check(two, "sgd") and check(three, "sgd")
    assert calls == [2] * 35 + [3] * 35  # 7 runs of 5 steps each
    assert "two(w, g) matches" in str(check(two, "sgd"))
    assert "three(w, g, state) matches" in str(check(three, "sgd"))


def test_check_never_changes_its_inputs_or_lets_a_function_change_them():
    before = [c.arrays["x"].copy() for c in _check_battery.elementwise()]

    def zero_then_relu(x):
        # Changes its argument, then returns relu of what is left: if check passed its own
        # arrays, dlref's value would be computed on the zeros and this would "pass".
        x[...] = 0
        return np.maximum(x, 0)

    result = check(zero_then_relu, "relu")
    assert not result and result.n_failed >= 1
    assert np.any(result.inputs["x"] != 0)
    assert "zero_then_relu(x) changes its argument x in place." in str(result)
    for array, case in zip(before, _check_battery.elementwise(), strict=True):
        np.testing.assert_array_equal(array, case.arrays["x"])

    def relu_in_place(x):
        x[x < 0] = 0
        return x

    result = check(relu_in_place, "relu")
    assert result and "changes its argument x in place" in str(result)


def test_numpy_warnings_of_a_right_function_are_noted_not_printed(recwarn):
    result = check(_sigmoid, "sigmoid")
    assert result
    assert "numpy warned while _sigmoid(x) ran (overflow encountered in exp)." in str(result)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
    with np.errstate(all="raise"):  # the reader's settings do not turn it into an error
        assert check(_sigmoid, "sigmoid")


BAD_INPUT = [
    (partial(check, 3, "relu"), TypeError,
     r"^fn must be a function \(a callable\) to compare with dlref; got int 3\.$"),
    (partial(check, np.tanh, 7), TypeError, r"^name must be a string, one of \["),
    (partial(check, np.tanh, "reul"), ValueError,
     r"^name='reul' is not supported; allowed values are \[.*'d_relu'.*'sgd'.*\]\. "
     r"Did you mean 'relu'\?$"),
    (partial(check, np.tanh, "binary_crossentrpy"), ValueError,
     r"Did you mean 'binary_crossentropy'\?$"),
    (partial(check, np.tanh, "d_softmax"), ValueError,
     r"^name='d_softmax': softmax has no elementwise derivative.*check\(fn, "
     r"'softmax_jacobian'\)\.$"),
    (partial(check, np.tanh, "Momentum"), ValueError,
     r"^name='Momentum' is a parameter of the optimizer SGD, not an optimizer; pass it as a "
     r"keyword argument, e\.g\. check\(fn, 'sgd', momentum=\.\.\.\)\.$"),
    (partial(check, np.tanh, "leaky_relu", negativ_slope=0.1), TypeError,
     r"^check\(fn, 'leaky_relu'\) got unexpected keyword argument\(s\) \['negativ_slope'\]; the "
     r"parameters of leaky_relu are \['negative_slope'\]\. Did you mean 'negative_slope'\?$"),
    (partial(check, np.tanh, "relu", negative_slope=0.1), TypeError,
     r"^check\(fn, 'relu'\) got unexpected keyword argument\(s\) \['negative_slope'\]; relu "
     r"has no parameters\.$"),
    (partial(check, np.tanh, "sgd", learning_rat=0.1), TypeError,
     r"the parameters of sgd are \['learning_rate', 'momentum', 'nesterov'\]\. Did you mean "
     r"'learning_rate'\?$"),
    (partial(check, np.tanh, "leaky_relu", negative_slope=-1), ValueError,
     r"^negative_slope must be in \[0, inf\); got -1\.0\.$"),
    (partial(check, np.tanh, "binary_crossentropy", from_logits="yes"), TypeError,
     r"^from_logits must be True or False; got str 'yes'\.$"),
    (partial(check, np.tanh, "adam", beta_1=1.5), ValueError, r"^beta_1 must be in \[0, 1\)"),
]
test_bad_input_is_explained = make_test(BAD_INPUT)


@pytest.mark.parametrize("call", [partial(check, np.tanh, "leaky_relu", negative_slope=-1),
                                  partial(check, np.tanh, "reul"),
                                  partial(check, np.tanh, "relu", alpha=1.0)])
def test_a_bad_argument_is_raised_from_check_not_from_inside_dlref(call):
    with pytest.raises((TypeError, ValueError)) as info:
        call()
    frames = [str(entry.path) for entry in info.traceback]
    assert frames[-1].endswith("_check.py")  # raised afresh by check(), no deeper
    assert info.value.__suppress_context__


# --- the reader's language -------------------------------------------------------------------


def test_the_verdict_speaks_korean(monkeypatch):
    monkeypatch.setenv("DLREF_LANG", "ko")
    result = check(softmax_naive, "softmax")
    text = str(result)
    assert text.splitlines()[0].startswith("softmax_naive(x)의 결과가 dlref.activations.softmax(x)")
    assert "최댓값을 빼지 않고" in text
    assert re.search("[\uac00-\ud7a3]", str(check(_softmax, "softmax")))
    with pytest.raises(ValueError, match="가장 가까운 이름은 'relu'입니다"):
        check(np.tanh, "reul")
    # The text follows the language when it is printed, not when the check ran.
    monkeypatch.setenv("DLREF_LANG", "en")
    assert str(result).startswith("softmax_naive(x) does not match")
    with set_language("ko"):
        assert str(result) == text


# --- properties over many wrong constants (hypothesis) ---------------------------------------


@settings(max_examples=25)
@given(slope=st.floats(0.0, 1.0).filter(lambda a: abs(a - 0.2) > 1e-3))
def test_any_other_leaky_slope_is_recognised_and_named(slope):
    def leaky(x):
        return np.where(x > 0, x, slope * x)

    result = check(leaky, "leaky_relu")
    assert result.mistake == "other_slope"
    assert result._mistake.fields["slope"] == pytest.approx(slope, abs=1e-6)
    assert check(leaky, "leaky_relu", negative_slope=slope)


@settings(max_examples=25)
@given(factor=st.floats(0.05, 20.0).filter(lambda k: abs(k - 1) > 1e-2))
def test_any_other_learning_rate_is_recognised_and_named(factor):
    rate = 0.01 * factor

    def step(w, g):
        return w - rate * g

    result = check(step, "sgd")
    assert result.mistake == "other_learning_rate"
    assert result._mistake.fields["ratio"] == pytest.approx(factor, rel=1e-3)


@settings(max_examples=25)
@given(scale=st.floats(0.1, 10.0).filter(lambda c: abs(c - 1) > 1e-2))
def test_a_loss_off_by_any_factor_never_passes(scale):
    result = check(lambda y_true, y_pred: scale * _bce(y_true, y_pred), "binary_crossentropy")
    assert not result and result.mistake in (None, "sum_over_outputs")


def test_check_is_public_and_lazy():
    assert dlref.check is check
    assert isinstance(check(np.tanh, "tanh"), CheckResult)
