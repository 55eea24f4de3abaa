"""dlref.models: architecture of seed_model/build_mlp, Keras 3 behaviour, digits accuracy."""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest

keras = pytest.importorskip("keras")

import bad_input  # noqa: E402

from dlref.datasets import load_digits_images  # noqa: E402
from dlref.models import build_mlp, seed_model  # noqa: E402
from dlref.optimizers import SGD  # noqa: E402

# 30 epochs of batch 32 take ~3.5 s per model on 2 cores and reach 0.97-0.98 on the
# 450 test digits for every seed tried (0..4); seed 0 gives 0.9756.
EPOCHS, BATCH_SIZE, SEED = 30, 32, 0


def _layer_summary(model):
    rows = []
    for layer in model.layers:
        row = [type(layer).__name__]
        if isinstance(layer, keras.layers.Dense):
            row += [layer.units, layer.activation.__name__]
        if isinstance(layer, keras.layers.Dropout):
            row.append(layer.rate)
        rows.append(tuple(row))
    return rows


def test_seed_model_is_the_notes_architecture_in_keras3_form():
    model = seed_model()
    assert model.input_shape == (None, 28, 28)
    assert _layer_summary(model) == [
        ("Flatten",),
        ("Dense", 128, "relu"),
        ("Dropout", 0.2),
        ("Dense", 10, "softmax"),
    ]
    config = model.get_compile_config()
    assert config["loss"] == "sparse_categorical_crossentropy"
    assert config["metrics"] == ["accuracy"]
    assert isinstance(model.optimizer, keras.optimizers.Adam)
    assert model.count_params() == 784 * 128 + 128 + 128 * 10 + 10


def test_seed_model_for_8x8_digits():
    model = seed_model(input_shape=(8, 8))
    assert model.input_shape == (None, 8, 8)
    assert model.output_shape == (None, 10)
    assert model.count_params() == 64 * 128 + 128 + 128 * 10 + 10


def test_notes_form_input_shape_on_a_layer_warns_in_keras3():
    # The seed notes wrote keras.layers.Flatten(input_shape=(28, 28)); Keras 3 still
    # accepts it but warns, which is why seed_model starts with keras.Input.
    with pytest.warns(UserWarning, match=r"Do not pass an `input_shape`/`input_dim` argument"):
        keras.layers.Flatten(input_shape=(28, 28))


def test_seed_model_does_not_warn(recwarn):
    seed_model(input_shape=(8, 8))
    assert not [w for w in recwarn if "input_shape" in str(w.message)]


def test_build_mlp_default_matches_seed_model_weights():
    # Same architecture, same seed: identical initial weights.
    a = seed_model(input_shape=(8, 8), seed=3)
    b = build_mlp((8, 8), seed=3)
    assert _layer_summary(a) == _layer_summary(b)
    for wa, wb in zip(a.get_weights(), b.get_weights(), strict=True):
        np.testing.assert_array_equal(wa, wb)


def test_build_mlp_seed_is_reproducible_and_matters():
    w1 = build_mlp((5,), hidden_units=(4,), seed=1).get_weights()[0]
    w2 = build_mlp((5,), hidden_units=(4,), seed=1).get_weights()[0]
    w3 = build_mlp((5,), hidden_units=(4,), seed=2).get_weights()[0]
    np.testing.assert_array_equal(w1, w2)
    assert not np.array_equal(w1, w3)


def test_build_mlp_layers():
    model = build_mlp((6,), hidden_units=(16, 8), activation="tanh", dropout=0.5)
    assert model.input_shape == (None, 6)
    assert _layer_summary(model) == [
        ("Dense", 16, "tanh"),
        ("Dropout", 0.5),
        ("Dense", 8, "tanh"),
        ("Dropout", 0.5),
        ("Dense", 10, "softmax"),
    ]
    no_dropout = build_mlp((2, 3, 4), hidden_units=(7,), dropout=0.0)
    assert _layer_summary(no_dropout) == [
        ("Flatten",),
        ("Dense", 7, "relu"),
        ("Dense", 10, "softmax"),
    ]
    assert [layer.name for layer in no_dropout.layers] == ["flatten", "hidden_1", "output"]


