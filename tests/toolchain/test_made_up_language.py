"""A third language needs catalogs and one language-data file, not edits to the toolchain.

``roots/test-made-up-language`` is a project in the made-up language "xx" (written in Greek
letters, its words take the endings -ος and -ων): its ``locale/xx/`` holds the page, figure,
comment and output catalogs, the toolchain's interface catalog (``dlref_docs.po``) and
``language.toml``.  Built in-process, the site comes out in that language everywhere the
toolchain reaches: page text, figures, code comments, printed output, interface strings,
and a search that cuts the language's endings.
"""

from __future__ import annotations

import json
import shutil

import pytest
from bs4 import BeautifulSoup


@pytest.fixture(scope="module")
def built(rootdir, tmp_path_factory):
    """The project built once for the module (sphinx.testing's make_app is per test)."""
    import sphinx.locale
    from sphinx.testing.util import SphinxTestApp

    project = tmp_path_factory.mktemp("made-up") / "project"
    shutil.copytree(rootdir / "test-made-up-language", project)
    app = SphinxTestApp("html", srcdir=project / "docs", confoverrides={"language": "xx"})
    try:
        app.build()
        yield app
    finally:
        app.cleanup()
        sphinx.locale.translators.clear()


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def test_the_build_warns_of_nothing_but_docutils_not_knowing_the_language(built):
    # docutils has its own, fixed list of languages for the words it writes itself.
    warnings = [line for line in built.warning.getvalue().splitlines()
                if line.strip() and "[docutils]" not in line]
    assert not warnings, warnings


def test_page_text_comments_and_output_are_in_the_language(built):
    index = page(built, "index.html")
    assert "κλισεων ρεουν πισω." in index.get_text()
    assert "# κρυφο στρωμα" in index.select_one("div.highlight").get_text()
    example = page(built, "auto_examples/plot_loss.html")
    assert "τελικη απωλεια 0.25" in example.select_one(".sphx-glr-script-out").get_text()
    assert "# η τελευταια τιμη" in example.get_text()


def test_figures_are_drawn_in_the_language(built):
    example = page(built, "auto_examples/plot_loss.html")
    (image,) = example.select("img.sphx-glr-single-img")
    assert image["src"].endswith("sphx_glr_plot_loss_001.xx.png")
    assert image["alt"] == "καμπυλη απωλειων"
    gallery = page(built, "auto_examples/index.html")
    thumb = gallery.select_one("img[src*=thumb]")
    assert thumb["src"].endswith("_thumb.xx.png") and thumb["alt"].startswith("Μικρογραφια: ")


def test_interface_strings_come_from_the_languages_catalog(built):
    example = (built.outdir / "auto_examples" / "plot_loss.html").read_text(encoding="utf-8")
    assert 'content: "Εξοδος:"' in example  # the label of printed output
    assert '"copy_success": "Αντιγραφηκε!"' in example  # the copy button
    assert "Συνολικος χρονος:" in example and " δ)" in example  # the run time


def test_the_search_cuts_the_languages_endings(built):
    stemmer = (built.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "ParticleStemmer" in stemmer
    search = (built.outdir / "_static" / "dlref_search.js").read_text(encoding="utf-8")
    data = json.loads(search[len("var DLREF_SEARCH = "):search.index(";\n")])
    assert data["particles"] == [["ος", 1], ["ων", 1]]
    index = (built.outdir / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert "κλισε" in terms and "κλισεων" not in terms  # κλισεων, indexed without -ων
