"""Root pytest configuration: what to collect, a quiet TensorFlow, and backend-only doctests.

Where a page's doctest shows what one Keras backend does, it says so by checking it::

    ```pycon
    >>> import keras
    >>> keras.backend.backend()
    'jax'
    >>> ...
    ```

The examples from that check to the end of its ``pycon`` block run when Keras runs on that
backend and are skipped on every other one (``make regress BACKEND=jax`` runs the pages with
Keras on JAX); the run prints which blocks it skipped and why, and the regression suite
records them. Everything else on the page runs on every backend, so a backend's examples must
not define names that the page uses later.
"""

import json
import os
import re

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("MPLBACKEND", "agg")
# dlref's messages in English whatever the machine's locale: the doctests of the pages and of
# the package show English output. Tests of the Korean messages set DLREF_LANG with monkeypatch.
os.environ["DLREF_LANG"] = "en"

# Sphinx's own fixtures (make_app, app …) for the toolchain's small test projects
# (tests/toolchain/roots); a plugin may only be named in the top-level conftest.  The
# regression environments (regress/run.py) install dlref and Keras without Sphinx: they run no
# toolchain test and load this file without the plugin.
try:
    import sphinx.testing.fixtures  # noqa: F401
except ImportError:
    pytest_plugins: tuple[str, ...] = ()
else:
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


# --- doctest blocks of one Keras backend -------------------------------------------------------

# regress/run.py reads this property of a page's test case from the JUnit report.
BACKEND_ONLY = "backend_only"
_FENCE = re.compile(r"^\s*(`{3,})\s*(\S*)\s*$")
# A marker may end with a comment that says why ("# PyTorch's seeded weights die less").
_COMMENT = r"(?:#[^\n]*)?\s*"
_MARKER = re.compile(r"keras\.backend\.backend\(\)\s*" + _COMMENT)
_BACKEND = re.compile(r"'([a-z]+)'\s*")
# Several backends: ``keras.backend.backend() in ("tensorflow", "jax")`` printing True.
_MARKER_SET = re.compile(r"keras\.backend\.backend\(\) in \(((?:\s*[\"'][a-z]+[\"'],?)+)\s*\)\s*"
                         + _COMMENT)


def _shown_backends(example) -> tuple[str, ...] | None:
    """Return the backends a marker example says its block shows (None: not a marker)."""
    if _MARKER.fullmatch(example.source) and _BACKEND.fullmatch(example.want):
        return (_BACKEND.fullmatch(example.want).group(1),)
    several = _MARKER_SET.fullmatch(example.source)
    if several and example.want.strip() == "True":
        return tuple(re.findall(r"[a-z]+", several.group(1)))
    return None


def _blocks(text):
    """(first line, last line) of each fenced ``pycon`` block, 0-based like doctest's."""
    blocks, opened = [], None
    for number, line in enumerate(text.splitlines()):
        fence = _FENCE.match(line)
        if not fence:
            continue
        if opened is None and fence.group(2) == "pycon":
            opened = (number, fence.group(1))
        elif opened is not None and not fence.group(2) and fence.group(1) == opened[1]:
            blocks.append((opened[0], number))
            opened = None
    return blocks


def skip_other_backends(dtest, text, backend):
    """Mark +SKIP the examples that show another backend than ``backend``.

    They run from a ``keras.backend.backend()`` check with a backend's name as its output to
    the end of the check's block. Returns ``(line, shown backend, number of examples)`` for
    each check whose examples were skipped, with 1-based lines.
    """
    import doctest

    skipped = []
    for first, last in _blocks(text):
        examples = [ex for ex in dtest.examples if first < ex.lineno < last]
        checks = [number for number, ex in enumerate(examples) if _shown_backends(ex)]
        ends = [*checks[1:], len(examples)] if checks else []
        for start, end in zip(checks, ends, strict=True):
            backends = _shown_backends(examples[start])
            if backend in backends:
                continue
            shown = ", ".join(backends)
            for example in examples[start:end]:
                example.options[doctest.SKIP] = True
            skipped.append((examples[start].lineno + 1, shown, end - start))
    return skipped


def pytest_collection_modifyitems(config, items):
    """Skip the examples of another backend in the pages' doctests, and record them."""
    from _pytest.doctest import DoctestItem

    from dlref._keras import backend_name  # Keras' own rule, without importing Keras

    backend = backend_name()
    for item in items:
        if not isinstance(item, DoctestItem) or item.path.suffix != ".md" or item.dtest is None:
            continue
        text = item.path.read_text(encoding="utf-8")
        where = item.path.relative_to(config.rootpath).as_posix()
        for line, shown, count in skip_other_backends(item.dtest, text, backend):
            item.user_properties.append((BACKEND_ONLY, json.dumps(
                {"where": f"{where}:{line}", "backend": shown, "examples": count})))


def pytest_terminal_summary(terminalreporter):
    """Print which examples were skipped for showing another backend, and why."""
    from dlref._keras import backend_name

    lines = []
    for report in [r for kind in ("passed", "failed", "skipped")
                   for r in terminalreporter.getreports(kind)]:
        if report.when != "call":
            continue
        for name, value in report.user_properties:
            if name == BACKEND_ONLY:
                block = json.loads(value)
                lines.append(f"SKIPPED {block['where']}: {block['examples']} examples show Keras "
                             f"on {block['backend']}; this run uses {backend_name()}")
    if lines:
        terminalreporter.write_sep("=", "doctest blocks of another Keras backend")
        for line in lines:
            terminalreporter.write_line(line)