@pytest.mark.parametrize(
    ("task", "num_outputs", "units", "activation", "loss", "metrics"),
    [
        ("binary", None, 1, "sigmoid", "binary_crossentropy", ["accuracy"]),
        ("binary", 1, 1, "sigmoid", "binary_crossentropy", ["accuracy"]),
        ("multiclass", None, 10, "softmax", "sparse_categorical_crossentropy", ["accuracy"]),
        ("multiclass", 3, 3, "softmax", "sparse_categorical_crossentropy", ["accuracy"]),
        ("multilabel", 4, 4, "sigmoid", "binary_crossentropy", ["binary_accuracy"]),
        ("regression", 1, 1, "linear", "mean_squared_error", ["mae"]),
        ("regression", 2, 2, "linear", "mean_squared_error", ["mae"]),
        ("Multiclass", 2, 2, "softmax", "sparse_categorical_crossentropy", ["accuracy"]),
    ],
)
def test_build_mlp_output_layer_follows_task(task, num_outputs, units, activation, loss, metrics):
    model = build_mlp((3,), hidden_units=(4,), task=task, num_outputs=num_outputs)
    out = model.layers[-1]
    assert (out.units, out.activation.__name__) == (units, activation)
    config = model.get_compile_config()
    assert config["loss"] == loss
    assert config["metrics"] == metrics


# Labels whose inferred task is the key: select_loss reads them, build_mlp gets their width.
LABELS_FOR_TASK = {
    "regression": np.array([0.5, -1.25, 3.0]),
    "binary": np.array([0, 1, 1]),
    "multiclass": np.array([0, 2, 1, 2]),
    "multilabel": np.array([[1, 1, 0], [0, 0, 1]]),
}


@pytest.mark.parametrize("task", sorted(LABELS_FOR_TASK))
def test_build_mlp_and_select_loss_agree_on_every_task(task):
    # Both read the one task table; a model built for a task is the setup select_loss advises.
    from dlref.losses import select_loss

    choice = select_loss(task, LABELS_FOR_TASK[task])
    model = build_mlp((3,), hidden_units=(), task=task, num_outputs=choice.output_units)
    out = model.layers[-1]
    assert (out.units, out.activation.__name__) == (choice.output_units, choice.output_activation)
    config = model.get_compile_config()
    assert (config["loss"], config["metrics"]) == (choice.loss, list(choice.metrics))


@pytest.mark.parametrize(
    ("task", "activation", "metrics"),
    [
        ("binary", "sigmoid", ["accuracy"]),
        ("multilabel", "sigmoid", ["binary_accuracy"]),
        ("regression", "linear", ["mae"]),
        ("multiclass", "softmax", ["accuracy"]),
    ],
)
def test_build_mlp_explicit_loss_keeps_task_output(task, activation, metrics):
    # Huber is a Keras loss outside dlref's setup advice: build_mlp leaves it to Keras.
    n = 1 if task == "binary" else 3
    model = build_mlp((3,), task=task, num_outputs=n, loss="huber")
    assert model.layers[-1].activation.__name__ == activation
    assert model.get_compile_config()["loss"] == "huber"
    assert model.get_compile_config()["metrics"] == metrics


@pytest.mark.parametrize(
    ("task", "loss", "fits", "tasks"),
    [
        ("multiclass", "binary_crossentropy",
         ["categorical_crossentropy", "sparse_categorical_crossentropy"], ["binary", "multilabel"]),
        ("binary", "mse", ["binary_crossentropy"], ["regression"]),
        ("binary", "sparse_categorical_crossentropy", ["binary_crossentropy"], ["multiclass"]),
        ("multilabel", "categorical_crossentropy", ["binary_crossentropy"], ["multiclass"]),
        ("regression", "binary_crossentropy", ["mean_absolute_error", "mean_squared_error"],
         ["binary", "multilabel"]),
    ],
)
def test_build_mlp_runs_check_setup_on_what_it_builds(task, loss, fits, tasks):
    n = 1 if task == "binary" else 3
    with pytest.raises(ValueError, match=r"does not fit for any labels of that task") as raised:
        build_mlp((3,), task=task, num_outputs=n, loss=loss)
    message = str(raised.value)
    assert f"use one of the losses {fits}" in message and f"use one of the tasks {tasks}" in message
    # Every way out the message names builds.
    for fitting in fits:
        assert build_mlp((3,), hidden_units=(), task=task, num_outputs=n, loss=fitting).loss \
            == fitting
    for other in tasks:
        units = 1 if other == "binary" else 3
        assert build_mlp((3,), hidden_units=(), task=other, num_outputs=units, loss=loss).loss \
            == loss


