"""Pytest plugin of the regression suite: the tests must import the installed dlref.

Loaded with ``-p installed_guard`` by ``regress/run.py``; a suite that silently ran against
the source tree would say nothing about the wheel a user installs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def pytest_sessionstart(session: pytest.Session) -> None:
    import dlref

    location = Path(dlref.__file__).resolve()
    if not location.is_relative_to(Path(sys.prefix).resolve()):
        raise pytest.UsageError(
            f"dlref was imported from {location.parent}, not from the environment "
            f"{sys.prefix}: the regression suite tests the installed wheel"
        )


def pytest_report_header(config: pytest.Config) -> str:
    import dlref

    return f"dlref: {Path(dlref.__file__).parent}"
