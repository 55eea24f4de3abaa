"""dlref._keras: the one lazy Keras import, its message when the backend is missing, gradients."""

from __future__ import annotations

import os
import subprocess
import sys
import types

import numpy as np
import pytest

from dlref import _keras

# Each snippet hides TensorFlow (None in sys.modules makes ``import tensorflow`` raise
# ModuleNotFoundError, as on a machine without it) and calls one Keras-backed function.
CALLS = {
    "build_mlp": "from dlref.models import build_mlp; build_mlp((4,))",
    "seed_model": "from dlref.models import seed_model; seed_model()",
    "Optimizer.to_keras": "from dlref.optimizers import SGD; SGD().to_keras()",
    "dlref.diagnostics": "from dlref.diagnostics import activation_stats; "
    "activation_stats(object(), [[1.0]])",
}


def _message(feature, backend):
    """What calling ``feature`` prints with Keras set to ``backend`` and that backend hidden."""
    code = (
        "import sys\n"
        f"sys.modules[{backend!r}] = None\n"
        "try:\n"
        f"    {CALLS[feature]}\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
        "else:\n"
        "    print('no ImportError')\n"
    )
    env = {**os.environ, "KERAS_BACKEND": backend}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout


@pytest.mark.parametrize("feature", sorted(CALLS))
def test_missing_tensorflow_says_what_to_install(feature):
    out = _message(feature, "tensorflow")
    assert out.startswith(
        f"{feature} runs Keras 3 on the tensorflow backend (KERAS_BACKEND), but importing it "
        "failed (import of tensorflow halted"
    ), out
    assert 'pip install "dlref[tensorflow]"' in out
    assert "tensorflow-cpu" in out


@pytest.mark.parametrize(("backend", "extra"), [("jax", "dlref[jax]"), ("torch", "dlref[torch]")])
def test_missing_jax_or_torch_names_the_backend_and_its_extra(backend, extra):
    out = _message("build_mlp", backend)
    assert out.startswith(
        f"build_mlp runs Keras 3 on the {backend} backend (KERAS_BACKEND), but importing it "
        f"failed (import of {backend} halted"
    ), out
    assert f'pip install "{extra}"' in out
    assert "tensorflow" not in out


def _fake_keras(backend):
    return types.SimpleNamespace(backend=types.SimpleNamespace(backend=lambda: backend))


def test_gradients_refuse_a_backend_without_autodiff():
    with pytest.raises(ValueError, match=r"gradient_norms needs gradients.*the numpy backend"):
        _keras.gradients(_fake_keras("numpy"), lambda: 0.0, [], "gradient_norms")


def test_gradients_on_the_active_backend_match_the_closed_form():
    keras = pytest.importorskip("keras")
    w = keras.Variable(np.array([1.0, -2.0, 3.0], dtype="float32"))
    unused = keras.Variable(np.zeros(2, dtype="float32"))
    grads = _keras.gradients(keras, lambda: keras.ops.sum(w * w * w), [w, unused], "test")
    np.testing.assert_allclose(grads[0], [3.0, 12.0, 27.0])  # d/dw w**3 = 3 w**2
    # TensorFlow and PyTorch say "no gradient" (None), JAX differentiates to zeros.
    assert grads[1] is None or not np.any(grads[1])


def test_import_keras_returns_keras_on_the_backend_it_is_set_to():
    keras = pytest.importorskip("keras")
    from dlref._keras import import_keras

    assert import_keras() is keras
    assert keras.backend.backend() == _keras.backend_name()
