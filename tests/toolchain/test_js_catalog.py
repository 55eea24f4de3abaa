"""dlref_docs.html.js_catalog: the browser's Korean UI catalog is generated from sphinx.po."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import sphinx

DOCS = Path(__file__).resolve().parents[2] / "docs"
PO = DOCS / "locale" / "ko" / "LC_MESSAGES" / "sphinx.po"
BUNDLED = Path(sphinx.__file__).parent / "locale" / "ko" / "LC_MESSAGES" / "sphinx.js"


def _extension():
    from dlref_docs.html import js_catalog

    return js_catalog


def test_every_browser_string_of_the_running_sphinx_is_translated():
    js_catalog = _extension()
    data = js_catalog.build_js_catalog(PO, "ko")
    bundled = js_catalog.read_js_catalog(BUNDLED)
    # Exactly the running Sphinx's keys: an upgrade brings its new strings along.
    assert set(data["messages"]) == set(bundled["messages"])
    assert data["plural_expr"] == bundled["plural_expr"]
    empty = [k for k, v in data["messages"].items() if not (any(v) if isinstance(v, list) else v)]
    assert not empty, f"add Korean for these to {PO.relative_to(DOCS)}: {empty}"
    summary = data["messages"]["Search finished, found one page matching the search query."]
    assert summary == ["검색을 마쳤습니다. 검색어와 일치하는 페이지를 ${resultCount}개 찾았습니다."]


def test_the_build_generates_sphinx_js_outside_the_sources(tmp_path):
    js_catalog = _extension()
    src = tmp_path / "src"
    locale = src / "locale" / "ko" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    shutil.copy(PO, locale / "sphinx.po")
    app = SimpleNamespace(srcdir=str(src), doctreedir=str(tmp_path / "doctrees"))
    config = SimpleNamespace(language="ko", locale_dirs=["locale"])
    js_catalog.write_js_catalog(app, config)
    generated = tmp_path / "doctrees" / "dlref_docs" / "js-locale"
    written = js_catalog.read_js_catalog(generated / "ko" / "LC_MESSAGES" / "sphinx.js")
    assert written == js_catalog.build_js_catalog(PO, "ko")
    # Sphinx looks for sphinx.js in locale_dirs: the generated folder is one of them now.
    assert config.locale_dirs == ["locale", str(generated)]
    assert sorted(p.name for p in locale.iterdir()) == ["sphinx.po"]  # nothing in the sources
    # English is the source language: nothing to generate.
    english = SimpleNamespace(language="en", locale_dirs=["locale"])
    js_catalog.write_js_catalog(SimpleNamespace(srcdir=str(src),
                                                doctreedir=str(tmp_path / "en")), english)
    assert english.locale_dirs == ["locale"] and not (tmp_path / "en").exists()
