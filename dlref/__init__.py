"""dlref: a deep-learning reference that executes itself.

Numpy reference implementations of the basics of deep learning (activations,
losses, optimizers), checked against Keras, plus the small amount of Keras glue
that the documentation's examples need.

Submodules are imported on first use, so ``import dlref`` stays cheap and never
imports TensorFlow.  TensorFlow is imported only inside the functions that need it.

dlref's advice, reasons and error messages are in English, or in Korean with
``DLREF_LANG=ko`` or a Korean locale; :func:`set_language` forces one and
:func:`get_language` tells which is in use.

:func:`check` compares a reader's own numpy function with dlref's reference, and
:func:`show_versions` (or ``python -m dlref``) reports the environment and whether it is
one that dlref's regression suite has passed on.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_SUBMODULES = (
    "activations",
    "datasets",
    "diagnostics",
    "evaluation",
    "losses",
    "models",
    "optimizers",
    "plotting",
)

# Functions of the package itself, each in a private module loaded on first use: the
# language of dlref's messages (dlref._i18n), checking a reader's function (dlref._check)
# and the report on the environment (dlref._versions).
_FUNCTIONS = {
    "get_language": "_i18n",
    "set_language": "_i18n",
    "check": "_check",
    "show_versions": "_versions",
}

__all__ = [*_SUBMODULES, *_FUNCTIONS, "__version__"]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from . import (  # noqa: F401
        activations,
        datasets,
        diagnostics,
        evaluation,
        losses,
        models,
        optimizers,
        plotting,
    )
    from ._check import check  # noqa: F401
    from ._i18n import get_language, set_language  # noqa: F401
    from ._versions import show_versions  # noqa: F401


def __getattr__(name: str):
    # PEP 562 lazy submodules: keeps ``import dlref`` free of numpy/TensorFlow cost.
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    if name in _FUNCTIONS:
        function = getattr(importlib.import_module(f"{__name__}.{_FUNCTIONS[name]}"), name)
        globals()[name] = function
        return function
    # Python's own wording: tools and tracebacks expect it, in every language.
    raise AttributeError(f"module 'dlref' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
