"""``dlref.show_versions()`` and ``python -m dlref``: the environment, and whether it is tested.

The report lists Python, the platform, numpy, matplotlib, TensorFlow, Keras and its backend,
the Hangul font of the figures and the language of dlref's messages, then says whether this
combination is a row of the tested matrix (:mod:`dlref._matrix`) -- and if not, which tested
row is nearest and how it differs.  The table is the same in every language; the sentences
under it are dlref messages.

Versions come from the installed packages' metadata (:mod:`importlib.metadata`), so the
report never imports TensorFlow (seconds) or Keras, and it runs where they are missing.

This module imports the standard library (and, for the backend and the font, dlref's
:mod:`dlref._keras` and :mod:`dlref.plotting`, which import no TensorFlow or matplotlib).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import platform
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import _matrix
from ._i18n import _, get_language

__all__ = ["show_versions"]

# Distributions that install the ``tensorflow`` import package, the usual one first.
TENSORFLOW_DISTRIBUTIONS = ("tensorflow", "tensorflow-cpu", "tensorflow-macos",
                            "tensorflow-intel", "tensorflow-gpu", "tf-nightly", "tf-nightly-cpu")
#: The packages of each Keras backend, as the tested matrix names them.
BACKEND_PACKAGES = {"tensorflow": ("tensorflow",), "jax": ("jax", "jaxlib"),
                    "torch": ("torch",)}
# The packages every report lists, in its order.
_LISTED = ("numpy", "matplotlib", "tensorflow", "keras")
_MISSING = "-"
_UNKNOWN = "?"


def _metadata_version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def installed_version(package: str) -> str | None:
    """Return the installed version of ``package`` from its metadata, ``"?"`` or None.

    ``"tensorflow"`` is found under any of its distributions (``tensorflow-cpu`` ...).  A
    package that can be imported but records no version (a build from source) gives
    ``"?"``; nothing is imported to find out.
    """
    names = TENSORFLOW_DISTRIBUTIONS if package == "tensorflow" else (package,)
    for name in names:
        version = _metadata_version(name)
        if version is not None:
            return version
    return _UNKNOWN if importlib.util.find_spec(package) is not None else None


def _font() -> Path | None:
    from .plotting import font_path

    try:
        return font_path()
    except (ModuleNotFoundError, FileNotFoundError):
        return None


@dataclass
class Environment:
    """The facts of one environment that the report shows."""

    python: str
    implementation: str
    executable: str
    platform: str
    backend: str
    packages: dict[str, str | None] = field(default_factory=dict)
    font: Path | None = None
    language: str = "en"

    @classmethod
    def current(cls) -> Environment:
        """Return the environment this interpreter runs in."""
        from ._keras import backend_name

        backend = backend_name()
        listed = [*_LISTED, *(p for p in BACKEND_PACKAGES.get(backend, ()) if p not in _LISTED)]
        return cls(python=platform.python_version(),
                   implementation=platform.python_implementation(),
                   executable=sys.executable or _MISSING, platform=platform.platform(),
                   backend=backend, packages={p: installed_version(p) for p in listed},
                   font=_font(), language=get_language())


# ----------------------------------------------------------------------------------------
# Comparing with the tested matrix.


def _release(version: str | None) -> tuple[int, ...]:
    # The numeric release part, "2.21.0rc1" -> (2, 21, 0).  packaging.version would parse
    # it fully, but packaging is not a dependency of dlref and only the release matters here.
    return tuple(int(n) for n in re.findall(r"\d+", version or "")[:3])


def _minor_distance(tested: str, installed: str | None) -> int:
    a, b = _release(tested)[:2], _release(installed)[:2]
    if len(a) < 2 or len(b) < 2:
        return 1000
    return 100 * abs(a[0] - b[0]) + abs(a[1] - b[1])


def _here(env: Environment, package: str) -> str | None:
    """Return the version of ``package`` in ``env``, looked up if the report did not list it."""
    return env.packages[package] if package in env.packages else installed_version(package)


def _python_minor(version: str) -> str:
    return ".".join(str(n) for n in _release(version)[:2])


def row_label(row: dict[str, Any]) -> str:
    """Name a row's versions as pip does: backend packages, then keras, numpy, the rest."""
    versions = row["versions"]
    first = [*BACKEND_PACKAGES.get(row.get("backend", ""), ()), "keras", "numpy"]
    order = [p for p in first if p in versions] + sorted(p for p in versions if p not in first)
    return ", ".join(f"{p} {versions[p]}" for p in order)


