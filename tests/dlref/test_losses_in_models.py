"""check_setup tells the truth per Keras backend, and what it says TensorFlow does, TensorFlow does.

On the TensorFlow backend Keras takes the logits from a softmax/sigmoid output layer
(``_get_logits`` in ``keras/src/backend/tensorflow/nn.py``); the JAX and PyTorch backends do
not. The message of :func:`dlref.losses.check_setup` names the backend that is active.
"""

from __future__ import annotations

import json
import sys
import types
import warnings

import numpy as np
import pytest

from dlref import _keras, losses
from dlref.losses import check_setup

IDS = np.array([0, 2, 1, 1])


def _message(*args, **kwargs) -> str:
    with pytest.raises(ValueError) as err:
        check_setup(*args, **kwargs)
    return str(err.value)


def _fake_keras(name: str) -> types.ModuleType:
    fake = types.ModuleType("keras")
    fake.backend = types.SimpleNamespace(backend=lambda: name)
    return fake


@pytest.mark.parametrize("backend", ["jax", "torch"])
def test_message_for_jax_and_torch_says_the_activation_is_applied_twice(monkeypatch, backend):
    monkeypatch.setitem(sys.modules, "keras", _fake_keras(backend))
    text = _message(IDS, "sparse_categorical_crossentropy", "softmax", from_logits=True)
    assert "the active JAX or PyTorch backend applies it twice" in text
    assert "output_activation='linear' with from_logits=True" in text


def test_message_for_tensorflow_says_it_warns_and_takes_the_logits(monkeypatch):
    monkeypatch.setitem(sys.modules, "keras", _fake_keras("tensorflow"))
    text = _message([0, 1, 1], "binary_crossentropy", "sigmoid", from_logits=True)
    assert "TensorFlow backend (active here) warns and takes the logits" in text
    assert "JAX and PyTorch backends apply it twice" in text


def test_message_for_other_backends_claims_nothing_about_them(monkeypatch):
    monkeypatch.setitem(sys.modules, "keras", _fake_keras("numpy"))
    text = _message(IDS, "sparse_categorical_crossentropy", "softmax", from_logits=True)
    assert "the JAX and PyTorch backends apply it twice (the TensorFlow backend warns" in text
    assert "active" not in text


def test_backend_read_without_importing_keras(monkeypatch, tmp_path):
    monkeypatch.delitem(sys.modules, "keras", raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.delenv("KERAS_BACKEND", raising=False)
    assert _keras.backend_name() == "tensorflow"  # no keras.json: Keras' default
    (tmp_path / "keras.json").write_text(json.dumps({"backend": "torch"}))
    assert _keras.backend_name() == "torch"
    monkeypatch.setenv("KERAS_BACKEND", "jax")  # the variable wins over the file
    assert _keras.backend_name() == "jax"
    assert "keras" not in sys.modules


def _output_layer(keras, activation, logits):
    model = keras.Sequential(
        [keras.Input((1,)), keras.layers.Dense(len(logits), activation=activation)]
    )
    model.layers[0].set_weights(
        [np.array([logits], dtype="float32"), np.zeros(len(logits), dtype="float32")]
    )
    return model


def test_tensorflow_backend_does_what_the_message_says():
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "tensorflow":
        pytest.skip("the claims below are about the TensorFlow backend")
    one = np.ones((1, 1), dtype="float32")

    # from_logits=False on a softmax output: the exact loss 30 - (-30), not -log(1e-7).
    model = _output_layer(keras, "softmax", [30.0, -30.0])
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="categorical_crossentropy"
    )
    assert model.evaluate(one, np.array([[0.0, 1.0]]), verbose=0) == pytest.approx(60.0, rel=1e-5)
    before = model.get_weights()[0]
    model.fit(one, np.array([[0.0, 1.0]]), epochs=1, verbose=0)
    np.testing.assert_allclose(model.get_weights()[0] - before, [[-0.1, 0.1]], atol=1e-5)

    # from_logits=True on a softmax output: a warning, and a perfect prediction scores 0.
    model = _output_layer(keras, "softmax", [30.0, -30.0, -30.0])
    model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loss = model.evaluate(one, np.array([[1.0, 0.0, 0.0]]), verbose=0)
    assert loss == pytest.approx(0.0, abs=1e-6)
    assert any("does not represent logits" in str(w.message) for w in caught)
    # ... whereas on probabilities alone (what JAX and PyTorch see) it cannot reach 0.
    perfect = np.array([[1.0, 0.0, 0.0]])
    assert losses.categorical_crossentropy(perfect, perfect, from_logits=True)[0] > 0.5


def test_jax_and_torch_backends_do_what_the_message_says():
    keras = pytest.importorskip("keras")
    if keras.backend.backend() not in ("jax", "torch"):
        pytest.skip("the claims below are about the JAX and PyTorch backends")
    one = np.ones((1, 1), dtype="float32")
    eps = keras.config.epsilon()

    # from_logits=False on a softmax output: the probabilities are clipped, so the confidently
    # wrong sample costs -log(eps), not 60, and one SGD step does not move the weights.
    model = _output_layer(keras, "softmax", [30.0, -30.0])
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="categorical_crossentropy"
    )
    assert model.evaluate(one, np.array([[0.0, 1.0]]), verbose=0) == pytest.approx(
        -np.log(eps), rel=1e-5
    )
    before = model.get_weights()[0]
    model.fit(one, np.array([[0.0, 1.0]]), epochs=1, verbose=0)
    np.testing.assert_array_equal(model.get_weights()[0], before)

    # from_logits=True on a softmax output: no warning, the softmax is applied twice, and a
    # perfect prediction scores what numpy says, not 0.
    model = _output_layer(keras, "softmax", [30.0, -30.0, -30.0])
    model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))
    perfect = np.array([[1.0, 0.0, 0.0]])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loss = model.evaluate(one, perfect, verbose=0)
    assert loss == pytest.approx(
        losses.categorical_crossentropy(perfect, perfect, from_logits=True)[0], rel=1e-5
    )
    assert not any("does not represent logits" in str(w.message) for w in caught)
