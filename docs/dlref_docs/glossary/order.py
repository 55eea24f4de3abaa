"""The glossary and the general index in the reader's alphabet.

Glossary
``:sorted:`` sorts the English headwords when the page is parsed; the translated headwords
("활성화 함수 (activation function)", from glossary.po) replace them afterwards, so a
translated build sorts each glossary again by its translated headword: headwords in the
language's script first (``[glossary] script`` of its data file; Hangul syllables are encoded
in 가나다 order, so code-point order is dictionary order), then those that stay in Latin
letters (ReLU, GELU, …), A–Z.  Links are unaffected: a translated term keeps its id.

General index
The translated glossary terms are its translated entries.  Sphinx groups them under the first
letter of their NFD form, for Hangul a conjoining jamo (U+1100 ᄀ), shown as the ordinary
letter (U+3131 ㄱ) from ``[index] letters``; the Python domain's "module" entry and
sub-entries, written untranslated by Sphinx, are translated from the interface catalog.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes

from ..core import languages
from ..core.interface import _


def _sort_key(script: re.Pattern[str] | None):
    def key(item: nodes.definition_list_item) -> tuple[int, str]:
        text = item.next_node(nodes.term).astext().strip()
        native = bool(text) and script is not None and bool(script.match(text[0]))
        return (0 if native else 1, text.casefold())
    return key


def sort_translated_glossaries(app, doctree) -> None:
    language = languages.for_app(app)
    if language.is_source:
        return
    script = re.compile(f"[{language.glossary_script}]") if language.glossary_script else None
    for glossary in doctree.findall(addnodes.glossary):
        for definitions in glossary.findall(nodes.definition_list):
            items = sorted(definitions.children, key=_sort_key(script))
            definitions.children = []
            definitions.extend(items)


def translated_index_letters(app, pagename, templatename, context, doctree) -> None:
    language = languages.for_app(app)
    if pagename != "genindex" or language.is_source or "genindexentries" not in context:
        return
    module = str(_("module"))
    entries = []
    for letter, items in context["genindexentries"]:
        translated = []
        for name, (links, subitems, key) in items:
            subitems[:] = [(module if sub == "module" else sub, sublinks)
                           for sub, sublinks in subitems]
            translated.append((module if name == "module" else name, (links, subitems, key)))
        entries.append((language.index_letters.get(letter, letter), translated))
    context["genindexentries"] = entries
