"""Run dlref's doctests and Keras-parity tests as a regression suite on one TensorFlow minor.

``make regress TF=2.17`` runs ``python regress/run.py 2.17``; ``make regress-all`` runs
``python regress/run.py --all``, which also writes ``regress/results.json`` (the file the
site's compatibility page is generated from).

For each minor, ``regress/versions.toml`` names the TensorFlow, Keras and numpy versions. The
suite runs in its own environment ``.venv-tf<minor>`` (made once, reused while its stamp
matches) against dlref installed as a wheel, never against the source tree:

1. the docstring examples of the installed package, ``pytest --pyargs dlref`` in an empty
   folder (the package's own ``conftest.py`` sets the doctest option flags);
2. the doctests of the pages and the selected tests of ``tests/``, from the repository with its
   pytest configuration, checked to import the installed dlref.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
# The packages the summary line and the results report, as the environment has them.
REPORTED = ("tensorflow", "keras", "numpy")
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
    """A one-line reason why a minor could not be run (bad input, pip failure)."""


def check_minor(value: str | None, minors: list[str]) -> str:
    supported = ", ".join(minors)
    if not value:
        raise RegressError("no TensorFlow minor given; use make regress TF=<minor> with one of "
                           f"{supported}")
    if value not in minors:
        raise RegressError(f"TF={value!r} is not supported; supported minors: {supported}")
    return value


# --- the environment -------------------------------------------------------------------------


@dataclass
class Environment:
    minor: str
    path: Path
    created_seconds: float | None = None  # None: reused

    @property
    def python(self) -> Path:
        return self.path / "bin" / "python"

    @property
    def pytest(self) -> Path:
        return self.path / "bin" / "pytest"


def _pins(spec: dict) -> list[str]:
    return [f"{name}=={spec[name]}" for name in REPORTED]


def _pip(env_python: Path, args: list[str], what: str, env_path: Path) -> None:
    result = subprocess.run([str(env_python), "-m", "pip", *args])
    if result.returncode != 0:
        # Nothing half-made survives for the next run to trust: no stamp, no environment.
        shutil.rmtree(env_path, ignore_errors=True)
        raise RegressError(f"pip could not install {what} (exit {result.returncode}, its output "
                           f"is above); {env_path.name} was removed")


def ensure_environment(minor: str, spec: dict, suite: dict) -> Environment:
    """Make ``.venv-tf<minor>`` with the pinned triple, unless a matching stamp says it exists."""
    path = ROOT / f".venv-tf{minor}"
    stamp = path / STAMP_NAME
    wanted = json.dumps({"pins": _pins(spec), "requirements": suite["requirements"]},
                        sort_keys=True)
    if stamp.is_file() and stamp.read_text() == wanted:
        return Environment(minor, path)
    start = time.perf_counter()
    shutil.rmtree(path, ignore_errors=True)
    print(f"regress: creating {path.name} ({', '.join(_pins(spec))})", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    python = path / "bin" / "python"
    _pip(python, ["install", "--quiet", "--upgrade", "pip"], "pip", path)
    _pip(python, ["install", "--quiet", *_pins(spec)], " ".join(_pins(spec)), path)
    # The test tools may not move the pinned triple: pip fails rather than change it.
    constraints = path / "regress-constraints.txt"
    constraints.write_text("\n".join(_pins(spec)) + "\n")
    _pip(python, ["install", "--quiet", "-c", str(constraints), *suite["requirements"]],
         " ".join(suite["requirements"]) + f" next to {', '.join(_pins(spec))}", path)
    stamp.write_text(wanted)  # only now: the environment is complete
    seconds = time.perf_counter() - start
    print(f"regress: {path.name} created in {seconds:.0f} s", flush=True)
    return Environment(minor, path, created_seconds=seconds)


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
    _pip(env.python, ["install", "--quiet", "-c", str(constraints), f"{wheel}[tensorflow]"],
         f"{wheel.name} with its dependencies", env.path)
    # Same version number as the last run's wheel: force the new build in.
    _pip(env.python, ["install", "--quiet", "--no-deps", "--force-reinstall", str(wheel)],
         wheel.name, env.path)


def installed_versions(env: Environment) -> dict[str, str]:
    code = ("import json, importlib.metadata as m; "
            f"print(json.dumps({{n: m.version(n) for n in {REPORTED!r}}}))")
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

    def add(self, other: Counts) -> None:
        self.passed += other.passed
        self.failed += other.failed
        self.skipped += other.skipped
        self.failures += other.failures


def run_suite(env: Environment, suite: dict, work: Path) -> dict[str, Counts]:
    base = ["-p", "no:cacheprovider", "-q", "-rfE"]
    guard = ["-p", "installed_guard"]  # fails the session if dlref is the source tree's
    # regress/ holds the installed_guard plugin; tests/dlref/ the bad-input tables its tests
    # import as a plain module (importlib mode does not put a test's folder on sys.path).
    env_vars = {**os.environ,
                "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT / "tests" / "dlref")])}
    empty = work / f"empty-{env.minor}"
    empty.mkdir()
    api_xml = work / f"api-{env.minor}.xml"
    # 1. An empty folder, no configuration: what a user with the wheel gets.
    subprocess.run([str(env.pytest), *base, *guard, "--junitxml", str(api_xml),
                    "--pyargs", "dlref"], cwd=empty, env=env_vars)
    # 2. The repository's pytest configuration; the console script (unlike `python -m pytest`)
    #    does not put the repository on sys.path, and importlib mode keeps conftest.py files
    #    from adding it.
    repo_xml = work / f"repo-{env.minor}.xml"
    subprocess.run([str(env.pytest), *base, *guard, "--import-mode=importlib",
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
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            counts.failed += 1
            # pytest's message: the exception's first line, e.g. "ValueError: ... celu".
            message = (problem.get("message") or "").splitlines()
            counts.failures.append({"test": name, "message": message[0] if message else ""})
        elif case.find("skipped") is not None:
            counts.skipped += 1
        else:
            counts.passed += 1
    return counts


def documented_differences(versions: dict[str, str]) -> list[dict[str, str]]:
    """The version differences the pages document that concern these versions.

    A page marks one with an admonition "Changed in <package> <version>": from that version on
    the page's main text holds; for an older installed version its "before" text applies.
    """
    found = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if "_build" in page.parts or "locale" in page.parts:
            continue
        for match in _DIFFERENCE.finditer(page.read_text(encoding="utf-8")):
            package, since = match.group(1), match.group(2)
            installed = versions[package.lower()]
            if _version_tuple(installed) < _version_tuple(since):
                found.append({"page": page.relative_to(ROOT / "docs").with_suffix("").as_posix(),
                              "package": package, "since": since})
    return found


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


# --- one minor, all minors -------------------------------------------------------------------


def regress(minor: str, spec: dict, suite: dict, wheel: Path, work: Path) -> dict:
    env = ensure_environment(minor, spec, suite)
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
    print(f"regress TF {minor}: tensorflow {versions['tensorflow']}, keras {versions['keras']}, "
          f"numpy {versions['numpy']}: {total.passed} passed, {total.failed} failed, "
          f"{total.skipped} skipped ({detail}{noted}) in {seconds:.0f} s", flush=True)
    return {
        "minor": minor,
        "versions": versions,
        "passed": total.passed,
        "failed": total.failed,
        "skipped": total.skipped,
        "counts": {name: {"passed": c.passed, "failed": c.failed, "skipped": c.skipped}
                   for name, c in parts.items()},
        "failures": total.failures,
        "differences": differences,
        "seconds": {"environment": None if env.created_seconds is None
                    else round(env.created_seconds), "suite": round(seconds)},
    }


def main(argv: list[str] | None = None) -> int:
    config = load_config()
    minors = list(config["minors"])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("minor", nargs="?", help=f"one of {', '.join(minors)}")
    parser.add_argument("--all", action="store_true",
                        help=f"every minor, then write {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    try:
        chosen = minors if args.all else [check_minor(args.minor, minors)]
    except RegressError as exc:
        print(f"make regress: {exc}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="dlref-regress-") as tmp:
        work = Path(tmp)
        wheel = build_wheel(work / "wheel")
        for minor in chosen:
            try:
                rows.append(regress(minor, config["minors"][minor], config["suite"], wheel,
                                    work))
            except RegressError as exc:
                print(f"make regress: {exc}", file=sys.stderr)
                if not args.all:
                    return 2
                # One minor that cannot be installed does not stop the others; it is recorded.
                rows.append({"minor": minor, "error": str(exc)})
    if args.all:
        RESULTS.write_text(json.dumps(
            {"date": dt.date.today().isoformat(), "python": sys.version.split()[0],
             "rows": rows}, indent=2) + "\n")
        print(f"regress: wrote {RESULTS.relative_to(ROOT)}")
    return 0 if all(row.get("failed", 1) == 0 and "error" not in row for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
