"""The package imports cheaply, never imports TensorFlow, and exposes its submodules lazily."""

import subprocess
import sys

import pytest

import dlref

SUBMODULES = ("activations", "datasets", "diagnostics", "evaluation", "losses", "models",
              "optimizers", "plotting")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


def test_import_dlref_is_light_and_no_module_imports_tensorflow():
    # The one check of the promise "import dlref never imports TensorFlow": the package
    # alone loads nothing heavy, and importing every module of it (public and private)
    # still loads neither TensorFlow nor Keras; they come only with a Keras-backed call.
    loaded = _modules_after("import dlref")
    assert not {"tensorflow", "keras", "numpy", "matplotlib"} & loaded
    every = _modules_after(
        "import importlib, pkgutil, dlref\n"
        "for info in pkgutil.iter_modules(dlref.__path__):\n"
        "    importlib.import_module(f'dlref.{info.name}')"
    )
    assert {f"dlref.{name}" for name in SUBMODULES} <= every
    assert not {"tensorflow", "keras"} & every


def test_lazy_attribute_access_loads_submodule():
    assert dlref.plotting.use_style.__module__ == "dlref.plotting"
    assert sorted(dlref.__all__) == sorted([*SUBMODULES, "get_language", "set_language",
                                           "check", "show_versions", "__version__"])
    assert set(SUBMODULES) <= set(dir(dlref))


def test_unknown_attribute_names_itself():
    with pytest.raises(AttributeError, match="no attribute 'activatons'"):
        dlref.activatons  # noqa: B018


def test_numpy_parts_work_without_tensorflow():
    # TensorFlow is an optional extra: block it (and Keras) and use the numpy reference parts.
    code = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('tensorflow', 'keras'):
            raise ImportError(f'{name} blocked')
sys.meta_path.insert(0, Block())
import numpy as np
from dlref import activations, diagnostics, losses, optimizers
print(float(activations.relu(np.array([-1.0, 2.0])).sum()),
      float(losses.mean_squared_error(np.array([1.0]), np.array([3.0])).mean()),
      optimizers.SGD(learning_rate=0.5).learning_rate)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["2.0", "4.0", "0.5"]
