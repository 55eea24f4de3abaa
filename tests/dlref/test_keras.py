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


# What TensorFlow's C++ start-up writes to descriptor 2 at import, whatever TF_CPP_MIN_LOG_LEVEL.
NOISE = (
    "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n"
    "I0000 00:00:1796370164.927933   28894 port.cc:153] oneDNN custom operations are on.\n"
    "I0000 00:00:1796370164.928817   28894 cudart_stub.cc:31] Could not find cuda drivers on "
    "your machine, GPU will not be used.\n"
)


def _import_writing(noise: str, level: str | None) -> subprocess.CompletedProcess:
    # A stand-in for the TensorFlow import: it writes straight to descriptor 2, as C++ does,
    # plus a Python warning, which must come through.
    code = (
        "import os, sys, warnings\n"
        "from dlref._keras import quiet_tensorflow_start\n"
        "with quiet_tensorflow_start():\n"
        f"    os.write(2, {noise.encode()!r})\n"
        "    warnings.warn('a warning of the import itself')\n"
        "print(os.environ['TF_CPP_MIN_LOG_LEVEL'])\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    if level is not None:
        env["TF_CPP_MIN_LOG_LEVEL"] = level
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)


def test_tensorflow_start_up_lines_are_kept_off_stderr():
    quiet = _import_writing(NOISE, None)
    assert quiet.stdout.strip() == "3"  # set before the import, as TensorFlow needs
    assert "absl" not in quiet.stderr and "cuda" not in quiet.stderr
    assert "UserWarning: a warning of the import itself" in quiet.stderr


def test_a_chosen_log_level_is_kept():
    # TF_CPP_MIN_LOG_LEVEL=0 asks for every record: nothing is filtered.
    loud = _import_writing(NOISE, "0")
    assert loud.stdout.strip() == "0"
    assert "Could not find cuda drivers" in loud.stderr and "absl::InitializeLog" in loud.stderr
    # Level 1 hides info records, not errors.
    error = "E0000 00:00:1796370170.286383   28894 cuda_platform.cc:52] failed call to cuInit\n"
    kept = _import_writing(NOISE + error, "1")
    assert "failed call to cuInit" in kept.stderr and "oneDNN" not in kept.stderr
