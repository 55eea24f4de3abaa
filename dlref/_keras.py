"""The one place where dlref imports Keras (and through it TensorFlow).

``import dlref`` never imports TensorFlow: every Keras-backed function calls
:func:`import_keras` when it runs.  Without TensorFlow the user gets an ImportError that
says what to install instead of Keras' own message about a missing backend.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
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
        with quiet_tensorflow_start():
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
