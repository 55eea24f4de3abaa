"""docs/_ext/js_catalog.py: the browser's Korean UI catalog is generated from sphinx.po."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import SimpleNamespace

import sphinx

DOCS = Path(__file__).resolve().parents[2] / "docs"
PO = DOCS / "locale" / "ko" / "LC_MESSAGES" / "sphinx.po"
BUNDLED = Path(sphinx.__file__).parent / "locale" / "ko" / "LC_MESSAGES" / "sphinx.js"


def _extension():
    spec = importlib.util.spec_from_file_location("js_catalog", DOCS / "_ext" / "js_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def test_the_build_writes_sphinx_js_next_to_sphinx_po(tmp_path):
    js_catalog = _extension()
    locale = tmp_path / "locale" / "ko" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    shutil.copy(PO, locale / "sphinx.po")
    app = SimpleNamespace(srcdir=str(tmp_path))
    js_catalog.write_js_catalog(app, SimpleNamespace(language="ko", locale_dirs=["locale"]))
    written = js_catalog.read_js_catalog(locale / "sphinx.js")
    assert written == js_catalog.build_js_catalog(PO, "ko")
    # English is the source language: nothing to generate.
    (locale / "sphinx.js").unlink()
    js_catalog.write_js_catalog(app, SimpleNamespace(language="en", locale_dirs=["locale"]))
    assert not (locale / "sphinx.js").exists()
