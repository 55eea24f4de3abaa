"""The one place where dlref imports Keras (and through it its backend).

``import dlref`` never imports Keras: every Keras-backed function calls :func:`import_keras`
when it runs.  Keras runs on the backend it is set to (``KERAS_BACKEND``, else
``~/.keras/keras.json``, else TensorFlow); when that backend is missing the user gets an
ImportError that names it and says what to install, instead of Keras' own message.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._i18n import _
from ._validation import suggest

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

# The backends dlref is tested on (the regression matrix), each with the module Keras needs.
_BACKENDS = ("tensorflow", "jax", "torch")


def _import_error(feature: str, backend: str, error: Exception) -> str:
    """Why Keras did not import, and what to install, in the reader's language."""
    if backend == "tensorflow":
        return _("{feature} runs Keras 3 on the tensorflow backend (KERAS_BACKEND), but "
                 "importing it failed ({error}); "
                 'install it with pip install "dlref[tensorflow]", or install the TensorFlow '
                 "build you use elsewhere (tensorflow-cpu, tensorflow[and-cuda], "
                 "tensorflow-macos); dlref needs TensorFlow >= 2.16, which brings Keras 3.",
                 feature=feature, error=error)
    if backend == "jax":
        return _("{feature} runs Keras 3 on the jax backend (KERAS_BACKEND), but importing it "
                 'failed ({error}); install it with pip install "dlref[jax]" (Keras 3 and JAX '
                 "for the CPU).", feature=feature, error=error)
    if backend == "torch":
        return _("{feature} runs Keras 3 on the torch backend (KERAS_BACKEND), but importing "
                 'it failed ({error}); install it with pip install "dlref[torch]" (Keras 3 and '
                 "PyTorch; for the CPU build install torch from PyTorch's CPU wheel index "
                 "first).", feature=feature, error=error)
    return _("{feature} runs Keras 3 on the {backend} backend (KERAS_BACKEND), but importing it "
             "failed ({error}); dlref is tested with Keras on the tensorflow, jax and torch "
             "backends: set KERAS_BACKEND to one of them.",
             feature=feature, backend=backend, error=error)


def import_keras(feature: str = "this function") -> ModuleType:
    """Import Keras 3 on the backend it is set to and return the ``keras`` module.

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
        If Keras or its backend cannot be imported; the message names the backend and says
        what to install.
    """
    backend = backend_name()
    try:
        with quiet_tensorflow_start():
            if backend in _BACKENDS:
                importlib.import_module(backend)  # the backend's own error, before Keras' one
            return importlib.import_module("keras")
    except ImportError as exc:
        raise ImportError(
            _import_error(feature, backend, exc)
        ) from exc


def gradients(
    keras: ModuleType, loss: Callable[[], Any], variables: Sequence[Any], feature: str
) -> list[np.ndarray | None]:
    """Differentiate ``loss()`` with respect to Keras ``variables``, on the active backend.

    Keras 3 has no backend-neutral gradient function, so this is the one place that calls
    each backend's own: ``tf.GradientTape``, ``jax.grad`` (through a
    ``keras.StatelessScope`` that reads the variables from its arguments) or
    ``torch.autograd.grad``.

    Parameters
    ----------
    keras : module
        The module :func:`import_keras` returned.
    loss : callable
        Computes a scalar loss from the current values of ``variables``.
    variables : sequence of keras.Variable
        What to differentiate with respect to.
    feature : str
        The dlref function that needs the gradients, for the error message.

    Returns
    -------
    list of numpy.ndarray or None
        One gradient per variable. Where the loss does not depend on a variable, TensorFlow
        and PyTorch give None and JAX gives zeros.

    Raises
    ------
    ValueError
        If Keras runs on a backend that does not compute gradients (``numpy``, ``openvino``).
    """
    backend = keras.backend.backend()
    if backend == "tensorflow":
        import tensorflow as tf

        with tf.GradientTape() as tape:
            value = loss()
        grads = tape.gradient(value, list(variables))
    elif backend == "jax":
        import jax

        def of_values(values):
            with keras.StatelessScope(state_mapping=list(zip(variables, values, strict=True))):
                return loss()

        # jax.grad gives zeros, not None, for a variable the loss does not use.
        grads = jax.grad(of_values)([variable.value for variable in variables])
    elif backend == "torch":
        import torch

        grads = torch.autograd.grad(
            loss(), [variable.value for variable in variables], allow_unused=True
        )
    else:
        raise ValueError(
            _("{feature} needs gradients, which Keras computes on the tensorflow, jax and torch "
              "backends; Keras runs on the {backend} backend here (KERAS_BACKEND).",
              feature=feature, backend=backend)
        )
    return [None if g is None else keras.ops.convert_to_numpy(g) for g in grads]


