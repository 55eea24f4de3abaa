"""Fast tests of the docs toolchain (dlref_docs): its modules, and small Sphinx projects built
in-process with ``sphinx.testing`` (test roots in ``roots/``)."""

from __future__ import annotations

from pathlib import Path

import pytest

# The test projects are sources, not test modules (their examples even raise on purpose).
collect_ignore_glob = ["roots/*"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot="x")`` finds ``roots/test-x``."""
    return Path(__file__).resolve().parent / "roots"
