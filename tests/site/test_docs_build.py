"""Build both languages as `make site` does and check what a reader would get."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"





# TensorFlow's C++ runtime prints this one line when an example imports it; it is not a
# Sphinx warning and TF_CPP_MIN_LOG_LEVEL does not silence it.
TF_ABSL_NOTICE = "WARNING: All log messages before absl::InitializeLog() is called"


def test_both_languages_build_without_warnings(site):
    for lang, result in site["results"].items():
        lines = [line for line in result["log"].splitlines() if not line.startswith(TF_ABSL_NOTICE)]
        problems = [line for line in lines if "WARNING" in line or "ERROR" in line]
        assert not problems, f"{lang} build printed warnings:\n" + "\n".join(problems)
        assert "build succeeded." in result["log"]


def test_root_index_sends_readers_to_a_language(site):
    html = (site["out"] / "index.html").read_text(encoding="utf-8")
    assert 'href="ko/index.html"' in html and 'href="en/index.html"' in html
    assert "navigator.languages" in html
    assert not (site["out"] / "BUILD_FAILED.txt").exists()


def test_pages_exist_in_both_languages(site):
    out = site["out"]
    en_pages = {p.relative_to(out / "en") for p in (out / "en").rglob("*.html")}
    ko_pages = {p.relative_to(out / "ko") for p in (out / "ko").rglob("*.html")}
    assert en_pages == ko_pages
    assert len(en_pages) >= 10
    ko_index = (out / "ko" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*lang="ko"', ko_index)


def test_every_example_executed_once_and_has_its_figure(site):
    out = site["out"]
    examples = sorted((DOCS.parent / "gallery").glob("*/plot_*.py"))
    for script in examples:
        section = script.parent.name
        page = out / "en" / "auto_examples" / section / (script.stem + ".html")
        assert page.is_file(), f"no page for {script.name}"
        figures = list((DOCS / "auto_examples" / section / "images").glob(
            f"sphx_glr_{script.stem}_*.png"))
        assert figures, f"{script.name} produced no figure"
        html = page.read_text(encoding="utf-8")
        assert f"sphx_glr_{script.stem}_001.png" in html
        assert (page.parent / f"{script.stem}.py").exists() or script.stem + ".py" in html
        assert script.stem + ".ipynb" in html, f"{script.name} offers no notebook download"


def test_example_output_holds_no_warning_or_machine_path(site):
    # A library warning in the printed output carries the path of whoever built the site
    # (".../site-packages/keras/...") and is noise to a reader copying the example.
    problems = []
    for page in sorted((site["out"] / "en" / "auto_examples").glob("*/plot_*.html")):
        text = page.read_text(encoding="utf-8")
        for output in re.findall(r'<div class="sphx-glr-script-out[^"]*">(.*?)</pre>', text,
                                 flags=re.S):
            for marker in ("Warning:", "site-packages", str(DOCS.parent)):
                if marker in output:
                    problems.append(f"{page.name}: {marker!r}")
    assert not problems, problems


def test_korean_build_reuses_the_gallery(site):
    ko_log = site["results"]["ko"]["log"]
    match = re.search(r"successfully executed (\d+) out of (\d+)", ko_log)
    assert match, "sphinx-gallery did not report its execution count in the Korean build"
    assert int(match.group(1)) == 0, "the Korean build re-executed examples"


@pytest.mark.parametrize("api_page, example", [
    ("dlref.activations.sigmoid", "plot_activation_functions"),
    ("dlref.diagnostics.gradient_norms", "plot_vanishing_gradients"),
    ("dlref.optimizers.Adam", "plot_optimizer_paths"),
    ("dlref.losses.select_loss", "plot_choosing_a_loss"),
])
def test_api_pages_show_mini_galleries_of_the_examples_that_use_them(site, api_page, example):
    for lang in ("en", "ko"):
        html = (site["out"] / lang / "api" / "generated" / f"{api_page}.html").read_text(
            encoding="utf-8")
        assert "sphx-glr-thumbcontainer" in html, f"{lang}/{api_page}: no mini-gallery"
        assert f"{example}.html" in html, f"{lang}/{api_page}: {example} not in its mini-gallery"