def differences(env: Environment, row: dict[str, Any]) -> list[str]:
    """``"keras 3.13.2 -> 3.15.1"`` for every version of ``row`` that ``env`` does not have."""
    found = []
    for package, tested in row["versions"].items():
        here = _here(env, package)
        if here != tested:
            found.append(f"{package} {tested} → {here or _MISSING}")
    if row.get("python") and _python_minor(row["python"]) != _python_minor(env.python):
        found.append(f"python {_python_minor(row['python'])} → {_python_minor(env.python)}")
    return found


def nearest(env: Environment, rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Return the tested row of ``env``'s backend closest to it (the newest of equals), or None.

    Closest: fewest packages of another minor version, then the smallest distance between
    minor versions, then the fewest other versions at all.
    """
    own = [(i, row) for i, row in enumerate(rows) if row.get("backend") == env.backend]
    if not own:
        return None

    def key(item: tuple[int, dict[str, Any]]) -> tuple[int, ...]:
        index, row = item
        pairs = [(tested, _here(env, p))
                 for p, tested in row["versions"].items()]
        distances = [_minor_distance(tested, here) for tested, here in pairs]
        return (sum(d > 0 for d in distances), sum(distances),
                sum(tested != here for tested, here in pairs), -index)

    return min(own, key=key)[1]


# ----------------------------------------------------------------------------------------
# The report.


def _table(env: Environment) -> list[str]:
    from . import __version__

    package_dir = Path(__file__).resolve().parent
    rows = [("dlref", f"{__version__} ({package_dir})"),
            ("python", f"{env.python} ({env.implementation}, {env.executable})"),
            ("platform", env.platform)]
    rows += [(p, v or _MISSING) for p, v in env.packages.items()]
    rows += [("backend", env.backend),
             ("font", f"NanumGothic ({env.font})" if env.font else _MISSING),
             ("language", env.language)]
    width = max(len(name) for name, _value in rows) + 2
    return [f"{name:<{width}}{value}" for name, value in rows]


def _backend_sentences(env: Environment) -> list[str]:
    """Say what is missing for the Keras-backed parts, if anything."""
    sentences = []
    missing = [p for p in BACKEND_PACKAGES.get(env.backend, (env.backend,))
               if _here(env, p) is None]
    if env.backend == "tensorflow" and missing:
        sentences.append(_(
            "TensorFlow is not installed. The numpy reference implementations "
            "(dlref.activations, dlref.losses, dlref.optimizers, dlref.check) work without it; "
            "dlref.models and the comparisons with Keras need it: pip install "
            '"dlref[tensorflow]".'))
    elif missing:
        sentences.append(_(
            "Keras is set to the backend {backend} (KERAS_BACKEND or ~/.keras/keras.json), but "
            "{packages} is not installed, so the Keras-backed parts of dlref will not run.",
            backend=env.backend, packages=", ".join(missing)))
    unknown = [p for p, v in env.packages.items() if v == _UNKNOWN]
    if unknown:
        sentences.append(_(
            "{packages} can be imported but records no version in its package metadata; its "
            "__version__ attribute tells it after an import.", packages=", ".join(unknown)))
    if env.font is None:
        sentences.append(_(
            "The Hangul font NanumGothic was not found, so Korean text in dlref's figures would "
            "show as empty boxes; install it with pip install koreanize-matplotlib."))
    return sentences


def _matrix_sentences(env: Environment, matrix: dict[str, Any] | None) -> list[str]:
    """Whether ``env`` is a tested row, or the nearest tested row and how it differs."""
    if matrix is None:
        return [_("The tested matrix ({file}) is missing from this copy of dlref; reinstall "
                  "dlref to see whether this environment is tested.", file=_matrix.MATRIX.name)]
    rows = matrix["rows"]
    backend_missing = any(_here(env, p) is None
                          for p in BACKEND_PACKAGES.get(env.backend, (env.backend,)))
    if backend_missing:
        numpy = env.packages.get("numpy")
        tested = sorted({row["versions"]["numpy"] for row in rows if "numpy" in row["versions"]},
                        key=_release)
        if numpy in tested:
            return [_("Without {backend}, only numpy can be compared with the tested matrix: "
                      "numpy {numpy} is one of its tested versions.",
                      backend=env.backend, numpy=numpy)]
        return [_("Without {backend}, only numpy can be compared with the tested matrix: "
                  "numpy {numpy} is not one of its tested versions ({tested}).",
                  backend=env.backend, numpy=numpy or _MISSING, tested=", ".join(tested))]
    row = nearest(env, rows)
    if row is None:
        backends = sorted({r.get("backend", "") for r in rows})
        return [_("The tested matrix has no row for the Keras backend {backend}; its rows are "
                  "for {backends}.", backend=env.backend, backends=", ".join(backends))]
    fields = {"row": row_label(row), "python": _python_minor(row.get("python", "")) or _MISSING,
              "passed": row.get("passed", 0), "failed": row.get("failed", 0),
              "skipped": row.get("skipped", 0), "date": row.get("date") or _MISSING}
    found = differences(env, row)
    if not found:
        return [_("This combination is in the tested matrix. Its row, {row}, passed {passed} "
                  "tests, failed {failed} and skipped {skipped} with Python {python} on {date}.",
                  **fields)]
    return [_("This combination is not in the tested matrix. The nearest tested row is {row}, "
              "which passed {passed} tests, failed {failed} and skipped {skipped} with Python "
              "{python} on {date}.", **fields),
            _("The versions here that differ from it (tested → installed) are {differences}.",
              differences="; ".join(found))]


def report(env: Environment | None = None, matrix: dict[str, Any] | None = None) -> str:
    """Return the text :func:`show_versions` prints, for ``env`` and ``matrix``.

    By default the current environment and the shipped matrix.
    """
    env = env or Environment.current()
    matrix = matrix if matrix is not None else _matrix.load()
    sentences = [*_backend_sentences(env), *_matrix_sentences(env, matrix)]
    return "\n".join([*_table(env), "", *sentences])


def show_versions() -> None:
    """Print the versions dlref runs with, and whether they are a tested combination.

    The report lists Python, the platform, numpy, matplotlib, TensorFlow, Keras and the
    Keras backend, the Hangul font that dlref's figures use and the language of dlref's
    messages.  Under the list it says whether this combination is a row of the tested
    matrix -- the versions dlref's regression suite has passed on, which ship with the
    package -- and, if it is not, names the nearest tested row and the versions that
    differ from it.  Attach it to a bug report.  ``python -m dlref`` prints the same.

    Versions are read from the installed packages' metadata: the report imports neither
    TensorFlow nor Keras, and it works, saying so, when they are not installed.

    See Also
    --------
    dlref.set_language : The report is in English or Korean, like every dlref message.

    Examples
    --------
    The versions differ from one machine to the next, so only the first words of each line
    are shown here:

    >>> import dlref
    >>> dlref.show_versions()
    dlref ...
    python ...
    platform ...
    numpy ...
    matplotlib ...
    tensorflow ...
    keras ...
    backend ...
    font ...
    language en
    <BLANKLINE>
    ...
    """
    print(report())


def main(argv: list[str] | None = None) -> int:
    """``python -m dlref``: print the report; it takes no arguments."""
    args = sys.argv[1:] if argv is None else argv
    if args:
        print(_("python -m dlref takes no arguments; got {args}. It prints the versions dlref "
                "runs with and whether they are tested.", args=" ".join(args)), file=sys.stderr)
        return 2
    show_versions()
    return 0
