"""Bad-input catalogue for optimizers, models, diagnostics and datasets.

Every case checks the exception type and that the message names the argument and
says what was given and what is allowed.  Model/diagnostics cases fail during
validation, before any TensorFlow work.
"""

from __future__ import annotations

import subprocess
import sys
from functools import partial

import numpy as np
import pytest

from dlref import datasets, models, optimizers

CASES = [
    # -- optimizers: hyperparameters ------------------------------------------
    (
        partial(optimizers.SGD, learning_rate=-0.1),
        ValueError,
        r"learning_rate must be in \(0, inf\); got -0\.1",
    ),
    (
        partial(optimizers.Adam, learning_rate=0),
        ValueError,
        r"learning_rate must be in \(0, inf\); got 0\.0",
    ),
    (
        partial(optimizers.Adam, learning_rate="0.01"),
        TypeError,
        r"learning_rate must be a real number; got str '0\.01'",
    ),
    (partial(optimizers.SGD, momentum=1.5), ValueError, r"momentum must be in \[0, 1\]; got 1\.5"),
    (
        partial(optimizers.SGD, nesterov="yes"),
        TypeError,
        r"nesterov must be True or False; got str 'yes'",
    ),
    (partial(optimizers.RMSprop, rho=1.0), ValueError, r"rho must be in \[0, 1\); got 1\.0"),
    (partial(optimizers.Adam, beta_1=1.0), ValueError, r"beta_1 must be in \[0, 1\); got 1\.0"),
    (partial(optimizers.Adam, beta_2=-0.5), ValueError, r"beta_2 must be in \[0, 1\); got -0\.5"),
    (
        partial(optimizers.Adam, epsilon=float("nan")),
        ValueError,
        r"epsilon must be finite; got nan",
    ),
    (
        partial(optimizers.Adagrad, initial_accumulator_value=-1.0),
        ValueError,
        r"initial_accumulator_value must be in \[0, inf\); got -1\.0",
    ),
    # -- optimizers: names ----------------------------------------------------
    (
        partial(optimizers.get, "adma"),
        ValueError,
        r"name='adma' is not supported; allowed values are \['adagrad', 'adam', 'rmsprop', "
        r"'sgd'\]\. Did you mean 'adam'\?",
    ),
    (partial(optimizers.get, 3), TypeError, r"name must be a string.*got int 3"),
    (
        partial(optimizers.get, "sgd", beta_1=0.9),
        TypeError,
        r"SGD got unexpected keyword argument\(s\) \['beta_1'\]; allowed are "
        r"\['learning_rate', 'momentum', 'nesterov'\]",
    ),
    # -- optimizers: step() ---------------------------------------------------
    (
        lambda: optimizers.SGD().step(np.zeros(3), np.zeros(2)),
        ValueError,
        r"grads has shape \(2,\) but params has shape \(3,\)",
    ),
    (
        lambda: optimizers.Adam().step([np.zeros(2), np.zeros((2, 2))], [np.zeros(2), np.zeros(2)]),
        ValueError,
        r"grads\[1\] has shape \(2,\) but params\[1\] has shape \(2, 2\)",
    ),
    (
        lambda: optimizers.SGD().step([np.zeros(2)], [np.zeros(2), np.zeros(2)]),
        ValueError,
        r"same length; got 1 param\(s\) and 2 gradient\(s\)",
    ),
    (
        lambda: optimizers.SGD().step(np.zeros(2), ["a", "b"]),
        TypeError,
        r"grads must hold real numbers.*got dtype <U1",
    ),
    (lambda: optimizers.SGD().step([], []), ValueError, r"params must hold at least one array"),
    # -- optimizers: test functions and minimize ------------------------------
    (
        lambda: optimizers.rosenbrock([1.0, 2.0, 3.0]),
        ValueError,
        r"x must have shape \(\.\.\., 2\); got shape \(3,\)",
    ),
    (
        lambda: optimizers.quadratic_grad([1.0, 1.0], curvature=[1.0, -2.0]),
        ValueError,
        r"curvature must be positive; got \[1\.0, -2\.0\]",
    ),
    (
        lambda: optimizers.minimize(optimizers.beale, optimizers.beale_grad, [1.0, 1.0], "adam", 0),
        ValueError,
        r"steps must be a positive integer \(>= 1\); got 0",
    ),
    (
        lambda: optimizers.minimize(
            optimizers.beale, optimizers.beale_grad, [np.nan, 1.0], "sgd", 5
        ),
        ValueError,
        r"x0 contains 1 NaN or infinite value\(s\)",
    ),
    (
        lambda: optimizers.minimize(optimizers.beale, None, [1.0, 1.0], "nesterov", 5),
        ValueError,
        r"name='nesterov' is not supported",
    ),
    (
        lambda: optimizers.minimize(optimizers.beale, "grad", [1.0, 1.0], "sgd", 5),
        TypeError,
        r"grad must be callable or None; got str 'grad'",
    ),
    # -- models ---------------------------------------------------------------
    (
        partial(models.build_mlp, (8, 8), dropout=-0.1),
        ValueError,
        r"dropout must be in \[0, 1\); got -0\.1",
    ),
    (
        partial(models.build_mlp, (8, 8), dropout=1.0),
        ValueError,
        r"dropout must be in \[0, 1\); got 1\.0",
    ),
    (
        partial(models.build_mlp, (8, 8), dropout="0.2"),
        TypeError,
        r"dropout must be a real number; got str '0\.2'",
    ),
    (
        partial(models.build_mlp, (8, 8), hidden_units=(64, 0)),
        ValueError,
        r"hidden_units\[1\] must be a positive integer \(>= 1\); got 0",
    ),
    (
        partial(models.build_mlp, (8, 8), hidden_units=64),
        TypeError,
        r"hidden_units must be a tuple.*got the int 64\. Write \(64,\)",
    ),
    (
        partial(models.build_mlp, (8, 8), hidden_units=(32.5,)),
        TypeError,
        r"hidden_units\[0\] must be a positive integer; got float 32\.5",
    ),
    (
        partial(models.build_mlp, (8, 8), activation="rellu"),
        ValueError,
        r"activation='rellu' is not a Keras activation; known names are \[.*\]\. "
        r"Did you mean 'relu'\?",
    ),
    (
        partial(models.build_mlp, (8, 8), activation=3),
        TypeError,
        r"activation must be a Keras activation name or a callable; got int 3",
    ),
    (
        partial(models.build_mlp, (8, 8), optimizer="adamm"),
        ValueError,
        r"optimizer='adamm' is not a Keras optimizer name;.*Did you mean 'adam'\?",
    ),
    (
        partial(models.build_mlp, (8, 8), optimizer=0.01),
        TypeError,
        r"optimizer must be a name such as 'adam'.*got float 0\.01",
    ),
    (
        partial(models.build_mlp, 64),
        TypeError,
        r"input_shape must be a tuple of positive integers.*got int 64\. Write \(64,\)",
    ),
    (
        partial(models.build_mlp, (8, -8)),
        ValueError,
        r"input_shape\[1\] must be a positive integer \(>= 1\); got -8",
    ),
    (partial(models.build_mlp, ()), ValueError, r"input_shape must not be empty; got \(\)"),
    (
        partial(models.build_mlp, (8, 8), task="classification"),
        ValueError,
        r"task='classification' is not supported; allowed values are \['regression', 'binary', "
        r"'multiclass', 'multilabel'\]",
    ),
    (
        partial(models.build_mlp, (8, 8), task="binary", num_outputs=2),
        ValueError,
        r"task='binary' uses one sigmoid unit, so num_outputs must be 1 \(or None\); got "
        r"num_outputs=2\. For 2 classes use task='multiclass'",
    ),
    (
        partial(models.build_mlp, (8, 8), task="multiclass", num_outputs=1),
        ValueError,
        r"task='multiclass' needs num_outputs >= 2 .*got num_outputs=1",
    ),
    (
        partial(models.build_mlp, (8, 8), num_outputs=0),
        ValueError,
        r"num_outputs must be a positive integer \(>= 1\); got 0",
    ),
    (
        partial(models.build_mlp, (8, 8), metrics="accuracy"),
        TypeError,
        r"metrics must be a list such as \['accuracy'\] or None; got str 'accuracy'",
    ),
    (
        partial(models.build_mlp, (8, 8), seed=-1),
        ValueError,
        r"seed must be in \[0, 2\*\*32\); got -1",
    ),
    (
        partial(models.seed_model, input_shape=(28, 28.0)),
        TypeError,
        r"input_shape\[1\] must be a positive integer; got float 28\.0",
    ),
    # -- datasets -------------------------------------------------------------
    (
        partial(datasets.load_digits_images, test_size=1.5),
        ValueError,
        r"test_size must be in \(0, 1\); got 1\.5",
    ),
    (
        partial(datasets.load_digits_images, test_size=0),
        ValueError,
        r"test_size must be in \(0, 1\); got 0\.0",
    ),
    (
        partial(datasets.load_digits_images, test_size=0.001),
        ValueError,
        r"test_size=0\.001 gives 2 test images; a stratified split of 1797 images into 10 "
        r"classes needs between 10 and 1787",
    ),
    (
        partial(datasets.load_digits_images, seed=-3),
        ValueError,
        r"seed must be a non-negative integer; got -3",
    ),
    (
        partial(datasets.load_digits_images, seed="0"),
        TypeError,
        r"seed must be None or a non-negative integer; got str '0'",
    ),
    (
        partial(datasets.load_mnist, "missing/mnist.npz"),
        FileNotFoundError,
        r"MNIST file not found: 'missing/mnist\.npz'\. dlref never downloads; get the file",
    ),
    (
        partial(datasets.load_mnist, None),
        TypeError,
        r"path must be a str or os\.PathLike to an mnist\.npz file; got NoneType None",
    ),
]


