"""dlref: a deep-learning reference that executes itself.

Numpy reference implementations of the basics of deep learning (activations,
losses, optimizers), checked against Keras, plus the small amount of Keras glue
that the documentation's examples need.

Submodules are imported on first use, so ``import dlref`` stays cheap and never
imports TensorFlow.  TensorFlow is imported only inside the functions that need it.
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

__all__ = [*_SUBMODULES, "__version__"]

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


def __getattr__(name: str):
    # PEP 562 lazy submodules: keeps ``import dlref`` free of numpy/TensorFlow cost.
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'dlref' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
