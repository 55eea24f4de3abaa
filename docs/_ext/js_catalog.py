"""Generate the browser's UI catalog ``sphinx.js`` from ``locale/<lang>/LC_MESSAGES/sphinx.po``.

Sphinx ships, per language, a ``sphinx.js`` compiled from its own catalog; the search page
reads its strings from it.  Sphinx's Korean one leaves a few of them empty, and a project
overrides the file by putting its own ``sphinx.js`` in ``locale_dirs``.  A hand copy would
go stale with the next Sphinx release, so at every build this extension writes it afresh:
the running Sphinx's bundled catalog, with the non-empty translations of the project's
``sphinx.po`` laid over the messages the browser uses.  The file is generated, like the
``.mo`` files next to it (both are gitignored).
"""

from __future__ import annotations

import json
from pathlib import Path

import sphinx
from babel.messages.pofile import read_po

PREFIX = "Documentation.addTranslations("


def read_js_catalog(path: Path) -> dict:
    """Return the dict that a ``sphinx.js`` passes to ``Documentation.addTranslations``."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(PREFIX) + len(PREFIX) : text.rindex(")")])


def build_js_catalog(po_path: Path, language: str) -> dict:
    """Sphinx's bundled JS catalog for ``language`` with the translations of ``po_path``."""
    bundled = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    if bundled.is_file():
        data = read_js_catalog(bundled)
    else:
        data = {"locale": language, "messages": {}, "plural_expr": "(n != 1)"}
    messages = data["messages"]
    with po_path.open("rb") as f:
        catalog = read_po(f, locale=language)
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        # Only strings the browser uses (those in Sphinx's JS catalog) belong here.
        if key not in messages or message.fuzzy:
            continue
        string = list(message.string) if isinstance(message.string, tuple) else message.string
        if any(string) if isinstance(string, list) else string:
            messages[key] = string
    return data


def write_js_catalog(app, config) -> None:
    """``config-inited`` handler: write ``sphinx.js`` next to each ``sphinx.po`` of the language."""
    language = config.language
    if not language or language == "en":
        return
    for locale_dir in config.locale_dirs:
        po_path = Path(app.srcdir, locale_dir, language, "LC_MESSAGES", "sphinx.po")
        if not po_path.is_file():
            continue
        data = build_js_catalog(po_path, language)
        text = PREFIX + json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True) + ");\n"
        js_path = po_path.with_suffix(".js")
        if not js_path.is_file() or js_path.read_text(encoding="utf-8") != text:
            js_path.write_text(text, encoding="utf-8")


def setup(app):
    # config-inited comes before the builder looks for sphinx.js (it decides then whether
    # pages load translations.js), so the generated file is the one it finds.
    app.connect("config-inited", write_js_catalog)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
