"""`make site` fails loudly, names what broke, and leaves no finished-looking site behind.

The name of the file at fault comes from Sphinx's and sphinx-gallery's own messages, which
``python -m dlref_docs build`` shows (it does not re-parse them); these tests check that it is
shown, building the small projects of ``roots/test-build-*`` as ``make site`` builds the site.
"""

from __future__ import annotations

import re
import shutil

import pytest
from dlref_docs import build as build_site


def _project(rootdir, tmp_path, name: str):
    """A copy of ``roots/test-build-<name>`` (sphinx-gallery writes into the sources)."""
    shutil.copytree(rootdir / f"test-build-{name}", tmp_path / "project")
    return tmp_path / "project" / "docs"


def _build_fails(tmp_path, docs, capsys):
    """Build ``docs``, expect failure; return everything the user was shown."""
    out = tmp_path / "html"
    out.mkdir()
    (out / "index.html").write_text("an older, complete site", encoding="utf-8")
    with pytest.raises(SystemExit) as excinfo:
        build_site.build(out, langs=("en",), echo=False, docs=docs)
    message = str(excinfo.value)
    assert "FAILED" in message and "'en'" in message
    assert not (out / "index.html").exists(), "a failed build left the root page in place"
    assert (out / "BUILD_FAILED.txt").read_text(encoding="utf-8").startswith("The en build")
    shown = capsys.readouterr()
    return shown.out + shown.err + message


def test_a_raising_example_fails_the_build_and_is_named(rootdir, tmp_path, capsys):
    docs = _project(rootdir, tmp_path, "broken-example")
    shown = _build_fails(tmp_path, docs, capsys)
    assert re.search(r"plot_broken\.py failed", shown), shown[-3000:]


def test_a_broken_page_fails_the_build_and_is_named(rootdir, tmp_path, capsys):
    docs = _project(rootdir, tmp_path, "broken-page")
    shown = _build_fails(tmp_path, docs, capsys)
    assert re.search(r"page\.rst:\d+: (ERROR|WARNING)", shown), shown[-3000:]


def test_a_missing_dependency_fails_the_build_and_says_so(rootdir, tmp_path, capsys):
    docs = _project(rootdir, tmp_path, "missing-extension")
    shown = _build_fails(tmp_path, docs, capsys)
    assert "Could not import extension not_installed_ext" in shown, shown[-3000:]


def test_a_missing_glyph_fails_the_build_and_is_named(rootdir, tmp_path, capsys):
    # The site's policy (dlref_docs.gallery.glyphs), not dlref.plotting's: an empty box
    # in a figure must not ship.
    docs = _project(rootdir, tmp_path, "missing-glyph")
    shown = _build_fails(tmp_path, docs, capsys)
    assert re.search(r"plot_broken\.py failed", shown), shown[-3000:]


def test_stale_autosummary_stubs_are_removed_before_a_build(tmp_path):
    # A removed function leaves its stub behind in every existing checkout; Sphinx would
    # then fail the -W build on "failed to import" and "not in any toctree".
    generated = tmp_path / "generated"
    generated.mkdir()
    kept = [generated / f"{name}.rst" for name in (
        "dlref.losses", "dlref.losses.LossChoice", "dlref.optimizers.Adam.step")]
    gone = [generated / f"{name}.rst" for name in (
        "dlref.optimizers.beale", "dlref.no_such_module.f", "dlref.losses.LossChoice.nope")]
    for stub in kept + gone:
        stub.write_text("stub\n", encoding="utf-8")
    (generated / "backreferences").mkdir()

    removed = build_site.remove_stale_stubs(generated)

    assert sorted(removed) == sorted(gone)
    assert all(stub.exists() for stub in kept)
    assert (generated / "backreferences").is_dir()