def test_build_mlp_rejects_a_logits_loss_on_a_probability_output():
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    with pytest.raises(ValueError, match=r"10-unit softmax output.*from_logits=False"):
        build_mlp((3,), loss=loss)
    built = build_mlp((3,), loss=keras.losses.SparseCategoricalCrossentropy())
    assert built.layers[-1].activation.__name__ == "softmax"


def test_build_mlp_optimizers_and_metrics():
    k_opt = keras.optimizers.RMSprop(learning_rate=0.01)
    assert build_mlp((3,), optimizer=k_opt).optimizer is k_opt
    model = build_mlp((3,), optimizer=SGD(learning_rate=0.25, momentum=0.5))
    assert isinstance(model.optimizer, keras.optimizers.SGD)
    assert float(model.optimizer.learning_rate.numpy()) == 0.25
    assert model.optimizer.momentum == 0.5
    assert isinstance(build_mlp((3,), optimizer="Nadam").optimizer, keras.optimizers.Nadam)
    model = build_mlp((3,), metrics=["accuracy", "sparse_top_k_categorical_accuracy"])
    assert model.get_compile_config()["metrics"] == [
        "accuracy",
        "sparse_top_k_categorical_accuracy",
    ]


def test_build_mlp_accepts_a_callable_activation():
    model = build_mlp((3,), hidden_units=(2,), activation=keras.activations.elu)
    assert model.layers[0].activation.__name__ == "elu"


def test_build_mlp_empty_hidden_units_is_softmax_regression():
    model = build_mlp((8, 8), hidden_units=(), seed=0)
    assert _layer_summary(model) == [("Flatten",), ("Dense", 10, "softmax")]


# -- training on the offline digits ------------------------------------------


@pytest.fixture(scope="module")
def trained():
    """Train seed_model and build_mlp once on the 8x8 digits; return their test accuracies."""
    (x_train, y_train), (x_test, y_test) = load_digits_images()
    x_train, x_test = x_train / 255.0, x_test / 255.0
    results = {}
    for name, make in [
        ("seed_model", lambda: seed_model(input_shape=(8, 8), seed=SEED)),
        ("build_mlp", lambda: build_mlp((8, 8), seed=SEED)),
    ]:
        model = make()
        history = model.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
        _, accuracy = model.evaluate(x_test, y_test, verbose=0)
        results[name] = {"model": model, "history": history.history, "accuracy": accuracy}
    return results


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seed_model", "build_mlp"])
def test_digits_test_accuracy_at_least_097(trained, name):
    assert trained[name]["accuracy"] >= 0.97


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seed_model", "build_mlp"])
def test_training_loss_decreases(trained, name):
    loss = trained[name]["history"]["loss"]
    assert len(loss) == EPOCHS
    assert loss[-1] < 0.1 * loss[0]


@pytest.mark.slow
def test_trained_model_predicts_probabilities(trained):
    (_, _), (x_test, y_test) = load_digits_images()
    p = trained["seed_model"]["model"].predict(x_test[:20] / 255.0, verbose=0)
    assert p.shape == (20, 10)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-5)
    assert np.mean(p.argmax(axis=1) == y_test[:20]) >= 0.9