def _case_id(i, case):
    func, exc, _ = case
    name = getattr(func, "func", func).__name__.replace("<lambda>", "call")
    if isinstance(func, partial):
        args = [repr(a) for a in func.args] + [f"{k}={v!r}" for k, v in func.keywords.items()]
        name += "(" + ",".join(args) + ")"
    return f"{i:02d}-{exc.__name__}-{name}"


@pytest.mark.parametrize(
    ("func", "exc", "pattern"), CASES, ids=[_case_id(i, c) for i, c in enumerate(CASES)]
)
def test_bad_input_is_rejected_with_a_clear_message(func, exc, pattern):
    with pytest.raises(exc, match=pattern):
        func()


def test_catalogue_is_large_enough():
    assert len(CASES) >= 15


# -- bad inputs that need a Keras model -------------------------------------


@pytest.fixture(scope="module")
def keras():
    return pytest.importorskip("keras")


def test_diagnostics_bad_inputs(keras):
    from dlref import diagnostics

    model = models.build_mlp((4,), hidden_units=(3,), seed=0)
    x = np.ones((5, 4))
    with pytest.raises(TypeError, match=r"model must be a keras\.Model; got str 'model'"):
        diagnostics.gradient_norms("model", x, np.zeros(5))
    with pytest.raises(
        ValueError,
        match=r"x and y must hold the same number of samples; "
        r"got 5 and 3",
    ):
        diagnostics.gradient_norms(model, x, np.zeros(3))
    with pytest.raises(ValueError, match=r"x contains 1 NaN or infinite value\(s\)"):
        diagnostics.activation_stats(model, np.where(np.eye(5, 4) > 0, np.inf, 0.0)[:1])
    with pytest.raises(TypeError, match=r"x must hold real numbers.*dtype <U1"):
        diagnostics.dead_relu_fraction(model, [["a"] * 4])
    with pytest.raises(ValueError, match=r"x must not be empty"):
        diagnostics.dead_relu_fraction(model, np.empty((0, 4)))


