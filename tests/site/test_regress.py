"""The regression matrix: `make regress` input checks, its environments and its results file."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[2]
MINORS = ["2.16", "2.17", "2.18", "2.19", "2.20", "2.21"]
BACKENDS = ["jax", "torch"]


def _load_run():
    spec = importlib.util.spec_from_file_location("regress_run", ROOT / "regress" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["regress_run"] = module
    spec.loader.exec_module(module)
    return module


run = _load_run()


@pytest.mark.parametrize("tf", ["2.9", "abc", "", "2.22"])
def test_bad_minor_is_one_line_listing_the_supported_ones(tf):
    result = subprocess.run(["make", "--no-print-directory", "regress", f"TF={tf}"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0
    ours = [line for line in result.stderr.splitlines() if line.startswith("make regress:")]
    assert len(ours) == 1, result.stderr
    assert ", ".join(MINORS) in ours[0]
    if tf:
        assert repr(tf) in ours[0]
    assert not any((ROOT / f".venv-tf{tf}").exists() for tf in ("2.9", "abc", "2.22"))


def test_no_minor_given():
    result = subprocess.run([sys.executable, "regress/run.py"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "make regress: no TensorFlow minor given; use make regress TF=<minor> with one of "
        + ", ".join(MINORS) + ", or make regress BACKEND=<backend> with one of "
        + ", ".join(BACKENDS)
    )


@pytest.mark.parametrize("args", ["BACKEND=foo", "BACKEND=openvino", "BACKEND=Jax",
                                  "BACKEND=jax TF=2.17", "BACKEND=tensorflow"])
def test_bad_backend_is_one_line_naming_the_choices(args):
    result = subprocess.run(["make", "--no-print-directory", "regress", *args.split()], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 2
    ours = [line for line in result.stderr.splitlines() if line.startswith("make regress:")]
    assert len(ours) == 1, result.stderr
    assert all(f"BACKEND={b}" in ours[0] or b in ours[0] for b in BACKENDS), ours[0]
    if args == "BACKEND=Jax":
        assert "did you mean jax?" in ours[0]
    assert not any((ROOT / f".venv-{name}").exists() for name in ("foo", "openvino", "Jax"))


def test_versions_file_pins_one_triple_per_minor():
    config = tomllib.loads((ROOT / "regress" / "versions.toml").read_text())
    assert list(config["minors"]) == MINORS
    for minor, spec in config["minors"].items():
        assert spec["tensorflow"].startswith(minor + "."), minor
        for name in ("tensorflow", "keras", "numpy"):
            assert re.fullmatch(r"\d+\.\d+\.\d+", spec[name]), (minor, name)
        assert spec["keras"].startswith("3."), minor  # Keras 3 from TF 2.16 on
    # TensorFlow 2.16 and 2.17 were built against numpy 1.x and require numpy < 2.
    assert config["minors"]["2.16"]["numpy"].startswith("1.")
    assert config["minors"]["2.17"]["numpy"].startswith("1.")
    for path in config["suite"]["tests"] + config["suite"]["pages"]:
        assert (ROOT / path).exists(), f"regress/versions.toml selects missing {path}"


def test_lower_bounds_in_pyproject_are_the_oldest_versions_of_the_matrix():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    minors = tomllib.loads((ROOT / "regress" / "versions.toml").read_text())["minors"]
    declared = pyproject["project"]["dependencies"] + (
        pyproject["project"]["optional-dependencies"]["tensorflow"])
    bounds = dict(re.match(r"([a-z]+)>=([\d.]+)", d.split("#")[0].strip()).groups()
                  for d in declared if re.match(r"(numpy|tensorflow|keras)>=", d))
    for name in ("numpy", "tensorflow", "keras"):
        oldest = min((spec[name] for spec in minors.values()), key=run._version_tuple)
        assert bounds[name] == oldest, name
    assert not any(d.startswith("tensorflow") for d in pyproject["project"]["dependencies"])


def test_backend_extras_start_at_the_versions_of_their_rows():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    backends = tomllib.loads((ROOT / "regress" / "versions.toml").read_text())["backends"]
    for backend, spec in backends.items():
        declared = pyproject["project"]["optional-dependencies"][spec["extra"]]
        bounds = dict(re.match(r"([a-z]+)>=([\d.]+)", d.split("#")[0].strip()).groups()
                      for d in declared)
        assert bounds == {backend: spec[backend], "keras": spec["keras"]}, backend
        assert not any(d.startswith("tensorflow") for d in declared), backend


def test_workflow_runs_a_row_per_backend():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "regress.yml").read_text())
    (job,) = workflow["jobs"].values()
    rows = job["strategy"]["matrix"]["include"]
    assert [row["backend"] for row in rows] == BACKENDS
    assert all(row["tf"] == "" for row in rows)  # a combination of its own, no TF minor
    runs = [str(step.get("run", "")) for step in job["steps"]]
    assert any(r.endswith("make regress BACKEND=${{ matrix.backend }}") for r in runs), runs


def test_junit_counts_split_pages_and_tests(tmp_path):
    report = tmp_path / "r.xml"
    report.write_text(
        '<testsuites><testsuite>'
        '<testcase classname="docs.concepts.relu-and-dying-relu.md" name="relu"/>'
        '<testcase classname="docs.glossary.md" name="glossary">'
        '<failure message="ValueError: bad&#10;more"/></testcase>'
        '<testcase classname="tests.test_models" name="test_a"/>'
        '<testcase classname="tests.test_models" name="test_b"><skipped/></testcase>'
        '<testcase classname="tests.test_models" name="test_c"><error/></testcase>'
        '</testsuite></testsuites>'
    )
    pages = run._counts(report, "docs")
    tests = run._counts(report, "tests")
    assert (pages.passed, pages.failed, pages.skipped) == (1, 1, 0)
    assert pages.failures == [{"test": "docs.glossary.md::glossary", "message": "ValueError: bad"}]
    assert (tests.passed, tests.failed, tests.skipped) == (1, 1, 1)
    missing = run._counts(tmp_path / "absent.xml", "tests")
    assert missing.failed == 1


PAGE = """# A page