def test_names_are_checked_by_the_installed_keras():
    # No copy of Keras' lists: whatever this Keras resolves is accepted, any case.
    model = build_mlp((4,), hidden_units=(3,), activation="Swish", optimizer="AdamW")
    assert model.get_layer("hidden_1").activation is keras.activations.get("swish")
    assert isinstance(model.optimizer, keras.optimizers.AdamW)
    # ... and the error lists exactly the names Keras' own get() accepts.
    with pytest.raises(ValueError, match=r"activation='rellu'") as err:
        build_mlp((4,), activation="rellu")
    listed = eval(str(err.value).split("knows ")[1].split("]")[0] + "]")  # noqa: S307
    assert {"relu", "gelu", "softmax", "swish"} <= set(listed)
    for name in listed:
        assert callable(keras.activations.get(name)), name
    with pytest.raises(ValueError, match=r"optimizer='adamm'.*Did you mean 'adam'\?") as err:
        build_mlp((4,), optimizer="adamm")
    listed = eval(str(err.value).split("knows ")[1].split("]")[0] + "]")  # noqa: S307
    assert {"sgd", "adam", "rmsprop", "adagrad", "adamw"} <= set(listed)
    for name in listed:
        assert isinstance(keras.optimizers.get(name), keras.optimizers.Optimizer), name


# ---------------------------------------------------------------------------------------
# Initialiser, L2, learning rate (or schedule) and weight decay: the same model as Keras'.


@pytest.mark.parametrize("name, cls", [("he_normal", "HeNormal"),
                                       ("GlorotUniform", "GlorotUniform"),
                                       ("lecun_normal", "LecunNormal")])
def test_build_mlp_kernel_initializer_matches_keras(name, cls):
    model = build_mlp((6,), hidden_units=(400, 400), dropout=0.0, kernel_initializer=name,
                      seed=0)
    for layer in ("hidden_1", "hidden_2", "output"):
        assert type(model.get_layer(layer).kernel_initializer).__name__ == cls
    # The drawn weights have the variance the initialiser promises (fan_in = 400).
    w = model.get_layer("hidden_2").kernel.numpy()
    expected = {"HeNormal": 2 / 400, "GlorotUniform": 2 / 800, "LecunNormal": 1 / 400}[cls]
    assert w.var() == pytest.approx(expected, rel=0.05)


def test_build_mlp_l2_adds_the_keras_penalty_to_the_loss():
    model = build_mlp((5,), hidden_units=(7,), dropout=0.0, l2=0.01, seed=0)
    kernels = [model.get_layer(n).kernel.numpy() for n in ("hidden_1", "output")]
    penalty = sum(float(keras.ops.convert_to_numpy(v)) for v in model.losses)
    assert penalty == pytest.approx(0.01 * sum(np.sum(k**2) for k in kernels), rel=1e-5)
    assert build_mlp((5,), hidden_units=(7,), l2=0.0).losses == []


def test_build_mlp_learning_rate_and_weight_decay_reach_the_keras_optimizer():
    model = build_mlp((3,), optimizer="sgd", learning_rate=0.2, weight_decay=0.01)
    assert isinstance(model.optimizer, keras.optimizers.SGD)
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.2)
    assert model.optimizer.weight_decay == 0.01
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5)
    model = build_mlp((3,), optimizer="adam", learning_rate=schedule)
    assert model.optimizer._learning_rate is schedule
    assert isinstance(build_mlp((3,), optimizer="adamw").optimizer, keras.optimizers.AdamW)
    assert build_mlp((3,), optimizer="adamw").optimizer.weight_decay == 0.004  # Keras default


def test_one_sgd_step_l2_versus_weight_decay_closed_form():
    # Zero data gradient (x = 0, no bias effect on the kernel), so only the penalty acts.
    lr, lam = 0.1, 0.05
    x, y = np.zeros((4, 2), "float32"), np.zeros((4, 1), "float32")
    for kwargs, factor in (({"l2": lam}, 1 - 2 * lr * lam),
                           ({"weight_decay": lam}, 1 - lr * lam)):
        model = build_mlp((2,), hidden_units=(), task="regression", num_outputs=1,
                          optimizer="sgd", learning_rate=lr, seed=0, **kwargs)
        w0 = model.get_layer("output").kernel.numpy().copy()
        model.train_on_batch(x, y)
        np.testing.assert_allclose(model.get_layer("output").kernel.numpy(), factor * w0,
                                   rtol=1e-6)