# TensorFlow's C++ start-up lines: absl's notice that it logs before being set up, then its
# own records ("I0000 00:00:1796370164.928817   28894 cudart_stub.cc:31] Could not find cuda
# drivers ..."); the CPU-feature record goes on over a second line.
_ABSL_NOTICE = ("WARNING: All log messages before absl::InitializeLog() is called are written "
                "to STDERR")
_ABSL_RECORD = re.compile(r"^(?P<severity>[IWEF])\d{4} \d\d:\d\d:\d+\.\d+\s+\d+ \S+:\d+\] ")
_CONTINUATION = "To enable the following instructions:"
_SEVERITY = {"I": 0, "W": 1, "E": 2, "F": 3}


def without_start_up_noise(text: str, level: int) -> str:
    r"""Return ``text`` without TensorFlow's start-up records below ``level`` (and absl's notice).

    ``level`` is TensorFlow's ``TF_CPP_MIN_LOG_LEVEL``: records of a lower severity (0 info,
    1 warning, 2 error, 3 fatal) are what that variable asks to hide.  Everything else --
    Python warnings, tracebacks, records at or above ``level`` -- is kept, in order.

    >>> text = (_ABSL_NOTICE + "\n"
    ...         "I0000 00:00:17.9   28 cudart_stub.cc:31] Could not find cuda drivers.\n"
    ...         "UserWarning: kept\n")
    >>> without_start_up_noise(text, 3)
    'UserWarning: kept\n'
    >>> without_start_up_noise(text, 0) == text
    True
    """
    kept: list[str] = []
    dropped_record = False
    for line in text.splitlines(keepends=True):
        record = _ABSL_RECORD.match(line)
        if record:
            dropped_record = _SEVERITY[record["severity"]] < level
            drop = dropped_record
        elif line.rstrip("\r\n") == _ABSL_NOTICE:
            drop = level > 0
        else:
            drop = dropped_record and line.startswith(_CONTINUATION)
            dropped_record = False
        if not drop:
            kept.append(line)
    return "".join(kept)


@contextlib.contextmanager
def quiet_tensorflow_start() -> Iterator[None]:
    """Import TensorFlow without its start-up lines on the terminal (or a notebook's stderr).

    TensorFlow reads ``TF_CPP_MIN_LOG_LEVEL`` once, when it is imported, so it is set here
    (to 3, unless the user chose a level) before the import.  Even at level 3 the import
    writes absl's "WARNING: All log messages before absl::InitializeLog() ..." and a few info
    lines (oneDNN, "Could not find cuda drivers ...") straight to file descriptor 2 from
    C++, where no Python setting reaches them.  So, while the body runs, descriptor 2 goes
    to a temporary file; afterwards the file is written back to stderr without those lines
    (:func:`without_start_up_noise`), so nothing else printed meanwhile is lost.  Nothing of
    the kind exists in a maintained library: absl's Python logging does not control the C++
    records TensorFlow writes before absl is set up.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        level = int(os.environ["TF_CPP_MIN_LOG_LEVEL"])
    except ValueError:
        level = 0
    if "tensorflow" in sys.modules or level <= 0:
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no descriptor 2 (pythonw, a closed stream)
        yield
        return
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            rest = without_start_up_noise(captured.read().decode("utf-8", "replace"), level)
            if rest:
                sys.stderr.write(rest)
                sys.stderr.flush()


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
    kind : {"activations", "optimizers", "initializers", "losses"}
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
        "losses": _("{argname}={value!r} is not a Keras loss name; the installed Keras "
                    "knows {allowed}.", **fields),
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
