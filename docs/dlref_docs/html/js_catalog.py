"""The browser's interface catalog ``_static/translations.js``, with the project's translations.

Sphinx ships, per language, a ``sphinx.js`` compiled from its own catalog, and copies it to
``_static/translations.js``; the search page reads its strings from it.  Sphinx's Korean one
leaves a few of them empty.  A project overrides it with a ``sphinx.js`` of its own in one of
its ``locale_dirs``; a hand copy would go stale with the next Sphinx release, and generating
it next to ``sphinx.po`` would write into the sources.  So every build generates it into a
locale folder of its own in the doctree folder, which it adds to ``locale_dirs``: the
running Sphinx's bundled catalog, with the usable translations of the project's
``sphinx.po`` laid over the messages the browser uses.  Sphinx then finds it there, copies
it and gives its link the file's checksum, as for any other ``sphinx.js``.
"""

from __future__ import annotations

import json
from pathlib import Path

import sphinx

from ..core import catalogs

PREFIX = "Documentation.addTranslations("


def read_js_catalog(path: Path) -> dict:
    """Return the dict that a ``sphinx.js`` passes to ``Documentation.addTranslations``."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(PREFIX) + len(PREFIX) : text.rindex(")")])


def bundled_js_catalog(language: str) -> Path:
    return Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"


def build_js_catalog(po_path: Path, language: str) -> dict:
    """Sphinx's bundled JS catalog for ``language`` with the translations of ``po_path``."""
    bundled = bundled_js_catalog(language)
    if bundled.is_file():
        data = read_js_catalog(bundled)
    else:
        data = {"locale": language, "messages": {}, "plural_expr": "(n != 1)"}
    messages = data["messages"]
    for msgid, string in catalogs.read(po_path).strings.items():
        # Only strings the browser uses (those in Sphinx's JS catalog) belong here.
        if msgid in messages:
            messages[msgid] = list(string) if isinstance(string, tuple) else string
    return data


def js_catalog_text(data: dict) -> str:
    return PREFIX + json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True) + ");\n"


def generated_locale_dir(app) -> Path:
    return Path(app.doctreedir) / "dlref_docs" / "js-locale"


def write_js_catalog(app, config) -> None:
    """``config-inited`` (before the builder looks for ``sphinx.js``): generate it."""
    language = config.language
    if not language or language == "en":
        return
    for locale_dir in config.locale_dirs:
        po_path = Path(app.srcdir, locale_dir, language, "LC_MESSAGES", "sphinx.po")
        if po_path.is_file():
            target = generated_locale_dir(app) / language / "LC_MESSAGES" / "sphinx.js"
            target.parent.mkdir(parents=True, exist_ok=True)
            text = js_catalog_text(build_js_catalog(po_path, language))
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
            config.locale_dirs = [*config.locale_dirs, str(generated_locale_dir(app))]
            return
