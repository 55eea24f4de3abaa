"""dlref._keras: the one lazy Keras import, and its message when TensorFlow is missing."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Each snippet hides TensorFlow (None in sys.modules makes ``import tensorflow`` raise
# ModuleNotFoundError, as on a machine without it) and calls one Keras-backed function.
CALLS = {
    "build_mlp": "from dlref.models import build_mlp; build_mlp((4,))",
    "seed_model": "from dlref.models import seed_model; seed_model()",
    "Optimizer.to_keras": "from dlref.optimizers import SGD; SGD().to_keras()",
    "dlref.diagnostics": "from dlref.diagnostics import activation_stats; "
    "activation_stats(object(), [[1.0]])",
}


@pytest.mark.parametrize("feature", sorted(CALLS))
def test_missing_tensorflow_says_what_to_install(feature):
    code = (
        "import sys\n"
        "sys.modules['tensorflow'] = None\n"
        "try:\n"
        f"    {CALLS[feature]}\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
        "else:\n"
        "    print('no ImportError')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith(f"{feature} runs Keras 3 on TensorFlow, but importing it failed"), out
    assert 'pip install "dlref[tensorflow]"' in out
    assert "tensorflow-cpu" in out


def test_import_keras_returns_keras_on_tensorflow():
    keras = pytest.importorskip("keras")
    from dlref._keras import import_keras

    assert import_keras() is keras
    assert keras.backend.backend() == "tensorflow"
