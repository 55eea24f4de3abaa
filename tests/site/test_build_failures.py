"""`make site` fails loudly, names what broke, and leaves no finished-looking site behind.

The name of the file at fault comes from Sphinx's and sphinx-gallery's own messages, which
build_site.py shows (it does not re-parse them); these tests check that it is shown.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EXT_DIR = Path(__file__).resolve().parents[2] / "docs" / "_ext"

CONF = """
import sys
sys.path.insert(0, {ext_dir!r})
extensions = [{extensions}]
sphinx_gallery_conf = {{"examples_dirs": ["../examples"], "gallery_dirs": ["auto_examples"],
                        "filename_pattern": "/plot_", "write_computation_times": False}}
exclude_patterns = ["_build"]
"""


def _project(tmp_path, *, extensions='"sphinx_gallery.gen_gallery"', example="", page=""):
    docs = tmp_path / "docs"
    docs.mkdir()
    conf = CONF.format(extensions=extensions, ext_dir=str(EXT_DIR))
    (docs / "conf.py").write_text(conf, encoding="utf-8")
    toctree = "\n   auto_examples/index\n   page" if example else "\n   page"
    (docs / "index.rst").write_text(f"Home\n====\n\n.. toctree::\n{toctree}\n",
                                    encoding="utf-8")
    (docs / "page.rst").write_text(page or "Page\n====\n\nText.\n", encoding="utf-8")
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "README.txt").write_text("Examples\n========\n", encoding="utf-8")
    if example:
        (examples / "plot_broken.py").write_text(textwrap.dedent(example), encoding="utf-8")
    return docs


def _build_fails(build_site, tmp_path, docs, capsys):
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


def test_a_raising_example_fails_the_build_and_is_named(build_site, tmp_path, capsys):
    docs = _project(tmp_path, example='''
        """
        Broken
        ======

        Raises on purpose.
        """
        raise RuntimeError("this example is broken")
        ''')
    shown = _build_fails(build_site, tmp_path, docs, capsys)
    assert re.search(r"plot_broken\.py failed", shown), shown[-3000:]


def test_a_broken_page_fails_the_build_and_is_named(build_site, tmp_path, capsys):
    docs = _project(tmp_path, page="Page\n====\n\n.. no-such-directive::\n")
    shown = _build_fails(build_site, tmp_path, docs, capsys)
    assert re.search(r"page\.rst:\d+: (ERROR|WARNING)", shown), shown[-3000:]


def test_a_missing_dependency_fails_the_build_and_says_so(build_site, tmp_path, capsys):
    docs = _project(tmp_path, extensions='"sphinx_gallery.gen_gallery", "not_installed_ext"')
    shown = _build_fails(build_site, tmp_path, docs, capsys)
    assert "Could not import extension not_installed_ext" in shown, shown[-3000:]


def test_a_missing_glyph_fails_the_build_and_is_named(build_site, tmp_path, capsys):
    # The site's policy (docs/_ext/strict_glyphs.py), not dlref.plotting's: an empty box
    # in a figure must not ship.
    docs = _project(
        tmp_path,
        extensions='"sphinx_gallery.gen_gallery", "strict_glyphs"',
        example='''
        """
        No Hangul font
        ==============

        Draws Hangul with a font that lacks it.
        """
        import matplotlib.pyplot as plt

        plt.rcParams["font.family"] = ["DejaVu Sans"]
        fig, ax = plt.subplots()
        ax.set_title("기울기 소실")
        ''',
    )
    shown = _build_fails(build_site, tmp_path, docs, capsys)
    assert re.search(r"plot_broken\.py failed", shown), shown[-3000:]


def test_stale_autosummary_stubs_are_removed_before_a_build(build_site, tmp_path):
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
