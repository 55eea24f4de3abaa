"""Run dlref's doctests and Keras-parity tests as a regression suite on one row of the matrix.

The matrix has two axes (``regress/versions.toml``): the TensorFlow minors, Keras on
TensorFlow, and the other Keras backends, Keras on JAX or PyTorch without TensorFlow.
``make regress TF=2.17`` runs ``python regress/run.py 2.17``, ``make regress BACKEND=jax``
runs ``python regress/run.py --backend jax`` and ``make regress-all`` runs
``python regress/run.py --all``. Every run writes its rows into ``regress/results.json`` (the
file the site's compatibility page is generated from), keeping the other rows.

For each row, ``regress/versions.toml`` names the versions of the backend, Keras and numpy.
The suite runs with ``KERAS_BACKEND`` set to the row's backend, in the row's own environment
``.venv-tf<minor>`` or ``.venv-<backend>`` (made once, reused while its stamp matches),
against dlref installed as a wheel with the row's extra, never against the source tree:

1. the docstring examples of the installed package, ``pytest --pyargs dlref`` in an empty
   folder (the package's own ``conftest.py`` sets the doctest option flags);
2. the doctests of the pages and the selected tests of ``tests/``, from the repository with its
   pytest configuration, checked to import the installed dlref. A page's doctest block that
   shows another backend's behaviour is skipped there (the root ``conftest.py``); the run
   records which.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the project supports it, this runner does not
    raise SystemExit("make regress: needs Python 3.11 or later (tomllib); "
                     "run it as make regress PYTHON=python3.11 TF=<minor>") from None

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
CONFIG = HERE / "versions.toml"
RESULTS = HERE / "results.json"
STAMP_NAME = ".regress-stamp"
# The property the root conftest.py gives a page doctest for each block it skipped because
# the block shows another Keras backend; its value is JSON: {"where", "backend", "examples"}.
BACKEND_ONLY = "backend_only"
# A page documents a version difference with an admonition titled this way, e.g.
# :::{admonition} Changed in Keras 3.5
_DIFFERENCE = re.compile(
    r"^(?:`{3,}|:{3,})\{admonition\}\s+Changed in (Keras|TensorFlow|numpy)\s+([0-9][0-9.]*)\s*$",
    re.MULTILINE,
)


def load_config() -> dict:
    with CONFIG.open("rb") as fh:
        return tomllib.load(fh)


class RegressError(Exception):
    """A one-line reason why a row could not be run (bad input, pip failure)."""


@dataclass(frozen=True)
class Target:
    """One row of the matrix: a TensorFlow minor, or another Keras backend."""

    backend: str  # the KERAS_BACKEND of the run
    minor: str | None  # the TensorFlow minor of a TensorFlow row
    pins: tuple[tuple[str, str], ...]  # (package, version), the backend's package first
    extra: str  # the dlref extra the wheel is installed with

    @property
    def name(self) -> str:
        return f"tf{self.minor}" if self.minor else self.backend

    @property
    def label(self) -> str:
        return f"TF {self.minor}" if self.minor else f"BACKEND {self.backend}"

    @property
    def reported(self) -> tuple[str, ...]:
        """The packages the summary line and the results report, as the environment has them."""
        return tuple(name for name, _ in self.pins)

    def requirements(self) -> list[str]:
        return [f"{name}=={version}" for name, version in self.pins]


def targets(config: dict) -> dict[str, Target]:
    """Every row of ``versions.toml``: the TensorFlow minors by minor, the backends by name."""
    rows = {}
    for minor, spec in config["minors"].items():
        pins = tuple((name, spec[name]) for name in ("tensorflow", "keras", "numpy"))
        rows[minor] = Target("tensorflow", minor, pins, "tensorflow")
    for backend, spec in config.get("backends", {}).items():
        pins = tuple((name, version) for name, version in spec.items() if name != "extra")
        rows[backend] = Target(backend, None, pins, spec["extra"])
    return rows


def choose(minor: str | None, backend: str | None, config: dict) -> Target:
    """The row that ``TF=<minor>`` and ``BACKEND=<name>`` name, or a one-line RegressError."""
    minors = list(config["minors"])
    backends = list(config.get("backends", {}))
    supported = ", ".join(minors)
    choices = (f"BACKEND=tensorflow with TF=<minor> ({supported}), "
               + ", ".join(f"BACKEND={name}" for name in backends))
    rows = targets(config)
    if backend and backend != "tensorflow":
        if backend not in backends:
            close = difflib.get_close_matches(backend, ["tensorflow", *backends], n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise RegressError(f"BACKEND={backend!r} is not a backend of the matrix{hint}; "
                               f"choices: {choices}")
        if minor:
            raise RegressError(f"TF={minor!r} with BACKEND={backend!r}: the {backend} row runs "
                               f"without TensorFlow; give one of them; choices: {choices}")
        return rows[backend]
    if not minor:
        raise RegressError("no TensorFlow minor given; use make regress TF=<minor> with one of "
                           f"{supported}, or make regress BACKEND=<backend> with one of "
                           f"{', '.join(backends)}")
    if minor not in minors:
        raise RegressError(f"TF={minor!r} is not supported; supported minors: {supported}")
    return rows[minor]


# --- the environment -------------------------------------------------------------------------


@dataclass
class Environment:
    target: Target
    path: Path
    created_seconds: float | None = None  # None: reused

    @property
    def python(self) -> Path:
        return self.path / "bin" / "python"

    @property
    def pytest(self) -> Path:
        return self.path / "bin" / "pytest"


def _pip(env_python: Path, args: list[str], what: str, env_path: Path) -> None:
    result = subprocess.run([str(env_python), "-m", "pip", *args])
    if result.returncode != 0:
        # Nothing half-made survives for the next run to trust: no stamp, no environment.
        shutil.rmtree(env_path, ignore_errors=True)
        raise RegressError(f"pip could not install {what} (exit {result.returncode}, its output "
                           f"is above); {env_path.name} was removed")


def ensure_environment(target: Target, suite: dict) -> Environment:
    """Make ``.venv-<row>`` with the row's pins, unless a matching stamp says it exists."""
    path = ROOT / f".venv-{target.name}"
    stamp = path / STAMP_NAME
    pins = target.requirements()
    wanted = json.dumps({"pins": pins, "requirements": suite["requirements"]}, sort_keys=True)
    if stamp.is_file() and stamp.read_text() == wanted:
        return Environment(target, path)
    start = time.perf_counter()
    shutil.rmtree(path, ignore_errors=True)
    print(f"regress: creating {path.name} ({', '.join(pins)})", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    python = path / "bin" / "python"
    _pip(python, ["install", "--quiet", "--upgrade", "pip"], "pip", path)
    _pip(python, ["install", "--quiet", *pins], " ".join(pins), path)
    # The test tools may not move the pinned versions: pip fails rather than change them.
    constraints = path / "regress-constraints.txt"
    constraints.write_text("\n".join(pins) + "\n")
    _pip(python, ["install", "--quiet", "-c", str(constraints), *suite["requirements"]],
         " ".join(suite["requirements"]) + f" next to {', '.join(pins)}", path)
    stamp.write_text(wanted)  # only now: the environment is complete
    seconds = time.perf_counter() - start
    print(f"regress: {path.name} created in {seconds:.0f} s", flush=True)
    return Environment(target, path, created_seconds=seconds)


def build_wheel(into: Path) -> Path:
    """Build dlref's wheel once per run (the environments install it, not the source tree)."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(into), str(ROOT)]
    )
    if result.returncode != 0:
        raise SystemExit("make regress: could not build the dlref wheel (pip's output is above)")
    return next(into.glob("dlref-*.whl"))


def install_wheel(env: Environment, wheel: Path) -> None:
    constraints = env.path / "regress-constraints.txt"
    _pip(env.python, ["install", "--quiet", "-c", str(constraints),
                      f"{wheel}[{env.target.extra}]"],
         f"{wheel.name} with its dependencies", env.path)
    # Same version number as the last run's wheel: force the new build in.
    _pip(env.python, ["install", "--quiet", "--no-deps", "--force-reinstall", str(wheel)],
         wheel.name, env.path)


def installed_versions(env: Environment) -> dict[str, str]:
    code = ("import json, importlib.metadata as m; "
            f"print(json.dumps({{n: m.version(n) for n in {env.target.reported!r}}}))")
    out = subprocess.run([str(env.python), "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


# --- the suite -------------------------------------------------------------------------------


@dataclass
class Counts:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)  # {"test", "message"}
    # Doctest blocks skipped because they show another backend: {"where", "backend", "examples"}
    backend_only: list[dict] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.passed += other.passed
        self.failed += other.failed
        self.skipped += other.skipped
        self.failures += other.failures
        self.backend_only += other.backend_only


def run_suite(env: Environment, suite: dict, work: Path) -> dict[str, Counts]:
    base = ["-p", "no:cacheprovider", "-q", "-rfE"]
    guard = ["-p", "installed_guard"]  # fails the session if dlref is the source tree's
    # regress/ holds the installed_guard plugin; tests/dlref/ the bad-input tables its tests
    # import as a plain module (importlib mode does not put a test's folder on sys.path).
    env_vars = {**os.environ, "KERAS_BACKEND": env.target.backend,
                "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT / "tests" / "dlref")])}
    empty = work / f"empty-{env.target.name}"
    empty.mkdir()
    api_xml = work / f"api-{env.target.name}.xml"
    # 1. An empty folder, no configuration: what a user with the wheel gets.
    subprocess.run([str(env.pytest), *base, *guard, "--junitxml", str(api_xml),
                    "--pyargs", "dlref"], cwd=empty, env=env_vars)
    # 2. The repository's pytest configuration; the console script (unlike `python -m pytest`)
    #    does not put the repository on sys.path, and importlib mode keeps conftest.py files
    #    from adding it.
    repo_xml = work / f"repo-{env.target.name}.xml"
    ignore = [f"--ignore={path}" for path in suite.get("ignore", [])]
    subprocess.run([str(env.pytest), *base, *guard, "--import-mode=importlib", *ignore,
                    "--junitxml", str(repo_xml), *suite["pages"], *suite["tests"]],
                   cwd=ROOT, env=env_vars)
    return {"api doctests": _counts(api_xml, None),
            "page doctests": _counts(repo_xml, "docs"),
            "tests": _counts(repo_xml, "tests")}


def _counts(junit: Path, prefix: str | None) -> Counts:
    """Outcomes in a JUnit report, of the test cases whose class name starts with ``prefix``."""
    counts = Counts()
    if not junit.is_file():  # pytest died before writing its report
        if prefix != "docs":  # count the lost run once
            counts.failed = 1
            counts.failures = [{"test": junit.stem, "message": "pytest wrote no report"}]
        return counts
    for case in ET.parse(junit).getroot().iter("testcase"):
        classname = case.get("classname") or ""
        if prefix is not None and not classname.startswith(prefix + "."):
            continue
        name = f"{classname}::{case.get('name')}"
        counts.backend_only += [json.loads(prop.get("value") or "{}")
                                for prop in case.iter("property")
                                if prop.get("name") == BACKEND_ONLY]
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            counts.failed += 1
            # pytest cuts a long message short; the element's text is the whole report.
            counts.failures.append({"test": name, "message": _one_line(
                problem.get("message") or "", problem.text or "")})
        elif case.find("skipped") is not None:
            counts.skipped += 1
        else:
            counts.passed += 1
    return counts


_DOCTEST_PLACE = re.compile(r"([^/\s]+:\d+): (DocTestFailure|UnexpectedException)$")


def _one_line(message: str, report: str = "") -> str:
    """A failure of pytest's JUnit report in one line.

    For a test, the first line of the message, the exception's: "ValueError: ... celu". For a
    doctest, whose report is the example with the page's numbered lines around it, the place
    and what was expected and got, or the exception.
    """
    lines = (report or message).splitlines()
    places = [m for m in map(_DOCTEST_PLACE.search, lines) if m]
    if not places:
        first = message.splitlines()
        return first[0] if first else ""
    where = places[-1].group(1)
    if "Expected:" in lines and "Got:" in lines:
        expected = lines[lines.index("Expected:") + 1].strip()
        got = lines[lines.index("Got:") + 1].strip()
        return f"{where}: expected {expected}, got {got}"
    raised = [line for line in lines if line.startswith("UNEXPECTED EXCEPTION: ")]
    return f"{where}: {raised[0].removeprefix('UNEXPECTED EXCEPTION: ')}" if raised else where


def documented_differences(versions: dict[str, str]) -> list[dict[str, str]]:
    """The version differences the pages document that concern these versions.

    A page marks one with an admonition "Changed in <package> <version>": from that version on
    the page's main text holds; for an older installed version its "before" text applies.
    """
    found = []
    versions = {name.lower(): version for name, version in versions.items()}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if "_build" in page.parts or "locale" in page.parts:
            continue
        for match in _DIFFERENCE.finditer(page.read_text(encoding="utf-8")):
            package, since = match.group(1), match.group(2)
            installed = versions.get(package.lower())
            if installed is None:  # a TensorFlow difference, on a row without TensorFlow
                continue
            if _version_tuple(installed) < _version_tuple(since):
                found.append({"page": page.relative_to(ROOT / "docs").with_suffix("").as_posix(),
                              "package": package, "since": since})
    return found


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


# --- one row, all rows -------------------------------------------------------------------------


def regress(target: Target, suite: dict, wheel: Path, work: Path) -> dict:
    env = ensure_environment(target, suite)
    install_wheel(env, wheel)
    versions = installed_versions(env)
    start = time.perf_counter()
    parts = run_suite(env, suite, work)
    seconds = time.perf_counter() - start
    total = Counts()
    for counts in parts.values():
        total.add(counts)
    differences = documented_differences(versions)
    detail = ", ".join(f"{name} {c.passed}/{c.passed + c.failed}" for name, c in parts.items())
    noted = f"; documented differences: {len(differences)}" if differences else ""
    if total.backend_only:
        shown = sorted({name for block in total.backend_only
                        for name in block["backend"].split(", ")})
        noted += (f"; doctest blocks for {', '.join(shown)} only, skipped: "
                  f"{len(total.backend_only)}")
    installed = ", ".join(f"{name} {version}" for name, version in versions.items())
    print(f"regress {target.label}: {installed}: {total.passed} passed, {total.failed} failed, "
          f"{total.skipped} skipped ({detail}{noted}) in {seconds:.0f} s", flush=True)
    return {
        **identity(target),
        "versions": versions,
        "date": dt.date.today().isoformat(),
        "passed": total.passed,
        "failed": total.failed,
        "skipped": total.skipped,
        "counts": {name: {"passed": c.passed, "failed": c.failed, "skipped": c.skipped}
                   for name, c in parts.items()},
        "failures": total.failures,
        "differences": differences,
        "backend_only": total.backend_only,
        "seconds": {"environment": None if env.created_seconds is None
                    else round(env.created_seconds), "suite": round(seconds)},
    }


def identity(target: Target) -> dict[str, str]:
    """The keys that name a row in the results file."""
    return {"backend": target.backend, **({"minor": target.minor} if target.minor else {})}


def write_results(rows: list[dict], config: dict) -> None:
    """Put ``rows`` into the results file, keeping the rows of the other targets.

    The rows follow ``versions.toml`` (the minors, then the backends); a row whose target is
    no longer there is dropped. The file's date is that of its newest row.
    """
    order = [identity(target) for target in targets(config).values()]
    kept = {}
    if RESULTS.is_file():
        previous = json.loads(RESULTS.read_text())
        for row in previous["rows"]:
            # Rows written before the backend axis: TensorFlow rows of the file's date.
            row.setdefault("backend", "tensorflow")
            row.setdefault("date", previous["date"])
            key = {name: row[name] for name in ("backend", "minor") if name in row}
            kept[json.dumps(key, sort_keys=True)] = row
    for row in rows:
        key = {name: row[name] for name in ("backend", "minor") if name in row}
        kept[json.dumps(key, sort_keys=True)] = row
    ordered = [kept[k] for k in (json.dumps(o, sort_keys=True) for o in order) if k in kept]
    dates = [row["date"] for row in ordered if "date" in row]
    RESULTS.write_text(json.dumps(
        {"date": max(dates, default=dt.date.today().isoformat()),
         "python": sys.version.split()[0], "rows": ordered}, indent=2) + "\n")
    print(f"regress: wrote {RESULTS.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    config = load_config()
    rows_by_name = targets(config)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("minor", nargs="?", help=f"one of {', '.join(config['minors'])}")
    parser.add_argument("--backend", help="tensorflow (the default, with a minor) or one of "
                        f"{', '.join(config.get('backends', {}))}")
    parser.add_argument("--all", action="store_true",
                        help="every minor and every backend")
    args = parser.parse_args(argv)
    try:
        chosen = (list(rows_by_name.values()) if args.all
                  else [choose(args.minor, args.backend, config)])
    except RegressError as exc:
        print(f"make regress: {exc}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="dlref-regress-") as tmp:
        work = Path(tmp)
        wheel = build_wheel(work / "wheel")
        for target in chosen:
            try:
                rows.append(regress(target, config["suite"], wheel, work))
            except RegressError as exc:
                print(f"make regress: {exc}", file=sys.stderr)
                if not args.all:
                    return 2
                # One row that cannot be installed does not stop the others; it is recorded.
                rows.append({**identity(target), "date": dt.date.today().isoformat(),
                             "error": str(exc)})
    write_results(rows, config)
    return 0 if all(row.get("failed", 1) == 0 and "error" not in row for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