def test_class_weight_is_a_fit_keyword_that_scales_the_loss():
    model = build_mlp((2,), hidden_units=(), task="binary", optimizer="sgd",
                      learning_rate=1e-9, seed=0)
    x = np.array([[1.0, 0.0], [0.0, 1.0]], "float32")
    y = np.array([0, 1])
    plain = model.fit(x, y, epochs=1, batch_size=2, verbose=0).history["loss"][0]
    weighted = model.fit(x, y, epochs=1, batch_size=2, verbose=0,
                         class_weight={0: 1.0, 1: 3.0}).history["loss"][0]
    p = model.predict(x, verbose=0).ravel()
    per_sample = -np.log(np.array([1 - p[0], p[1]]))
    assert plain == pytest.approx(per_sample.mean(), rel=1e-4)
    assert weighted == pytest.approx((per_sample * [1, 3]).mean(), rel=1e-4)


# ---------------------------------------------------------------------------------------
# Bad input: each call fails with a message that names the argument and what was given.

BAD_INPUT = [
    # -- models ---------------------------------------------------------------
    (
        partial(build_mlp, (4,), loss="sparse_crossentropy"),
        ValueError,
        r"loss='sparse_crossentropy' is not a Keras loss name; the installed Keras knows "
        r"\[.*'sparse_categorical_crossentropy'.*\]\. Did you mean "
        r"'sparse_categorical_crossentropy'\?",
    ),
    (
        partial(build_mlp, (4,), loss=3),
        TypeError,
        r"loss must be a Keras loss name such as 'sparse_categorical_crossentropy'.*; got int 3",
    ),
    (
        partial(build_mlp, (4,), activation="rleu"),
        ValueError,
        r"activation='rleu' is not a Keras activation name.*Did you mean 'relu'\?",
    ),
    (
        partial(build_mlp, (4,), task="multiclass", loss="binary_crossentropy"),
        ValueError,
        r"task='multiclass' gives a 10-unit softmax output, which "
        r"loss='binary_crossentropy' does not fit",
    ),
    (
        partial(build_mlp, (4,), kernel_initializer="he_normall"),
        ValueError,
        r"kernel_initializer='he_normall' is not a Keras initializer name.*"
        r"Did you mean 'he_normal'\?",
    ),
    (
        partial(build_mlp, (4,), kernel_initializer=0.1),
        TypeError,
        r"kernel_initializer must be a Keras initializer name .*; got float 0\.1",
    ),
    (partial(build_mlp, (4,), l2=-0.1), ValueError, r"l2 must be in \[0, inf\); got -0\.1"),
    (
        partial(build_mlp, (4,), weight_decay="0.1"),
        TypeError,
        r"weight_decay must be a real number; got str '0\.1'",
    ),
    (
        partial(build_mlp, (4,), learning_rate=0.0),
        ValueError,
        r"learning_rate must be in \(0, inf\); got 0\.0",
    ),
    (
        partial(build_mlp, (4,), learning_rate="fast"),
        TypeError,
        r"learning_rate must be None, a positive number or a keras.*; got str 'fast'",
    ),
    (
        partial(build_mlp, (4,), learning_rate=lambda step: 0.1),
        TypeError,
        r"learning_rate must be None.*LearningRateSchedule; got function",
    ),
    (
        partial(build_mlp, (4,), optimizer=SGD(), weight_decay=0.1),
        ValueError,
        r"learning_rate and weight_decay apply only when optimizer is a name",
    ),
    (
        partial(build_mlp, (8, 8), dropout=-0.1),
        ValueError,
        r"dropout must be in \[0, 1\); got -0\.1",
    ),
    (
        partial(build_mlp, (8, 8), dropout=1.0),
        ValueError,
        r"dropout must be in \[0, 1\); got 1\.0",
    ),
    (
        partial(build_mlp, (8, 8), dropout="0.2"),
        TypeError,
        r"dropout must be a real number; got str '0\.2'",
    ),
    (
        partial(build_mlp, (8, 8), hidden_units=(64, 0)),
        ValueError,
        r"hidden_units\[1\] must be a positive integer \(>= 1\); got 0",
    ),
    (
        partial(build_mlp, (8, 8), hidden_units=64),
        TypeError,
        r"hidden_units must be a tuple.*got the int 64\. Write \(64,\)",
    ),
    (
        partial(build_mlp, (8, 8), hidden_units=(32.5,)),
        TypeError,
        r"hidden_units\[0\] must be a positive integer; got float 32\.5",
    ),
    (
        partial(build_mlp, (8, 8), activation="rellu"),
        ValueError,
        r"activation='rellu' is not a Keras activation name; the installed Keras knows "
        r"\[.*'relu'.*\]\. "
        r"Did you mean 'relu'\?",
    ),
    (
        partial(build_mlp, (8, 8), activation=3),
        TypeError,
        r"activation must be a Keras activation name or a callable; got int 3",
    ),
    (
        partial(build_mlp, (8, 8), optimizer="adamm"),
        ValueError,
        r"optimizer='adamm' is not a Keras optimizer name;.*Did you mean 'adam'\?",
    ),
    (
        partial(build_mlp, (8, 8), optimizer=0.01),
        TypeError,
        r"optimizer must be a name such as 'adam'.*got float 0\.01",
    ),
    (
        partial(build_mlp, 64),
        TypeError,
        r"input_shape must be a tuple of positive integers.*got int 64\. Write \(64,\)",
    ),
    (
        partial(build_mlp, (8, -8)),
        ValueError,
        r"input_shape\[1\] must be a positive integer \(>= 1\); got -8",
    ),
    (partial(build_mlp, ()), ValueError, r"input_shape must not be empty; got \(\)"),
    (
        partial(build_mlp, (8, 8), task="classification"),
        ValueError,
        r"task='classification' is not supported; allowed values are \['regression', 'binary', "
        r"'multiclass', 'multilabel'\]",
    ),
    (
        partial(build_mlp, (8, 8), task="binary", num_outputs=2),
        ValueError,
        r"task='binary' uses one sigmoid unit, so num_outputs must be 1 \(or None\); got "
        r"num_outputs=2\. For 2 classes use task='multiclass'",
    ),
    (
        partial(build_mlp, (8, 8), task="multiclass", num_outputs=1),
        ValueError,
        r"task='multiclass' needs num_outputs >= 2 .*got num_outputs=1",
    ),
    (
        partial(build_mlp, (8, 8), num_outputs=0),
        ValueError,
        r"num_outputs must be a positive integer \(>= 1\); got 0",
    ),
    (
        partial(build_mlp, (8, 8), metrics="accuracy"),
        TypeError,
        r"metrics must be a list such as \['accuracy'\] or None; got str 'accuracy'",
    ),
    (
        partial(build_mlp, (8, 8), seed=-1),
        ValueError,
        r"seed must be in \[0, 2\*\*32\); got -1",
    ),
    (
        partial(seed_model, input_shape=(28, 28.0)),
        TypeError,
        r"input_shape\[1\] must be a positive integer; got float 28\.0",
    ),
]