def test_training_with_bad_learning_rate_never_reaches_keras():
    # A negative rate is accepted by keras.optimizers.SGD(learning_rate=-1.0) and
    # would silently do gradient *ascent*; the numpy optimizer refuses it up front.
    with pytest.raises(ValueError, match=r"learning_rate must be in \(0, inf\); got -1\.0"):
        models.build_mlp((4,), optimizer=optimizers.SGD(learning_rate=-1.0))


def test_keras_rejects_int_hyperparameters_that_dlref_accepts(keras):
    # Keras 3 insists on floats: SGD(learning_rate=1) and SGD(momentum=0) raise.
    with pytest.raises(ValueError, match=r"learning_rate` should be float"):
        keras.optimizers.SGD(learning_rate=1)
    with pytest.raises(ValueError, match=r"`momentum` must be a float"):
        keras.optimizers.SGD(momentum=0)
    # dlref converts them, and to_keras() hands floats to Keras.
    k = optimizers.SGD(learning_rate=1, momentum=0).to_keras()
    assert float(k.learning_rate.numpy()) == 1.0 and k.momentum == 0.0


# -- import hygiene -----------------------------------------------------------


def test_importing_the_modules_does_not_import_tensorflow():
    code = (
        "import sys\n"
        "import dlref.optimizers, dlref.datasets, dlref.models, dlref.diagnostics\n"
        "print(sorted(m for m in ('tensorflow', 'keras', 'sklearn') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
