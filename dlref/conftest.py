"""Pytest configuration shipped inside the package, so the API doctests run on an installed copy.

``pytest --pyargs dlref`` (or ``pytest --doctest-modules --pyargs dlref``) checks the examples of
every docstring against the dlref a user installed, with no source tree around it, which is how
the regression suite (``make regress``) and a user upgrading TensorFlow or Keras run them.
scikit-learn ships its ``conftest.py`` inside its package for the same reason. The repository's
``pyproject.toml`` sets the same option flags; adding them again is harmless.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before TensorFlow or matplotlib is imported by a doctest: quiet TensorFlow, figures without a
# display, English messages. Keras keeps the backend it is set to (KERAS_BACKEND, else
# ~/.keras/keras.json, else TensorFlow): the examples hold on every backend dlref is tested on.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("MPLBACKEND", "agg")
# The docstrings show dlref's messages in English; a Korean locale or DLREF_LANG=ko would
# otherwise turn them Korean (dlref._i18n).
os.environ["DLREF_LANG"] = "en"

# The examples print floats to the digits that matter (NUMBER), abbreviate long reprs and
# tracebacks (ELLIPSIS) and wrap arrays freely (NORMALIZE_WHITESPACE).
DOCTEST_OPTIONFLAGS = ("NUMBER", "ELLIPSIS", "NORMALIZE_WHITESPACE")

_PACKAGE = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    """Add the option flags the docstrings are written for."""
    flags = config.getini("doctest_optionflags")
    for flag in DOCTEST_OPTIONFLAGS:
        if flag not in flags:
            config.addinivalue_line("doctest_optionflags", flag)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect the docstring examples of the package's modules without ``--doctest-modules``.

    With the flag, pytest's own doctest plugin collects them already.
    """
    if parent.config.option.doctestmodules:
        return None
    if file_path.suffix != ".py" or file_path.name == "conftest.py":
        return None
    if not file_path.resolve().is_relative_to(_PACKAGE):
        return None
    from _pytest.doctest import DoctestModule

    return DoctestModule.from_parent(parent, path=file_path)
