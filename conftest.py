"""Root pytest configuration: what to collect, and a quiet TensorFlow."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("MPLBACKEND", "agg")
# dlref's messages in English whatever the machine's locale: the doctests of the pages and of
# the package show English output. Tests of the Korean messages set DLREF_LANG with monkeypatch.
os.environ["DLREF_LANG"] = "en"

# Sphinx's own fixtures (make_app, app …) for the toolchain's small test projects
# (tests/toolchain/roots); a plugin may only be named in the top-level conftest.
pytest_plugins = ("sphinx.testing.fixtures",)

# Sphinx configuration and build scripts are not test modules.
collect_ignore = ["docs/conf.py", "setup.py"]
collect_ignore_glob = ["docs/_build/*", "docs/auto_examples/*", "gallery/*", "benchmarks/*",
                       "tests/toolchain/roots/*"]


def _hypothesis_profile():
    # No example database: test runs leave nothing behind in the work tree.
    from hypothesis import settings

    settings.register_profile("dlref", database=None, deadline=None)
    settings.load_profile("dlref")


_hypothesis_profile()