test_bad_input_is_explained = bad_input.make_test(BAD_INPUT)


def test_training_with_bad_learning_rate_never_reaches_keras():
    # A negative rate is accepted by keras.optimizers.SGD(learning_rate=-1.0) and
    # would silently do gradient *ascent*; the numpy optimizer refuses it up front.
    with pytest.raises(ValueError, match=r"learning_rate must be in \(0, inf\); got -1\.0"):
        build_mlp((4,), optimizer=SGD(learning_rate=-1.0))


def test_restart_trains_exactly_like_a_fresh_model_of_that_seed():
    """One compiled model restarted from a twin trains like the twin itself (same weights
    after a few Adam steps), and keeps its traced training function."""
    import keras

    from dlref.models import restart

    x = np.random.default_rng(0).normal(size=(32, 4)).astype("float32")
    y = (x[:, 0] > 0).astype("int64")
    model = build_mlp((4,), hidden_units=(5,), dropout=0.0, task="binary", seed=0)
    model.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    traced = model.train_function
    fresh = build_mlp((4,), hidden_units=(5,), dropout=0.0, task="binary", seed=1)
    restart(model, build_mlp((4,), hidden_units=(5,), dropout=0.0, task="binary", seed=1))
    for network in (model, fresh):
        keras.utils.set_random_seed(3)
        network.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    for a, b in zip(model.get_weights(), fresh.get_weights(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)
    assert model.train_function is traced


def test_restart_refuses_another_network():
    from dlref.models import restart

    with pytest.raises(ValueError, match="must be the same network"):
        restart(build_mlp((4,), hidden_units=(5,)), build_mlp((4,), hidden_units=(6,)))
