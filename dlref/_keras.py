"""The one place where dlref imports Keras (and through it TensorFlow).

``import dlref`` never imports TensorFlow: every Keras-backed function calls
:func:`import_keras` when it runs.  Without TensorFlow the user gets an ImportError that
says what to install instead of Keras' own message about a missing backend.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from types import ModuleType

from ._i18n import _
from ._validation import suggest


def import_keras(feature: str = "this function") -> ModuleType:
    """Import Keras 3 on the TensorFlow backend and return the ``keras`` module.

    Parameters
    ----------
    feature : str, default "this function"
        What needs Keras, named in the error message, e.g. ``"dlref.models.build_mlp"``.

    Returns
    -------
    module
        The ``keras`` package.

    Raises
    ------
    ImportError
        If TensorFlow (or Keras) cannot be imported; the message says what to install.
    """
    # dlref checks itself against Keras on TensorFlow; a user-chosen backend is kept.
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    try:
        if os.environ["KERAS_BACKEND"] == "tensorflow":
            importlib.import_module("tensorflow")
        return importlib.import_module("keras")
    except ImportError as exc:
        raise ImportError(
            _("{feature} runs Keras 3 on TensorFlow, but importing it failed ({error}); "
              'install it with pip install "dlref[tensorflow]", or install the TensorFlow '
              "build you use elsewhere (tensorflow-cpu, tensorflow[and-cuda], "
              "tensorflow-macos); dlref needs TensorFlow >= 2.16, which brings Keras 3.",
              feature=feature, error=exc)
        ) from exc


def check_keras_name(argname: str, value: str, kind: str, feature: str) -> str:
    """Check ``value`` with the installed Keras' ``keras.<kind>.get``; return it lower-cased.

    Asking Keras itself, rather than keeping a copy of its list, keeps dlref right for
    every Keras release.  The error lists what this Keras accepts, with the closest match.

    Parameters
    ----------
    argname : str
        The argument's name, for the message.
    value : str
        The name given, e.g. ``"relu"``.
    kind : {"activations", "optimizers", "initializers"}
        The Keras module whose ``get`` decides.
    feature : str
        The dlref function that needs Keras, for :func:`import_keras`.

    Returns
    -------
    str
        ``value`` stripped and lower-cased.

    Raises
    ------
    ValueError
        If Keras does not know ``value``.
    """
    module = getattr(import_keras(feature), kind)
    key = value.strip().lower()
    if _accepts(module, key):
        return key
    allowed = sorted(
        name.lower()
        for name in dir(module)
        if not name.startswith("_")
        and name not in ("get", "serialize", "deserialize")
        and _accepts(module, name.lower())
    )
    fields = {"argname": argname, "value": value, "allowed": sorted(set(allowed))}
    message = {
        "activations": _("{argname}={value!r} is not a Keras activation name; the installed "
                         "Keras knows {allowed}.", **fields),
        "optimizers": _("{argname}={value!r} is not a Keras optimizer name; the installed "
                        "Keras knows {allowed}.", **fields),
        "initializers": _("{argname}={value!r} is not a Keras initializer name; the installed "
                          "Keras knows {allowed}.", **fields),
    }[kind]
    raise ValueError(message + suggest(key, allowed))


def _accepts(module: ModuleType, name: str) -> bool:
    try:
        module.get(name)
    except Exception:  # noqa: BLE001 - Keras raises ValueError, but KeyError for some classes
        return False
    return True


def backend_name() -> str:
    """Name of the Keras backend in use, read when a message needs it.

    Asking ``keras.backend.backend()`` would import Keras (and TensorFlow) just to word an
    error message, so unless Keras is already imported this applies Keras' own rule: the
    ``KERAS_BACKEND`` variable, else ``~/.keras/keras.json``, else ``"tensorflow"``.
    """
    keras = sys.modules.get("keras")
    if keras is not None:
        return str(keras.backend.backend())
    if os.environ.get("KERAS_BACKEND"):
        return os.environ["KERAS_BACKEND"]
    config = Path(os.environ.get("KERAS_HOME", Path.home() / ".keras")) / "keras.json"
    try:
        return str(json.loads(config.read_text()).get("backend", "tensorflow"))
    except (OSError, ValueError):
        return "tensorflow"
