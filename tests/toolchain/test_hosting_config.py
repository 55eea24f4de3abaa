"""The hosting configuration: Read the Docs (.readthedocs.yaml), GitHub Pages (docs.yml) and the
regression matrix workflow (regress.yml)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
RTD = ROOT / ".readthedocs.yaml"
WORKFLOW = ROOT / ".github" / "workflows" / "docs.yml"
REGRESS = ROOT / ".github" / "workflows" / "regress.yml"


def load(path: Path) -> dict:
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.relative_to(ROOT)} is not a YAML mapping"
    return data


def commands(node) -> list[str]:
    """Every shell command string below ``node`` (lists and nested mappings of them)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [c for item in node for c in commands(item)]
    if isinstance(node, dict):
        return [c for value in node.values() for c in commands(value)]
    return []


# ---- Read the Docs -----------------------------------------------------------------------


def test_readthedocs_config_basics():
    config = load(RTD)
    assert config.get("version") == 2
    build = config["build"]
    assert build["os"] == "ubuntu-24.04"
    assert str(build["tools"]["python"]) == "3.11"
    assert "jobs" in build or "commands" in build


def test_readthedocs_installs_the_pinned_docs_and_tensorflow_extras():
    build = load(RTD)["build"]
    steps = commands(build.get("jobs", {})) + commands(build.get("commands", []))
    installs = [step for step in steps
                if re.search(r"pip install\b.*-c constraints\.txt.*-e \"?\.\[", step)]
    assert installs, steps
    extras = set(re.search(r"\.\[([\w,]+)\]", installs[0]).group(1).split(","))
    # TensorFlow is an extra: the gallery examples that the build runs need it.
    assert {"docs", "tensorflow"} <= extras, installs[0]
    assert re.search(r"-e \./docs(\s|$)", installs[0]), "the docs toolchain (dlref_docs)"


def test_readthedocs_builds_the_project_language_with_warnings_as_errors():
    build = load(RTD)["build"]
    steps = commands(build.get("jobs", {})) + commands(build.get("commands", []))
    sphinx = [s for s in steps if re.search(r"(python -m sphinx|sphinx-build)\b", s)]
    assert sphinx, f"no step runs Sphinx: {steps}"
    step = sphinx[0]
    assert re.search(r"(^|\s)-W(\s|$)", step), step
    assert "--keep-going" in step
    assert re.search(r"-D\s*language=\$\{?READTHEDOCS_LANGUAGE\}?", step), step
    assert re.search(r"\$\{?READTHEDOCS_OUTPUT\}?/html", step), step
    assert re.search(r"\sdocs(\s|$)", step), "the Sphinx source folder should be docs/"


# ---- GitHub Pages ------------------------------------------------------------------------


def workflow_triggers(workflow: dict) -> dict:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers is not None, "the workflow has no `on:` triggers"
    if isinstance(triggers, str):
        triggers = {triggers: None}
    elif isinstance(triggers, list):
        triggers = dict.fromkeys(triggers)
    return triggers


def all_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflow_runs_on_push_to_main_and_by_hand():
    triggers = workflow_triggers(load(WORKFLOW))
    assert "push" in triggers
    assert "main" in (triggers["push"] or {}).get("branches", []), triggers["push"]
    assert "workflow_dispatch" in triggers


def test_workflow_builds_with_the_readme_command_and_python_311():
    workflow = load(WORKFLOW)
    assert {"build", "deploy"} <= set(workflow["jobs"]), set(workflow["jobs"])
    build = workflow["jobs"]["build"]
    assert build["runs-on"] == "ubuntu-latest"
    steps = build["steps"]
    setup = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert setup, "no actions/setup-python step"
    assert str(setup[0]["with"]["python-version"]) == "3.11"
    assert setup[0]["with"].get("cache") == "pip"
    assert any(re.search(r"(^|\s)make site(\s|$)", str(s.get("run", ""))) for s in steps), (
        "no step runs `make site`"
    )


def test_workflow_uploads_and_deploys_the_pages_artifact():
    workflow = load(WORKFLOW)
    uses = [str(s.get("uses", "")) for s in all_steps(workflow)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses), uses
    assert any(u.startswith("actions/deploy-pages@") for u in uses), uses
    upload = next(
        s
        for s in workflow["jobs"]["build"]["steps"]
        if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"]["path"].rstrip("/") == "docs/_build/html"
    deploy = workflow["jobs"]["deploy"]
    assert "build" in (deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]])
    permissions = {**(workflow.get("permissions") or {}), **(deploy.get("permissions") or {})}
    assert permissions.get("pages") == "write"
    assert permissions.get("id-token") == "write"
    assert workflow["concurrency"]["group"] == "pages"


def test_workflow_output_folder_matches_the_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^OUT\s*:=\s*docs/_build/html\s*$", makefile, re.M), (
        "the Makefile's site output folder changed; update docs.yml's upload path"
    )


def test_makefile_installs_every_extra():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = re.search(r"pip install\b.*-c constraints\.txt -e \"\.\[([\w,]+)\]\"", makefile)
    assert install, "the Makefile's install line changed"
    extras = set(install.group(1).split(","))
    assert extras == {"tensorflow", "docs", "test"}, extras
    assert re.search(r"-e \./docs\s*$", install.string[install.start():].splitlines()[0]), (
        "the Makefile must install the docs toolchain (docs/pyproject.toml)")


# ---- The regression matrix ---------------------------------------------------------------


def test_regress_workflow_runs_make_regress_for_every_minor():
    import tomllib

    workflow = load(REGRESS)
    minors = list(tomllib.loads((ROOT / "regress" / "versions.toml").read_text())["minors"])
    triggers = workflow_triggers(workflow)
    assert "workflow_dispatch" in triggers
    (job,) = workflow["jobs"].values()
    matrix = job["strategy"]["matrix"]
    assert [str(tf) for tf in matrix["tf"]] == minors, "regress.yml and versions.toml differ"
    assert job["strategy"].get("fail-fast") is False  # one minor's failure hides no other
    runs = [str(step.get("run", "")) for step in job["steps"]]
    assert any(re.search(r"(^|\s)make regress TF=\$\{\{ *matrix\.tf *\}\}", r) for r in runs), runs
    setup = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert setup and str(setup[0]["with"]["python-version"]) == "3.11"


def test_ci_run_stays_the_pinned_single_environment_suite():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", script, re.M)
    assert "regress" not in script