```pycon
>>> x = 1
>>> keras.backend.backend()
'tensorflow'
>>> x + 1
2

```

  ```pycon
  >>> keras.backend.backend()
  'jax'
  >>> x + 2
  3

  ```

```pycon
>>> x
1

```

```pycon
>>> keras.backend.backend() in ("tensorflow", "jax")  # a comment may say why
True
>>> x + 3
4

```
"""


SEVERAL = ['keras.backend.backend() in ("tensorflow", "jax")  # a comment may say why', "x + 3"]


@pytest.mark.parametrize(("backend", "skipped", "ran"), [
    ("tensorflow", [(13, "jax", 2)], ["x = 1", "keras.backend.backend()", "x + 1", "x",
                                      *SEVERAL]),
    ("jax", [(5, "tensorflow", 2)], ["x = 1", "keras.backend.backend()", "x + 2", "x",
                                     *SEVERAL]),
    ("torch", [(5, "tensorflow", 2), (13, "jax", 2), (27, "tensorflow, jax", 2)],
     ["x = 1", "x"]),
])
def test_backend_checks_skip_the_rest_of_their_block_elsewhere(backend, skipped, ran):
    import doctest

    spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    test = doctest.DocTestParser().get_doctest(PAGE, {}, "page", "page.md", 0)
    assert conftest.skip_other_backends(test, PAGE, backend) == skipped
    assert [ex.source.strip() for ex in test.examples
            if not ex.options.get(doctest.SKIP)] == ran


def test_doctest_failures_are_summed_up_in_one_line():
    failure = ("201 ```pycon\n210 >>> print(w.numpy(), x)\nExpected:\n    [0.70158905 0.70158833]\n"
               "Got:\n    [0.70158905 0.7015884 ]\n\n/work/docs/concepts/optimizers.md:210: "
               "DocTestFailure")
    assert run._one_line("201 ```pycon\n[+7 more lines; full report in element text]",
                         failure) == ("optimizers.md:210: expected [0.70158905 0.70158833], "
                                      "got [0.70158905 0.7015884 ]")
    raised = ("148 >>> import tensorflow as tf\nUNEXPECTED EXCEPTION: ModuleNotFoundError(\"No "
              "module named 'tensorflow'\")\nTraceback ...\n/w/docs/backpropagation.md:148: "
              "UnexpectedException")
    assert run._one_line(raised) == ("backpropagation.md:148: ModuleNotFoundError(\"No module "
                                     "named 'tensorflow'\")")
    assert run._one_line("ValueError: bad\nmore", "def test():\n>  raise ValueError") == (
        "ValueError: bad")


def test_junit_counts_read_the_blocks_skipped_for_another_backend(tmp_path):
    report = tmp_path / "r.xml"
    block = '{"where": "docs/concepts/dropout.md:54", "backend": "tensorflow", "examples": 3}'
    report.write_text(
        '<testsuites><testsuite>'
        '<testcase classname="docs.concepts.dropout.md" name="dropout.md"><properties>'
        f'<property name="backend_only" value=\'{block}\'/></properties></testcase>'
        '</testsuite></testsuites>'
    )
    pages = run._counts(report, "docs")
    assert (pages.passed, pages.skipped) == (1, 0)
    assert pages.backend_only == [json.loads(block)]


def test_documented_differences_apply_to_older_versions(tmp_path, monkeypatch):
    page = tmp_path / "docs" / "concepts" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# T\n\n:::{admonition} Changed in Keras 3.6\n:class: versionchanged\n\n"
                    "Before Keras 3.6 ...\n:::\n")
    monkeypatch.setattr(run, "ROOT", tmp_path)
    old = {"tensorflow": "2.17.1", "keras": "3.5.0", "numpy": "1.26.4"}
    new = {"tensorflow": "2.18.1", "keras": "3.9.0", "numpy": "2.0.2"}
    assert run.documented_differences(old) == [
        {"page": "concepts/page", "package": "Keras", "since": "3.6"}]
    assert run.documented_differences(new) == []


@pytest.mark.slow
def test_pip_failure_names_the_pins_and_leaves_no_environment(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "ROOT", tmp_path)
    pins = (("tensorflow", "0.0.1"), ("keras", "3.4.1"), ("numpy", "1.26.4"))
    with pytest.raises(run.RegressError, match=r"tensorflow==0\.0\.1") as caught:
        run.ensure_environment(run.Target("tensorflow", "2.16", pins, "tensorflow"),
                               {"requirements": []})
    assert "keras==3.4.1" in str(caught.value)
    assert not (tmp_path / ".venv-tf2.16").exists()


def test_results_file_has_a_row_per_minor_and_backend():
    results = json.loads((ROOT / "regress" / "results.json").read_text())
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", results["date"])
    assert [row.get("minor", row["backend"]) for row in results["rows"]] == MINORS + BACKENDS
    for row in results["rows"]:
        assert row["date"] <= results["date"]
        if "error" in row:
            continue
        if row["backend"] != "tensorflow":  # Keras on another backend, without TensorFlow
            assert "tensorflow" not in row["versions"] and row["backend"] in row["versions"]
            continue
        assert row["versions"]["tensorflow"].startswith(row["minor"] + ".")
        assert row["passed"] > 0
        assert row["failed"] == len(row["failures"])


def compatibility_page_facts(html: str, results: dict) -> list[str]:
    """What the built compatibility page lacks of the results file (empty: nothing)."""
    links = set(re.findall(r'href="([^"#]+)', html))
    text = re.sub(r"<[^>]+>", "", html)
    missing = [] if results["date"] in text else [f"date {results['date']}"]
    for row in results["rows"]:
        if "error" in row:
            wanted = [row["error"]]
        else:
            wanted = [*row["versions"].values(), str(row["passed"])]
            wanted += [f"{d['package']} &lt; {d['since']}" for d in row["differences"]]
            wanted += [f"KERAS_BACKEND={b['backend']}" for b in row.get("backend_only", [])]
            pages = {b["where"].split(":")[0].removeprefix("docs/").removesuffix(".md")
                     for b in row.get("backend_only", [])}
            missing += [f"{row['backend']}: link to {page}" for page in sorted(pages)
                        if f"{page}.html" not in links]
            wanted += [f["test"] for f in row["failures"]]
            missing += [f"{row['minor']}: link to {d['page']}" for d in row["differences"]
                        if f"{d['page']}.html" not in links]
        missing += [f"{row.get('minor', row['backend'])}: {w}" for w in wanted if w not in text]
    return missing


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_compatibility_page_is_generated_from_the_results(site, lang):
    results = json.loads((ROOT / "regress" / "results.json").read_text())
    html = (site["out"] / lang / "compatibility.html").read_text(encoding="utf-8")
    assert compatibility_page_facts(html, results) == []
    heading = {"en": "Documented differences", "ko": "문서화된 차이"}[lang]
    assert heading in html
