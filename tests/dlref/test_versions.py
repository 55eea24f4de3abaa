"""show_versions and python -m dlref: the environment, the tested matrix, without TensorFlow too."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import dlref
from dlref import _matrix, _versions
from dlref._versions import Environment, report

ROOT = Path(__file__).resolve().parents[2]
TF_ROW = {"backend": "tensorflow", "python": "3.11.7", "passed": 500, "failed": 0, "skipped": 0,
          "date": "2026-11-29"}
MATRIX = {"rows": [
    {**TF_ROW, "versions": {"tensorflow": "2.19.1", "keras": "3.11.2", "numpy": "2.1.3"}},
    {**TF_ROW, "versions": {"tensorflow": "2.20.0", "keras": "3.11.2", "numpy": "2.3.2"}},
    {**TF_ROW, "versions": {"tensorflow": "2.21.0", "keras": "3.13.2", "numpy": "2.4.2"},
     "failed": 2, "passed": 498},
    {**TF_ROW, "backend": "jax", "date": "2026-12-04",
     "versions": {"jax": "0.10.2", "jaxlib": "0.10.2", "keras": "3.15.1", "numpy": "2.4.6"}},
]}


def _env(**packages) -> Environment:
    versions = {"numpy": "2.4.2", "matplotlib": "3.10.0", "tensorflow": "2.21.0",
                "keras": "3.13.2", **packages}
    return Environment(python="3.11.2", implementation="CPython", executable="/usr/bin/python3",
                       platform="Linux-6.1-x86_64", backend="tensorflow", packages=versions,
                       font=Path("/fonts/NanumGothic.ttf"), language="en")


def test_an_exact_row_is_in_the_tested_matrix():
    text = report(_env(), MATRIX)
    assert text.splitlines()[1:4] == ["python      3.11.2 (CPython, /usr/bin/python3)",
                                      "platform    Linux-6.1-x86_64",
                                      "numpy       2.4.2"]
    assert "tensorflow  2.21.0\nkeras       3.13.2\nbackend     tensorflow\n" in text
    assert "font        NanumGothic (/fonts/NanumGothic.ttf)\nlanguage    en\n" in text
    assert text.endswith(
        "This combination is in the tested matrix. Its row, tensorflow 2.21.0, keras 3.13.2, "
        "numpy 2.4.2, passed 498 tests, failed 2 and skipped 0 with Python 3.11 on 2026-11-29.")


@pytest.mark.parametrize(
    ("packages", "row", "differences"),
    [
        ({"tensorflow": "2.19.0", "keras": "3.11.2", "numpy": "2.1.3"},
         "tensorflow 2.19.1, keras 3.11.2, numpy 2.1.3", "tensorflow 2.19.1 → 2.19.0"),
        ({"tensorflow": "2.22.0", "keras": "3.16.0", "numpy": "2.5.0"},  # newer than any row
         "tensorflow 2.21.0, keras 3.13.2, numpy 2.4.2",
         "tensorflow 2.21.0 → 2.22.0; keras 3.13.2 → 3.16.0; numpy 2.4.2 → 2.5.0"),
        ({"tensorflow": "2.21.0", "keras": "3.15.1", "numpy": "2.4.6"},  # the pinned dev setup
         "tensorflow 2.21.0, keras 3.13.2, numpy 2.4.2",
         "keras 3.13.2 → 3.15.1; numpy 2.4.2 → 2.4.6"),
        ({"tensorflow": "2.20.0", "keras": "3.11.2", "numpy": "2.4.2"},
         "tensorflow 2.20.0, keras 3.11.2, numpy 2.3.2", "numpy 2.3.2 → 2.4.2"),
    ],
)
def test_otherwise_the_nearest_row_and_the_differences_are_named(packages, row, differences):
    text = report(_env(**packages), MATRIX)
    assert ("This combination is not in the tested matrix. The nearest tested row is "
            f"{row}, ") in text
    assert text.endswith(f"(tested → installed) are {differences}.")


def test_another_python_is_a_difference():
    env = _env()
    env.python = "3.12.1"
    assert report(env, MATRIX).endswith("are python 3.11 → 3.12.")


def test_the_backend_decides_which_rows_count():
    env = _env(jax="0.10.2", jaxlib="0.10.2", keras="3.15.1", numpy="2.4.6")
    env.backend = "jax"
    assert "Its row, jax 0.10.2, jaxlib 0.10.2, keras 3.15.1, numpy 2.4.6, passed" in report(
        env, MATRIX)
    env.backend = "openvino"
    env.packages["openvino"] = "2025.1"
    assert report(env, MATRIX).endswith(
        "The tested matrix has no row for the Keras backend openvino; its rows are for jax, "
        "tensorflow.")


def _without_tensorflow(monkeypatch):
    """Make this interpreter look like one where no TensorFlow distribution is installed."""
    real_version, real_find_spec = importlib.metadata.version, importlib.util.find_spec

    def version(name):
        if name in _versions.TENSORFLOW_DISTRIBUTIONS:
            raise importlib.metadata.PackageNotFoundError(name)
        return real_version(name)

    def find_spec(name, *args, **kwargs):
        return None if name.split(".")[0] == "tensorflow" else real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.metadata, "version", version)
    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setenv("KERAS_BACKEND", "tensorflow")


def test_without_tensorflow_it_says_so_and_still_compares_numpy(monkeypatch, capsys):
    _without_tensorflow(monkeypatch)
    dlref.show_versions()
    text = capsys.readouterr().out
    assert "\ntensorflow  -\n" in text
    assert (f"\nnumpy       {importlib.metadata.version('numpy')}\n") in text
    assert "TensorFlow is not installed. The numpy reference implementations" in text
    assert 'need it: pip install "dlref[tensorflow]".' in text
    assert "Without tensorflow, only numpy can be compared with the tested matrix" in text
    assert "This combination is" not in text


def test_without_tensorflow_numpy_is_compared_with_the_tested_numpy_versions():
    env = _env(tensorflow=None, keras=None, numpy="1.26.4")
    assert report(env, MATRIX).endswith(
        "numpy 1.26.4 is not one of its tested versions (2.1.3, 2.3.2, 2.4.2, 2.4.6).")
    env.packages["numpy"] = "2.3.2"
    assert report(env, MATRIX).endswith("numpy 2.3.2 is one of its tested versions.")


def test_a_package_without_metadata_is_reported_as_unknown(monkeypatch):
    _without_tensorflow(monkeypatch)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a, **k: object() if name == "tensorflow"
                        else real_find_spec(name, *a, **k))
    assert _versions.installed_version("tensorflow") == "?"
    text = report(_env(tensorflow="?"), MATRIX)
    assert "\ntensorflow  ?\n" in text
    assert "tensorflow can be imported but records no version in its package metadata" in text


def test_a_missing_font_and_a_missing_matrix_are_explained():
    env = _env()
    env.font = None
    assert any("The Hangul font NanumGothic was not found" in sentence
               for sentence in _versions._backend_sentences(env))
    assert "\nfont        -\n" in report(env, MATRIX)
    assert _versions._matrix_sentences(env, None) == [
        "The tested matrix (tested_matrix.json) is missing from this copy of dlref; reinstall "
        "dlref to see whether this environment is tested."]


def test_the_report_reads_metadata_and_never_imports_tensorflow():
    code = ("import sys, dlref\ndlref.show_versions()\n"
            "print('imported:', sorted({'tensorflow', 'keras', 'matplotlib'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "DLREF_LANG": "en"}).stdout
    assert out.rstrip().endswith("imported: []")
    for package in ("numpy", "matplotlib", "keras"):
        version = _versions.installed_version(package) or "-"
        assert f"\n{package:<12}{version}\n" in out
    assert _versions.installed_version("numpy") == importlib.metadata.version("numpy")


def test_python_m_dlref_prints_the_report_in_the_readers_language():
    env = {**os.environ, "DLREF_LANG": "ko"}
    out = subprocess.run([sys.executable, "-m", "dlref"], capture_output=True, text=True,
                         env=env, check=True).stdout
    assert out.startswith(f"dlref       {dlref.__version__} (")
    assert "\nlanguage    ko\n" in out
    assert "검증 매트릭스" in out
    bad = subprocess.run([sys.executable, "-m", "dlref", "--json"], capture_output=True,
                         text=True, env={**os.environ, "DLREF_LANG": "en"})
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("python -m dlref takes no arguments; got --json.")


# --- the shipped matrix ----------------------------------------------------------------------


def test_the_shipped_matrix_is_the_regression_results():
    # After make regress writes regress/results.json, python -m dlref._matrix update copies
    # it into the package (the Makefile runs both); this fails until that has happened.
    results = json.loads(_matrix.RESULTS.read_text(encoding="utf-8"))
    assert _matrix.MATRIX.read_text(encoding="utf-8") == _matrix.render(
        _matrix.summarise(results)), "run python -m dlref._matrix update"
    assert _matrix.main(["check"]) == 0
    shipped = _matrix.load()
    assert shipped is not None and len(shipped["rows"]) == len(results["rows"])


def test_the_matrix_reader_is_tolerant_of_new_and_missing_fields():
    results = {
        "date": "2026-11-29", "python": "3.11.7",
        "rows": [
            {"minor": "2.21", "versions": {"tensorflow": "2.21.0", "keras": "3.13.2"},
             "passed": 500, "failed": 0, "skipped": 0, "counts": {}, "seconds": {}},
            {"backend": "jax", "date": "2026-12-04", "passed": 501, "backend_only": [{}],
             "versions": {"jax": "0.10.2", "keras": "3.15.1", "numpy": "2.4.6"},
             "some_future_field": [1, 2]},
            {"minor": "2.99", "failed": 3},  # no versions: nothing to compare
        ],
    }
    rows = _matrix.summarise(results)["rows"]
    assert [r["backend"] for r in rows] == ["tensorflow", "jax"]
    assert rows[0]["python"] == "3.11.7" and rows[0]["date"] == "2026-11-29"
    assert rows[1] == {"backend": "jax", "versions": {"jax": "0.10.2", "keras": "3.15.1",
                                                      "numpy": "2.4.6"},
                       "python": "3.11.7", "passed": 501, "failed": 0, "skipped": 0,
                       "date": "2026-12-04"}


def test_a_broken_shipped_matrix_reads_as_missing(tmp_path, monkeypatch):
    broken = tmp_path / "tested_matrix.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(_matrix, "MATRIX", broken)
    assert _matrix.load() is None
    broken.write_text(json.dumps({"rows": [{"versions": {}}, "x", {"versions": {"a": "1"}}]}),
                      encoding="utf-8")
    assert _matrix.load() == {"rows": [{"versions": {"a": "1"}}]}


def test_the_report_speaks_korean(monkeypatch):
    monkeypatch.setenv("DLREF_LANG", "ko")
    text = report(_env(keras="3.15.1"), MATRIX)
    assert "language    en" in text  # the table shows the Environment given
    assert "이 조합은 검증 매트릭스에 없습니다." in text
    env = _env(tensorflow=None, keras=None)
    assert "TensorFlow가 설치되어 있지 않습니다." in report(env, MATRIX)
    assert dlref.show_versions is _versions.show_versions
